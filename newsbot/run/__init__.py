"""The run, with no Scrapy in it: a `Run` owns

- the run id (`new_run_id`: start time, spider and a random part, unique per run);
- the run's folder and every output path (`RunPaths`: records, failures, offers, report,
  failed pages) and the FEEDS entries that write them (`Run.feeds`);
- the state store (NEWSBOT_STATE, behind the `StateStore` protocol of `statestore`),
  locked for the run so two runs never deliver the same pages;
- the delivery ledger (newsbot/run/ledger.py): each record is written (its feed line is
  durably on disk), then committed (its database-store transaction, with NEWSBOT_STORE),
  then delivered (its fingerprint in the state store); a killed run's records are moved on
  only past the steps that can be proved (see `Ledger.recover`);
- the run's fatal errors (a feed or the state store that cannot be written).

Scrapy reaches it through thin adapters (newsbot/crawling/extensions/run.py, newsbot/crawling/feeds.py, the
pipelines) that import this package; it imports none of them. It tells them what happened
through `emit(signal, **kwargs)` with newsbot/run/signals.py's signals, and stops the crawl
through `stop(reason)`.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from newsbot.core.keys import canonical_key, record_key
from newsbot.run.signals import record_written
from .ledger import Ledger
from .statestore import StateStore, StateStoreError, open_state

logger = logging.getLogger(__name__)

__all__ = ["Run", "RunPaths", "new_run_id", "StateStoreError", "RUN_ID", "SUFFIXES", "feed_kind", "beside"]

_SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")

RUN_ID = re.compile(r"^(?P<start>\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)(?:-(?P<rest>.+))?$")
"""A run id: its UTC start (what `newsbot load` dates a feed's records by), then the rest."""


SUFFIXES = {"records": ".jsonl", "failures": ".failures.jsonl", "offers": ".offers.jsonl", "report": ".report.json"}
"""What each of a run's files is called after its run id (the only spelling of them)."""


def feed_kind(path: str | Path) -> str | None:
    """records, failures, offers or report for a run's file name (longest suffix first)."""
    name = Path(path).name
    for kind, suffix in sorted(SUFFIXES.items(), key=lambda kv: -len(kv[1])):
        if name.endswith(suffix):
            return kind
    return None


def beside(feed: str | Path, kind: str) -> tuple[str, Path]:
    """(run id, path of the run's `kind` file) for a run's records feed: its report, say."""
    feed = Path(feed)
    run = feed.name[: -len(SUFFIXES["records"])] if feed_kind(feed) == "records" else feed.stem
    return run, feed.with_name(run + SUFFIXES[kind])


def new_run_id(spider: str, now: datetime | None = None) -> str:
    """`<UTC start>-<spider>-<8 random hex digits>`: two runs started in the same second,
    in one process or two, on one machine or two, never share an id (nor a feed, nor a
    `runs` row)."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H-%M-%SZ")
    return f"{stamp}-{spider}-{secrets.token_hex(4)}"


@dataclass
class RunPaths:
    """Every file a run writes, in one place: `<output>/<spider>/<run>.*`."""

    folder: Path
    run_id: str
    failed_pages_template: str | None = None  # NEWSBOT_FAILED_PAGES_DIR
    output_dir: str = "output"
    spider: str = "newsbot"

    def of(self, kind: str) -> str:
        """records, failures, offers or report."""
        return str(self.folder / f"{self.run_id}{SUFFIXES[kind]}")

    @property
    def failed_pages(self) -> str | None:
        """NEWSBOT_FAILED_PAGES_DIR with %(output)s and %(name)s filled in (None when empty)."""
        if not self.failed_pages_template:
            return None
        return self.failed_pages_template % {"name": self.spider, "output": self.output_dir}


class Run:
    def __init__(self, spider: str, *, output_dir: str | None = "output", state: str | None = None,
                 store: str | None = None, failed_pages: str | None = None,
                 group: str | None = None, emit: Callable | None = None, stop: Callable | None = None):
        if not _SAFE_NAME.match(spider or ""):
            raise ValueError(f"spider name {spider!r} is not a plain name: refused, since it names the output folder")
        self.spider = spider
        self.output_dir = str(output_dir or "output").rstrip("/") or "."
        self.run_id = new_run_id(spider)
        self.folder = Path(self.output_dir) / spider
        self.layout = RunPaths(self.folder, self.run_id, failed_pages, self.output_dir, spider)
        # The feeds that hold the run's records and failures (a user's -o feed may take the records).
        self.paths: dict[str, str] = {k: self.layout.of(k) for k in ("records", "failures", "offers")}
        self.failed_pages_dir = self.layout.failed_pages
        self.errors: list[str] = []
        self.emit = emit or (lambda signal, **kw: None)
        self.stop = stop or (lambda reason: None)
        self.spec = state
        self.store_url = store
        self.state: StateStore | None = open_state(state)
        if self.state is not None:
            # Workers of one distributed run (settings_distributed: NEWSBOT_RUN) share the lock.
            self.state.lock(group or self.run_id)
            logger.info("incremental state: %s", state)
        self.ledger = Ledger(self)
        self.plan_pages: set[str] = set()  # keys of pages whose offers every run re-checks
        self.report_extra: dict = {}  # what recovery found, for the run report
        # Set by the feed exporter: its feeds (some stored only at the end) are all closed.
        self.feeds_closed: asyncio.Event | None = None

    # --- output paths ----------------------------------------------------------------------
    def path(self, kind: str) -> str:
        """Where this run's records, failures, offers or report go."""
        return self.paths.get(kind) or self.layout.of(kind)

    def use_feed(self, kind: str, path: str) -> None:
        """The user's own feed (-o FILE) takes this run's records or failures."""
        self.paths[kind] = str(path)

    def feeds(self) -> dict[str, dict]:
        """The FEEDS entries of the run's own feeds: records and failures, JSON lines."""
        # Scrapy fills %(...)s in a feed URI: a literal % in the folder is doubled.
        return {self.layout.of("records").replace("%", "%%"): {"format": "jsonlines", "encoding": "utf8", "store_empty": True,
                                            "item_classes": ["newsbot.crawling.items.ArticleItem"]},
                self.layout.of("failures").replace("%", "%%"): {"format": "jsonlines", "encoding": "utf8", "store_empty": True,
                                             "item_classes": ["newsbot.crawling.items.FailureItem"]}}

    # --- keys ------------------------------------------------------------------------------
    key = staticmethod(canonical_key)
    record_key = staticmethod(record_key)

    def seen(self, key: str):
        """What an earlier run (or this one) delivered under `key`, or None."""
        return self.state.get(key) if self.state is not None else None

    @property
    def delivered(self) -> set[str]:
        return self.ledger.delivered

    # --- errors ----------------------------------------------------------------------------
    def fail(self, message: str, reason: str = "delivery_error") -> None:
        """A feed or the store cannot be written: nothing more can be delivered, so the run
        stops, and `newsbot crawl` exits non-zero with `message`."""
        if message not in self.errors:
            self.errors.append(message)
            logger.error("%s", message)
            if len(self.errors) == 1:
                self.stop(reason)

    # --- the run ---------------------------------------------------------------------------
    def open(self) -> None:
        """Recover killed runs (their records moved on as far as can be proved), then
        register this one with its feed and store."""
        if self.state is None:
            return
        self.ledger.recover()
        self.plan_pages = {canonical_key(u) for u in self.state.plan_pages()}
        self.state.open_run(self.run_id, self.paths.get("records"), self.store_url)

    def written(self, item) -> None:
        """THE delivery hook: `item` (an ArticleItem) is durably in its feed."""
        key = record_key(item)
        # The ledger first: the store may commit the record's batch within the signal.
        self.ledger.written(item, key)
        self.emit(record_written, item=item, key=key)

    def committed(self, records) -> None:
        """The database store committed these records."""
        self.ledger.committed(records)

    def dropped(self, item) -> None:
        """A copy dropped as a duplicate or as unchanged was fetched under its own URL (an
        old slug that redirects, an AMP path): remember that URL for the page too."""
        if self.state is None or not item.get("fingerprint"):
            return
        key = record_key(item)
        for alias in self.ledger.aliases(item, key):
            self.ledger.alias(alias, key, getattr(item, "lastmod", None))

    def note_alias(self, old_url: str, new_url: str) -> None:
        """old_url redirects to new_url (RedirectAliasMiddleware)."""
        if self.state is not None and canonical_key(old_url) != canonical_key(new_url):
            self.ledger.alias(canonical_key(old_url), canonical_key(new_url))

    def refresh_lock(self) -> None:
        try:
            self.state.refresh_lock()
        except Exception as exc:  # the lock expired and another run took the store
            self.fail(f"lost the lock on state store {self.spec}: {exc}", "state_error")

    def close(self) -> None:
        if self.state is None:
            return
        try:
            self.state.close_run(self.run_id)
        except Exception as exc:
            self.fail(f"state store {self.spec} cannot be written at the end of the run: {exc}", "state_error")
        self.state.close()
