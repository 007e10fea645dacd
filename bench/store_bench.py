"""Store benchmark: `newsbot load` of a 10,000-record feed into PostgreSQL, beside a plain
COPY of the same rows into the same table (the physical limit).

    python bench/store_bench.py [--records 10000] [--feed FEED.jsonl] [--batch 1000]

The feed is built from the records of a crawl of the bundled sample site (`--feed`, else
one is crawled first), each copied under a new URL until there are --records of them
(records are 4-8 KB of JSON, like the live site's). A throwaway PostgreSQL server
(pgserver) gets two fresh databases:

- load: `newsbot.stores.load.load_feeds` (what `newsbot load` runs): parse the feed, upsert
  articles, article_versions and offers, in transactions of --batch records;
- copy: the `articles` rows of the same records (the same columns and JSONB record), sent
  with one `COPY articles FROM STDIN` — no versions, no offers, no conflict handling.

Prints records/s of each and their ratio. Each is timed from the feed on disk to commit,
alternately, --repeat times on fresh databases; the best time of each is kept.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsbot.stores import article_row, open_store  # noqa: E402
from newsbot.stores.load import load_feeds, run_of  # noqa: E402
from tests.stores import new_database, start_postgres  # noqa: E402


def sample_records() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "newsbot.cli", "crawl-sample", "--port", "0",
                        "-s", "NEWSBOT_STATE=", "-s", f"NEWSBOT_OUTPUT_DIR={tmp}", "-s", "LOG_LEVEL=ERROR"],
                       check=True, capture_output=True, cwd=tmp)
        feed = next(Path(tmp).glob("business_standard/*[0-9a-f].jsonl"))
        return [json.loads(line) for line in feed.read_text("utf-8").splitlines()]


def build_feed(source: list[dict], n: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            rec = dict(source[i % len(source)])
            suffix = f"-copy{i}"
            rec["url"] = rec["url"].replace(".html", f"{suffix}.html")
            if rec.get("canonical_url"):
                rec["canonical_url"] = rec["canonical_url"].replace(".html", f"{suffix}.html")
            rec["fingerprint"] = f"{rec['fingerprint'][:30]}{i:010d}"
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def copy_rows(url: str, feed: Path) -> int:
    """The same records' articles rows, one COPY."""
    import psycopg

    store = open_store(url)  # the same table, made by the same migrations
    store.close()
    run, seen = run_of(feed)
    cols = ["key", "url", "canonical_url", "publisher", "site", "headline", "published_at", "agency",
            "access", "fingerprint", "first_seen", "last_seen", "run", "record"]
    n = 0
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        with cur.copy(f"COPY articles ({', '.join(cols)}) FROM STDIN") as copy:
            with feed.open("rb") as lines:
                for line in lines:
                    row = article_row(json.loads(line), run, seen)
                    row["record"] = line.decode("utf-8").rstrip("\n")  # the feed's JSON as is, like `newsbot load`
                    copy.write_row([row[c] for c in cols])
                    n += 1
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--feed", type=Path, help="a records feed to copy records from (default: crawl the sample site)")
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each (fresh databases), best time kept")
    args = ap.parse_args(argv)

    source = ([json.loads(line) for line in args.feed.read_text("utf-8").splitlines()] if args.feed
              else sample_records())
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "2026-11-29T06-00-00Z.jsonl"
        build_feed(source, args.records, feed)
        size = feed.stat().st_size
        server, folder = start_postgres()
        load_s = copy_s = float("inf")
        try:
            for _ in range(args.repeat):  # alternated, so a busy moment on the machine hits both
                load_url, copy_url = new_database(server), new_database(server)
                store = open_store(load_url)
                t = time.perf_counter()
                result = load_feeds(store, [feed], args.batch, show_progress=False)
                load_s = min(load_s, time.perf_counter() - t)
                assert store.count("articles") == args.records, "every record is one articles row"
                store.close()

                t = time.perf_counter()
                copied = copy_rows(copy_url, feed)
                copy_s = min(copy_s, time.perf_counter() - t)
        finally:
            server.cleanup()
    print(f"feed: {args.records:,} records, {size / 1e6:.1f} MB; batch {args.batch}; best of {args.repeat}")
    print(f"newsbot load (articles + article_versions + offers upserts): {result.records / load_s:,.0f} records/s "
          f"({load_s:.2f} s)")
    print(f"plain COPY into articles:                                    {copied / copy_s:,.0f} records/s "
          f"({copy_s:.2f} s)")
    print(f"ratio load / COPY: {copy_s / load_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
