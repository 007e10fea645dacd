"""The generic path: trafilatura locates the story on a page of unknown layout.

trafilatura gives the story's paragraphs (and metadata); paywall widgets it leaves out are
found by their class names and appended, so the separation sees the whole article region.
"""

from __future__ import annotations

import trafilatura
from parsel import Selector

from .blocks import PAYWALL, STORY, Block, blockify
from .html import Located, paywall_widgets
from .text import clean


def locate_generic(sel: Selector, html: str, url: str | None) -> Located:
    loc = Located()
    # Widgets first: trafilatura gets the markup string, so the parsed tree stays untouched.
    paywall: list[Block] = []
    for widget in paywall_widgets(sel):
        paywall.extend(blockify(widget, PAYWALL, fine=True))
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, deduplicate=False,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    story = [Block(clean(line), STORY) for line in (text or "").splitlines() if clean(line)]
    if doc is not None:
        loc.headline = clean(doc.title) or None
        author = clean(doc.author or "")
        loc.authors = [a.strip() for a in author.split(";") if a.strip()] if author else []
        loc.date_text = doc.date
        loc.topics = [clean(t) for t in (doc.tags or []) if clean(t)]
        cats = [clean(c) for c in (doc.categories or []) if clean(c)]
        loc.section = cats[0] if cats else None
    seen = {b.text for b in paywall}
    loc.blocks = [b for b in story if b.text not in seen] + paywall
    if not story:
        loc.flags.append("no_story_found")
    return loc
