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


class UsageMistake(Exception):
    """A command line that cannot run: one line on stderr, exit code 2."""


def _read(name: str) -> bytes:
    """An input's bytes; a `.gz` (or any gzip) input is decompressed in bounded chunks by
    the page loader, so a small file cannot expand to gigabytes here."""
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def _source_url(name: str) -> str:
    """What names an input in its record's `url` when --url is not given: the file's
    file:// URL (standard input: file:///dev/stdin), so output lines match their files."""
    return "file:///dev/stdin" if name == "-" else Path(name).resolve().as_uri()


def cmd_extract(args: argparse.Namespace) -> int:
    if args.url and len(args.files) > 1:
        raise UsageMistake("--url takes one file only")
    if args.profile:
        from . import profiles

        try:
            profiles.get(args.profile)
        except KeyError as exc:
            raise UsageMistake(exc.args[0]) from None
    failed = 0
    out = sys.stdout
    for name in args.files:
        try:
            data = _read(name)
            record = extract(data, url=args.url or _source_url(name), profile=args.profile)
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
            raise UsageMistake(f"{flag} takes NAME=VALUE, got {value!r}")
        k, v = value.split("=", 1)
        out[k] = v
    return out


class CrawlError(Exception):
    """A crawl that could not start or could not deliver: one line for the user, and the exit code."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def run_crawl(spider: str, spider_args: dict, overrides: dict, output: list[str] | None = None,
              overwrite_output: list[str] | None = None) -> dict:
    """Run one crawl in this process with the project's settings; returns its report, with
    `errors` (a feed or the state store that could not be written: the run is not good).
    Raises CrawlError when the crawl cannot start (a usage mistake: exit code 2; a state
    store in use or damaged: 1)."""
    from scrapy.crawler import CrawlerProcess

    from .extensions.report import CrawlReport
    from .extensions.state import run_state
    from .spiders.base import UsageError
    from .state import StateStoreError

    settings = _settings(overrides, output, overwrite_output)
    # Usage mistakes are found before Scrapy starts logging: one line, exit 2.
    from scrapy.spiderloader import get_spider_loader

    loader = get_spider_loader(settings)
    try:
        spidercls = loader.load(spider)
    except KeyError:
        raise CrawlError(f"no spider named {spider!r} (spiders: {', '.join(sorted(loader.list()))})", 2) from None
    try:
        spidercls(**spider_args)
    except (UsageError, TypeError) as exc:
        raise CrawlError(f"{spider}: {exc}", 2) from None
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spidercls)
    failed = []
    process.crawl(crawler, **spider_args).addErrback(failed.append)
    process.start()
    if failed:
        exc = failed[0].value
        if isinstance(exc, (UsageError, TypeError)):
            raise CrawlError(f"{spider}: {exc}", 2)
        if isinstance(exc, StateStoreError):
            raise CrawlError(str(exc), 1)
        raise CrawlError(f"{spider}: the crawl could not start: {type(exc).__name__}: {exc}", 1)
    ext = crawler.get_extension(CrawlReport)
    report = dict((ext.report if ext is not None else None) or {})
    state = run_state(crawler)
    report["errors"] = list(state.errors) if state is not None else report.get("errors", [])
    return report


def _settings(overrides: dict, output: list[str] | None = None, overwrite_output: list[str] | None = None):
    """The project's settings with command-line overrides and -o/-O feeds."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.settings")
    from scrapy.utils.conf import feed_process_params_from_cli
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.setdict(overrides, priority="cmdline")
    if output or overwrite_output:
        try:
            feeds = feed_process_params_from_cli(settings, output or [], overwrite_output=overwrite_output)
        except Exception as exc:  # scrapy's UsageError for an unknown format
            raise CrawlError(f"-o/-O: {exc}", 2) from None
        settings.set("FEEDS", feeds, priority="cmdline")
    return settings


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


def _log_overrides(args: argparse.Namespace) -> dict:
    out = {}
    if getattr(args, "loglevel", None):
        out["LOG_LEVEL"] = args.loglevel.upper()
    if getattr(args, "nolog", False):
        out["LOG_ENABLED"] = False
    return out


def _finish(report: dict, fail_on_monitor: bool) -> int:
    """Print the run summary; the exit code: 1 when a feed or the state store failed (the
    reason on one line each), 3 for a failed monitor with --fail-on-monitor, else 0."""
    _print_report(report)
    if not report or report.get("errors"):
        for line in report.get("errors") or ["the crawl gave no report"]:
            print(f"newsbot crawl: {line}", file=sys.stderr)
        return 1
    if fail_on_monitor and report.get("monitors_failed"):
        return 3
    if report.get("store_unavailable"):
        return 4  # the records are in the feed; `newsbot load` levels the store
    return 0


def cmd_crawl(args: argparse.Namespace) -> int:
    try:
        report = run_crawl(args.spider, _pairs(args.a, "-a"), {**_log_overrides(args), **_pairs(args.s, "-s")},
                           output=args.output, overwrite_output=args.overwrite_output)
    except CrawlError as exc:
        print(f"newsbot crawl: {exc}", file=sys.stderr)
        return exc.exit_code
    return _finish(report, args.fail_on_monitor)


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


def run_crawls(jobs: list[tuple[str, dict]], overrides: dict, output: list[str] | None = None,
               overwrite_output: list[str] | None = None) -> list[dict]:
    """Several crawls one after another in this process (Scrapy's reactor starts once), each
    with its own spider arguments; returns their reports in order. One after another, not at
    once: the crawls share the state store."""
    from scrapy.crawler import CrawlerProcess
    from twisted.internet import defer

    settings = _settings(overrides, output, overwrite_output)
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
    from .extensions.report import CrawlReport
    from .extensions.state import run_state

    reports = []
    for crawler in crawlers:
        ext = crawler.get_extension(CrawlReport)
        report = dict((ext.report if ext is not None else None) or {})
        state = run_state(crawler)
        if report and state is not None:
            report["errors"] = list(state.errors)
        reports.append(report)
    return reports + [{}] * (len(jobs) - len(reports))


def cmd_crawl_sample(args: argparse.Namespace) -> int:
    from .sample_site import start_sample_site
    from .spiders.publisher import SpiderArgumentError, check_arguments

    try:
        sites = _sample_sites(args.root, args.publisher)
    except KeyError as exc:
        print(f"newsbot crawl-sample: {exc.args[0]}", file=sys.stderr)
        return 2
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
                     "RETRY_TIMES": 2, **_log_overrides(args), **_pairs(args.s, "-s")}
        try:
            reports = run_crawls(jobs, overrides, output=args.output, overwrite_output=args.overwrite_output)
        except CrawlError as exc:
            print(f"newsbot crawl-sample: {exc}", file=sys.stderr)
            return exc.exit_code
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
    errors = [line for report in reports for line in (report.get("errors") or [])]
    if not all(reports) or errors:
        for line in errors or ["a crawl gave no report"]:
            print(f"newsbot crawl-sample: {line}", file=sys.stderr)
        return 1
    if args.fail_on_monitor and failed_monitor:
        return 3
    if any(report.get("store_unavailable") for report in reports):
        return 4  # the records are in the feeds; `newsbot load` levels the store
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
    header = ("publisher", "site", "plan", "price", "currency", "term (months)", "per month", "first seen", "last seen")
    table = [header] + [
        (r.publisher, r.site, r.plan or "-", "-" if r.price is None else f"{r.price:g}", r.currency or "-",
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


def _crawl_options(p: argparse.ArgumentParser) -> None:
    """The options `scrapy crawl` users expect."""
    p.add_argument("-a", action="append", metavar="NAME=VALUE", help="spider argument")
    p.add_argument("-s", action="append", metavar="NAME=VALUE", help="setting override")
    p.add_argument("-o", "--output", action="append", metavar="FILE",
                   help="also append the records to FILE (FILE:FORMAT, - for stdout), as scrapy crawl -o")
    p.add_argument("-O", "--overwrite-output", action="append", metavar="FILE",
                   help="write the records to FILE, replacing it, as scrapy crawl -O")
    p.add_argument("-L", "--loglevel", metavar="LEVEL", help="log level (default INFO)")
    p.add_argument("--nolog", action="store_true", help="no logging at all")
    p.add_argument("--fail-on-monitor", action="store_true", help="exit 3 when a monitor failed")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsbot")
    except PackageNotFoundError:
        return "unknown"


class _Parser(argparse.ArgumentParser):
    """Usage mistakes: one line and exit 2, never the whole usage text."""

    def error(self, message):
        self.exit(2, f"{self.prog}: {message} (see {self.prog.split()[0]} --help)\n")


def cmd_profiles(args: argparse.Namespace) -> int:
    from . import profiles

    for p in profiles.PROFILES:
        print(f"{p.name}\t{p.publisher}\t{','.join(p.domains)}\t{' '.join(p.discovery) or '-'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsbot", description="News pages with wire copy -> JSON records")
    parser.add_argument("--version", action="version", version=f"newsbot {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("extract", help="print one JSON record per saved page (HTML or text, .gz ok, - for stdin)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--url", help="the page's URL (one file only); picks the publisher profile")
    p.add_argument("--profile", help="force a publisher profile (e.g. business_standard)")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.set_defaults(func=cmd_extract)

    from .sample_site import DEFAULT_ROOT, SAMPLES
    p = sub.add_parser("crawl", help="run a spider with the project's settings")
    p.add_argument("spider")
    _crawl_options(p)
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("crawl-sample", help="serve the bundled sample site's publishers on 127.0.0.1 and crawl each")
    p.add_argument("--root", default=str(SAMPLES), help="folder with sites.json (default: the bundled sample site)")
    p.add_argument("--port", type=int, default=8765,
                   help="first loopback port, one more per publisher (default 8765; fixed ports keep the sites' "
                        "URLs, so runs are incremental; 0: any free ports)")
    p.add_argument("--publisher", action="append", metavar="PROFILE",
                   help="crawl only this publisher of the sample site (repeatable)")
    _crawl_options(p)
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

    from .cli_store import add_commands  # load, reprocess, report

    add_commands(sub)
    _add_story_commands(sub)
    return parser


def _add_story_commands(sub) -> None:
    from .cli_stories import add_commands as add_story_commands  # stories, story (issue 16)

    add_story_commands(sub)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageMistake as exc:
        print(f"newsbot {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
