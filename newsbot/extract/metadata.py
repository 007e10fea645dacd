"""Page metadata: JSON-LD, meta tags, canonical link and dates, normalised.

Stable signals first (JSON-LD NewsArticle, Open Graph and article: meta tags, the
canonical link); profile selectors fill what they lack. Dates become ISO 8601 with an
offset: "IST" is +05:30, and a naive time takes the profile's zone.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin

from dateutil import parser as dateparser

from .text import clean

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                 "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting"}
TZINFOS = {"IST": timezone(timedelta(hours=5, minutes=30)), "GMT": timezone.utc, "UTC": timezone.utc,
           "EST": timezone(timedelta(hours=-5)), "EDT": timezone(timedelta(hours=-4)),
           "BST": timezone(timedelta(hours=1)), "CET": timezone(timedelta(hours=1)),
           "PST": timezone(timedelta(hours=-8)), "PDT": timezone(timedelta(hours=-7))}


def json_ld(tree) -> tuple[dict, list[str]]:
    """The page's article object from JSON-LD (or {}), and flags for blocks that failed to parse."""
    flags: list[str] = []
    best: dict = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:
                # Control characters and trailing commas are the common breakages.
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", re.sub(r"[\x00-\x1f]", " ", raw)))
            except ValueError:
                if "broken_json_ld" not in flags:
                    flags.append("broken_json_ld")
                continue
        for obj in _objects(data):
            types = obj.get("@type")
            types = [types] if isinstance(types, str) else (types or [])
            if any(str(t).lower() in ARTICLE_TYPES for t in types):
                if not best or str(types[0]).lower() != "webpage":
                    if not best or "headline" in obj:
                        best = obj
    return best, flags


def _objects(data):
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _objects(data["@graph"])


def meta(tree, *names: str) -> str | None:
    """First non-empty content of <meta property|name=...>."""
    for name in names:
        for value in tree.xpath(f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]/@content'):
            if clean(value):
                # Some sites escape entities twice ("India&#039;s"): one more unescape.
                return clean(html.unescape(value))
    return None


def canonical(tree, base_url: str | None) -> str | None:
    for href in tree.xpath('//link[translate(@rel,"CANONICAL","canonical")="canonical"]/@href'):
        if href.strip():
            return urljoin(base_url or "", href.strip())
    og = meta(tree, "og:url")
    return urljoin(base_url or "", og) if og else None


def ld_text(value) -> str | None:
    if isinstance(value, str):
        return clean(html.unescape(value)) or None
    if isinstance(value, dict):
        return ld_text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return ld_text(value[0])
    return None


def ld_authors(obj: dict) -> list[str]:
    author = obj.get("author")
    items = author if isinstance(author, list) else [author] if author else []
    out = []
    for item in items:
        name = ld_text(item)
        if name and name not in out:
            out.append(name)
    return out


def ld_keywords(obj: dict) -> list[str]:
    kw = obj.get("keywords")
    if isinstance(kw, str):
        items = kw.split(",")
    elif isinstance(kw, list):
        items = [k for k in kw if isinstance(k, str)]
    else:
        items = []
    return [clean(k) for k in items if clean(k)]


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_DATE_NOISE = re.compile(r"^(?:last updated|updated|published|first published|posted)\s*(?:at|on)?\s*:?\s*", re.I)


def parse_iso(value: str | None) -> datetime | None:
    """A datetime from an ISO 8601 date-time text ("Z" allowed), else None; no guessing."""
    if not value or not _ISO.match(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def iso_date(value: str | None, default_tz=None) -> str | None:
    """An ISO 8601 time with offset, or None when the text is no date."""
    if not value:
        return None
    text = _DATE_NOISE.sub("", clean(str(value))).replace("|", " ")
    if not text:
        return None
    # JSON-LD and meta tags are ISO 8601 already; the fuzzy parser is for printed dates.
    dt = parse_iso(text)
    try:
        dt = dt or dateparser.parse(text, tzinfos=TZINFOS, fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if dt.tzinfo is None:
        if default_tz is None:
            return None
        dt = dt.replace(tzinfo=default_tz)
    return dt.isoformat()


def ld_paywalled_part(obj: dict) -> str | None:
    """The cssSelector of a JSON-LD hasPart marked isAccessibleForFree=false, if any."""
    parts = obj.get("hasPart")
    for part in parts if isinstance(parts, list) else [parts] if isinstance(parts, dict) else []:
        if isinstance(part, dict) and to_bool(part.get("isAccessibleForFree")) is False:
            return str(part.get("cssSelector") or "unnamed")
    return None


def to_bool(value) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def is_naive(value: str | None) -> bool:
    if not value:
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is None
    except ValueError:
        return False
