"""The wire agencies newsbot knows: one table, and the patterns every credit recogniser uses,
generated from it.

`codes` are the short forms an agency prints in datelines and sign-offs ("(AP)", "--IANS");
`names` the long forms in bylines, trailers and copyright lines ("Press Trust of India").
`credit_codes` are short forms that are also everyday abbreviations (PA, CP, AA, APA, TT,
AAP, UPI): they count only where the printing itself says "credit" (in parentheses or
slashes, after a dash, "Quelle:", "Von", "©", a dateline, a credit line's agency list),
never as a bare word on a line of their own.
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
    credit_codes: tuple[str, ...] = ()
    """Short forms that are also everyday abbreviations: read only in a credit's own printing."""


AGENCIES: tuple[Agency, ...] = (
    Agency("IANS", ("IANS",), ("Indo-Asian News Service",)),
    Agency("PTI", ("PTI",), ("Press Trust of India",)),
    Agency("ANI", ("ANI", "ANI/NewsVoir"), ("Asian News International",)),
    Agency("UNI", ("UNI",), ("United News of India",)),
    Agency("Reuters", ("Reuters", "REUTERS"), ("Thomson Reuters", "Reuters News", "Рейтер")),
    Agency("AP", ("AP",), ("The Associated Press", "Associated Press", "ASSOCIATED PRESS")),
    Agency("AFP", ("AFP", "AFP-Relaxnews", "AFPRelaxnews", "AFP Relaxnews", "AFP-JIJI"),
           ("Agence France-Presse", "Agence France Presse")),
    Agency("Bloomberg", ("Bloomberg",), ("Bloomberg News",)),
    Agency("Capital Market", (), ("Capital Market - Live News", "Capital Market")),
    Agency("PA", (), ("PA Media", "Press Association", "PA Wire", "PA Real Life"), ("PA",)),
    Agency("CP", (), ("The Canadian Press", "Canadian Press"), ("CP",)),
    Agency("dpa", ("dpa", "dpa-AFX", "dpa-infocom", "DPA"), ("Deutsche Presse-Agentur",)),
    Agency("APA", (), ("Austria Presse Agentur", "APA-OTS"), ("APA",)),
    Agency("Keystone-SDA", ("Keystone-SDA", "Keystone-ATS", "sda"),
           ("Schweizerische Depeschenagentur", "Agence télégraphique suisse"), ("SDA", "ats")),
    Agency("KNA", (), ("Katholische Nachrichten-Agentur",), ("KNA",)),
    Agency("dts", (), ("dts Nachrichtenagentur",), ("dts",)),
    Agency("epd", ("epd",), ("Evangelischer Pressedienst",)),
    Agency("Xinhua", ("Xinhua", "XINHUA"), ("Xinhua News Agency", "新华社")),
    Agency("EFE", ("EFE",), ("Agencia EFE",)),
    Agency("Europa Press", (), ("Europa Press", "EUROPA PRESS")),
    Agency("ANSA", ("ANSA",), ()),
    Agency("AGI", (), ("Agenzia Italia",), ("AGI",)),
    Agency("Adnkronos", ("Adnkronos",), ()),
    Agency("Lusa", ("Lusa", "LUSA"), ("Agência Lusa",)),
    Agency("Kyodo", ("Kyodo", "共同"), ("Kyodo News",)),
    Agency("Jiji", ("JIJI", "Jiji", "時事"), ("Jiji Press",)),
    Agency("Yonhap", ("Yonhap",), ("Yonhap News Agency", "연합뉴스")),
    Agency("AAP", (), ("Australian Associated Press",), ("AAP",)),
    Agency("Anadolu", (), ("Anadolu Agency", "Anadolu Ajansi", "Anadolu Ajansı"), ("AA",)),
    Agency("TASS", ("TASS", "ТАСС"), ("ITAR-TASS", "TASS Russian News Agency")),
    Agency("RIA Novosti", (), ("RIA Novosti", "РИА Новости")),
    Agency("Interfax", ("Interfax",), ("Интерфакс",)),
    Agency("Ukrinform", ("Ukrinform",), ()),
    Agency("Belga", ("Belga", "BELGA"), ()),
    Agency("ANP", ("ANP",), ()),
    Agency("NTB", ("NTB",), ("Norsk Telegrambyrå",)),
    Agency("TT", (), ("TT Nyhetsbyrån", "Tidningarnas Telegrambyrå"), ("TT",)),
    Agency("Ritzau", ("Ritzau", "ritzau"), ("Ritzaus Bureau",)),
    Agency("STT", (), ("STT-Info", "Suomen Tietotoimisto"), ("STT",)),
    Agency("PAP", ("PAP",), ("Polska Agencja Prasowa",)),
    Agency("CTK", ("ČTK", "CTK"), ("Česká tisková kancelář",)),
    Agency("MTI", (), ("Magyar Távirati Iroda",), ("MTI",)),
    Agency("Agerpres", ("Agerpres", "AGERPRES"), ()),
    Agency("Tanjug", ("Tanjug",), ()),
    Agency("HINA", ("HINA",), ()),
    Agency("Bernama", ("Bernama",), ()),
    Agency("Antara", ("Antara", "ANTARA"), ()),
    Agency("IRNA", ("IRNA",), ()),
    Agency("WAFA", ("WAFA",), ()),
    Agency("UPI", (), ("United Press International",), ("UPI",)),
    Agency("Dow Jones", (), ("Dow Jones Newswires",)),
    # Sports and syndication wires whose copy US and UK sites run under their credit.
    Agency("Field Level Media", (), ("Field Level Media",)),
    Agency("Tribune News Service", (), ("Tribune News Service", "Tribune Content Agency")),
    # Latin American, Gulf, Asian, European and African national agencies, by name (their
    # initials are also everyday words or other bodies' names: only in a credit's own printing).
    Agency("Notimex", ("Notimex",), ()),
    Agency("Prensa Latina", (), ("Prensa Latina",)),
    Agency("Agência Brasil", (), ("Agência Brasil",)),
    Agency("SPA", (), ("Saudi Press Agency",), ("SPA",)),
    Agency("WAM", (), ("Emirates News Agency",), ("WAM",)),
    Agency("QNA", (), ("Qatar News Agency",), ("QNA",)),
    Agency("KUNA", ("KUNA",), ("Kuwait News Agency",)),
    Agency("MENA", (), ("Middle East News Agency",), ("MENA",)),
    Agency("VNA", (), ("Vietnam News Agency",), ("VNA",)),
    Agency("PNA", (), ("Philippine News Agency",), ("PNA",)),
    Agency("CNA", (), ("Central News Agency",), ("CNA",)),
    Agency("BTA", (), ("Bulgarian News Agency",), ("BTA",)),
    Agency("STA", (), ("Slovenian Press Agency",), ("STA",)),
    Agency("ANA-MPA", ("ANA-MPA",), ("Athens-Macedonian News Agency",)),
    Agency("NAN", (), ("News Agency of Nigeria",), ("NAN",)),
)
"""Every agency newsbot credits. Add a row here and every recogniser knows it."""

_BY_ALIAS = {alias.lower(): a.name for a in AGENCIES for alias in (a.name, *a.codes, *a.names, *a.credit_codes)}
"""Printed form (lower case) -> canonical name."""
PRINTED_FORMS = frozenset(f for a in AGENCIES for f in (*a.codes, *a.names, *a.credit_codes))
"""Every form exactly as agencies print it (case kept): "dpa" is dpa's, "ap" is someone's initials."""


def _alternation(forms) -> str:
    # Longest first so "Press Trust of India" wins over a shorter alias inside it.
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


CODE_PATTERN = _alternation(c for a in AGENCIES for c in a.codes)
"""Regex alternation of the short codes, case-sensitive ("AP", not "ap")."""
CREDIT_CODE_PATTERN = _alternation([*(c for a in AGENCIES for c in a.codes),
                                    *(c for a in AGENCIES for c in a.credit_codes)])
"""The short codes together with the ambiguous ones, for places that print a credit and
nothing else (parentheses, slashes, "Quelle:", datelines)."""
NAME_PATTERN = _alternation(n for a in AGENCIES for n in a.names)
"""Regex alternation of the long names."""
ANY_PATTERN = _alternation([*(c for a in AGENCIES for c in a.codes), *(n for a in AGENCIES for n in a.names)])
"""Codes and names together."""
CREDIT_PATTERN = _alternation([*(c for a in AGENCIES for c in (*a.codes, *a.credit_codes)),
                               *(n for a in AGENCIES for n in a.names)])
"""Every printed form, the ambiguous codes included: for text already known to be a credit."""

UNNAMED = re.compile(r"\b(?:(?:news|wire|press) )?agenc(?:y|ies)\b|\bwire (?:services?|reports?)\b|\bwires\b|"
                     r"\bAgenturen\b|\bagences\b|\bagencias\b|\bagenzie\b|\bagencje\b", re.I)
"""A credit naming agencies without saying which ("With inputs from agencies", "SOURCE: News
agencies", "Guardian staff and agencies", "Detroit News wire services")."""


def agency_of(name: str | None) -> str | None:
    """The canonical agency for a printed name or code, or None."""
    if not name:
        return None
    return _BY_ALIAS.get(name.strip(" .,:;|/-–—()[]").lower())


def agency_in(text: str) -> str | None:
    """The first agency a credit line names ("PTI and IANS", "inputs from Reuters", "from
    PA"), or None."""
    m = re.search(rf"(?<![\w-])(?:{CREDIT_PATTERN})(?![\w-])", text)
    return agency_of(m.group(0)) if m else None


def names_unnamed_agencies(text: str) -> bool:
    """True for a credit that says "agencies" (or wire services) and names none of them."""
    return bool(UNNAMED.search(text)) and agency_in(text) is None


_LONG_NAMES = tuple(sorted({n for a in AGENCIES for n in a.names if " " in n}, key=len, reverse=True))
"""Agencies' long names of two words or more ("The Associated Press", "Bloomberg News"): a
single word could be a writer's surname."""


def glued_agency(name: str) -> tuple[str, str] | None:
    """(writer, agency) for a byline with an agency's long name glued after the writer's name
    ("John Roe The Associated Press", as TownNews sites give AP bylines; "Jane Roe, Bloomberg
    News"), the writer at least two words; else None."""
    low = name.lower()
    for long_name in _LONG_NAMES:
        if low.endswith(" " + long_name.lower()):
            writer = name[:len(name) - len(long_name)].strip(" ,;/|-\u2013\u2014")
            return (writer, agency_of(long_name)) if len(writer.split()) >= 2 else None
    return None
