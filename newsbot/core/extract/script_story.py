"""A client-rendered page's story, read from the state its scripts carry.

Some pages print only a story's first paragraphs in their markup and carry the whole story
in a script's JSON as a rich-text tree (Bloomberg's `{"type": "paragraph", "content":
[{"type": "text", "value": ...}]}`; Contentful's `nodeType`, Sanity's `_type: "block"` and
Arc's `content_elements` are the same shape). The extractors read the markup; this reads
the tree: the JSON is found by the story's own first line, and the story is the list of
nodes that holds it, paragraph by paragraph. Only asked when the located story is short.
"""

from __future__ import annotations

import json
import re

from lxml.etree import XPath

from .text import clean, strip_markup

SCRIPT_CHECK_BELOW = 1500
"""Characters of located story below which the page's scripts are asked for a longer one."""
EXTEND_SHARE = 2.0
"""The script's story replaces the located one only when it is this many times longer."""
SCRIPT_MAX_CHARS = 8_000_000
"""Scripts longer than this are not parsed (a hostile page); one shorter than EXTEND_SHARE
times the located story cannot hold a longer one."""
PARAGRAPH_MIN_CHARS = 40
STORY_MIN_PARAGRAPHS = 3
"""A story list holds at least this many nodes with this much text."""
TEXT_KEYS = frozenset({"value", "text", "content", "html", "plain_text", "body", "children", "content_elements"})
"""Keys under which a rich-text tree keeps its text (and its child nodes)."""
TYPE_KEYS = ("type", "_type", "nodeType", "__typename")
"""Keys naming a node's kind."""
HEADING_OR_QUOTE = re.compile(r"head|h[2-6]$|quote|list", re.I)
"""Node kinds kept beside the anchor's own kind (subheads, quotes, lists)."""
ANCHOR_LINES = 6
"""How many of the located first lines are looked for in the scripts."""
MAX_NODES = 500_000
"""JSON nodes visited per script at most (a state blob is a few tens of thousands)."""
MAX_STORY_NODES = 5_000
"""A list longer than this is no story's paragraphs (a catalogue, a data table)."""

SCRIPT_TEXTS = XPath("//script[not(contains(@type, 'ld+json'))]/text()")
"""The text of every script that is no JSON-LD block (those are read as metadata)."""
_ANCHOR = re.compile(r"[A-Za-z0-9 ,]{30,}")


def script_story_lines(root, lines: list[str]) -> list[str] | None:
    """The story's lines from a script's rich-text tree when they extend the located lines
    (they hold the located first line and are EXTEND_SHARE times longer), else None."""
    chars = sum(len(line) for line in lines)
    if not lines or chars >= SCRIPT_CHECK_BELOW:
        return None
    # Each of the first lines in turn: the first may be a label, the headline or a teaser
    # the state keeps in a field of its own.
    anchors = [m.group(0)[:40] for line in lines[:ANCHOR_LINES] if (m := _ANCHOR.search(line))]
    if not anchors:
        return None
    for text in SCRIPT_TEXTS(root):
        if not EXTEND_SHARE * chars <= len(text) <= SCRIPT_MAX_CHARS or not any(a in text for a in anchors):
            continue
        for data in _json_values(text):
            # One walk of the state for all the anchors, hits in document order.
            for anchor, chain in _chains_to(data, anchors):
                story = _story_in_chain(chain, anchor)
                if story and sum(len(s) for s in story) >= EXTEND_SHARE * chars:
                    return story
    return None


def _json_values(text: str):
    """The JSON the script holds: the whole text, or the value assigned in it
    (`window.__STATE__ = {...};`, `self.__next_f.push(...)` is not JSON and gives none)."""
    stripped = text.strip()
    decoder = json.JSONDecoder()
    if stripped[:1] in "{[":
        try:
            yield json.loads(stripped)
            return
        except (ValueError, RecursionError):  # not JSON, or nested past the parser's stack
            pass
    start = 0
    for _ in range(5):  # the first few objects of the script
        start = text.find("{", start)
        if start < 0:
            return
        try:
            value, end = decoder.raw_decode(text, start)
        except (ValueError, RecursionError):
            start += 1
            continue
        yield value
        start = end


def _story_in_chain(chain, anchor: str) -> list[str] | None:
    """The lines of the nearest node list above the anchor's string that is a story (a
    summary field may hold the anchor too: its chain has no such list)."""
    # Nearest list first: the first list whose element holding the anchor has the whole
    # paragraph, and which has STORY_MIN_PARAGRAPHS such paragraphs, is the story.
    for container, index in reversed(chain):
        if not isinstance(container, list) or len(container) > MAX_STORY_NODES:
            continue
        if anchor not in _node_text(container[index]):
            continue
        texts = [_node_text(el) for el in container]
        if sum(len(t) >= PARAGRAPH_MIN_CHARS for t in texts) < STORY_MIN_PARAGRAPHS:
            continue
        kind = _kind(container[index])
        out = []
        for el, t in zip(container, texts):
            el_kind = _kind(el)
            if kind is not None and el_kind not in (None, kind) and not HEADING_OR_QUOTE.search(el_kind):
                continue  # an ad, an image, a related-stories box between the paragraphs
            if el_kind and "list" in el_kind.lower() and isinstance(el, dict):
                out.extend(line for child in _children(el) if (line := _node_text(child)))
            elif t:
                out.append(t)
        return out
    return None


def _chains_to(data, anchors: list[str]):
    """(anchor, [(container, key)] from the root down) for each string holding one of the
    anchors, in document order. Parents are kept as links, not copied chains: one walk of
    the state whatever its depth."""
    frames: list[tuple] = []  # (container, key, parent frame index)
    stack = [(data, -1)]
    seen = 0
    while stack:
        node, parent = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            return
        if type(node) is str:
            for anchor in anchors:
                if anchor in node:
                    chain = []
                    while parent >= 0:
                        container, key, parent = frames[parent]
                        chain.append((container, key))
                    yield anchor, chain[::-1]
                    break
        elif type(node) is dict:
            for key in reversed(list(node)):
                value = node[key]
                if type(value) in (str, dict, list):
                    frames.append((node, key, parent))
                    stack.append((value, len(frames) - 1))
        elif type(node) is list:
            for i in range(len(node) - 1, -1, -1):
                value = node[i]
                if type(value) in (str, dict, list):
                    frames.append((node, i, parent))
                    stack.append((value, len(frames) - 1))


def _kind(node) -> str | None:
    if isinstance(node, dict):
        for key in TYPE_KEYS:
            if isinstance(node.get(key), str):
                return node[key]
    return None


def _children(node: dict) -> list:
    for key in ("content", "children", "items", "content_elements"):
        if isinstance(node.get(key), list):
            return node[key]
    return []


def _node_text(node) -> str:
    """A node's text: its strings under TEXT_KEYS in order, joined as inline runs are."""
    parts: list[str] = []
    stack = [node]
    while stack and len(parts) < 10_000:
        n = stack.pop()
        if isinstance(n, str):
            parts.append(n)
        elif isinstance(n, list):
            stack.extend(reversed(n))
        elif isinstance(n, dict):
            stack.extend(reversed([v for k, v in n.items() if k in TEXT_KEYS]))
    return strip_markup(clean("".join(parts)))
