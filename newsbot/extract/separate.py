"""The separation: a page's text blocks -> body, wire, disclaimer, paywall, unclassified.

Every path (a publisher profile, the generic trafilatura path, plain text) ends here with
the page's blocks in reading order, each tagged with the region it came from. Each block
lands in exactly one field; what fits none is unclassified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..record import Paywall, Wire
from . import wire as wires
from .blocks import AFTER, BYLINE, NOISE, PAYWALL, STORY, Block
from .disclaimer import is_disclaimer
from .paywall import is_cta, is_header, is_meter, parse_paywall, starts_paywall
from .text import fold

# Lines that are page furniture, never story: they go to `unclassified`.
FURNITURE = re.compile(
    r"^(?:also read|read also|read more|recommended|related|advertisement|sponsored|ad\b|"
    r"first published|last updated|updated on|more from this section|topics\s*:|tags\s*:|"
    r"don't miss the most important news|get them on our telegram|follow us on|follow (?:the )?\w+ on|"
    r"click here|download the .{0,30}app|subscribe to our (?:\w+ )?newsletter|sign up for (?:our|the)|"
    r"share this|print this|dear reader|support quality journalism|digital editor$|"
    r"business standard has always strived|catch all the|check out|watch:|listen:|"
    r"copyright ©|all rights reserved)",
    re.I,
)


_DISCLAIMER_LABEL = re.compile(r"^disclaimer\s*:\s*", re.I)


@dataclass
class Parts:
    """What the separation found."""

    body: list[str] = field(default_factory=list)
    wire: Wire | None = None
    disclaimer: str | None = None
    paywall: Paywall | None = None
    unclassified: list[str] = field(default_factory=list)


_NEWSLETTER = re.compile(r"^(?:subscribe|sign up|signup|get|join|register)\b.*\bnewsletters?\b|"
                         r"^newsletter\b", re.I)


def is_furniture(text: str) -> bool:
    key = fold(text)
    return bool(FURNITURE.match(key)) or (len(text) < 160 and bool(_NEWSLETTER.search(key)))


def separate(blocks: list[Block], authors: list[str] | None = None,
             disclaimers: tuple[re.Pattern, ...] = ()) -> Parts:
    """Assign every block to one field of the record."""
    n = len(blocks)
    label: list[str | None] = [None] * n
    hits: list[tuple[int, wires.WireHit]] = []
    disclaimers_found: list[str] = []

    # 1. Where the paywall starts: its own widget, or (plain text, story regions) the first
    #    line that opens one; from there on the story is over.
    story_pw_start = None
    for i, b in enumerate(blocks):
        if b.zone == STORY and starts_paywall(blocks, i):
            story_pw_start = i
            break

    # 2. Whole-line recognisers, block by block.
    last_credit = -10
    for i, b in enumerate(blocks):
        t = b.text
        if b.zone == PAYWALL or (story_pw_start is not None and i >= story_pw_start and b.zone == STORY
                                 and not _credit_or_disclaimer(t, disclaimers)):
            label[i] = "paywall"
            continue
        if is_disclaimer(t, disclaimers):
            label[i] = "disclaimer"
            # The "Disclaimer:" label is the page's heading for the text, not the text.
            disclaimers_found.append(_DISCLAIMER_LABEL.sub("", t))
            continue
        hit = wires.line_credit(t, byline=b.zone == BYLINE)
        if hit is None and b.zone in (STORY, AFTER) and i - last_credit <= 2:
            desk = wires.desk_initials(t)
            if desk:
                hit = wires.WireHit(None, t, desk=desk)
        if hit is not None:
            label[i] = "wire"
            hits.append((i, hit))
            last_credit = i
            continue
        if b.zone in (NOISE, AFTER, BYLINE) or is_furniture(t):
            label[i] = "unclassified"
            continue
        if b.zone == STORY and (is_meter(t) or is_header(t)):
            label[i] = "paywall"
            continue
        label[i] = "body"

    # IANS prints its desk initials right after the sign-off; a desk line before any sign-off
    # (e.g. "qd/" first) is only credit when a sign-off follows within two lines.
    for i, b in enumerate(blocks):
        if label[i] == "body" and wires.desk_initials(b.text) and any(
            label[k] == "wire" for k in range(i + 1, min(n, i + 3))
        ):
            label[i] = "wire"
            hits.append((i, wires.WireHit(None, b.text, desk=wires.desk_initials(b.text))))

    # 3. The paywall's lines, parsed together.
    pw_blocks = [i for i in range(n) if label[i] == "paywall"]
    paywall = None
    if pw_blocks:
        paywall, used = parse_paywall([blocks[i] for i in pw_blocks])
        for k, i in enumerate(pw_blocks):
            if not used[k]:
                label[i] = "unclassified"

    # 4. The body, with the credits that sit inside its paragraphs taken out.
    body_idx = [i for i in range(n) if label[i] == "body"]
    texts = {i: blocks[i].text for i in body_idx}
    for i in body_idx[:2]:
        split = wires.split_dateline(texts[i])
        if split:
            hit, rest = split
            hits.append((i, hit))
            texts[i] = rest
            break
    if body_idx:
        last = body_idx[-1]
        split = wires.split_tail_tag(texts[last])
        if split:
            hit, rest = split
            hits.append((last, hit))
            texts[last] = rest

    hits.sort(key=lambda pair: pair[0])
    parts = Parts(
        body=[texts[i] for i in body_idx if texts[i]],
        wire=wires.assemble([h for _, h in hits], authors),
        disclaimer=" ".join(disclaimers_found) or None,
        paywall=paywall,
        unclassified=[blocks[i].text for i in range(n) if label[i] == "unclassified"],
    )
    return parts


def _credit_or_disclaimer(text: str, extra) -> bool:
    return is_disclaimer(text, extra) or (wires.line_credit(text) is not None and not is_cta(text))
