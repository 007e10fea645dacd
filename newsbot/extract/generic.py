"""The generic path: trafilatura locates the story on a page of unknown layout.

trafilatura gives the story's paragraphs; paywall widgets it leaves out are found by their
class names and appended, so the separation sees the whole article region. Page metadata
comes from JSON-LD and meta tags first; trafilatura's metadata extraction (slower) runs
only for what those lack.
"""

from __future__ import annotations

import trafilatura
from parsel import Selector
from trafilatura.metadata import extract_metadata

from .blocks import PAYWALL, STORY, Block, blockify
from .html import Located, paywall_widgets
from .text import clean


def locate_generic(sel: Selector, html: str, url: str | None, need_metadata: bool = True) -> Located:
    loc = Located()
    # trafilatura gets the markup string, so the parsed tree stays untouched for the widgets.
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                               include_images=False, deduplicate=False, output_format="txt")
    story = [Block(clean(line), STORY) for line in (text or "").splitlines() if clean(line)]
    paywall: list[Block] = []
    for widget in paywall_widgets(sel, {b.text for b in story if len(b.text) > 80}):
        paywall.extend(blockify(widget, PAYWALL, fine=True))
    if need_metadata:
        doc = extract_metadata(html, default_url=url)
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
