"""Incremental runs: a page an earlier run delivered unchanged gives no record; a changed
one is emitted again, marked as an update with the previous fingerprint. A page the user
named (-a urls=) is delivered again even when unchanged, unless
NEWSBOT_REDELIVER_EXPLICIT is off; the run summary counts those."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from newsbot.crawling.extensions.run import run_of
from newsbot.crawling.items import ArticleItem


class IncrementalStatePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.redeliver_explicit = crawler.settings.getbool("NEWSBOT_REDELIVER_EXPLICIT", True)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        state = run_of(self.crawler)
        if state is None or state.state is None or not isinstance(item, ArticleItem):
            return item
        prev = state.seen(state.record_key(item))
        if prev is None:
            return item
        if prev.fingerprint == item["fingerprint"]:
            if getattr(item, "explicit", False) and self.redeliver_explicit:
                self.stats.inc_value("newsbot/state/redelivered")
                return item
            self.stats.inc_value("newsbot/state/unchanged")
            raise DropItem(f"unchanged since {prev.last_seen}: {item['url']}", log_level="DEBUG")
        self.stats.inc_value("newsbot/state/updated")
        item["is_update"] = True
        item["previous_fingerprint"] = prev.fingerprint
        return item
