"""The `newsbot` command.

    newsbot extract FILE... [--url URL] [--profile NAME] [--pretty]
        One JSON line per input, in order; `-` is standard input; `.gz` is read
        transparently. A file that cannot be read or parsed is named on stderr, the rest
        still run, and the exit code is 1 at the end.
    newsbot crawl SPIDER [-a NAME=VALUE]... [-s NAME=VALUE]... [--fail-on-monitor]
        `scrapy crawl` with the project's settings; prints where the feeds are; with
        --fail-on-monitor exits 3 when a spidermon monitor failed (for cron).
    newsbot crawl-sample [--port N] [-a ...] [-s ...]
        Serves the bundled sample site on 127.0.0.1 and crawls it with business_standard.
    newsbot sample-site [--root DIR] [--port N]
        Only serve the sample site.
    newsbot profiles
        The publisher profiles: name, publisher, domains, discovery sources, one a line.
    newsbot offers [PUBLISHER] [--state PATH]
        The paywall offer history the state store kept, as a table.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .extract import PageError, extract


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def cmd_extract(args: argparse.Namespace) -> int:
    if args.url and len(args.files) > 1:
        print("newsbot extract: --url takes one file only", file=sys.stderr)
        return 2
    failed = 0
    out = sys.stdout
    for name in args.files:
        try:
            data = _read(name)
            record = extract(data, url=args.url, profile=args.profile)
        except (OSError, PageError) as exc:
            failed += 1
            print(f"newsbot extract: {name}: {exc}", file=sys.stderr)
            continue
        except Exception as exc:  # one bad page must not stop the others
            failed += 1
            print(f"newsbot extract: {name}: cannot parse: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        indent = 1 if args.pretty else None
        out.write(json.dumps(record.to_dict(), ensure_ascii=False, indent=indent) + "\n")
        out.flush()
    return 1 if failed else 0


def _pairs(values: list[str] | None, flag: str) -> dict[str, str]:
    out = {}
    for value in values or []:
        if "=" not in value:
            raise SystemExit(f"newsbot: {flag} takes NAME=VALUE, got {value!r}")
        k, v = value.split("=", 1)
        out[k] = v
    return out


def run_crawl(spider: str, spider_args: dict, overrides: dict) -> dict:
    """Run one crawl in this process with the project's settings; returns its report."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.setdict(overrides, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider)
    process.crawl(crawler, **spider_args)
    process.start()
    ext = getattr(crawler, "newsbot_report", None)
    return (ext.report if ext is not None else None) or {}


def _print_report(report: dict) -> None:
    feeds = report.get("feeds", {})
    print(f"records: {report.get('records', 0)}  failures: {report.get('failures', 0)}  "
          f"pages fetched: {report.get('pages_fetched', 0)}  elapsed: {report.get('elapsed_seconds')}s")
    unchanged = report.get("unchanged_skipped", 0) + report.get("not_refetched", 0)
    if unchanged or report.get("updates"):
        print(f"updates: {report.get('updates', 0)}  unchanged since an earlier run (no record): {unchanged}")
    for name, path in feeds.items():
        print(f"{name:>9}: {path}")
    if report.get("monitors_failed"):
        print("monitors failed:", *report["monitors_failed"], sep="\n  ")


def cmd_crawl(args: argparse.Namespace) -> int:
    report = run_crawl(args.spider, _pairs(args.a, "-a"), _pairs(args.s, "-s"))
    _print_report(report)
    if not report:
        return 1
    if args.fail_on_monitor and report.get("monitors_failed"):
        return 3
    return 0


def cmd_crawl_sample(args: argparse.Namespace) -> int:
    from .sample_site import start_sample_site

    try:
        server, base_url = start_sample_site(args.root, port=args.port)
    except OSError:  # the usual port is taken: any free one (the state store then sees a new site)
        server, base_url = start_sample_site(args.root, port=0)
    print(f"sample site: {base_url} (serving {args.root})", flush=True)
    spider_args = {"base_url": base_url, **_pairs(args.a, "-a")}
    # Our own loopback server: no need for the live site's politeness delays.
    overrides = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
                 "RETRY_TIMES": 2, "LOG_LEVEL": "INFO", **_pairs(args.s, "-s")}
    try:
        report = run_crawl("business_standard", spider_args, overrides)
    finally:
        server.shutdown()
    _print_report(report)
    if args.fail_on_monitor and report.get("monitors_failed"):
        return 3
    return 0 if report else 1


def cmd_sample_site(args: argparse.Namespace) -> int:
    from .sample_site import start_sample_site

    try:
        server, base_url = start_sample_site(args.root, port=args.port)
    except OSError:  # the usual port is taken: any free one (the state store then sees a new site)
        server, base_url = start_sample_site(args.root, port=0)
    print(f"serving {args.root} at {base_url} (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever_thread.join()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


def cmd_offers(args: argparse.Namespace) -> int:
    from .state import open_state

    spec = args.state
    if not spec:
        os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.settings")
        from scrapy.utils.project import get_project_settings

        spec = get_project_settings().get("NEWSBOT_STATE")
    if not spec or (not spec.startswith(("redis://", "rediss://")) and not Path(spec).exists()):
        print(f"newsbot offers: no state store at {spec!r} (run a crawl first)", file=sys.stderr)
        return 1
    store = open_state(spec)
    rows = store.offer_history(args.publisher)
    header = ("publisher", "plan", "price", "currency", "term (months)", "per month", "first seen", "last seen")
    table = [header] + [
        (r.publisher, r.plan or "-", "-" if r.price is None else f"{r.price:g}", r.currency or "-",
         "-" if r.term_months is None else f"{r.term_months:g}",
         "-" if r.price is None or not r.term_months else f"{r.price / r.term_months:.2f}",
         r.first_seen, r.last_seen)
        for r in rows
    ]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    for n, row in enumerate(table):
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    if len(table) == 1:
        print("(no offers recorded" + (f" for {args.publisher})" if args.publisher else ")"))
    return 0


def cmd_profiles(args: argparse.Namespace) -> int:
    from . import profiles

    for p in profiles.PROFILES:
        print(f"{p.name}\t{p.publisher}\t{','.join(p.domains)}\t{' '.join(p.discovery) or '-'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsbot", description="News pages with wire copy -> JSON records")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="print one JSON record per saved page (HTML or text, .gz ok, - for stdin)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--url", help="the page's URL (one file only); picks the publisher profile")
    p.add_argument("--profile", help="force a publisher profile (e.g. business_standard)")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.set_defaults(func=cmd_extract)

    sample_root = str(Path(__file__).resolve().parent.parent / "samples" / "site")
    p = sub.add_parser("crawl", help="run a spider with the project's settings")
    p.add_argument("spider")
    p.add_argument("-a", action="append", metavar="NAME=VALUE", help="spider argument")
    p.add_argument("-s", action="append", metavar="NAME=VALUE", help="setting override")
    p.add_argument("--fail-on-monitor", action="store_true", help="exit 3 when a monitor failed")
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("crawl-sample", help="serve the bundled sample site on 127.0.0.1 and crawl it")
    p.add_argument("--root", default=sample_root)
    p.add_argument("--port", type=int, default=8765,
                   help="loopback port (default 8765; a fixed port keeps the site's URLs, so runs are incremental)")
    p.add_argument("-a", action="append", metavar="NAME=VALUE", help="spider argument")
    p.add_argument("-s", action="append", metavar="NAME=VALUE", help="setting override")
    p.add_argument("--fail-on-monitor", action="store_true", help="exit 3 when a monitor failed")
    p.set_defaults(func=cmd_crawl_sample)

    p = sub.add_parser("sample-site", help="serve the bundled sample site on 127.0.0.1")
    p.add_argument("--root", default=sample_root)
    p.add_argument("--port", type=int, default=8765)
    p.set_defaults(func=cmd_sample_site)

    p = sub.add_parser("profiles", help="list the publisher profiles (name, publisher, domains, discovery)")
    p.set_defaults(func=cmd_profiles)

    p = sub.add_parser("offers", help="a publisher's paywall offer history, as a table")
    p.add_argument("publisher", nargs="?")
    p.add_argument("--state", help="state store (default: the NEWSBOT_STATE setting)")
    p.set_defaults(func=cmd_offers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyError as exc:
        print(f"newsbot: {exc.args[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
