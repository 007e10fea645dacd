"""What a record's story text is reduced to for finding its story: word shingles in a MinHash
signature (datasketch), the LSH band keys of that signature, the hashes of its paragraphs and
the figures it prints. No Scrapy here."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

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


def normalise(text: str) -> list[str]:
    """Lower-case words, accents and typographic quotes folded; figures kept whole (81,234.5)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(text)


@lru_cache(maxsize=1)
def band_ranges() -> tuple[tuple[int, int], ...]:
    """The LSH bands datasketch chooses for NUM_PERM permutations at LSH_THRESHOLD (equal
    weight to false positives and false negatives)."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return tuple(lsh.hashranges)


def _int64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def paragraph_hash(paragraph: str) -> int:
    """The key of a paragraph, the same through case, punctuation and spacing changes."""
    return _int64(" ".join(normalise(paragraph)).encode())


@dataclass
class Signature:
    """A story text reduced for lookup and comparison."""

    hashvalues: np.ndarray
    """The MinHash signature (NUM_PERM unsigned 64-bit values)."""
    size: int
    """Distinct shingles in the text (for containment from resemblance)."""
    paragraphs: dict[int, int] = field(default_factory=dict)
    """Hash of each paragraph long enough to be looked up -> its length in characters."""
    numbers: frozenset[str] = frozenset()
    """The figures the text prints ("310", "81,234.50"): a template report of another day differs in them."""

    @property
    def text_chars(self) -> int:
        return sum(self.paragraphs.values())

    def bands(self) -> list[int]:
        """The LSH band keys: a record meets every indexed record sharing any one of them."""
        hv = self.hashvalues
        return [_int64(bytes([i]) + hv[start:end].tobytes()) for i, (start, end) in enumerate(band_ranges())]

    def resemblance(self, other: "Signature") -> float:
        """Estimated Jaccard resemblance of the two shingle sets."""
        if self.size == 0 or other.size == 0:
            return 0.0
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / NUM_PERM

    def containment_in(self, other: "Signature") -> float:
        """Estimated share of this text's shingles found in `other` (from resemblance and sizes,
        the estimate datasketch's LSH Ensemble uses)."""
        j = self.resemblance(other)
        if j == 0.0:
            return 0.0
        return min(1.0, j * (self.size + other.size) / ((1.0 + j) * self.size))

    def to_blob(self) -> bytes:
        return self.hashvalues.astype("<u8").tobytes()


def shingles(words: list[str]) -> set[bytes]:
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


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
    sh = shingles(words[:MAX_WORDS])
    mh = MinHash(num_perm=NUM_PERM)
    if sh:
        mh.update_batch(list(sh))
    numbers = frozenset(w for w in words if _NUMBER.match(w))
    return Signature(hashvalues=np.asarray(mh.hashvalues, dtype=np.uint64), size=len(sh),
                     paragraphs=paras, numbers=numbers)


def from_blob(blob: bytes, size: int, paragraphs: dict[int, int], numbers: frozenset[str]) -> Signature:
    return Signature(hashvalues=np.frombuffer(blob, dtype="<u8").astype(np.uint64), size=size,
                     paragraphs=paragraphs, numbers=numbers)
