"""`scrapy crawl` as Scrapy runs it, ending with newsbot's exit codes, so cron and Scrapyd
see a run that did not deliver: 1 when a feed, the report or the state store could not be
written (the run state's errors, already logged with their reasons), 4 when the database
store went away during the run (every record is in the feed; `newsbot load` levels it).
`newsbot crawl` gives the same codes, and 3 for a failed monitor with --fail-on-monitor."""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError


class Command(ScrapyCrawl):
    def run(self, args, opts) -> None:
        if len(args) != 1:
            raise UsageError("scrapy crawl takes one spider name" if args else None)
        from ..extensions.state import run_state

        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        state = run_state(crawler)
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        elif state is not None and state.errors:
            for line in state.errors:
                print(f"scrapy crawl: {line}", file=sys.stderr)
            self.exitcode = 1
        elif crawler.stats.get_value("newsbot/store/unavailable"):
            self.exitcode = 4
