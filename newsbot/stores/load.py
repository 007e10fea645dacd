"""`newsbot load`: feeds (JSON lines) into the database store, idempotently.

Each feed is one run: the run id is the feed's name (`<run>.jsonl`), the time its records
were seen is the run's start (the run id starts with its UTC start time), else the file's
time. Loading a feed again changes nothing; `<run>.report.json` beside a feed fills its
`runs` row. A record the database refuses is named on stderr and counted; the rest load.
"""

from __future__ import annotations

import json
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from newsbot.run import RUN_ID, beside
from . import Store


def run_of(feed: Path) -> tuple[str, datetime]:
    """(run id, when its records were seen) for a feed file."""
    run, _ = beside(feed, "records")
    m = RUN_ID.match(run)
    if m:
        return run, datetime.strptime(m.group("start"), "%Y-%m-%dT%H-%M-%SZ").replace(tzinfo=timezone.utc)
    return run, datetime.fromtimestamp(feed.stat().st_mtime, timezone.utc)


@dataclass
class LoadResult:
    records: int = 0
    bad_lines: int = 0
    runs: int = 0
    rejected: int = 0


class _Writer:
    """Writes batches on a second thread, so the next batch is parsed while the database
    takes this one (the driver lets go of the GIL while it waits). One batch in flight."""

    def __init__(self, store: Store, run: str, seen: datetime):
        self.store, self.run, self.seen = store, run, seen
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.inflight: Future | None = None
        self.written = 0
        self.rejected: list = []  # (record, reason) the database refused

    def _collect(self) -> None:
        if self.inflight is not None:
            self.written += self.inflight.result()  # a failed batch raises here
            self.inflight = None

    def submit(self, batch: list[dict], texts: list[str]) -> None:
        self._collect()
        self.inflight = self.pool.submit(self.store.write, batch, run=self.run, seen=self.seen, texts=texts,
                                        rejected=self.rejected)

    def finish(self) -> int:
        try:
            self._collect()
        finally:
            self.pool.shutdown()
        return self.written


def load_feed(store: Store, feed: Path, batch_size: int = 1000, progress=None) -> LoadResult:
    """Upsert every record of one feed; lines that are no record are counted and named on stderr."""
    result = LoadResult()
    run, seen = run_of(feed)
    writer = _Writer(store, run, seen)
    batch: list[dict] = []
    texts: list[str] = []  # the lines as read: PostgreSQL gets them without a second json.dumps
    with feed.open("rb") as lines:
        for n, line in enumerate(lines, 1):
            if progress is not None:
                progress.update(len(line))
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not record.get("url") or not record.get("fingerprint"):
                    raise ValueError("not a record (no url or fingerprint)")
            except ValueError as exc:
                result.bad_lines += 1
                print(f"newsbot load: {feed}:{n}: skipped: {exc}", file=sys.stderr)
                continue
            batch.append(record)
            texts.append(line.decode("utf-8").rstrip("\n"))
            if len(batch) >= batch_size:
                writer.submit(batch, texts)
                batch, texts = [], []
        writer.submit(batch, texts)
    result.records = writer.finish()
    for record, why in writer.rejected:
        print(f"newsbot load: {feed}: {record.get('url')}: refused by the store: {why}", file=sys.stderr)
    result.rejected = len(writer.rejected)
    _, report = beside(feed, "report")
    if report.exists():
        data = json.loads(report.read_text("utf-8"))
        # The feeds beside this one, by absolute path (the report page reads the failures feed).
        data["feeds"] = {k: str(feed.with_name(Path(v).name).resolve()) for k, v in (data.get("feeds") or {}).items()}
        store.write_run({"run": run, "spider": data.get("spider"), "started": seen,
                         "finish_reason": data.get("finish_reason"), "records": data.get("records"),
                         "failures": data.get("failures"), "store_unavailable": data.get("store_unavailable"),
                         "report": data})
        result.runs += 1
    return result


def load_feeds(store: Store, feeds: list[Path], batch_size: int = 1000, show_progress: bool = True) -> LoadResult:
    from tqdm import tqdm

    total = LoadResult()
    size = sum(f.stat().st_size for f in feeds)
    with tqdm(total=size, unit="B", unit_scale=True, desc="loading", disable=not show_progress,
              file=sys.stderr) as bar:
        for feed in feeds:
            r = load_feed(store, feed, batch_size, bar)
            total.records += r.records
            total.bad_lines += r.bad_lines
            total.runs += r.runs
            total.rejected += r.rejected
    return total
