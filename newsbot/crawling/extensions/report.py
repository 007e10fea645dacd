"""The end-of-run report: in the log and as a JSON file beside the feed.

Pages fetched, records, records by agency and by access, pages with offers, disclaimers
found, failures by reason, duplicates, monitor results and elapsed time.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals

from newsbot.core import profiles
from newsbot.crawling.items import ArticleItem, FailureItem
from newsbot.run.ledger import load_command
from newsbot.run.signals import record_written, run_reported
from .run import run_of, wait_for_feeds

logger = logging.getLogger(__name__)


def report_of(crawler) -> dict:
    """The finished crawl's report (empty when it gave none), with the run's errors."""
    try:
        ext = crawler.get_extension(CrawlReport)
    except RuntimeError:
        ext = None
    report = dict((ext.report if ext is not None else None) or {})
    run = run_of(crawler)
    if report and run is not None:
        report["errors"] = list(run.errors)
    return report


class CrawlReport:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.started = time.monotonic()
        self.records = 0
        self.updates = 0
        self.by_agency: Counter[str] = Counter()
        self.by_access: Counter[str] = Counter()
        self.with_offers = 0
        self.disclaimers = 0
        self.failures: Counter[str] = Counter()
        self.path: Path | None = None
        self.report: dict | None = None
        self.wire_sections = [s.lower() for s in crawler.settings.getlist("NEWSBOT_WIRE_SECTIONS")]

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        # Records count once delivered (durably in the feed), not when scraped.
        crawler.signals.connect(ext.record_written, signal=record_written)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        # A progress line every NEWSBOT_PROGRESS_INTERVAL seconds (0: none) on long crawls.
        interval = self.crawler.settings.getfloat("NEWSBOT_PROGRESS_INTERVAL", 10.0)
        self._progress_task = None
        if interval > 0:
            from twisted.internet import task

            self._progress_task = task.LoopingCall(self.progress)
            self._progress_task.start(interval, now=False)

    def progress(self) -> None:
        stats = self.stats.get_stats()
        elapsed = time.monotonic() - self.started
        pages = stats.get("downloader/response_count", 0)
        logger.info("progress: %d pages fetched, %d records, %d failures, %.1f pages/s, %.0fs elapsed",
                    pages, self.records, sum(self.failures.values()), pages / elapsed if elapsed else 0.0, elapsed)

    def item_scraped(self, item, response=None, spider=None):
        if isinstance(item, FailureItem):
            self.failures[item.get("reason", "unknown")] += 1

    def record_written(self, item, key=None):
        """Counts a record durably in the feed (with a database store, `delivered` counts
        those whose store transaction committed too)."""
        if isinstance(item, ArticleItem):
            self.records += 1
            self._coverage(item)
            wire = item.get("wire")
            self.by_agency[wire["agency"] if wire else "none"] += 1
            self.by_access[item.get("access", "free")] += 1
            if item.get("paywall") and item["paywall"].get("offers"):
                self.with_offers += 1
            if item.get("disclaimer"):
                self.disclaimers += 1
            if item.get("is_update"):
                self.updates += 1

    def _coverage(self, item: ArticleItem) -> None:
        """Stats the coverage monitor reads: records, and records with each key field filled."""
        self.stats.inc_value("newsbot/records")
        for field in ("body", "headline", "published_at"):
            if item.get(field):
                self.stats.inc_value(f"newsbot/coverage/{field}")
        path = urlsplit(item.get("url") or "").path.lower().split("/")
        # The setting's sections, and those of the crawl's publisher profile.
        profile = getattr(getattr(self.crawler, "spider", None), "profile", None) or profiles.for_url(item.get("url"))
        sections = self.wire_sections + [s.lower() for s in getattr(profile, "wire_sections", ())]
        if any(section in path for section in sections):
            self.stats.inc_value("newsbot/wire_section_records")
            if item.get("wire"):
                self.stats.inc_value("newsbot/coverage/wire")

    def build(self, reason: str) -> dict:
        stats = self.stats.get_stats()
        spider = self.crawler.spider
        state = run_of(self.crawler)
        unwritten = stats.get("newsbot/store/unwritten", 0)
        extra = state.report_extra if state else {}
        commands = list(extra.get("load_commands") or [])
        if unwritten and state is not None:
            commands.append(load_command(state.path("records"), state.store_url))
        return {
            "spider": spider.name,
            "run": state.run_id if state else None,
            "finish_reason": reason,
            "elapsed_seconds": round(time.monotonic() - self.started, 2),
            "requests": stats.get("downloader/request_count", 0),
            "pages_fetched": stats.get("downloader/response_count", 0),
            "article_pages": stats.get("newsbot/pages_extracted", 0),
            "records": self.records,
            "delivered": len(state.delivered) if state else 0,
            "updates": self.updates,
            "unchanged_skipped": stats.get("newsbot/state/unchanged", 0),
            "not_refetched": stats.get("newsbot/state/not_refetched", 0),
            "not_queued": stats.get("newsbot/skipped/queue_full", 0),  # past NEWSBOT_QUEUE_MAX
            "redelivered_explicit": stats.get("newsbot/state/redelivered", 0),
            "records_by_agency": dict(sorted(self.by_agency.items())),
            "records_by_access": dict(sorted(self.by_access.items())),
            "pages_with_offers": self.with_offers,
            "disclaimers_found": self.disclaimers,
            "failures": sum(self.failures.values()),
            "failures_by_reason": dict(sorted(self.failures.items())),
            "duplicates": stats.get("newsbot/duplicates", 0),
            "robots_forbidden": stats.get("robotstxt/forbidden", 0),
            "offsite_filtered": stats.get("offsite/filtered", 0),
            "validation_errors": stats.get("spidermon/validation/items/errors", 0),
            "monitors_failed": stats.get("newsbot/monitors/failed", []),
            "store_unavailable": bool(stats.get("newsbot/store/unavailable")),
            "store_unwritten": unwritten,
            "store_rejected": stats.get("newsbot/store/rejected", 0),
            "recovered": extra.get("recovered", 0),
            "recovered_not_in_store": extra.get("recovered_not_in_store", 0),
            "load_commands": commands,
            "feeds": dict(state.paths) if state else {},
            "errors": list(state.errors) if state else [],
        }

    async def spider_closed(self, spider, reason):
        await wait_for_feeds(self.crawler)
        if getattr(self, "_progress_task", None) is not None and self._progress_task.running:
            self._progress_task.stop()
        self.report = self.build(reason)
        state = run_of(self.crawler)
        self.path = Path(state.path("report")) if state else None  # no run, no file of its own
        if self.path is not None:
            self.report["feeds"]["report"] = str(self.path)
        text = json.dumps(self.report, indent=2, ensure_ascii=False)
        try:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.write_text(text + "\n", "utf-8")
        except OSError as exc:
            message = f"report {self.path} cannot be written ({exc})"
            self.report["feeds"].pop("report")
            self.report["errors"].append(message)
            if state is not None:
                state.errors.append(message)
            logger.error("%s", message)
        logger.info("run summary: %d records, %d failures, %d pages fetched in %ss%s", self.report["records"],
                    self.report["failures"], self.report["pages_fetched"], self.report["elapsed_seconds"],
                    "".join(f"; {k}: {v}" for k, v in self.report["feeds"].items()))
        self.crawler.signals.send_catch_log(run_reported, report=self.report, spider=spider, reason=reason)
