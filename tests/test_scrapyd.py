"""The Scrapyd round trip: a real Scrapyd on 127.0.0.1, the project's egg built with
scrapyd-deploy, uploaded, a crawl of the sample site scheduled through schedule.json, and
its JSON-lines output checked."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from .crawling import MANIFEST, ROOT, free_port, read_jsonl, serve

BIN = Path(sys.executable).parent


def wait_for(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def scrapyd(tmp_path):
    """A Scrapyd of our own: its config, eggs, logs and database in tmp_path."""
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\n"
        "items_dir =\npoll_interval = 0.5\nmax_proc = 1\n", "utf-8")
    proc = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"

    def up():
        try:
            return requests.get(f"{url}/daemonstatus.json", timeout=2).json().get("status") == "ok"
        except requests.RequestException:
            assert proc.poll() is None, proc.stdout.read().decode(errors="replace")
            return False

    try:
        wait_for(up, 60, "scrapyd to start")
        yield url, home
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def build_egg(tmp_path: Path) -> Path:
    """`scrapyd-deploy --build-egg`, on a copy of the project so the work tree stays clean."""
    src = tmp_path / "project"
    src.mkdir()
    for name in ("scrapy.cfg", "setup.py", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "newsbot", src / "newsbot", ignore=shutil.ignore_patterns("__pycache__"))
    egg = tmp_path / "newsbot.egg"
    out = subprocess.run([str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)], cwd=src,
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0 and egg.exists(), out.stderr[-3000:]
    return egg


def test_deploy_schedule_and_read_the_feed(scrapyd, tmp_path):
    url, home = scrapyd
    egg = build_egg(tmp_path)
    with egg.open("rb") as f:
        added = requests.post(f"{url}/addversion.json", data={"project": "newsbot", "version": "1"},
                              files={"egg": f}, timeout=60).json()
    assert added["status"] == "ok", added
    assert "business_standard" in requests.get(f"{url}/listspiders.json", params={"project": "newsbot"},
                                               timeout=60).json()["spiders"]

    server, base_url = serve()
    out_dir, state = tmp_path / "output", tmp_path / "state.sqlite3"
    try:
        job = requests.post(f"{url}/schedule.json", timeout=30, data=[
            ("project", "newsbot"), ("spider", "business_standard"), ("base_url", base_url),
            ("setting", f"NEWSBOT_OUTPUT_DIR={out_dir}"), ("setting", f"NEWSBOT_STATE={state}"),
            ("setting", "AUTOTHROTTLE_ENABLED=False"), ("setting", "DOWNLOAD_DELAY=0"),
            ("setting", "CONCURRENT_REQUESTS_PER_DOMAIN=8")]).json()
        assert job["status"] == "ok", job

        def finished():
            jobs = requests.get(f"{url}/listjobs.json", params={"project": "newsbot"}, timeout=10).json()
            return any(j["id"] == job["jobid"] for j in jobs["finished"])

        wait_for(finished, 180, "the scheduled crawl to finish")
    finally:
        server.shutdown()

    reports = list((out_dir / "business_standard").glob("*.report.json"))
    log = next((home / "logs").rglob("*.log"), None)
    assert reports, log.read_text(errors="replace")[-3000:] if log else "no report and no log"
    report = json.loads(reports[0].read_text("utf-8"))
    records = read_jsonl(report["feeds"]["records"])
    assert len(records) == MANIFEST["expected_records"]
    assert len({r["canonical_url"] for r in records}) == len(records)
    assert report["records_by_access"] == MANIFEST["counts"]["by_access"]
    assert state.exists()  # the state store outlives the job
