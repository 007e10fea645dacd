"""The generic path: trafilatura locates the story on a page of unknown layout.

trafilatura gives the story's paragraphs; paywall widgets it leaves out are found by their
class names and appended, so the separation sees the whole article region. Page metadata
comes from JSON-LD, meta tags and the printed h1 first (metadata.py); trafilatura's
metadata extraction (slower) runs only for what those lack.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from copy import deepcopy
from collections import Counter
from datetime import timezone

from dataclasses import dataclass

from lxml import etree
from lxml.etree import XPath
from parsel import Selector
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree
from trafilatura import bare_extraction
from htmldate import find_date
from trafilatura.metadata import extract_author, extract_title
from trafilatura.settings import set_date_params

from .blocks import AFTER, BYLINE, NOISE, PAYWALL, STORY, Block, blockify
from . import metadata as md
from . import wire as wires
from .html import _CONTAINER_TAGS, _FOLDED_TEXT, _TEXT_LENGTH, PARSER, Located, furniture_texts, paywall_widgets
from .script_story import SCRIPT_TEXTS, script_story_lines
from .separate import is_furniture
from .text import clean, fold, strip_markup


RESCUE_CHARS = 800
"""trafilatura runs in its fast mode first; a story shorter than this is extracted again
with its fallback extractors (readability, jusText), which find stories its own rules cut
short. On the shared corpora this scored at least the full mode's bodies at about half its cost."""


LOCATORS = ("trafilatura", "resiliparse")
"""What finds the story on a page of unknown layout:

- trafilatura (the default): its fast mode, with its fallback extractors for short stories;
  the best bodies newsbot measures.
- resiliparse: Resiliparse's main-content text (compiled code on lexbor's tree, a
  millisecond or two a page), checked against the story's container found on the page's
  own tree (story_container): its lines outside the container are unclassified, and a page
  where it leaves a hole in the container's run of long paragraphs (or, with no container,
  finds under RESCUE_CHARS of story) goes to trafilatura, which reads only the region around
  the container (story_region). Faster, bodies a little less clean (see the README's
  figures): for archives and corpora of millions of pages."""


def check_locator(name: str) -> str:
    """`name` when it names one of LOCATORS, else ValueError saying which it may be: the one
    check behind extract(), the crawl's settings check and the extract pipeline."""
    if name not in LOCATORS:
        raise ValueError(f"not a locator: {name!r} (one of {', '.join(LOCATORS)})")
    return name


located_by: Counter = Counter()
"""How many stories each extractor found in this process ("resiliparse", "trafilatura",
"trafilatura_after_resiliparse"), and of the last how many trafilatura read on the region
around the story's container ("trafilatura_on_region"): the benchmarks print it."""


def locate_generic(sel: Selector, url: str | None, page_chars: int = 0, page_text: str | None = None,
                   locator: str = "trafilatura", read_scripts: bool = True) -> Located:
    """The story's blocks from the page's one parsed tree (trafilatura works on its own copy,
    so the tree stays whole for the widgets and the metadata). page_chars: the page's size;
    long runs are cut for trafilatura only on pages of CUT_ABOVE characters or more.
    page_text: the page's text, for the resiliparse locator (it parses its own tree).
    read_scripts: whether a short story may be read from a script's state (script_story.py);
    not on a page that declares its story walled, whose state holds what the reader is not
    shown."""
    check_locator(locator)
    loc = Located()
    lines: list[str] | None = None
    items: set[str] = set()
    outside: set[str] = set()
    second_opinion = None  # the characters of Resiliparse's story, once read
    region = None  # the part of the page trafilatura reads, when not the whole page
    if locator == "resiliparse" and page_text is not None:
        lines = resiliparse_lines(page_text, items)
        second_opinion = sum(len(line) for line in lines)
        container = story_container(sel.root)
        if container is not None and len(lines) * len(container.text) > CONTAINER_CHECK_MAX:
            # Each line is looked for in the container's text: on a page of tens of thousands
            # of lines that work grows with the square of the page, so it is not done.
            container = None
        if container is not None:
            outside = {line for line in lines if line[:60] not in container.text}
            sure = not _holes(container.paragraphs, "\n".join(line for line in lines if line not in outside))
        else:
            sure = second_opinion >= RESCUE_CHARS
        if sure:
            located_by["resiliparse"] += 1
            if container is not None:
                lines = with_dropped_datelines(lines, container.paragraphs)
        else:
            if container is not None:
                region = story_region(sel.root, container, lines)
                located_by["trafilatura_on_region"] += 1
            lines = None
            outside = set()
    if lines is None:
        located_by["trafilatura" if locator == "trafilatura" else "trafilatura_after_resiliparse"] += 1
        lines, items = trafilatura_lines(region or sel, url, page_chars, page_text, second_opinion)
    if read_scripts and (longer := script_story_lines(sel.root, lines)) is not None:
        # A client-rendered page: the markup printed the story's head, a script holds it all.
        lines, items, outside = longer, set(), set()
        loc.flags.append("story_from_script")
    scan = page_scan(sel.root)
    containers = scan.containers
    boxes = furniture_texts(containers, lines)
    captions = caption_texts(scan.captions, lines)
    comments = comment_texts(containers, lines)
    story = [Block(line, NOISE if line in boxes or line in captions or line in outside or line in comments else STORY)
             for line in lines]
    story = set_aside_repeats(set_aside_summary_items(story, items))
    linked = link_texts(sel.root, {line for line in lines if len(line) <= 200}) if _may_hold_links(lines) else set()
    story = set_aside_link_lines(set_aside_link_lists(story, linked), linked)
    if _mostly_links([b.text for b in story if b.zone == STORY], linked):
        loc.flags.append("body_may_be_navigation")
    # trafilatura leaves bylines out; an agency credit printed there ("By A / Associated
    # Press") is wire information, so byline elements are read as such.
    story_texts = {b.text for b in story}
    byline = [b for el in _outermost(scan.bylines) for b in blockify(el, BYLINE)
              if b.text not in story_texts]
    # A wire trailer in its own element ("Reporting by ...; Editing by ...") comes after the story.
    sign_off = [b for el in _outermost(scan.sign_offs) for b in blockify(el, AFTER)
                if b.text not in story_texts]
    paywall: list[Block] = []
    for widget in paywall_widgets(containers, {b.text for b in story if len(b.text) > 80}):
        paywall.extend(blockify(widget, PAYWALL, fine=True))
    seen = {b.text for b in paywall}
    loc.blocks = byline[:3] + [b for b in story if b.text not in seen] + sign_off[:2] + paywall
    if not story:
        loc.flags.append("no_story_found")
    return loc


def trafilatura_lines(sel: Selector, url: str | None, page_chars: int, page_text: str | None = None,
                      second_opinion: int | None = None) -> tuple[list[str], set[str]]:
    """The story's lines as trafilatura finds them, and which of them are list items: its fast
    mode, then its fallback extractors when that story is short and may be longer (see
    _may_be_longer; second_opinion: the characters of Resiliparse's story, when known)."""
    cuts = cut_long_runs(sel.root) if page_chars >= CUT_ABOVE else []
    try:
        doc = _trafilatura(sel.root, url, fast=True)
        items: set[str] = set()
        # trafilatura's tree keeps paragraph structure; its text output would also break lines
        # where the page's source text wraps.
        lines = xml_lines(doc.body if doc is not None else None, items, cuts)
        fast_chars = len(doc.text or "") if doc is not None else -1
        doc = None  # its output tree: as large as the story again
        if fast_chars < RESCUE_CHARS and _may_be_longer(page_text, second_opinion):
            full = _trafilatura(sel.root, url, fast=False)
            if full is not None and len(full.text or "") > fast_chars:
                full_items: set[str] = set()
                full_lines = xml_lines(full.body, full_items, cuts)
                if _extends(full_lines, lines, md.meta(sel.root, "description", "og:description")):
                    lines, items = full_lines, full_items
    finally:
        restore_runs(cuts)
    return lines, items


def _may_be_longer(page_text: str | None, second_opinion: int | None) -> bool:
    """Whether a story trafilatura's fast mode finds short may be longer: not when Resiliparse,
    another extractor, finds it short too. Its fallbacks cost 10 to 200 ms a page; on the 13
    of 386 corpus pages where fast mode found under RESCUE_CHARS they changed the story on 3,
    each one Resiliparse found over 1,000 characters, and none where it found under 800."""
    if second_opinion is None:
        if page_text is None:
            return True  # flattened markup: no second opinion
        second_opinion = sum(len(line) for line in resiliparse_lines(page_text))
    return second_opinion >= RESCUE_CHARS


RESILIPARSE_OPTIONS = dict(preserve_formatting=True, main_content=True, list_bullets=True, alt_texts=False,
                           links=False, form_fields=False, noscript=False, comments=False, post_meta=False,
                           # One selector list: lexbor matches it in one pass (a list of 16
                           # selectors cost 0.2 ms a page more, for the same text).
                           skip_elements=[", ".join([
                               "figure", "figcaption", "[class*=caption i]", "[class*=credit i]",
                               "[class*=carousel i]", "[class*=gallery i]",
                               "[id*=cookie i]", "[class*=cookie i]", "[id*=consent i]",
                               "[class*=consent i]", "[id*=onetrust i]", "[class*=onetrust i]",
                               "[class*=privacy i]", "[id*=privacy i]", "[class*=gdpr i]", "[id*=gdpr i]"])])
"""Resiliparse's main content without what newsbot does not keep as story: comment sections,
a post's meta line (date, author: the record has those as fields), image alt texts, and
photos' captions, credits and carousels ("Reuters" under a photo is not the story's credit;
trafilatura leaves figures out too), and cookie and consent dialogs (OneTrust's and the
like, which some pages print in full). Class words match in any case ("PicImgCaption")."""


def resiliparse_lines(page_text: str, items: set[str] | None = None) -> list[str]:
    """The story's lines as Resiliparse's main-content extraction finds them (one per block,
    whitespace folded, HTML printed as text removed). A page lexbor cannot parse gives none."""
    try:
        # From UTF-8 bytes: a third of the parse's time less than from the str (which raises
        # on a lone surrogate the same way).
        tree = HTMLTree.parse_from_bytes(page_text.encode("utf-8"), "utf-8")
        text = extract_plain_text(tree, **RESILIPARSE_OPTIONS)
    except Exception:  # Resiliparse's parser errors: the caller falls back to trafilatura
        return []
    lines = []
    for raw in text.split("\n"):
        item = _LIST_ITEM.match(raw)
        line = strip_markup(clean(raw[item.end():] if item else raw))
        if line:
            lines.append(line)
            if item and items is not None:
                items.add(line)
    return lines


_LIST_ITEM = re.compile(r"^\s+(?:\u2022|\d+\.)\s")
"""How Resiliparse prints a list item: indented, after a bullet or its number."""


_LONG_PARAGRAPHS = XPath("//p[string-length(normalize-space()) >= $n]")
STORY_PARAGRAPH_CHARS = 100
"""Paragraphs (p elements) this long or longer are the story's evidence for its container."""


@dataclass
class StoryContainer:
    """The element that holds the story, as its text is compared with an extractor's lines."""

    text: str
    """Its text, folded as lines are (no-break spaces too)."""
    paragraphs: list[str]
    """The long paragraphs inside it, folded."""
    element: etree._Element
    """The element itself, in the page's tree."""


def story_container(root) -> StoryContainer | None:
    """The deepest element holding STORY_CONTAINER_SHARE of the text of the page's long
    paragraphs (a story split by figures into sibling sections is held by their parent; an
    author's bio or a comment beside it is left out). None on a page with fewer than three
    long paragraphs, or when only the page's body holds them."""
    paras = _LONG_PARAGRAPHS(root, n=STORY_PARAGRAPH_CHARS)
    if len(paras) < 3:
        return None
    weight: dict = {}
    depth: dict = {}
    texts = []
    for p in paras:
        text = clean(_STRING(p))
        texts.append(text)
        chain = list(p.iterancestors())
        for k, el in enumerate(chain):
            weight[el] = weight.get(el, 0) + len(text)
            depth[el] = len(chain) - k
    want = STORY_CONTAINER_SHARE * sum(len(t) for t in texts)
    best = max((el for el, w in weight.items() if w >= want), key=depth.get, default=None)
    if best is None or best.tag in ("html", "body"):
        return None
    inside = [t for p, t in zip(paras, texts) if any(a is best for a in p.iterancestors())]
    return StoryContainer(clean(_STRING(best)), inside, best)


DROPPED_LEAD_MAX = 60
"""Characters at the head of a paragraph Resiliparse may leave out and newsbot puts back."""


def with_dropped_datelines(lines: list[str], paragraphs: list[str]) -> list[str]:
    """Resiliparse's lines with the dateline it left out of a paragraph's head put back: it
    reads an element named for a date as the post's meta line, so a dateline set in a span
    of its own (`<p><span class="dateline">KOBE – </span>A total ...`, "LOS ANGELES (AP) — "
    in AP's markup) is dropped, and with it the story's wire dateline and credit. A line
    that is a paragraph of the container's without at most DROPPED_LEAD_MAX characters at
    its head becomes the paragraph when that head is a dateline (other heads it drops, a
    "STAFF" label or a date, stay out; so does a line Resiliparse gives beside the whole
    paragraph, a deck repeating its text)."""
    ends = {p[-40:]: p for p in paragraphs if len(p) >= 40}
    given = set(lines)
    out = []
    for line in lines:
        whole = ends.get(line[-40:]) if len(line) >= 40 else None
        if (whole is not None and whole not in given and whole.endswith(line)
                and len(whole) - len(line) <= DROPPED_LEAD_MAX and _dateline_within(whole, len(whole) - len(line))):
            line = whole
        out.append(line)
    return out


def _dateline_within(paragraph: str, head: int) -> bool:
    """Whether the paragraph's first `head` characters are (part of) its dateline."""
    if (split := wires.split_dateline(paragraph)) is not None:
        return head <= len(paragraph) - len(split[1])
    city = wires.bare_dateline(paragraph, colon=False)
    return city is not None and head <= len(city) + DROPPED_LEAD_MAX // 4


CONTAINER_CHECK_MAX = 2_000_000_000
"""Lines times characters of the container's text past which the lines are not checked
against the container (a substring search for each line): about a tenth of a second."""
STORY_CONTAINER_SHARE = 0.9
"""Share of the long paragraphs' text the story's container holds: most of it, not all (an
author's bio, a long comment or a caption sits elsewhere)."""


REGION_LEVELS = 2
"""How far above the story's container the region trafilatura reads begins: the container's
grandparent, which holds what sits beside the story's paragraphs in its article (a lead in the
article's header, numbered subheads in wrappers of their own)."""


def story_region(root, container: StoryContainer, lines: list[str]) -> Selector:
    """A page of the page's head and the region around the story's container, for trafilatura
    on a page where Resiliparse's story has a hole. Read whole, such a page can lead trafilatura
    to an element that holds a comment thread beside the story too (a forum widget under an
    article); on the region it chooses among the story's own elements. The region
    starts REGION_LEVELS above the container and widens until it holds every long line
    Resiliparse found (both extractors' evidence), never to the body. A copy: the page's tree
    stays whole for the widgets and metadata."""
    region = container.element
    for _ in range(REGION_LEVELS):
        if (parent := _parent_below_body(region)) is None:
            break
        region = parent
    text = clean(_STRING(region))
    wanted = {line[:60] for line in lines if len(line) >= STORY_PARAGRAPH_CHARS and line[:60] not in text}
    while wanted and (parent := _parent_below_body(region)) is not None:
        # Only the text the step adds is read: each step is as long as what it adds, and the
        # widening is as long as the page, not the page times its depth.
        added = " ".join(clean(_STRING(el)) for el in parent if el is not region)
        wanted = {key for key in wanted if key not in added}
        region = parent
    # lxml.html's elements, as trafilatura reads only those, made by the page's parser: its
    # C class lookup then serves the copy and all trafilatura's work on it.
    page = PARSER.makeelement("html")
    head = etree.SubElement(page, "head")
    # Of the head, what trafilatura may read without metadata: the title, meta tags and the
    # JSON-LD its baseline takes an articleBody from (styles and scripts were half the copy).
    page_head = root.find("head")
    for el in page_head if page_head is not None else ():
        if el.tag in ("title", "meta") or (el.tag == "script" and "ld+json" in (el.get("type") or "")):
            head.append(deepcopy(el))
    etree.SubElement(page, "body").append(deepcopy(region))
    return Selector(root=page, type="html")


def _parent_below_body(el):
    """The element's parent, or None where that would be the page's body or root."""
    parent = el.getparent()
    return None if parent is None or parent.tag in ("body", "html") else parent


def _holes(paragraphs: list[str], printed: str) -> bool:
    """Whether an extractor's story (printed) leaves out a long paragraph of the container
    between two it prints: a hole in the story (an embedded post, a section it took for a
    sidebar), where trafilatura reads the page instead. Paragraphs before the first or after
    the last printed one are teasers and footers as often as story, and are not counted."""
    found = [t[:60] in printed for t in paragraphs]
    if not any(found):
        return True
    first, last = found.index(True), len(found) - 1 - found[::-1].index(True)
    return not all(found[first:last + 1])


CUT_ABOVE = 1_000_000
"""Pages smaller than this are handed to trafilatura whole (their copies are small)."""
RUN_MIN = 400
"""An element with more children than this (a list of thousands of items, a table of
thousands of rows, thousands of paragraphs side by side) is handed to trafilatura cut short."""
RUN_KEEP = 100
"""How many of such an element's children trafilatura sees: it copies its input tree four
or five times over, which on a page of 10 MB of rows is most of a gigabyte."""
RUN_TAGS = frozenset({"li", "tr", "p", "div", "dt", "dd", "section", "article", "figure", "blockquote", "table",
                      "ul", "ol", "dl", "h2", "h3", "h4", "h5", "h6", "pre", "thead", "tbody", "tfoot"})
"""Children that are blocks of their own: only runs of these are cut (inline runs are
parts of one paragraph)."""
_LONG_RUN = XPath(f"//*[*[{RUN_MIN + 1}]]")
_MARK = re.compile("\ue000(\\d+)\ue001")


@dataclass
class Cut:
    """Children taken out of one element before trafilatura runs, and the mark left in
    their place: where the mark comes out in trafilatura's story, their lines go."""

    parent: object
    children: list
    mark: object
    lines: list[str] | None = None

    def child_lines(self) -> list[str]:
        if self.lines is None:
            self.lines = [line for child in self.children for line in _element_lines(child)]
        return self.lines


def _element_lines(el) -> list[str]:
    """A cut child's lines as xml_lines gives them: a table row's cells joined by " | ",
    else its blocks."""
    if el.tag == "tr":
        cells = [clean(_STRING(c)) for c in el if c.tag in ("td", "th")]
        row = " | ".join(c for c in cells if c)
        return [row] if row else []
    return [b.text for b in blockify(el, STORY)]


def cut_long_runs(root) -> list[Cut]:
    """Take out every long run's children past RUN_KEEP (kept in the Cut, in order) and put
    a mark in the last child left; restore_runs puts them back."""
    cuts: list[Cut] = []
    taken: set = set()  # every child cut out so far: a long run inside one is already out
    for parent in _LONG_RUN(root):
        children = list(parent)
        rest = children[RUN_KEEP:]
        if any(not isinstance(c.tag, str) or c.tag not in RUN_TAGS or (c.tail or "").strip() for c in rest):
            continue
        if any(a in taken for a in parent.iterancestors()):
            continue
        taken.update(rest)
        for child in rest:
            parent.remove(child)
        last = children[RUN_KEEP - 1]
        holder = last[-1] if last.tag == "tr" and len(last) else last
        mark = etree.SubElement(holder, "span")
        mark.text = f" \ue000{len(cuts)}\ue001"
        cuts.append(Cut(parent, rest, mark))
    return cuts


def restore_runs(cuts: list[Cut]) -> None:
    """Put cut children back where they were and take the marks out: the page's tree is
    whole again for the widget, furniture and metadata scans."""
    for cut in reversed(cuts):
        cut.mark.getparent().remove(cut.mark)
        cut.parent.extend(cut.children)


RESCUE_KEEPS_CHARS = 300
"""A fast-mode story of at least this much text may be kept when the fallback extractors
return a longer text that holds none of it (see _extends)."""


def _extends(longer: list[str], lines: list[str], description: str | None) -> bool:
    """Whether the fallback extractors' story may replace the fast one. It does when it holds
    one of the fast story's paragraphs (the rest of a story cut short) or when the fast story
    is too short to stand. Two stories with nothing in common are two regions of the page (a
    donation appeal, a newsletter's greeting beside the story): the one the page's own
    description speaks of is the story; with no such sign, the longer one."""
    if sum(len(line) for line in lines) < RESCUE_KEEPS_CHARS:
        return True
    have = {fold(line) for line in longer if len(line) >= 40}
    if any(fold(line) in have for line in lines if len(line) >= 40):
        return True
    fast, full = _described(lines, description), _described(longer, description)
    return not (fast >= 0.5 and fast > full)


_WORD = re.compile(r"\w{4,}")


def _described(lines: list[str], description: str | None) -> float:
    """Share of the description's words (four letters or more) found in the lines."""
    words = set(_WORD.findall(fold(description or "")))
    if not words:
        return 0.0
    have = set(_WORD.findall(fold(" ".join(lines))))
    return len(words & have) / len(words)


COMMENTS_HINT = re.compile(r"(?:^|[^a-z])(?:comments?|disqus)(?:[^a-z]|$)")
"""Class or id words of a comment section ("xenforo-comment-widget", "comments-list",
"disqus_thread"): a word of its own, not part of one ("commentary", "commenter")."""


def comment_texts(containers: list[tuple], lines: list[str]) -> set[str]:
    """Which story lines sit in a comment section the extractor kept (trafilatura drops
    sections whose class starts "comment"; a forum widget's "xenforo-comment-widget", under
    Tom's Hardware's stories, it keeps): readers' posts, not story."""
    # A comment-named box holding the story's first paragraph is the story's container with
    # a misleading name ("post comments-open"), and is left alone.
    lead = next((line for line in lines if len(line) >= 80), lines[0] if lines else "")[:60]
    boxes = [el for el, attrs in containers if ("comment" in attrs or "disqus" in attrs) and COMMENTS_HINT.search(attrs)]
    out: set[str] = set()
    seen: set = set()
    for el in boxes:
        if any(id(a) in seen for a in el.iterancestors()):
            continue  # inside a box already read
        text = _FOLDED_TEXT(el)
        if not text or lead in text:
            continue  # a box around the story: a comment section inside it is read on its own
        seen.add(id(el))
        out.update(line for line in lines if line[:60] in text)
    return out


def caption_texts(captions: list, lines: list[str]) -> set[str]:
    """Which story lines are a photo's caption or credit printed in the page's caption
    markup (captions: PageScan.captions): trafilatura sometimes keeps one as the first
    paragraph. The caption's whole text is compared."""
    wanted = {line for line in lines if len(line) <= 600}
    out: set[str] = set()
    if not wanted:
        return out
    for el in captions:
        text = clean(_STRING(el))
        if not text or len(text) > 600:
            continue
        if text in wanted:
            out.add(text)
    return out


def set_aside_summary_items(blocks: list[Block], items: set[str]) -> list[Block]:
    """A summary box's list ("Key highlights", "Story at a glance" and its bullets): the
    heading is furniture by its phrase; the list items right under it are the box's, not
    story. Only list items directly after such a heading are taken."""
    from .separate import is_summary_heading
    out = list(blocks)
    for i, b in enumerate(blocks):
        if b.zone != STORY or not is_summary_heading(b.text):
            continue
        k = i + 1
        while k < len(out) and out[k].zone == STORY and out[k].text in items:
            out[k] = Block(out[k].text, NOISE, out[k].group)
            k += 1
    return out


LINK_LIST_MIN = 3
"""Lines (paragraphs or list items) that are each one link's whole text, this many in a row,
are a list of links to other pages (related stories, "more from", a "top searches" strip),
not story."""


def _may_hold_links(lines: list[str]) -> bool:
    """Whether any rule that needs the page's link texts could apply: a run of LINK_LIST_MIN
    short lines, a short line before the first paragraph, any line after the last, a line in
    capitals, a short line with a colon near its head (a labelled link), or a story of mostly
    short lines (the navigation flag). Most stories have none:
    no link is read."""
    run = 0
    started = False
    short = 0
    after = False  # a line since the last paragraph
    for line in lines:
        if len(line) <= 200:
            short += 1
            run += 1
            if (run >= LINK_LIST_MIN or (not started and len(line) <= 40) or _is_capitals_headline(line)
                    or ":" in line[:LINK_LABEL_MAX + 4]):
                return True
        else:
            run = 0
        after = len(line) < 80
        started = started or len(line) >= 80
    return after or (len(lines) >= 3 and short >= NAVIGATION_SHARE * len(lines))


def link_texts(root, wanted: set[str]) -> set[str]:
    """Which of the wanted lines are the whole text of one of the page's links, or a label
    and then one link's whole text (labelled_link_tails)."""
    tails = labelled_link_tails(wanted)
    out = set()
    for a in root.iter("a"):
        text = clean(a.text_content())
        if text in wanted:
            out.add(text)
        elif text in tails:
            out.add(tails[text])
    return out


_LINK_LABEL = re.compile(r"^([^\W\d_]+(?: [^\W\d_]+){0,2}) ?: (.+)$")
LINK_LABEL_MAX = 24
LABELLED_LINK_WORDS = 4
"""A line that is a label of one to three words and a colon, then one link's whole text of
LABELLED_LINK_WORDS words or more ("Also: <a>AI in 2023: a year of ...</a>", "Related:
<a>...</a>", "Lesen Sie auch: <a>...</a>", "(MORE: <a>...</a>)", in any language): a related story set into the
page, wherever it stands. A printed address after a label ("Tickets: <a>example.com</a>")
is information and has fewer words."""


def labelled_link_tails(lines) -> dict[str, str]:
    """{what follows the label: the line} for the lines that may be a labelled link."""
    tails = {}
    for line in lines:
        if ":" not in line[:LINK_LABEL_MAX + 4]:
            continue
        inner = line
        # Set in brackets: "(MORE: <a>...</a>)", "[Related: <a>...</a>]".
        if line[0] in "([" and line[-1] == _CLOSING[line[0]]:
            inner = line[1:-1].strip()
        if (m := _LINK_LABEL.match(inner)) and len(m.group(1)) <= LINK_LABEL_MAX \
                and len(m.group(2).split()) >= LABELLED_LINK_WORDS:
            tails[m.group(2)] = line
    return tails


_CLOSING = {"(": ")", "[": "]"}


def set_aside_link_lists(blocks: list[Block], linked: set[str]) -> list[Block]:
    """Runs of LINK_LIST_MIN or more story lines that are each a link's whole text (linked:
    link_texts of the lines) become unclassified, and so does the list's heading right before
    the run (list_heading: "Previously", "More in Politics:")."""
    if len(linked) < LINK_LIST_MIN:
        return blocks
    out = list(blocks)
    k = 0
    while k < len(out):
        run = 0
        while k + run < len(out) and out[k + run].zone == STORY and out[k + run].text in linked:
            run += 1
        if run >= LINK_LIST_MIN:
            for j in range(k, k + run):
                out[j] = Block(out[j].text, NOISE, out[j].group)
            if k and out[k - 1].zone == STORY and is_list_heading(out[k - 1].text):
                out[k - 1] = Block(out[k - 1].text, NOISE, out[k - 1].group)
        k += max(run, 1)
    return out


def is_list_heading(text: str) -> bool:
    """A short line that ends no sentence (or ends in a colon): a heading, here of a list of
    links ("Previously", "More Dear Abby columns:", "Related coverage")."""
    text = text.strip()
    return 0 < len(text) <= LINK_LABEL_CHARS and not text.endswith((".", "!", "?", '"', "”", "'", "’"))


LINK_LABEL_CHARS = 40
"""A link's whole text this short, alone on a line before the story's first paragraph, is
a label of the page's (a section, a breadcrumb), not story."""


def set_aside_link_lines(blocks: list[Block], linked: set[str]) -> list[Block]:
    """Single lines that are a link's whole text and read as page chrome, not story: a short
    label before the story's first paragraph (a section or breadcrumb link: "Politics"), any
    such line after its last ("Purchase Licensing Rights", "Read more", "Feedback to editors",
    a tag, a share count, a related headline, a promo; not a printed web address), and, set
    inside the story, a headline in capitals (a house promo linking elsewhere) or a labelled
    link (LABELLED_LINK_WORDS). A credit line
    among them is still read as one (separate())."""
    paragraphs = [i for i, b in enumerate(blocks) if b.zone == STORY and len(b.text) >= 80]
    first, last = (paragraphs[0], paragraphs[-1]) if paragraphs else (len(blocks), len(blocks))
    labelled = set(labelled_link_tails(b.text for b in blocks if b.text in linked).values())
    return [Block(b.text, NOISE, b.group) if b.zone == STORY and b.text in linked and (
        (((i < first and len(b.text) <= LINK_LABEL_CHARS) or i > last) and not _is_address(b.text))
        or _is_capitals_headline(b.text) or b.text in labelled) else b for i, b in enumerate(blocks)]


def _is_address(text: str) -> bool:
    """A link that prints its own address ("www.example-theatre.com" after an event's story):
    where to book or read more, which the story gives as information."""
    return " " not in text and "." in text.strip(".")


def _is_capitals_headline(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(text) <= 150 and len(text.split()) >= 3 and len(letters) >= 10 and all(c.isupper() for c in letters)


REPEAT_MIN_CHARS = 60
"""Paragraphs shorter than this are not compared (a repeated label, a list entry)."""
REPEAT_MIN_RUN = 3
REPEAT_MIN_SHARE = 0.3
"""A copy of the story is a run of at least this many paragraphs, repeating earlier ones in
order, holding at least this share of the story's text: one page carrying its story twice
(an AMP or print copy, a teaser block that replays it). A repeated line or pair (a meal
plan's days, a product under two headings) is content and stays."""


def set_aside_repeats(blocks: list[Block]) -> list[Block]:
    """The second copy of a story printed twice becomes unclassified."""
    story = [i for i, b in enumerate(blocks) if b.zone == STORY]
    if len({blocks[i].text for i in story}) == len(story):
        return blocks  # nothing printed twice word for word (the common case)
    keys = [fold(blocks[i].text) if REPEAT_MIN_CHARS <= len(blocks[i].text) < 5000 else None for i in story]
    total = sum(len(blocks[i].text) for i in story)
    first: dict[str, int] = {}
    out = list(blocks)
    k = 0
    while k < len(story):
        key = keys[k]
        p = first.get(key) if key is not None else None
        if p is None:
            if key is not None:
                first[key] = k
            k += 1
            continue
        run = 0
        while k + run < len(story) and p + run < k and keys[k + run] is not None and keys[k + run] == keys[p + run]:
            run += 1
        chars = sum(len(blocks[story[k + j]].text) for j in range(run))
        if run >= REPEAT_MIN_RUN and chars >= REPEAT_MIN_SHARE * total:
            for j in range(run):
                b = blocks[story[k + j]]
                out[story[k + j]] = Block(b.text, NOISE, b.group)
        # Past the run either way: a page of identical lines stays linear.
        k += max(run, 1)
    return out


def _trafilatura(tree, url: str | None, fast: bool):
    return bare_extraction(tree, url=url, with_metadata=False, include_comments=False, include_tables=True,
                           include_images=False, deduplicate=False, fast=fast)


EXTENSIVE_DATE_MAX_CHARS = 1_000_000
"""htmldate's extensive search runs its patterns over the whole page text; on a page with more
text than this (a data dump, a hostile page) only its markup and URL rules are asked."""


def fallback_date(tree, url: str | None) -> str | None:
    """htmldate's date (the URL, the page's text and markup, as trafilatura asks it): slower
    than reading JSON-LD and meta tags, so asked only when those give none. A date only."""
    extensive = _TEXT_CHARS(tree) <= EXTENSIVE_DATE_MAX_CHARS
    return find_date(tree, url=url, **set_date_params(extensive))


_BYLINE_CLASS_WORDS = ("uthor", "yline", "byl", "BBL", "username", "writer", "screenname", "channel-name", "zuozhe",
                       "bianji", "xiaobian", "submitted-by", "posted-by", "journalist-name")
_BYLINE_ID_WORDS = ("uthor", "zuozhe", "bianji", "xiaobian")
_BYLINE_HINT = XPath(
    # Over attribute nodes, not every element with every test: a third of the time.
    "boolean(//@class[" + " or ".join(f"contains(., '{w}')" for w in _BYLINE_CLASS_WORDS) + "]"
    " or //@id[" + " or ".join(f"contains(., '{w}')" for w in _BYLINE_ID_WORDS) + "]"
    " or //@rel[. = 'author' or . = 'me'] or //@itemprop[contains(., 'author')]"
    " or //@data-component[contains(., 'Byline')] or //@data-testid[contains(., 'Author')] or //author)")
"""Whether any element could hold a byline for trafilatura's author search (its own class and
id words): that search copies the whole page first, so a page with none is not searched."""


def fallback_authors(tree) -> list[str]:
    """trafilatura's byline search in the markup, for pages whose JSON-LD, author elements
    and meta tags name nobody."""
    if not _BYLINE_HINT(tree):
        return []
    author = clean(extract_author(tree) or "")
    return [a.strip() for a in author.split(";") if a.strip()] if author else []


def fallback_headline(tree) -> str | None:
    return clean(extract_title(tree) or "") or None


_BYLINE_WORDS = ("byline", "Byline", "authName", "author-name", "authorName", "AuthorName")
"""Each holds "yline" or "uth": page_scan asks those two first."""
_BYLINE_TAGS = frozenset({"p", "div", "span", "address", "h4", "h5"})
_HEADER_CREDIT = XPath(
    "boolean(self::*[contains(concat(' ', normalize-space(@class), ' '), ' credit ')"
    " and (ancestor::header or preceding-sibling::h1 or preceding-sibling::hgroup)"
    " and not(ancestor::figure or ancestor::figcaption or ancestor::*[contains(@class, 'caption')])])")
"""A "credit" element in the story's header, outside any figure or caption: the story's
credit ("JIJI" under the headline), not a photo's."""
_SIGN_OFF_TAGS = frozenset({"p", "div", "span"})
_CAPTION_TAGS = frozenset({"div", "p", "span"})


@dataclass
class PageScan:
    """The elements the generic path reads beside the story, found in one walk of the page's
    tree, in document order (four XPath queries walked it four times: 1.85 ms a page on the
    shared corpora, against 0.75 for the walk)."""

    containers: list[tuple]
    """(element, "class id" lower-cased) of each block container with a class or an id."""
    bylines: list
    """Small elements in the body named for the byline ("byline", "authorName", a header's
    "credit"), under 200 characters: an agency printed there ("By Jane Roe / Associated
    Press") is the story's wire credit."""
    sign_offs: list
    """p, div and span elements in the body named for the wire trailer ("sign-off"), under 400
    characters, which generic extractors leave out."""
    captions: list
    """figcaption, and divs, paragraphs and spans whose class names a caption or a photo's
    credit (imageCaption, wp-caption-text, photo-credit, ...)."""


def _in_body(el) -> bool:
    return any(a.tag == "body" for a in el.iterancestors())


SLUG_PARTS = 6
"""A class or id token of this many hyphenated parts or more may be a slug of prose."""
SLUG_FUNCTION_WORDS = frozenset((
    "a", "an", "the", "in", "of", "to", "for", "with", "and", "on", "at", "by", "from", "while", "is", "are",
    "was", "as", "or", "into", "after", "before", "over", "how", "why", "what", "who",
    "de", "la", "el", "en", "y", "los", "las", "del", "le", "les", "des", "du", "et", "un", "une",
    "der", "die", "das", "und", "im", "mit", "il", "di", "e", "do", "da", "em", "no", "na"))
"""Words that join a sentence, not a class name: a token holding one is a headline's slug."""


def is_prose_slug(token: str) -> bool:
    """Whether a class or id token is a slug made of a heading's words (Business Insider's slide
    id "zendaya-promoted-dune-part-two-in-london-...-1", Rolling Stone's title id "c-title-social-
    media-...-1234932544"): its words are the story's, not the box's kind, so "promoted" or
    "social media" in it names no furniture. A slug joins SLUG_PARTS or more parts with a
    sentence's small words in them, or ends in an article's number."""
    parts = token.split("-")
    if len(parts) < SLUG_PARTS:
        return False
    return any(p in SLUG_FUNCTION_WORDS for p in parts) or (parts[-1].isdigit() and len(parts[-1]) >= 6)


def container_attrs(cls: str | None, ident: str | None) -> str:
    """A container's "class id", lower-cased, without tokens that are slugs of prose."""
    attrs = f"{cls or ''} {ident or ''}".lower()
    if attrs.count("-") < SLUG_PARTS - 1:
        return attrs  # no token can be a slug: the common case, one count in C
    return " ".join(t for t in attrs.split() if not is_prose_slug(t))


def page_scan(root) -> PageScan:
    """The PageScan of a page's tree (class words are matched as written, as XPath's
    contains() does; text lengths are normalize-space()'s)."""
    scan = PageScan([], [], [], [])
    containers, captions = scan.containers, scan.captions
    # Every test is ordered cheapest and most often false first: this loop sees every element.
    for el in root.iter(etree.Element):  # elements only, chosen in C
        tag = el.tag
        cls, ident = el.get("class"), el.get("id")
        if cls is None and ident is None:
            if tag == "figcaption":
                captions.append(el)
            continue
        # Block containers (custom elements, a hyphen in the tag, too) with a class or an id.
        if tag in _CONTAINER_TAGS or ("-" in tag and "-" in tag.rsplit("}", 1)[-1]):
            containers.append((el, container_attrs(cls, ident)))
        elif tag == "figcaption":
            captions.append(el)
        if cls is None:
            continue
        if tag in _CAPTION_TAGS and ("aption" in cls or "-credit" in cls):
            captions.append(el)
        if (tag in _BYLINE_TAGS and ((("yline" in cls or "uth" in cls) and any(w in cls for w in _BYLINE_WORDS))
                                     or ("credit" in cls and _HEADER_CREDIT(el)))
                and _in_body(el) and _TEXT_LENGTH(el) < 200):
            scan.bylines.append(el)
        if (tag in _SIGN_OFF_TAGS and ("sign-off" in cls or "signoff" in cls) and _in_body(el)
                and _TEXT_LENGTH(el) < 400):
            scan.sign_offs.append(el)
    return scan


_STRING = XPath("string()", smart_strings=False)
_TEXT_CHARS = XPath("string-length(string())")
"""Queries compiled once per process (a string query is compiled again on every call)."""


def _outermost(elements: list) -> list:
    """The elements not inside another one of the list (document order kept)."""
    chosen = set(elements)
    return [el for el in elements if not any(a in chosen for a in el.iterancestors())]

# trafilatura's XML: elements that are a paragraph of their own.
_BLOCK_TAGS = {"p", "head", "item", "quote", "list", "table", "main", "div", "code"}


def xml_lines(main, items: set[str] | None = None, cuts: list | None = None) -> list[str]:
    """The story's paragraphs from trafilatura's output tree (its XML elements): one per
    block element, split at line breaks; loose text between elements is a paragraph too;
    table rows are cells joined by " | ". HTML tags printed as text are removed. items:
    filled with the lines that are list items. cuts: children cut out before trafilatura ran
    (cut_long_runs); their lines go where trafilatura's story shows their mark."""
    if main is None:
        return []
    lines: list[str] = []
    current: list[str] = []

    def flush(item: bool = False):
        text = strip_markup(clean(" ".join(current)))
        current.clear()
        if text:
            lines.append(text)
            if item and items is not None:
                items.add(text)

    def visit(el):
        if el.tag == "row":
            flush()
            cells = [clean(" ".join(c.itertext())) for c in el]
            row = " | ".join(c for c in cells if c)
            if row:
                lines.append(row)
        elif el.tag == "lb":
            flush()
        else:
            block = el.tag in _BLOCK_TAGS
            if block:
                flush()
            if el.text:
                current.append(el.text)
            for child in el:
                visit(child)
                if child.tail:
                    current.append(child.tail)
            if block:
                flush(el.tag == "item")

    visit(main)
    flush()
    if cuts:
        lines = _expand_marks(lines, cuts, items)
    return lines


def _expand_marks(lines: list[str], cuts: list, items: set[str] | None) -> list[str]:
    out: list[str] = []
    for line in lines:
        found = _MARK.findall(line)
        if not found:
            out.append(line)
            continue
        rest = clean(_MARK.sub("", line))
        if rest:
            out.append(rest)
            if items is not None and line in items:
                items.add(rest)
        for k in found:
            if int(k) < len(cuts):
                cut_lines = cuts[int(k)].child_lines()
                out.extend(cut_lines)
                if items is not None and line in items:
                    items.update(cut_lines)
    return out


_DATE_WORDS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\d{1,2}:\d{2}|"
                         r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", re.I)


def _title_key(text: str) -> str:
    """Headline comparison key: folded, with spaces and punctuation left out (a kicker joined
    as "Kicker : Title" is the same headline as "Kicker: Title")."""
    return re.sub(r"[\W_]+", "", fold(text))


def _url_key(url: str) -> str:
    return url.strip().split("://", 1)[-1].removeprefix("www.").rstrip("/").lower()


TITLE_LABEL_CHARS = 20
"""Letters of a section label printed before the headline on its line ("News", "Opinion")."""


def set_aside_title_lines(blocks: list[Block], headline: str | None, urls: tuple[str | None, ...] = ()) -> list[Block]:
    """trafilatura sometimes starts the story with the page's title and date line. Before
    the first paragraph, a line equal to the headline is dropped (the record has it as
    `headline`), one that is the headline after a short label or that the next line holds whole
    (_deck_printed_again) is furniture, and a line that is only a date becomes page furniture (unclassified). (A
    line equal to the page's description is left: it is as often the story's first
    paragraph as a standfirst printed twice.) Anywhere, a line that is the page's own
    address (urls: its URL and canonical URL; a print header's "https://example.org/news/...")
    is furniture too."""
    key = _title_key(headline) if headline else None
    own = {_url_key(u) for u in urls if u}
    slugs = {k for u in urls if u and (k := _slug_key(u))}
    out: list[Block] = []
    started = False
    for i, b in enumerate(blocks):
        if own and b.zone == STORY and "/" in b.text and " " not in b.text.strip() and _url_key(b.text) in own:
            out.append(Block(b.text, NOISE))
            continue
        if not started and b.zone == STORY:
            if _deck_printed_again(b, blocks[i + 1] if i + 1 < len(blocks) else None):
                out.append(Block(b.text, NOISE))
                continue
            if key and len(b.text) <= 2 * len(headline) + 20 and (line_key := _title_key(b.text)).endswith(key):
                if line_key == key:
                    continue
                if len(line_key) - len(key) <= TITLE_LABEL_CHARS:
                    # The headline under its section's label ("News <headline>" from an h1
                    # holding a sub-title box): furniture, the label kept as unclassified.
                    out.append(Block(b.text, NOISE))
                    continue
            if slugs and len(b.text) <= 200 and _title_key(b.text) in slugs:
                out.append(Block(b.text, NOISE))  # the URL's title (after the headline: that one goes)
                continue
            if len(b.text) <= 60 and _DATE_WORDS.search(b.text) and md.iso_date(b.text, timezone.utc):
                out.append(Block(b.text, NOISE))
                continue
            # A furniture line (a newsletter box's blurb) before the title starts no story.
            started = len(b.text) >= 80 and not is_furniture(b.text)
        out.append(b)
    return out


DECK_MIN_CHARS = 40
_SLUG_TAIL = re.compile(r"(?:[-_]\d+)+(?:\.\w+)?$|\.\w+$")


def _slug_key(url: str) -> str | None:
    """The words of a URL's last path segment as a headline key, its article number and file
    suffix left out (".../samastipur-police-caught-2-miscreants-133589711.html" ->
    "samastipurpolicecaught2miscreants"): a line before the story that prints just these words
    is the page's URL title (Dainik Bhaskar prints it in English over a Hindi story). None for
    a segment of fewer than three words."""
    segment = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    words = _SLUG_TAIL.sub("", segment)
    if words.count("-") + words.count("_") < 2:
        return None
    return _title_key(words)


def _deck_printed_again(line: Block, following: Block | None) -> bool:
    """Whether a line before the story's first paragraph is printed again inside the next
    story line (a deck or summary cut from the first paragraph: AP stories on ABC News print
    "Federal drug officials are warning ..." over "ATLANTA -- Federal drug officials are warning
    ... products."): the paragraph holds it whole, so the line is a copy, not story."""
    if following is None or following.zone != STORY or len(line.text) < DECK_MIN_CHARS:
        return False
    if len(following.text) <= len(line.text):
        return False
    return fold(line.text).rstrip(" .…") in fold(following.text)


BIO_LINE_CHARS = 40
"""Lines shorter than this are not compared with the authors' bios (a name, "and")."""


def set_aside_author_bios(blocks: list[Block], bios: list[str], authors: list[str] = ()) -> list[Block]:
    """Story lines that print an author's bio become unclassified: about the writer, not the
    story. A line is a bio when it opens a bio the page's JSON-LD gives ("Beaumont covers
    national politics for The Associated Press", a writer's career under a review), or a bio
    opens inside it (printed text and JSON-LD differ in quotes, spaces and case); or when it
    opens with an author's full name and a bio's verb (bio_of)."""
    keys = [fold(bio) for bio in bios if len(bio) >= BIO_LINE_CHARS]
    names = [n for n in authors if len(n.split()) >= 2]
    if not keys and not names:
        return blocks
    out = []
    for b in blocks:
        if b.zone == STORY and len(b.text) >= BIO_LINE_CHARS:
            line = fold(b.text)
            if any(line[:60] in key or key[:60] in line for key in keys) or bio_of(b.text, names):
                b = Block(b.text, NOISE, b.group)
        out.append(b)
    return out


BYLINE_LINE_MAX = 120
_BYLINE_LINE = re.compile(r"^(?:(?P<lead>posted|published|written|updated)\b[^|]{0,40}?\s)?by\s*:?\s+(?P<names>\S.*)$", re.I)


def set_aside_byline_lines(blocks: list[Block], authors: list[str], head: int = 3) -> list[Block]:
    """Story lines that are the page's byline become byline blocks (unclassified, and read for
    an agency's credit): "By <the record's authors>" anywhere ("By Gregory Day" over a review),
    and among the first `head` story lines one that posts a date and a name ("posted on
    2026-03-02 by Ann Lee", its date an element the extractor left out)."""
    wanted = {fold(a) for a in authors}
    out, seen = [], 0
    for b in blocks:
        if b.zone == STORY:
            seen += 1
            if len(b.text) <= BYLINE_LINE_MAX and (m := _BYLINE_LINE.match(b.text)):
                names = {fold(n) for n in md.split_names(m["names"])}
                if (names and wanted and names <= wanted) or (m["lead"] and seen <= head and names):
                    b = Block(b.text, BYLINE, b.group)
        out.append(b)
    return out


BIO_VERBS = ("is", "was", "writes", "covers", "reports", "has", "joined", "edits", "contributes", "lives",
             "specializes", "specialises", "focuses", "leads", "serves", "hosts", "can be reached")
"""What an author's bio says of the author after the name ("Ann Lee is a senior reporter for
...", "Ann Lee writes about ...", "Ann Lee can be reached at ...")."""
BIO_MAX_CHARS = 600
_BIO_AFTER_NAME = re.compile(r"(?:,[^,]{1,80},)?\s+(?:" + "|".join(BIO_VERBS) + r")\b")


def bio_of(text: str, names: list[str]) -> bool:
    """Whether a line opens with one of the story's authors' full names (two words or more) and
    a bio's verb, after at most an apposition ("Ann Lee, a former judge, is ..."): the writer's
    bio under or over the story (IGN's, the New York Times's, Bleacher Report's), in a story that
    does not speak of its own writer so."""
    if len(text) > BIO_MAX_CHARS:
        return False
    return any(text.startswith(n) and _BIO_AFTER_NAME.match(text, len(n)) for n in names)


SHORT_BODY_CHARS = 500
"""A generic body shorter than this is checked for a story held elsewhere on the page."""
_JSON_STORY = re.compile(r'"(?:articleBody|body|content|text|html|story)"\s*:\s*"((?:[^"\\]|\\.){2000,})"')
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d)]?(?:\s|\\n|$)")


def story_in_script(root, body_chars: int) -> bool:
    """Whether a short body sits on a page whose story is only in a script's JSON (a
    client-rendered page's state: "body": "<long text>"): a string field of prose several
    times longer than the body. Such a page gets the flag "story_in_script" rather than a
    body read from a blob no rule knows the shape of."""
    if body_chars >= SHORT_BODY_CHARS:
        return False
    for text in SCRIPT_TEXTS(root):
        if len(text) < 2000:
            continue
        for m in _JSON_STORY.finditer(text):
            value = m.group(1)
            if len(value) > 3 * body_chars and len(_SENTENCE_END.findall(value)) >= 5:
                return True
    return False


NAVIGATION_SHARE = 0.6
"""Share of a body's lines that are each one link's whole text above which the body is
likely a menu or a list of links to other pages, not a story."""


def _mostly_links(body: list[str], linked: set[str]) -> bool:
    """Whether most of the story's lines are the whole text of one of the page's links (a
    menu, a "top searches" strip, a list of headlines): flagged "body_may_be_navigation",
    since a menu of long link texts can read like prose to an extractor."""
    return len(body) >= 3 and sum(line in linked for line in body) >= NAVIGATION_SHARE * len(body)
