"""Writes delivered records to the database store (NEWSBOT_STORE) in batches.

Records are taken from the run state's `record_written` signal, i.e. once the feed
exporter has durably written their line, so a store row never exists for a record the feed
lacks; each batch of NEWSBOT_STORE_BATCH records is one transaction (upsert by article
key). After each commit the pipeline sends `store_committed` with the batch, and the run's
ledger delivers those records (newsbot/run/ledger.py): a record is delivered once its feed
line is written and its store transaction committed.

A record the database refuses (a data error: text it cannot hold, a value out of range)
is that record's failure: counted (`store_rejected`), named in the log with its URL and
reason, kept in the feed and left undelivered; the rest of its batch is committed.

The store going away does not stop the crawl: the batch stays in the feed (that is what
`newsbot load` reads to level the store), the run is flagged `store_unavailable` (run
report, stats, exit code of `newsbot crawl`), and the next batch tries again once
NEWSBOT_STORE_RETRY seconds have passed.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from datetime import datetime, timezone

from scrapy import signals

from newsbot.crawling.items import ArticleItem
from newsbot.run.signals import record_written, run_reported, store_committed

logger = logging.getLogger(__name__)

__all__ = ["StorePipeline", "store_committed"]


class StorePipeline:
    def __init__(self, crawler, url: str | None, batch_size: int = 500, retry_seconds: float = 30.0):
        self.crawler = crawler
        self.stats = crawler.stats
        self.url = url
        self.batch_size = max(1, batch_size)
        self.retry_seconds = retry_seconds
        self.store = None
        self.pending: list[dict] = []
        self.retry_at = 0.0
        self.run = None

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        pipe = cls(crawler, s.get("NEWSBOT_STORE"), s.getint("NEWSBOT_STORE_BATCH", 500),
                   s.getfloat("NEWSBOT_STORE_RETRY", 30.0))
        if pipe.url:
            crawler.signals.connect(pipe.record_written, signal=record_written)
            # The runs row is the run report, written once that is built.
            crawler.signals.connect(pipe.run_reported, signal=run_reported)
            crawler.signals.connect(pipe.engine_stopped, signal=signals.engine_stopped)
        return pipe

    def open_spider(self, spider=None):
        if not self.url:
            return
        spider = spider or self.crawler.spider
        self.run = getattr(spider, "run_id", None) or spider.name
        self.started = datetime.now(timezone.utc)
        self._connect()

    def _connect(self) -> bool:
        # Imported here: SQLAlchemy costs a crawl without a store ~25 MiB it would not use.
        from newsbot.stores import StoreUnavailable, open_store

        try:
            self.store = open_store(self.url)
            logger.info("database store: %s", self.store.engine.url.render_as_string(hide_password=True))
            return True
        except StoreUnavailable as exc:
            self._unavailable(f"cannot open the store: {exc}")
            return False

    def _unavailable(self, why: str, lost: int = 0) -> None:
        if not self.stats.get_value("newsbot/store/unavailable"):
            logger.error("store unavailable (records stay in the feed; `newsbot load` it later): %s", why)
        self.stats.set_value("newsbot/store/unavailable", True)
        self.stats.inc_value("newsbot/store/unwritten", lost)
        self.retry_at = time.monotonic() + self.retry_seconds

    def process_item(self, item):
        return item  # records are taken once their feed line is written (record_written)

    def record_written(self, item, key=None):
        if isinstance(item, ArticleItem):
            self.pending.append(dict(item))
            if len(self.pending) >= self.batch_size:
                self.flush()

    def flush(self, force: bool = False) -> None:
        from newsbot.stores import StoreUnavailable

        batch, self.pending = self.pending, []
        if not batch:
            return
        if not force and time.monotonic() < self.retry_at:
            self.stats.inc_value("newsbot/store/unwritten", len(batch))
            return
        if self.store is None and not self._connect():
            self.stats.inc_value("newsbot/store/unwritten", len(batch))
            return
        rejected: list = []
        try:
            self.store.write(batch, run=self.run, seen=datetime.now(timezone.utc), rejected=rejected)
        except StoreUnavailable as exc:
            logger.error("store write failed for %d records (kept in the feed): %s", len(batch), exc)
            self._unavailable(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, len(batch))
            return
        refused = {id(record) for record, _ in rejected}
        for record, why in rejected:
            logger.error("store refused the record for %s (kept in the feed, not delivered): %s",
                         record.get("url"), why)
        self.stats.inc_value("newsbot/store/rejected", len(rejected))
        committed = [r for r in batch if id(r) not in refused]
        self.stats.inc_value("newsbot/store/written", len(committed))
        self.crawler.signals.send_catch_log(store_committed, records=committed, run=self.run)

    def close_spider(self, spider=None):
        if self.url:
            self.flush(force=True)

    def run_reported(self, report, spider, reason):
        """The runs row: the run report, once CrawlReport has built it."""
        if self.store is None:
            return
        from newsbot.stores import StoreUnavailable

        report = dict(report or {})
        # Feed paths made absolute: the report page links the failures feed and saved pages.
        report["feeds"] = {k: str(Path(v).resolve()) for k, v in (report.get("feeds") or {}).items()}
        try:
            self.store.write_run({
                "run": self.run, "spider": spider.name, "started": self.started,
                "finished": datetime.now(timezone.utc), "finish_reason": reason,
                "records": report.get("records"), "failures": report.get("failures"),
                "store_unavailable": bool(self.stats.get_value("newsbot/store/unavailable")), "report": report})
        except StoreUnavailable as exc:
            self._unavailable(f"cannot write the runs row: {exc}")

    def engine_stopped(self):
        if self.store is not None:
            self.store.close()
