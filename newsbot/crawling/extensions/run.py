"""The Scrapy adapter of the run (newsbot/run/): one extension that builds the crawl's
`Run` from the settings, hands it Scrapy's signals, and stops the engine when the run must
stop. Everything else finds the run with `run_of(crawler)`; the run itself knows nothing
of Scrapy.
"""

from __future__ import annotations

import logging

from scrapy import signals

from newsbot.crawling.items import ArticleItem
from newsbot.run import Run, StateStoreError
from newsbot.run.signals import store_committed

logger = logging.getLogger(__name__)

__all__ = ["RunExtension", "run_of", "wait_for_feeds", "StateStoreError"]


def run_of(crawler) -> Run | None:
    """The crawl's Run, built on first use (the feed exporter asks before the extension
    is built); None when the RunExtension is not enabled."""
    run = getattr(crawler, "_newsbot_run", None)
    if run is not None:
        return run
    path = f"{RunExtension.__module__}.{RunExtension.__name__}"
    if not any(v is not None and (k is RunExtension or k == path)
               for k, v in crawler.settings.getwithbase("EXTENSIONS").items()):
        return None
    s = crawler.settings
    spider = getattr(crawler, "spider", None)

    def stop(reason: str) -> None:
        engine = getattr(crawler, "engine", None)
        if engine is not None and getattr(engine, "running", False):
            from scrapy.utils.defer import deferred_from_coro

            deferred_from_coro(engine.close_spider_async(reason=reason))

    run = Run(getattr(spider, "name", None) or "newsbot", output_dir=s.get("NEWSBOT_OUTPUT_DIR"),
              state=s.get("NEWSBOT_STATE"), store=s.get("NEWSBOT_STORE"),
              failed_pages=s.get("NEWSBOT_FAILED_PAGES_DIR"), group=s.get("NEWSBOT_RUN"),
              emit=lambda signal, **kw: crawler.signals.send_catch_log(signal, **kw), stop=stop)
    crawler._newsbot_run = run
    if spider is not None:
        spider.run_id, spider.feed_paths = run.run_id, run.paths
    return run


async def wait_for_feeds(crawler) -> None:
    """Feeds stored at the end (S3, FTP) confirm their records while the spider closes:
    whatever counts deliveries or closes the store waits for them (the feed exporter,
    newsbot/crawling/feeds.py, sets `run.feeds_closed` once every feed is stored)."""
    run = run_of(crawler)
    if run is not None and run.feeds_closed is not None:
        await run.feeds_closed.wait()


class RunExtension:
    def __init__(self, crawler):
        self.crawler = crawler
        self.run = run_of(crawler)
        self._lock_refresh = None

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.store_committed, signal=store_committed)
        return ext

    def spider_opened(self, spider):
        run = self.run
        spider.run_id, spider.feed_paths = run.run_id, run.paths
        if run.state is None:
            return
        if hasattr(run.state, "refresh_lock"):
            # A lock with expiry (Redis) is renewed while the run lives.
            from twisted.internet import task

            self._lock_refresh = task.LoopingCall(run.refresh_lock)
            self._lock_refresh.start(run.state.LOCK_TTL_MS / 3000, now=False)
        run.open()
        self.crawler.stats.inc_value("newsbot/state/recovered", run.report_extra.get("recovered", 0))

    def item_dropped(self, item, response=None, exception=None, spider=None):
        if isinstance(item, ArticleItem):
            self.run.dropped(item)

    def store_committed(self, records, run=None) -> None:
        self.run.committed(records)

    async def spider_closed(self, spider, reason):
        await wait_for_feeds(self.crawler)
        if self._lock_refresh is not None and self._lock_refresh.running:
            self._lock_refresh.stop()
        self.run.close()
