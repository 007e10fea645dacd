"""The store's stories (issue 16): `story_members` rows written with their records, in the
same transaction; `stories` kept as the aggregate of its members; and the reading side of
`newsbot stories --store` and `newsbot story`.

What a member changed against its story's first record is a paragraph diff (difflib):
paragraphs added, removed (cut) and edited (a paragraph of the first in other words)."""

from __future__ import annotations

import difflib
import re
from datetime import datetime

import sqlalchemy as sa

from . import schema

_SPACE = re.compile(r"\s+")


def _norm(p: str) -> str:
    return _SPACE.sub(" ", p).strip().casefold()


def paragraph_changes(first: list[str], body: list[str]) -> dict:
    """Paragraphs of `first` cut, paragraphs `body` added, pairs edited, and paragraphs only
    split in two or merged (difflib opcodes on the paragraph lists; inside a replaced block a
    paragraph that is two of the other side joined is a split or a merge, the rest pair one
    for one as edits, and what is left over is added or cut)."""
    a, b = [_norm(p) for p in first], [_norm(p) for p in body]
    out = {"removed": [], "added": [], "edited": [], "split": [], "merged": []}
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "delete":
            out["removed"] += first[i1:i2]
        elif op == "insert":
            out["added"] += body[j1:j2]
        elif op == "replace":
            i, j = i1, j1
            while i < i2 and j < j2:
                if i + 1 < i2 and b[j] == f"{a[i]} {a[i + 1]}":
                    out["merged"].append(body[j])
                    i, j = i + 2, j + 1
                elif j + 1 < j2 and a[i] == f"{b[j]} {b[j + 1]}":
                    out["split"].append(first[i])
                    i, j = i + 1, j + 2
                else:
                    out["edited"].append((first[i], body[j]))
                    i, j = i + 1, j + 1
            out["removed"] += first[i:i2]
            out["added"] += body[j:j2]
    return out


def _first_records(conn, wanted: set[str], batch: dict[str, dict]) -> dict[str, dict]:
    found = {k: batch[k] for k in wanted if k in batch}
    rest = list(wanted - set(found))
    if rest:
        t = schema.articles
        for key, record in conn.execute(sa.select(t.c.key, t.c.record).where(t.c.key.in_(rest))):
            found[key] = record
    return found


def member_row(key: str, record: dict, first: dict | None, seen: datetime, utc, site) -> dict:
    story = record["story"]
    published, first_published = utc(record.get("published_at")), utc(story.get("published_at"))
    row = {"key": key, "story": story["id"], "url": record["url"], "publisher": record.get("publisher"),
           "site": site(record.get("canonical_url") or record["url"]), "published_at": published,
           "lag_seconds": (published - first_published).total_seconds() if published and first_published else None,
           "similarity": story["similarity"], "relation": story["relation"], "headline": record.get("headline"),
           "headline_changed": None, "paragraphs_added": None, "paragraphs_removed": None,
           "paragraphs_edited": None, "last_seen": seen}
    if first is not None:
        ch = paragraph_changes(first.get("body") or [], record.get("body") or [])
        row.update(headline_changed=(record.get("headline") or "") != (first.get("headline") or ""),
                   paragraphs_added=len(ch["added"]), paragraphs_removed=len(ch["removed"]),
                   paragraphs_edited=len(ch["edited"]))
    return row


def write_story_rows(store, conn, records: dict[str, dict], seen: datetime) -> None:
    """Upsert the members of a batch and the stories they belong to (inside the batch's
    transaction: a record and its story row commit together)."""
    from newsbot.core.keys import site_of

    from . import _utc

    firsts = _first_records(conn, {r["story"]["id"] for r in records.values()}, records)
    rows = [member_row(k, r, firsts.get(r["story"]["id"]), seen, _utc, site_of) for k, r in records.items()]
    t = schema.story_members
    store._upsert(conn, t, rows, [t.c.key],
                  lambda stmt: {c.name: getattr(stmt.excluded, c.name) for c in t.columns if c.name != "key"})
    touched = sorted({r["story"] for r in rows})
    m = schema.story_members
    members = conn.execute(sa.select(m.c.story, m.c.key, m.c.publisher, m.c.published_at, m.c.url,
                                     m.c.headline, m.c.relation, m.c.last_seen)
                           .where(m.c.story.in_(touched))).all()
    by_story: dict[str, list] = {}
    for row in members:
        by_story.setdefault(row.story, []).append(row)
    story_rows = []
    for sid, ms in by_story.items():
        first = next((x for x in ms if x.key == sid), None) or min(
            ms, key=lambda x: (x.published_at is None, x.published_at or seen, x.key))
        rec = records.get(first.key) or firsts.get(sid) or {}
        agency = next((r["story"].get("agency") for r in records.values()
                       if r["story"]["id"] == sid and r["story"].get("agency")), None)
        story_rows.append({"id": sid, "agency": agency, "first_headline": first.headline,
                           "first_published_at": first.published_at or _utc(rec.get("published_at")),
                           "first_publisher": first.publisher, "first_url": first.url,
                           "members": len(ms), "publishers": len({x.publisher for x in ms}),
                           "last_seen": max(x.last_seen for x in ms)})
    s = schema.stories
    store._upsert(conn, s, story_rows, [s.c.id], lambda stmt: {
        "agency": sa.func.coalesce(stmt.excluded.agency, s.c.agency),
        **{c: getattr(stmt.excluded, c) for c in ("first_headline", "first_published_at", "first_publisher",
                                                  "first_url", "members", "publishers", "last_seen")}})


# --- reading ------------------------------------------------------------------------------------
def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def stories_from_store(url: str) -> list[dict]:
    """Every story in the store, in `newsbot stories`' line form (members in order of publication)."""
    from . import open_store

    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            s, m, a = schema.stories, schema.story_members, schema.articles
            heads = {r.id: r for r in conn.execute(sa.select(s))}
            rows = conn.execute(sa.select(m.c.story, m.c.key, m.c.url, m.c.publisher, m.c.published_at,
                                          m.c.similarity, m.c.relation, a.c.record["published_at"].label("printed"))
                                .join(a, a.c.key == m.c.key, isouter=True)).all()
    finally:
        store.close()
    members: dict[str, list] = {}
    for r in rows:
        members.setdefault(r.story, []).append(r)
    out = []
    for sid, head in heads.items():
        ms = sorted(members.get(sid, []), key=lambda r: (r.relation != "first", r.published_at is None,
                                                          r.published_at or head.last_seen, r.url))
        first_printed = next((m.printed for m in ms if m.relation == "first"), None)
        out.append({"story": sid, "agency": head.agency, "headline": head.first_headline,
                    "first_published_at": first_printed if isinstance(first_printed, str)
                    else _iso(head.first_published_at),
                    "members": [{"url": r.url, "publisher": r.publisher,
                                 "published_at": r.printed if isinstance(r.printed, str) else _iso(r.published_at),
                                 "similarity": r.similarity, "relation": r.relation} for r in ms]})
    out.sort(key=lambda x: (x["first_published_at"] or "9999", x["story"]))
    return out


def story_detail(url: str, story_id: str) -> dict | None:
    """One story, each member against the first: headline, lag, paragraphs cut, added and
    edited, the disclaimer each publisher added."""
    from . import open_store

    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            s, m, a = schema.stories, schema.story_members, schema.articles
            head = conn.execute(sa.select(s).where(s.c.id == story_id)).first()
            if head is None:
                return None
            rows = conn.execute(sa.select(m, a.c.record).join(a, a.c.key == m.c.key, isouter=True)
                                .where(m.c.story == story_id)).all()
    finally:
        store.close()
    rows = sorted(rows, key=lambda r: (r.key != story_id, r.lag_seconds is None, r.lag_seconds or 0, r.url))
    first = next((r.record for r in rows if r.key == story_id), None) or (rows[0].record if rows else None) or {}
    members = []
    for r in rows:
        rec = r.record or {}
        ch = paragraph_changes(first.get("body") or [], rec.get("body") or [])
        members.append({"url": r.url, "publisher": r.publisher, "published_at": rec.get("published_at"),
                        "lag_seconds": r.lag_seconds, "relation": r.relation, "similarity": r.similarity,
                        "headline": r.headline, "headline_changed": r.headline_changed,
                        "disclaimer": rec.get("disclaimer"), "cut": ch["removed"], "added": ch["added"],
                        "split": ch["split"], "merged": ch["merged"],
                        "edited": [{"first": x, "member": y} for x, y in ch["edited"]]})
    return {"story": story_id, "agency": head.agency, "headline": head.first_headline,
            "first_published_at": first.get("published_at") or _iso(head.first_published_at),
            "first_publisher": head.first_publisher, "members": members}


def _lag(seconds: float | None) -> str:
    if seconds is None:
        return "lag unknown"
    sign = "-" if seconds < 0 else "+"
    seconds = abs(int(seconds))
    h, rem = divmod(seconds, 3600)
    return f"{sign}{h}h{rem // 60:02d}m" if h else f"{sign}{rem // 60}m"


def format_story(d: dict) -> str:
    """`newsbot story` as text: the first record, then each member beside it."""
    lines = [f"story {d['story']}", f"  agency: {d['agency'] or '-'}   first: {d['first_publisher']} "
             f"{d['first_published_at']}", f"  headline: {d['headline']}", ""]
    for mem in d["members"]:
        lines.append(f"{mem['publisher']}  {mem['relation']}  similarity {mem['similarity']:.3f}  "
                     f"{_lag(mem['lag_seconds']) if mem['relation'] != 'first' else 'first'}")
        lines.append(f"  {mem['url']}")
        if mem["relation"] != "first":
            lines.append(f"  headline: {mem['headline']}" + ("" if mem["headline_changed"] else "  (unchanged)"))
        for p in mem["cut"] if mem["relation"] != "first" else []:
            lines.append(f"  - cut:    {p}")
        for p in mem["added"] if mem["relation"] != "first" else []:
            lines.append(f"  + added:  {p}")
        for p in mem["split"]:
            lines.append(f"  | split:  {p}")
        for p in mem["merged"]:
            lines.append(f"  | merged: {p}")
        for e in mem["edited"]:
            words = difflib.ndiff(e["first"].split(), e["member"].split())
            changed = " ".join(w for w in words if w[:1] in "+-")
            lines.append(f"  ~ edited: {changed}")
        if mem["disclaimer"]:
            lines.append(f"  disclaimer: {mem['disclaimer']}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
