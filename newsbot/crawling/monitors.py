"""spidermon monitors run at the end of each crawl.

Minimum records, maximum failures (as a share of article pages) and errors in the log,
field coverage of the record's key fields (body, headline, published_at, and wire on wire
sections), and schema validation errors. A failing monitor is logged clearly, listed in
the run report (`monitors_failed`), and `newsbot crawl --fail-on-monitor` exits non-zero
for cron.

Settings: NEWSBOT_MONITOR_MIN_RECORDS (1), NEWSBOT_MONITOR_MAX_FAILURE_RATIO (0.25),
SPIDERMON_MAX_ERRORS (0), NEWSBOT_MONITOR_COVERAGE (field -> minimum share),
NEWSBOT_WIRE_SECTIONS (URL path parts whose pages must carry a wire credit),
SPIDERMON_MAX_ITEM_VALIDATION_ERRORS (0).
"""

from __future__ import annotations

import logging

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors import ErrorCountMonitor, ItemValidationMonitor
from spidermon.core.actions import Action

logger = logging.getLogger("newsbot.crawling.monitors")

DEFAULT_COVERAGE = {"body": 0.95, "headline": 0.95, "published_at": 0.9, "wire": 0.9}


def _stats(monitor: Monitor) -> dict:
    return monitor.data.stats


@monitors.name("newsbot records")
class RecordsMonitor(Monitor):
    @monitors.name("Minimum number of records")
    def test_min_records(self):
        minimum = self.data.crawler.settings.getint("NEWSBOT_MONITOR_MIN_RECORDS", 1)
        stats = _stats(self)
        records = sum(stats.get(k, 0) for k in ("newsbot/records", "newsbot/state/unchanged",
                                                 "newsbot/state/not_refetched"))
        self.assertGreaterEqual(records, minimum,
                                msg=f"{records} records (unchanged pages included), expected at least {minimum}")

    @monitors.name("Maximum share of failed pages")
    def test_failure_ratio(self):
        ratio = self.data.crawler.settings.getfloat("NEWSBOT_MONITOR_MAX_FAILURE_RATIO", 0.25)
        stats = _stats(self)
        failed = sum(v for k, v in stats.items() if k.startswith("newsbot/failures/"))
        # Pages skipped as unchanged since a good earlier run count as accounted for: on an
        # incremental run the few pages fetched must not make a handful of failures 100%.
        attempted = stats.get("newsbot/pages_extracted", 0) + stats.get("newsbot/state/not_refetched", 0) + sum(
            v for k, v in stats.items() if k.startswith("newsbot/failures/") and not k.endswith(
                ("invalid_record", "empty", "binary", "too_large", "extract_error", "worker_lost", "bad_gzip")))
        share = failed / attempted if attempted else (1.0 if failed else 0.0)
        self.assertLessEqual(share, ratio, msg=f"{failed} of {attempted} pages failed ({share:.0%}), limit {ratio:.0%}")


@monitors.name("newsbot field coverage")
class CoverageMonitor(Monitor):
    @monitors.name("Key fields are filled")
    def test_coverage(self):
        rules = {**DEFAULT_COVERAGE, **(self.data.crawler.settings.getdict("NEWSBOT_MONITOR_COVERAGE") or {})}
        stats = _stats(self)
        problems = []
        for field, minimum in rules.items():
            denominator = stats.get("newsbot/wire_section_records" if field == "wire" else "newsbot/records", 0)
            if not denominator:
                continue
            share = stats.get(f"newsbot/coverage/{field}", 0) / denominator
            if share < float(minimum):
                problems.append(f"{field} {share:.0%} < {float(minimum):.0%}")
        self.assertFalse(problems, msg="field coverage too low: " + "; ".join(problems))


class RecordFailedMonitors(Action):
    """Puts the failed monitors' names into the stats (the run report lists them) and logs them."""

    def run_action(self):
        failed = [f"{r.monitor.name}: {r.reason}".strip() for r in self.result.monitors_failed_results]
        self.data.crawler.stats.set_value("newsbot/monitors/failed", failed)
        for line in failed:
            logger.error("MONITOR FAILED %s", line)


class SpiderCloseMonitorSuite(MonitorSuite):
    monitors = [RecordsMonitor, CoverageMonitor, ErrorCountMonitor, ItemValidationMonitor]
    monitors_failed_actions = [RecordFailedMonitors]
