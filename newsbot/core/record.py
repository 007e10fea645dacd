"""The article record: one JSON object per article page.

The field names are a contract with downstream stores (media monitors, price analysts,
archives): add fields, never rename them. The JSON Schema that every emitted record
validates against lives beside this file in ``schema/article.schema.json``; a test keeps
the two in step. Every field is documented where it is defined, one line each.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

SCHEMA_VERSION = 1


@dataclass
class Contributor:
    """A person credited by a wire trailer, e.g. Reuters' "(Reporting by A; Editing by B)"."""

    role: str
    """What they did, lower case: "reporting", "additional reporting", "editing", "writing", "assistance", "contact"."""
    name: str
    """The name as printed."""


@dataclass
class Wire:
    """The wire-service credit of a syndicated story."""

    agency: str
    """Canonical agency name: IANS, PTI, ANI, Reuters, AP, AFP, Bloomberg, Capital Market."""
    credit: str | None
    """The first credit as printed on the page, e.g. "--IANS" or "New Delhi, Jun 26 (PTI)"; null when
    the page printed none and the agency is its story's (flag "agency_from_story")."""
    dateline: str | None = None
    """The dateline's city (or cities), e.g. "New Delhi"; null when the page prints none."""
    desk: list[str] = field(default_factory=list)
    """Desk or editor initials, e.g. IANS "ksk/pgh" gives ["ksk", "pgh"]."""
    contributors: list[Contributor] = field(default_factory=list)
    """People named in reporting/editing trailers, in order."""
    credits: list[str] = field(default_factory=list)
    """Every credit text the page printed for the agency (sign-offs, datelines, trailers), in page order."""


@dataclass
class Benefit:
    """One benefit of a subscription as the paywall lists it."""

    title: str
    """The benefit's title line."""
    description: str | None = None
    """The line describing it, when the page prints one."""


@dataclass
class Offer:
    """One subscription plan or price point shown by a paywall."""

    plan: str | None
    """The plan's name as printed ("Smart Quarterly"); null when unnamed or its name was an unrendered template."""
    price: float | None
    """The price as a number; null when the page shows none or an unrendered one (never a guess)."""
    currency: str | None
    """ISO 4217 code of the price (INR, USD, EUR, GBP)."""
    price_text: str | None
    """The price exactly as printed, e.g. "₹2,700" or "$1" (its term goes to term_text); "undefined" when unrendered."""
    term_months: float | None
    """The billing term in months (1 Year = 12, 4 weeks = 0.92); null when unknown."""
    term_text: str | None
    """The term as printed, e.g. "1 Year", "every 4 weeks"."""
    monthly_price: float | None = None
    """The per-month price as printed; null when the page prints none."""
    monthly_price_text: str | None = None
    """The per-month price exactly as printed, e.g. "₹225/Month"."""
    computed_monthly_price: float | None = None
    """price / term_months, rounded to 2 decimals, for comparing plans; null when either is unknown."""
    intro: bool = False
    """True when the plan starts at an introductory price ("$1 for 6 months, then ...")."""
    flags: list[str] = field(default_factory=list)
    """Problems and assumptions: "monthly_price_mismatch", "price_unrendered", "monthly_price_unrendered",
    "term_unknown", "currency_assumed" (a bare "$" read as the publisher country's dollar)."""
    list_price: float | None = None
    """The struck-through list price printed beside a sale price; null when none."""
    intro_price: float | None = None
    """The introductory price ("$1" of "$1 for 6 months, then $17 every 4 weeks"); price is the regular one."""
    intro_price_text: str | None = None
    """The introductory price as printed."""
    intro_term_months: float | None = None
    """How long the introductory price lasts, in months."""
    intro_term_text: str | None = None
    """The introductory term as printed ("for 6 months")."""


@dataclass
class Paywall:
    """The paywall or subscription prompt on the page, taken apart."""

    meter_message: str | None = None
    """The metering line ("You've reached your limit of ...") or the widget's header line."""
    free_limit: int | None = None
    """The number of free articles the meter allows, when printed as a number."""
    free_remaining: int | None = None
    """Free articles left, when the meter says "You have N free articles left"."""
    unrendered: list[str] = field(default_factory=list)
    """Template placeholders left unrendered on the page ("{{free_limit}}", "undefined")."""
    calls_to_action: list[str] = field(default_factory=list)
    """Subscribe / log-in prompts, as printed."""
    offers: list[Offer] = field(default_factory=list)
    """The plans and price points, in page order."""
    renewal: str | None = None
    """The renewal terms line ("Renews automatically, cancel anytime")."""
    benefits_heading: str | None = None
    """The heading above the benefits list."""
    benefits: list[Benefit] = field(default_factory=list)
    """The benefits of subscribing, in page order."""


@dataclass
class Story:
    """The wire story a record is a run of, as every publisher ran it (newsbot/core/stories)."""

    id: str
    """The story's id: the key of its first record (its canonical URL), stable across runs."""
    relation: str
    """"first" (this record founded the story), "copy" (the first record's text, cut at most), "edited"
    (text changed: copy edits, paragraphs added or rewritten, a wire update) or "partial" (a story of the
    publisher's own reusing paragraphs of it)."""
    similarity: float
    """How much of one text is in the other: the largest of resemblance and containment either way (1 for the first)."""
    resemblance: float
    """Estimated Jaccard resemblance of the two texts' word shingles (MinHash)."""
    containment: float
    """Estimated share of this record's text found in the first record's (for partial: in the story it reuses)."""
    agency: str | None
    """The agency the story's records credit, null when none printed one."""
    url: str
    """The first record's URL (its canonical URL when it has one)."""
    publisher: str | None
    """The first record's publisher."""
    published_at: str | None
    """The first record's publication time."""


@dataclass
class Article:
    """One news article page taken apart."""

    url: str
    """The URL the page was fetched from (or given with --url)."""
    canonical_url: str | None = None
    """The page's canonical URL (link rel=canonical, og:url), absolute."""
    publisher: str | None = None
    """The publisher's name ("Business Standard"), from its profile or the page's site name."""
    headline: str | None = None
    """The story's headline."""
    standfirst: str | None = None
    """The summary line under the headline."""
    section: str | None = None
    """The publisher's section ("World News")."""
    published_at: str | None = None
    """First publication time, ISO 8601 with offset (IST is +05:30)."""
    modified_at: str | None = None
    """Last update time, ISO 8601 with offset."""
    authors: list[str] = field(default_factory=list)
    """Bylines as printed (agency names included when that is the byline)."""
    language: str | None = None
    """Language code of the page ("en")."""
    topics: list[str] = field(default_factory=list)
    """Topic tags or keywords."""
    access: str = "free"
    """"free", "metered" (a meter or plan widget shown) or "premium" (subscribers-only story)."""
    body: list[str] = field(default_factory=list)
    """The story's paragraphs in order, and nothing else."""
    wire: Wire | None = None
    """The wire credit, or null for staff copy."""
    disclaimer: str | None = None
    """The publisher's syndication disclaimer as printed, or null."""
    paywall: Paywall | None = None
    """The paywall taken apart, or null when the page shows none."""
    unclassified: list[str] = field(default_factory=list)
    """Text of the article region that fits no other field (ads, "Also Read", prompts), in order."""
    extraction: str = "profile"
    """How the story was located: "profile", "generic" (trafilatura) or "text" (plain-text input)."""
    profile: str | None = None
    """The publisher profile that applied (its texts, date order and, when it knows the markup,
    its selectors), e.g. "business_standard"; null for a publisher newsbot has no profile for."""
    access_evidence: list[str] = field(default_factory=list)
    """The signals that decided `access` (e.g. "meter", "premium_marker", "subscriber_label", "ld:isAccessibleForFree=false")."""
    flags: list[str] = field(default_factory=list)
    """Problems met while reading the page ("broken_json_ld", "encoding_repaired", "empty_body", ...)."""
    fingerprint: str | None = None
    """SHA-1 of body, wire, disclaimer and paywall: equal fingerprints mean unchanged content."""
    is_update: bool = False
    """True when an earlier run delivered this URL with other content; this record replaces it."""
    previous_fingerprint: str | None = None
    """The fingerprint of the version an earlier run delivered, for updates."""
    schema_version: int = SCHEMA_VERSION
    """Version of this record's schema."""
    story: Story | None = None
    """The wire story this record is a run of, with every publisher's (set by the crawl's story
    pipeline and `newsbot stories`); null when the record was not joined."""

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


_ATOMS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value):
    """dataclasses.asdict's result, built without its deepcopy of every string: a record is
    turned into a dict once or twice per page (fingerprint, feeds), and asdict was a sixth of
    the profile path's time. Values other than the record's (dataclasses, lists, tuples,
    dicts, atoms) are deep-copied as asdict does."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [plain(v) for v in value]
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if kind is dict:
        return {plain(k): plain(v) for k, v in value.items()}
    if kind is tuple:
        return tuple(plain(v) for v in value)
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else _asdict_like(value)


def _asdict_like(value):
    """asdict's handling of what is neither a dataclass nor a plain container."""
    import copy
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*[plain(v) for v in value])
    if isinstance(value, (list, tuple)):
        return type(value)(plain(v) for v in value)
    if isinstance(value, dict):
        return type(value)((plain(k), plain(v)) for k, v in value.items())
    return copy.deepcopy(value)


_SURROGATE = re.compile("[\ud800-\udfff]")
UNENCODABLE_FLAG = "unencodable_text_repaired"
"""The flag of a record whose text held characters no encoding can write (a lone UTF-16
surrogate, e.g. from a JSON-LD "\\ud800" escape), each replaced by U+FFFD."""


def _repaired(value, found: list):
    """`value` with lone surrogates replaced (dataclasses in place); `found` gets an entry
    for each text repaired."""
    if isinstance(value, str):
        if _SURROGATE.search(value):
            found.append(value)
            return _SURROGATE.sub("\ufffd", value)
        return value
    if isinstance(value, list):
        return [_repaired(v, found) for v in value]
    if isinstance(value, dict):
        return {_repaired(k, found): _repaired(v, found) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            setattr(value, f.name, _repaired(getattr(value, f.name), found))
    return value


def encodable(article: "Article") -> "Article":
    """The finished Article with every text UTF-8 can write: lone surrogates replaced by
    U+FFFD and the record flagged `unencodable_text_repaired`. Applied once where a record
    is finished (the crawl's extract pipeline, `newsbot extract`), so no feed or store
    ever meets such text."""
    found: list = []
    _repaired(article, found)
    if found:
        article.flags.append(UNENCODABLE_FLAG)
    return article


def load_schema() -> dict[str, Any]:
    """The record's JSON Schema, shipped inside the package."""
    text = resources.files("newsbot.core.schema").joinpath("article.schema.json").read_text("utf-8")
    return json.loads(text)
