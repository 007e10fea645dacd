"""Scheduled runs over the sample site: what a second run emits, changes, interrupted runs.

Each test crawls its own copy of the sample site (tests edit pages between runs) over a
real loopback server, with the state store and feeds in a temporary folder.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsbot.sample_site import start_sample_site

from .crawling import ALL, MANIFEST, SAMPLE_SITE, collect, crawl, start


@pytest.fixture
def site(tmp_path):
    """A private copy of the sample site, served on loopback: (folder, server, base_url)."""
    root = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, root)
    server, base_url = start_sample_site(root)
    yield root, server, base_url
    server.shutdown()


def paths(records) -> list[str]:
    return [urlsplit(r.get("canonical_url") or r["url"]).path for r in records]


def article(pred) -> dict:
    return next(a for a in MANIFEST["articles"] if pred(a))


def set_lastmod(root: Path, entry: dict, new: str) -> None:
    """The site edited a page: its sitemap entries carry a new date."""
    for sitemap in (root / "sitemap").glob("*.xml"):
        text = sitemap.read_text("utf-8")
        old = f"{entry['path']}</loc><lastmod>{entry['modified']}</lastmod>"
        sitemap.write_text(text.replace(old, f"{entry['path']}</loc><lastmod>{new}</lastmod>"), "utf-8")


def test_second_run_emits_nothing(site, tmp_path):
    root, server, base_url = site
    first = crawl(tmp_path, args={"base_url": base_url})
    assert first.returncode == 0, first.stderr[-2000:]
    assert sorted(paths(first.records)) == sorted(ALL)
    n_first = len(server.requests)

    second = crawl(tmp_path, args={"base_url": base_url})
    assert second.returncode == 0, second.stderr[-2000:]
    assert second.records == []
    assert second.report["records"] == 0
    # Delivered pages whose sitemap, feed or listing date is unchanged were not downloaded
    # again (nor old URLs that redirect to them); pages that failed are tried again, and the
    # pages the paywall's plans were read on are re-checked (the offers history).
    plan_pages = {urlsplit(o["seen_on"]).path for o in first.offers}
    assert plan_pages
    again = sorted({urlsplit(p).path for _, p, _ in server.requests[n_first:] if p.endswith("_1.html")})
    assert again == sorted({f["path"] for f in MANIFEST["expected_failures"]} | plan_pages)
    assert sorted(paths(second.failures)) == sorted(f["path"] for f in MANIFEST["expected_failures"])
    assert second.report["not_refetched"] == len(ALL) + len(MANIFEST["traps"]["redirect"]) - len(plan_pages)
    assert second.report["feeds"]["records"] != first.report["feeds"]["records"]


def test_changed_page_and_changed_price_are_updates(site, tmp_path):
    root, server, base_url = site
    first = crawl(tmp_path, args={"base_url": base_url})
    assert first.returncode == 0, first.stderr[-2000:]
    by_path = {urlsplit(r["canonical_url"]).path: r for r in first.records}

    # One metered page's story is corrected; another metered page only shows a new price.
    edited = article(lambda a: a["access"] == "metered" and a["layout"] == "current" and not a["trap"])
    repriced = article(lambda a: a["access"] == "metered" and a["layout"] == "current" and not a["trap"]
                       and a["path"] != edited["path"])
    page = root / edited["path"].lstrip("/")
    html = page.read_text("utf-8")
    assert edited["body"][1] in html
    page.write_text(html.replace(edited["body"][1], "A corrected paragraph replaces the old one."), "utf-8")
    for entry in (edited, repriced):
        p = root / entry["path"].lstrip("/")
        p.write_text(p.read_text("utf-8").replace("₹900", "₹1,200").replace("₹300/Month", "₹400/Month"), "utf-8")
        # The edit happened after the first run delivered the page.
        set_lastmod(root, entry, (datetime.now(timezone.utc) + timedelta(minutes=1)).isoformat(timespec="seconds"))

    second = crawl(tmp_path, args={"base_url": base_url})
    assert second.returncode == 0, second.stderr[-2000:]
    assert sorted(paths(second.records)) == sorted([edited["canonical_path"], repriced["canonical_path"]])
    for rec in second.records:
        before = by_path[urlsplit(rec["canonical_url"]).path]
        assert rec["is_update"] is True
        assert rec["previous_fingerprint"] == before["fingerprint"] != rec["fingerprint"]
        quarterly = next(o for o in rec["paywall"]["offers"] if o["plan"] == "Smart Quarterly")
        assert (quarterly["price"], quarterly["monthly_price"]) == (1200, 400)
    corrected = next(r for r in second.records if urlsplit(r["canonical_url"]).path == edited["canonical_path"])
    assert "A corrected paragraph replaces the old one." in corrected["body"]

    # The offers feed shows the new price as a new line; the history keeps both.
    new_line = next(o for o in second.offers if o["plan"] == "Smart Quarterly" and o["price"] == 1200)
    assert new_line["first_seen"] == new_line["last_seen"]
    table = subprocess.run([sys.executable, "-m", "newsbot.cli", "offers", "Business Standard",
                            "--state", str(tmp_path / "state.sqlite3")], capture_output=True, text=True)
    assert table.returncode == 0, table.stderr
    rows = [line.split("  ") for line in table.stdout.splitlines() if "Smart Quarterly" in line]
    prices = [[cell.strip() for cell in row if cell.strip()][3] for row in rows]
    assert prices == ["900", "1200"]  # oldest first


def _start(workdir: Path, base_url: str, settings: dict | None = None) -> subprocess.Popen:
    return start(workdir, args={"base_url": base_url},
                 settings={"CONCURRENT_REQUESTS_PER_DOMAIN": "2", **(settings or {})})


def _wait_for_records(workdir: Path, n: int, proc: subprocess.Popen, timeout: float = 60) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        feeds = list((workdir / "output" / "business_standard").glob("*[0-9a-f].jsonl"))
        if feeds:
            lines = feeds[0].read_text("utf-8").splitlines()
            if len(lines) >= n:
                return lines
        assert proc.poll() is None, "the crawl ended before it could be interrupted"
        time.sleep(0.05)
    raise AssertionError("no records appeared")


def _whole_records(path: Path) -> list[dict]:
    out = []
    for line in path.read_text("utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            pass  # a line cut short by the kill
    return out


def test_killed_run_resumes_with_nothing_lost_or_doubled(tmp_path):
    root = SAMPLE_SITE
    server, base_url = start_sample_site(root, latency=0.05)  # slow enough to be caught mid-run
    try:
        proc = _start(tmp_path, base_url)
        _wait_for_records(tmp_path, 10, proc)
        proc.kill()  # SIGKILL: no chance to clean up
        proc.communicate(timeout=30)
        killed_feed = next((tmp_path / "output" / "business_standard").glob("*[0-9a-f].jsonl"))
        delivered_first = paths(_whole_records(killed_feed))
        assert 10 <= len(delivered_first) < len(ALL)

        second = crawl(tmp_path, args={"base_url": base_url})
    finally:
        server.shutdown()
    assert second.returncode == 0, second.stderr[-2000:]
    delivered_second = paths(second.records)
    assert set(delivered_first).isdisjoint(delivered_second)
    assert sorted(delivered_first + delivered_second) == sorted(ALL)


def test_jobdir_pause_and_resume(tmp_path):
    server, base_url = start_sample_site(SAMPLE_SITE, latency=0.05)
    jobdir = {"JOBDIR": str(tmp_path / "job")}
    try:
        proc = _start(tmp_path, base_url, jobdir)
        _wait_for_records(tmp_path, 10, proc)
        proc.send_signal(signal.SIGINT)  # Ctrl-C once: Scrapy stops cleanly, keeping its queue
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err[-2000:]
        first = collect(0, out, err, tmp_path / "output" / "business_standard")
        assert first.report["finish_reason"] == "shutdown"
        assert (tmp_path / "job" / "requests.seen").exists()

        resumed = _start(tmp_path, base_url, jobdir)
        out, err = resumed.communicate(timeout=120)
        assert resumed.returncode == 0, err[-2000:]
        second = collect(0, out, err, tmp_path / "output" / "business_standard")
    finally:
        server.shutdown()
    assert second.report["run"] != first.report["run"]
    both = paths(first.records) + paths(second.records)
    assert len(both) == len(set(both))
    assert set(both) == ALL


def test_monitor_fails_on_a_broken_site_and_exit_code_says_so(tmp_path):
    # Every article page now serves a maintenance notice: no story anywhere.
    root = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, root)
    for a in MANIFEST["articles"]:
        (root / a["path"].lstrip("/")).write_text(
            "<html><head><title>Down for maintenance</title></head><body><p>Back soon.</p></body></html>", "utf-8")
    server, base_url = start_sample_site(root)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    try:
        lenient = crawl(tmp_path / "a", args={"base_url": base_url})
        strict = crawl(tmp_path / "b", args={"base_url": base_url}, fail_on_monitor=True)
    finally:
        server.shutdown()
    assert lenient.returncode == 0  # without --fail-on-monitor a failed monitor is reported only
    assert lenient.report["monitors_failed"]
    assert strict.returncode == 3
    failed = " ".join(strict.report["monitors_failed"]).lower()
    assert "coverage" in failed or "records" in failed
    assert "MONITOR FAILED" in strict.stderr
    assert "monitors failed" in strict.stdout
