"""Opens the state store (NEWSBOT_STATE) for the run and records each delivery.

A record counts as delivered once the feed exporter has written it (item_scraped fires
after the export): only then is its fingerprint stored, so an interrupted run leaves
undelivered pages to the next run and delivers nothing twice.
"""

from __future__ import annotations

import logging

from scrapy import signals

from ..items import ArticleItem
from ..pipelines.dedup import canonical_key
from ..state import open_state

logger = logging.getLogger(__name__)


class StateExtension:
    def __init__(self, crawler, spec: str | None):
        self.crawler = crawler
        self.store = open_state(spec)
        crawler.newsbot_state = self.store
        if self.store is not None:
            logger.info("incremental state: %s", spec)

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler, crawler.settings.get("NEWSBOT_STATE"))
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def item_scraped(self, item, response=None, spider=None):
        if self.store is None or not isinstance(item, ArticleItem):
            return
        key = canonical_key(item.get("canonical_url") or item["url"])
        self.store.put(key, item["fingerprint"], getattr(item, "lastmod", None))
        self.crawler.stats.inc_value("newsbot/state/delivered")

    def spider_closed(self, spider, reason):
        if self.store is not None:
            self.store.close()
