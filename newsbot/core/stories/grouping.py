"""Which story a record belongs to, and how: `first` (it founded the story), `copy` (the
first record's text, cut at most), `edited` (the same story with its text changed: copy
edits, paragraphs added or rewritten, a wire update), `partial` (a publisher's own story that
reuses paragraphs of it, "with inputs from PTI").

Each rule is one function. The same story needs enough of one text in the other (resemblance
or containment, either way: a trimmed copy is contained in the full story, the full story in
its update) and nothing that tells two reports apart: a different agency's credit, or other
figures (a market close of another day prints other numbers in the same sentences)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbot.core.keys import record_key
from .index import Member, StoryIndex
from .signature import Signature, signature

SAME_STORY = 0.6
"""Least resemblance or containment (either way) for one story."""
COPY = 0.9
"""Least containment of a record in the first record for a copy (cuts only; estimates err by about 0.04)."""
FIGURES_KEPT = 0.6
"""Least share of the smaller text's figures that the other prints too (else: another day's report)."""
PARTIAL_PARAGRAPHS = 2
"""Paragraphs of the story a partial reuse must print at least: one shared paragraph is boilerplate."""
PARTIAL_SHARE = 0.2
"""...and at least this share of the story's text."""
OWN_TEXT = 0.75
"""A record without a credit of its own whose text is less than this share the story's is
the publisher's own story reusing it (partial), not a copy that lost its credit."""
BOILERPLATE_STORIES = 3
"""A paragraph printed by this many stories or more is background, not the story."""

_INPUTS = re.compile(r"\b(?:inputs?|additional reporting|contributed)\b", re.I)


@dataclass
class Match:
    member: Member
    resemblance: float
    containment: float
    """Share of the record's text found in the member."""
    contains: float
    """Share of the member's text found in the record."""

    @property
    def score(self) -> float:
        return max(self.resemblance, self.containment, self.contains)


def own_agency(record: dict) -> str | None:
    """The agency of the record's own printed credit: not one taken from its story, and not
    an "inputs from" line (that is a publisher's own story drawing on the wire)."""
    wire = record.get("wire") or None
    if not wire or "agency_from_story" in (record.get("flags") or []):
        return None
    if _INPUTS.search(wire.get("credit") or ""):
        return None
    return wire.get("agency")


def measure(sig: Signature, m: Member) -> Match:
    return Match(m, *sig.compare(m.signature))


def agencies_differ(agency: str | None, m: Member, story_agency: str | None = None) -> bool:
    """Two agencies' own stories are two stories, however alike (the member's own credit, or
    the one its story's records printed)."""
    theirs = m.agency or story_agency
    return bool(agency and theirs and agency != theirs)


def figures_differ(sig: Signature, m: Member) -> bool:
    """Template reports (market closes, weather, scores) share their sentences and differ in
    their figures."""
    a, b = sig.numbers, m.signature.numbers
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) < FIGURES_KEPT


def own_story_met(match: Match, agency: str | None) -> bool:
    """A credited wire copy meeting an uncredited record that is mostly other text: that
    record is a publisher's own story reusing the wire (indexed before any copy of it), not
    the wire story."""
    return bool(agency) and match.member.agency is None and match.contains < OWN_TEXT


def same_story(match: Match, sig: Signature, agency: str | None, story_agency: str | None = None) -> bool:
    m = match.member
    return (match.score >= SAME_STORY and not agencies_differ(agency, m, story_agency)
            and not figures_differ(sig, m)
            and not own_story_met(match, agency))


def reused_paragraphs(sig: Signature, m: Member, boilerplate: set[int]) -> tuple[int, float]:
    """Paragraphs of `m` the record prints word for word (boilerplate left out), and their
    share of m's text."""
    shared = [h for h in sig.paragraphs if h in m.signature.paragraphs and h not in boilerplate]
    total = m.signature.text_chars or 1
    return len(shared), sum(m.signature.paragraphs[h] for h in shared) / total


def partial_reuse(sig: Signature, m: Member, agency: str | None, boilerplate: set[int]) -> float | None:
    """A story of the record's own (no agency credit of its own) printing paragraphs of a wire
    story: the share of that story's text it reuses, else None."""
    if agency:
        return None  # a credited wire story (a follow-up repeating background) is its own story
    n, share = reused_paragraphs(sig, m, boilerplate)
    return share if n >= PARTIAL_PARAGRAPHS and share >= PARTIAL_SHARE else None


def relation_to_first(sig: Signature, first: Member) -> tuple[str, float, float, float]:
    r, c, back = sig.compare(first.signature)
    return ("copy" if c >= COPY else "edited"), max(r, c, back), r, c


class StoryJoiner:
    """Joins records to stories in an index."""

    def __init__(self, index: StoryIndex):
        self.index = index

    def join(self, record: dict, key: str | None = None, sig: Signature | None = None) -> dict:
        """The record's `story` field; the record is added to the index. A record with no
        printed credit joining a credited story as a copy or an edit gets the story's agency
        (flag `agency_from_story`). sig: the signature of the record's body, when it was made
        already (by the worker process that extracted the record)."""
        key = key or record_key(record)
        sig = sig if sig is not None else signature(record.get("body") or [])
        agency = own_agency(record)
        with self.index.joining():
            # No text: nothing to join by, the record is only looked up by its key.
            known, candidates = (self.index.lookup(key, sig.bands(), list(sig.paragraphs)) if sig.size
                                 else self.index.lookup(key, [], []))
            story, relation, similarity, r, c, first = self._decide(key, sig, agency, known, candidates)
            member = Member(key=key, story=story, url=record.get("canonical_url") or record.get("url") or key,
                            publisher=record.get("publisher"), published_at=record.get("published_at"),
                            agency=agency, headline=record.get("headline"), relation=relation,
                            similarity=similarity, signature=sig)
            self.index.add(member, new=known is None)
            # The story's agency as its records printed it (the first one wins), read with the
            # candidates: only a story without one yet is written to.
            story_agency = self._read_story_agency(story, known, candidates, first)
            if agency and not story_agency:
                self.index.set_story_agency(story, agency)
                story_agency = agency
        head = first or member
        if relation in ("copy", "edited") and story_agency and not record.get("wire"):
            record["wire"] = {"agency": story_agency, "credit": None, "dateline": None, "desk": [],
                              "contributors": [], "credits": []}
            record["flags"] = list(record.get("flags") or []) + ["agency_from_story"]
        return {"id": story, "relation": relation, "similarity": round(similarity, 3),
                "resemblance": round(r, 3), "containment": round(c, 3), "agency": story_agency,
                "url": head.url, "publisher": head.publisher, "published_at": head.published_at}

    @staticmethod
    def _read_story_agency(story: str, known: Member | None, candidates: list[Member],
                           first: Member | None) -> str | None:
        """The agency recorded for `story`, from the members the lookup read (each carries its
        story's): none of them is in a story new with this record."""
        for m in ([first] if first else []) + ([known] if known else []) + candidates:
            if m.story == story:
                return m.story_agency
        return None

    def _decide(self, key: str, sig: Signature, agency: str | None, known: Member | None, candidates: list[Member]):
        """(story, relation, similarity, resemblance, containment, the story's first record or None)."""
        if known is not None and known.relation == "first":
            return key, "first", 1.0, 1.0, 1.0, None
        if sig.size == 0:
            return key, "first", 1.0, 1.0, 1.0, None  # no text, nothing to join by
        matches = [measure(sig, m) for m in candidates]
        reuse = []
        if agency is None and any(mt.containment < OWN_TEXT and reused_paragraphs(sig, mt.member, set())[0]
                                  >= PARTIAL_PARAGRAPHS for mt in matches):
            boilerplate = {h for h, n in self.index.paragraph_stories(sig.paragraphs).items()
                           if n >= BOILERPLATE_STORIES}
            reuse = [(share, mt) for mt in matches if mt.containment < OWN_TEXT
                     and (share := partial_reuse(sig, mt.member, agency, boilerplate)) is not None]
        if reuse:
            share, best = max(reuse, key=lambda x: (x[0], x[1].member.key))
            return (best.member.story, "partial", share, best.resemblance, best.containment,
                    self._first_of(best.member.story, candidates, best.member))
        same = [mt for mt in matches if same_story(mt, sig, agency, mt.member.story_agency if agency and
                                                   mt.member.agency is None else None)]
        if same:
            best = max(same, key=lambda mt: (mt.score, mt.member.key))
            story = best.member.story
            first = self._first_of(story, candidates, best.member)
            relation, similarity, r, c = relation_to_first(sig, first)
            return story, relation, similarity, r, c, first
        return key, "first", 1.0, 1.0, 1.0, None

    def _first_of(self, story: str, candidates: list[Member], member: Member) -> Member:
        """The story's first record: among the candidates mostly, else read from the index
        (a member carries its story's agency, so it is kept when the first is read anew)."""
        first = next((m for m in candidates if m.key == story), None) or self.index.member(story)
        if first is None:
            return member
        first.story_agency = first.story_agency or member.story_agency
        return first
