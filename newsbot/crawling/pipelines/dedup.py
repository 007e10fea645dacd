"""One record per canonical URL within a run: AMP and canonical copies, tracking parameters
and fragments collapse to one (newsbot/core/keys.py)."""

from __future__ import annotations

import logging
from scrapy.exceptions import DropItem

from newsbot.crawling.items import ArticleItem
from newsbot.core.keys import record_key

logger = logging.getLogger(__name__)

class CanonicalDedupPipeline:
    """Drops a record whose canonical URL this run already emitted."""

    def __init__(self, stats):
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, ArticleItem):
            return item
        key = record_key(item)
        if key in self.seen:
            self.stats.inc_value("newsbot/duplicates")
            raise DropItem(f"duplicate of canonical {key}: {item['url']}", log_level="INFO")
        self.seen.add(key)
        return item
