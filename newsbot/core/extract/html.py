"""HTML pages: locate the regions (by profile, else generically) and read the metadata.

The profile path uses a publisher's selectors; the generic path (generic.py) lets
trafilatura find the story. Both hand their blocks to the same separation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html
from parsel import Selector
from parsel.csstranslator import css2xpath
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, decode_file, is_dubious_html, repair_faulty_html

from newsbot.core.profiles.base import Profile
from .blocks import AFTER, BYLINE, NOISE, PAYWALL, STORY, Block, blockify, parse_fragment
from .text import _ZERO_WIDTH, clean, may_hold

FURNITURE_HINT = re.compile(
    r"highlights?|key-?points|takeaways?|quick-?read|tl-?dr|story-?summary|at-a-glance|live-?(?:tracker|updates|blog-widget)|"
    r"related|newsletter|signup|sign-up|social|share|read-?more|also-?read|more-?(?:stories|from|news)|recommend|"
    r"trending|most-?(?:read|popular|viewed)|lang(?:uage)?-?switch|outbrain|taboola|promo|"
    r"score-?(?:board|card|strip|widget)|live-?score|tracker|(?:covid|corona|cases?)-?(?:tracker|count|stats|widget)|"
    r"stats?-?(?:box|widget)|top-?search|popular-?search|trending-?search|"
    # Condé Nast's "Most read" and "You might also like" boxes (class "link-stack", LinkStack);
    # the trade's "recirculation" modules ("inline-article-recirc", "recirc-most-popular").
    r"link-?stack|recirc|"
    # Popovers and tooltips: an editors' note (Science X's fact-check popover), an author's bio
    # card (Dotdash Meredith's author tooltip), a "save this article" prompt; shown on a click,
    # never the story (none holds a line of the shared corpora's truths).
    r"popover|tooltip|"
    # "Our Latest Stories" boxes (CBS Sports' latest-news-box); not a post's category class
    # ("category-latest-headlines" on the story's own container). The look-behind comes after
    # the literal: every alternative starting with a letter lets re skip ahead by the first
    # one (a look-behind first made this search 2.6 times slower, on every container).
    r"latest(?<!category-latest)(?<!tag-latest)[-_]?(?:news|stories|articles|headlines)")
"""Class or id words of boxes that sit in or beside a story and are not story. These hint
patterns are matched against lower-cased class and id text (generic.page_scan): a
case-blind alternation costs five times as much in Python's regex engine."""
PAYWALL_HINT = re.compile(r"paywall|subscri|suscri|assin|abonn|meter|regwall|softwall|piano|tp-modal|offer|pricing|"
                          r"plans?\b|premium-wall|barrier|access-?wall|registration-?wall|login-?wall")
COMMERCE_HINT = re.compile(r"product|shop|commerce|affiliate|deal|retail|buy-?box|price-?comparison")
"""Shopping cards ("$199 at <Store>", class "product-offer-list") name offers too: not a paywall."""

CLASS_CACHE_SIZE = 8192
"""Distinct "class id" strings whose hints are remembered: a site's pages repeat their class
names, so a crawl asks each once (about half of a page's containers repeat another's on the
shared corpora); a bounded cache keeps a long crawl's memory flat."""


@lru_cache(maxsize=CLASS_CACHE_SIZE)
def is_furniture_class(attrs: str) -> bool:
    """Whether a container's lower-cased "class id" names a furniture box (FURNITURE_HINT)."""
    return FURNITURE_HINT.search(attrs) is not None


@lru_cache(maxsize=CLASS_CACHE_SIZE)
def is_paywall_class(attrs: str) -> bool:
    """Whether a container's lower-cased "class id" names a paywall or plan widget, not a
    shopping card (PAYWALL_HINT without COMMERCE_HINT)."""
    return PAYWALL_HINT.search(attrs) is not None and COMMERCE_HINT.search(attrs) is None


@dataclass
class Located:
    """What the region finder found on an HTML page."""

    blocks: list[Block] = field(default_factory=list)
    headline: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    date_text: str | None = None
    section: str | None = None
    topics: list[str] = field(default_factory=list)
    premium_marker: bool = False
    flags: list[str] = field(default_factory=list)
    story_element: object = None
    """The profile's story element (its links are read again for the link-line rule)."""


_EXSLT = {"re": "http://exslt.org/regular-expressions", "set": "http://exslt.org/sets"}
"""The namespaces parsel gives XPath queries (named only where a query uses them)."""
_STRING = etree.XPath("string()", smart_strings=False)
_NEXT_DATA = "script#__NEXT_DATA__::text"
_TEXT_LENGTH = etree.XPath("string-length(normalize-space())")
_FOLDED_TEXT = etree.XPath("normalize-space()")
"""An element's text length and text, whitespace folded, computed in C (compiled once)."""
_POSITION = etree.XPath("count(preceding::*) + count(ancestor::*)")
"""An element's place in document order (the elements before it: preceding ones and ancestors)."""
_AFTER_ALL = float("inf")


@lru_cache(maxsize=None)
def compiled(query: str) -> etree.XPath:
    """A profile's CSS query (parsel's dialect: ::text, ::attr(name)), or an XPath one written
    as 'xpath:...', compiled once per process: parsel would wrap every node of every query
    on every page in a Selector."""
    path = query[6:] if query.startswith("xpath:") else css2xpath(query)
    return etree.XPath(path, namespaces={k: v for k, v in _EXSLT.items() if f"{k}:" in path}, smart_strings=False)


def _compile_profiles() -> None:
    """Every profile's queries compiled at import: a query cssselect or lxml cannot read fails
    here, naming itself, not on some page."""
    from newsbot.core.profiles import PROFILES

    for p in PROFILES:
        for q in (*p.headline, *p.standfirst, *p.authors, *p.date, *p.section, *p.topics, *p.story,
                  *p.byline_credit, *p.noise, *p.paywall, *p.premium_marker, *p.after_story, _NEXT_DATA):
            try:
                compiled(q)
            except Exception as exc:
                raise ImportError(f"profile {p.name}: selector {q!r}: {exc}") from exc


def select(root, query: str) -> list:
    """The elements (or, for ::text and ::attr queries, the strings) a query finds under root."""
    found = compiled(query)(root)
    return found if isinstance(found, list) else [found]


def _node_text(node) -> str:
    """A node's text as parsel's `node.xpath("string()")` gives it; "" for a number or a boolean."""
    if isinstance(node, str):
        return node
    return _STRING(node) if isinstance(node, etree._Element) else ""


def first_text(root, queries) -> str | None:
    for q in queries:
        for node in select(root, q):
            text = clean(_node_text(node))
            if text:
                return text
    return None


def all_texts(root, queries) -> list[str]:
    for q in queries:
        out = []
        for node in select(root, q):
            text = clean(_node_text(node))
            if text and text not in out:
                out.append(text)
        if out:
            return out
    return []


def _first_element(root, queries):
    for q in queries:
        for node in select(root, q):
            if isinstance(node, etree._Element) and clean(_STRING(node)):
                return node
    return None


_compile_profiles()


def locate_with_profile(sel: Selector, profile: Profile) -> Located | None:
    """Regions by the profile's selectors; None when the page has no story the profile finds."""
    loc = Located()
    root = sel.root
    loc.headline = first_text(root, profile.headline)
    loc.standfirst = first_text(root, profile.standfirst)
    loc.authors = [a for a in all_texts(root, profile.authors) if len(a) < 80]
    loc.date_text = first_text(root, profile.date)
    loc.section = first_text(root, profile.section)
    loc.topics = all_texts(root, profile.topics)
    loc.premium_marker = any(
        isinstance(n, etree._Element) and (
            "premium" in clean(_STRING(n)).lower() or "Paywall" in (n.attrib.get("class") or ""))
        for q in profile.premium_marker for n in select(root, q)
    )

    # lxml hands out a new proxy object per access unless one is alive: the noise and paywall
    # elements are held so that id() names them for the region bookkeeping below.
    noise_elements = [n for q in profile.noise for n in select(root, q)]
    noise = {id(n) for n in noise_elements}
    paywalls = [n for q in profile.paywall for n in select(root, q)]
    paywall_ids = {id(p) for p in paywalls}

    def zone_of(el):
        if id(el) in paywall_ids:
            return PAYWALL
        if id(el) in noise or el.tag == "figcaption":
            # A photo's caption inside the story is no part of it (the generic path leaves
            # figures out as well): it is kept, unclassified.
            return NOISE
        return None

    story = _first_element(root, profile.story)
    if story is not None:
        break_spans_as_breaks(story)
    if story is None and profile.story_fallback_json:
        story = _next_data_story(root, profile.story_fallback_json)
        if story is not None:
            loc.flags.append("story_from_next_data")
    if story is None:
        return None

    def order(el) -> float:
        # Document order, counted in C for the few region elements (a story parsed from
        # __NEXT_DATA__ is no part of the page: it goes after everything).
        return _POSITION(el) if el.getroottree().getroot() is root else _AFTER_ALL

    def inside_story(el) -> bool:
        return el is story or _is_descendant(el, story)

    regions: list[tuple[float, list[Block]]] = []
    for q in profile.byline_credit:
        for n in select(root, q):
            regions.append((order(n), blockify(n, BYLINE)))
    regions.append((order(story), blockify(story, STORY, zone_of=zone_of)))
    for p in paywalls:
        if not inside_story(p) and not _inside_any(p, paywall_ids):
            regions.append((order(p), blockify(p, PAYWALL, fine=True)))
    for q in profile.after_story:
        for n in select(root, q):
            if not inside_story(n):
                regions.append((order(n), blockify(n, AFTER)))
    regions.sort(key=lambda r: r[0])
    loc.blocks = [b for _, blocks in regions for b in blocks]
    loc.story_element = story
    return loc


def _inside_any(el, ids) -> bool:
    parent = el.getparent()
    while parent is not None:
        if id(parent) in ids:
            return True
        parent = parent.getparent()
    return False


def _next_data_story(root, path: tuple[str, ...]):
    raw = next(iter(select(root, _NEXT_DATA)), None)
    if not raw:
        return None
    try:
        data = json.loads(raw)
        for key in path:
            data = data[key]
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    if not isinstance(data, str) or not data.strip():
        return None
    return parse_fragment(data)


def paywall_widgets(containers: list[tuple], story_texts: set[str] = frozenset()) -> list:
    """Elements that look like a paywall or plan widget on a page of unknown layout: a
    class or id naming one, holding a meter, header or price line, small, and not wrapping
    the story (site-wide wrappers often carry "subscriber" classes too)."""
    from .offers import is_price_line
    from .paywall import is_header, is_meter

    found = []
    # Raw lxml elements: parsel would wrap each of the page's hundreds of divs in a Selector.
    for el, attrs in containers:
        if not _is_widget_tag(el.tag) or not is_paywall_class(attrs):
            continue
        if any(el is f or _is_descendant(el, f) for f in found):
            continue
        if _TEXT_LENGTH(el) > 6000:
            continue  # a page-wide wrapper, not a widget (counted in C before any splitting)
        blocks = blockify(el, PAYWALL, fine=True)
        if not 0 < len(blocks) <= 60 or sum(len(b.text) for b in blocks) > 4000:
            continue
        if any(len(b.text) > 300 for b in blocks):
            continue
        # A wrapper around the story holds its paragraphs; a widget may hold one line that
        # trafilatura wrongly kept as story (a plan's blurb), never several.
        held = sum(b.text in story_texts for b in blocks)
        if held >= 2 or (held and held == len(story_texts)):
            continue
        if any(is_meter(b.text) or is_header(b.text) or is_price_line(b.text) for b in blocks):
            found.append(el)
    return found


def _is_descendant(el, ancestor) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


_CONTAINER_TAGS = {"div", "section", "aside", "dialog", "form", "ul", "nav"}
_WIDGET_TAGS = {"div", "section", "aside", "dialog", "form"}


def _is_widget_tag(tag) -> bool:
    """A paywall may be laid out in the site's custom elements (<storefront-section
    id="paywall">, <tp-modal>, <paywall-widget>): a tag with a hyphen is one."""
    return tag in _WIDGET_TAGS or (isinstance(tag, str) and "-" in tag)


_PREFIX_CHARS = 24
PREFIX_CHECK_MAX = 100_000
"""Lines times boxes past which furniture_texts takes every box apart without the prefix test."""


def furniture_texts(containers: list[tuple], lines: list[str]) -> set[str]:
    """Which of a generic extractor's story lines sit in one of the page's furniture boxes
    (highlights, related stories, newsletter sign-ups, share rows, live trackers, language
    switches): those are not story. Boxes that hold a paragraph of prose are story
    containers with a misleading class, and are left alone."""
    wanted = {line for line in lines if len(line) <= 200}
    if not wanted:
        return set()
    boxes = [el for el, attrs in containers if el.tag in _CONTAINER_TAGS and is_furniture_class(attrs)]
    # Each line's first characters, white space left out: a box holding the line holds them
    # too (however its inline elements were spaced), so a box holding none of them is not
    # taken apart into blocks. Past PREFIX_CHECK_MAX tests the boxes are all taken apart (linear).
    prefixes = {"".join(line.split())[:_PREFIX_CHARS] for line in wanted} if (
        len(wanted) * len(boxes) <= PREFIX_CHECK_MAX) else None
    out: set[str] = set()
    for el in boxes:
        text = _FOLDED_TEXT(el)  # the box's text, whitespace folded, in C
        if not text or len(text) > 1500:
            continue
        if prefixes is not None:
            bare = "".join(text.split())
            for mark in _ZERO_WIDTH:
                bare = bare.replace(mark, "")
            if not any(prefix in bare for prefix in prefixes):
                continue
        # Set lookups, not substring scans: a page of thousands of boxes and lines stays linear.
        box = [b.text for b in blockify(el, NOISE)]
        if any(len(line) > 200 for line in box):
            continue  # holds a paragraph of prose: a story container with a misleading class
        out.update(line for line in (*box, text) if line in wanted)
    return out


# ---------------------------------------------------------------- parsing
MAX_DEPTH = 200
"""Elements nested deeper than this are unwrapped (their text kept) before parsing: libxml2
stops at depth 256 and drops the rest of the page, and the extractors walk trees recursively."""
_CLASSES = etree.ElementDefaultClassLookup(element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
                                           pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity)
"""lxml.html's element classes chosen in C: lxml.html's own lookup is a Python call for every
element proxy made (a tenth of the generic path's time); it differs only in giving form
controls (input, select, textarea, form, label) classes of their own, which nothing here uses."""


def _parser(**limits) -> lxml_html.HTMLParser:
    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True, **limits)
    parser.set_element_class_lookup(_CLASSES)
    return parser


PARSER = _parser()
"""trafilatura's parser options (trafilatura.utils.HTML_PARSER), with the C class lookup."""
_HUGE_PARSER = _parser(huge_tree=True)
"""The same, with libxml2's size limits lifted: a text node over 10 MB is otherwise cut off
with the rest of the page (the page size is bounded by MAX_PAGE_BYTES)."""


_XML_BYTES = bytes(b for b in range(256) if b not in {*range(9), 11, 12, *range(14, 32)})
"""The bytes of a UTF-8 text that are no C0 control character XML forbids."""


def _repair(text: str, beginning: str) -> str:
    """trafilatura's repair_faulty_html, whose regex scan for characters XML forbids is done
    only when they are there: UTF-8 bytes with those deleted, and two `in` tests, find them in
    a quarter of the regex's time (which was a twentieth of the generic path)."""
    if (text.encode("utf-8", "surrogatepass").translate(None, _XML_BYTES)
            or "\ufffe" in text or "\uffff" in text):
        return repair_faulty_html(text, beginning)
    # Its two other repairs, as it makes them.
    if "doctype" in beginning:
        firstline, _, rest = text.partition("\n")
        text = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", text, count=1)
    return text


def load_html(text: str):
    """trafilatura's load_html (its decoding and repairs, the same fallbacks) on PARSER."""
    text = decode_file(text)
    beginning = text[:50].lower()
    dubious = is_dubious_html(beginning)
    text = _repair(text, beginning)
    tree, as_bytes = None, False
    try:
        tree = lxml_html.fromstring(text, parser=PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        as_bytes = True
    except etree.LxmlError:
        pass
    if as_bytes or tree is None or len(tree) < 1:
        try:
            tree = lxml_html.fromstring(text.encode("utf8", "surrogatepass"), parser=PARSER)
        except (ValueError, etree.LxmlError):
            pass
    if tree is not None and dubious and len(tree) < 2:
        return None  # one element: not a whole page (trafilatura's rejection test)
    return tree


def html_tree(text: str, flags: list[str] | None = None):
    """The page's lxml.html tree, parsed once (trafilatura's loader, load_html: it repairs what
    lxml would choke on). A page that hits libxml2's resource limits (nesting, a huge text node)
    would come out cut short; it is parsed again with the limits lifted and the nesting
    flattened, and `flags` says so ("deep_markup_flattened", "huge_text_node")."""
    tree = load_html(text)
    if _hit_resource_limit():
        if flags is None:
            flags = []
        flat, unwrapped = flatten_deep_markup(text, MAX_DEPTH)
        flags.append("deep_markup_flattened" if unwrapped else "huge_text_node")
        try:
            tree = lxml_html.fromstring(flat, parser=_HUGE_PARSER)
        except (ValueError, etree.ParserError):
            tree = lxml_html.fromstring(flat.encode("utf-8"), parser=_HUGE_PARSER)
    if tree is None:
        tree = load_html(f"<html><body><div>{text}</div></body></html>")
    if tree is None:
        from .page import PageError
        raise PageError("not_html", "the page could not be parsed as HTML")
    return tree


_BREAK_SPANS = etree.XPath(".//span[not(node())][contains(concat(' ', normalize-space(@class), ' '), ' br ')]")
"""Empty spans of class "br" that a page sets between its paragraphs instead of line breaks
(the Times of India's `<span class="id-r-component br" data-pos="2"></span>` in the story's
text). Asked of a profile's story element only (a query over the whole page, or a substring
test of its markup, cost a quarter of a millisecond a page for every page)."""


def break_spans_as_breaks(story) -> None:
    """The story's break spans (_BREAK_SPANS) made line breaks, so its blocks split the
    paragraphs there instead of gluing one sentence to the next ("...years.A series of ...")."""
    for span in _BREAK_SPANS(story):
        span.tag = "br"


def _hit_resource_limit() -> bool:
    """Whether the parser gave up on the last page for one of libxml2's limits."""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in PARSER.error_log)


_TAG_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                        "source", "track", "wbr", "keygen", "command"})
_UNNESTED_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
"""Always kept and not counted: parsers close an open paragraph or heading before the next."""


def flatten_deep_markup(text: str, max_depth: int) -> tuple[str, int]:
    """The markup with every tag nested deeper than max_depth removed (text kept, a space in
    the tag's place), and how many opening tags were removed. One pass over the tags with a
    stack; a closing tag closes back to its opening tag, as parsers do."""
    stack: list[tuple[str, bool]] = []
    out: list[str] = []
    pos = removed = 0
    for m in _TAG_TOKEN.finditer(text):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        keep = True
        if not closing:
            if name not in _VOID_TAGS and name not in _UNNESTED_TAGS and not self_closing:
                keep = len(stack) < max_depth
                stack.append((name, keep))
        else:
            for k in range(len(stack) - 1, max(-1, len(stack) - 64), -1):
                if stack[k][0] == name:
                    keep = stack[k][1]
                    del stack[k:]
                    break
        if not keep:
            removed += not closing
            out.append(text[pos:m.start()])
            out.append(" ")
            pos = m.end()
    if not removed:
        return text, 0
    out.append(text[pos:])
    return "".join(out), removed


SUBSCRIBE_HREF = re.compile(r"subscri|suscri|assin|abonn|/abo(?:\b|nnement)|//abo\.|buysub|/offers?\b|/plans?\b|"
                            r"checkout", re.I)
NOT_A_PLAN_HREF = re.compile(r"newsletter|unsubscri|manage|account|profile|log-?in|sign-?in|gift|donat", re.I)
_SUBSCRIBE_STEMS = ("subscri", "suscri", "assin", "abonn", "/abo", "buysub", "/offer", "/plan", "checkout")
"""Every SUBSCRIBE_HREF form holds one of these."""
PROMO_MAX_CHARS = 200
PROMO_LINKS_MAX = 60
"""Subscription links looked at per page (a site's header, menu and footer print a few)."""
"""A subscription link with its price ("Subscribe: €20 for 1 year", "Suscribite por $60") is
short; a longer block around a link is prose or a menu."""


def subscription_promos(root) -> list:
    """The page's subscription links that print a plan's price, anywhere on the page (the
    header's "Subscribe for $0.99/week" button, a menu's "join for 1€ the first month"): the
    link itself when its text holds the price, else its small parent (the price printed
    beside the link). They name what the publisher sells, not that this story is walled."""
    from .offers import is_price_line

    found = []
    seen = 0
    for a in root.iter("a"):
        href = (a.get("href") or "").split("?")[0]  # the query is tracking ("o=login_ep")
        if not may_hold(href, _SUBSCRIBE_STEMS) or not SUBSCRIBE_HREF.search(href) or NOT_A_PLAN_HREF.search(href):
            continue
        seen += 1
        if seen > PROMO_LINKS_MAX:
            break  # each look measures the link's parent: a page of thousands stays linear
        for el in (a, a.getparent()):
            if el is None or _TEXT_LENGTH(el) > PROMO_MAX_CHARS:
                break
            lines = [b.text for b in blockify(el, PAYWALL, fine=True)]
            if any("newsletter" in t.lower() for t in lines):
                break
            if any(is_price_line(t) for t in lines):
                if not any(el is f or _is_descendant(el, f) for f in found):
                    found.append(el)
                break
    return found


WALLED_CONTENT_CLASSES = ("paywall", "paywalled", "paywall-content", "paywalled-content", "subscriber-only",
                          "subscriber-preview", "subscriber-content", "subscribers-only", "premium-content",
                          "metered-content", "meteredcontent", "locked-content")
"""Class names a publisher puts on the story's own container or paragraphs for its script
to cut them for non-subscribers (Google's paywall guide names the class in hasPart;
many pages set the class and no JSON-LD): the page ships the story, a meter stands in front."""


_WALLED_STEMS = ("paywall", "subscriber", "premium-content", "metered", "locked-content")
"""Every WALLED_CONTENT_CLASSES name holds one of these."""
_CLASS_VALUES = etree.XPath("//@class", smart_strings=False)
"""Every class attribute's text, as plain strings (no element proxies made)."""
_CLASSED = etree.XPath("descendant-or-self::*[@class]")
"""The page's elements with a class, in document order (lxml makes no proxy for the rest)."""


def walled_story(root, body: list[str]) -> str | None:
    """The walled-content class of an element holding the story's paragraphs (one of the
    body's long paragraphs inside it), or None."""
    long_lines = [p for p in body if len(p) > 80]
    if not long_lines:
        return None
    every_class = " ".join(_CLASS_VALUES(root)).lower()
    if not any(stem in every_class for stem in _WALLED_STEMS):
        return None  # most pages: one test of the page's class text, not one per element
    for el in _CLASSED(root):
        low = el.get("class").lower()
        if not any(stem in low for stem in _WALLED_STEMS):
            continue
        hit = next((c for c in low.split() if c in WALLED_CONTENT_CLASSES), None)
        if hit and any(p[:60] in _FOLDED_TEXT(el) for p in long_lines[:3]):
            return hit
    return None


def form_country(root) -> str | None:
    """The country the publisher's own address or billing form preselects (<select
    name="country"> with <option value="CA" selected>): where a site without a country
    locale or JSON-LD address says where it sells. None when no form preselects one or
    its forms disagree."""
    found = set()
    for select in root.iter("select"):
        if "country" not in f"{select.get('name') or ''} {select.get('id') or ''}".lower():
            continue
        for option in select.iter("option"):
            if option.get("selected") is not None:
                value = (option.get("value") or "").strip()
                if re.fullmatch(r"[A-Za-z]{2}", value):
                    found.add(value.lower())
                break
    return found.pop() if len(found) == 1 else None
