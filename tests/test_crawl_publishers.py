"""End to end over the sample site's other publishers: NDTV, ThePrint and Free Press
Journal, each served on its own loopback port (own robots.txt, sitemaps, feeds) and crawled
with `scrapy crawl publisher -a profile=NAME`; every record is checked field by field
against the manifest the generator wrote. Business Standard's copy has test_crawl.py.

One crawl per publisher per module.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from urllib.parse import urlsplit

import pytest

from newsbot.core import profiles
from newsbot.sample_site import SAMPLES

from .crawling import SITES, crawl, serve

OTHERS = [s for s in SITES["sites"] if s["profile"] != "business_standard"]


def manifest(site: dict) -> dict:
    return json.loads((SAMPLES / site["root"] / "manifest.json").read_text("utf-8"))


@pytest.fixture(scope="module", params=[s["profile"] for s in OTHERS])
def run(request, tmp_path_factory):
    site = next(s for s in OTHERS if s["profile"] == request.param)
    server, base_url = serve(SAMPLES / site["root"])
    try:
        result = crawl(tmp_path_factory.mktemp(site["profile"]), spider="publisher",
                       args={"profile": site["profile"], "base_url": base_url})
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-3000:]
    result.site, result.manifest, result.requests = site, manifest(site), list(server.requests)
    return result


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_sample_site_has_four_publishers_sharing_stories():
    names = [s["profile"] for s in SITES["sites"]]
    assert names[0] == "business_standard" and len(names) >= 4
    assert all(n in profiles.BY_NAME for n in names)
    shared = SITES["shared_stories"]
    assert len(shared) >= 5
    # A story run by several publishers: headline rewritten, later time, own disclaimer, fewer paragraphs.
    by_story = defaultdict(dict)
    for site in SITES["sites"]:
        for a in manifest(site)["articles"]:
            by_story[a.get("story_id", a["id"])][site["profile"]] = a
    story = next(v for v in by_story.values() if len(v) >= 3 and "business_standard" in v)
    headlines = {a["headline"] for a in story.values()}
    disclaimers = {a["disclaimer"] for a in story.values()}
    times = {a["published"] for a in story.values()}
    assert len(headlines) == len(disclaimers) == len(times) == len(story)
    bs = story.pop("business_standard")
    assert any(len(a["body"]) < len(bs["body"]) for a in story.values())
    assert all(a["body"][0] == bs["body"][0] for a in story.values())


def test_every_article_exactly_once(run):
    got = Counter(path_of(r["canonical_url"]) for r in run.records)
    assert {p for p, n in got.items() if n > 1} == set()
    assert set(got) == {a["canonical_path"] for a in run.manifest["articles"]}
    assert len(run.records) == run.manifest["expected_records"]
    assert run.failures == []


def test_records_carry_the_publisher_and_its_profile(run):
    profile = profiles.get(run.site["profile"])
    assert {r["publisher"] for r in run.records} == {profile.publisher}
    # ThePrint's profile has no selectors: the generic path carries it.
    expected_path = "profile" if profile.story else "generic"
    assert {r["extraction"] for r in run.records} == {expected_path}


@pytest.mark.parametrize("field", ["body", "headline", "access", "agency", "dateline", "disclaimer", "paywall",
                                   "published_at", "credits"])
def test_each_record_field_matches_the_page_written(run, field):
    articles = {a["canonical_path"]: a for a in run.manifest["articles"]}
    wrong = []
    for r in run.records:
        a = articles[path_of(r["canonical_url"])]
        wire = r["wire"] or {}
        got, want = {
            "body": (r["body"], a["body"]),
            "headline": (r["headline"], a["headline"]),
            "access": (r["access"], a["access"]),
            "agency": (wire.get("agency"), a["agency"]),
            "dateline": (wire.get("dateline"), a["wire"]["dateline_city"]),
            "disclaimer": (r["disclaimer"], a["disclaimer"]),
            "paywall": (r["paywall"], None),
            "published_at": (r["published_at"], a["published"]),
            "credits": (wire.get("credits"), a["wire"]["printed_credits"]),
        }[field]
        if got != want:
            wrong.append((a["path"], want, got))
    assert wrong == []


def test_furniture_is_kept_out_of_the_body(run):
    body = "\n".join(p for r in run.records for p in r["body"])
    for line in ("Advertisement", "Track Latest News Live", "Also read", "Stay updated with the latest"):
        assert line not in body


def test_report_counts(run):
    rep = run.report
    counts = run.manifest["counts"]
    assert rep["spider"] == run.site["profile"]
    assert rep["records"] == counts["articles"]
    assert rep["records_by_agency"] == counts["by_agency"]
    assert rep["disclaimers_found"] == counts["with_disclaimer"]
    assert rep["monitors_failed"] == []


def test_own_robots_txt_read_first_and_its_sitemaps_and_feeds_used(run):
    paths = [path_of(p) for _, p, _ in run.requests]
    assert paths[0] == "/robots.txt"
    listed = {s.rstrip("/") for s in run.manifest["sitemaps"] + run.manifest["feeds"]}
    assert listed <= {p.rstrip("/") for p in paths}
    # Each article's page was found through the discovery the manifest names.
    assert all(a["listed_in"] for a in run.manifest["articles"])
