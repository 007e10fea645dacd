"""Wire credits: where a story's agency credit is recognised.

Every form in ../shared/reference/publishers.md is one entry here: whole-line credits
(sign-offs, desk initials, trailers, byline blocks) and the credits that sit inside a
paragraph (datelines at the start, agency tags at the end). Each recogniser returns a
`WireHit`; `assemble` folds a page's hits into the record's `wire`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..record import Contributor, Wire
from .agencies import ANY_PATTERN, CODE_PATTERN, NAME_PATTERN, agency_in, agency_of

_AG = CODE_PATTERN
_DASH = r"[-\u2013\u2014]"
_ROLE_WORDS = r"(?:staff |special |contributing |senior |chief )?(?:writers?|reporters?|correspondents?|journalists?|" \
              r"videojournalists?|photographers?|editors?|researchers?)"


@dataclass
class WireHit:
    """One credit found on the page."""

    agency: str | None
    credit: str
    dateline: str | None = None
    desk: list[str] = field(default_factory=list)
    contributors: list[Contributor] = field(default_factory=list)
    in_text: bool = False
    """Printed at the head of the story's text (a dateline), not in a byline block."""


# --- whole-line credits -------------------------------------------------------------------
# Each pattern is built from the agency table (agencies.py): a new agency needs no edit here.

_SIGN_OFF = re.compile(rf"^(?:{_DASH}{{1,2}}\s*|\(\s*)?(?P<ag>{_AG})\s*\)?\.?$")
_COPYRIGHT = re.compile(rf"^(?:(?:©|\(c\)|Copyright)\s*)+(?:\d{{4}}\s*,?\s*)?(?P<ag>{ANY_PATTERN})\b.*$", re.I)
_PTI_INITIALS = re.compile(r"^PTI(?P<desk>(?:\s+[A-Z]{2,4}){1,5})\.?$")
_DESK = re.compile(r"^(?P<desk>[A-Za-z]{1,5}(?:/[A-Za-z]{0,5})+)$")
_TRAILER = re.compile(
    r"^\(?\s*(?:[-\u2013\u2014]+\s*)?(?P<body>(?:With (?:additional )?reporting|Reporting|Writing|Written|Editing|Edited|"
    r"Additional reporting|Compiled|Reported|Graphics|Fact-checking|Translation)\s+(?:by|from)\b.*?)\s*\)?\.?$",
    re.I,
)
_INPUTS = re.compile(r"^\(?\s*With (?:additional )?inputs? from (?P<who>[^)]+?)\s*\)?\.?$", re.I)
_ASSIST = re.compile(rf"^{_DASH}{{1,2}}\s*With assistance from (?P<who>.+?)\.?$", re.I)
_CONTACT = re.compile(
    r"^To contact the (?P<role>reporters?|editors?)(?: responsible)? (?:on|for) this story:?\s*(?P<who>.+)$", re.I
)
# "Associated Press writer Jane Roe in Paris contributed to this report." and its plural,
# dash-led and agency-only forms ("The Associated Press contributed to this report.").
_CONTRIBUTED = re.compile(
    rf"^(?:{_DASH}{{1,2}}\s*)?(?:The )?(?P<ag>{ANY_PATTERN})(?:\s+{_ROLE_WORDS})?(?P<who>\s+.+?)?"
    r"\s+contributed(?:\s+(?:to|reporting|from|for)\b.*)?\.?$")
# "This report by The Canadian Press was first published May 9, 2026."
_FIRST_PUBLISHED_BY = re.compile(
    rf"^This (?:report|story|article) by (?:The )?(?P<ag>{ANY_PATTERN}) was first published\b.*$", re.I)
# ANI's press-release trailer names the release service; it is ANI's credit line.
_NEWSVOIR = re.compile(r"^This story is provided by NewsVoir\b.*\(ANI/NewsVoir\)\.?$", re.I)
_CAPITAL_MARKET = re.compile(r"^Powered by Capital Market\s*" + _DASH + r"?\s*Live News\.?$", re.I)
# "By Jane Roe / Associated Press", "Jane Roe and The Associated Press", "By The Associated Press"
_BY_AGENCY_NAME = re.compile(
    rf"^(?:By\s+)?(?:(?P<who>[A-Z][^/|,]*?)\s*(?:[/|,]|\band\b|&)\s*)?(?:The\s+)?(?P<ag>{NAME_PATTERN}|{_AG})\.?$")
_BY_AGENCY = re.compile(rf"^By (?P<ag>{_AG})\s*,?\s*(?P<city>[A-Z][\w .'/&-]*?)?\s*:?$")
_AGENCY_BYLINE = re.compile(
    rf"^(?P<ag>{NAME_PATTERN}|{_AG})(?P<sep>\s*[,|:]?\s+)(?P<city>[A-Z][\w .'&-]*(?:/[A-Z][\w .'&-]*)*)\s*:?$"
)
# Photo captions print the agency that took the picture, not the story's: "File photo of the
# port. (Reuters)", "AFP photo", "... Photo: AP". A caption is neither body nor credit.
CAPTION = re.compile(
    rf"(?:^(?:\(?(?:file |representative |representational )?(?:photo|image|picture|photograph)s?"
    rf"(?:\s+(?:of|shows|showing|for representation)\b|\s*:))|"
    rf"(?:^|\s|\()(?:photos?|images?|pictures?|pic|photograph|credit|video grab|screengrab)s?\s*(?:credit)?\s*[:/]\s*[^.]{{1,60}}\)?\.?$|"
    rf"\((?:{_AG}) ?(?:Photo|Image|Pic)\b[^)]*\)\.?$|"
    rf"^(?:{_AG}|Getty Images|{NAME_PATTERN})\s+(?:photo|image|picture)s?\.?$|"
    rf"^(?:representational|representative|file) (?:image|photo|picture)\.?$|^image for representation\b)",
    re.I,
)


def is_caption(text: str) -> bool:
    """A photo caption or picture credit (never the story's wire credit)."""
    return len(text) < 400 and bool(CAPTION.search(text))


def _names(text: str) -> list[str]:
    text = re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", text.strip())
    parts = re.split(r",\s*|\s+and\s+|\s*&\s*", text)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _names_with_places(text: str) -> list[str]:
    # "A in London, B in Paris and C" -> [A, B, C]
    chunks = re.split(r",\s*|\s+and\s+|\s*&\s*", text)
    names = []
    for chunk in chunks:
        name = re.sub(r"\s+in\s+.*$", "", chunk).strip(" .")
        if name and name[0].isupper():
            names.append(name)
    return names


def parse_trailer(body: str) -> list[Contributor]:
    """'Reporting by A in B; Editing by C and D' -> contributors in order."""
    out = []
    for part in re.split(r";|\.\s+(?=[A-Z][a-z]+ (?:reporting )?by\b)", body):
        m = re.match(r"\s*(?:with\s+)?(?P<role>[A-Za-z -]+?)\s+(?:by|from)\s+(?P<who>.+)", part.strip(), re.I)
        if not m:
            continue
        role = m["role"].strip().lower()
        role = {"written": "writing", "edited": "editing", "reported": "reporting"}.get(role, role)
        who = re.sub(rf"^(?:The )?(?:{ANY_PATTERN})\s+{_ROLE_WORDS}\s+", "", m["who"].strip())
        if agency_in(who) and len(who.split()) <= 3:
            continue  # "Additional reporting from PA": the agency, no person
        out.extend(Contributor(role=role, name=n) for n in _names_with_places(who))
    return out


def _trailer_agency(text: str) -> str | None:
    """The agency a reporting/editing trailer belongs to: the one it names, else Reuters
    for its "Reporting by ...; Editing by ..." form; a staff story's trailer names none."""
    if ag := agency_in(text):
        return ag
    return "Reuters" if re.search(r"\bEditing by\b", text, re.I) else None


def line_credit(text: str, byline: bool = False) -> WireHit | None:
    """The credit a whole line or paragraph is, or None. byline: the line sits in the byline area.

    A credit that names no agency ("Additional reporting by Jane Roe" on a staff story,
    "With inputs from agencies") is returned with agency None: it is credit, not story."""
    if len(text) > 300 or is_caption(text):
        return None
    if m := _SIGN_OFF.match(text):
        return WireHit(agency_of(m["ag"]), text)
    if m := _PTI_INITIALS.match(text):
        return WireHit("PTI", text, desk=m["desk"].split())
    if m := _COPYRIGHT.match(text):
        return WireHit(agency_of(m["ag"]), text)
    if m := _TRAILER.match(text):
        return WireHit(_trailer_agency(text), text, contributors=parse_trailer(m["body"]))
    if m := _INPUTS.match(text):
        return WireHit(agency_in(m["who"]), text)
    if m := _ASSIST.match(text):
        return WireHit("Bloomberg", text, contributors=[Contributor("assistance", n) for n in _names_with_places(m["who"])])
    if m := _CONTACT.match(text):
        role = "contact"
        who = re.split(r"\s+(?:in|at)\s+", m["who"], maxsplit=1)[0]
        return WireHit("Bloomberg", text, contributors=[Contributor(role, who.strip(" ."))])
    if m := _CONTRIBUTED.match(text):
        who = (m["who"] or "").strip()
        return WireHit(agency_of(m["ag"]), text,
                       contributors=[Contributor("contributing", n) for n in _names_with_places(who)] if who else [])
    if m := _FIRST_PUBLISHED_BY.match(text):
        return WireHit(agency_of(m["ag"]), text)
    if _CAPITAL_MARKET.match(text):
        return WireHit("Capital Market", text)
    if _NEWSVOIR.match(text):
        return WireHit("ANI", text)
    if m := _BY_AGENCY.match(text):
        return WireHit(agency_of(m["ag"]), text, dateline=(m["city"] or None))
    if len(text) <= 100 and (m := _BY_AGENCY_NAME.match(text)) and len((m["who"] or "").split()) <= 6:
        # A bare code ("AP") alone is a sign-off (above); with a person it is a shared byline.
        if m["who"] or not re.fullmatch(_AG, m["ag"]) or byline:
            who = [Contributor("writing", n) for n in _names(m["who"])] if m["who"] else []
            return WireHit(agency_of(m["ag"]), text, contributors=who)
    if m := _AGENCY_BYLINE.match(text):
        # "AP Miami", "Press Trust of India | New Delhi/Mumbai": a credit where bylines stand,
        # after a "|" (the AMP byline form), or short enough that it cannot be a sentence.
        if byline or "|" in m["sep"] or (len(text.split()) <= 5 and agency_of(m["ag"]) in ("AP", "PTI", "IANS", "ANI")):
            return WireHit(agency_of(m["ag"]), text, dateline=m["city"].strip())
    return None


def desk_initials(text: str) -> list[str] | None:
    """IANS-style desk initials ('qd/', 'ms/vd') as a list, or None."""
    m = _DESK.match(text)
    if not m:
        return None
    return [part for part in m["desk"].split("/") if part]


# --- credits inside a paragraph -------------------------------------------------------------

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATELINE = re.compile(
    r"^(?P<credit>(?P<city>[A-Z][A-Za-z.'\u2019&-]*(?:[ /][A-Z][A-Za-z.'\u2019&-]*){0,3})"
    # ANI names the state too: "Srinagar (Jammu and Kashmir) [India], October 29 (ANI):"
    r"(?:\s*\((?!(?:" + _AG + r")[)/])(?P<state>[A-Z][A-Za-z &.]{1,40})\))?"
    r"(?:\s*\[(?P<country>[A-Za-z ]+)\])?"
    r"(?:,\s*(?P<region>(?!" + _MONTH + r"\s+\d)[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}))?"
    r"(?:,\s*(?P<date>" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")(?:,?\s*\d{4})?)?"
    r"\s*\((?P<ag>" + _AG + r")(?:/[A-Za-z]+)?\)\s*(?:[:\-\u2013\u2014]+)?)\s*"
)
_TAIL_TAG = re.compile(r"\s*(?P<credit>\((?P<ag>" + _AG + r")\)|PTI(?:\s+[A-Z]{2,4}){1,5}|(?<=[.!?\"\u201d\u2019])\s*(?P<bare>PTI|IANS|ANI))\s*\.?$")


def split_dateline(paragraph: str) -> tuple[WireHit, str] | None:
    """'New Delhi, Jun 26 (PTI) The ...' -> (hit, 'The ...'), or None."""
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    rest = paragraph[m.end():].strip()
    if not rest:
        return None
    credit = m["credit"].strip()
    return WireHit(agency_of(m["ag"]), credit, dateline=m["city"], in_text=True), rest


_BARE_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,3})(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?\s+(?:\u2014|\u2013|--)\s")


def bare_dateline(paragraph: str) -> str | None:
    """The city of a dateline printed without the agency ("TORONTO — ..."): the wire's
    dateline when the page credits an agency elsewhere. The paragraph keeps it."""
    m = _BARE_DATELINE.match(paragraph)
    return m["city"] if m else None


def split_tail_tag(paragraph: str) -> tuple[WireHit, str] | None:
    """'... he said. (ANI)' -> (hit, '... he said.'), or None."""
    m = _TAIL_TAG.search(paragraph)
    if not m or m.start() == 0:
        return None
    credit = m["credit"].strip()
    if m["bare"]:
        # "... he said. PTI": the agency's name alone after the last sentence.
        return WireHit(agency_of(m["bare"]), credit), paragraph[: m.start()].strip()
    if credit.startswith("PTI"):
        return WireHit("PTI", credit, desk=credit.split()[1:]), paragraph[: m.start()].strip()
    return WireHit(agency_of(m["ag"]), credit), paragraph[: m.start()].strip()


# --- the record's wire -------------------------------------------------------------------

def assemble(hits: list[WireHit], authors: list[str] | None = None) -> Wire | None:
    """Fold a page's credits (in page order) into one Wire; a byline naming an agency counts
    when the text carries no credit of its own. Credits naming no agency ("additional
    reporting by <Name>") join once the page has an agency's credit."""
    if not any(h.agency for h in hits):
        for author in authors or []:
            if ag := agency_of(author):
                hits.insert(0, WireHit(ag, author))
                break
    if not any(h.agency for h in hits):
        return None
    first = next(h for h in hits if h.agency)
    desk: list[str] = []
    contributors: list[Contributor] = []
    for h in hits:
        desk.extend(d for d in h.desk if d not in desk)
        contributors.extend(h.contributors)
    # The dateline printed in the story wins over a byline block's place ("Press Trust of
    # India Geneva/New Delhi"); the byline's place stands in when the text has none.
    dateline = next((h.dateline for h in sorted(hits, key=lambda h: not h.in_text) if h.dateline), None)
    return Wire(
        agency=first.agency,
        credit=first.credit,
        dateline=dateline,
        desk=desk,
        contributors=contributors,
        credits=[h.credit for h in hits],
    )
