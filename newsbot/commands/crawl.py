"""`scrapy crawl` as Scrapy runs it, ending with newsbot's exit codes (newsbot/run/outcome.py),
so cron and Scrapyd see a run that did not deliver."""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError


class Command(ScrapyCrawl):
    def run(self, args, opts) -> None:
        if len(args) != 1:
            raise UsageError("scrapy crawl takes one spider name" if args else None)
        from ..extensions.report import report_of
        from ..run.outcome import exit_code

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
