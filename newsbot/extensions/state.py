"""The run and its state: one extension, found with `crawler.get_extension(RunState)` (or
`run_state(crawler)`), that owns

- the run id and the run's output paths (records, failures, offers, report);
- the state store (NEWSBOT_STATE, behind the `StateStore` protocol of newsbot/state.py),
  locked for the run so two runs never deliver the same pages;
- the key a page stands under (`key`, `record_key`: newsbot/keys.py), the keys this run
  delivered and the aliases (old URLs, AMP copies) waiting for their page's delivery;
- the run's fatal errors (a feed or the store that cannot be written).

Delivery has one hook: `RunState.mark_delivered(item)`. The feed exporter
(newsbot/feeds.py) calls it only once the record is durably in a feed (written through to
the file; for feeds stored at the end, after the store succeeded), so a record counts as
delivered only when it can be read back. With a database store (NEWSBOT_STORE) the record
also waits for its transaction: the hook sends `record_written`, the store pipeline
(newsbot/pipelines/store.py) writes it in a batch and sends `store_committed`, and only
then is it delivered. A record whose store write failed stays undelivered: it is in the
feed, `newsbot load` levels the store, and the next run fetches its page again.

A run killed between writing a record and storing its fingerprint would get that record
delivered again, so each run is registered in the store with its records feed, and the
next run first reads the feed of any run that never closed and stores what it finds there.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime, timezone
from pathlib import Path

from scrapy import signals

from ..items import ArticleItem
from ..keys import canonical_key, record_key
from ..state import StateStore, StateStoreError, open_state

logger = logging.getLogger(__name__)

record_delivered = object()
"""Signal sent by RunState.mark_delivered(item=..., key=...) after the state is stored."""
record_written = object()
"""Signal: a record is durably in its feed (with a database store, NEWSBOT_STORE, it now
waits for the store's commit to count as delivered). Arguments: item, key. The run report
counts records from it; the store pipeline takes them from it."""
store_committed = object()
"""Signal: a batch of records is committed to the database store. Arguments: records (list
of dicts), run. Each record in it that waited is delivered then."""

_SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


def failed_pages_dir(settings, spider_name: str) -> str | None:
    """NEWSBOT_FAILED_PAGES_DIR with %(output)s and %(name)s filled in (None when empty)."""
    folder = settings.get("NEWSBOT_FAILED_PAGES_DIR")
    if not folder:
        return None
    return folder % {"name": spider_name, "output": str(settings.get("NEWSBOT_OUTPUT_DIR") or "output").rstrip("/")}


async def wait_for_feeds(crawler) -> None:
    """Feeds stored at the end (S3, FTP) confirm their records while the spider closes:
    whatever counts deliveries or closes the store waits for them."""
    from ..feeds import FeedExporter

    try:
        exporter = crawler.get_extension(FeedExporter)
    except RuntimeError:
        exporter = None
    if exporter is not None:
        await exporter.wait_closed()


def run_state(crawler) -> "RunState | None":
    """The crawl's RunState extension, or None (not enabled, or extensions not built yet)."""
    try:
        return crawler.get_extension(RunState)
    except (RuntimeError, AttributeError):
        return None


class RunState:
    def __init__(self, crawler, spec: str | None):
        self.crawler = crawler
        settings = crawler.settings
        spider = getattr(crawler, "spider", None)
        self.spider_name = getattr(spider, "name", None) or "newsbot"
        if not _SAFE_NAME.match(self.spider_name):
            raise ValueError(f"spider name {self.spider_name!r} is not a plain name: refused, since it "
                             "names the output folder")
        self.output_dir = str(settings.get("NEWSBOT_OUTPUT_DIR") or "output").rstrip("/") or "."
        self.run_id = self._new_run_id()
        base = self.folder / self.run_id
        self.paths: dict[str, str] = {"records": f"{base}.jsonl", "failures": f"{base}.failures.jsonl",
                                      "offers": f"{base}.offers.jsonl"}
        self.failed_pages_dir: str | None = failed_pages_dir(settings, self.spider_name)
        self.claimed: set[str] = set()  # paths the feed exporter set from the feeds it opened
        self.errors: list[str] = []
        self.delivered: set[str] = set()  # keys stored by this run
        # Records in their feed that wait for the database store's commit, by key.
        self.awaiting_store: dict[str, object] | None = {} if settings.get("NEWSBOT_STORE") else None
        self.pending_aliases: dict[str, set[str]] = {}
        self.spec = spec
        self.store: StateStore | None = open_state(spec)
        if self.store is not None:
            # Workers of one distributed run (settings_distributed: NEWSBOT_RUN) share the lock.
            self.store.lock(settings.get("NEWSBOT_RUN") or self.run_id)
            logger.info("incremental state: %s", spec)
        if spider is not None:
            spider.run_id, spider.feed_paths = self.run_id, self.paths

    @property
    def folder(self) -> Path:
        return Path(self.output_dir) / self.spider_name

    def _new_run_id(self) -> str:
        # Two runs started in the same second must not share (append to) one feed.
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H-%M-%SZ")
        run_id, n = stamp, 1
        while (self.folder / f"{run_id}.jsonl").exists():
            n += 1
            run_id = f"{stamp}-{n}"
        return run_id

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler, crawler.settings.get("NEWSBOT_STATE"))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        if ext.awaiting_store is not None:
            crawler.signals.connect(ext.store_committed, signal=store_committed)
        return ext

    # --- keys ------------------------------------------------------------------------------
    key = staticmethod(canonical_key)
    record_key = staticmethod(record_key)

    def seen(self, key: str):
        """What an earlier run (or this one) delivered under `key`, or None."""
        return self.store.get(key) if self.store is not None else None

    # --- errors ----------------------------------------------------------------------------
    def fail(self, message: str, reason: str = "delivery_error") -> None:
        """A feed or the store cannot be written: nothing more can be delivered, so the run
        stops, and `newsbot crawl` exits non-zero with `message`."""
        if message not in self.errors:
            self.errors.append(message)
            logger.error("%s", message)
        engine = getattr(self.crawler, "engine", None)
        if engine is not None and getattr(engine, "running", False) and len(self.errors) == 1:
            from scrapy.utils.defer import deferred_from_coro

            deferred_from_coro(engine.close_spider_async(reason=reason))

    # --- the run ---------------------------------------------------------------------------
    def spider_opened(self, spider):
        spider.run_id, spider.feed_paths = self.run_id, self.paths
        if self.store is None:
            return
        self._lock_refresh = None
        if hasattr(self.store, "refresh_lock"):
            # A lock with expiry (Redis) is renewed while the run lives.
            from twisted.internet import task

            self._lock_refresh = task.LoopingCall(self._refresh_lock)
            self._lock_refresh.start(self.store.LOCK_TTL_MS / 3000, now=False)
        for run, feed in self.store.open_runs():
            if feed and not Path(feed).exists():
                continue  # another machine's run (shared Redis state), or a feed moved away
            n = self.recover(feed) if feed else 0
            self.store.close_run(run)
            logger.warning("run %s did not finish: %d records written to its feed are now marked delivered", run, n)
            self.crawler.stats.inc_value("newsbot/state/recovered", n)
        self.store.open_run(self.run_id, self.paths.get("records"))

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

    def mark_delivered(self, item) -> None:
        """THE delivery hook: `item` (an ArticleItem) is durably in its feed. Without a
        database store it is delivered now; with one, once its batch is committed."""
        if not isinstance(item, ArticleItem):
            return
        key = record_key(item)
        if self.awaiting_store is not None:
            self.awaiting_store[key] = item
        self.crawler.signals.send_catch_log(record_written, item=item, key=key)
        if self.awaiting_store is None:
            self._deliver(item, key)

    def store_committed(self, records, run=None) -> None:
        """The database store committed these records: those that waited are delivered."""
        for record in records:
            key = record_key(record)
            item = self.awaiting_store.pop(key, None)
            if item is not None:
                self._deliver(item, key)

    def _deliver(self, item, key: str) -> None:
        """Stores the record's fingerprint, and those of the URLs that stand for it, then
        sends `record_delivered`. A state store that cannot be written stops the run."""
        self.delivered.add(key)
        self.crawler.stats.inc_value("newsbot/state/delivered")
        if self.store is not None:
            lastmod = getattr(item, "lastmod", None)
            try:
                self.store.put(key, item["fingerprint"], lastmod)
                # The fetched URL and any that redirected to it stand for the same page next run.
                for alias in self._aliases(item, key) | self.pending_aliases.pop(key, set()):
                    self.store.put(alias, item["fingerprint"], lastmod)
            except Exception as exc:
                self.fail(f"state store {self.spec} cannot be written ({type(exc).__name__}: {exc}): the record "
                          f"for {item.get('url')} is in the feed but not marked delivered", "state_error")
                return
        self.crawler.signals.send_catch_log(record_delivered, item=item, key=key)

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

    def _refresh_lock(self) -> None:
        try:
            self.store.refresh_lock()
        except Exception as exc:  # the lock expired and another run took the store
            self.fail(f"lost the lock on state store {self.spec}: {exc}", "state_error")

    async def spider_closed(self, spider, reason):
        await wait_for_feeds(self.crawler)
        if getattr(self, "_lock_refresh", None) is not None and self._lock_refresh.running:
            self._lock_refresh.stop()
        if self.store is not None:
            try:
                self.store.close_run(self.run_id)
            except Exception as exc:
                self.fail(f"state store {self.spec} cannot be written at the end of the run: {exc}", "state_error")
            self.store.close()


# The name settings used before the run state had one home.
StateExtension = RunState

__all__ = ["RunState", "run_state", "record_delivered", "StateStoreError"]
