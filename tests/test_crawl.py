"""End to end: crawl the bundled sample site over a real loopback HTTP server with the
business_standard spider, then check the feeds against newsbot/samples/business_standard/manifest.json.

One crawl per module; each test reads one aspect of it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .crawling import MANIFEST, crawl, serve

ARTICLES = {a["canonical_path"]: a for a in MANIFEST["articles"]}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    server, base_url = serve()
    try:
        result = crawl(tmp_path_factory.mktemp("crawl"), args={"base_url": base_url})
    finally:
        server.shutdown()
    result.requests = list(server.requests)
    result.base_url = base_url
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def path_of(url: str) -> str:
    return urlsplit(url).path


def requested(run, path: str) -> list[int]:
    """Statuses the server answered for `path`, in order."""
    return [status for method, p, status in run.requests if urlsplit(p).path == path]


def test_every_article_exactly_once(run):
    paths = Counter(path_of(r["canonical_url"]) for r in run.records)
    assert {p for p, n in paths.items() if n > 1} == set()
    assert set(paths) == set(ARTICLES)
    assert len(run.records) == MANIFEST["expected_records"]


def test_records_by_agency_match_the_site(run):
    got = Counter((r["wire"] or {}).get("agency") or "staff" for r in run.records)
    assert dict(got) == MANIFEST["counts"]["by_agency"]


def test_records_by_access_match_the_site(run):
    got = Counter(r["access"] for r in run.records)
    assert dict(got) == MANIFEST["counts"]["by_access"]


@pytest.mark.parametrize("field", ["body", "headline", "access", "agency", "dateline", "disclaimer",
                                   "offers", "published_at"])
def test_each_record_field_matches_the_page_written(run, field):
    """Field by field against what build_site.py wrote into each page."""
    wrong = []
    for r in run.records:
        a = ARTICLES[path_of(r["canonical_url"])]
        wire = r["wire"] or {}
        got, want = {
            "body": (r["body"], a["body"]),
            "headline": (r["headline"], a["headline"]),
            "access": (r["access"], a["access"]),
            "agency": (wire.get("agency"), a["agency"] if a["agency"] != "staff" else None),
            # The byline's place stands in when the text prints no dateline.
            "dateline": (wire.get("dateline"), (a["wire"] or {}).get("dateline_city") or (a["wire"] or {}).get("byline_city")),
            "disclaimer": (r["disclaimer"], a["disclaimer"]),
            "offers": (len((r["paywall"] or {}).get("offers", [])), a["offers"]),
            "published_at": (r["published_at"], a["published"]),
        }[field]
        if got != want:
            wrong.append((a["path"], want, got))
    assert wrong == []


def test_paywall_plans_parsed_to_numbers(run):
    with_offers = [r for r in run.records if (r["paywall"] or {}).get("offers")]
    assert len(with_offers) == MANIFEST["counts"]["with_offers"]
    plans = {(o["plan"], o["price"], o["currency"], o["term_months"], o["monthly_price"])
             for r in with_offers for o in r["paywall"]["offers"]}
    assert plans == {("Smart Quarterly", 900, "INR", 3, 300), ("Smart Essential", 2700, "INR", 12, 225),
                     ("Smart Saver", 3900, "INR", 24, 162)}


def test_records_validate_against_the_schema(run, schema_validator):
    errors = [(r["url"], e.message) for r in run.records for e in schema_validator.iter_errors(r)]
    assert errors == []


def test_failures_feed_names_each_failed_page_and_reason(run):
    got = sorted((path_of(f["url"]), f["reason"]) for f in run.failures)
    assert got == sorted((f["path"], f["reason"]) for f in MANIFEST["expected_failures"])
    broken = next(f for f in run.failures if f["reason"] == "binary")
    assert Path(broken["saved_as"]).read_bytes()  # kept for reprocessing
    assert next(f for f in run.failures if f["reason"] == "http_404")["status"] == 404


def test_robots_txt_fetched_first_and_obeyed(run):
    first_path = urlsplit(run.requests[0][1]).path
    assert first_path == "/robots.txt"
    for path in MANIFEST["never_requested"]:
        assert requested(run, path) == []
    assert run.report["robots_forbidden"] >= 1
    assert "robots_disallowed" not in json.dumps(run.failures)


def test_no_off_site_request(run):
    # Every request the crawler made reached our server, and the off-site link was dropped.
    assert run.report["requests"] == len(run.requests)
    assert run.report["offsite_filtered"] >= len(MANIFEST["offsite_links"])


def test_server_error_retried_then_recorded(run):
    path = MANIFEST["traps"]["server_error_once"][0]
    assert requested(run, path) == [500, 200]
    assert path in {path_of(r["canonical_url"]) for r in run.records}


def test_redirected_url_gives_its_target_once(run):
    old = MANIFEST["traps"]["redirect"][0]
    target = MANIFEST["trap_details"][old]["to"]
    assert requested(run, old)[0] == 301
    assert sum(path_of(r["canonical_url"]) == target for r in run.records) == 1


def test_amp_copy_collapses_into_canonical_record(run):
    amp = MANIFEST["traps"]["amp_duplicate"][0]
    canonical = MANIFEST["trap_details"][amp]["canonical"]
    assert sum(path_of(r["canonical_url"]) == canonical for r in run.records) == 1
    assert not any(path_of(r["url"]) == amp and path_of(r["canonical_url"]) != canonical for r in run.records)


def test_non_article_pages_are_not_fetched_as_articles(run):
    assert requested(run, MANIFEST["traps"]["non_article"][0]) == []


def test_report_counts(run):
    rep = run.report
    assert rep["records"] == len(run.records)
    assert rep["records_by_access"] == MANIFEST["counts"]["by_access"]
    assert rep["pages_with_offers"] == MANIFEST["counts"]["with_offers"]
    assert rep["disclaimers_found"] == MANIFEST["counts"]["with_disclaimer"]
    assert rep["failures_by_reason"] == dict(Counter(f["reason"] for f in MANIFEST["expected_failures"]))
    assert rep["pages_fetched"] == len(run.requests)
    assert rep["elapsed_seconds"] > 0
    assert rep["monitors_failed"] == []


def test_feeds_are_named_by_run_and_written_as_utf8(run):
    feeds = run.report["feeds"]
    run_id = run.report["run"]
    assert Path(feeds["records"]).name == f"{run_id}.jsonl"
    assert Path(feeds["records"]).parent.name == "business_standard"
    raw = Path(feeds["offers"]).read_text("utf-8")
    assert "₹" in raw and "\\u20b9" not in raw
    assert feeds["records"] in run.stdout  # the command says where the feeds are


def test_progress_line_is_logged(run):
    assert "Crawled" in run.stderr and "pages (at" in run.stderr
