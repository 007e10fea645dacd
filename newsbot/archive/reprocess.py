"""`newsbot reprocess`: records again from archived responses, with the current extractor.

Pages are taken apart by `newsbot.crawling.pipelines.extract.extract_record` (what the crawl runs),
with the URL the page was fetched from and the profile the crawl chose, so an unchanged
extractor gives the crawl's records: same URLs, same fingerprints. As in a crawl, one
record per canonical URL (the first copy in the archive wins), and a page that cannot be
taken apart is a failure with its reason, not the end of the run.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Iterator

from newsbot.core.extract import PageError
from newsbot.crawling.items import failure
from newsbot.core.keys import record_key
from newsbot.crawling.pipelines.extract import extract_record
from . import ArchivedPage, iter_pages


def _derive(page: tuple) -> tuple[str, str, dict]:
    """(key, JSON line, record) or (None, JSON line, failure) for one page. In worker
    processes the JSON is made there: a text crosses the process boundary cheaper than a dict."""
    url, body, content_type, profile, keep, _run, refused = page
    if refused is not None:  # over the crawl's size limit: a failure, its body never loaded
        item = dict(failure(url, refused[0], 200, refused[1]))
        return None, json.dumps(item, ensure_ascii=False), item
    try:
        record = extract_record(body, url, content_type, profile)
    except PageError as exc:
        item = dict(failure(url, exc.reason, 200, str(exc)))
        return None, json.dumps(item, ensure_ascii=False), item
    except Exception as exc:  # a parser bug costs one page
        item = dict(failure(url, "extract_error", 200, f"{type(exc).__name__}: {exc}"))
        return None, json.dumps(item, ensure_ascii=False), item
    return record_key(record), json.dumps(record, ensure_ascii=False), (record, _run) if keep else None


@dataclass
class Result:
    records: int = 0
    duplicates: int = 0
    failures: Counter = field(default_factory=Counter)
    skipped: dict = field(default_factory=dict)
    pages: int = 0
    damaged: list[str] = field(default_factory=list)
    """One line per damaged stretch of a WARC that was skipped (file, bytes, URL when known)."""


def run_of(path: Path) -> str:
    """The run a WARC stands for in the store: its name without .warc(.gz)."""
    return path.name.split(".warc")[0]


def _pages(files: list[Path], skipped: dict, damaged: list[str], keep: bool) -> Iterator[tuple]:
    for path in files:
        for page in iter_pages(path, skipped, damaged):
            yield (page.url, page.body, page.content_type, page.profile, keep, run_of(path), page.refused)


def reprocess(files: list[Path], out, failures_out=None, store=None, jobs: int = 1,
              batch_size: int = 500, show_progress: bool = True, stories=None) -> Result:
    """Write one JSON line per record to `out` (and failures to `failures_out`, records to
    `store` when given); `jobs` worker processes take pages apart; `stories` (a
    newsbot.core.stories.StoryJoiner) joins each record to its story, as the crawl does."""
    from tqdm import tqdm

    result = Result()
    seen: set[str] = set()
    batch: list[dict] = []
    run = None  # the WARC the batch came from: each file is one run in the store
    with tqdm(desc="reprocessing", unit="page", disable=not show_progress, file=sys.stderr) as bar:
        pages = _pages(files, result.skipped, result.damaged, store is not None)
        if jobs > 1:
            pool = get_context("spawn").Pool(jobs)
            derived = pool.imap(_derive, pages, chunksize=16)
        else:
            pool = None
            derived = map(_derive, pages)
        try:
            for key, line, item in derived:
                bar.update()
                result.pages += 1
                if key is None:
                    result.failures[item["reason"]] += 1
                    print(f"newsbot reprocess: {item['url']}: {item['reason']}: {item['detail'][:200]}",
                          file=sys.stderr)
                    if failures_out is not None:
                        failures_out.write(line + "\n")
                    continue
                if key in seen:
                    result.duplicates += 1
                    continue
                seen.add(key)
                result.records += 1
                if stories is not None:
                    line, item = _join_story(stories, key, line, item)
                out.write(line + "\n")
                if store is not None:
                    record, page_run = item
                    if batch and (page_run != run or len(batch) >= batch_size):
                        store.write(batch, run=run)
                        batch = []
                    run = page_run
                    batch.append(record)
        finally:
            if pool is not None:
                pool.terminate()
    if store is not None and batch:
        store.write(batch, run=run)
    return result


def _join_story(stories, key: str, line: str, item):
    """The record's `story` (issue 16), in its JSON line and in the copy kept for the store."""
    record = item[0] if item is not None else json.loads(line)
    record["story"] = stories.join(record, key)
    return json.dumps(record, ensure_ascii=False), item


__all__ = ["ArchivedPage", "Result", "reprocess"]
