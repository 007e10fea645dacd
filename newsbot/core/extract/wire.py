"""Wire credits: where a story's agency credit is recognised.

Every form in ../shared/reference/publishers.md is one entry here: whole-line credits
(sign-offs, desk initials, trailers, byline blocks) and the credits that sit inside a
paragraph (datelines at the start, agency tags at the end). Each recogniser returns a
`WireHit`; `assemble` folds a page's hits into the record's `wire`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsbot.core.record import Contributor, Wire
from .text import may_hold
from .agencies import (ANY_PATTERN, CODE_PATTERN, CREDIT_CODE_PATTERN, CREDIT_PATTERN, NAME_PATTERN, PRINTED_FORMS,
                       agency_in, agency_of, glued_agency, names_unnamed_agencies)

_AG = CODE_PATTERN
"""Codes that are a credit even printed bare ("PTI" alone on a line)."""
_CAG = CREDIT_CODE_PATTERN
"""Codes that are a credit only in a credit's own printing: parentheses, slashes, after a dash."""
_DASH = r"[-\u2013\u2014]"
_OPEN, _CLOSE = r"[(\uff08]", r"[)\uff09]"
_UPPER = r"A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017d\u0410-\u042f"
_CITY = rf"[{_UPPER}][\w.'\u2019&-]*(?:[ /][{_UPPER}][\w.'\u2019&-]*){{0,3}}"
# "By" in the languages of the agencies in the table.
_BY = r"(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|[Pp]or|[Aa]v|[Aa]f|[Dd]oor|[Ff]ra)"
_ROLE_WORDS = r"(?i:(?:staff |special |contributing |senior |chief |video ?)?(?:writers?|reporters?|correspondents?|journalists?|" \
              r"videojournalists?|photographers?|editors?|researchers?|producers?|news assistants?|stringers?))"
# A beat title before the role: "AP Medical Writer", "Associated Press National Security Writer".
_BEAT = rf"(?:[{_UPPER}][\w&'.-]*\s+){{0,4}}?"
_INITIALS = r"[a-z\u00e4\u00f6\u00fc]{2,4}"
"""Desk initials as German-language sites print them beside the agency ("sak/Reuters")."""


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
    unnamed: bool = False
    """The credit says the story is agency copy without naming the agency ("With inputs from agencies")."""


# --- whole-line credits -------------------------------------------------------------------
# Each pattern is built from the agency table (agencies.py): a new agency needs no edit here.

_SIGN_OFF = re.compile(
    rf"^(?:(?P<bare>{_AG})|{_DASH}{{1,2}}\s*(?P<dash>{_CAG}|{NAME_PATTERN})|{_OPEN}\s*(?P<paren>{_CAG}|{NAME_PATTERN})\s*{_CLOSE})\.?$")
# Agencies and desk initials joined by slashes: "(APA/sda)", "sak/Reuters", "dpa/AFP/mrc",
# "Reuters/kra Frankfurt", Ritzau's "/ritzau/".
_SLASH_TOKEN = rf"(?:{_CAG}|{NAME_PATTERN}|{_INITIALS})"
_SLASHED = re.compile(
    rf"^{_OPEN}?\s*(?P<lead>/)?(?P<parts>{_SLASH_TOKEN}(?:\s*/\s*{_SLASH_TOKEN})*)(?P<trail>/)?\s*{_CLOSE}?"
    rf"(?:\s+(?P<city>{_CITY}))?\s*\.?$")
_COPYRIGHT = re.compile(
    rf"^(?:(?:©|\(c\)|Copyright)\s*)+(?:\d{{4}}\s*,?\s*)?(?:The\s+)?(?P<ag>{ANY_PATTERN}|(?-i:{_CAG}))\b.*$", re.I)
_PTI_INITIALS = re.compile(r"^PTI(?P<desk>(?:\s+[A-Z]{2,4}){1,5})\.?$")
_DESK = re.compile(r"^(?P<desk>[A-Za-z]{1,5}(?:/[A-Za-z]{0,5})+)$")
_ROLE_PHRASE = (r"(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|written|edited|reported|compiled|graphics|"
                r"fact-checking|translation|research|production)\s+(?:by|from)\b")
_TRAILER = re.compile(rf"^\(?\s*(?:[-\u2013\u2014]+\s*)?(?P<body>{_ROLE_PHRASE}.*?)\s*\)?\.?$", re.I)
# Where one role of a trailer ends and the next begins, with or without the ";" between:
# "Reporting by A; Editing by B", "Reporting by A, additional reporting by B, Editing by C",
# "Reporting by A Additional reporting by B" (the page's line breaks lost).
_TRAILER_SPLIT = re.compile(rf"[;,.]?\s*(?<!additional\s)(?<!with\s)(?=\b{_ROLE_PHRASE})", re.I)
# Lines saying the text draws on an agency's copy, in the forms and languages publishers print:
# "(With inputs from PTI)", "Includes information from The Associated Press", "Material from
# Reuters was used in this report", "Mit Material von dpa", "Con información de EFE".
_INPUT_PHRASES = (
    r"(?:with |includes |contains |this (?:report|story|article) (?:includes|contains) )?(?:additional )?"
    r"(?:inputs?|information|material|files|reporting|wire reports?|contributions?) from",
    r"with (?:additional )?(?:agency|wire) inputs", r"(?:mit )?material (?:von|der|des|aus)", r"avec",
    r"con (?:información|informaciones|material) de", r"com informações d[aoe]s?", r"con (?:materiale|informazioni) d[ie]",
)
_INPUTS = re.compile(
    rf"^\(?\s*(?P<phrase>{'|'.join(_INPUT_PHRASES)})\b\s*(?P<who>[^()]*?)"
    r"(?:\s+(?:was|were|is|are) (?:used|included) in this (?:report|story|article))?\s*\)?\.?$", re.I)
SOURCE_LABELS = ("source", "sources", "quelle", "quellen", "fuente", "fuentes", "fonte", "fontes", "źródło",
                 "kilde", "kilder", "källa", "lähde", "bron", "forrás", "zdroj", "izvor", "sursa")
"""Labels before an agency credit: "SOURCE: News agencies", "Quelle: dpa", "Źródło: PAP"."""
_SOURCE = re.compile(rf"^\(?\s*(?:{'|'.join(SOURCE_LABELS)})\s*:\s*(?P<who>[^()]{{1,80}}?)\s*\)?\.?$", re.I)
_NOT_A_SOURCE_CREDIT = re.compile(r"\b(?:data|calculations?|estimates?|survey|poll|compiled|analysis|graphic|"
                                  r"chart|photo|image|foto|bild)\b", re.I)
_ASSIST = re.compile(rf"^{_DASH}{{1,2}}\s*With assistance from (?P<who>.+?)\.?$", re.I)
_CONTACT = re.compile(
    r"^To contact the (?P<role>reporters?|editors?)(?: responsible)? (?:on|for) this story:?\s*(?P<who>.+)$", re.I
)
# "Associated Press writer Jane Roe in Paris contributed to this report.", its plural, beat
# titles ("AP Medical Writer Jane Roe contributed"), dash-led and agency-only forms ("The
# Associated Press contributed to this report.").
_CONTRIBUTED = re.compile(
    rf"^(?:{_DASH}{{1,2}}\s*)?(?:The )?(?P<ag>{CREDIT_PATTERN})(?:\s+{_BEAT}{_ROLE_WORDS})?(?P<who>\s+.+?)?"
    r"\s+(?:also\s+)?contributed(?:\s+(?:to|reporting|from|for)\b.*)?\.?$")
# The same with people only: "Jane Roe in Paris and Tom Doe in Bonn contributed to this report."
_PEOPLE_CONTRIBUTED = re.compile(
    r"^(?:[-\u2013\u2014]{1,2}\s*)?(?P<who>.{3,250}?)\s+(?:also\s+)?contributed"
    r"(?:\s+(?:to this (?:report|story|article|post|piece)|(?:additional )?reporting))?(?:\s+(?:from|in)\s+[^.]+)?\.?$")
# AP's closing note before the contributor line: "Peoples reported from New York and
# Thomson-DeVeaux from Washington."
_REPORTED_FROM = re.compile(
    r"^(?P<lead>[A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)?\s+(?:reported|wrote)\s+(?:from|in)\s+[^.;]+?"
    r"(?:,?\s+and\s+[A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)?\s+(?:from|in)\s+[^.;]+?)*\.)\s*(?P<rest>.*)$")
# "This report by The Canadian Press was first published May 9, 2026."
_FIRST_PUBLISHED_BY = re.compile(
    rf"^This (?:report|story|article) by (?:The )?(?P<ag>{ANY_PATTERN}) was first published\b.*$", re.I)
# AP's note on grant-funded desks: "The Associated Press Health and Science Department receives
# support from ... The AP is solely responsible for all content."
_SUPPORT = re.compile(rf"^(?:The )?(?P<ag>{ANY_PATTERN})(?:\u2019s|'s)? .{{0,100}}?receives (?:financial )?support from\b"
                      r".*\bsolely responsible for all content\.?$")
# ANI's press-release trailer names the release service; it is ANI's credit line.
_NEWSVOIR = re.compile(r"^This story is provided by NewsVoir\b.*\(ANI/NewsVoir\)\.?$", re.I)
_CAPITAL_MARKET = re.compile(r"^Powered by Capital Market\s*" + _DASH + r"?\s*Live News\.?$", re.I)
# "By Jane Roe / Associated Press", "Jane Roe and The Associated Press", "By The Associated Press", "Von dpa"
_BY_AGENCY_NAME = re.compile(
    rf"^(?:{_BY}\s+)?(?:(?P<who>[A-Z][^/|,]*?)\s*(?:[/|,]|\band\b|&)\s*)?(?:The\s+)?(?P<ag>(?i:{NAME_PATTERN})|{_AG})\.?$")
_BY_AGENCY = re.compile(rf"^{_BY} (?P<ag>{_CAG})\s*,?\s*(?P<city>[A-Z][\w .'/&-]*?)?\s*:?$")
# "By STEVE PEOPLES, AP National Political Writer", "Tom Roe, Ap Auto Writer", "AP Auto Writer".
_BY_AGENCY_TITLE = re.compile(
    rf"^(?:(?i:by)\s+)?(?:(?P<who>[A-Z][^,|/]{{2,80}}?)\s*[,|/]\s*)?(?:The\s+)?(?P<ag>(?i:{ANY_PATTERN}))\s+"
    rf"{_BEAT}(?:{_ROLE_WORDS}|(?i:staff))\.?$")
# "By AFP and TOI staff", "AP and Times staff"
_AGENCY_AND_STAFF = re.compile(rf"^(?:{_BY}\s+)?(?:The\s+)?(?P<ag>{ANY_PATTERN}|{_CAG})\s+(?:and|&)\s+[\w .'-]{{1,40}}?\s+staff$")
# Bylines naming agencies but not which: "Agencies", "Guardian staff and agencies", "From wire reports".
_UNNAMED_BYLINE = re.compile(r"^(?:By |From )?(?:[\w .'-]{0,40}?\s)?(?:staff\s+)?(?:(?:and|&)\s+)?(?:news\s+|wire\s+)?"
                             r"(?:agencies|wire services|wire reports|wires)\.?$", re.I)
_UNNAMED_WORDS = ("agencies", "wire")
"""Words one of which every _UNNAMED_BYLINE match holds (may_hold asks first)."""
# A place in a byline block: capitalised words ("New Delhi", "Jammu and Kashmir"), not a sentence.
_BYLINE_PLACE = r"[A-Z][\w'&-]*\.?(?:\s+(?:(?:and|of|de|da|del|on|upon)\s+)?[A-Z][\w'&-]*\.?)*"
_AGENCY_BYLINE = re.compile(
    rf"^(?P<ag>{NAME_PATTERN}|{_AG})(?P<sep>\s*[,|:]?\s+)(?P<city>{_BYLINE_PLACE}(?:\s*/\s*{_BYLINE_PLACE})*)\s*:?$"
)
# Photo captions print the agency that took the picture, not the story's: "File photo of the
# port. (Reuters)", "AFP photo", "... Photo: AP", "Foto: dpa". A caption is neither body nor credit.
_PHOTO = r"(?:photos?|images?|pictures?|pic|photograph|foto|fotos|bild|zdj\u0119cie|imagen|kuva|bilde|billede)"
CAPTION = re.compile(
    rf"(?:^(?:\(?(?:file |representative |representational )?{_PHOTO}"
    rf"(?:\s+(?:of|shows|showing|for representation)\b|\s*:))|"
    rf"(?:^|\s|\()(?:{_PHOTO}|credit|video grab|screengrab)s?\s*(?:credit)?\s*[:/]\s*[^.]{{1,60}}\)?\.?$|"
    rf"\((?:{_AG}) ?(?:Photo|Image|Pic)\b[^)]*\)\.?$|"
    rf"^(?:{_AG}|Getty Images|{NAME_PATTERN})\s+(?:photo|image|picture)s?\.?$|"
    rf"\bpicture[ -]alliance\b|\bvia Getty Images\b|"
    rf"^(?:representational|representative|file) (?:image|photo|picture)\.?$|^image for representation\b)",
    re.I,
)


_CAPTION_WORDS = ("photo", "image", "pic", "foto", "bild", "zdj", "kuva", "credit", "grab")
"""Every CAPTION alternative holds one of these (photograph, picture, imagen, bilde, screengrab ...)."""


def is_caption(text: str) -> bool:
    """A photo caption or picture credit (never the story's wire credit)."""
    return len(text) < 400 and may_hold(text, _CAPTION_WORDS) and bool(CAPTION.search(text))


def _names(text: str) -> list[str]:
    text = re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", text.strip())
    parts = re.split(r",\s*|\s+and\s+|\s*&\s*", text)
    return [p.strip(" .") for p in parts if p.strip(" .")]


# A chunk after "A in Johnstown," that goes on with the place, not a person: one word
# ("Pennsylvania"), an abbreviation ("Calif.", "D.C."), or a compound place ("New Jersey").
_PLACE_GOES_ON = re.compile(
    r"^(?:\S+|(?:[A-Z][a-z]{0,4}\.)+|(?:New|North|South|West|East|Northern|Southern|El|Los|Las|San|Santa|Saint|St\.|"
    r"Sri|Costa|Puerto|Rhode|Hong|Saudi|United|Sierra|Cape|Ivory|Abu|Tel|Rio|Buenos|Sao|S\u00e3o|Kuala)\s.+)$")
_IN_PLACE = re.compile(r"\s+(?:in|from)\s+")


def _names_with_places(text: str) -> list[str]:
    """"A in London, B in Johnstown, Pennsylvania, and C" -> [A, B, C]; a role before a name
    ("Miami Herald correspondent Jane Roe", "ESPN's Tom Doe") is left out."""
    chunks = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text)
    names: list[str] = []
    after_place = False
    for chunk in chunks:
        chunk = chunk.strip(" .")
        if not chunk:
            continue
        placed = bool(_IN_PLACE.search(chunk))
        if after_place and not placed and _PLACE_GOES_ON.match(chunk):
            continue
        after_place = placed
        name = _IN_PLACE.split(chunk, maxsplit=1)[0].strip(" .")
        name = re.sub(rf"^.*\b{_ROLE_WORDS}\s+", "", name)
        name = re.sub(r"^\S+['\u2019]s\s+", "", name)
        if name and name[0].isupper():
            names.append(name)
    return names


_LOWER_IN_NAMES = {"in", "and", "of", "de", "da", "van", "von", "der", "del", "la", "le", "du", "bin", "al", "el",
                   "from", "also", "the"}


def _looks_like_people(text: str) -> bool:
    """A list of people (with places and roles), not a sentence: "$5 million" or "The company" is not."""
    words = re.findall(r"[^\s,&]+", text)
    if not words:
        return False
    for w in words:
        w = w.strip(".()")
        if not w or w[0].isupper() or w.lower() in _LOWER_IN_NAMES or re.fullmatch(_ROLE_WORDS, w):
            continue
        return False
    return True


def parse_trailer(body: str) -> list[Contributor]:
    """'Reporting by A in B; Editing by C and D' -> contributors in order."""
    out = []
    for part in _TRAILER_SPLIT.split(body):
        m = re.match(r"\s*(?:with\s+)?(?P<role>[A-Za-z -]+?)\s+(?:by|from)\s+(?P<who>.+)", part.strip(" ;,."), re.I)
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


def _slashed_credit(text: str) -> WireHit | None:
    """"(APA/sda)", "sak/Reuters", "Reuters/kra Frankfurt", "/ritzau/": agencies and desk
    initials joined by slashes; the first agency is the credit's."""
    m = _SLASHED.match(text)
    if not m:
        return None
    parts = [p.strip() for p in m["parts"].split("/")]
    decorated = len(parts) > 1 or m["lead"] or m["trail"] or text.startswith(("(", "\uff08"))
    # Lower-case initials are an agency only when the agency prints itself so ("dpa", "sda").
    named = [agency_of(p) if p in PRINTED_FORMS or not p.islower() else None for p in parts]
    agencies = [a for a in named if a]
    if not decorated or not agencies:
        return None
    desk = [p for p, a in zip(parts, named) if not a]
    return WireHit(agencies[0], text, dateline=m["city"], desk=desk)


def _inputs_credit(text: str) -> WireHit | None:
    """A line saying the story draws on agency copy: the agency it names, or an unnamed
    credit ("With inputs from agencies"); a person's inputs on a staff story credit nobody."""
    m = _INPUTS.match(text)
    if not m or len(m["who"]) > 120:
        return None
    if ag := agency_in(m["who"]):
        return WireHit(ag, text)
    if names_unnamed_agencies(text):
        return WireHit(None, text, unnamed=True)
    if re.search(r"inputs?", m["phrase"], re.I) and m["who"]:
        return WireHit(None, text)
    return None


def _source_credit(text: str) -> WireHit | None:
    m = _SOURCE.match(text)
    if not m or _NOT_A_SOURCE_CREDIT.search(m["who"]):
        return None
    if ag := agency_in(m["who"]):
        return WireHit(ag, text)
    if names_unnamed_agencies(m["who"]):
        return WireHit(None, text, unnamed=True)
    return None


def _people_contributed(text: str) -> WireHit | None:
    m = _PEOPLE_CONTRIBUTED.match(text) if "contributed" in text else None  # the pattern's word, tested in C
    if not m or not _looks_like_people(m["who"]):
        return None
    names = _names_with_places(m["who"])
    return WireHit(None, text, contributors=[Contributor("contributing", n) for n in names]) if names else None


def line_credit(text: str, byline: bool = False) -> WireHit | None:
    """The credit a whole line or paragraph is, or None. byline: the line sits in the byline area.

    A credit that names no agency ("Additional reporting by Jane Roe" on a staff story,
    "With inputs from agencies") is returned with agency None: it is credit, not story."""
    if len(text) > 300 or is_caption(text):
        return None
    return uncaptioned_line_credit(text, byline)


def uncaptioned_line_credit(text: str, byline: bool = False) -> WireHit | None:
    """line_credit for a line already known not to be a caption (the separation asks both)."""
    if len(text) > 300:
        return None
    if m := _SIGN_OFF.match(text):
        return WireHit(agency_of(m["bare"] or m["dash"] or m["paren"]), text)
    if m := _PTI_INITIALS.match(text):
        return WireHit("PTI", text, desk=m["desk"].split())
    if hit := _slashed_credit(text):
        return hit
    if m := _COPYRIGHT.match(text):
        return WireHit(agency_of(m["ag"]), text)
    if m := _TRAILER.match(text):
        return WireHit(_trailer_agency(text), text, contributors=parse_trailer(m["body"]))
    if hit := _inputs_credit(text):
        return hit
    if hit := _source_credit(text):
        return hit
    if m := _ASSIST.match(text):
        return WireHit("Bloomberg", text, contributors=[Contributor("assistance", n) for n in _names_with_places(m["who"])])
    if m := _CONTACT.match(text):
        role = "contact"
        who = re.split(r"\s+(?:in|at)\s+", m["who"], maxsplit=1)[0]
        return WireHit("Bloomberg", text, contributors=[Contributor(role, who.strip(" ."))])
    if "contributed" in text and (m := _CONTRIBUTED.match(text)):
        who = (m["who"] or "").strip()
        return WireHit(agency_of(m["ag"]), text,
                       contributors=[Contributor("contributing", n) for n in _names_with_places(who)] if who else [])
    if hit := _people_contributed(text):
        return hit
    if m := _REPORTED_FROM.match(text):
        rest = line_credit(m["rest"]) if m["rest"] else None
        if rest is not None or not m["rest"]:
            return WireHit(rest.agency if rest else None, text, contributors=rest.contributors if rest else [],
                           unnamed=rest.unnamed if rest else False)
    if m := _SUPPORT.match(text):
        return WireHit(agency_of(m["ag"]), text)
    if m := _FIRST_PUBLISHED_BY.match(text):
        return WireHit(agency_of(m["ag"]), text)
    if _CAPITAL_MARKET.match(text):
        return WireHit("Capital Market", text)
    if _NEWSVOIR.match(text):
        return WireHit("ANI", text)
    if m := _BY_AGENCY.match(text):
        return WireHit(agency_of(m["ag"]), text, dateline=(m["city"] or None))
    if len(text) <= 120 and (m := _BY_AGENCY_TITLE.match(text)):
        who = [Contributor("writing", n) for n in _names(m["who"])] if m["who"] else []
        return WireHit(agency_of(m["ag"]), text, contributors=who)
    if len(text) <= 100 and (m := _BY_AGENCY_NAME.match(text)) and len((m["who"] or "").split()) <= 6:
        # A bare code ("AP") alone is a sign-off (above); with a person it is a shared byline.
        # Names match in any case ("KYODO NEWS"), but not all lower case ("capital market").
        if (m["who"] or not re.fullmatch(_AG, m["ag"]) or byline) and not m["ag"].islower():
            who = [Contributor("writing", n) for n in _names(m["who"])] if m["who"] else []
            return WireHit(agency_of(m["ag"]), text, contributors=who)
    if len(text) <= 100 and (m := _AGENCY_AND_STAFF.match(text)):
        return WireHit(agency_of(m["ag"]), text)
    if (len(text) <= 100 and may_hold(text, _UNNAMED_WORDS) and _UNNAMED_BYLINE.match(text)
            and names_unnamed_agencies(text)):
        return WireHit(None, text, unnamed=True)
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
# A date in a dateline, in English or another language: "Jun 26", "26 June", "5 mars", "5. März", "05/03".
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?:{_MONTH}|[^\W\d_]{{3,10}}\.?)|\d{{1,2}}/\d{{1,2}})"
         r"(?:,?\s*\d{4})?")
# The agency in parentheses, alone or with other agencies and desk codes: "(AP)", "(dpa/lby)",
# "(awp/sda)", "(ANI/NewsVoir)"; TASS prints it between slashes: "/TASS/".
_PAREN_AGENCY = rf"{_OPEN}(?:[\w-]{{2,8}}/)*(?P<ag>{_CAG}|{NAME_PATTERN})(?:/[\w-]+)*{_CLOSE}"
_SLASH_AGENCY = rf"\.?\s*/(?P<ag2>{_CAG})/"
_DATELINE = re.compile(
    rf"^(?P<credit>(?P<city>{_CITY})"
    # ANI names the state too: "Srinagar (Jammu and Kashmir) [India], October 29 (ANI):"
    r"(?:\s*\((?!(?:" + _CAG + r")[)/])(?P<state>[A-Z][A-Za-z &.]{1,40})\))?"
    r"(?:\s*\[(?P<country>[A-Za-z ]+)\])?"
    r"(?:,\s*(?P<region>(?!" + _MONTH + r"\s+\d)[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}))?"
    rf"(?:,?\s*(?P<date>{_DATE}))?"
    rf"(?:\s*{_PAREN_AGENCY}|{_SLASH_AGENCY})\s*\.?\s*(?:[:\-\u2013\u2014=]+)?)\s*"
)
# ANSA puts the agency first: "(ANSA) - ROMA, 5 MAR - ...".
_AGENCY_FIRST_DATELINE = re.compile(
    rf"^(?P<credit>{_PAREN_AGENCY}\s*{_DASH}\s*(?P<city>{_CITY})(?:,\s*(?P<date>{_DATE}))?\s*{_DASH})\s*")
_TAIL_TAG = re.compile(
    r"\s*(?P<credit>" + _PAREN_AGENCY + r"|/(?P<ag2>" + _CAG + r")/|PTI(?:\s+[A-Z]{2,4}){1,5}|"
    r"(?<=[.!?\"\u201d\u2019])\s*(?P<bare>PTI|IANS|ANI))\s*\.?$")
_SENTENCE_END = ".!?\"\u201d\u2019)\u3002"


def split_dateline(paragraph: str) -> tuple[WireHit, str] | None:
    """'New Delhi, Jun 26 (PTI) The ...' -> (hit, 'The ...'), or None."""
    m = _DATELINE.match(paragraph) or _AGENCY_FIRST_DATELINE.match(paragraph)
    if not m:
        return None
    rest = paragraph[m.end():].strip()
    if not rest:
        return None
    credit = m["credit"].strip()
    ag = m["ag"] or m.groupdict().get("ag2")
    city = m["city"]
    if re.match(rf"{_BY}\s", city) and (caps := re.search(r"\b[A-Z][A-Z.'\u2019-]+(?:\s[A-Z][A-Z.'\u2019-]+)*$", city)):
        city = caps.group(0)  # the byline ran into the dateline: "By Jane Roe TUPELO, Miss. (Reuters) -"
    return WireHit(agency_of(ag), credit, dateline=city, in_text=True), rest


_BARE_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,3})(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?"
    r"(?:\s+(?:\u2014|\u2013|--)|(?P<colon>:))\s")
NOT_A_CITY = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS", "OPINION", "EDITORIAL",
              "NOTE", "CORRECTION", "EDITOR'S NOTE", "ALSO READ", "READ", "VIDEO", "PHOTOS", "FACT CHECK", "REVIEW"}
"""Capitalised labels that open a paragraph like a dateline does ("BREAKING: ...")."""


def bare_dateline(paragraph: str, colon: bool = True) -> str | None:
    """The city of a dateline printed without the agency ("TORONTO — ...", "ATLANTA -- ...",
    and the Indian sites' "SHANGHAI: ..."): the wire's dateline when the page credits an agency
    elsewhere. The paragraph keeps it. colon: the colon form counts (the story's first
    paragraph only; an abbreviation such as "MLB:" starts paragraphs further down)."""
    m = _BARE_DATELINE.match(paragraph)
    if not m or (m["colon"] and (not colon or m["city"] in NOT_A_CITY or len(m["city"]) < 4
                                 or not re.search("[AEIOUY]", m["city"]))):
        return None
    return m["city"]


def split_tail_tag(paragraph: str) -> tuple[WireHit, str] | None:
    """'... he said. (ANI)' -> (hit, '... he said.'), or None. An abbreviation in parentheses
    that ends the sentence ("... the Unified Payments Interface (UPI).") is not a tag."""
    m = _TAIL_TAG.search(paragraph)
    if not m or m.start() == 0:
        return None
    credit = m["credit"].strip()
    before = paragraph[: m.start()].rstrip()
    if m["ag"] and paragraph.rstrip().endswith(".") and not credit.endswith(".") and before[-1:] not in _SENTENCE_END:
        return None
    if m["bare"]:
        # "... he said. PTI": the agency's name alone after the last sentence.
        return WireHit(agency_of(m["bare"]), credit), before
    if credit.startswith("PTI"):
        return WireHit("PTI", credit, desk=credit.split()[1:]), before
    return WireHit(agency_of(m["ag"] or m["ag2"]), credit), before


# --- credits the page declares -------------------------------------------------------------

DECLARED_FIELDS = ("author", "creator", "sourceOrganization", "creditText")
"""JSON-LD fields of the article that can name its agency (as an Organization, a Person named
after the agency, or text)."""


def declared_credits(ld: dict) -> list[str]:
    """The names the article's JSON-LD gives in `DECLARED_FIELDS`, in that order."""
    out: list[str] = []
    for key in DECLARED_FIELDS:
        value = ld.get(key)
        for item in value if isinstance(value, list) else [value]:
            name = item.get("name") if isinstance(item, dict) else item
            if isinstance(name, list):
                name = next((n for n in name if isinstance(n, str)), None)
            if isinstance(name, str) and name.strip() and name.strip() not in out:
                out.append(" ".join(name.split()))
    return out


def name_credit(name: str) -> WireHit | None:
    """The agency credit an author or declared name is: "Reuters", "ANI |", "Najib Jobain,
    Associated Press", "Jane Roe The Associated Press" (glued), "By STEVE PEOPLES, AP National
    Political Writer"; else None."""
    if len(name) > 150:
        return None
    if ag := agency_of(name):
        return WireHit(ag, name)
    if glued := glued_agency(name):  # "Jane Roe The Associated Press"
        return WireHit(glued[1], name)
    hit = line_credit(name.strip(" |"), byline=True)
    return hit if hit is not None and hit.agency else None


# --- the record's wire -------------------------------------------------------------------

def assemble(hits: list[WireHit], authors: list[str] | None = None) -> Wire | None:
    """Fold a page's credits (in page order) into one Wire; a byline or declared name
    (authors: the record's authors, then the JSON-LD names of `declared_credits`) naming an
    agency counts when the text carries no credit of its own. Credits naming no agency
    ("additional reporting by <Name>") join once the page has an agency's credit."""
    if not any(h.agency for h in hits):
        for author in authors or []:
            if hit := name_credit(author):
                hits.insert(0, WireHit(hit.agency, author))
                break
    if not any(h.agency for h in hits):
        return None
    first = next(h for h in hits if h.agency)
    desk: list[str] = []
    contributors: list[Contributor] = []
    for h in hits:
        desk.extend(d for d in h.desk if d not in desk)
        contributors.extend(c for c in h.contributors if c not in contributors)
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
