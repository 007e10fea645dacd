"""A crawl's log for a person: what happened to the pages, not Scrapy's start-up lists.

At INFO (the default) the start-up dumps (enabled add-ons, extensions, middlewares and
pipelines, overridden settings), the end-of-crawl stats dump (the same figures are in
<run>.report.json) and spidermon's result banners are left out; a monitor that fails is
still logged (`MONITOR FAILED ...`, an error), and so is every page that failed. With
`-L DEBUG` or `-s NEWSBOT_LOG_STARTUP=True` everything is logged as Scrapy does.

A dropped item is one line with its URL and reason (Scrapy's own formatter appends the
whole item, a page's worth of text for a dropped AMP copy).
"""

from __future__ import annotations

import logging

from scrapy import logformatter

STARTUP_MESSAGES = ("Enabled addons", "Enabled %(componentname)ss", "Overridden settings", "Dumping Scrapy stats",
                    "Versions:")
"""How Scrapy's start-up and stats dumps begin (their format strings)."""
SPIDERMON_BANNER = "[Spidermon]"
STARTUP_LOGGERS = ("scrapy.addons", "scrapy.middleware", "scrapy.crawler", "scrapy.statscollectors",
                   "scrapy.utils.log")
"""Loggers that write the dumps before Scrapy's log handler exists (a logger's own filter
applies from the start)."""


class QuietFilter(logging.Filter):
    """Drops INFO records that are Scrapy's start-up or stats dumps or spidermon's banners."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.INFO:
            return True
        msg = record.msg if isinstance(record.msg, str) else ""
        return not (msg.startswith(STARTUP_MESSAGES) or msg.startswith(SPIDERMON_BANNER))


_FILTER = QuietFilter()


def wants_quiet(settings) -> bool:
    level = str(settings.get("LOG_LEVEL") or "INFO").upper()
    return level != "DEBUG" and not settings.getbool("NEWSBOT_LOG_STARTUP")


def quiet_logs(settings, spider_name: str | None = None) -> None:
    """Install the filter (once) on the start-up loggers, the spider's logger (spidermon
    writes its banners there) and the root logger's handlers."""
    if not wants_quiet(settings):
        return
    for name in STARTUP_LOGGERS + ((spider_name,) if spider_name else ()):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
    for handler in logging.getLogger().handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)


class QuietLog:
    """Extension: the filter for `scrapy crawl` and Scrapyd runs too. Installed when the
    spider opens: Scrapy replaces its root log handler while the crawler starts, and a
    publisher spider takes its profile's name (its logger's) only then."""

    def __init__(self, settings):
        self.settings = settings
        quiet_logs(settings)

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals

        ext = cls(crawler.settings)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        return ext

    def spider_opened(self, spider):
        quiet_logs(self.settings, spider.name)


class LogFormatter(logformatter.LogFormatter):
    """Scrapy's, with a dropped item logged on one line: its URL and the reason."""

    def dropped(self, item, exception, response, spider):
        out = super().dropped(item, exception, response, spider)
        url = (item.get("url") if hasattr(item, "get") else None) or getattr(item, "url", None) or (
            getattr(response, "url", None))
        reason = str(exception)
        out["msg"] = "Dropped: %(reason)s" if url and url in reason else "Dropped: %(url)s: %(reason)s"
        out["args"] = {"url": url or "(no URL)", "reason": reason}
        return out
