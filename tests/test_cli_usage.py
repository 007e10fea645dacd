"""The command line as a newcomer meets it: Scrapy's habits kept (`-o -:jsonl`, `-o -`,
`--logfile`), a log a person reads, usage mistakes in one line with exit code 2 before any
page is fetched, `extract` over many saved pages in one process, help for every argument,
and sample publishers that keep their URLs whichever are crawled."""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys

from newsbot.cli import build_parser

from .crawling import FAST, MANIFEST, ROOT, SITES, crawl_env, serve

CLI = [sys.executable, "-m", "newsbot.cli"]


def newsbot(*argv: str, cwd=None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *argv], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=crawl_env())


def crawl_args(tmp_path, base_url: str) -> list[str]:
    out = ["crawl", "business_standard", "-a", f"base_url={base_url}", "-s", f"NEWSBOT_OUTPUT_DIR={tmp_path}/out",
           "-s", f"NEWSBOT_STATE={tmp_path}/state.sqlite3"]
    for k, v in {**FAST, "NEWSBOT_STATE": f"{tmp_path}/state.sqlite3"}.items():
        out += ["-s", f"{k}={v}"]
    return out


def test_a_feed_on_stdout_gets_stdout_alone_and_the_log_is_for_a_person(tmp_path):
    server, base_url = serve()
    try:
        dash_jsonl = newsbot(*crawl_args(tmp_path / "a", base_url), "-o", "-:jsonl", cwd=tmp_path)
        log = tmp_path / "crawl.log"
        dash = newsbot(*crawl_args(tmp_path / "b", base_url), "-o", "-", "--logfile", str(log), cwd=tmp_path)
    finally:
        server.shutdown()
    for proc in (dash_jsonl, dash):
        assert proc.returncode == 0, proc.stderr[-3000:]
        records = [json.loads(line) for line in proc.stdout.splitlines()]  # every stdout line is a record
        assert len(records) == len(MANIFEST["articles"])
        assert all(r["headline"] for r in records)
        assert "records: 64" in proc.stderr  # the run summary went to stderr
    # --logfile: the log is in the file, not on stderr.
    assert "Spider opened" in log.read_text("utf-8") and "Spider opened" not in dash.stderr
    # The log: what happened to the pages, not Scrapy's start-up lists or spidermon's banners.
    text = dash_jsonl.stderr
    for noise in ("Enabled extensions", "Enabled item pipelines", "Overridden settings", "Dumping Scrapy stats",
                  "[Spidermon]", "Disabled newsbot.archive", "PageItem(", "is deprecated", "binary: binary:"):
        assert noise not in text, noise
    assert len(text.splitlines()) < 60, len(text.splitlines())
    dropped = [line for line in text.splitlines() if "Dropped:" in line]
    # The page and its AMP copy: whichever came second is dropped, on one line with its URL.
    assert len(dropped) == 1 and "duplicate of canonical" in dropped[0] and ": http://127.0.0.1:" in dropped[0]
    assert "page failed to parse" in text and "fetch failed" in text  # failed pages are still logged
    assert "copies of a page met earlier in this run" in text  # the AMP copy, named as what it is


def test_startup_lists_come_back_on_request(tmp_path):
    server, base_url = serve()
    try:
        proc = newsbot(*crawl_args(tmp_path, base_url), "-a", "max_articles=2", "-s", "NEWSBOT_LOG_STARTUP=True",
                       cwd=tmp_path)
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Enabled extensions" in proc.stderr and "[Spidermon]" in proc.stderr


def test_usage_mistakes_are_one_line_and_exit_2_before_any_page_is_fetched(tmp_path):
    server, base_url = serve()
    base = ["crawl", "business_standard", "-a", f"base_url={base_url}", "-s", f"NEWSBOT_OUTPUT_DIR={tmp_path}/out",
            "-s", f"NEWSBOT_STATE={tmp_path}/state.sqlite3"]
    mistakes = {
        "-L LOUD": ["-L", "LOUD"],
        "batch": ["-s", "NEWSBOT_STORE_BATCH=many"],
        "workers": ["-s", "NEWSBOT_WORKERS=lots"],
        "flag": ["-s", "ROBOTSTXT_OBEY=maybe"],
        "mysql": ["-s", "NEWSBOT_STORE=mysql://user:secret@db.internal/newsbot"],
        "port": ["-s", "NEWSBOT_STORE=postgresql://user:secret@db.internal:5x32/newsbot"],
        "bogus": ["-a", "bogus=1"],
        "misspelt": ["-a", "maxarticles=3"],
    }
    try:
        for name, extra in mistakes.items():
            proc = newsbot(*base, *extra, cwd=tmp_path, timeout=120)
            lines = proc.stderr.strip().splitlines()
            assert proc.returncode == 2 and len(lines) == 1, (name, proc.stderr[-2000:])
            assert "Traceback" not in proc.stderr and "secret" not in proc.stderr, name
        # `scrapy crawl` checks the same, before its crawl starts.
        for extra in (["-a", "maxarticles=3"], ["-s", "NEWSBOT_WORKERS=lots"], ["-L", "LOUD"]):
            proc = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "business_standard", "-a",
                                   f"base_url={base_url}", *extra], cwd=tmp_path, capture_output=True, text=True,
                                  timeout=120, env=crawl_env(SCRAPY_SETTINGS_MODULE="newsbot.crawling.settings"))
            assert proc.returncode == 2 and proc.stderr.strip().splitlines()[-1].startswith("scrapy crawl: "), (
                extra, proc.stderr[-2000:])
            assert "Traceback" not in proc.stderr
        # Nothing was fetched: every mistake was found before the crawl started.
        assert server.requests == []
    finally:
        server.shutdown()
    proc = newsbot("report", "--store", f"sqlite:///{tmp_path}/store.db", "-o", "/proc/newsbot/report.html",
                   cwd=tmp_path, timeout=120)
    assert proc.returncode == 2 and "cannot write /proc/newsbot/report.html" in proc.stderr, proc.stderr
    assert "store unavailable" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    # Right values still pass: NEWSBOT_WORKERS=auto, a bare SQLite path (on a live server:
    # a run whose every page failed would exit 5).
    server, base_url = serve()
    try:
        base[3] = f"base_url={base_url}"
        proc = newsbot(*base, "-a", "max_articles=1", "-s", "NEWSBOT_WORKERS=auto", *[x for k, v in FAST.items()
                       for x in ("-s", f"{k}={v}")], cwd=tmp_path)
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert '"headline"' in next((tmp_path / "out" / "business_standard").glob("*Z-*[0-9a-f].jsonl")).read_text()


def _page(title: str, agency: str = "IANS") -> str:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>Chennai, Nov 4 ({agency}) {title}: the state government said on Tuesday that the work would "
            f"begin next month and be finished before the monsoon.</p><p>Officials said the tender had been "
            f"awarded after two rounds of bidding.</p></article></body></html>")


def test_extract_takes_many_pages_with_their_urls_in_one_process(tmp_path):
    pages = tmp_path / "saved"
    (pages / "nested").mkdir(parents=True)
    (pages / "a.html").write_text(_page("Metro line extended to the airport"), "utf-8")
    (pages / "nested" / "b.html").write_text(_page("Bus depot to run on solar power", "PTI"), "utf-8")
    (pages / ".hidden.html").write_text(_page("Not an input"), "utf-8")
    listing = tmp_path / "pages.tsv"
    listing.write_text("# saved pages and where they came from\n"
                       f"{pages / 'a.html'}\thttps://www.ndtv.com/india-news/metro-line-extended-1\n\n"
                       f"{pages / 'nested' / 'b.html'}\thttps://example.com/news/bus-depot-solar\n"
                       f"{pages / 'missing.html'}\thttps://example.com/news/missing\n", "utf-8")
    proc = newsbot("extract", "--input-file", str(listing), cwd=tmp_path, timeout=120)
    assert proc.returncode == 1  # the missing page is named, the others still run
    assert "missing.html" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["url"] for r in records] == ["https://www.ndtv.com/india-news/metro-line-extended-1",
                                           "https://example.com/news/bus-depot-solar"]
    assert records[0]["profile"] == "ndtv"  # the URL picked the publisher profile
    assert [r["wire"]["agency"] for r in records] == ["IANS", "PTI"]

    proc = newsbot("extract", "--input-dir", str(pages), cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["url"] for r in records] == [(pages / "a.html").as_uri(), (pages / "nested" / "b.html").as_uri()]

    proc = newsbot("extract", "--pretty", str(pages / "a.html"), cwd=tmp_path, timeout=120)
    assert proc.stdout.endswith("}\n") and json.loads(proc.stdout)["headline"]
    proc = newsbot("extract", cwd=tmp_path, timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


def test_help_describes_every_argument_lists_spiders_and_profiles_have_a_header():
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    undocumented = [f"{name} {action.dest}" for name, sub in commands.choices.items() for action in sub._actions
                    if not isinstance(action, argparse._HelpAction) and not action.help]
    assert not undocumented, undocumented
    help_text = newsbot("crawl", "--help", timeout=120).stdout
    for spider in ("business_standard", "publisher", "wire"):
        assert f"\n  {spider}" in help_text.split("spiders:", 1)[1], spider
    table = newsbot("profiles", timeout=120).stdout.splitlines()
    assert table[0].split("\t") == ["name", "publisher", "domains", "discovery"]
    listed = json.loads(newsbot("profiles", "--json", timeout=120).stdout)
    assert len(listed) == len(table) - 1 and {"name", "publisher", "domains", "discovery"} <= set(listed[0])
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "newsbot sample-site" in readme


def _free_run_of_ports(n: int) -> int:
    """A first port with the next n-1 free as well (checked by binding them)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            first = s.getsockname()[1]
        if first + n > 65535:
            continue
        socks = []
        try:
            for port in range(first, first + n):
                sock = socket.socket()
                socks.append(sock)
                sock.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for sock in socks:
                sock.close()
    raise RuntimeError("no run of free ports")


def test_a_sample_publisher_keeps_its_port_whichever_publishers_are_crawled(tmp_path):
    assert [s["port"] for s in SITES["sites"]] == list(range(8765, 8765 + len(SITES["sites"])))
    first = _free_run_of_ports(len(SITES["sites"]))
    fast = [x for k, v in FAST.items() for x in ("-s", f"{k}={v}")]
    full = newsbot("crawl-sample", "--port", str(first), *fast, cwd=tmp_path)
    assert full.returncode == 0, full.stderr[-2000:]
    ndtv = next(n for n, s in enumerate(SITES["sites"]) if s["profile"] == "ndtv")
    again = newsbot("crawl-sample", "--port", str(first), "--publisher", "ndtv", *fast, cwd=tmp_path)
    assert again.returncode == 0, again.stderr[-2000:]
    assert f"NDTV at http://127.0.0.1:{first + ndtv}" in again.stdout
    line = next(ln for ln in again.stdout.splitlines() if ln.strip().startswith("ndtv "))
    assert "records:   0" in line, line  # unchanged since the full crawl: nothing delivered twice
