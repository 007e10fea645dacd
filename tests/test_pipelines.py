"""Pipelines one by one, without a crawl."""

import asyncio

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newsbot.crawling.items import ArticleItem, FailureItem, PageItem
from newsbot.core.keys import canonical_key
from newsbot.crawling.pipelines.dedup import CanonicalDedupPipeline
from newsbot.crawling.pipelines.extract import ExtractPipeline
from newsbot.crawling.pipelines.incremental import IncrementalStatePipeline
from newsbot.crawling.pipelines.validate import InvalidRecordPipeline
from newsbot.core.record import Article
from newsbot.run.statestore import SQLiteState

from .conftest import crawler_with_state


@pytest.mark.parametrize("a,b", [
    ("https://www.business-standard.com/amp/article/news-ians/x-118050600166_1.html",
     "https://www.business-standard.com/article/news-ians/x-118050600166_1.html"),
    ("https://www.business-standard.com/article/x-118050600166_1.html?utm_source=rss#top",
     "https://business-standard.com/article/x-118050600166_1.html"),
    ("https://example.com/story/", "https://EXAMPLE.com/story"),
])
def test_canonical_key_collapses_copies(a, b):
    assert canonical_key(a) == canonical_key(b)


def test_canonical_key_keeps_different_stories_apart():
    assert canonical_key("https://x.com/a-1_1.html") != canonical_key("https://x.com/a-2_1.html")


def _pipe(cls, **settings):
    crawler = get_crawler(settings_dict=settings)
    return cls.from_crawler(crawler), crawler


def record(url="https://x.example/a", body=("Para.",), canonical=None):
    art = Article(url=url, canonical_url=canonical or url, body=list(body))
    from newsbot.core.extract import fingerprint

    art.fingerprint = fingerprint(art)
    return ArticleItem(art.to_dict())


def test_dedup_drops_second_copy():
    pipe, crawler = _pipe(CanonicalDedupPipeline)
    pipe.process_item(record("https://x.example/a"))
    with pytest.raises(DropItem):
        pipe.process_item(record("https://x.example/amp/a", canonical="https://x.example/a"))
    assert crawler.stats.get_value("newsbot/duplicates") == 1


def test_extract_pipeline_turns_bad_page_into_failure(tmp_path):
    pipe, crawler = _pipe(ExtractPipeline, NEWSBOT_FAILED_PAGES_DIR=str(tmp_path))
    crawler.spider = type("S", (), {"name": "t"})()
    out = asyncio.run(pipe.process_item(PageItem(url="https://x.example/bad", body=bytes(range(256)) * 8)))
    assert isinstance(out, FailureItem) and out["reason"] == "binary"
    assert out["saved_as"] and open(out["saved_as"], "rb").read() == bytes(range(256)) * 8


PAGE = PageItem(url="https://x.example/a", body=b"<html><body><article><p>New Delhi, Nov 3 (PTI) "
                + b"A paragraph of story text that is long enough. " * 5 + b"</p></article></body></html>")


def test_extract_pipeline_gives_record():
    pipe, _ = _pipe(ExtractPipeline)
    out = asyncio.run(pipe.process_item(PAGE))
    assert isinstance(out, ArticleItem) and out["body"] and out["wire"]["agency"] == "PTI"


def test_worker_processes_give_the_same_record_and_failures():
    inline, _ = _pipe(ExtractPipeline)
    pooled, crawler = _pipe(ExtractPipeline, NEWSBOT_WORKERS=1)
    assert pooled.workers.count == 1

    async def both():
        try:
            bad = PageItem(url="https://x.example/bad", body=bytes(range(256)) * 8)
            return (await inline.process_item(PAGE), await pooled.process_item(PAGE),
                    await pooled.process_item(bad))
        finally:
            pooled.workers.close()

    a, b, failed = asyncio.run(both())
    assert dict(a) == dict(b)
    assert isinstance(failed, FailureItem) and failed["reason"] == "binary"


def test_worker_processes_start_with_the_spider_and_sign_the_records():
    """With NEWSBOT_WORKERS the pool starts when the spider opens (its processes import the
    extractor then, not on the first page), and with the story pipeline on each record comes
    back with its story signature, the one the crawler would make of the same body."""
    from newsbot.core.stories import signature

    stories = {"ITEM_PIPELINES": {"newsbot.crawling.pipelines.stories.StoryPipeline": 350}}
    pipe, _ = _pipe(ExtractPipeline, NEWSBOT_WORKERS=1, **stories)
    assert pipe.sign and pipe.workers.pool is None
    pipe.open_spider()
    try:
        assert pipe.workers.pool is not None
        out = asyncio.run(pipe.process_item(PAGE))
    finally:
        pipe.workers.close()
    mark, sig = out.signed
    mine = signature(out["body"])
    assert sig.hashvalues.tolist() == mine.hashvalues.tolist() and sig.bands() == mine.bands()
    assert sig.paragraphs == mine.paragraphs and sig.size == mine.size > 0
    # No story pipeline (or one disabled), or inline extraction: nothing is signed ahead.
    assert not _pipe(ExtractPipeline, NEWSBOT_WORKERS=1)[0].sign
    assert not _pipe(ExtractPipeline, NEWSBOT_WORKERS=1, NEWSBOT_STORIES_ENABLED=False, **stories)[0].sign
    inline = asyncio.run(_pipe(ExtractPipeline, **stories)[0].process_item(PAGE))
    assert inline.signed is None


def _odd_body_extractor(*args):
    return {"url": "https://x.example/odd", "body": 5}  # no list: no signature can be made of it


def test_a_signature_that_fails_in_the_worker_leaves_the_record_and_no_signature():
    from newsbot.crawling.pipelines.extract import extract_and_sign

    record, sig = extract_and_sign(_odd_body_extractor, b"", "https://x.example/odd")
    assert record == {"url": "https://x.example/odd", "body": 5} and sig is None


def test_the_story_pipeline_signs_again_a_body_changed_after_extraction():
    """A pipeline between extraction and the story join may edit the body, in place or by
    replacing it: the signature made with the record is then not used."""
    from newsbot.core.stories import signature
    from newsbot.crawling.pipelines.stories import StoryPipeline, body_mark

    body = ["A paragraph of a story about one thing that is long enough to be looked up by its hash."]
    other = ["Another story entirely, with nothing of the first one, and long enough to be looked up."]
    used = []

    class Joiner:
        def join(self, record, key, sig):
            used.append(sig)
            return {"relation": "first"}

    pipe = StoryPipeline(get_crawler())
    pipe.joiner = Joiner()
    for edit in (None, lambda item: item["body"].append("An added line."),
                 lambda item: item.__setitem__("body", list(other))):
        item = ArticleItem(url="https://x.example/a", body=list(body))
        item.signed = (body_mark(item["body"]), signature(body))
        if edit:
            edit(item)
        pipe.process_item(item)
    assert used[0] is not None and used[1] is None and used[2] is None
    assert body_mark(["a", {"not": "hashable"}]) is None


@pytest.mark.parametrize("workers", [0, 1])
def test_schema_validation_marks_invalid_records(workers):
    from newsbot.crawling.pipelines.validate import RecordValidationPipeline

    pipe, crawler = _pipe(RecordValidationPipeline, NEWSBOT_WORKERS=workers, SPIDERMON_ENABLED=True,
                          SPIDERMON_VALIDATION_SCHEMAS={ArticleItem: "newsbot.core.schema.ARTICLE_SCHEMA"},
                          SPIDERMON_VALIDATION_ADD_ERRORS_TO_ITEMS=True,
                          SPIDERMON_VALIDATION_ERRORS_FIELD="_validation")
    good, bad = record(), record()
    bad["access"] = "sometimes"

    async def run():
        try:
            return await pipe.process_item(good), await pipe.process_item(bad)
        finally:
            pipe.workers.close()

    good, bad = asyncio.run(run())
    assert "_validation" not in good
    assert list(bad["_validation"]) == ["access"]
    assert crawler.stats.get_value("spidermon/validation/items/errors") == 1


@pytest.mark.parametrize("workers", [0, 1])
def test_record_refused_by_the_compiled_check_reaches_failures_with_spidermons_errors(workers):
    """A record the compiled schema check refuses is judged by spidermon's validator: its
    errors (the same messages as jsonschema gives) ride to the failures feed with the reason."""
    from spidermon.contrib.validation import JSONSchemaValidator

    from newsbot.core.schema import ARTICLE_SCHEMA
    from newsbot.crawling.pipelines.validate import RecordValidationPipeline, passes

    settings = dict(NEWSBOT_WORKERS=workers, SPIDERMON_ENABLED=True,
                    SPIDERMON_VALIDATION_SCHEMAS={ArticleItem: "newsbot.core.schema.ARTICLE_SCHEMA"},
                    SPIDERMON_VALIDATION_ADD_ERRORS_TO_ITEMS=True, SPIDERMON_VALIDATION_ERRORS_FIELD="_validation")
    pipe, crawler = _pipe(RecordValidationPipeline, **settings)
    invalid, _ = _pipe(InvalidRecordPipeline, **settings)
    bad = record()
    bad["headline"] = 12
    bad["paywall"] = {"offers": "none"}
    del bad["body"]
    assert not passes([ARTICLE_SCHEMA], dict(bad))
    _, want = JSONSchemaValidator(ARTICLE_SCHEMA).validate(dict(bad))

    async def run():
        try:
            return await pipe.process_item(bad)
        finally:
            pipe.workers.close()

    out = invalid.process_item(asyncio.run(run()))
    assert isinstance(out, FailureItem) and out["reason"] == "invalid_record"
    assert out["errors"] == want and {"headline", "body", "paywall"} <= set(want)
    assert out["record"]["headline"] == 12
    assert crawler.stats.get_value("spidermon/validation/items/errors") == 1
    assert invalid.stats.get_value("newsbot/failures/invalid_record") == 1


def test_state_pipeline_skips_unchanged_and_marks_updates(tmp_path):
    crawler, state = crawler_with_state(tmp_path)
    pipe = IncrementalStatePipeline.from_crawler(crawler)
    store = state.state
    first = record(body=("Old text.",))
    assert pipe.process_item(first) is first
    store.put(canonical_key(first["url"]), first["fingerprint"], None)
    with pytest.raises(DropItem):
        pipe.process_item(record(body=("Old text.",)))
    changed = pipe.process_item(record(body=("New text.",)))
    assert changed["is_update"] and changed["previous_fingerprint"] == first["fingerprint"]


def test_invalid_record_goes_to_failures_with_errors():
    pipe, crawler = _pipe(InvalidRecordPipeline)
    item = record()
    item["_validation"] = {"access": ["'x' is not one of ['free', 'metered', 'premium']"]}
    out = pipe.process_item(item)
    assert isinstance(out, FailureItem) and out["reason"] == "invalid_record"
    assert out["errors"]["access"] and out["record"]["url"] == item["url"]
    assert crawler.stats.get_value("newsbot/failures/invalid_record") == 1


def test_offer_history_tracks_price_changes(tmp_path):
    store = SQLiteState(tmp_path / "s.sqlite")
    a = store.see_offer("bs.com", "BS", "Smart Essential", 2700.0, "INR", 12.0, when="2026-11-01T00:00:00+00:00")
    b = store.see_offer("bs.com", "BS", "Smart Essential", 2700.0, "INR", 12.0, when="2026-11-02T00:00:00+00:00")
    c = store.see_offer("bs.com", "BS", "Smart Essential", 2999.0, "INR", 12.0, when="2026-11-03T00:00:00+00:00")
    assert (b.first_seen, b.last_seen) == (a.first_seen, "2026-11-02T00:00:00+00:00")
    assert c.first_seen == "2026-11-03T00:00:00+00:00"
    assert [r.price for r in store.offer_history("bs")] == [2700.0, 2999.0]
