"""The wire agencies newsbot knows, with the names they print under."""

from __future__ import annotations

import re

AGENCY_ALIASES: dict[str, tuple[str, ...]] = {
    "IANS": ("IANS", "Indo-Asian News Service"),
    "PTI": ("PTI", "Press Trust of India"),
    "ANI": ("ANI", "Asian News International", "ANI/NewsVoir"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "AFP-Relaxnews", "AFPRelaxnews", "AFP Relaxnews"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "Capital Market": ("Capital Market", "Capital Market - Live News"),
}
"""Canonical agency name -> every spelling seen in credits and bylines."""

_BY_ALIAS = {alias.lower(): name for name, aliases in AGENCY_ALIASES.items() for alias in aliases}

# Longest first so "Press Trust of India" wins over a shorter alias inside it.
AGENCY_PATTERN = "|".join(
    re.escape(alias) for alias in sorted(_BY_ALIAS, key=len, reverse=True)
)
"""A regex alternation of every alias (match it case-insensitively only where safe)."""

SHORT_CODES = ("IANS", "PTI", "ANI", "Reuters", "AP", "AFP", "Bloomberg", "ANI/NewsVoir")


def agency_of(name: str | None) -> str | None:
    """The canonical agency for a printed name, or None."""
    if not name:
        return None
    return _BY_ALIAS.get(name.strip(" .:-–—()").lower())
