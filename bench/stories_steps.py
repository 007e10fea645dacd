"""Where a story join's time goes: µs a join in each step of StoryJoiner.join (the record's key,
its signature and band keys, the lookup, the decision, the insert, the commits and the merge),
timed around each step over many joins, as stories_bench.py joins them.

    python bench/stories_steps.py [--size 100000 | --index FILE] [--joins 24000]

--index: a filled index file (stories_bench.py's fill, kept with --keep), copied before use so
two runs (two versions of the code, back to back) start from the same file; otherwise a fresh
index of --size synthetic stories is filled first. The timers cost about a microsecond a step.
"""

from __future__ import annotations

import argparse
import collections
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import stories_bench  # noqa: E402
from newsbot.core.stories import SQLiteStoryIndex, StoryJoiner  # noqa: E402
from newsbot.core.stories import grouping  # noqa: E402
from newsbot.core.stories.index import CRAWL_COMMIT_JOINS, CRAWL_COMMIT_SECONDS  # noqa: E402
from newsbot.core.stories.signature import Signature  # noqa: E402

SPENT: collections.Counter = collections.Counter()


def timed(owner, name: str, label: str) -> None:
    step = getattr(owner, name)

    def run(*args, **kwargs):
        started = time.perf_counter()
        try:
            return step(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - started

    setattr(owner, name, run)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--index", help="a filled index file to copy instead of filling one")
    ap.add_argument("--keep", help="keep the filled index here (to pass as --index later)")
    ap.add_argument("--joins", type=int, default=24_000)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="nbsteps") as tmp:
        path = Path(tmp) / "stories.sqlite3"
        if args.index:
            shutil.copy(args.index, path)
        else:
            filling = SQLiteStoryIndex(path)
            stories_bench.fill(filling, args.size)
            filling.close()
            if args.keep:
                shutil.copy(path, args.keep)
        for owner, name, label in ((grouping, "signature", "signature"), (grouping, "record_key", "key"),
                                   (Signature, "bands", "band keys"), (SQLiteStoryIndex, "lookup", "lookup"),
                                   (SQLiteStoryIndex, "add", "insert"), (SQLiteStoryIndex, "flush", "commits and merge"),
                                   (SQLiteStoryIndex, "merge_staged", "of which merge"),
                                   (StoryJoiner, "_decide", "decision"), (StoryJoiner, "join", "whole join")):
            timed(owner, name, label)
        index = SQLiteStoryIndex(path, commit_every=CRAWL_COMMIT_JOINS, commit_seconds=CRAWL_COMMIT_SECONDS)
        joiner = StoryJoiner(index)
        records = stories_bench.queries(args.joins)
        started = time.perf_counter()
        for record in records:
            joiner.join(record)
        index.flush()
        elapsed = time.perf_counter() - started
        print(f"{len(records):,} joins: {len(records) / elapsed:,.0f} records/s; merges (staged, s): {index.merges}")
        for label, seconds in SPENT.most_common():
            print(f"  {label:<18} {seconds / len(records) * 1e6:8.1f} µs a join")
        index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
