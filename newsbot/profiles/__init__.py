"""Publisher profiles: one file per publisher, picked by URL or site name."""

from __future__ import annotations

from urllib.parse import urlsplit

from . import business_standard, ndtv
from .base import Profile

PROFILES: tuple[Profile, ...] = (business_standard.PROFILE, ndtv.PROFILE)
BY_NAME = {p.name: p for p in PROFILES}


def for_url(url: str | None) -> Profile | None:
    """The profile whose domain serves url."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return next((p for p in PROFILES if p.matches_host(host)), None)


def for_site_name(name: str | None) -> Profile | None:
    """The profile a page's site name (og:site_name, JSON-LD publisher) names."""
    if not name:
        return None
    key = name.strip().lower()
    return next((p for p in PROFILES if key in (s.lower() for s in p.site_names)), None)


def get(name: str) -> Profile:
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown profile {name!r}; known: {', '.join(BY_NAME)}") from None
