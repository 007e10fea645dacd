"""One pool of worker processes per crawl for the CPU work of the item pipelines.

Scrapy runs spiders, downloads and pipelines on one thread; taking a page apart and
validating its record are pure CPU, so with NEWSBOT_WORKERS > 0 they run in worker
processes while the crawler keeps downloading. 0 runs them inline (same results).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from scrapy import signals


def resolve_workers(value) -> int:
    """NEWSBOT_WORKERS: a number, or "auto" (one per CPU beyond the crawler's own)."""
    if isinstance(value, str) and value.strip().lower() == "auto":
        return max(0, (os.cpu_count() or 1) - 1)
    return max(0, int(value or 0))


class Workers:
    def __init__(self, count: int):
        self.count = count
        self.pool: ProcessPoolExecutor | None = None

    @classmethod
    def of(cls, crawler) -> "Workers":
        """The crawl's shared pool, made on first use and shut down when the engine stops."""
        workers = getattr(crawler, "newsbot_workers", None)
        if workers is None:
            workers = cls(resolve_workers(crawler.settings.get("NEWSBOT_WORKERS", 0)))
            crawler.newsbot_workers = workers
            crawler.signals.connect(workers.close, signal=signals.engine_stopped)
        return workers

    async def run(self, fn, *args):
        """fn(*args), in a worker process when there are workers. fn must be importable."""
        if self.count <= 0:
            return fn(*args)
        if self.pool is None:
            # spawn, not fork: the crawler runs a reactor and threads that must not be copied.
            self.pool = ProcessPoolExecutor(self.count, mp_context=multiprocessing.get_context("spawn"))
        return await asyncio.get_running_loop().run_in_executor(self.pool, fn, *args)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
