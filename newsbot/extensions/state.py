"""Opens the state store (NEWSBOT_STATE) for the run and records each delivery.

A record counts as delivered once the feed exporter has written it (item_scraped fires
after the export): only then is its fingerprint stored, so an interrupted run leaves
undelivered pages to the next run. A run killed between writing a record and storing its
fingerprint would get that record delivered again, so each run is registered in the store
with its records feed, and the next run first reads the feed of any run that never closed
and stores what it finds there: nothing is lost and nothing delivered twice.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from scrapy import signals

from ..items import ArticleItem
from ..pipelines.dedup import canonical_key, record_key
from ..state import open_state

logger = logging.getLogger(__name__)


class StateExtension:
    def __init__(self, crawler, spec: str | None):
        self.crawler = crawler
        self.store = open_state(spec)
        crawler.newsbot_state = self.store
        self.pending_aliases: dict[str, set[str]] = {}
        self.delivered: set[str] = set()  # keys stored by this run
        crawler.newsbot_state_ext = self
        if self.store is not None:
            logger.info("incremental state: %s", spec)

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler, crawler.settings.get("NEWSBOT_STATE"))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        if self.store is None:
            return
        for run, feed in self.store.open_runs():
            if feed and not Path(feed).exists():
                continue  # another machine's run (shared Redis state), or a feed moved away
            n = self.recover(feed) if feed else 0
            self.store.close_run(run)
            logger.warning("run %s did not finish: %d records written to its feed are now marked delivered", run, n)
            self.crawler.stats.inc_value("newsbot/state/recovered", n)
        self.run = getattr(spider, "run_id", None) or spider.name
        self.store.open_run(self.run, getattr(spider, "feed_paths", {}).get("records"))

    def recover(self, feed: str) -> int:
        """Store the fingerprint of every whole record in a killed run's feed."""
        n = 0
        with open(feed, encoding="utf-8", errors="replace") as lines:
            for line in lines:
                try:
                    rec = json.loads(line)
                    key = record_key(rec)
                    fingerprint = rec["fingerprint"]
                except (ValueError, KeyError, TypeError, AttributeError):
                    continue  # a line cut short by the kill: that record was not delivered
                prev = self.store.get(key)
                if prev is None or prev.fingerprint != fingerprint:
                    self.store.put(key, fingerprint, None)
                    n += 1
        return n

    def item_scraped(self, item, response=None, spider=None):
        if self.store is None or not isinstance(item, ArticleItem):
            return
        key = record_key(item)
        lastmod = getattr(item, "lastmod", None)
        self.store.put(key, item["fingerprint"], lastmod)
        self.delivered.add(key)
        # The fetched URL and any that redirected to it stand for the same page next run.
        for alias in self._aliases(item, key) | self.pending_aliases.pop(key, set()):
            self.store.put(alias, item["fingerprint"], lastmod)
        self.crawler.stats.inc_value("newsbot/state/delivered")

    def item_dropped(self, item, response=None, exception=None, spider=None):
        """A copy dropped as a duplicate or as unchanged was fetched under its own URL (an
        old slug that redirects, an AMP path): remember that URL for the page too."""
        if self.store is None or not isinstance(item, ArticleItem) or not item.get("fingerprint"):
            return
        key = record_key(item)
        for alias in self._aliases(item, key):
            self._alias(alias, key, getattr(item, "lastmod", None))

    def note_alias(self, old_url: str, new_url: str) -> None:
        """old_url redirects to new_url (RedirectAliasMiddleware)."""
        if self.store is not None and canonical_key(old_url) != canonical_key(new_url):
            self._alias(canonical_key(old_url), canonical_key(new_url))

    def _alias(self, alias: str, key: str, lastmod: str | None = None) -> None:
        """`alias` stands for the page under `key`: stored now if the page is delivered,
        else when it is (its first copy may still be on its way)."""
        delivered = self.store.get(key)
        if delivered is None:
            self.pending_aliases.setdefault(key, set()).add(alias)
        else:
            self.store.put(alias, delivered.fingerprint, lastmod or delivered.lastmod)

    @staticmethod
    def _aliases(item, key: str) -> set[str]:
        return {canonical_key(u) for u in getattr(item, "aliases", [])} - {key}

    def spider_closed(self, spider, reason):
        if self.store is not None:
            if getattr(self, "run", None):
                self.store.close_run(self.run)
            self.store.close()
