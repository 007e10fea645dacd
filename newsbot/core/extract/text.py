"""Small text helpers shared by the extractors."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\ufeff]+")


_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")


def clean(text: str | None) -> str:
    """Collapse runs of white space (non-breaking and zero-width included) and strip."""
    if not text:
        return ""
    for mark in _ZERO_WIDTH:
        if mark in text:
            return _SPACE.sub(" ", text).strip()
    # str.split() cuts at exactly what \s matches (str.isspace): the same result, 6x faster
    # on a paragraph, and clean() runs on every block of every page.
    return " ".join(text.split())


_FOLD_EXCEPTIONS = ("\u0130", "\u0131", "\u017f", "\u212a")
"""Characters re.IGNORECASE equates with an ASCII letter that str.lower() does not turn into
it (dotted and dotless I, long s, the Kelvin sign)."""


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether text may hold one of `words` (lower-case ASCII) in any case, as a re.I pattern
    would match them: a substring test in C before a costly pattern, which never says no
    where the pattern would match (an alternation of words costs sre as much as the pattern)."""
    low = text.lower()
    for w in words:  # a plain loop: any() over a generator costs more than the tests
        if w in low:
            return True
    # isascii() reads a flag CPython keeps; four substring tests run in C (a set test of the
    # text's characters would walk it in Python: 10x the time).
    if text.isascii():
        return False
    for ch in _FOLD_EXCEPTIONS:
        if ch in text:
            return True
    return False


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """A comparison key: NFKC, curly quotes and dashes made plain, lower case, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_PLAIN)
    return clean(text).lower()


_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u2212": "-"})


_HTML_TAG_NAMES = ("p|br|hr|a|b|i|u|em|strong|span|div|img|h[1-6]|ul|ol|li|blockquote|figure|figcaption|iframe|"
                   "script|style|sup|sub|small|table|tr|td|th|tbody|thead|section|article|header|footer|nav|"
                   "picture|source|video|audio|embed|object|noscript|font|center|ins|del|mark|cite|q|"
                   "pre|code|dl|dt|dd|aside|main|time|label|button|input|form|meta|link")
_MARKUP = re.compile(rf"</?(?:{_HTML_TAG_NAMES})(?:\s+[^<>]{{0,800}}?)?\s*/?>", re.I)
_SCRIPT_TEXT = re.compile(r"<(script|style)\b[^<>]{0,800}>.*?</\1\s*>", re.I | re.S)


def strip_markup(text: str) -> str:
    """Text with HTML tags printed as text removed ("<p>", "</strong>", "<a href=...>"): a page
    that escapes its own markup, or a JSON field holding HTML. Scripts' and styles' bodies go
    too. Only tag names HTML has are taken, so "a <b" comparison or "x < y" stays."""
    if "<" not in text:
        return text
    return clean(_MARKUP.sub(_tag_gap, _SCRIPT_TEXT.sub(" ", text)))


_INLINE = frozenset("a b i u em strong span sup sub small font ins del mark cite q code time label".split())


def _tag_gap(m: re.Match) -> str:
    """Inline tags join their words; block tags part them."""
    name = re.match(r"</?([a-zA-Z0-9]+)", m.group(0)).group(1).lower()
    return "" if name in _INLINE else " "
