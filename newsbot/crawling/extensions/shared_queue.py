"""Distributed crawls (scrapy-redis): a worker waits for work instead of closing.

Scrapy closes a spider as soon as it has nothing in flight and its scheduler is empty. With
a queue shared through Redis, a worker started beside others is often empty-handed for a
moment (another worker holds the robots.txt or sitemap that will fill the queue), and would
quit before sharing any of the work. This extension keeps it open while the shared queue
has requests, and until it has had nothing to do for NEWSBOT_IDLE_GRACE seconds.
"""

from __future__ import annotations

import logging
import time

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured

logger = logging.getLogger(__name__)


class WaitForSharedQueue:
    def __init__(self, crawler, grace: float):
        self.crawler = crawler
        self.grace = grace
        self.last_active = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        grace = crawler.settings.getfloat("NEWSBOT_IDLE_GRACE", 0)
        if grace <= 0:
            raise NotConfigured
        ext = cls(crawler, grace)
        crawler.signals.connect(ext.active, signal=signals.response_received)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        return ext

    def active(self, *args, **kwargs):
        self.last_active = time.monotonic()

    def spider_idle(self, spider):
        scheduler = self.crawler.engine.scheduler
        if scheduler is not None and scheduler.has_pending_requests():
            self.active()
            raise DontCloseSpider
        if time.monotonic() - self.last_active < self.grace:
            raise DontCloseSpider
        logger.info("shared queue empty for %.0fs: this worker is done", self.grace)
