"""Incremental runs: a page an earlier run delivered unchanged gives no record; a changed
one is emitted again, marked as an update with the previous fingerprint."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from ..items import ArticleItem
from .dedup import record_key


class IncrementalStatePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        store = getattr(self.crawler, "newsbot_state", None)
        if store is None or not isinstance(item, ArticleItem):
            return item
        prev = store.get(record_key(item))
        if prev is None:
            return item
        if prev.fingerprint == item["fingerprint"]:
            self.stats.inc_value("newsbot/state/unchanged")
            raise DropItem(f"unchanged since {prev.last_seen}: {item['url']}", log_level="DEBUG")
        self.stats.inc_value("newsbot/state/updated")
        item["is_update"] = True
        item["previous_fingerprint"] = prev.fingerprint
        return item
