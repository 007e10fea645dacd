"""Syndication disclaimers: the publishers' notes that a story came from a wire feed or
first ran elsewhere.

A publisher's own texts are in its profile and passed in; the general kinds
("auto-generated from a syndicated feed", "not edited by ... staff", "No ... Journalist was
involved") catch the rest, on any site.
"""

from __future__ import annotations

import re

from .text import fold

GENERAL = [
    r"auto-generated (?:story |report |content )?from (?:a )?syndicated (?:news )?feed",
    r"auto-generated from .{2,40}? news service",
    r"unedited and auto-generated",
    r"(?:has|have) not been edited by .{2,60}? (?:staff|team|desk)",
    r"no .{2,60}? journalist was involved",
    r"published from a (?:syndicated|wire agency) feed",
    r"holds no responsibility for (?:its|the) content",
    r"may have been reworked by the .{2,60}? staff",
    # Republication notes: the story first ran elsewhere ("This article is republished from
    # The Conversation under a Creative Commons license", "This story originally appeared in
    # Los Angeles Times", "Originally published on Live Science"). Anchored at the line's
    # start, and not before a date ("originally published on Dec 22, 2023" is a timestamp).
    r"^this (?:article|story|piece|post|report|column|content)\b.{0,200}? (?:is|was|has been|are) republished "
    r"(?:here )?(?:from|with (?:the )?permission|under|as part of|courtesy of)",
    r"^(?:this (?:article|story|piece|post|report|column)\b.{0,200}? )?(?:was |has been )?originally "
    r"(?:published|appeared|ran) (?:on|in|at|by) (?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d)",
    r"adapted from (?:its|the) original (?:source|article|story|version)",
]
"""The kinds of syndication disclaimer publishers print; a publisher's own wording is in
its profile (newsbot/core/profiles/), not here."""

# Two patterns, not one: an alternative anchored at the start ("^this article ...") in the
# alternation stops re skipping ahead to a possible first letter, which doubled the search.
_GENERAL_ANYWHERE = re.compile("|".join(p for p in GENERAL if not p.startswith("^")))
_GENERAL_AT_START = re.compile("|".join(p for p in GENERAL if p.startswith("^")))


def is_disclaimer(text: str, extra: tuple[re.Pattern, ...] = ()) -> bool:
    """True when a line or paragraph is a syndication disclaimer."""
    if len(text) > 600:
        return False
    key = fold(text)
    if any(p.search(text) for p in extra):
        return True
    return bool(_GENERAL_ANYWHERE.search(key) or _GENERAL_AT_START.match(key))
