"""Story index benchmark: records per second joining their stories (newsbot.core.stories) with
10k, 100k and 1M stories already indexed, and memory.

    python bench/stories_bench.py [--sizes 10000,100000,1000000] [--queries 3000]

For each size a fresh SQLite index (a file under a temporary folder, as a crawl keeps it) is
filled with that many stories: synthetic members with random MinHash signatures, LSH band
keys and paragraph hashes, written in bulk in key order into the large tables (filling is not
what is measured; 1M takes 2 to 3 minutes). Then records with real text are joined one by one
through StoryJoiner.join, the crawl's path, with the index opened as the crawl's pipeline
opens it (a commit a second): a third new wire stories, a third copies of them (last
paragraph cut, one word changed), a third stories of their own. Each join signs the text
(datasketch MinHash, 128 permutations), looks the record and its candidates up in one
statement (its key, its 25 LSH bands, its paragraph hashes, in the large tables and the
staged ones, in memory) and inserts the record (its keys staged in memory). By default
as many records are joined as make the index merge its staged keys into the large tables once
(one_merge_cycle: 24,000 at 10k and 100k, 115,000 at 1M), so the rate printed pays for a
merge as a long crawl does; --queries N joins N instead.

Printed per size: records/s by the clock and per CPU second of this process (user + system;
one core: the benchmark is one process; on a loaded machine the CPU second is the fairer
figure), the kernel's share of that CPU time (the index's page writes), copies found, the
index file's size, the peak RSS (with the pages of the index file it maps), and each merge
made (records staged: seconds).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsbot.core.stories import SQLiteStoryIndex, StoryJoiner  # noqa: E402
from newsbot.core.stories.index import CRAWL_COMMIT_JOINS, CRAWL_COMMIT_SECONDS, pack_paragraphs  # noqa: E402
from newsbot.core.stories.signature import NUM_PERM, band_keys  # noqa: E402

WORDS = [f"{a}{b}{c}" for a in ("ka", "ro", "mi", "te", "su", "na", "lo", "pe")
         for b in ("bra", "din", "gol", "mur", "sen", "tik", "vor", "zal")
         for c in ("", "a", "an", "er", "is", "on", "um", "ed")]


def text(rng: random.Random, paragraphs: int = 5, words: int = 45) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(words)) + "." for _ in range(paragraphs)]


def fill(index: SQLiteStoryIndex, n: int, seed: int = 1) -> float:
    """n synthetic stories straight into the index tables; seconds taken."""
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    db = index.db
    chunk = 20000
    next_id = 1
    for start in range(0, n, chunk):
        k = min(chunk, n - start)
        sigs = rng.integers(0, 2**32, size=(k, NUM_PERM), dtype=np.uint64).astype(np.uint32)
        paras = rng.integers(-2**62, 2**62, size=(k, 3), dtype=np.int64)
        keys = band_keys(sigs).tolist()
        members, bands, phash = [], [], []
        for i in range(k):
            mid = next_id + i
            key = f"//synthetic.example/{start + i}"
            hv = sigs[i]
            raw = hv.astype("<u4").tobytes()
            members.append((mid, key, key, "https:" + key, "Synthetic", "2026-01-01T00:00:00+00:00", "PTI",
                            "h", "first", 1.0, raw, 300,
                            pack_paragraphs({int(p): 200 for p in paras[i]}), ""))
            bands += [(h, mid) for h in keys[i]]
            phash += [(int(p), mid) for p in paras[i]]
        next_id += k
        db.execute("BEGIN")
        db.executemany("INSERT INTO members VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", members)
        # In key order: each chunk walks the two B-trees once instead of at random.
        db.executemany("INSERT OR IGNORE INTO bands (h, m) VALUES (?, ?)", sorted(bands))
        db.executemany("INSERT OR IGNORE INTO paras (h, m) VALUES (?, ?)", sorted(phash))
        db.execute("COMMIT")
    # Written straight into the large tables: nothing of theirs is staged.
    db.execute("UPDATE staging SET merged_through = (SELECT max(id) FROM members)")
    return time.perf_counter() - started


def one_merge_cycle(size: int) -> int:
    """Joins enough to make the index merge its staged keys once (a merge is due at
    STAGED_JOINS_MIN staged records, or 1/STAGED_SHARE of the index), plus two seconds'
    worth: the rate printed then pays for one merge, as a long crawl does."""
    due = min(SQLiteStoryIndex.STAGED_JOINS_MAX,
              max(SQLiteStoryIndex.STAGED_JOINS_MIN, -(-size // (SQLiteStoryIndex.STAGED_SHARE - 1))))
    return due + 4000


def queries(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n // 3):
        body = text(rng)
        wire = {"agency": "PTI", "credit": "(PTI)", "dateline": None, "desk": [], "contributors": [], "credits": []}
        out.append({"url": f"https://wire.example/{i}", "publisher": "W", "published_at": "2026-02-01T10:00:00+00:00",
                    "headline": f"story {i}", "body": body, "wire": wire, "flags": []})
        copy = body[:-1]
        copy[0] = copy[0].replace(copy[0].split()[3], "changed", 1)
        out.append({"url": f"https://copy.example/{i}", "publisher": "C", "published_at": "2026-02-01T10:09:00+00:00",
                    "headline": f"Story {i}", "body": copy, "wire": None, "flags": []})
        out.append({"url": f"https://own.example/{i}", "publisher": "O", "published_at": "2026-02-01T11:00:00+00:00",
                    "headline": f"own {i}", "body": text(rng), "wire": None, "flags": []})
    return out


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--queries", type=int, default=0,
                    help="records joined per size (default: one merge cycle, see one_merge_cycle)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'indexed':>10} {'fill s':>8} {'records/s':>10} {'per CPU s':>10} {'sys %':>6} {'copies found':>13} "
          f"{'index MiB':>10} {'peak RSS MiB':>13} {'merges (staged, s)':>20}")
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="nbstories") as tmp:
            path = Path(tmp) / "stories.sqlite3"
            # As the crawl's pipeline opens it: a commit a second.
            index = SQLiteStoryIndex(path, commit_every=CRAWL_COMMIT_JOINS, commit_seconds=CRAWL_COMMIT_SECONDS)
            fill_s = fill(index, size)
            joiner = StoryJoiner(index)
            recs = queries(args.queries or one_merge_cycle(size))
            started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
            stories = [joiner.join(r) for r in recs]
            index.flush()  # the last joins' commit counts too
            elapsed, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF)
            user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
            cpu = user + system
            found = sum(1 for r, s in zip(recs, stories) if r["publisher"] == "C" and s["relation"] != "first")
            merges = " ".join(f"{n:,}:{sec:.1f}" for n, sec in index.merges) or "none"
            index.close()
            size_mib = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2**20
        print(f"{size:>10,} {fill_s:>8.1f} {len(recs) / elapsed:>10,.0f} {len(recs) / cpu:>10,.0f} "
              f"{100 * system / cpu:>6.0f} "
              f"{found:>6}/{len(recs) // 3:<6} "
              f"{size_mib:>10,.0f} {peak_rss_mib():>13,.0f} {merges:>20}", flush=True)
    # A hostile page: 20,000 one-word paragraphs, each a paragraph hash to look up and store.
    with tempfile.TemporaryDirectory(prefix="nbstories") as tmp:
        joiner = StoryJoiner(SQLiteStoryIndex(Path(tmp) / "stories.sqlite3"))
        body = [f"line{n:06d}" + "x" * 50 for n in range(20_000)]
        started = time.perf_counter()
        joiner.join({"url": "https://long.example/1", "body": body, "wire": None, "flags": []})
        joiner.join({"url": "https://long.example/2", "body": body[:19_000], "wire": None, "flags": []})
        print(f"a page of 20,000 paragraphs and a copy of it: {time.perf_counter() - started:.2f} s for both joins")
        joiner.index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
