"""Syndication disclaimers: the publishers' notes that a story came from a wire feed.

Known texts of each publisher are matched first (profiles may add more); the general
kinds ("auto-generated from a syndicated feed", "not edited by ... staff", "No ...
Journalist was involved") catch the rest.
"""

from __future__ import annotations

import re

from .text import fold

KNOWN = [
    # Business Standard
    r"\(?only the headline and picture of this report may have been reworked by the .{2,60}? staff; "
    r"the rest of the content is auto-generated from a syndicated feed\.?\)?",
    r"(?:disclaimer:\s*)?no .{2,60}? journalist was involved in (?:the )?creation of this content\.?",
    # NDTV, Devdiscourse, FPJ and others: "(Except for the headline,) this story has not been edited by X staff ..."
    r"\(?(?:except for the headline, )?this (?:story|article|report|news) has not been edited by .{2,60}? "
    r"(?:staff|editorial team|team|desk) and is (?:auto-generated|published) from a syndicated feed\.?\)?",
    # LatestLY
    r"\(?this is an unedited and auto-generated story from syndicated news feed.*",
    # ThePrint
    r"this report is auto-generated from .{2,40}? news service\. .{2,40}? holds no responsibility for its content\.?",
    # Mint / HT
    r"\(?this story has been published from a wire agency feed without modifications to the text.*",
]

GENERAL = [
    r"auto-generated from a syndicated (?:news )?feed",
    r"(?:has|have) not been edited by .{2,60}? (?:staff|team|desk)",
    r"no .{2,60}? journalist was involved",
    r"published from a (?:syndicated|wire agency) feed",
    r"holds no responsibility for (?:its|the) content",
]

_KNOWN = [re.compile(p) for p in KNOWN]
_GENERAL = re.compile("|".join(GENERAL))


def is_disclaimer(text: str, extra: tuple[re.Pattern, ...] = ()) -> bool:
    """True when a line or paragraph is a syndication disclaimer."""
    if len(text) > 600:
        return False
    key = fold(text)
    if any(p.fullmatch(key) for p in _KNOWN) or any(p.search(text) for p in extra):
        return True
    return bool(_GENERAL.search(key))
