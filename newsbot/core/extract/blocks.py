"""Turn an HTML region into text blocks: the unit the separation works on.

A block is what a reader sees as one line or paragraph. Plain-text pages give one block a
line; HTML regions give one block per paragraph-level element, with `<br>` breaking a
paragraph, so the same separation code serves both.
"""

from __future__ import annotations

import itertools

from dataclasses import dataclass

from lxml import etree

from .text import clean

STORY = "story"
"""Block from the story container (or the whole text of a plain-text page)."""
BYLINE = "byline"
"""Block from the byline/credit area above the story."""
PAYWALL = "paywall"
"""Block from a paywall or subscription widget."""
AFTER = "after"
"""Block from the furniture after the story (topics, prompts, "First Published")."""
NOISE = "noise"
"""Block from an element the profile names as noise (ads, "Also Read")."""


@dataclass
class Block:
    """One paragraph or line of page text with where it came from."""

    text: str
    zone: str = STORY
    group: int | None = None
    """Identifies the card or list item the block sits in (HTML only), so that a plan card
    or a benefit's title and description stay together."""


SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "select",
                       "option", "button", "form", "input", "textarea", "head", "title", "meta",
                       "link", "img", "picture", "video", "audio", "canvas", "object", "embed"})
# Inline tags whose text is part of the surrounding paragraph.
INLINE_TAGS = frozenset({"a", "b", "strong", "em", "i", "u", "small", "sup", "sub", "abbr", "mark",
                         "time", "font", "s", "q", "cite", "code", "span", "label", "bdi", "bdo",
                         "big", "tt", "var", "kbd", "dfn", "ins", "del", "wbr", "nobr"})
# In a paywall widget spans are laid out as separate lines (price, term, per-month price).
FINE_INLINE_TAGS = INLINE_TAGS - {"span", "label"}
GROUP_TAGS = frozenset({"li", "tr", "dt", "dd"})
GROUP_CLASS_WORDS = ("card", "plan", "benefit", "item", "offer", "tier", "package")


_GROUP_NUMBERS = itertools.count(1)
"""A group's number, unique in the process. Not id(el): an element's lxml proxy is freed once
walked, and the next proxy may get its id, so two groups (two plans) would read as one."""


def _tag(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _is_group(el) -> bool:
    if _tag(el) in GROUP_TAGS:
        return True
    cls = (el.get("class") or "").lower()
    return any(word in cls for word in GROUP_CLASS_WORDS)


def blockify(root, zone: str = STORY, fine: bool = False, zone_of=None) -> list[Block]:
    """Blocks of an lxml element's text, in document order.

    fine: split at spans too (paywall widgets lay spans out as lines).
    zone_of: element -> zone or None; an element it names gets that zone for its whole
    subtree (ads inside a story become NOISE blocks, a plan widget PAYWALL blocks).
    """
    inline = FINE_INLINE_TAGS if fine else INLINE_TAGS
    out: list[Block] = []
    run: list[str] = []
    groups: list[int | None] = [None]

    def flush() -> None:
        text = clean("".join(run))
        run.clear()
        if text:
            out.append(Block(text, zone, groups[-1]))

    def has_block_child(el) -> bool:
        for child in el.iter():
            if child is el:
                continue
            tag = _tag(child)
            if tag and tag not in inline and tag not in SKIP_TAGS and tag != "br":
                return True
        return False

    def walk(el) -> None:
        pushed = False
        if el is not root and _is_group(el):
            groups.append(next(_GROUP_NUMBERS))
            pushed = True
        if el.text:
            run.append(el.text)
        prev_link = False
        for child in el:
            tag = _tag(child)
            sub_zone = zone_of(child) if zone_of is not None and tag else None
            if not tag or tag in SKIP_TAGS:
                pass
            elif sub_zone is not None:
                flush()
                out.extend(blockify(child, sub_zone, fine=fine or sub_zone == PAYWALL))
            elif tag == "br":
                flush()
            elif tag in inline and not has_block_child(child):
                text = "".join(_texts(child))
                if tag == "a" and prev_link and run and run[-1][-1:].strip() and text[:1].strip():
                    # Links set side by side ("<a>Facebook</a><a>Twitter</a>") are separate
                    # items that CSS spaces apart, not one word.
                    run.append(" ")
                run.append(text)
            else:
                flush()
                walk(child)
                flush()
            if child.tail:
                run.append(child.tail)
            prev_link = tag == "a" and not (child.tail or "").strip()
        if pushed:
            flush()
            groups.pop()

    walk(root)
    flush()
    return out


def _texts(el):
    """Text of an inline element, skipping scripts and the like."""
    if el.text:
        yield el.text
    for child in el:
        tag = _tag(child)
        if tag == "br":
            yield " "
        elif tag and tag not in SKIP_TAGS:
            yield from _texts(child)
        if child.tail:
            yield child.tail


def text_blocks(text: str) -> list[Block]:
    """Blocks of a plain-text page: one per non-empty line."""
    return [Block(line) for line in (clean(raw) for raw in text.splitlines()) if line]


def parse_fragment(html: str):
    """Parse an HTML fragment (e.g. __NEXT_DATA__'s htmlContent) into an element."""
    parser = etree.HTMLParser(recover=True, remove_comments=True)
    doc = etree.fromstring(f"<div>{html}</div>", parser)
    if doc is None:
        return None
    body = doc.find(".//body")
    return body[0] if body is not None and len(body) else doc
