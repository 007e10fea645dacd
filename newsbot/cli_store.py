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
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.settings")
    from scrapy.utils.project import get_project_settings

    return get_project_settings().get("NEWSBOT_STORE")


def cmd_load(args: argparse.Namespace) -> int:
    from .stores import StoreUnavailable, open_store
    from .stores.load import load_feeds

    url = _store_url(args.store)
    if not url:
        print("newsbot load: no store: give --store URL or set NEWSBOT_STORE", file=sys.stderr)
        return 2
    feeds = [Path(f) for f in args.feeds]
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
          f"skipped lines: {result.bad_lines}")
    store.close()
    return 1 if result.bad_lines else 0


def add_commands(sub) -> None:
    p = sub.add_parser("load", help="load record feeds (JSON lines) into the database store")
    p.add_argument("feeds", nargs="+", metavar="FEED.jsonl")
    p.add_argument("--store", help="database URL (default: NEWSBOT_STORE)")
    p.add_argument("--batch", type=int, default=1000, help="records per transaction (default 1000)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_load)
