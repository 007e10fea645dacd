"""The database store: schema by migrations, upserts, crawls writing through the store
pipeline, `newsbot load`, and a store that goes away mid-crawl. PostgreSQL is a real
server (pgserver); SQLite a file."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from newsbot.sample_site import start_sample_site
from newsbot.core.keys import record_key
from newsbot.stores import Store, engine_url, migrate, open_store, schema_revision

from .stores import new_database, start_postgres
from .crawling import ALL, SAMPLE_SITE, collect, crawl, crawl_command, crawl_env
from .test_incremental import article, set_lastmod

T0 = datetime(2026, 11, 20, 6, 0, tzinfo=timezone.utc)


def record(path="/markets/news/a-1.html", fingerprint="f1", price=2700.0, plan="Digital Annual", **extra):
    rec = {"url": f"https://www.business-standard.com{path}", "canonical_url": None,
           "publisher": "Business Standard", "headline": "Headline", "published_at": "2026-11-20T10:00:00+05:30",
           "access": "metered", "wire": {"agency": "PTI"}, "fingerprint": fingerprint, "body": ["One."],
           "paywall": {"offers": [{"plan": plan, "price": price, "currency": "INR", "price_text": f"₹{price:,.0f}",
                                   "term_months": 12, "term_text": "1 Year", "monthly_price": None,
                                   "computed_monthly_price": price / 12, "intro": False, "flags": []}]}}
    rec.update(extra)
    return rec


def utc(dt: datetime) -> datetime:
    """SQLite gives back naive UTC times, PostgreSQL aware ones."""
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def counts(store: Store) -> dict:
    return {t: store.count(t) for t in ("articles", "article_versions", "offers", "runs")}


def test_migrations_upgrade_an_existing_database_in_place(store_url):
    engine = sa.create_engine(engine_url(store_url))
    migrate(engine, "0001")  # a database made by the first schema version, with a run in it
    assert schema_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO runs (run, spider, records) VALUES ('old-run', 'bs', 3)"))
        assert "offers" not in sa.inspect(conn).get_table_names()
    engine.dispose()

    store = open_store(store_url)  # opening a store upgrades it
    assert schema_revision(store.engine) == "0005"
    runs = store.rows("runs")
    assert [(r["run"], r["records"], r["store_unavailable"]) for r in runs] == [("old-run", 3, False)]
    store.write([record()], run="r1", seen=T0)
    assert store.count("offers") == 1


def test_upserts_keep_one_article_every_version_and_each_price(store_url):
    store = open_store(store_url)
    a = record()
    A_KEY = record_key(a)
    store.write([a, record("/markets/news/b-2.html", "g1")], run="r1", seen=T0)
    store.write([a], run="r1", seen=T0)  # the same again: nothing new
    assert counts(store) == {"articles": 2, "article_versions": 2, "offers": 1, "runs": 0}

    # A correction: a second version, the article row now holds it; the price changed too.
    later = T0 + timedelta(days=1)
    store.write([record(fingerprint="f2", price=3000.0, headline="Corrected")], run="r2", seen=later)
    assert counts(store) == {"articles": 2, "article_versions": 3, "offers": 2, "runs": 0}
    row = next(r for r in store.rows("articles") if r["key"] == A_KEY)
    assert (row["fingerprint"], row["headline"], row["run"]) == ("f2", "Corrected", "r2")
    assert row["record"]["headline"] == "Corrected"
    assert (utc(row["first_seen"]), utc(row["last_seen"])) == (T0, later)
    assert row["published_at"] is not None and row["agency"] == "PTI" and row["site"] == "business-standard.com"  # keys.site_of: one host rule

    # Loading an older feed afterwards does not roll the article back.
    store.write([a], run="r1", seen=T0)
    row = next(r for r in store.rows("articles") if r["key"] == A_KEY)
    assert row["fingerprint"] == "f2"
    versions = {(v["fingerprint"], v["run"]) for v in store.rows("article_versions")
                if v["key"] == A_KEY}
    assert versions == {("f1", "r1"), ("f2", "r2")}

    # The old price seen again later: its row's last_seen moves, no new row.
    store.write([record(fingerprint="f2", price=2700.0)], run="r3", seen=later + timedelta(days=1))
    prices = sorted((o["price"], o["last_seen"].day) for o in store.rows("offers"))
    assert prices == [(2700.0, 22), (3000.0, 21)]

    # One batch with new and stored keys, a key twice: every version kept, the last copy is the article.
    c1, c2 = record("/x/c-3.html", "c1"), record("/x/c-3.html", "c2", headline="Second")
    d1, d2 = record("/x/d-4.html", "d1", headline="First"), record("/x/d-4.html", "d2")
    store.write([c1, c2, d2, record(fingerprint="f3"), d1], run="r4", seen=later + timedelta(days=2))
    arts = {r["key"]: r for r in store.rows("articles")}
    assert len(arts) == 4
    assert (arts[record_key(c1)]["fingerprint"], arts[record_key(c1)]["headline"]) == ("c2", "Second")
    assert (arts[record_key(d1)]["fingerprint"], arts[record_key(d1)]["headline"]) == ("d1", "First")
    assert arts[A_KEY]["fingerprint"] == "f3"
    versions = {(v["key"], v["fingerprint"]) for v in store.rows("article_versions")}
    assert {(record_key(c1), "c1"), (record_key(c1), "c2"), (record_key(d1), "d1"), (record_key(d1), "d2"),
            (A_KEY, "f3")} <= versions and len(versions) == 8


def test_a_key_stored_by_another_writer_meanwhile_is_upserted(postgres, monkeypatch):
    """PostgreSQL copies keys it has not seen straight in; when another writer stored one
    between the look-up and the COPY, the batch is written again by upsert."""
    store = open_store(new_database(postgres))
    store.write([record()], run="r1", seen=T0)
    monkeypatch.setattr(Store, "_stored_keys", staticmethod(lambda conn, keys: set()))  # the look-up missed it
    store.write([record(fingerprint="f2"), record("/x/e-5.html", "e1")], run="r2", seen=T0 + timedelta(days=1))
    assert counts(store) == {"articles": 2, "article_versions": 3, "offers": 1, "runs": 0}
    assert {r["fingerprint"] for r in store.rows("articles")} == {"f2", "e1"}


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, root)
    server, base_url = start_sample_site(root)
    yield root, server, base_url
    server.shutdown()


def offer_ids(records) -> set:
    return {(o["plan"], o["price"], o["currency"], o["term_months"])
            for r in records for o in ((r.get("paywall") or {}).get("offers") or [])}


def test_crawl_into_postgres_then_a_changed_run_adds_only_what_changed(postgres, site, tmp_path):
    root, server, base_url = site
    url = new_database(postgres)
    first = crawl(tmp_path, args={"base_url": base_url}, settings={"NEWSBOT_STORE": url, "NEWSBOT_STORE_BATCH": "7"})
    assert first.returncode == 0, first.stderr[-2000:]
    store = open_store(url)
    keys = {r["key"] for r in store.rows("articles")}
    assert len(first.records) == len(ALL) and len(keys) == len(ALL)  # one row per article page
    assert {urlsplit(k).path for k in keys} == ALL
    assert store.count("article_versions") == len(ALL)
    stored_offers = {(o["plan"], o["price"], o["currency"], o["term_months"]) for o in store.rows("offers")}
    assert stored_offers == offer_ids(first.records)
    [run] = store.rows("runs")
    assert (run["run"], run["records"], run["store_unavailable"]) == (first.report["run"], len(ALL), False)
    assert run["report"]["records_by_agency"] == first.report["records_by_agency"]
    by_key = {r["key"]: r for r in store.rows("articles")}
    one = first.records[0]
    stored = by_key[record_key(one)]
    assert stored["record"] == one and stored["fingerprint"] == one["fingerprint"]

    # The site corrects one story and raises a price on two pages.
    edited = article(lambda a: a["access"] == "metered" and a["layout"] == "current" and not a["trap"])
    repriced = article(lambda a: a["access"] == "metered" and a["layout"] == "current" and not a["trap"]
                       and a["path"] != edited["path"])
    page = root / edited["path"].lstrip("/")
    page.write_text(page.read_text("utf-8").replace(edited["body"][1], "A corrected paragraph."), "utf-8")
    for entry in (edited, repriced):
        p = root / entry["path"].lstrip("/")
        p.write_text(p.read_text("utf-8").replace("₹900", "₹1,200"), "utf-8")
        set_lastmod(root, entry, (datetime.now(timezone.utc) + timedelta(minutes=1)).isoformat(timespec="seconds"))

    second = crawl(tmp_path, args={"base_url": base_url}, settings={"NEWSBOT_STORE": url})
    assert second.returncode == 0, second.stderr[-2000:]
    assert len(second.records) == 2
    assert counts(store) == {"articles": len(ALL), "article_versions": len(ALL) + 2,
                             "offers": len(stored_offers | offer_ids(second.records)), "runs": 2}
    assert offer_ids(second.records) - stored_offers == {("Smart Quarterly", 1200.0, "INR", 3.0)}
    changed = {r["key"]: r for r in store.rows("articles") if r["run"] == second.report["run"]}
    assert {urlsplit(k).path for k in changed} == {edited["canonical_path"], repriced["canonical_path"]}
    assert all(r["record"]["is_update"] for r in changed.values())
    store.close()


def load(feed, url, *more):
    return subprocess.run([sys.executable, "-m", "newsbot.cli", "load", str(feed), *more, "--store", url],
                          capture_output=True, text=True, timeout=120)


def test_load_a_feed_twice_adds_nothing(store_url, site, tmp_path):
    root, server, base_url = site
    run = crawl(tmp_path, args={"base_url": base_url})  # no store: feeds only
    assert run.returncode == 0, run.stderr[-2000:]
    feed = run.report["feeds"]["records"]

    first = load(feed, store_url)
    assert first.returncode == 0, first.stderr
    assert f"loaded {len(ALL)} records from 1 feeds (1 run reports)" in first.stdout
    assert "loading: 100%" in first.stderr  # the progress bar
    store = open_store(store_url)
    after_first = counts(store)
    assert after_first["articles"] == len(ALL) and after_first["runs"] == 1
    snapshot = sorted((r["key"], r["fingerprint"], r["last_seen"]) for r in store.rows("articles"))

    failures_feed = run.report["feeds"]["failures"]
    second = load(feed, store_url, failures_feed)  # a glob over the run folder picks the failures feed too
    assert second.returncode == 0, second.stderr
    assert f"{failures_feed}: not a records feed, passed over" in second.stderr
    assert counts(store) == after_first
    assert sorted((r["key"], r["fingerprint"], r["last_seen"]) for r in store.rows("articles")) == snapshot


def test_load_names_lines_that_are_no_record(tmp_path):
    feed = tmp_path / "2026-11-20T06-00-00Z.jsonl"
    import json

    feed.write_text(json.dumps(record()) + "\n{cut short\n" + json.dumps({"url": "x"}) + "\n", "utf-8")
    url = f"sqlite:///{tmp_path / 's.db'}"
    out = load(feed, url, "-q")
    assert out.returncode == 1
    assert f"{feed}:2: skipped" in out.stderr and f"{feed}:3: skipped: not a record" in out.stderr
    assert open_store(url).count("articles") == 1


def test_store_going_away_mid_crawl_loses_nothing(site, tmp_path):
    """The server is stopped while the crawl runs: the crawl goes on, every record is in
    the feed, the run ends with exit code 4 and store_unavailable; `newsbot load` levels it."""
    pg, folder = start_postgres()
    try:
        url = new_database(pg)
        open_store(url).close()  # schema in place before the crawl
        root, server, base_url = site
        server.latency = 0.3  # a slow site until the database is down: the crawl outlasts the shutdown
        articles_served = lambda: sum(1 for _, p, _ in server.requests if p.endswith("_1.html"))  # noqa: E731

        stopped = threading.Event()

        def stop_postgres_mid_crawl():
            deadline = time.monotonic() + 60
            while articles_served() < 12 and time.monotonic() < deadline:
                time.sleep(0.01)
            stop(pg, folder)
            stopped.set()
            server.latency = 0.01  # then the rest of the crawl, quickly

        stopper = threading.Thread(target=stop_postgres_mid_crawl)
        stopper.start()
        cmd = crawl_command(tmp_path, args={"base_url": base_url},
                            settings={"NEWSBOT_STORE": url, "NEWSBOT_STORE_BATCH": "4", "NEWSBOT_STORE_RETRY": "0"})
        proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=180, env=crawl_env())
        stopper.join()
        assert stopped.is_set()
        run = collect(proc.returncode, proc.stdout, proc.stderr, tmp_path / "output" / "business_standard")
        assert proc.returncode == 4, proc.stderr[-3000:]
        assert len(run.records) == len(ALL)  # the crawl went on: every record is in the feed
        assert run.report["store_unavailable"] is True
        assert 0 < run.report["store_unwritten"] <= len(ALL)
        assert "store unavailable" in proc.stderr

        pg._instances.pop(pg.pgdata, None)
        pg2, _ = start_postgres(folder)  # the server is back
        store = open_store(url)
        assert store.count("articles") == len(ALL) - run.report["store_unwritten"]
        out = load(run.report["feeds"]["records"], url, "-q")
        assert out.returncode == 0, out.stderr
        assert store.count("articles") == store.count("article_versions") == len(ALL)
        [row] = store.rows("runs")
        assert row["store_unavailable"] is True and row["records"] == len(ALL)
        store.close()
    finally:
        try:
            stop(pg, folder)
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(folder, ignore_errors=True)


def stop(server, folder) -> None:
    """Stop the server at once, as a crash or an operator would (pgserver's own pg_ctl, its user)."""
    from pgserver._commands import pg_ctl

    pg_ctl(["-m", "immediate", "-w", "stop"], pgdata=folder, user=server.system_user, timeout=30)


LATEST_PRICE = {  # the README's "latest price per plan per site"
    "postgresql": """
        SELECT DISTINCT ON (site, plan, intro) site, plan, intro, price, currency, term_months, last_seen
        FROM offers ORDER BY site, plan, intro, last_seen DESC""",
    "sqlite": """
        SELECT site, plan, intro, price, currency, term_months, max(last_seen) AS last_seen
        FROM offers GROUP BY site, plan, intro""",
}
STORIES_PER_DAY = {  # the README's "stories per agency per day" (days in IST)
    "postgresql": """
        SELECT (published_at AT TIME ZONE 'Asia/Kolkata')::date AS day, coalesce(agency, 'staff') AS agency,
               count(*) AS stories
        FROM articles GROUP BY 1, 2 ORDER BY 1, 2""",
    "sqlite": """
        SELECT date(published_at, '+5 hours', '+30 minutes') AS day, coalesce(agency, 'staff') AS agency,
               count(*) AS stories
        FROM articles GROUP BY 1, 2 ORDER BY 1, 2""",
}


def test_the_readme_queries(store_url):
    store = open_store(store_url)
    store.write([record(), record("/x/b-2.html", "b1", published_at="2026-11-20T23:30:00+05:30"),
                 record("/x/c-3.html", "c1", wire=None, published_at="2026-11-21T00:10:00+05:30")], run="r1", seen=T0)
    store.write([record(fingerprint="f2", price=3000.0)], run="r2", seen=T0 + timedelta(days=1))
    with store.engine.connect() as conn:
        latest = conn.execute(sa.text(LATEST_PRICE[store.dialect])).all()
        stories = conn.execute(sa.text(STORIES_PER_DAY[store.dialect])).all()
    assert [(r.site, r.plan, r.price) for r in latest] == [("business-standard.com", "Digital Annual", 3000.0)]
    assert [(str(r.day), r.agency, r.stories) for r in stories] == [
        ("2026-11-20", "PTI", 2), ("2026-11-21", "staff", 1)]


def test_store_down_from_the_start_costs_no_record(site, tmp_path):
    root, server, base_url = site
    url = f"postgresql://postgres@/postgres?host={tmp_path / 'no-server-here'}"
    run = crawl(tmp_path, args={"base_url": base_url}, settings={"NEWSBOT_STORE": url})
    assert run.returncode == 4, run.stderr[-2000:]
    assert len(run.records) == len(ALL)
    assert run.report["store_unavailable"] is True and run.report["store_unwritten"] == len(ALL)


def test_pipeline_commits_batches_after_the_feed_and_signals_them(tmp_path):
    """In process: records are taken once the feed line is written (record_written, sent by
    the run state's delivery hook), committed in batches, and each commit is announced with
    store_committed."""
    from scrapy import Spider
    from scrapy.utils.test import get_crawler

    from newsbot.run.signals import record_written
    from newsbot.crawling.items import ArticleItem
    from newsbot.crawling.pipelines.store import StorePipeline, store_committed

    url = f"sqlite:///{tmp_path / 's.db'}"
    crawler = get_crawler(Spider, {"NEWSBOT_STORE": url, "NEWSBOT_STORE_BATCH": 2})
    crawler.spider = Spider("bs")
    crawler.spider.run_id = "2026-11-29T06-00-00Z"
    committed = []
    crawler.signals.connect(lambda records, run: committed.append(([r["fingerprint"] for r in records], run)),
                            signal=store_committed, weak=False)
    pipe = StorePipeline.from_crawler(crawler)
    pipe.open_spider(crawler.spider)
    items = [ArticleItem(record(f"/x/{i}-1.html", f"f{i}")) for i in range(5)]
    for item in items:
        assert pipe.process_item(item) is item  # passes through untouched
    assert committed == []  # nothing before the feed exporter wrote the line
    for item in items:
        crawler.signals.send_catch_log(signal=record_written, item=item, key=None)
    assert committed == [(["f0", "f1"], "2026-11-29T06-00-00Z"), (["f2", "f3"], "2026-11-29T06-00-00Z")]
    pipe.close_spider(crawler.spider)
    assert committed[-1] == (["f4"], "2026-11-29T06-00-00Z")
    assert open_store(url).count("articles") == 5
    assert crawler.stats.get_value("newsbot/store/written") == 5


def test_an_introductory_offer_is_one_row_with_its_intro_price_and_term(store_url):
    store = open_store(store_url)
    rec = record()
    rec["paywall"]["offers"] = [{"plan": "Digital Basic", "price": 17.99, "currency": "CAD", "price_text": "$17.99",
                                 "term_months": 0.92, "term_text": "every 4 weeks", "intro": True,
                                 "intro_price": 1.0, "intro_price_text": "$1", "intro_term_months": 6.0,
                                 "intro_term_text": "for 6 months", "list_price": None, "flags": ["currency_assumed"]}]
    store.write([rec], run="r1", seen=T0)
    later = dict(rec, fingerprint="f2")
    later["paywall"] = {"offers": [dict(rec["paywall"]["offers"][0], intro_price=2.0)]}
    store.write([later], run="r2", seen=T0 + timedelta(days=1))
    rows = sorted(store.rows("offers"), key=lambda r: r["intro_price"])
    assert [(r["price"], r["intro_price"], r["intro_term_months"], r["intro_term_text"]) for r in rows] == [
        (17.99, 1.0, 6.0, "for 6 months"), (17.99, 2.0, 6.0, "for 6 months")]


def test_a_record_is_delivered_only_once_its_store_transaction_commits(tmp_path):
    """The delivery seam: with NEWSBOT_STORE, the feed's durable write alone does not mark a
    record delivered; the store's commit does. A batch that never commits leaves its records
    undelivered (they are in the feed for `newsbot load`, and the next run fetches them)."""
    from newsbot.run.signals import store_committed
    from newsbot.crawling.items import ArticleItem

    from .conftest import crawler_with_state

    crawler, state = crawler_with_state(tmp_path, NEWSBOT_STORE=f"sqlite:///{tmp_path / 's.db'}")
    written = []
    from newsbot.run.signals import record_written
    crawler.signals.connect(lambda item, key: written.append(key), signal=record_written, weak=False)
    a, b = ArticleItem(record("/x/a-1.html", "fa")), ArticleItem(record("/x/b-2.html", "fb"))
    state.written(a)
    state.written(b)
    assert written == [record_key(a), record_key(b)]
    assert state.seen(record_key(a)) is None and state.delivered == set()
    crawler.signals.send_catch_log(store_committed, records=[dict(a)], run="r1")
    assert state.delivered == {record_key(a)}
    assert state.seen(record_key(a)) is not None and state.seen(record_key(b)) is None
