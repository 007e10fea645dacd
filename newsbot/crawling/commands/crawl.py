"""`scrapy crawl` as Scrapy runs it, ending with newsbot's exit codes (newsbot/run/outcome.py),
so cron and Scrapyd see a run that did not deliver."""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError


class Command(ScrapyCrawl):
    def process_options(self, args, opts) -> None:
        # Before Scrapy sets up logging, which raises a traceback for an unknown level.
        from newsbot.cli import LOG_LEVELS

        level = getattr(opts, "loglevel", None)
        if level and str(level).upper() not in LOG_LEVELS:
            print(f"scrapy crawl: -L {level}: not a log level ({', '.join(LOG_LEVELS)})", file=sys.stderr)
            sys.exit(2)
        super().process_options(args, opts)

    def run(self, args, opts) -> None:
        if len(args) != 1:
            raise UsageError("scrapy crawl takes one spider name" if args else None)
        from newsbot.crawling.extensions.report import report_of
        from newsbot.run.outcome import exit_code

        if self._usage_mistake(args[0], opts):
            self.exitcode = 2
            return
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
            return
        report = report_of(crawler)
        for line in report.get("errors") or []:
            print(f"scrapy crawl: {line}", file=sys.stderr)
        self.exitcode = exit_code(report)

    def _usage_mistake(self, spider: str, opts) -> bool:
        """Settings and -a arguments checked as `newsbot crawl` checks them, before the
        crawl starts: the mistake on one line (True), or False."""
        from scrapy.utils.conf import arglist_to_dict
        from scrapy.utils.project import get_project_settings

        from newsbot.cli import CrawlError, check_settings, check_spider_arguments

        try:
            check_settings(get_project_settings(), arglist_to_dict(getattr(opts, "set", None) or []))
            try:
                spidercls = self.crawler_process.spider_loader.load(spider)
            except KeyError:
                return False  # Scrapy's own message
            check_spider_arguments(spider, spidercls, opts.spargs)
        except CrawlError as exc:
            print(f"scrapy crawl: {exc}", file=sys.stderr)
            return True
        return False
