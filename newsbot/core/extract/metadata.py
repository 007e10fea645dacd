"""Page metadata: JSON-LD, meta tags, canonical link, dates, headline, authors, publisher.

Stable signals first (JSON-LD NewsArticle, Open Graph and article: meta tags, the
canonical link, the printed h1); profile selectors and trafilatura's metadata fill what
they lack. Dates become ISO 8601: a date-time with its offset ("IST" is +05:30, a naive
time takes the profile's zone), or the date alone when the page gives no time or no zone.
A printed date that cannot be placed for sure (a relative time, a weekday, a numeric date
whose day and month order is unknown) is refused, never guessed.
"""

from __future__ import annotations

import functools
import html
import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

from dateutil import parser as dateparser
from lxml import etree

from .agencies import glued_agency
from .text import clean, fold, may_hold

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                 "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting", "report",
                 "scholarlyarticle", "techarticle", "socialmediaposting", "reviewnewsarticle", "review",
                 "medicalwebpage", "videoobject", "photograph", "askpublicnewsarticle", "satiricalarticle"}
_PAGE_TYPES = {"webpage", "videoobject", "photograph"}
ORG_TYPES = {"organization", "newsmediaorganization", "corporation", "ngo", "educationalorganization"}
TZINFOS = {"IST": timezone(timedelta(hours=5, minutes=30)), "GMT": timezone.utc, "UTC": timezone.utc,
           "EST": timezone(timedelta(hours=-5)), "EDT": timezone(timedelta(hours=-4)),
           "CST": timezone(timedelta(hours=-6)), "CDT": timezone(timedelta(hours=-5)),
           "MST": timezone(timedelta(hours=-7)), "MDT": timezone(timedelta(hours=-6)),
           "BST": timezone(timedelta(hours=1)), "CET": timezone(timedelta(hours=1)),
           "CEST": timezone(timedelta(hours=2)), "PST": timezone(timedelta(hours=-8)),
           "PDT": timezone(timedelta(hours=-7)), "PT": None, "ET": None}
"""Zone abbreviations printed on news pages; None: an abbreviation that names no single offset."""

MAX_JSON_LD_DEPTH = 40
"""JSON-LD objects nested deeper than this are not read (a hostile page nests 100,000 deep)."""


# --- JSON-LD ---------------------------------------------------------------------------------

def json_ld(tree) -> tuple[dict, list[str]]:
    """The page's article object from JSON-LD (or {}), and flags for blocks that failed to parse."""
    flags: list[str] = []
    return article_object(ld_objects(tree, flags)), flags


def article_object(objects: list[dict]) -> dict:
    """The article among a page's JSON-LD objects: of several, one with a headline wins
    over one without; a page-level type (WebPage) only stands in for a missing article."""
    best: dict = {}
    best_rank = -1
    for obj in objects:
        types = ld_types(obj)
        if not types & ARTICLE_TYPES:
            continue
        rank = (0 if types <= _PAGE_TYPES else 2) + ("headline" in obj)
        if rank > best_rank:
            best, best_rank = obj, rank
    return best


def ld_objects(tree, flags: list[str] | None = None) -> list[dict]:
    """Every JSON-LD object on the page (top level and @graph members), in page order."""
    out: list[dict] = []
    for script in _LD_SCRIPTS(tree):
        raw = (script.text or "").strip()
        if not raw:
            continue
        data = _load_json(raw)
        if data is None:
            if flags is not None and "broken_json_ld" not in flags:
                flags.append("broken_json_ld")
            continue
        out.extend(_objects(data))
    return out


def _load_json(raw: str):
    for attempt in (raw, re.sub(r",\s*([}\]])", r"\1", re.sub(r"[\x00-\x1f]", " ", raw))):
        try:
            return json.loads(attempt)
        except (ValueError, RecursionError):
            # Control characters and trailing commas are the common breakages; a nesting
            # deeper than Python's stack is a hostile page.
            continue
    return None


def _objects(data) -> list[dict]:
    """Dicts in a JSON-LD document: list items and @graph members, breadth first, bounded."""
    out: list[dict] = []
    level = [data]
    for _ in range(MAX_JSON_LD_DEPTH):
        nxt = []
        for item in level:
            if isinstance(item, list):
                nxt.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                if "@graph" in item:
                    nxt.append(item["@graph"])
        if not nxt:
            break
        level = nxt
    return out


def ld_types(obj: dict) -> set[str]:
    """An object's @type values, lower case (a number or an object in @type is no type)."""
    types = obj.get("@type")
    types = types if isinstance(types, list) else [types]
    return {t.lower().rsplit("/", 1)[-1] for t in types if isinstance(t, str)}


def ld_text(value) -> str | None:
    if isinstance(value, str):
        return clean(html.unescape(value)) or None
    if isinstance(value, dict):
        return ld_text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return ld_text(value[0])
    return None


def ld_index(objects: list[dict]) -> dict[str, dict]:
    """JSON-LD objects by their @id, for the references a @graph makes ({"@id": "#/schema/person/1"})."""
    return {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and len(o) > 1}


def ld_resolve(value, objects: list[dict] = ()):
    """A JSON-LD value with a bare {"@id": ...} reference replaced by the object it names."""
    if isinstance(value, dict) and isinstance(value.get("@id"), str) and not (value.keys() - {"@id", "@type"}):
        return ld_index(objects).get(value["@id"], value)
    return value


def ld_authors(obj: dict, objects: list[dict] = ()) -> list[str]:
    """The article's authors as JSON-LD names them: a name, a list of names in one Person
    ({"name": ["A", "B"]}), or a @graph reference to a Person."""
    return [n for n, _, _ in ld_author_entries(obj, objects)]


def ld_author_entries(obj: dict, objects: list[dict] = ()) -> list[tuple[str, bool, bool]]:
    """(name, is an organisation, named only by a @graph reference) for each JSON-LD author."""
    author = obj.get("author") or obj.get("creator")
    items = author if isinstance(author, list) else [author] if author else []
    out: list[tuple[str, bool, bool]] = []
    for item in items:
        resolved = ld_resolve(item, objects)
        referenced = resolved is not item
        org = isinstance(resolved, dict) and bool(ld_types(resolved) & ORG_TYPES)
        names = resolved.get("name") if isinstance(resolved, dict) else resolved
        for name in (names if isinstance(names, list) else [names]):
            name = ld_text(name)
            # ", The Ledger & Gazette": the CMS's "<name>, <publication>" with the name left
            # empty. What follows is the publisher, not a writer.
            if name and not name.startswith("http") and not name.lstrip().startswith((",", ";", "|")):
                for one in split_names(name):
                    if one not in [e[0] for e in out]:
                        out.append((one, org, referenced))
    return out


def ld_author_bios(obj: dict, objects: list[dict] = ()) -> list[str]:
    """What JSON-LD says of the people who wrote the page: the description of each of the
    article's authors and of each Person anywhere in the page's JSON-LD (a review's author
    inside a Product too): their bio, which pages print under the story as well."""
    author = obj.get("author") or obj.get("creator")
    people = [ld_resolve(a, objects) for a in (author if isinstance(author, list) else [author])]
    out: list[str] = []
    for person in people + _nested_people(objects):
        bio = ld_text(person.get("description")) if isinstance(person, dict) else None
        if bio and bio not in out:
            out.append(bio)
    return out


LD_WALK_MAX_NODES = 10_000
"""Objects and lists queued when searching the page's JSON-LD for people: past this the
search stops, so a hostile page's megabytes of JSON-LD are not walked whole."""


def _nested_people(objects: list[dict]) -> list[dict]:
    """Person objects at any depth in the JSON-LD objects, breadth first, bounded."""
    out: list[dict] = []
    queue = list(objects)
    for value in queue:
        if len(queue) > LD_WALK_MAX_NODES:
            break
        if isinstance(value, dict):
            if "person" in ld_types(value):
                out.append(value)
            queue.extend(v for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            queue.extend(v for v in value if isinstance(v, (dict, list)))
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


def ld_publisher(obj: dict, objects: list[dict]) -> str | None:
    """The publisher's name as the page's JSON-LD prints it: the article's publisher, else
    the one news-media organisation the page describes."""
    name = ld_text(ld_resolve(obj.get("publisher"), objects)) if obj else None
    if name:
        return name
    orgs = [o for o in objects if ld_types(o) & {"newsmediaorganization"}] or \
           [o for o in objects if ld_types(o) & ORG_TYPES]
    return ld_text(orgs[0]) if len(orgs) >= 1 else None


def ld_country(obj: dict, objects: list[dict] = ()) -> str | None:
    """The publisher's country as its JSON-LD address prints it (a code or a name), or None."""
    publisher = ld_resolve(obj.get("publisher"), objects) if obj else None
    orgs = [publisher] if isinstance(publisher, dict) else []
    orgs += [o for o in objects if ld_types(o) & ORG_TYPES]
    for org in orgs:
        address = ld_resolve(org.get("address"), objects)
        for item in address if isinstance(address, list) else [address]:
            if isinstance(item, dict):
                country = item.get("addressCountry")
                name = ld_text(country) if not isinstance(country, str) else clean(country)
                if name:
                    return name
    return None


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


# --- meta tags -------------------------------------------------------------------------------

def meta(tree, *names: str) -> str | None:
    """First non-empty content of <meta property|name|itemprop=...> (names case-insensitive)."""
    index = meta_index(tree)
    for name in names:
        for value in index.get(name.lower(), ()):
            if clean(value):
                # Some sites escape entities twice ("India&#039;s"): one more unescape.
                return clean(html.unescape(value))
    return None


def _once_per_tree(cache: dict, tree, build):
    """build(tree), kept for the page being read: the readers of one page ask for it several
    times. One page at a time (holding the tree keeps its id() unique); a thread reading
    another page finds another tree and builds its own."""
    cached = cache.get(id(tree))
    if cached is not None and cached[0] is tree:
        return cached[1]
    value = build(tree)
    cache.clear()
    cache[id(tree)] = (tree, value)
    return value


def meta_index(tree) -> dict[str, list[str]]:
    """name/property/itemprop (lower case) -> contents, built once per tree."""
    return _once_per_tree(_META_CACHE, tree, _build_meta_index)


def _build_meta_index(tree) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop"):
            key = el.get(attr)
            if key:
                index.setdefault(key.strip().lower(), []).append(content)
    return index


_META_CACHE: dict[int, tuple] = {}


def canonical(tree, base_url: str | None) -> str | None:
    for href in _CANONICAL_HREFS(tree):
        if href.strip() and not href.strip().startswith(("javascript:", "#")):
            return urljoin(base_url or "", href.strip())
    og = meta(tree, "og:url")
    return urljoin(base_url or "", og) if og else None


# --- dates -------------------------------------------------------------------------------------

PUBLISHED_META = ("article:published_time", "og:article:published_time", "article:published", "published_time",
                  "og:published_time", "datepublished", "parsely-pub-date", "sailthru.date", "dc.date.issued",
                  "dcterms.issued", "dcterms.created", "dc.date.created", "dc.date", "dcterms.date", "pubdate",
                  "publishdate", "publish-date", "publish_date", "date", "article.published",
                  "cxenseparse:recs:publishtime", "originalpublicationdate", "displaydate", "article_date_original",
                  "og:updated_time")
MODIFIED_META = ("article:modified_time", "og:article:modified_time", "datemodified", "og:updated_time",
                 "last-modified", "dcterms.modified", "article.updated")

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATE_NOISE = re.compile(r"^(?:last updated|updated|published|first published|posted|created|date)\s*(?:at|on)?\s*:?\s*",
                         re.I)
_RELATIVE = re.compile(r"\b(?:ago|yesterday|today|tomorrow|just now|hours?|mins?|minutes?|seconds?|last|next|this)\b",
                       re.I)
_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])", re.I)
_YEAR = re.compile(r"\b(?:19[89]\d|20\d\d)\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b")
_UNIX = re.compile(r"^\d{10}(?:\d{3})?$")


def parse_iso(value: str | None) -> datetime | None:
    """A datetime from an ISO 8601 date-time text ("Z" allowed), else None; no guessing."""
    if not value or not _ISO.match(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


@dataclass(frozen=True)
class DateRules:
    """How a page's printed dates are read."""

    tz: object = None
    """Zone of times printed without one (a profile's); None: such times give their date alone."""
    day_first: bool | None = None
    """Numeric dates: True day/month (India, UK), False month/day (US), None unknown: refused
    unless one part is above 12."""


def iso_date(value: str | None, default_tz=None, day_first: bool | None = None) -> str | None:
    """ISO 8601 for a date text, or None when it is no date or cannot be placed for sure.

    A date-time with its offset; a naive time with default_tz's offset, or its date alone
    when there is no default zone; a date with no time as YYYY-MM-DD."""
    if value is None:
        return None
    text = _DATE_NOISE.sub("", clean(str(value))).replace("|", " ").strip()
    if not text:
        return None
    dt = parse_iso(text)
    if dt is None and (m := _ISO_DATE.match(text)):
        return text if _valid_ymd(*map(int, m.groups())) else None
    if dt is None and _UNIX.match(text):
        secs = int(text[:10])
        return datetime.fromtimestamp(secs, timezone.utc).isoformat() if secs > 0 else None
    if dt is None:
        dt = _printed_date(text, day_first)
        if dt is None:
            return None
        if isinstance(dt, str):
            return dt
    if dt.tzinfo is None:
        if default_tz is None:
            return dt.date().isoformat()
        dt = dt.replace(tzinfo=default_tz)
    if not 1980 <= dt.year <= 2100:
        return None
    return dt.isoformat()


def _valid_ymd(y: int, m: int, d: int) -> bool:
    try:
        datetime(y, m, d)
    except ValueError:
        return False
    return 1980 <= y <= 2100


def _printed_date(text: str, day_first: bool | None):
    """A datetime (or a date string when only the date is sure) from a printed date line."""
    if len(text) > 80 or _RELATIVE.search(text) and not _YEAR.search(text):
        return None
    has_month = bool(_MONTH_NAME.search(text))
    num = _NUMERIC_DATE.search(text)
    if not has_month and not num:
        return None  # a weekday or a clock time alone is not a date
    if not _YEAR.search(text) and not (num and len(num.group(3)) == 2):
        return None  # "Dec 22" without a year: which year is a guess
    if num and not has_month:
        a, b = int(num.group(1)), int(num.group(2))
        if day_first is None:
            if a > 12 >= b:
                day_first = True
            elif b > 12 >= a:
                day_first = False
            elif a != b:
                return None
            else:
                day_first = True
    tz = _zone_of(text)
    if tz is False:
        text = re.sub(r"\b(?:PT|ET)\b", "", text)
    try:
        dt = dateparser.parse(text, tzinfos={k: v for k, v in TZINFOS.items() if v is not None},
                              fuzzy=True, dayfirst=bool(day_first))
    except (ValueError, OverflowError, TypeError):
        return None
    if tz is False and dt.tzinfo is None:
        return dt.date().isoformat()
    return dt


def _zone_of(text: str):
    """False when the text prints a zone abbreviation that names no single offset (PT, ET)."""
    return False if re.search(r"\b(?:PT|ET)\b", text) else None


def published_date(tree, ld: dict, rules: DateRules, printed: str | None = None) -> tuple[str | None, str | None]:
    """(ISO date, where it came from) of the story's first publication: JSON-LD, meta tags,
    <time> elements, the printed date line; (None, "refused") when the page prints a date
    that cannot be placed for sure, (None, None) when it gives none."""
    refused = None
    for source, value in _published_candidates(tree, ld, printed):
        iso = iso_date(value, rules.tz, rules.day_first)
        if iso:
            return _in_local_offset(tree, iso, rules.day_first), source
        if source == "printed" and value and (_NUMERIC_DATE.search(value) or (
                _MONTH_NAME.search(value) and re.search(r"\d", value))):
            refused = "refused"
    # "refused": the page prints a date line that cannot be placed for sure ("03/04/2026" on
    # a page of unknown country): no other reader's guess stands in for it.
    return None, refused


def _in_local_offset(tree, iso: str, day_first: bool | None = None) -> str:
    """A UTC time re-expressed in the page's own offset when the page also prints the same
    moment as a local time without zone (<time datetime="2023-11-08 23:30:59"> or a naive
    meta time beside "2023-11-09T05:30:59Z", or a printed date line "February 24, 2020 |
    9:25pm" beside "2020-02-25T02:25:54Z"): the same instant, dated as the publisher dates it."""
    dt = parse_iso(iso)
    if dt is None or dt.utcoffset() != timedelta(0):
        return iso
    utc = dt.replace(tzinfo=None, second=0, microsecond=0)
    for local in _local_times(tree, day_first):
        delta = local.replace(second=0, microsecond=0) - utc
        if timedelta(0) < abs(delta) <= timedelta(hours=14) and delta % timedelta(minutes=15) == timedelta(0):
            return dt.astimezone(timezone(delta)).isoformat()
    return iso


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?", re.I)


def _local_times(tree, day_first: bool | None):
    """Times the page prints or declares without a zone, in page order (at most a few dozen)."""
    for value in _TIME_DATETIMES(tree)[:20]:
        local = parse_iso(clean(value).replace(" ", "T", 1))
        if local is not None and local.tzinfo is None:
            yield local
    index = meta_index(tree)
    for name in PUBLISHED_META:
        for value in index.get(name, ())[:2]:
            local = parse_iso(clean(value).replace(" ", "T", 1))
            if local is not None and local.tzinfo is None:
                yield local
    for el in [e for e in _PRINTED_DATES(tree) if _DATE_CLASS.search(e.get("class", ""))][:6]:
        text = clean(" ".join(el.itertext()))
        if not _CLOCK.search(text) or not _YEAR.search(text) or re.search(r"\bupdated\b", text, re.I):
            continue
        # The clock as printed, whatever zone it names (PT, ET): only its offset to UTC is asked.
        naive = re.sub(r"\b(?:[A-Z]{2,4}T|PT|ET|IST|GMT|UTC)\b", "", _DATE_NOISE.sub("", text)).replace("|", " ")
        if (_MONTH_NAME.search(naive) or (_NUMERIC_DATE.search(naive) and day_first is not None)):
            try:
                local = dateparser.parse(naive, fuzzy=True, dayfirst=bool(day_first), ignoretz=True)
            except (ValueError, OverflowError, TypeError):
                continue
            if local.tzinfo is None:
                yield local


def _published_candidates(tree, ld: dict, printed: str | None):
    for key in ("datePublished", "dateCreated", "uploadDate"):
        if isinstance(ld.get(key), str):
            yield f"ld:{key}", ld[key]
    index = meta_index(tree)
    for name in PUBLISHED_META:
        for value in index.get(name, ()):
            yield f"meta:{name}", value
    for value in _ITEMPROP_PUBLISHED(tree):
        yield "time:datePublished", value
    if printed:
        yield "printed", printed
    for value in _STORY_TIMES(tree):
        yield "time", value
    # A printed date line in an element named for it ("Published: 03/04/2026, 09:15 IST").
    for el in [e for e in _PRINTED_DATES(tree) if _DATE_CLASS.search(e.get("class", ""))][:6]:
        text = clean(" ".join(el.itertext()))
        if text and not re.search(r"\bupdated\b", text, re.I):
            yield "printed", text


_DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:date|dates|dateline|published|publish|pubdate|posted|timestamp|byline-time|"
                         r"publish-?date|post-?date|article-?date|entry-?date)(?:$|[\s_-])", re.I)
_PRINTED_DATE_XPATH = (
    # From the class attributes that could qualify, not by testing every element: half the time.
    "//body//@class[contains(., 'date') or contains(., 'publish') or contains(., 'posted')"
    " or contains(., 'timestamp') or contains(., 'byline-time')]/parent::*"
    "[not(self::script or self::style or self::body)][string-length(normalize-space()) < 80]")


def modified_date(tree, ld: dict, rules: DateRules) -> str | None:
    for key in ("dateModified",):
        if isinstance(ld.get(key), str) and (iso := iso_date(ld[key], rules.tz, rules.day_first)):
            return iso
    index = meta_index(tree)
    for name in MODIFIED_META:
        for value in index.get(name, ()):
            if iso := iso_date(value, rules.tz, rules.day_first):
                return iso
    return None


DAY_FIRST_TLDS = (".in", ".uk", ".au", ".nz", ".ie", ".za", ".pk", ".lk", ".bd", ".np", ".sg", ".my", ".ng",
                  ".ke", ".fr", ".de", ".es", ".it", ".nl", ".pl", ".no", ".se", ".dk", ".br", ".ar", ".mx")
MONTH_FIRST_TLDS = (".us",)


def day_first_for(url: str | None, locale: str | None) -> bool | None:
    """Whether numeric dates on this page put the day first: from the page's locale
    (en_US month first, other locales day first), else its country domain; None unknown."""
    loc = (locale or "").replace("-", "_").lower()
    if loc:
        if loc in ("en_us", "en_ph", "en_ca"):
            return False
        if "_" in loc or loc not in ("en",):
            return True
    host = (urlsplit(url).hostname or "") if url else ""
    if host.endswith(DAY_FIRST_TLDS):
        return True
    if host.endswith(MONTH_FIRST_TLDS):
        return False
    return None


# --- headline ----------------------------------------------------------------------------------

_WORDS = re.compile(r"\w+", re.U)


def _words(text: str) -> set[str]:
    return set(_WORDS.findall(fold(text)))


def strip_site_affixes(title: str | None, site_names: tuple[str, ...] = ()) -> str | None:
    """A page title without the site's name and section around it: "<Section> | Headline",
    "Headline - Site", "Headline | Section | Site" give "Headline"; "Spider-Man - the
    musical opens" keeps its dash."""
    if not title:
        return None
    pieces = _SEPARATORS_KEPT.split(title)
    parts, seps = pieces[::2], [p.strip() for p in pieces[1::2]]
    if len(parts) == 1:
        return _strip_cjk_site_suffix(title, site_names)
    sites = {_squash(s) for s in site_names if s}
    named = [_squash(p) in sites for p in parts]
    if any(named):
        keep = [p for p, n in zip(parts, named) if not n]
        return max(keep, key=len) if keep else title
    # No part names the site: a short last part after a separator is the site's name, and a
    # short first part before "|" is a section; a dash inside a headline stays.
    start, end = 0, len(parts)
    if len(parts[-1].split()) <= 4 and len(parts) > 1:
        end -= 1
    if end - start > 1 and seps[0] in ("|", "::", "»", "/") and len(parts[0].split()) <= 4:
        start += 1
    if end - start > 1:
        if any(sep in ("|", "::", "»") for sep in seps[start:end - 1]):
            return max(parts[start:end], key=len)  # "Headline | Section": the longest is the headline
        return _rejoin(pieces, start, end)
    return parts[start]


_SEPARATORS_KEPT = re.compile(r"(\s+(?:\||-|–|—|::|•|·|»|/)\s+)")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_CJK_SITE_SUFFIX = re.compile(
    rf"^(?P<head>.*[{_CJK}\uff01\uff1f\u3002\u300d\u201d].*?)\s*(?P<sep>-{{1,2}}|_|\||\uff5c|\u2014{{1,2}})\s*"
    rf"(?P<site>[{_CJK}A-Za-z0-9.]{{1,12}})$")
"""A Chinese, Japanese or Korean page's title "<headline>-<site>", "<headline>_<section>_<site>",
"<headline>--<site>": set without spaces, as CJK text is, so the spaced separators above miss it."""
CJK_SITE_WORDS = ("网", "網", "报", "報", "新闻", "新聞", "频道", "頻道", "在线", "ニュース", "新聞社", "일보", "뉴스",
                  "신문", "时报", "日报", "晚报", "周刊")
"""How a CJK site's or section's name ends (新华网, 人民日报, 财经频道, 朝日新聞, 조선일보, 연합뉴스)."""
CJK_SITE_SUFFIXES_MAX = 2
CJK_TITLE_MAX = 300


def _strip_cjk_site_suffix(title: str, site_names: tuple[str, ...] = ()) -> str:
    """The title without up to CJK_SITE_SUFFIXES_MAX short unspaced suffixes, when the
    headline before them holds CJK text (4 characters or more are left): after an underscore,
    a bar or a double dash (never inside a headline) any short name; after a single dash only
    the site's own name or a name ending like one (CJK_SITE_WORDS), as a dash also joins
    places in a headline ("北京-上海高铁"). Any other title as it is."""
    if len(title) > CJK_TITLE_MAX:
        return title  # the pattern backtracks over the title: a hostile one is left as it is
    sites = {_squash(n) for n in site_names if n}
    out = title
    for _ in range(CJK_SITE_SUFFIXES_MAX):
        m = _CJK_SITE_SUFFIX.match(out)
        if m is None or len(m["head"].strip()) < 4:
            break
        site = m["site"]
        if m["sep"] in ("-", "\u2014") and not (_squash(site) in sites or site.endswith(CJK_SITE_WORDS)):
            break
        out = m["head"].strip()
    return out


def _rejoin(pieces: list[str], start: int, end: int) -> str:
    """Parts start..end-1 of a split title with their own separators between them."""
    return "".join(pieces[2 * start:2 * end - 1]).strip()


def _squash(text: str) -> str:
    host = text.lower()
    for prefix in ("https://", "http://", "www."):
        host = host.removeprefix(prefix)
    return re.sub(r"[^\w]", "", fold(host.split("/")[0] if "." in host and " " not in host else text))


def pick_headline(tree, ld: dict, site_names: tuple[str, ...] = ()) -> str | None:
    """The story's headline as printed: the page's h1 when it is the story's (it shares its
    words with the headline the page declares in JSON-LD, og:title or <title>), else the
    declared headline without the site's name around it."""
    declared = [headline_text(t) for t in (ld_text(ld.get("headline")), meta(tree, "og:title", "twitter:title"),
                                           _title_tag(tree)) if t]
    declared_clean = [strip_site_affixes(t, site_names) for t in declared]
    h1s = [_h1_headline(h, declared + declared_clean) for h in list(tree.iter("h1"))[:8]]
    h1s = [h for h in h1s if 3 <= len(h) <= 300 and _squash(h) not in {_squash(s) for s in site_names if s}]
    if h1s:
        if declared_clean:
            best = max(h1s, key=lambda h: max(_overlap(h, d) for d in declared_clean))
            if max(_overlap(best, d) for d in declared_clean) >= 0.5:
                return best
        elif len(h1s[0].split()) >= 3:
            return h1s[0]
    return next((d for d in declared_clean if d), None)


_INVISIBLE = re.compile(r"[\u00ad\u2060\u200b\u200c\u200d\ufeff]")
"""Soft hyphens, word joiners and zero-width marks: line-breaking hints, not letters."""
_BLOCK_TAGS = {"div", "p", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "header",
               "figure", "figcaption", "table", "tr", "td", "blockquote"}


def headline_text(text: str | None) -> str:
    """A headline as a reader sees it: soft hyphens and zero-width marks dropped, spaces folded."""
    return clean(_INVISIBLE.sub("", text or ""))


def inline_text(el) -> str:
    """An element's text as rendered: inline elements (span, a, em) run on with no space
    added, block elements (div, p, br) are separated by one. "<span>Kicker</span><span>: </span>
    <span>Headline</span>" is "Kicker: Headline", never "Kicker : Headline"."""
    parts: list[str] = []

    def walk(node):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "noscript", "template"):
            if node.tail:
                parts.append(node.tail)
            return
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append(" ")
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
        if not block and tag and node is not el and node.tail and node.tail[:1].isalnum() and \
                "".join(parts).rstrip(" ")[-1:] == ":":
            parts.append(" ")  # "<span>Kicker:</span>Headline": the colon ends the kicker
        if block:
            parts.append(" ")
        if node.tail and node is not el:
            parts.append(node.tail)

    walk(el)
    return headline_text("".join(parts))


_KICKER_SEPARATOR = re.compile(r"^[\s:|\-–—·•/]*$")


def _h1_headline(h1, declared: list[str]) -> str:
    """An h1's headline. A kicker printed in an element of its own at the h1's start
    ("<div>SNYDE | </div><span>Headline</span>", "<span>Opinion</span><span>Headline</span>")
    is dropped when the rest alone is the headline the page declares (og:title, JSON-LD);
    when the declared headline carries the kicker too ("Kicker: Headline"), it stays."""
    full = inline_text(h1)
    children = [c for c in h1 if isinstance(c.tag, str)]
    if not children or clean(h1.text) or not declared:
        return full
    keys = {fold(d) for d in declared if d}
    # The first child is the kicker; separator-only children after it go with it.
    k = 1
    while k < len(children) and _KICKER_SEPARATOR.match(inline_text(children[k])):
        k += 1
    rest = headline_text(" ".join([clean(children[0].tail or "")] + [inline_text(c) + " " + clean(c.tail or "")
                                                                      for c in children[k:]]))
    rest = rest.strip(" :|-–—")
    if rest and rest != full and _marked_kicker(children[:k]):
        return rest
    if fold(full) in keys:
        return full
    return rest if rest and fold(rest) in keys else full


_HIDDEN_CLASS = re.compile(r"visually-?hidden|sr-only|screen-reader|hiddendash|a11y", re.I)


def _marked_kicker(kicker_children) -> bool:
    """Whether the h1's leading element is a kicker set on a line of its own: the separator
    after it is printed for screen readers only (a visually hidden ": ", an aria-hidden
    dash), so the reader sees the kicker above the headline, not "Kicker: Headline" (Zeit,
    Cicero, Tages-Anzeiger). A visible separator (Bild's "Kicker: Headline") keeps it."""
    return any(_HIDDEN_CLASS.search(el.get("class") or "") or el.get("aria-hidden") == "true"
               for el in kicker_children[1:])


def _title_tag(tree) -> str | None:
    for t in tree.iter("title"):
        text = clean(" ".join(t.itertext()))
        if text:
            return html.unescape(text)
    return None


def _overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


# --- authors -----------------------------------------------------------------------------------

AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "byl", "dc.creator",
               "dcterms.creator", "citation_author", "twitter:creator")
BY_LEADS = ("written", "reported", "posted", "words", "story", "text")
"""Words a byline's "by" may follow ("Written by", "Words by")."""
_BY = re.compile(r"^(?:(?:" + "|".join(BY_LEADS) + r") )?by\s*:?\s+", re.I)
_AUTHOR_NOISE = re.compile(
    r"\s*(?:\b(?:published|updated|posted|last updated|first published)\b.*|\|.*|"
    r"\bview (?:all )?(?:posts|articles|stories) by\b\s*|\bfollow\b.*|\bon (?:twitter|x)\b.*)$", re.I)
_NOT_NAME = re.compile(r"^(?:no author|admin|administrator|staff|unknown|editor|guest|anonymous|null|none|"
                       r"undefined|\d.*|.*\b(?:am|pm|ist|gmt|utc|edt|est)\b.*)$", re.I)


_BY_WORDS = {"by", "von", "por", "par", "di", "door", "av", "af", "written by", "words"}
"""A byline's "By" printed in an element of its own: no name."""


def split_names(text: str) -> list[str]:
    """Names in a byline: "A, B and C" -> [A, B, C]; "By A | Updated: <date>" -> [A]."""
    text = clean(text)
    text = _BY.sub("", text)
    text = re.sub(r"^\s*(?:view all posts by|posts by|articles by)\s+", "", text, flags=re.I)
    text = _AUTHOR_NOISE.sub("", text).strip(" ,;:|-–—")
    if not text:
        return []
    parts = re.split(r"\s*(?:,|;|\band\b|&|\|)\s*", text)
    out = []
    for p in parts:
        p = _BY.sub("", p).strip(" ,;:.-–—·•")
        if p and p.lower() not in _BY_WORDS and not _NOT_NAME.match(p) and len(p) <= 60 and not re.search(r"\d", p) \
                and not p.startswith(("http", "@", "www.")):
            out.append(p)
    # "Reuters, London" or a place after a comma: keep names only (first letter upper case).
    return [p for p in out if p[:1].isupper() or not p[:1].isalpha()]


def without_agency_suffix(names: list[str]) -> list[str]:
    """Writers' names with an agency's long name glued after them taken off (agencies.glued_agency:
    "John Roe The Associated Press" -> "John Roe"): the agency is the story's credit, read from
    the names as printed, not part of a name."""
    out: list[str] = []
    for name in names:
        name = glued[0] if (glued := glued_agency(name)) else name
        if name not in out:
            out.append(name)
    return out


DESK_WORDS = ("staff", "desk", "newsroom", "news service", "bureau", "team", "editors", "editorial", "web desk",
              "online", "digital", "redaktion", "redazione", "rédaction", "redacción", "redação", "redakcja",
              "redactie", "redaksjon")
"""Words that make a byline a desk, not a person ("Guardian staff reporter", "TC Redazione")."""
_DESK = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in DESK_WORDS) + r")\b", re.I)


def is_publisher_byline(name: str, site_names: tuple[str, ...] = ()) -> bool:
    """True when a byline names the publisher or one of its desks rather than a writer:
    the site's name ("USA TODAY", "Top Gear", "<Site>.de"), the site's name and a section
    ("CBC Arts"), or a desk ("Guardian staff reporter", "TC Redazione")."""
    key = _squash(name)
    sites = {_squash(s) for s in site_names if s and _squash(s)}
    if key in sites or _squash(re.sub(r"\.\w{2,3}$", "", name)) in sites or _DESK.search(name):
        return True
    words = name.split()
    for site in site_names:
        lead = [w for w in (site or "").split() if w.lower() != "the"]
        if lead and len(words) - len(lead) in (1, 2) and [_squash(w) for w in words[:len(lead)]] == \
                [_squash(w) for w in lead]:
            return True
    return False


def page_authors(tree, ld: dict, site_names: tuple[str, ...] = (), objects: list[dict] = ()) -> list[str]:
    """The printed byline's writers: JSON-LD authors, the page's author elements, meta tags,
    then elements named for the byline. A source that names only the publisher, a desk or
    an organisation ("USA TODAY", "Guardian staff", a CMS account) gives way to a later one
    that names a writer; with no writer anywhere the publisher's byline stands as printed.
    A later source naming the same writers and more (JSON-LD kept only the first) wins."""
    entries = ld_author_entries(ld, objects)
    orgs = tuple(n for n, org, _ in entries if org)
    # A Person the article names only by a @graph reference is often the CMS account that
    # posted the story (Yoast): the printed byline and author meta tags come before it.
    # Each element reader runs once: two rules ask for its names.
    author_elements = functools.cache(lambda: _author_elements(tree))
    byline_elements = functools.cache(lambda: _byline_elements(tree))
    names_of = (lambda: [n for n, _, ref in entries if not ref], author_elements,
                lambda: _meta_authors(tree), lambda: [n for n, _, ref in entries if ref],
                byline_elements, lambda: _author_links(tree))
    first: list[str] = []
    chosen: list[str] = []
    seen: list[list[str]] = []
    for get in names_of:
        names = [n for n in get() if n]
        if not names:
            continue
        seen.append(names)
        first = first or names
        people = [n for n in names if not is_publisher_byline(n, site_names + orgs)]
        if people:
            chosen = people
            break
    if not chosen:
        # Only the publisher, a desk or an organisation is named: it is the byline when the
        # page prints it in a byline element ("By The Citizen"); named only in JSON-LD or a
        # meta tag it is no byline (the publisher's own name filled in by the CMS).
        # Only an Organization-typed JSON-LD author that is the publisher itself is filler;
        # a Person named for the publisher ("Les Echos") is the newsroom's byline.
        sites = {_squash(x) for x in site_names if x}
        filler = {_squash(n) for n, org, _ in entries if org and _squash(n) in sites}
        if not all(_squash(n) in filler for n in first):
            return first  # a desk, a newsroom byline, or another organisation (an agency)
        printed = {_squash(n) for n in author_elements() + byline_elements()}
        return first if any(_squash(n) in printed for n in first) else []
    for get in names_of[len(seen):3]:
        more = [n for n in get() if n and not is_publisher_byline(n, site_names + orgs)]
        if len(more) > len(chosen) and all(_squash(c) in {_squash(m) for m in more} for c in chosen):
            chosen = more
    return chosen


_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:author|authors|byline|authname)(?:s|name|link|-?names?|_name|__name)?"
                           r"(?=$|[\s_-])", re.I)
_NOT_BYLINE_CLASS = re.compile(r"bio|image|img|avatar|photo|picture|desc|about|social|follow|more|date|time|"
                               r"comment|related|card|list|box|widget|popup|modal", re.I)


BYLINE_REACH = 4
"""Levels above the h1 searched for the printed byline (the headline's header block)."""
BYLINE_REGION_CHARS = 6000
"""A block above the h1 holding more text than this is the page, not the header: not climbed to."""


def _headline_region(tree):
    """The block around the page's first h1 where its byline is printed: the <article>
    holding it, else its parents up to BYLINE_REACH levels; None without an h1. Found once
    per tree (the byline, author-link and label readers all ask)."""
    return _once_per_tree(_REGION_CACHE, tree, _find_headline_region)


_REGION_CACHE: dict[int, tuple] = {}


def _find_headline_region(tree):
    h1 = next(iter(_FIRST_H1(tree)), None)
    if h1 is None:
        return None
    article = next(iter(_ARTICLE_ANCESTOR(h1)), None)
    if article is not None:
        return article
    region = h1
    for _ in range(BYLINE_REACH):
        parent = region.getparent()
        if parent is None or parent.tag == "body" or \
                _TEXT_LENGTH(parent) > BYLINE_REGION_CHARS:
            break
        region = parent
    return region


def _byline_elements(tree) -> list[str]:
    """Names in small elements whose class names the byline ("author", "byline",
    "ArticleHeader--authName") in the headline's block: the printed byline where the page
    declares its writer nowhere else (related-story cards elsewhere print other bylines)."""
    out: list[str] = []
    region = _headline_region(tree)
    if region is None:
        return out

    def named(el) -> bool:
        cls = el.get("class", "")
        return bool(_BYLINE_CLASS.search(cls)) and not any(
            _NOT_BYLINE_CLASS.search(t) for t in cls.split() if _BYLINE_CLASS.search(t))

    found = [el for el in _BYLINE_IN_REGION(region) if named(el)
             and not _IN_NAV_FOOTER_ASIDE(el)]
    if not found:
        return out  # most regions: no element's place needs counting
    # Bylines printed after the story's first paragraph belong to other stories (cards, lists).
    order = {el: i for i, el in enumerate(region.iter())}
    first_para = next((order[p] for p in region.iter("p") if len(clean(p.text_content())) > 150), None)
    found = [el for el in found if first_para is None or order.get(el, 0) < first_para]
    inner = set(found)
    byline = None  # the block of the first byline: its names, not later ones (other stories')
    for el in found:
        # "<div class=byline-section><a class=authors>Name</a><span>Paper</span></div>": the
        # innermost named element is the writer's name.
        if any(d in inner for d in el.iterdescendants()):
            continue
        if byline is not None and not any(a is byline for a in el.iterancestors()):
            break
        names = split_names(headline_text(" ".join(el.itertext())))
        if names:
            byline = byline if byline is not None else _parent_of(el, 2)
            out += [n for n in names if n not in out]
        if len(out) >= 8:
            break
    return out[:8]


AUTHOR_PATHS = ("author", "authors", "autor", "autores", "autori", "auteur", "auteurs", "writer", "writers",
                "journalist", "journalists", "reporter", "reporters", "columnist", "columnists", "contributor",
                "contributors", "byline", "staff", "newsteam", "redakteur", "redacteur")
"""A folder of writers' pages on a news site (/author/jane-roe, /staff/jroe, /autor/...). Not
/people/ or /profile/: entertainment and sports sites file the people a story is about there."""
_AUTHOR_HREF = re.compile(r"(?:^|/)(?:" + "|".join(AUTHOR_PATHS) + r")/(?:\d+/)?[^/?#\s]+/?(?:[?#]|$)", re.I)
"""The writer's page, its slug after a numeric id or not ("/writer/1207921/Charles__Fried/",
The Harvard Crimson's)."""
AUTHOR_LINK_TEXT_MAX = 150
"""The printed byline holding a writer's link is short ("By <a>Jane Roe</a>"); a longer
element is prose that links a writer's page."""
AUTHOR_LINK_REST_MAX = 24
"""Characters the link's element may print beside its names ("Written by", " and ", "| Staff
Writer"), unless it opens as a byline does ("By <name> on Monday, November 18th, 2019 at 11:04
a.m."): more is a sentence that names someone, not a byline."""
_BYLINE_OPENING = re.compile(r"^(?:(?:" + "|".join(BY_LEADS) + r")\s+)?(?:"
                             + "|".join(w for w in sorted(_BY_WORDS) if " " not in w and w not in BY_LEADS) + r")\b", re.I)


CAPTION_BEFORE_CREDIT = 60
"""Characters of text right before a writer's link, in the same box, past which the link is a
photo's credit under its caption: a byline stands on its own or after a headshot."""


def _through_story_start(region):
    """The headline's block, or, when the story does not begin inside it (the h1 and its kicker
    in a box of their own, the byline beside it in the story's column: The Harvard Crimson),
    the nearest block above it, up to BYLINE_REACH levels, where a paragraph of the story
    begins: the author-link reader stops at that paragraph, so no more of the page is read."""
    climbed = region
    for _ in range(BYLINE_REACH + 1):
        if any(len(clean(p.text_content())) > AUTHOR_LINK_TEXT_MAX for p in climbed.iter("p")):
            return climbed
        parent = climbed.getparent()
        if parent is None or parent.tag == "body":
            break
        climbed = parent
    return region


def _author_links(tree) -> list[str]:
    """Names of links to a writer's page (AUTHOR_PATHS) in the headline's block, before the
    story's first paragraph, each in a short element of its own ("<p>By <a href=/author/jroe>
    Jane Roe</a></p>"): the printed byline of a page that declares its writer nowhere else
    (no JSON-LD author, author element, meta tag or byline class). Links in navigation,
    footers and asides (the site's staff list) are not read."""
    region = _headline_region(tree)
    if region is None:
        return []
    region = _through_story_start(region)
    out: list[str] = []
    for el in region.iter("a", "p"):
        if el.tag == "p" and len(clean(el.text_content())) > AUTHOR_LINK_TEXT_MAX:
            break  # the story has begun: writers linked further on are other stories'
        if el.tag != "a" or not _AUTHOR_HREF.search(el.get("href") or ""):
            continue
        holder = el.getparent()
        if holder is None or _TEXT_LENGTH(holder) > AUTHOR_LINK_TEXT_MAX or _IN_NAV_FOOTER_ASIDE(el):
            continue
        before = next((b for b in holder.itersiblings(preceding=True) if b.tag not in ("style", "script")), None)
        if before is not None and _TEXT_LENGTH(before) > CAPTION_BEFORE_CREDIT:
            continue  # a photo's credit after its caption ("... career." then "By <a>Name</a>")
        rest = clean(holder.text_content())
        for link in holder.iter("a"):
            rest = rest.replace(clean(link.text_content()), "", 1)
        rest = clean(rest)
        if len(rest) > AUTHOR_LINK_REST_MAX and not _BYLINE_OPENING.match(rest):
            continue
        for name in split_names(headline_text(el.text_content())):
            if len(name.split()) >= 2 and name not in out:
                out.append(name)
        if len(out) >= 8:
            break
    return out


_LABEL_CLASS = re.compile(r"premium|plus|badge|exclusive|exklusiv|abo\b|paid|locked|subscriber|label|kicker|flag|"
                          r"eyebrow", re.I)


_LABEL_STEMS = ("premium", "plus", "badge", "exclusive", "exklusiv", "abo", "paid", "locked", "subscriber", "label",
                "kicker", "flag", "eyebrow")
"""Every _LABEL_CLASS word, as substrings."""


def headline_labels(tree) -> list[str]:
    """Short labels printed in the headline's block by an element named for one ("zplus-badge",
    "premium-label"): where a page marks a story for subscribers ("Exklusiv für Abonnenten", "Premium")."""
    region = _headline_region(tree)
    if region is None:
        return []
    out = []
    for el in region.iter("span", "div", "p", "a", "strong", "em", "i", "b", "li"):  # li: an eyebrow list's item
        cls = el.get("class")
        if not cls or not may_hold(cls, _LABEL_STEMS) or not _LABEL_CLASS.search(cls) or _IN_NAV(el):
            continue
        text = headline_text(el.text_content())
        if 2 <= len(text) < 60 and text not in out:
            out.append(text)
        if len(out) >= 12:
            break
    return out


def _parent_of(el, levels: int):
    for _ in range(levels):
        el = el.getparent() if el.getparent() is not None else el
    return el


_BYLINE_XPATH = ("//body//*[contains(translate(@class,'AUTHORBYLINE','authorbyline'),'author') or"
                 " contains(translate(@class,'AUTHORBYLINE','authorbyline'),'byline') or"
                 " contains(translate(@class,'AUTHN','authn'),'authname')][string-length(normalize-space()) < 120]")


def _meta_authors(tree) -> list[str]:
    out: list[str] = []
    for name in AUTHOR_META:
        for value in meta_index(tree).get(name, ()):
            if value.startswith(("http", "@")):
                continue
            for n in split_names(html.unescape(value)):
                if n not in out:
                    out.append(n)
        if out:
            return out
    return out


def _author_elements(tree) -> list[str]:
    out: list[str] = []
    for el in _AUTHOR_ELEMENTS(tree):
        name_el = _ITEMPROP_NAME(el)
        text = name_el[0].get("content") or " ".join(name_el[0].itertext()) if name_el else (
            el.get("content") or " ".join(el.itertext()))
        for n in split_names(text or ""):
            if n not in out and len(out) < 8:
                out.append(n)
    return out


_LEGAL_NAME = re.compile(r"(?:\b(?:S\.?L\.?|S\.?A\.?|S\.?p\.?A\.?|GmbH|AG|Inc\.?|Ltd\.?|LLC|plc|Corp\.?|"
                         r"Co\.|Limited|SE|N\.?V\.?|B\.?V\.?)|社)\s*$", re.I)
"""A company's legal name ("Ediciones EL PAÍS S.L.", "日本経済新聞社"): the owner, not the title printed."""
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def _host_label(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    parts = host.removeprefix("www.").split(".")
    return parts[0] if parts and parts[0] else ""


def names_host(name: str | None, url: str | None) -> bool:
    """True when a name spells the page's host ("Börsen-Zeitung" and boersen-zeitung.de,
    "The Daily Journal" and thedailyjournal.com)."""
    label = re.sub(r"[^a-z0-9]", "", _host_label(url).lower())
    if not name or not label:
        return False
    import unicodedata
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    keys = {re.sub(r"[^a-z0-9]", "", v.lower()) for v in (name.translate(_TRANSLIT), plain)}
    return label in keys or label.removeprefix("the") in {k.removeprefix("the") for k in keys}


def _printed_site_name(og: str | None) -> str | None:
    """og:site_name when it is a name (not a handle, a bare host or an SEO string with separators)."""
    if not og or og.startswith("@") or re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", og) or "|" in og or len(og.split()) > 6:
        return None
    return og


def _title_suffix_site(tree, url: str | None) -> str | None:
    """The site's name as the title's last part prints it ("Headline | Börsen-Zeitung"),
    when it spells the page's host: the one place some pages name their publisher."""
    for title in (_title_tag(tree), meta(tree, "og:title"), meta(tree, "title"), meta(tree, "twitter:title")):
        if not title:
            continue
        last = _SEPARATORS_KEPT.split(title)[-1].strip()
        if last != title.strip() and names_host(last, url):
            return last
    return None


def site_name(tree, ld: dict, objects: list[dict], url: str | None = None) -> str | None:
    """The publisher's name as printed. og:site_name and the JSON-LD publisher each may be
    the right one: og:site_name wins when it spells the page's host and the JSON-LD name
    does not (or spells it too, differently: "Forbes India" over "ForbesIndia"), or when
    the JSON-LD name is a company's legal name; else the JSON-LD publisher, og:site_name,
    application-name, the <title>'s last part when it spells the host."""
    name = ld_publisher(ld, objects)
    og_raw = meta(tree, "og:site_name")
    og = _printed_site_name(og_raw)
    if name and og and name != og:
        if _squash(og) == _squash(name):
            # One name, two spellings: the one written as words ("Forbes India", not "ForbesIndia").
            return og if len(og.split()) > len(name.split()) else name
        if names_host(og, url) and not names_host(name, url):
            return og
        if _LEGAL_NAME.search(name) and not _LEGAL_NAME.search(og):
            return og
    if name:
        return name
    if og:
        return og
    return meta(tree, "application-name") or _title_suffix_site(tree, url) or og_raw


# The page's XPath queries, compiled once per process (a tree.xpath(string) call compiles its
# query on every page).
_LD_SCRIPTS = etree.XPath('//script[@type="application/ld+json"]')
_CANONICAL_HREFS = etree.XPath('//link[translate(@rel,"CANONICAL","canonical")="canonical"]/@href')
_TIME_DATETIMES = etree.XPath("//time/@datetime")
_PRINTED_DATES = etree.XPath(_PRINTED_DATE_XPATH)
_ITEMPROP_PUBLISHED = etree.XPath('//*[@itemprop="datePublished"]/@datetime | //*[@itemprop="datePublished"]/@content'
                                  ' | //time[@pubdate]/@datetime')
_STORY_TIMES = etree.XPath('(//article//time[@datetime] | //main//time[@datetime])[1]/@datetime'
                           ' | (//header//time[@datetime])[1]/@datetime')
_FIRST_H1 = etree.XPath("//body//h1[string-length(normalize-space()) > 2][1]")
_ARTICLE_ANCESTOR = etree.XPath("ancestor::article[1]")
_TEXT_LENGTH = etree.XPath("string-length(normalize-space())")
_BYLINE_IN_REGION = etree.XPath("." + _BYLINE_XPATH.removeprefix("//body"))
_IN_NAV_FOOTER_ASIDE = etree.XPath("ancestor::nav|ancestor::footer|ancestor::aside")
_IN_NAV = etree.XPath("ancestor::nav")
_AUTHOR_ELEMENTS = etree.XPath(  # from the attributes, not by testing every element
    '//@itemprop[. = "author"]/parent::*[not(ancestor::*[@itemprop="author"])] | //@rel[. = "author"]/parent::a')
_ITEMPROP_NAME = etree.XPath('.//*[@itemprop="name"]')
