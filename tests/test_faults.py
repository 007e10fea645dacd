"""Issue 9, "nothing lost, nothing let in": crawls under faults, hostile input and ordinary
Scrapy use, each over a real loopback HTTP server (tests/crawling.py)."""

from __future__ import annotations

import gzip
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .crawling import (HTML, MANIFEST, ROOT, RouteServer, collect, crawl, crawl_command, crawl_env, read_jsonl,
                       robots_allow, serve, start, story_page)
from .test_distributed import redis_url  # noqa: F401  (fixture: a real redis-server on 127.0.0.1)

EXPECTED = MANIFEST["expected_records"]


def delivered_keys(state: Path) -> int:
    with sqlite3.connect(state) as db:
        return db.execute("SELECT count(*) FROM seen").fetchone()[0]


def error_lines(stderr: str, prefix: str = "newsbot crawl:") -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(prefix)]


# --- 1. a feed that cannot be written marks nothing delivered ---------------------------------

def test_unwritable_output_folder_delivers_nothing_and_exits_nonzero(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    server, base = serve()
    try:
        bad = crawl(tmp_path, args={"base_url": base}, settings={"NEWSBOT_OUTPUT_DIR": str(blocker / "out")})
        assert bad.returncode == 1, bad.stdout
        lines = error_lines(bad.stderr)
        assert lines and "cannot be written" in lines[0] and str(blocker) in lines[0]
        assert delivered_keys(tmp_path / "state.sqlite3") == 0
        again = crawl(tmp_path, args={"base_url": base})
    finally:
        server.shutdown()
    assert again.returncode == 0, again.stderr[-2000:]
    assert len(again.records) == EXPECTED  # nothing was lost to the failed run


def test_full_disk_feed_delivers_nothing(tmp_path):
    """-O /dev/full: every write fails with ENOSPC, as on a full disk."""
    server, base = serve()
    try:
        cmd = crawl_command(tmp_path, args={"base_url": base}) + ["-O", "/dev/full:jsonlines"]
        full = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120, env=crawl_env())
        assert full.returncode == 1
        assert any("/dev/full" in line and "cannot be written" in line for line in error_lines(full.stderr))
        assert delivered_keys(tmp_path / "state.sqlite3") == 0
        again = crawl(tmp_path, args={"base_url": base})
    finally:
        server.shutdown()
    assert len(again.records) == EXPECTED


# --- 2. one bad sitemap or feed entry is skipped, the rest crawled ------------------------------

def _site_with_bad_entries(n: int = 30) -> dict:
    good = [f"/news/story-{i}.html" for i in range(n)]
    routes = {"/robots.txt": robots_allow()}
    for path in good:
        routes[path] = (200, HTML, story_page(f"Story {path}"))
    return routes, good


def test_bad_sitemap_entries_are_skipped_and_counted(tmp_path):
    routes, good = _site_with_bad_entries()
    with RouteServer(routes) as srv:
        bad = ["javascript:alert(1)", "mailto:desk@example.com", "http://127.0.0.1:99999/x.html"]
        locs = good[:10] + bad + good[10:]
        xml = "".join(f"<url><loc>{srv.base + p if p.startswith('/') else p}</loc></url>" for p in locs)
        routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"},
                                  f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                  f"{xml}</urlset>".encode())
        run = crawl(tmp_path, "wire", args={"sitemap": srv.base + "/sitemap.xml"})
    assert run.returncode == 0, run.stderr[-2000:]
    assert len(run.records) == len(good)
    assert run.report["failures_by_reason"].get("bad_url") == 3
    assert sorted(f["url"] for f in run.failures if f["reason"] == "bad_url") == sorted(bad)


def test_bad_feed_link_is_skipped_and_counted(tmp_path):
    routes, good = _site_with_bad_entries(6)
    with RouteServer(routes) as srv:
        links = [srv.base + p for p in good[:3]] + ["javascript:void(0)"] + [srv.base + p for p in good[3:]]
        items = "".join(f"<item><title>t</title><link>{u}</link></item>" for u in links)
        routes["/rss.xml"] = (200, {"Content-Type": "application/rss+xml"},
                              f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode())
        run = crawl(tmp_path, "wire", args={"feed": srv.base + "/rss.xml"})
    assert len(run.records) == len(good)
    assert run.report["failures_by_reason"] == {"bad_url": 1}


# --- 3. pages told apart by their query string stay apart --------------------------------------

def test_query_string_pages_are_separate_records(tmp_path):
    routes = {"/robots.txt": robots_allow(),
              "/story.php?id=1": (200, HTML, story_page("First story")),
              "/story.php?id=2": (200, HTML, story_page("Second story")),
              "/story.php?utm_source=rss&id=1": (200, HTML, story_page("First story"))}
    with RouteServer(routes) as srv:
        urls = [srv.base + p for p in ("/story.php?id=1", "/story.php?id=2", "/story.php?utm_source=rss&id=1")]
        run = crawl(tmp_path, "wire", args={"urls": ",".join(urls)})
    assert run.returncode == 0, run.stderr[-2000:]
    assert sorted(r["headline"] for r in run.records) == ["First story", "Second story"]
    assert run.report["duplicates"] == 1  # the utm_ copy of id=1


# --- 4. two runs on one state store never both deliver ------------------------------------------

def test_second_run_on_the_same_state_is_refused_while_one_runs(tmp_path):
    from newsbot.sample_site import start_sample_site

    from .crawling import SAMPLE_SITE

    server, base = start_sample_site(SAMPLE_SITE, latency=0.6)  # the first run lasts several seconds
    try:
        first = start(tmp_path, args={"base_url": base})
        deadline = time.monotonic() + 60
        while not (tmp_path / "state.sqlite3.lock").exists() or not (tmp_path / "state.sqlite3.lock").read_text():
            assert time.monotonic() < deadline and first.poll() is None
            time.sleep(0.1)
        second = crawl(tmp_path, args={"base_url": base})
        out, err = first.communicate(timeout=180)
    finally:
        server.shutdown()
    assert second.returncode == 1
    (line,) = error_lines(second.stderr)
    assert "in use by another run" in line and "state.sqlite3" in line
    first_run = collect(first.returncode, out, err, tmp_path / "output" / "business_standard")
    assert len(first_run.records) == EXPECTED


def test_redis_state_lock_is_shared_by_one_runs_workers_only(redis_url):
    from newsbot.run.statestore import RedisState, StateStoreError

    a, b, c = RedisState(redis_url), RedisState(redis_url), RedisState(redis_url)
    a.lock("2026-11-29")
    b.lock("2026-11-29")  # a second worker of the same distributed run joins
    with pytest.raises(StateStoreError, match="in use by another run"):
        c.lock("2026-11-30")
    a.unlock()
    with pytest.raises(StateStoreError):
        c.lock("2026-11-30")  # b still runs
    b.unlock()
    c.lock("2026-11-30")
    assert a.r.pttl("newsbot:lock") > 0  # it expires if c is killed
    c.unlock()


def test_plain_scrapy_crawl_onto_a_full_disk_exits_1(tmp_path):
    """`scrapy crawl` (as cron or Scrapyd run it) ends non-zero too when a feed cannot be
    written, naming the feed: newsbot's project command (COMMANDS_MODULE) reads the run state."""
    server, base = serve()
    try:
        cmd = ([sys.executable, "-m", "scrapy"] + crawl_command(tmp_path, args={"base_url": base})[3:]
               + ["-O", "/dev/full:jsonlines"])
        proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120,
                              env=crawl_env(SCRAPY_SETTINGS_MODULE="newsbot.crawling.settings"))
    finally:
        server.shutdown()
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert any(line.startswith("scrapy crawl:") and "/dev/full" in line for line in proc.stderr.splitlines())
    assert delivered_keys(tmp_path / "state.sqlite3") == 0


# --- 5. a user's -O feed holds records only; named URLs are delivered again ---------------------

def test_user_output_feed_holds_only_records(tmp_path):
    """`scrapy crawl ... -O mine.jsonl`, as an ordinary Scrapy user runs it."""
    server, base = serve()
    try:
        out = tmp_path / "mine.jsonl"
        cmd = [sys.executable, "-m", "scrapy"] + crawl_command(tmp_path, args={"base_url": base})[3:] + ["-O", str(out)]
        proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120,
                              env=crawl_env(SCRAPY_SETTINGS_MODULE="newsbot.crawling.settings"))
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = read_jsonl(out)
    assert len(lines) == EXPECTED and all("fingerprint" in r and "reason" not in r for r in lines)
    run = collect(proc.returncode, proc.stdout, proc.stderr, tmp_path / "output" / "business_standard")
    assert run.report["feeds"]["records"] == str(out)
    assert sorted(f["reason"] for f in run.failures) == sorted(f["reason"] for f in MANIFEST["expected_failures"])


def test_urls_named_explicitly_are_delivered_again(tmp_path):
    routes = {"/robots.txt": robots_allow(), "/a.html": (200, HTML, story_page("Story A")),
              "/b.html": (200, HTML, story_page("Story B"))}
    with RouteServer(routes) as srv:
        urls = ",".join(srv.base + p for p in ("/a.html", "/b.html"))
        first = crawl(tmp_path, "wire", args={"urls": urls})
        again = crawl(tmp_path, "wire", args={"urls": urls})
        off = crawl(tmp_path, "wire", args={"urls": urls}, settings={"NEWSBOT_REDELIVER_EXPLICIT": "False"})
    assert len(first.records) == 2
    assert len(again.records) == 2 and again.report["redelivered_explicit"] == 2
    assert not any(r["is_update"] for r in again.records)
    assert off.records == [] and off.report["unchanged_skipped"] == 2


# --- 6. newsbot extract names each input -----------------------------------------------------------

def test_extract_lines_name_their_inputs(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.txt"
    a.write_bytes(story_page("Story A"))
    b.write_text("A plain text story line one.\n\nLine two of the plain text story.\n", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "newsbot.cli", "extract", str(a), str(b), "-"],
                          input=story_page("From stdin").decode(), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    urls = [json.loads(line)["url"] for line in proc.stdout.splitlines()]
    assert urls == [a.resolve().as_uri(), b.resolve().as_uri(), "file:///dev/stdin"]


# --- 7. gzip bombs are decompressed in bounded chunks ------------------------------------------------

def _bomb(path: Path, megabytes: int) -> Path:
    chunk = b"<p>" + b"a" * (1024 * 1024 - 7) + b"</p>\n"
    with gzip.open(path, "wb", compresslevel=9) as f:
        for _ in range(megabytes):
            f.write(chunk)
    return path


def test_extract_gzip_bomb_stops_at_the_limit_without_inflating(tmp_path):
    bomb = _bomb(tmp_path / "page.html.gz", 400)
    probe = ("import sys\nfrom newsbot.cli import main\nrc = main(['extract', sys.argv[1]])\n"
             "print(int(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:'))) // 1024, file=sys.stderr)\nsys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", probe, str(bomb)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "too_large" in proc.stderr
    peak_mib = int(proc.stderr.strip().splitlines()[-1])
    assert peak_mib < 250, f"peak RSS {peak_mib} MiB for a {bomb.stat().st_size} B file"


def test_crawl_gzip_page_without_content_encoding_is_refused_and_crawl_goes_on(tmp_path):
    bomb = _bomb(tmp_path / "bomb.gz", 40).read_bytes()
    routes = {"/robots.txt": robots_allow(), "/bomb.html": (200, HTML, bomb),
              "/fine.html": (200, HTML, story_page("Fine story"))}
    with RouteServer(routes) as srv:
        run = crawl(tmp_path, "wire", args={"urls": f"{srv.base}/bomb.html,{srv.base}/fine.html"})
    assert [r["headline"] for r in run.records] == ["Fine story"]
    assert [(f["url"].rsplit("/", 1)[1], f["reason"]) for f in run.failures] == [("bomb.html", "too_large")]


# --- 10. only http(s) is fetched ------------------------------------------------------------------------

def test_file_urls_are_refused(tmp_path):
    proc = subprocess.run(crawl_command(tmp_path, "wire", args={"urls": "file:///etc/passwd"}), cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, env=crawl_env())
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert "only http(s)" in line
    assert not list((tmp_path).rglob("*.jsonl"))


def test_file_url_in_a_sitemap_is_not_fetched(tmp_path):
    routes = {"/robots.txt": robots_allow(), "/ok.html": (200, HTML, story_page("Fine story"))}
    with RouteServer(routes) as srv:
        routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>file:///etc/passwd</loc></url><url><loc>{srv.base}/ok.html</loc></url></urlset>").encode())
        run = crawl(tmp_path, "wire", args={"sitemap": srv.base + "/sitemap.xml"})
    assert [r["headline"] for r in run.records] == ["Fine story"]
    assert not any("root:" in json.dumps(r) for r in run.records)
    assert [f["reason"] for f in run.failures] == ["bad_url"]


# --- 11, 12. gzipped sitemaps are read; index chains are bounded ------------------------------------------

def test_gzipped_sitemap_is_read(tmp_path):
    routes = {"/robots.txt": robots_allow(), "/ok.html": (200, HTML, story_page("Fine story"))}
    with RouteServer(routes) as srv:
        xml = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               f"<url><loc>{srv.base}/ok.html</loc></url></urlset>").encode()
        routes["/sitemap.xml.gz"] = (200, {"Content-Type": "application/x-gzip"}, gzip.compress(xml))
        run = crawl(tmp_path, "wire", args={"sitemap": srv.base + "/sitemap.xml.gz"})
    assert run.failures == []
    assert [r["headline"] for r in run.records] == ["Fine story"]


def test_sitemap_index_chain_is_bounded(tmp_path):
    def index(path: str):
        n = int(path.rsplit("=", 1)[1]) if "=" in path else 0
        body = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{srv.base}/index.xml?page={n + 1}</loc></sitemap></sitemapindex>")
        return 200, {"Content-Type": "application/xml"}, body.encode()

    routes = {"/robots.txt": robots_allow()}
    with RouteServer(routes) as srv:
        for n in range(200):
            routes[f"/index.xml?page={n}"] = index
        run = crawl(tmp_path, "wire", args={"sitemap": srv.base + "/index.xml?page=0"},
                    settings={"NEWSBOT_SITEMAP_MAX_DEPTH": "5"})
        fetched = [p for p in srv.requests if p.startswith("/index.xml")]
    assert len(fetched) == 6  # the start sitemap and five levels below it
    assert [f["reason"] for f in run.failures] == ["sitemap_limit"]


def test_sitemaps_per_run_are_bounded(tmp_path):
    routes = {"/robots.txt": robots_allow()}
    with RouteServer(routes) as srv:
        locs = "".join(f"<sitemap><loc>{srv.base}/part-{n}.xml</loc></sitemap>" for n in range(30))
        routes["/index.xml"] = (200, {"Content-Type": "application/xml"}, (
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{locs}</sitemapindex>").encode())
        empty = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>').encode()
        for n in range(30):
            routes[f"/part-{n}.xml"] = (200, {"Content-Type": "application/xml"}, empty)
        run = crawl(tmp_path, "wire", args={"sitemap": srv.base + "/index.xml"},
                    settings={"NEWSBOT_SITEMAP_MAX_COUNT": "10"})
        fetched = [p for p in srv.requests if p.endswith(".xml")]
    assert len(fetched) == 10  # the index and nine of its sitemaps
    assert run.report["failures_by_reason"] == {"sitemap_limit": 21}


# --- 13. spider arguments never leave the output folder -----------------------------------------------

def test_spider_name_argument_cannot_escape_the_output_folder(tmp_path):
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    proc = subprocess.run(crawl_command(work, "wire", args={"urls": "http://127.0.0.1:9/x", "name": "../../x"}),
                          cwd=work, capture_output=True, text=True, timeout=60, env=crawl_env())
    assert proc.returncode == 2
    assert "refused" in proc.stderr
    assert not (tmp_path / "x").exists() and not list(tmp_path.rglob("*.jsonl"))


# --- 14. no remote-control console ---------------------------------------------------------------------------

def test_remote_control_extension_is_off(tmp_path):
    """Scrapy 2.19 lists the extensions it enabled (at INFO with NEWSBOT_LOG_STARTUP): no remote-control console."""
    routes = {"/robots.txt": robots_allow(), "/a.html": (200, HTML, story_page("Story A"))}
    with RouteServer(routes) as srv:
        run = crawl(tmp_path, "wire", args={"urls": srv.base + "/a.html"}, settings={"NEWSBOT_LOG_STARTUP": "True"})
    assert "Enabled extensions" in run.stderr and "CoreStats" in run.stderr
    assert "RemoteControl" not in run.stderr and "remote control" not in run.stderr.lower()


# --- 15. a damaged state file is named, with what to do -------------------------------------------------------

def test_damaged_state_file_is_named_with_what_to_do(tmp_path):
    state = tmp_path / "state.sqlite3"
    for damage in (b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 50):
        state.write_bytes(damage)
        proc = subprocess.run(crawl_command(tmp_path, "wire", args={"urls": "http://127.0.0.1:9/x"}), cwd=tmp_path,
                              capture_output=True, text=True, timeout=60, env=crawl_env())
        assert proc.returncode == 1
        lines = error_lines(proc.stderr)
        assert len(lines) == 1 and str(state) in lines[0] and "move it aside" in lines[0]
        assert "Unhandled error" not in proc.stderr and "Traceback" not in proc.stderr


# --- 16. every failure has its reason ------------------------------------------------------------------------

def test_timeout_oversize_and_redirect_loops_are_failures(tmp_path):
    def slow(path):
        time.sleep(3)
        return 200, HTML, story_page("Slow")

    big = gzip.compress(b"<p>" + b"b" * 400_000 + b"</p>")
    routes = {"/robots.txt": robots_allow(), "/slow.html": slow,
              "/big.html": (200, {**HTML, "Content-Encoding": "gzip"}, big),
              "/loop-a.html": (302, {"Location": "/loop-b.html"}, b""),
              "/loop-b.html": (302, {"Location": "/loop-a.html"}, b""),
              "/ok.html": (200, HTML, story_page("Fine story"))}
    for n in range(40):
        routes[f"/chain.html?n={n}"] = (302, {"Location": f"/chain.html?n={n + 1}"}, b"")
    with RouteServer(routes) as srv:
        paths = ["/slow.html", "/big.html", "/loop-a.html", "/chain.html?n=0", "/ok.html"]
        run = crawl(tmp_path, "wire", args={"urls": ",".join(srv.base + p for p in paths)},
                    settings={"DOWNLOAD_TIMEOUT": "1", "RETRY_TIMES": "0", "DOWNLOAD_MAXSIZE": "100000"})
    reasons = {f["url"].replace(srv.base, ""): f["reason"] for f in run.failures}
    assert reasons == {"/slow.html": "timeout", "/big.html": "oversize", "/loop-a.html": "redirect_loop",
                       "/chain.html?n=0": "redirect_loop"}
    assert [r["headline"] for r in run.records] == ["Fine story"]


def test_unresolvable_host_is_a_dns_failure():
    from scrapy.exceptions import CannotResolveHostError
    from scrapy.http import Request
    from scrapy.utils.test import get_crawler
    from twisted.python.failure import Failure

    from newsbot.crawling.spiders.wire import WireSpider

    spider = WireSpider.from_crawler(get_crawler(WireSpider), urls="http://127.0.0.1:9/a")
    try:
        raise CannotResolveHostError("no.such.host")
    except CannotResolveHostError:
        f = Failure()
    f.request = Request("http://no.such.host/a")
    (item,) = list(spider.on_error(f))
    assert item["reason"] == "dns"


# --- 17, 18. quiet logs with progress; usage mistakes in one line ----------------------------------------------

def test_crawl_logs_info_with_progress_and_summary_not_records(tmp_path):
    from newsbot.sample_site import start_sample_site

    from .crawling import SAMPLE_SITE

    server, base = start_sample_site(SAMPLE_SITE, latency=0.05)
    try:
        full = crawl_command(tmp_path, args={"base_url": base}, settings={"NEWSBOT_PROGRESS_INTERVAL": "0.5"})
        at = full.index("LOG_LEVEL=INFO")  # the project's own default, not the tests' override
        cmd = full[:at - 1] + full[at + 1:]
        proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120, env=crawl_env())
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "DEBUG" not in proc.stderr and "Scraped from" not in proc.stderr
    assert "progress:" in proc.stderr and "run summary:" in proc.stderr
    assert len(proc.stderr) < 40_000


def test_newsbot_crawl_takes_scrapy_options(tmp_path):
    routes = {"/robots.txt": robots_allow(), "/a.html": (200, HTML, story_page("Story A"))}
    with RouteServer(routes) as srv:
        out = tmp_path / "records.jsonl"
        cmd = crawl_command(tmp_path, "wire", args={"urls": srv.base + "/a.html"}) + ["-O", str(out), "--nolog"]
        proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=60, env=crawl_env())
    assert proc.returncode == 0 and proc.stderr == ""
    assert [r["headline"] for r in read_jsonl(out)] == ["Story A"]
    version = subprocess.run([sys.executable, "-m", "newsbot.cli", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("newsbot ")


def test_usage_mistakes_get_one_line_and_exit_2(tmp_path):
    cases = [["crawl", "wire"], ["crawl", "wire", "-a", "urls=http://127.0.0.1:9/a", "-a", "max_articles=ten"],
             ["extract", str(tmp_path / "x.html"), "--profile", "no_such"], ["crawl", "no_such_spider"]]
    for args in cases:
        proc = subprocess.run([sys.executable, "-m", "newsbot.cli", *args, "-s", f"NEWSBOT_STATE={tmp_path}/s.db"]
                              if args[0] == "crawl" else [sys.executable, "-m", "newsbot.cli", *args],
                              cwd=tmp_path, capture_output=True, text=True, timeout=60, env=crawl_env())
        assert proc.returncode == 2, (args, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr, (args, proc.stderr)
    helped = subprocess.run([sys.executable, str(ROOT / "run.py"), "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and "run.py test" in helped.stdout


# --- 8. one page's extraction never stalls the crawl -------------------------------------------------------

def test_page_past_its_time_limit_is_a_timeout_failure_kept_for_reprocessing(tmp_path):
    from .slow_extract import MARKER

    routes = {"/robots.txt": robots_allow(), "/stuck.html": (200, HTML, story_page("Stuck story") + MARKER),
              "/a.html": (200, HTML, story_page("Story A")), "/b.html": (200, HTML, story_page("Story B"))}
    env = crawl_env(PYTHONPATH=str(ROOT))
    with RouteServer(routes) as srv:
        urls = ",".join(srv.base + p for p in ("/stuck.html", "/a.html", "/b.html"))
        cmd = crawl_command(tmp_path, "wire", args={"urls": urls},
                            settings={"NEWSBOT_PAGE_TIMEOUT": "5", "NEWSBOT_PAGE_TIMEOUT_ABOVE": "0",
                                      "NEWSBOT_EXTRACTOR": "tests.slow_extract.extract_record"})
        proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=50, env=env)
    run = collect(proc.returncode, proc.stdout, proc.stderr, tmp_path / "output" / "wire")
    assert sorted(r["headline"] for r in run.records) == ["Story A", "Story B"]
    (failed,) = run.failures
    assert failed["reason"] == "timeout" and failed["url"].endswith("/stuck.html")
    assert MARKER in Path(failed["saved_as"]).read_bytes()



@pytest.mark.parametrize("settings", [
    {"NEWSBOT_WORKERS": "2"},  # the worker pool
    {"NEWSBOT_PAGE_TIMEOUT": "30", "NEWSBOT_PAGE_TIMEOUT_ABOVE": "0"},  # the deadline worker
], ids=["pool", "deadline"])
def test_a_page_that_kills_its_worker_fails_alone_and_the_crawl_goes_on(tmp_path, settings):
    # One page kills the process extracting it: the pages in flight with it are run again,
    # the pages after it get a new process, and only that page fails (kept for reprocessing).
    from .killing_extract import MARKER

    stories = [f"Story {c}" for c in "ABCDEF"]
    routes = {"/robots.txt": robots_allow(), "/kill.html": (200, HTML, story_page("Killer") + MARKER),
              **{f"/{n}.html": (200, HTML, story_page(h)) for n, h in enumerate(stories)}}
    env = crawl_env(PYTHONPATH=str(ROOT))
    with RouteServer(routes) as srv:
        urls = ",".join(srv.base + p for p in ["/0.html", "/1.html", "/kill.html", *[f"/{n}.html" for n in range(2, 6)]])
        cmd = crawl_command(tmp_path, "wire", args={"urls": urls},
                            settings={**settings, "NEWSBOT_EXTRACTOR": "tests.killing_extract.extract_record"})
        proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env)
    run = collect(proc.returncode, proc.stdout, proc.stderr, tmp_path / "output" / "wire")
    assert sorted(r["headline"] for r in run.records) == stories
    (failed,) = run.failures
    assert failed["reason"] == "worker_lost" and failed["url"].endswith("/kill.html")
    assert MARKER in Path(failed["saved_as"]).read_bytes()


# --- 20. offers are kept per site and refreshed by every page fetched --------------------------------------

def test_offer_history_is_kept_per_site_and_refreshed(tmp_path):
    import shutil

    from newsbot.sample_site import start_sample_site
    from newsbot.run.statestore import SQLiteState

    from .crawling import SAMPLE_SITE

    copy = tmp_path / "copy"
    shutil.copytree(SAMPLE_SITE, copy)
    for page in copy.rglob("*.html"):
        data = page.read_bytes()
        if "₹900".encode() in data:
            page.write_bytes(data.replace("₹900".encode(), "₹1,200".encode())
                             .replace("₹300/Month".encode(), "₹400/Month".encode()))
    live, live_base = start_sample_site(SAMPLE_SITE)
    other, other_base = start_sample_site(copy)
    try:
        first = crawl(tmp_path, args={"base_url": live_base})
        second = crawl(tmp_path, args={"base_url": other_base})
        # Named again, one page of the first site is fetched and refreshes its plans' last_seen.
        page = next(r["url"] for r in first.records if any(o["plan"] == "Smart Quarterly"
                                                           for o in (r["paywall"] or {}).get("offers", [])))
        third = crawl(tmp_path, "wire", args={"urls": page})
    finally:
        live.shutdown()
        other.shutdown()
    live_site, other_site = live_base.split("//")[1], other_base.split("//")[1]
    assert {o["site"] for o in first.offers} == {live_site}
    assert {o["site"] for o in second.offers} == {other_site}
    history = SQLiteState(tmp_path / "state.sqlite3").offer_history("Business Standard")
    quarterly = {(h.site, h.price) for h in history if h.plan == "Smart Quarterly"}
    assert quarterly == {(live_site, 900.0), (other_site, 1200.0)}
    refreshed = next(o for o in third.offers if o["plan"] == "Smart Quarterly")
    before = next(o for o in first.offers if o["plan"] == "Smart Quarterly")
    assert refreshed["site"] == live_site and refreshed["first_seen"] == before["first_seen"]
    assert refreshed["last_seen"] >= before["last_seen"] and third.offers


def test_feed_stored_at_the_end_counts_only_once_stored(tmp_path):
    """Feeds that are uploaded when the run ends (S3, FTP, ...): their records are
    delivered when the upload succeeded, and not at all when it failed."""
    routes = {"/robots.txt": robots_allow(), "/a.html": (200, HTML, story_page("Story A")),
              "/b.html": (200, HTML, story_page("Story B"))}
    from newsbot.crawling.settings import FEED_STORAGES

    storages = json.dumps({**FEED_STORAGES, "atclose": "tests.feed_storages.AtCloseStorage",
                           "failclose": "tests.feed_storages.AtCloseStorage"})
    env = crawl_env(PYTHONPATH=str(ROOT))
    with RouteServer(routes) as srv:
        base = crawl_command(tmp_path, "wire", args={"urls": f"{srv.base}/a.html,{srv.base}/b.html"},
                             settings={"FEED_STORAGES": storages})
        failed = subprocess.run(base + ["-O", f"failclose://{tmp_path}/lost.jsonl:jsonlines"], cwd=tmp_path,
                                capture_output=True, text=True, timeout=60, env=env)
        assert failed.returncode == 1
        assert any("not delivered" in line for line in error_lines(failed.stderr))
        assert delivered_keys(tmp_path / "state.sqlite3") == 0
        stored = subprocess.run(base + ["-O", f"atclose://{tmp_path}/kept.jsonl:jsonlines"], cwd=tmp_path,
                                capture_output=True, text=True, timeout=60, env=env)
    assert stored.returncode == 0, stored.stderr[-2000:]
    assert sorted(r["headline"] for r in read_jsonl(tmp_path / "kept.jsonl")) == ["Story A", "Story B"]
    assert delivered_keys(tmp_path / "state.sqlite3") >= 2
