"""Issue 15 (items 1, 2, 3, 4, 7, 8, 12) and issue 17 (items 3, 4): records lost or runs
stalled where the run meets its feeds and stores. Each over a real server: loopback HTTP,
PostgreSQL from pgserver."""

from __future__ import annotations

import json
import multiprocessing
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from newsbot.stores import engine_url, open_store

from .crawling import (HTML, RouteServer, collect, crawl, crawl_command, crawl_env, free_port, read_jsonl,
                       robots_allow, serve, story_page)
from .stores import new_database

FAST_WIRE = {"NEWSBOT_REDELIVER_EXPLICIT": "False"}


def ld_page(title: str, headline_json: str) -> bytes:
    """A generic article page whose headline stands only in its JSON-LD, given as raw JSON
    text (escapes kept as written)."""
    paras = "".join(f"<p>{title}: paragraph {n} of the story, with enough words in it to count as text "
                    f"that a reader would want to read in full today.</p>" for n in range(1, 5))
    ld = ('{"@context": "https://schema.org", "@type": "NewsArticle", '
          f'"headline": "{headline_json}", "datePublished": "2026-11-03T10:00:00+05:30"}}')
    return (f'<!DOCTYPE html><html><head><title>{title}</title><script type="application/ld+json">{ld}</script>'
            f"</head><body><article><p>New Delhi, Nov 3 (PTI) {title} opens here.</p>{paras}</article>"
            "</body></html>").encode()


def site(extra: dict[str, bytes], n: int = 20) -> dict:
    routes = {"/robots.txt": robots_allow()}
    for i in range(n):
        routes[f"/news/story-{i}.html"] = (200, HTML, story_page(f"Good story number {i}"))
    for path, body in extra.items():
        routes[path] = (200, HTML, body)
    return routes


def wire_crawl(tmp_path: Path, srv: RouteServer, settings: dict | None = None, timeout: float = 120):
    urls = ",".join(srv.base + p for p in srv.routes if p.endswith(".html"))
    return crawl(tmp_path, "wire", args={"urls": urls}, settings={**FAST_WIRE, **(settings or {})}, timeout=timeout)


def store_rows(url: str, table: str = "articles") -> list[dict]:
    store = open_store(url)
    try:
        return store.rows(table)
    finally:
        store.close()


# --- 1. a lone surrogate is repaired where the record is finished ------------------------------

def test_a_lone_surrogate_in_json_ld_is_repaired_not_a_stalled_feed(tmp_path):
    bad = ld_page("Surrogate story", "Head\\ud800line")
    with RouteServer(site({"/news/surrogate.html": bad})) as srv:
        run = wire_crawl(tmp_path, srv)
    assert run.returncode == 0, run.stderr[-2000:]
    assert len(run.records) == 21 and run.report["errors"] == []
    (rec,) = [r for r in run.records if r["url"].endswith("/surrogate.html")]
    assert rec["headline"] == "Head\ufffdline" and "unencodable_text_repaired" in rec["flags"]
    assert all("unencodable_text_repaired" not in r["flags"] for r in run.records if r is not rec)

    page = tmp_path / "surrogate.html"
    page.write_bytes(bad)
    out = subprocess.run([sys.executable, "-m", "newsbot.cli", "extract", str(page)], capture_output=True,
                         text=True, timeout=60, env=crawl_env())
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    record = json.loads(out.stdout)
    assert record["headline"] == "Head\ufffdline" and "unencodable_text_repaired" in record["flags"]


# --- 2. a NUL costs no batch: removed and flagged; a refused record fails alone ----------------------

def test_a_nul_in_one_record_loses_no_batch_in_postgres_nor_in_newsbot_load(postgres, tmp_path):
    url = new_database(postgres)
    with RouteServer(site({"/news/nul.html": ld_page("Nul story", "Null\\u0000byte")})) as srv:
        run = wire_crawl(tmp_path, srv, {"NEWSBOT_STORE": url, "NEWSBOT_STORE_BATCH": "5"})
    assert run.returncode == 0, run.stderr[-2000:]
    assert len(run.records) == 21 and run.report["store_unwritten"] == 0 and run.report["delivered"] == 21
    (fed,) = [r for r in run.records if r["url"].endswith("/nul.html")]
    assert fed["headline"] == "Null\x00byte"  # the feed keeps the page's text as it is
    rows = store_rows(url)
    assert len(rows) == 21
    (row,) = [r for r in rows if r["url"].endswith("/nul.html")]
    assert row["headline"] == "Nullbyte" and "nul_removed" in row["record"]["flags"]

    fresh = new_database(postgres)
    loaded = subprocess.run([sys.executable, "-m", "newsbot.cli", "load", run.report["feeds"]["records"],
                             "--store", fresh, "-q"], capture_output=True, text=True, timeout=120, env=crawl_env())
    assert loaded.returncode == 0 and "Traceback" not in loaded.stderr, loaded.stderr
    assert len(store_rows(fresh)) == 21


def test_a_record_the_database_refuses_fails_alone_and_is_named(postgres):
    """A value PostgreSQL's JSONB refuses (NaN) in one record of a batch of five: four are
    written, the fifth is handed back with its reason, and the store is not 'unavailable'."""
    store = open_store(new_database(postgres))
    records = [{"url": f"https://example.com/news/{i}.html", "fingerprint": f"f{i}", "headline": f"Story {i}"}
               for i in range(5)]
    records[2]["score"] = float("nan")
    rejected: list = []
    assert store.write(records, run="r1", rejected=rejected) == 4
    assert [r["url"] for r, _ in rejected] == ["https://example.com/news/2.html"]
    assert "json" in rejected[0][1].lower()
    assert store.count("articles") == 4
    store.close()


# --- 3. an oversized canonical URL is keyed by a hash, not an outage -----------------------------

def test_a_6_kb_canonical_url_is_stored_under_a_bounded_key(postgres, tmp_path):
    url = new_database(postgres)
    with RouteServer(site({})) as srv:
        # Random text: PostgreSQL compresses a run of one letter into a small index row.
        huge = srv.base + "/news/" + secrets.token_urlsafe(4500) + ".html"
        srv.routes["/news/huge.html"] = (200, HTML, story_page("Huge canonical story", canonical=huge))
        run = wire_crawl(tmp_path, srv, {"NEWSBOT_STORE": url})
    assert run.returncode == 0, run.stderr[-2000:]
    assert len(run.records) == 21 and not run.report["store_unavailable"]
    rows = store_rows(url)
    assert len(rows) == 21
    (row,) = [r for r in rows if r["canonical_url"] == huge]
    assert len(row["key"].encode()) <= 1000 and "#sha1=" in row["key"]

    fresh = new_database(postgres)
    loaded = subprocess.run([sys.executable, "-m", "newsbot.cli", "load", run.report["feeds"]["records"],
                             "--store", fresh, "-q"], capture_output=True, text=True, timeout=120, env=crawl_env())
    assert loaded.returncode == 0, loaded.stderr
    assert len(store_rows(fresh)) == 21


# --- 4. a run killed during its store commit loses nothing from the store ------------------------

def _waiting_on_lock(admin: sa.Engine) -> bool:
    with admin.connect() as conn:
        return bool(conn.execute(sa.text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"))
                    .scalar())


def test_a_run_killed_during_its_store_commit_is_committed_by_the_next_run(postgres, tmp_path):
    url = new_database(postgres)
    open_store(url).close()  # the schema exists, so the crawl's commit is what waits
    locker = sa.create_engine(engine_url(url))
    with RouteServer(site({})) as srv:
        urls = ",".join(srv.base + p for p in srv.routes if p.endswith(".html"))
        cmd = crawl_command(tmp_path, "wire", args={"urls": urls}, settings={**FAST_WIRE, "NEWSBOT_STORE": url})
        conn = locker.connect()
        tx = conn.begin()
        conn.execute(sa.text("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE"))
        proc = subprocess.Popen(cmd, cwd=tmp_path, env=crawl_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 90
            while not _waiting_on_lock(locker) and time.monotonic() < deadline:
                assert proc.poll() is None, "the crawl ended before its commit"
                time.sleep(0.2)
            assert _waiting_on_lock(locker), "the crawl's commit never waited"
            proc.kill()  # SIGKILL while the commit waits
            proc.communicate(timeout=30)
        finally:
            tx.rollback()
            conn.close()
        killed = collect(1, "", "", tmp_path / "output" / "wire")
        feeds = [p for p in (tmp_path / "output" / "wire").glob("*.jsonl")
                 if not p.name.endswith((".failures.jsonl", ".offers.jsonl"))]
        assert len(feeds) == 1 and len(read_jsonl(feeds[0])) == 20 and not killed.report  # written, not committed
        assert store_rows(url) == []

        second = wire_crawl(tmp_path, srv, {"NEWSBOT_STORE": url})
    assert second.returncode == 0, second.stderr[-2000:]
    assert len(store_rows(url)) == 20  # every record of the killed run is in the store now
    assert second.report["recovered"] == 20 and second.report["recovered_not_in_store"] == 0
    assert second.records == []  # and none is delivered twice
    locker.dispose()


def test_a_killed_runs_records_the_store_cannot_take_stay_undelivered_with_the_load_command(tmp_path):
    """Recovery proves the commit or does not move the record on: with the store gone, the
    killed run's records are fetched again, and the summary names `newsbot load`."""
    from newsbot.run.statestore import SQLiteState

    with RouteServer(site({}, n=5)) as srv:
        first = wire_crawl(tmp_path, srv)  # no store: delivered at once
        assert first.returncode == 0 and len(first.records) == 5
        feed = first.report["feeds"]["records"]
        # As a killed run with a store leaves it: registered, with its feed and store, never closed.
        state = SQLiteState(tmp_path / "state.sqlite3")
        gone = f"postgresql://postgres@127.0.0.1:{free_port()}/gone"
        state.db.execute("DELETE FROM seen")
        state.db.execute("INSERT INTO runs (run, feed, started, closed, host, pid, store) VALUES "
                         "('killed-run', ?, '2026-11-30T00:00:00+00:00', NULL, ?, 999999999, ?)",
                         (feed, socket.gethostname(), gone))  # pid 999999999: a process that is gone
        state.close()
        second = wire_crawl(tmp_path, srv)
    assert second.returncode == 0, second.stderr[-2000:]
    assert len(second.records) == 5  # not marked delivered: fetched and delivered again
    assert f"newsbot load {feed} --store" in second.stdout
    assert second.report["recovered"] == 0 and second.report["recovered_not_in_store"] == 5


# --- 7. run ids never collide; `runs` keeps one row per run ---------------------------------------

def test_runs_started_together_get_their_own_ids_feeds_and_runs_rows(postgres, tmp_path):
    from newsbot.run import new_run_id

    assert new_run_id("bs") != new_run_id("bs")
    url = new_database(postgres)
    open_store(url).close()
    with RouteServer(site({}, n=5)) as srv:
        urls = ",".join(srv.base + p for p in srv.routes if p.endswith(".html"))
        procs = []
        for n in range(3):  # same spider, same output folder, own state, one store, at once
            cmd = crawl_command(tmp_path, "wire", args={"urls": urls},
                                settings={"NEWSBOT_STORE": url, "NEWSBOT_STATE": str(tmp_path / f"state{n}.db")})
            procs.append(subprocess.Popen(cmd, cwd=tmp_path, env=crawl_env(), stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE))
        for proc in procs:
            proc.communicate(timeout=120)
            assert proc.returncode == 0
    reports = [json.loads(p.read_text()) for p in (tmp_path / "output" / "wire").glob("*.report.json")]
    assert len({r["run"] for r in reports}) == 3
    assert all(len(read_jsonl(r["feeds"]["records"])) == 5 for r in reports)
    runs = store_rows(url, "runs")
    assert sorted(r["run"] for r in runs) == sorted(r["run"] for r in reports)
    assert all(r["run"].split("-")[-2] == "wire" for r in reports)  # the spider is in the id


# --- 8. two processes opening a fresh PostgreSQL store at once ------------------------------------

def _open(url: str, barrier) -> str:
    barrier.wait()
    try:
        open_store(url).close()
        return "ok"
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


def test_two_crawls_creating_a_fresh_postgres_schema_do_not_race(postgres):
    for _ in range(3):
        url = new_database(postgres)
        ctx = multiprocessing.get_context("spawn")
        with ctx.Manager() as manager:
            barrier = manager.Barrier(4)
            with ctx.Pool(4) as pool:
                results = pool.starmap(_open, [(url, barrier)] * 4)
        assert results == ["ok"] * 4
        store = open_store(url)
        assert store.count("articles") == 0
        store.close()


# --- 12. an unchanged second run still says the prices held --------------------------------------

def test_an_unchanged_second_run_refreshes_the_offers_last_seen(tmp_path):
    server, base = serve()
    try:
        first = crawl(tmp_path, args={"base_url": base})
        assert first.returncode == 0 and first.offers
        time.sleep(1.1)  # the history's times are to the second
        second = crawl(tmp_path, args={"base_url": base})
    finally:
        server.shutdown()
    assert second.returncode == 0, second.stderr[-2000:]
    assert second.records == []  # nothing changed, nothing delivered again
    ident = lambda o: (o["site"], o["plan"], o["price"], o["currency"], o["term_months"])  # noqa: E731
    assert sorted(map(ident, second.offers)) == sorted(map(ident, first.offers))
    before = {ident(o): o for o in first.offers}
    for line in second.offers:
        assert line["first_seen"] == before[ident(line)]["first_seen"] < line["last_seen"]


# --- issue 17, 3: the summary names what the store lacks and the command that levels it --------------

def test_a_store_that_is_gone_is_in_the_summary_with_the_load_command(tmp_path):
    gone = f"postgresql://newsbot:secret@127.0.0.1:{free_port()}/newsbot"
    with RouteServer(site({}, n=4)) as srv:
        run = wire_crawl(tmp_path, srv, {"NEWSBOT_STORE": gone})
    assert run.returncode == 4
    feed = run.report["feeds"]["records"]
    assert "store: 4 records are in the feed but not in the store" in run.stdout
    assert f"newsbot load {feed} --store postgresql://newsbot:***@127.0.0.1" in run.stdout  # no password shown
    assert "secret" not in run.stdout


# --- issue 17, 4: a run in which every page failed exits non-zero ------------------------------------

def test_a_run_in_which_every_page_failed_exits_non_zero(tmp_path):
    routes = {"/robots.txt": robots_allow()}
    for i in range(3):
        routes[f"/news/gone-{i}.html"] = (404, HTML, b"<html><body>gone</body></html>")
    with RouteServer(routes) as srv:
        run = wire_crawl(tmp_path, srv)
        assert run.returncode == 5, run.stdout
        assert run.report["records"] == 0 and run.report["failures"] == 3
        assert "every page failed" in run.stdout
        # One good page among them: the run delivered, exit 0.
        srv.routes["/news/fine.html"] = (200, HTML, story_page("A fine story"))
        (tmp_path / "mixed").mkdir()
        mixed = wire_crawl(tmp_path / "mixed", srv)
    assert mixed.returncode == 0 and len(mixed.records) == 1
