"""The Python API: `from newsbot import extract` on HTML text or bytes, and
`newsbot.crawl(profile, ...)` yielding records from a real crawl of the sample site on
127.0.0.1, with no settings file."""

from __future__ import annotations

import itertools
import json

import pytest

import newsbot
from newsbot import PageError, extract

from .crawling import FAST, MANIFEST, SITES, serve

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Harbour board widens the inner channel</title>
<meta property="og:title" content="Harbour board widens the inner channel">
<meta property="article:published_time" content="2026-11-20T09:30:00+05:30"></head>
<body><article><h1>Harbour board widens the inner channel</h1>
<p>Kochi, Nov 20 (PTI) The harbour board on Thursday began widening the inner channel so that
larger container ships can berth without waiting for the tide, officials said.</p>
<p>The work, spread over two seasons, will deepen the channel by two metres and add a turning
basin near the fishing harbour, the board said in a statement.</p>
<p>Fishing unions asked for the dredged silt to be kept away from the backwaters, where the
spawning grounds lie.</p></article></body></html>"""


def test_extract_takes_html_text_or_bytes_and_keeps_the_package_names():
    from_text = extract(PAGE, url="https://example.com/news/harbour-board-widens-channel")
    from_bytes = extract(PAGE.encode("utf-8"), url="https://example.com/news/harbour-board-widens-channel")
    assert from_text.to_dict() == from_bytes.to_dict()
    record = from_text.to_dict()
    assert record["headline"] == "Harbour board widens the inner channel"
    assert record["wire"]["agency"] == "PTI"
    assert any("turning basin" in p for p in record["body"])
    json.dumps(record)  # a JSON record
    # The API's names are the core's own (the extractor package is newsbot.core.extract).
    import newsbot.core.extract
    import newsbot.core.extract.page as page_module

    assert extract is newsbot.core.extract.extract
    with pytest.raises(PageError):
        extract(b"\x00\x01\x02binary" * 100)
    assert page_module.PageError is PageError


def test_crawl_yields_the_records_of_a_real_crawl(tmp_path):
    server, base_url = serve()
    try:
        # FAST: a loopback server needs none of the live sites' politeness delays.
        records = list(newsbot.crawl("business_standard", base_url=base_url, output_dir=tmp_path / "out",
                                     settings=FAST))
        limited = list(newsbot.crawl("business_standard", base_url=base_url, max_articles=3, settings=FAST))
        recent = list(newsbot.crawl("business_standard", base_url=base_url, since="2026-11-25", settings=FAST))
        # Stopping early stops the crawl, and leaves no error.
        first_two = list(itertools.islice(newsbot.crawl("business_standard", base_url=base_url, settings=FAST), 2))
    finally:
        server.shutdown()
    site = next(s for s in SITES["sites"] if s["profile"] == "business_standard")
    assert len(records) == site["records"] == len(MANIFEST["articles"])
    # Records only: the failures keep their own feed, in the run folder asked for.
    assert all(r.get("headline") and r.get("body") and "reason" not in r for r in records)
    assert {r["canonical_url"].split(base_url, 1)[-1] for r in records} == {a["canonical_path"] for a in MANIFEST["articles"]}
    assert list((tmp_path / "out" / "business_standard").glob("*.failures.jsonl"))
    assert 1 <= len(limited) <= 3
    assert recent and len(recent) < len(records)
    assert all((r["published_at"] or "9999") >= "2026-11-25" for r in recent)
    assert len(first_two) == 2


def test_crawl_with_a_bad_argument_raises_with_the_reason():
    with pytest.raises(newsbot.CrawlFailed) as caught:
        list(newsbot.crawl("no_such_publisher", base_url="http://127.0.0.1:9"))
    assert caught.value.exit_code == 2
    assert "unknown profile" in str(caught.value)
    with pytest.raises(newsbot.CrawlFailed) as caught:
        list(newsbot.crawl("ndtv", base_url="http://127.0.0.1:9", max_articles="ten"))
    assert caught.value.exit_code == 2 and "max_articles" in str(caught.value)
