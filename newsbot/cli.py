"""The `newsbot` command.

    newsbot extract FILE... [--url URL] [--profile NAME] [--pretty]
        One JSON line per input, in order; `-` is standard input; `.gz` is read
        transparently. A file that cannot be read or parsed is named on stderr, the rest
        still run, and the exit code is 1 at the end.
    newsbot crawl SPIDER [-a NAME=VALUE]... [-s NAME=VALUE]... [--fail-on-monitor]
        `scrapy crawl` with the project's settings; prints where the feeds are; with
        --fail-on-monitor exits 3 when a spidermon monitor failed (for cron).
    newsbot crawl-sample [--port N] [--publisher PROFILE]... [-a ...] [-s ...]
        Serves each publisher of the bundled sample site on its own 127.0.0.1 port and
        crawls them one after another with the publisher spider; prints per-publisher counts.
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


def _sample_sites(root: Path, only: list[str] | None) -> list[dict]:
    index = json.loads((Path(root) / "sites.json").read_text("utf-8"))
    sites = index["sites"]
    if only:
        unknown = sorted(set(only) - {s["profile"] for s in sites})
        if unknown:
            raise KeyError(f"the sample site has no publisher {', '.join(unknown)}; "
                           f"it has {', '.join(s['profile'] for s in sites)}")
        sites = [s for s in sites if s["profile"] in only]
    return sites


def run_crawls(jobs: list[tuple[str, dict]], overrides: dict) -> list[dict]:
    """Several crawls one after another in this process (Scrapy's reactor starts once), each
    with its own spider arguments; returns their reports in order. One after another, not at
    once: the crawls share the state store."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings
    from twisted.internet import defer

    settings = get_project_settings()
    settings.setdict(overrides, priority="cmdline")
    process = CrawlerProcess(settings)
    crawlers = []
    errors = []

    @defer.inlineCallbacks
    def one_after_another():
        try:
            for spider, spider_args in jobs:
                crawler = process.create_crawler(spider)
                crawlers.append(crawler)
                yield process.crawl(crawler, **spider_args)
        except Exception as exc:  # a crawl that cannot start ends the chain, named on stderr
            errors.append(exc)
        finally:
            from twisted.internet import reactor  # the one the first crawler installed

            reactor.callLater(0, reactor.stop)

    one_after_another()
    process.start(stop_after_crawl=False)
    for exc in errors:
        print(f"newsbot: crawl failed to run: {type(exc).__name__}: {exc}", file=sys.stderr)
    reports = []
    for crawler in crawlers:
        ext = getattr(crawler, "newsbot_report", None)
        reports.append((ext.report if ext is not None else None) or {})
    return reports + [{}] * (len(jobs) - len(reports))


def cmd_crawl_sample(args: argparse.Namespace) -> int:
    from .sample_site import start_sample_site
    from .spiders.publisher import SpiderArgumentError, check_arguments

    sites = _sample_sites(args.root, args.publisher)
    spider_args = _pairs(args.a, "-a")
    try:  # a bad argument is one line before any server starts
        check_arguments(profile=sites[0]["profile"], base_url="http://127.0.0.1", **spider_args)
    except SpiderArgumentError as exc:
        print(f"newsbot crawl-sample: {exc}", file=sys.stderr)
        return 2
    servers, jobs = [], []
    try:
        for i, site in enumerate(sites):
            # Each publisher is its own site: own loopback port, own robots.txt.
            root = Path(args.root) / site["root"]
            try:
                server, base_url = start_sample_site(root, port=args.port + i if args.port else 0)
            except OSError:  # the usual port is taken: any free one (the state store then sees a new site)
                server, base_url = start_sample_site(root, port=0)
            servers.append(server)
            print(f"sample site: {site['publisher']} at {base_url}", flush=True)
            jobs.append(("publisher", {"profile": site["profile"], "base_url": base_url, **spider_args}))
        # Our own loopback servers: no need for the live sites' politeness delays.
        overrides = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
                     "RETRY_TIMES": 2, "LOG_LEVEL": "INFO", **_pairs(args.s, "-s")}
        reports = run_crawls(jobs, overrides)
    finally:
        for server in servers:
            server.shutdown()
    failed_monitor = False
    for site, report in zip(sites, reports):
        print(f"\n{site['publisher']} ({site['profile']})")
        _print_report(report)
        failed_monitor |= bool(report.get("monitors_failed"))
    print("\nper publisher:")
    for site, report in zip(sites, reports):
        print(f"  {site['profile']:<20} records: {report.get('records', 0):>3}  failures: {report.get('failures', 0)}"
              f"  pages fetched: {report.get('pages_fetched', 0)}")
    print(f"  {'total':<20} records: {sum(r.get('records', 0) for r in reports):>3}")
    if not all(reports):
        return 1
    if args.fail_on_monitor and failed_monitor:
        return 3
    return 0


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

    from .sample_site import DEFAULT_ROOT, SAMPLES
    p = sub.add_parser("crawl", help="run a spider with the project's settings")
    p.add_argument("spider")
    p.add_argument("-a", action="append", metavar="NAME=VALUE", help="spider argument")
    p.add_argument("-s", action="append", metavar="NAME=VALUE", help="setting override")
    p.add_argument("--fail-on-monitor", action="store_true", help="exit 3 when a monitor failed")
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("crawl-sample", help="serve the bundled sample site's publishers on 127.0.0.1 and crawl each")
    p.add_argument("--root", default=str(SAMPLES), help="folder with sites.json (default: the bundled sample site)")
    p.add_argument("--port", type=int, default=8765,
                   help="first loopback port, one more per publisher (default 8765; fixed ports keep the sites' "
                        "URLs, so runs are incremental; 0: any free ports)")
    p.add_argument("--publisher", action="append", metavar="PROFILE",
                   help="crawl only this publisher of the sample site (repeatable)")
    p.add_argument("-a", action="append", metavar="NAME=VALUE", help="spider argument")
    p.add_argument("-s", action="append", metavar="NAME=VALUE", help="setting override")
    p.add_argument("--fail-on-monitor", action="store_true", help="exit 3 when a monitor failed")
    p.set_defaults(func=cmd_crawl_sample)

    p = sub.add_parser("sample-site", help="serve one publisher of the bundled sample site on 127.0.0.1")
    p.add_argument("--root", default=str(DEFAULT_ROOT))
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
