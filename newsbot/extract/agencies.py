"""The wire agencies newsbot knows: one table, and the patterns every credit recogniser uses,
generated from it.

`codes` are the short forms an agency prints in datelines and sign-offs ("(AP)", "--IANS");
`names` the long forms in bylines, trailers and copyright lines ("Press Trust of India").
A code that is also an everyday abbreviation (PA, CP) is left out of `codes`: those
agencies are recognised by name only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Agency:
    """One wire agency."""

    name: str
    """Canonical name, as records give it in `wire.agency`."""
    codes: tuple[str, ...] = ()
    """Short forms printed in datelines and sign-offs, case as printed."""
    names: tuple[str, ...] = ()
    """Long forms printed in bylines, trailers and copyright lines."""


AGENCIES: tuple[Agency, ...] = (
    Agency("IANS", ("IANS",), ("Indo-Asian News Service",)),
    Agency("PTI", ("PTI",), ("Press Trust of India",)),
    Agency("ANI", ("ANI", "ANI/NewsVoir"), ("Asian News International",)),
    Agency("UNI", ("UNI",), ("United News of India",)),
    Agency("Reuters", ("Reuters",), ("Thomson Reuters", "Reuters News")),
    Agency("AP", ("AP",), ("The Associated Press", "Associated Press")),
    Agency("AFP", ("AFP", "AFP-Relaxnews", "AFPRelaxnews", "AFP Relaxnews", "AFP-JIJI"),
           ("Agence France-Presse", "Agence France Presse")),
    Agency("Bloomberg", ("Bloomberg",), ("Bloomberg News",)),
    Agency("Capital Market", (), ("Capital Market - Live News", "Capital Market")),
    Agency("PA", (), ("PA Media", "Press Association", "PA Wire", "PA Real Life")),
    Agency("CP", (), ("The Canadian Press", "Canadian Press")),
    Agency("dpa", ("dpa",), ("Deutsche Presse-Agentur",)),
    Agency("Xinhua", ("Xinhua",), ("Xinhua News Agency",)),
    Agency("EFE", ("EFE",), ("Agencia EFE",)),
    Agency("Kyodo", ("Kyodo",), ("Kyodo News",)),
    Agency("Jiji", ("JIJI", "Jiji"), ("Jiji Press",)),
    Agency("Yonhap", ("Yonhap",), ("Yonhap News Agency",)),
    Agency("AAP", ("AAP",), ("Australian Associated Press",)),
    Agency("ANSA", ("ANSA",), ()),
    Agency("Anadolu", (), ("Anadolu Agency", "Anadolu Ajansi")),
)
"""Every agency newsbot credits. Add a row here and every recogniser knows it."""

_BY_ALIAS = {alias.lower(): a.name for a in AGENCIES for alias in (a.name, *a.codes, *a.names)
             if alias not in ("PA", "CP")}
"""Printed form (lower case) -> canonical name."""


def _alternation(forms) -> str:
    # Longest first so "Press Trust of India" wins over a shorter alias inside it.
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


CODE_PATTERN = _alternation(c for a in AGENCIES for c in a.codes)
"""Regex alternation of the short codes, case-sensitive ("AP", not "ap")."""
NAME_PATTERN = _alternation(n for a in AGENCIES for n in a.names)
"""Regex alternation of the long names."""
ANY_PATTERN = _alternation([*(c for a in AGENCIES for c in a.codes), *(n for a in AGENCIES for n in a.names)])
"""Codes and names together."""

AGENCY_PATTERN = ANY_PATTERN
"""Kept for callers of the earlier name."""


def agency_of(name: str | None) -> str | None:
    """The canonical agency for a printed name or code, or None."""
    if not name:
        return None
    return _BY_ALIAS.get(name.strip(" .:-–—()").lower())


CREDIT_ONLY_CODES = {"PA": "PA", "CP": "CP"}
"""Codes read as agencies only inside a credit line ("Additional reporting from PA")."""


def agency_in(text: str) -> str | None:
    """The first agency a credit line names ("PTI and IANS", "inputs from Reuters", "from
    PA"), or None."""
    m = re.search(rf"(?<![\w-])(?:{ANY_PATTERN}|{'|'.join(CREDIT_ONLY_CODES)})(?![\w-])", text)
    return (agency_of(m.group(0)) or CREDIT_ONLY_CODES.get(m.group(0))) if m else None
