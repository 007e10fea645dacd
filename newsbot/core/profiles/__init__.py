"""Publisher profiles: one module per publisher, picked by name, URL or site name.

Registration is automatic: every module in this package (except `base`) that defines a
`PROFILE` is a registered profile, so adding a publisher touches one file. Names and
domains must be unique; a clash fails at import, naming both.
"""

from __future__ import annotations

import importlib
import pkgutil
from urllib.parse import urlsplit

from .base import IST, Listing, Profile

__all__ = ["PROFILES", "BY_NAME", "Profile", "Listing", "IST", "get", "for_url", "for_site_name"]


def _discover() -> tuple[Profile, ...]:
    found: list[Profile] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        profile = getattr(module, "PROFILE", None)
        if not isinstance(profile, Profile):
            raise ImportError(f"newsbot.core.profiles.{info.name} defines no PROFILE")
        found.append(profile)
    names: dict[str, str] = {}
    hosts: dict[str, str] = {}
    for p in found:
        if p.name in names:
            raise ImportError(f"profile name {p.name!r} used twice")
        names[p.name] = p.name
        for d in p.domains:
            if d in hosts:
                raise ImportError(f"domain {d} claimed by both {hosts[d]} and {p.name}")
            hosts[d] = p.name
    return tuple(found)


PROFILES: tuple[Profile, ...] = _discover()
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
