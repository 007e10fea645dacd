"""The exit code of a crawl, from its report: the only copy (`newsbot crawl`,
`newsbot crawl-sample` and `scrapy crawl` all end with it).

    0  the run delivered what it fetched
    1  a feed, the report or the state store could not be written (`errors`), or no report
    3  a spidermon monitor failed, with --fail-on-monitor
    4  the database store went away or refused records: every record is in the feed, and
       `newsbot load` levels the store (the summary prints the command)
    5  the run fetched article pages and delivered none, because every one failed
"""

from __future__ import annotations

OK, ERRORS, USAGE, MONITOR, STORE, ALL_FAILED = 0, 1, 2, 3, 4, 5


def all_failed(report: dict) -> bool:
    """Pages were tried and every one failed: no record, and none left out as unchanged."""
    settled = sum(report.get(k) or 0 for k in ("records", "unchanged_skipped", "not_refetched", "duplicates"))
    return bool(report.get("failures")) and not settled


def exit_code(reports: list[dict] | dict, fail_on_monitor: bool = False) -> int:
    """One code for one run's report, or for several runs (the worst first, in the order above)."""
    reports = [reports] if isinstance(reports, dict) else list(reports)
    if not reports or not all(reports) or any(r.get("errors") for r in reports):
        return ERRORS
    if fail_on_monitor and any(r.get("monitors_failed") for r in reports):
        return MONITOR
    if any(r.get("store_unavailable") or r.get("store_unwritten") for r in reports):
        return STORE
    if any(all_failed(r) for r in reports):
        return ALL_FAILED
    return OK
