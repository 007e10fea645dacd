"""Page -> record, with no Scrapy in it: the spider, `newsbot extract` and the tests all
call `extract()`.

    loading and decoding   page.py
    regions and metadata   html.py (profiles), generic.py (trafilatura), metadata.py
    separation             separate.py, with wire.py, disclaimer.py, paywall.py, offers.py
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re

from parsel import Selector

from .. import profiles
from ..profiles.base import Profile
from ..record import Article
from . import metadata as md
from .blocks import NOISE, STORY, text_blocks
from .generic import locate_generic, set_aside_title_lines
from .html import Located, locate_with_profile
from .page import Page, PageError, load_page
from .separate import separate
from .text import clean

__all__ = ["extract", "extract_page", "PageError", "fingerprint"]


def extract(data: bytes | str, url: str | None = None, content_type: str | None = None,
            profile: Profile | str | None = None) -> Article:
    """Take one page (bytes or text, HTML or plain text) apart into an Article.

    url: where the page came from (picks the profile by domain); profile: force one.
    Raises PageError for input that is no page (empty, binary, too large).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    page = load_page(data, content_type)
    return extract_page(page, url=url, profile=profile)


def extract_page(page: Page, url: str | None = None, profile: Profile | str | None = None) -> Article:
    if isinstance(profile, str):
        profile = profiles.get(profile)
    if not page.is_html:
        return _from_text(page, url, profile or profiles.for_url(url))
    return _from_html(page, url, profile)


def _from_text(page: Page, url: str | None, profile: Profile | None) -> Article:
    blocks = _profile_furniture(text_blocks(page.text), profile)
    parts = separate(blocks, disclaimers=profile.disclaimer_patterns if profile else ())
    art = Article(url=url or "", extraction="text", profile=profile.name if profile else None,
                  publisher=profile.publisher if profile else None, flags=list(page.flags))
    _fill_parts(art, parts, premium=False, ld_free=None)
    return _finish(art)


def _from_html(page: Page, url: str | None, profile: Profile | None) -> Article:
    sel = Selector(text=page.text)
    ld, flags = md.json_ld(sel.root)
    canonical = md.canonical(sel.root, url)
    site_name = md.meta(sel.root, "og:site_name") or md.ld_text((ld.get("publisher") or {}))
    if profile is None:
        profile = profiles.for_url(url) or profiles.for_url(canonical) or profiles.for_site_name(site_name)
    loc: Located | None = locate_with_profile(sel, profile) if profile else None
    extraction = "profile"
    if loc is None or not loc.blocks:
        extraction = "generic"
        have = (ld.get("headline") or md.meta(sel.root, "og:title")) and (
            ld.get("datePublished") or md.meta(sel.root, "article:published_time"))
        loc = locate_generic(sel, page.text, url or canonical, need_metadata=not have)
    tz = profile.timezone if profile else None
    if profile is not None and loc.date_text:
        loc.date_text = _day_first(loc.date_text, profile.date_order)

    art = Article(url=url or canonical or "", canonical_url=canonical, extraction=extraction,
                  profile=profile.name if profile and extraction == "profile" else None,
                  flags=list(page.flags) + flags + loc.flags)
    art.publisher = (profile.publisher if profile else None) or site_name or md.ld_text(ld.get("publisher"))
    art.headline = loc.headline or md.ld_text(ld.get("headline")) or md.meta(sel.root, "og:title")
    art.standfirst = loc.standfirst or md.ld_text(ld.get("description")) or md.meta(sel.root, "description", "og:description")
    art.section = (md.ld_text(ld.get("articleSection")) or md.meta(sel.root, "article:section") or loc.section)
    published = ld.get("datePublished") or md.meta(sel.root, "article:published_time", "datePublished")
    modified = ld.get("dateModified") or md.meta(sel.root, "article:modified_time", "dateModified")
    art.published_at = md.iso_date(ld_str(published), tz) or md.iso_date(loc.date_text, tz)
    art.modified_at = md.iso_date(ld_str(modified), tz) or (md.iso_date(loc.date_text, tz) if loc.date_text and "updated" in loc.date_text.lower() else None)
    if art.published_at is None and (published or loc.date_text):
        art.flags.append("date_unparsed")
    art.authors = loc.authors or md.ld_authors(ld) or _split_authors(md.meta(sel.root, "author"))
    lang = md.ld_text(ld.get("inLanguage")) or sel.root.get("lang") or md.meta(sel.root, "og:locale")
    art.language = lang.split("-")[0].split("_")[0].lower() if lang else None
    art.topics = loc.topics or md.ld_keywords(ld) or _split_authors(md.meta(sel.root, "keywords", "news_keywords"))

    if extraction == "generic":
        loc.blocks = set_aside_title_lines(loc.blocks, art.headline)
    parts = separate(_profile_furniture(loc.blocks, profile), authors=art.authors,
                     disclaimers=profile.disclaimer_patterns if profile else ())
    _fill_parts(art, parts, premium=loc.premium_marker, ld_free=md.to_bool(ld.get("isAccessibleForFree")),
                paywalled_part=md.ld_paywalled_part(ld))
    return _finish(art)


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")


def _day_first(text: str, order: str) -> str:
    """A printed all-number date ("05-11-2026") in ISO order, read as the profile's date
    order says (DMY: 5 November), so the date parser never guesses month-first."""
    def iso(m: re.Match) -> str:
        a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
        day, month = (a, b) if order == "DMY" else (b, a)
        return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else m.group(0)
    return _NUMERIC_DATE.sub(iso, text)


def _profile_furniture(blocks, profile: Profile | None):
    """Story lines the profile names as its furniture become noise (kept in unclassified)."""
    patterns = profile.furniture_patterns if profile else ()
    if not patterns:
        return blocks
    return [dataclasses.replace(b, zone=NOISE) if b.zone == STORY and any(p.match(b.text) for p in patterns) else b
            for b in blocks]


def ld_str(value) -> str | None:
    return value if isinstance(value, str) else md.ld_text(value)


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [clean(a) for a in value.replace(" and ", ",").split(",") if clean(a)]


def _fill_parts(art: Article, parts, premium: bool, ld_free: bool | None, paywalled_part: str | None = None) -> None:
    art.body = parts.body
    art.wire = parts.wire
    art.disclaimer = parts.disclaimer
    art.paywall = parts.paywall
    art.unclassified = parts.unclassified
    evidence = []
    pw = parts.paywall
    if premium:
        evidence.append("premium_marker")
    if pw is not None:
        if pw.meter_message:
            evidence.append("meter")
        if pw.offers:
            evidence.append("offers")
        if pw.calls_to_action:
            evidence.append("calls_to_action")
        if pw.meter_message and any(w in pw.meter_message.lower() for w in ("subscribers only", "premium", "subscriber-only")):
            premium = True
            evidence.append("premium_message")
    if ld_free is not None:
        evidence.append(f"ld:isAccessibleForFree={'true' if ld_free else 'false'}")
    if paywalled_part and ld_free is False:
        # Google's paywall markup names the hidden part; isAccessibleForFree alone is not
        # trusted (some publishers set it false on every page).
        evidence.append(f"ld:paywalled_part={paywalled_part}")
    marked = bool(paywalled_part) and ld_free is False
    if premium:
        art.access = "premium"
    elif pw is not None and pw.meter_message:
        art.access = "metered"
    elif marked:
        # Paywall markup with no meter: a story cut to its first paragraphs is for
        # subscribers only; a full story behind the markup is metered.
        short = len(art.body) <= 2 and "meter" not in paywalled_part.lower()
        art.access = "premium" if short else "metered"
    elif pw is not None and pw.offers:
        # Calls to action alone ("Already a subscriber? Sign in") are site chrome, not a meter.
        art.access = "metered"
    else:
        art.access = "free"
    art.access_evidence = evidence


def fingerprint(art: Article) -> str:
    """SHA-1 over the parts whose change makes a new version of the story."""
    key = {"body": art.body, "disclaimer": art.disclaimer,
           "wire": dataclasses.asdict(art.wire) if art.wire else None,
           "paywall": dataclasses.asdict(art.paywall) if art.paywall else None}
    return hashlib.sha1(json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _finish(art: Article) -> Article:
    if not art.body:
        art.flags.append("empty_body")
    if art.canonical_url is None and art.url:
        art.canonical_url = art.url
    art.fingerprint = fingerprint(art)
    return art
