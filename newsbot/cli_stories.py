"""`newsbot stories` and `newsbot story`: who ran which wire story, when, and what they changed.

    newsbot stories FEED.jsonl... | --store URL [--agency A] [--since D] [--min-publishers N] [-o FILE]
        One JSON line per story, every input record in exactly one story.
    newsbot story ID --store URL
        Each member against the first: headline, lag, paragraphs cut, added and edited, disclaimer.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Iterable, Iterator


class BadInput(Exception):
    pass


def read_records(feeds: Iterable[str], errors: list[str] | None = None) -> Iterator[dict]:
    """Article records from JSON-lines feeds (.gz too); a line that is no record is counted
    in `errors` (with its place) and passed over."""
    for name in feeds:
        path = Path(name)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except ValueError as exc:
                    if errors is not None:
                        errors.append(f"{name}:{n}: not JSON ({exc.msg})")
                    continue
                if not isinstance(rec, dict) or not isinstance(rec.get("url"), str) or not isinstance(
                        rec.get("body", []), list):
                    if errors is not None:
                        errors.append(f"{name}:{n}: not an article record")
                    continue
                yield rec


def group_records(records: Iterable[dict], index=None) -> list[dict]:
    """Join records to stories afresh, earliest published first (so a story's first record is
    the first publication), in an index in memory (or `index`). Returns the records, each with
    `story`."""
    from newsbot.core.keys import record_key
    from newsbot.core.stories import SQLiteStoryIndex, StoryJoiner

    latest: dict[str, dict] = {}
    for rec in records:
        try:
            latest[record_key(rec)] = rec  # a page delivered twice (an update): its last version
        except (KeyError, TypeError, ValueError):
            continue
    ordered = sorted(latest.items(), key=lambda kv: (kv[1].get("published_at") or "9999", kv[0]))
    joiner = StoryJoiner(index if index is not None else SQLiteStoryIndex(":memory:", commit_every=10_000))
    for key, rec in ordered:
        rec["story"] = joiner.join(rec, key)
    joiner.index.close()
    return [rec for _, rec in ordered]


def stories_of(records: Iterable[dict]) -> list[dict]:
    """One line per story from records that carry `story`."""
    by_story: dict[str, list[dict]] = {}
    for rec in records:
        by_story.setdefault(rec["story"]["id"], []).append(rec)
    out = []
    for sid, recs in by_story.items():
        recs.sort(key=lambda r: (r["story"]["relation"] != "first", r.get("published_at") or "9999", r["url"]))
        first = recs[0]
        out.append({"story": sid, "agency": first["story"].get("agency"), "headline": first.get("headline"),
                    "first_published_at": first["story"].get("published_at"),
                    "members": [{"url": r["url"], "publisher": r.get("publisher"),
                                 "published_at": r.get("published_at"), "similarity": r["story"]["similarity"],
                                 "relation": r["story"]["relation"]} for r in recs]})
    out.sort(key=lambda s: (s["first_published_at"] or "9999", s["story"]))
    return out


def keep(story: dict, agency: str | None, since: str | None, min_publishers: int) -> bool:
    if agency and (story["agency"] or "").casefold() != agency.casefold():
        return False
    if since and (story["first_published_at"] or "") < since:
        return False
    return len({m["publisher"] for m in story["members"]}) >= min_publishers


def cmd_stories(args: argparse.Namespace) -> int:
    if bool(args.feeds) == bool(args.store):
        print("newsbot stories: give record feeds or --store URL (one of them)", file=sys.stderr)
        return 2
    if args.min_publishers < 1:
        print("newsbot stories: --min-publishers takes 1 or more", file=sys.stderr)
        return 2
    if args.store:
        from newsbot.stores.stories import stories_from_store

        try:
            stories = stories_from_store(args.store)
        except Exception as exc:  # noqa: BLE001  (a store that cannot be read is one line)
            print(f"newsbot stories: store unavailable: {exc}", file=sys.stderr)
            return 1
    else:
        missing = [f for f in args.feeds if not Path(f).is_file()]
        if missing:
            print(f"newsbot stories: no such feed: {', '.join(missing)}", file=sys.stderr)
            return 2
        errors: list[str] = []
        stories = stories_of(group_records(read_records(args.feeds, errors)))
        for e in errors[:20]:
            print(f"newsbot stories: {e}: passed over", file=sys.stderr)
        if len(errors) > 20:
            print(f"newsbot stories: ... {len(errors) - 20} more lines passed over", file=sys.stderr)
    out = open(args.output, "w", encoding="utf-8") if args.output and args.output != "-" else sys.stdout
    try:
        n = 0
        for s in stories:
            if keep(s, args.agency, args.since, args.min_publishers):
                out.write(json.dumps(s, ensure_ascii=False) + "\n")
                n += 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"stories: {n} (of {len(stories)})", file=sys.stderr)
    return 0


def cmd_story(args: argparse.Namespace) -> int:
    from newsbot.stores.stories import story_detail, format_story

    try:
        detail = story_detail(args.store, args.id)
    except Exception as exc:  # noqa: BLE001
        print(f"newsbot story: store unavailable: {exc}", file=sys.stderr)
        return 1
    if detail is None:
        print(f"newsbot story: no story {args.id} in the store", file=sys.stderr)
        return 1
    print(json.dumps(detail, ensure_ascii=False, indent=1) if args.json else format_story(detail))
    return 0


def _date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def add_commands(sub) -> None:
    p = sub.add_parser("stories", help="one JSON line per wire story: who ran it, when, how close to the first")
    p.add_argument("feeds", nargs="*", metavar="FEED.jsonl", help="records feeds to group (or --store)")
    p.add_argument("--store", help="read the stories the store holds instead of feeds")
    p.add_argument("--agency", help="only stories credited to this agency")
    p.add_argument("--since", type=_date, help="only stories first published on or after this day (YYYY-MM-DD)")
    p.add_argument("--min-publishers", type=int, default=1, metavar="N", help="only stories run by N publishers or more")
    p.add_argument("-o", "--output", help="write the lines to this file (default standard output)")
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("story", help="one story's members against its first record: headline, lag, cuts, edits")
    p.add_argument("id", help="the story's id (the key of its first record)")
    p.add_argument("--store", required=True, help="database URL")
    p.add_argument("--json", action="store_true", help="JSON instead of text")
    p.set_defaults(func=cmd_story)
