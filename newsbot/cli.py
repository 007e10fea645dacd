"""The `newsbot` command.

    newsbot extract [FILE...] [--input-file LIST] [--input-dir DIR] [--url URL] [--profile NAME] [--pretty]
        One JSON line per input, in order; `-` is standard input; `.gz` is read
        transparently. LIST has one input a line, `PATH` or `PATH<TAB>URL`; DIR's files are
        read recursively. A file that cannot be read or parsed is named on stderr, the rest
        still run, and the exit code is 1 at the end.
    newsbot crawl SPIDER [-a NAME=VALUE]... [-s NAME=VALUE]... [-o FILE|-] [--fail-on-monitor]
        `scrapy crawl` with the project's settings; prints where the feeds are; exits
        with newsbot/run/outcome.py's codes (3 for a failed monitor with --fail-on-monitor).
        With a feed on standard output (`-o -`, `-o -:jsonl`) the summary goes to standard error.
    newsbot crawl-sample [--port N] [--publisher PROFILE]... [-a ...] [-s ...]
        Serves each publisher of the bundled sample site on its own 127.0.0.1 port and
        crawls them one after another with the publisher spider; prints per-publisher counts.
    newsbot sample-site [--root DIR] [--port N]
        Only serve the sample site.
    newsbot profiles [--json]
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

from newsbot.core.extract import PageError, extract
from newsbot.core.extract.generic import LOCATORS, check_locator
from newsbot.core.record import encodable
from newsbot.run.outcome import all_failed, exit_code


class UsageMistake(Exception):
    """A command line that cannot run: one line on stderr, exit code 2."""


def _read(name: str) -> bytes:
    """An input's bytes: at most the page limit plus one byte is read, and more is refused as
    `too_large` (a 2 GB file or /dev/zero is never read whole); a `.gz` (or any gzip) input
    is decompressed in bounded chunks by the page loader."""
    from newsbot.core.extract.page import MAX_PAGE_BYTES

    if name == "-":
        data = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
    else:
        with open(name, "rb") as f:
            data = f.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        raise PageError("too_large", f"more than {MAX_PAGE_BYTES} bytes, limit {MAX_PAGE_BYTES}")
    return data


def _source_url(name: str) -> str:
    """What names an input in its record's `url` when --url is not given: the file's
    file:// URL (standard input: file:///dev/stdin), so output lines match their files."""
    return "file:///dev/stdin" if name == "-" else Path(name).resolve().as_uri()


def _inputs(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """(file, url or None) for every input: the FILE arguments, then --input-file's lines
    (`PATH` or `PATH<TAB>URL`; blank and # lines skipped), then --input-dir's files."""
    inputs: list[tuple[str, str | None]] = [(name, args.url) for name in args.files]
    if args.input_file:
        try:
            lines = (sys.stdin.read() if args.input_file == "-" else
                     Path(args.input_file).read_text("utf-8")).splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageMistake(f"--input-file {args.input_file}: {exc}") from None
        for line in lines:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            path, _, url = line.rstrip("\r").partition("\t")
            inputs.append((path.strip(), url.strip() or None))
    if args.input_dir:
        folder = Path(args.input_dir)
        if not folder.is_dir():
            raise UsageMistake(f"--input-dir {args.input_dir}: not a folder")
        inputs += [(str(f), None) for f in sorted(folder.rglob("*"))
                   if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts)]
    return inputs


def cmd_extract(args: argparse.Namespace) -> int:
    if not (args.files or args.input_file or args.input_dir):
        raise UsageMistake("give FILE..., --input-file LIST or --input-dir DIR")
    if args.url and (len(args.files) > 1 or args.input_file or args.input_dir):
        raise UsageMistake("--url names one file only; give many as PATH<TAB>URL lines with --input-file")
    if args.profile:
        from newsbot.core import profiles

        try:
            profiles.get(args.profile)
        except KeyError as exc:
            raise UsageMistake(exc.args[0]) from None
    failed = 0
    out = sys.stdout
    for name, url in _inputs(args):
        try:
            data = _read(name)
            record = encodable(extract(data, url=url or _source_url(name), profile=args.profile,
                                       locator=args.locator))
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

    from newsbot.crawling.extensions.report import report_of
    from newsbot.run import StateStoreError
    from newsbot.crawling.spiders.base import UsageError

    settings = _settings(overrides, output, overwrite_output)
    # Usage mistakes are found before Scrapy starts logging: one line, exit 2.
    from scrapy.spiderloader import get_spider_loader

    loader = get_spider_loader(settings)
    try:
        spidercls = loader.load(spider)
    except KeyError:
        raise CrawlError(f"no spider named {spider!r} (spiders: {', '.join(sorted(loader.list()))})", 2) from None
    check_spider_arguments(spider, spidercls, spider_args)
    try:
        spidercls(**spider_args)
    except (UsageError, TypeError) as exc:
        raise CrawlError(f"{spider}: {exc}", 2) from None
    from newsbot.crawling.logs import quiet_logs

    quiet_logs(settings)
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
    return report_of(crawler)


def check_spider_arguments(spider: str, spidercls, spider_args: dict) -> None:
    """CrawlError (exit 2) for an -a NAME the spider does not take: Scrapy sets any -a as an
    attribute, so a misspelt `maxarticles=3` would start a full crawl."""
    import inspect

    import scrapy

    known: set[str] = set()
    for cls in spidercls.__mro__:
        if cls is scrapy.Spider or not issubclass(cls, scrapy.Spider):
            break
        init = cls.__dict__.get("__init__")
        if init is not None:
            known |= {p.name for p in inspect.signature(init).parameters.values()
                      if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name != "self"}
    # name, run_id, feed_paths: the spider refuses them itself, saying why. A leading
    # underscore is the scheduler's, not the user's (Scrapyd passes -a _job=ID).
    unknown = sorted(k for k in set(spider_args) - known - {"name", "run_id", "feed_paths"} if not k.startswith("_"))
    if unknown and known:
        raise CrawlError(f"{spider}: unknown argument {', '.join('-a ' + k for k in unknown)} "
                         f"(it takes: {', '.join(sorted(known))})", 2)


def _settings(overrides: dict, output: list[str] | None = None, overwrite_output: list[str] | None = None):
    """The project's settings with command-line overrides and -o/-O feeds."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.crawling.settings")
    from scrapy.utils.conf import feed_process_params_from_cli
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    check_settings(settings, overrides)
    settings.setdict(overrides, priority="cmdline")
    if output or overwrite_output:
        try:
            feeds = feed_process_params_from_cli(settings, output or [], overwrite_output=overwrite_output)
        except Exception as exc:  # scrapy's UsageError for an unknown format
            raise CrawlError(f"-o/-O: {exc}", 2) from None
        settings.set("FEEDS", feeds, priority="cmdline")
    from newsbot.extras import MissingExtra, require_for_settings

    try:
        require_for_settings(settings)
    except MissingExtra as exc:
        raise CrawlError(str(exc), 2) from None
    return settings


SETTING_WORDS = {"NEWSBOT_WORKERS": ("auto",)}
"""Words a numeric setting takes besides numbers."""
BOOL_WORDS = ("true", "false", "1", "0")


def check_settings(defaults, overrides: dict) -> None:
    """Command-line settings the crawl could not use: CrawlError (one line, exit 2) before
    Scrapy starts. A value must read as the type of the project's default (a number where
    the default is a number, True/False for a flag); the log level and the store URL must
    be ones that exist."""
    for name, value in overrides.items():
        if not isinstance(value, str):
            continue
        default = defaults.get(name)
        if value.strip().lower() in SETTING_WORDS.get(name, ()):
            continue
        if isinstance(default, bool):
            ok = value.strip().lower() in BOOL_WORDS
            want = "True or False"
        elif isinstance(default, (int, float)):
            try:
                (int if isinstance(default, int) else float)(value)
                ok = True
            except ValueError:
                ok = False
            want = ("a whole number" if isinstance(default, int) else "a number") + (
                "".join(f" or {w}" for w in SETTING_WORDS.get(name, ())))
        else:
            continue
        if not ok:
            raise CrawlError(f"-s {name}={value}: must be {want}", 2)
    locator = overrides.get("NEWSBOT_GENERIC_LOCATOR")
    if locator is not None:
        try:
            check_locator(locator)
        except ValueError as exc:
            raise CrawlError(f"-s NEWSBOT_GENERIC_LOCATOR={locator}: {exc}", 2) from None
    level = str(overrides.get("LOG_LEVEL", defaults.get("LOG_LEVEL")) or "INFO").upper()
    if level not in LOG_LEVELS:
        raise CrawlError(f"-s LOG_LEVEL={level}: not a log level ({', '.join(LOG_LEVELS)})", 2)
    store = overrides.get("NEWSBOT_STORE", defaults.get("NEWSBOT_STORE"))
    if store:
        try:
            check_store_url(store)
        except UsageMistake as exc:
            raise CrawlError(str(exc), 2) from None


STORE_SCHEMES = ("postgresql", "postgres", "sqlite")


def check_store_url(url: str) -> None:
    """UsageMistake for a store URL that names no database newsbot stores to (the URL is
    not repeated: it may carry a password)."""
    from urllib.parse import urlsplit

    if "://" not in str(url):  # a bare path is an SQLite file
        return
    parts = urlsplit(str(url))
    scheme = parts.scheme.split("+")[0].lower()
    if scheme not in STORE_SCHEMES:
        raise UsageMistake(f"NEWSBOT_STORE: {scheme or 'no'} database URL; newsbot stores to "
                           f"postgresql://USER@HOST/DB or sqlite:///PATH")
    try:
        parts.port
    except ValueError:
        raise UsageMistake("NEWSBOT_STORE: the port is not a number from 0 to 65535") from None
    if scheme == "sqlite" and not parts.path.strip("/"):
        raise UsageMistake("NEWSBOT_STORE: sqlite:///PATH names no file")


def feeds_on_stdout(args: argparse.Namespace) -> bool:
    """A feed written to standard output (-o -, -o -:jsonl, -o stdout:): it gets stdout alone."""
    return any(v == "-" or v.startswith(("-:", "stdout:"))
               for v in (getattr(args, "output", None) or []) + (getattr(args, "overwrite_output", None) or []))


def _feed_args(values: list[str] | None) -> list[str] | None:
    """`-o -` is standard output in JSON lines, the project's feed format."""
    return [("-:jsonl" if v == "-" else v) for v in values] if values else values


def _join_dash_values(argv: list[str]) -> list[str]:
    """`-o -:jsonl` as `scrapy crawl` takes it: argparse would read `-:jsonl` as an option."""
    out, i = [], 0
    while i < len(argv):
        if argv[i] in ("-o", "-O", "--output", "--overwrite-output") and i + 1 < len(argv) and \
                argv[i + 1].startswith("-:"):
            out.append(f"{argv[i]}={argv[i + 1]}")
            i += 2
            continue
        out.append(argv[i])
        i += 1
    return out


def _print_report(report: dict, out=None) -> None:
    out = out or sys.stdout
    feeds = report.get("feeds", {})
    print(f"records: {report.get('records', 0)}  failures: {report.get('failures', 0)}  "
          f"pages fetched: {report.get('pages_fetched', 0)}  elapsed: {report.get('elapsed_seconds')}s", file=out)
    unchanged = report.get("unchanged_skipped", 0) + report.get("not_refetched", 0)
    if unchanged or report.get("updates"):
        print(f"updates: {report.get('updates', 0)}  unchanged since an earlier run (no record): {unchanged}",
              file=out)
    if report.get("duplicates"):
        print(f"copies of a page met earlier in this run (AMP, alternate URLs; no record): {report['duplicates']}",
              file=out)
    for name, path in feeds.items():
        print(f"{name:>9}: {path}", file=out)
    if report.get("monitors_failed"):
        print("monitors failed:", *report["monitors_failed"], sep="\n  ", file=out)
    not_stored = (report.get("store_unwritten") or 0) + (report.get("recovered_not_in_store") or 0)
    if not_stored or report.get("store_unavailable"):
        print(f"store: {not_stored} records are in the feed but not in the store; level it with:", file=out)
    elif report.get("store_rejected"):
        print(f"store: {report['store_rejected']} records refused by the store (named in the log; kept in the feed)", file=out)
    for command in report.get("load_commands") or []:
        print(f"  {command}", file=out)
    if all_failed(report):
        print(f"every page failed: {report.get('failures')} failures and no record (see the failures feed)", file=out)


LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")


def _log_overrides(args: argparse.Namespace) -> dict:
    out = {}
    if getattr(args, "loglevel", None):
        level = args.loglevel.upper()
        if level not in LOG_LEVELS:
            raise UsageMistake(f"-L {args.loglevel}: not a log level ({', '.join(LOG_LEVELS)})")
        out["LOG_LEVEL"] = level
    if getattr(args, "nolog", False):
        out["LOG_ENABLED"] = False
    if getattr(args, "logfile", None):
        out["LOG_FILE"] = args.logfile
    return out


def _finish(report: dict, fail_on_monitor: bool, out=None) -> int:
    """Print the run summary (errors on stderr, one line each); the exit code."""
    _print_report(report, out)
    for line in (report.get("errors") or []) if report else ["the crawl gave no report"]:
        print(f"newsbot crawl: {line}", file=sys.stderr)
    return exit_code(report, fail_on_monitor)


def cmd_crawl(args: argparse.Namespace) -> int:
    try:
        report = run_crawl(args.spider, _pairs(args.a, "-a"), {**_log_overrides(args), **_pairs(args.s, "-s")},
                           output=_feed_args(args.output), overwrite_output=_feed_args(args.overwrite_output))
    except CrawlError as exc:
        print(f"newsbot crawl: {exc}", file=sys.stderr)
        return exc.exit_code
    return _finish(report, args.fail_on_monitor, sys.stderr if feeds_on_stdout(args) else sys.stdout)


def _sample_sites(root: Path, only: list[str] | None) -> list[dict]:
    index = json.loads((Path(root) / "sites.json").read_text("utf-8"))
    sites = [{**site, "index": n} for n, site in enumerate(index["sites"])]
    if only:
        unknown = sorted(set(only) - {s["profile"] for s in sites})
        if unknown:
            raise KeyError(f"the sample site has no publisher {', '.join(unknown)}; "
                           f"it has {', '.join(s['profile'] for s in sites)}")
        sites = [s for s in sites if s["profile"] in only]
    return sites


def sample_port(site: dict, first: int | None) -> int:
    """A sample publisher's loopback port: its own from sites.json, the same whichever
    publishers are crawled (the port is in every URL, so in every key the state keeps);
    with --port N, N plus its place in sites.json; --port 0: any free port."""
    if first == 0:
        return 0
    if first is None:
        return int(site.get("port") or 8765 + site["index"])
    return first + site["index"]


def run_crawls(jobs: list[tuple[str, dict]], overrides: dict, output: list[str] | None = None,
               overwrite_output: list[str] | None = None) -> list[dict]:
    """Several crawls one after another in this process (Scrapy's reactor starts once), each
    with its own spider arguments; returns their reports in order. One after another, not at
    once: the crawls share the state store."""
    from scrapy.crawler import CrawlerProcess
    from twisted.internet import defer

    from newsbot.crawling.logs import quiet_logs

    settings = _settings(overrides, output, overwrite_output)
    quiet_logs(settings)
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
    from newsbot.crawling.extensions.report import report_of

    reports = [report_of(crawler) for crawler in crawlers]
    return reports + [{}] * (len(jobs) - len(reports))


def cmd_crawl_sample(args: argparse.Namespace) -> int:
    from newsbot.sample_site import start_sample_site
    from newsbot.crawling.spiders.publisher import SpiderArgumentError, check_arguments

    try:
        sites = _sample_sites(args.root, args.publisher)
    except KeyError as exc:
        print(f"newsbot crawl-sample: {exc.args[0]}", file=sys.stderr)
        return 2
    spider_args = _pairs(args.a, "-a")
    out = sys.stderr if feeds_on_stdout(args) else sys.stdout  # a feed on stdout gets stdout alone
    try:  # a bad argument is one line before any server starts
        check_arguments(profile=sites[0]["profile"], base_url="http://127.0.0.1", **spider_args)
    except SpiderArgumentError as exc:
        print(f"newsbot crawl-sample: {exc}", file=sys.stderr)
        return 2
    servers, jobs = [], []
    try:
        for site in sites:
            # Each publisher is its own site: own loopback port, own robots.txt.
            root = Path(args.root) / site["root"]
            try:
                server, base_url = start_sample_site(root, port=sample_port(site, args.port))
            except OSError:  # the usual port is taken: any free one (the state store then sees a new site)
                server, base_url = start_sample_site(root, port=0)
            servers.append(server)
            print(f"sample site: {site['publisher']} at {base_url}", file=out, flush=True)
            jobs.append(("publisher", {"profile": site["profile"], "base_url": base_url, **spider_args}))
        # Our own loopback servers: no need for the live sites' politeness delays.
        overrides = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
                     "RETRY_TIMES": 2, **_log_overrides(args), **_pairs(args.s, "-s")}
        try:
            reports = run_crawls(jobs, overrides, output=_feed_args(args.output),
                                 overwrite_output=_feed_args(args.overwrite_output))
        except CrawlError as exc:
            print(f"newsbot crawl-sample: {exc}", file=sys.stderr)
            return exc.exit_code
    finally:
        for server in servers:
            server.shutdown()
    for site, report in zip(sites, reports):
        print(f"\n{site['publisher']} ({site['profile']})", file=out)
        _print_report(report, out)
    print("\nper publisher:", file=out)
    for site, report in zip(sites, reports):
        print(f"  {site['profile']:<20} records: {report.get('records', 0):>3}  failures: {report.get('failures', 0)}"
              f"  pages fetched: {report.get('pages_fetched', 0)}", file=out)
    print(f"  {'total':<20} records: {sum(r.get('records', 0) for r in reports):>3}", file=out)
    errors = [line for report in reports for line in (report.get("errors") or [])]
    if not all(reports) or errors:
        for line in errors or ["a crawl gave no report"]:
            print(f"newsbot crawl-sample: {line}", file=sys.stderr)
    return exit_code(reports, args.fail_on_monitor)


def cmd_sample_site(args: argparse.Namespace) -> int:
    from newsbot.sample_site import start_sample_site

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
    from newsbot.run.statestore import open_state

    spec = args.state
    if not spec:
        os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.crawling.settings")
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
                   help="also append the records to FILE (FILE:FORMAT; - or -:jsonl for standard output, which "
                        "then carries the feed alone), as scrapy crawl -o")
    p.add_argument("-O", "--overwrite-output", action="append", metavar="FILE",
                   help="write the records to FILE, replacing it, as scrapy crawl -O")
    p.add_argument("-L", "--loglevel", metavar="LEVEL", help="log level: CRITICAL, ERROR, WARNING, INFO (default), DEBUG")
    p.add_argument("--logfile", metavar="FILE", help="write the log to FILE instead of standard error")
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
    from newsbot.core import profiles

    rows = [{"name": p.name, "publisher": p.publisher, "domains": list(p.domains), "discovery": list(p.discovery)}
            for p in profiles.PROFILES]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    print("name\tpublisher\tdomains\tdiscovery")
    for r in rows:
        print(f"{r['name']}\t{r['publisher']}\t{','.join(r['domains'])}\t{' '.join(r['discovery']) or '-'}")
    return 0


def _spider_list() -> str:
    """`crawl --help`'s list of spiders, from Scrapy's spider loader."""
    try:
        os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.crawling.settings")
        from scrapy.spiderloader import get_spider_loader
        from scrapy.utils.project import get_project_settings

        loader = get_spider_loader(get_project_settings())
        lines = []
        for name in sorted(loader.list()):
            doc = (loader.load(name).__doc__ or "").strip().splitlines()
            lines.append(f"  {name:<18} {doc[0] if doc else ''}".rstrip())
        return "spiders:\n" + "\n".join(lines)
    except Exception as exc:  # help must print even when a spider cannot load
        return f"spiders: (cannot list them: {type(exc).__name__}: {exc})"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsbot", description="News pages with wire copy -> JSON records")
    parser.add_argument("--version", action="version", version=f"newsbot {_version()}", help="print the version")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("extract", help="print one JSON record per saved page (HTML or text, .gz ok, - for stdin)")
    p.add_argument("files", nargs="*", metavar="FILE", help="saved pages (HTML or text; .gz ok; - for standard input)")
    p.add_argument("-i", "--input-file", metavar="LIST",
                   help="a file (- for standard input) with one input a line: PATH, or PATH<TAB>URL")
    p.add_argument("--input-dir", metavar="DIR", help="every file in DIR and its subfolders, in name order")
    p.add_argument("--url", help="the page's URL (one file only); picks the publisher profile")
    p.add_argument("--profile", help="force a publisher profile (e.g. business_standard)")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument("--locator", choices=LOCATORS, default="trafilatura",
                   help="what finds the story on a page no profile knows (default: trafilatura, the cleanest "
                        "bodies; resiliparse: several times faster)")
    p.set_defaults(func=cmd_extract)

    from newsbot.sample_site import DEFAULT_ROOT, SAMPLES
    p = sub.add_parser("crawl", help="run a spider with the project's settings", epilog=_spider_list(),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("spider", help="the spider to run (listed below)")
    _crawl_options(p)
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("crawl-sample", help="serve the bundled sample site's publishers on 127.0.0.1 and crawl each")
    p.add_argument("--root", default=str(SAMPLES), help="folder with sites.json (default: the bundled sample site)")
    p.add_argument("--port", type=int, default=None,
                   help="first loopback port, one more per publisher in sites.json's order (default: each "
                        "publisher's own port from sites.json, 8765 to 8768; fixed ports keep the sites' URLs, "
                        "so runs are incremental, with or without --publisher; 0: any free ports)")
    p.add_argument("--publisher", action="append", metavar="PROFILE",
                   help="crawl only this publisher of the sample site (repeatable)")
    _crawl_options(p)
    p.set_defaults(func=cmd_crawl_sample)

    p = sub.add_parser("sample-site", help="serve one publisher of the bundled sample site on 127.0.0.1")
    p.add_argument("--root", default=str(DEFAULT_ROOT),
                   help="the publisher's folder of the sample site (default: Business Standard's)")
    p.add_argument("--port", type=int, default=8765, help="loopback port (default 8765; 0: any free port)")
    p.set_defaults(func=cmd_sample_site)

    p = sub.add_parser("profiles", help="list the publisher profiles (name, publisher, domains, discovery)")
    p.add_argument("--json", action="store_true", help="a JSON list instead of a table")
    p.set_defaults(func=cmd_profiles)

    p = sub.add_parser("offers", help="a publisher's paywall offer history, as a table")
    p.add_argument("publisher", nargs="?", help="only this publisher (as the table names it)")
    p.add_argument("--state", help="state store (default: the NEWSBOT_STATE setting)")
    p.set_defaults(func=cmd_offers)

    from newsbot.cli_store import add_commands  # load, reprocess, report

    add_commands(sub)
    _add_story_commands(sub)
    return parser


def _add_story_commands(sub) -> None:
    from newsbot.cli_stories import add_commands as add_story_commands  # stories, story (issue 16)

    add_story_commands(sub)


def main(argv: list[str] | None = None) -> int:
    from newsbot.extras import MissingExtra

    parser = build_parser()
    args = parser.parse_args(_join_dash_values(sys.argv[1:] if argv is None else list(argv)))
    try:
        return args.func(args)
    except (UsageMistake, MissingExtra) as exc:
        print(f"newsbot {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
