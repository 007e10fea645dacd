"""Subcommands for where records land: `newsbot load`, `reprocess` and `report`.

    newsbot load FEED.jsonl... [--store URL] [--batch N]
        Loads record feeds into the database store; loading a feed twice adds nothing.
    newsbot reprocess FILE.warc.gz... [-o out.jsonl] [--store URL] [-j N]
        Re-derives records from archived HTML responses with the current extractor.
    newsbot report [--store URL] [-o report.html]
        One self-contained HTML page of charts about what the store holds.

--store defaults to the NEWSBOT_STORE setting (or environment variable).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _store_url(value: str | None) -> str | None:
    if value:
        return value
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.crawling.settings")
    from scrapy.utils.project import get_project_settings

    return get_project_settings().get("NEWSBOT_STORE")


def _need_store(url: str, command: str, extra: str = "store") -> None:
    """A store URL newsbot can open, and the extra that opens it: else MissingExtra or
    UsageMistake (one line, exit 2) before any work."""
    from newsbot.cli import check_store_url
    from newsbot.extras import require

    check_store_url(url)
    require(extra, f"newsbot {command}")
    if url.startswith(("postgresql", "postgres")):
        require("postgresql", f"newsbot {command} --store postgresql://...")


def cmd_load(args: argparse.Namespace) -> int:
    url = _store_url(args.store)
    if not url:
        print("newsbot load: no store: give --store URL or set NEWSBOT_STORE", file=sys.stderr)
        return 2
    _need_store(url, "load")
    from newsbot.run import feed_kind
    from newsbot.stores import StoreUnavailable, open_store
    from newsbot.stores.load import load_feeds

    feeds = []
    for name in args.feeds:
        if feed_kind(name) in ("failures", "offers", "report"):  # a shell glob over a run folder
            print(f"newsbot load: {name}: not a records feed, passed over", file=sys.stderr)
        else:
            feeds.append(Path(name))
    missing = [str(f) for f in feeds if not f.is_file()]
    if missing:
        print(f"newsbot load: no such feed: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        store = open_store(url)
        result = load_feeds(store, feeds, args.batch, show_progress=not args.quiet)
    except StoreUnavailable as exc:
        print(f"newsbot load: store unavailable: {exc}", file=sys.stderr)
        return 1
    print(f"loaded {result.records} records from {len(feeds)} feeds ({result.runs} run reports); "
          f"skipped lines: {result.bad_lines}; refused by the store: {result.rejected}")
    store.close()
    return 1 if result.bad_lines or result.rejected else 0


def _story_joiner(where: str | None):
    """With --stories, records reprocessed join their stories in that index (the crawl's: a
    record keeps its story; issue 16)."""
    from newsbot.core.stories import StoryJoiner, open_index

    return StoryJoiner(open_index(where, commit_every=200))


def cmd_reprocess(args: argparse.Namespace) -> int:
    from newsbot.archive.reprocess import reprocess
    from newsbot.run import beside

    if args.store:
        _need_store(args.store, "reprocess")
    files = [Path(f) for f in args.files]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        print(f"newsbot reprocess: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    store = None
    if args.store:
        from newsbot.stores import StoreUnavailable, open_store

        try:
            store = open_store(args.store)
        except StoreUnavailable as exc:
            print(f"newsbot reprocess: store unavailable: {exc}", file=sys.stderr)
            return 1
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    failures_path = beside(args.output, "failures")[1] if args.output else None
    failures_out = failures_path.open("w", encoding="utf-8") if failures_path else None
    try:
        joiner = _story_joiner(args.stories) if args.stories else None
        result = reprocess(files, out, failures_out, store, jobs=max(1, args.jobs), show_progress=not args.quiet,
                           stories=joiner)
        if joiner is not None:
            joiner.index.close()
    finally:
        if args.output:
            out.close()
        if failures_out:
            failures_out.close()
        if store is not None:
            store.close()
    skipped = ", ".join(f"{k} {v}" for k, v in sorted(result.skipped.items())) or "none"
    failed = ", ".join(f"{k} {v}" for k, v in sorted(result.failures.items())) or "none"
    for line in result.damaged:
        print(f"newsbot reprocess: damaged: {line}", file=sys.stderr)
    print(f"pages: {result.pages}  records: {result.records}  duplicates: {result.duplicates}  "
          f"failed: {failed}  responses skipped: {skipped}  damaged: {len(result.damaged)}", file=sys.stderr)
    if failures_path:
        print(f"failures: {failures_path}", file=sys.stderr)
    return 1 if result.damaged else 0  # what was readable is written; the exit says some was not


def cmd_report(args: argparse.Namespace) -> int:
    url = _store_url(args.store)
    if not url:
        print("newsbot report: no store: give --store URL or set NEWSBOT_STORE", file=sys.stderr)
        return 2
    _need_store(url, "report", extra="report")
    from newsbot.stores import StoreUnavailable, open_store
    from newsbot.stores.report import build

    target = Path(args.output)
    try:
        store = open_store(url)
        page = build(store)
    except StoreUnavailable as exc:
        print(f"newsbot report: store unavailable: {exc}", file=sys.stderr)
        return 1
    store.close()
    try:  # a page that cannot be written is the user's path, not the store's
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, "utf-8")
    except OSError as exc:
        print(f"newsbot report: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"report: {target}")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("load", help="load record feeds (JSON lines) into the database store")
    p.add_argument("feeds", nargs="+", metavar="FEED.jsonl", help="record feeds a crawl wrote (.jsonl)")
    p.add_argument("--store", help="database URL (default: NEWSBOT_STORE)")
    p.add_argument("--batch", type=int, default=1000, help="records per transaction (default 1000)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_load)

    p = sub.add_parser("reprocess", help="records again from archived responses (WARC) with the current extractor")
    p.add_argument("files", nargs="+", metavar="FILE.warc.gz", help="WARC files a crawl archived (NEWSBOT_ARCHIVE)")
    p.add_argument("-o", "--output", help="records feed to write (default: standard output); failures beside it")
    p.add_argument("--store", help="also write the records to this database store")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--stories", help="join the records to their stories in this index (the crawl's: "
                                     "state/newsbot.stories.sqlite3, or redis://); default: no story, as extract")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("report", help="one self-contained HTML page of charts about the store's records and runs")
    p.add_argument("--store", help="database URL (default: NEWSBOT_STORE)")
    p.add_argument("-o", "--output", default="report.html", help="the page to write (default report.html)")
    p.set_defaults(func=cmd_report)
