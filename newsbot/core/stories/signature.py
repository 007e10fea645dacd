"""What a record's story text is reduced to for finding its story: word shingles in a MinHash
signature (datasketch), the LSH band keys of that signature, the hashes of its paragraphs and
the figures it prints. No Scrapy here."""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

NUM_PERM = 128
"""MinHash permutations: the resemblance estimate's error is about 0.04 at this size."""
SHINGLE_WORDS = 5
"""Words per shingle: long enough that two stories on one event share few of them."""
LSH_THRESHOLD = 0.5
"""Resemblance above which the LSH bands are likely to meet. Trimmed copies and wire updates
fall under it at times; the paragraph hashes find those."""
MAX_WORDS = 20000
"""Words of a story read at most (a page of a million words is signed by its first 20,000)."""
MIN_PARAGRAPH_CHARS = 60
"""Shorter paragraphs ("Also read: ...", one-line captions) are not looked up by hash."""

_WORD = re.compile(r"\w+(?:[.,]\d+)*", re.UNICODE)
_NUMBER = re.compile(r"^\d[\d.,]*$")


_EDGE_PUNCTUATION = ".,;:!?\"'()[]{}<>“”‘’«»-–—/*"
"""Punctuation stripped from a whitespace token's ends before the whole-word test: a word
with such marks around it ("market," "(PTI)") is still one word."""


def normalise(text: str) -> list[str]:
    """Lower-case words, accents and typographic quotes folded; figures kept whole (81,234.5).
    The words of _WORD.findall, found faster: a token that is one word once its punctuation
    is stripped (most are) skips the regular expression, which costs most of the signature."""
    text = unicodedata.normalize("NFKC", text).casefold()
    words: list[str] = []
    append, findall = words.append, _WORD.findall
    for token in text.split():
        if token.isalnum():  # most tokens: no punctuation to strip
            append(token)
            continue
        core = token.strip(_EDGE_PUNCTUATION)
        if core.isalnum():
            append(core)
        elif core:
            words.extend(findall(token))
    return words


BANDS, ROWS = 25, 5
"""The LSH bands datasketch's MinHashLSH chooses for NUM_PERM permutations at LSH_THRESHOLD
(equal weight to false positives and false negatives): 25 bands of 5 values. Written here, not
asked of datasketch, because importing datasketch imports scipy (0.6 s): a crawl whose worker
processes sign the records looks them up without it. tests/test_stories_index.py holds
these to datasketch's own choice."""


_BAND_MULT = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=1)
def _band_seeds() -> np.ndarray:
    return np.arange(1, BANDS + 1, dtype=np.uint64) * _BAND_MULT


def band_keys(hashvalues: np.ndarray) -> np.ndarray:
    """The LSH band keys of one signature (or of a 2-D array of them, one per row): the r
    values of each of datasketch's b bands folded into one signed 64-bit key, the band's
    number mixed in so equal values in two bands give two keys. (Unsigned array arithmetic
    wraps without a warning; the steps are in place, a handful of numpy calls a record.)"""
    r, b = ROWS, BANDS
    hv = np.asarray(hashvalues)
    values = hv[..., : b * r].astype(np.uint64).reshape(*hv.shape[:-1], b, r)
    key = _band_seeds() ^ values[..., 0]
    key *= _BAND_MULT
    for k in range(1, r):
        key ^= values[..., k]
        key *= _BAND_MULT
    return key.view(np.int64)


def _int64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def paragraph_hash(paragraph: str) -> int:
    """The key of a paragraph, the same through case, punctuation and spacing changes."""
    return _int64(" ".join(normalise(paragraph)).encode())


@dataclass
class Signature:
    """A story text reduced for lookup and comparison."""

    hashvalues: np.ndarray
    """The MinHash signature (NUM_PERM unsigned 32-bit values)."""
    size: int
    """Distinct shingles in the text (for containment from resemblance)."""
    paragraphs: dict[int, int] = field(default_factory=dict)
    """Hash of each paragraph long enough to be looked up -> its length in characters."""
    numbers: frozenset[str] = frozenset()
    """The figures the text prints ("310", "81,234.50"): a template report of another day differs in them."""
    _bands: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def text_chars(self) -> int:
        return sum(self.paragraphs.values())

    def bands(self) -> list[int]:
        """The LSH band keys: a record meets every indexed record sharing any one of them."""
        if self._bands is None:
            self._bands = band_keys(self.hashvalues).tolist()
        return self._bands

    def resemblance(self, other: "Signature") -> float:
        """Estimated Jaccard resemblance of the two shingle sets."""
        if self.size == 0 or other.size == 0:
            return 0.0
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / NUM_PERM

    def _containment(self, j: float, other: "Signature") -> float:
        """Estimated share of this text's shingles found in `other`, from their resemblance j
        and sizes (the estimate datasketch's LSH Ensemble uses)."""
        if j == 0.0:
            return 0.0
        return min(1.0, j * (self.size + other.size) / ((1.0 + j) * self.size))

    def compare(self, other: "Signature") -> tuple[float, float, float]:
        """(resemblance, containment of this text in `other`, of `other` in this one), the
        signatures compared once."""
        j = self.resemblance(other)
        return j, self._containment(j, other), other._containment(j, self)

    def to_blob(self) -> bytes:
        return self.hashvalues.astype("<u4").tobytes()


_WORD_HASHES: dict[str, int] = {}
_WORD_CACHE_SIZE = 500_000
"""Words whose hashes are kept (a bounded cache: news vocabularies repeat)."""
_MULT = np.uint32(0x01000193)


def _word_hash(word: str) -> int:
    """A word's 32-bit hash: blake2b, the same in every process and run (the index persists;
    Python's hash() is salted per process)."""
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "big")


def word_hashes(words: list[str]) -> np.ndarray:
    """The hash of every word, from the cache where it is (it mostly is: the cache is only
    searched for the missing words when one is met)."""
    cache = _WORD_HASHES
    try:
        return np.fromiter(map(cache.__getitem__, words), dtype=np.uint32, count=len(words))
    except KeyError:
        pass
    missing = set(words).difference(cache)
    if len(cache) + len(missing) <= _WORD_CACHE_SIZE:
        cache.update((w, _word_hash(w)) for w in missing)
        return np.fromiter(map(cache.__getitem__, words), dtype=np.uint32, count=len(words))
    extra = {w: _word_hash(w) for w in missing}
    return np.fromiter((extra[w] if w in extra else cache[w] for w in words), dtype=np.uint32, count=len(words))


def shingle_hashes(words: list[str]) -> set[int]:
    """The distinct 32-bit hashes of the text's word shingles (SHINGLE_WORDS words each),
    combined from per-word hashes with numpy rather than hashing every shingle's bytes (32-bit
    arithmetic wraps, so no mask is needed)."""
    if not words:
        return set()
    w = word_hashes(words)
    n = max(1, len(w) - SHINGLE_WORDS + 1)
    h = w[:n].copy()
    for k in range(1, min(SHINGLE_WORDS, len(w))):
        h *= _MULT
        h ^= w[k:k + n]
    return set(h.tolist())


SCHEME = "affine32"
"""datasketch 2's default MinHash scheme: 32-bit hash values."""


_LOCAL = threading.local()


def _minhash() -> MinHash:
    """An empty MinHash, its permutations made once per thread (building them is most of
    the cost of a new MinHash). The shingle hashes are 32-bit already: `int` passes them on."""
    mh = getattr(_LOCAL, "minhash", None)
    if mh is None:
        from datasketch import MinHash  # here, not at the top: see BANDS

        mh = _LOCAL.minhash = MinHash(num_perm=NUM_PERM, hashfunc=int, scheme=SCHEME)
    mh.clear()
    return mh


def signature(paragraphs: list[str]) -> Signature:
    """The signature of a story's paragraphs. Paragraphs are joined before shingling, so a
    paragraph split in two or two merged into one leave the shingles as they were."""
    words: list[str] = []
    paras: dict[int, int] = {}
    for p in paragraphs:
        if not isinstance(p, str) or len(words) >= MAX_WORDS:
            continue
        w = normalise(p[: MAX_WORDS * 40])
        words.extend(w)
        if len(p) >= MIN_PARAGRAPH_CHARS:
            paras[_int64(" ".join(w).encode())] = len(p)
    # The few words that start with a digit first, the pattern only for them.
    numbers = frozenset(filter(_NUMBER.match, {w for w in words if w[0].isdigit()}))
    del words[MAX_WORDS:]
    sh = shingle_hashes(words)
    mh = _minhash()
    if sh:
        mh.update_batch(sh)
    return Signature(hashvalues=np.array(mh.hashvalues, dtype=np.uint32), size=len(sh),
                     paragraphs=paras, numbers=numbers)


def from_blob(blob: bytes, size: int, paragraphs: dict[int, int], numbers: frozenset[str]) -> Signature:
    return Signature(hashvalues=np.frombuffer(blob, dtype="<u4").astype(np.uint32), size=size,
                     paragraphs=paragraphs, numbers=numbers)
