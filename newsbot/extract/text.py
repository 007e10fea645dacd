"""Small text helpers shared by the extractors."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\ufeff]+")


def clean(text: str | None) -> str:
    """Collapse runs of white space (non-breaking and zero-width included) and strip."""
    if not text:
        return ""
    return _SPACE.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """A comparison key: NFKC, curly quotes and dashes made plain, lower case, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_PLAIN)
    return clean(text).lower()


_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u2212": "-"})
