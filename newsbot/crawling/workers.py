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
        """The crawl's shared pool (the WorkerPool extension's), shut down when the engine
        stops; a crawler without that extension gets a pool of its own."""
        try:
            ext = crawler.get_extension(WorkerPool)
        except RuntimeError:  # extensions not built (a pipeline made on its own)
            ext = None
        if ext is None:
            ext = WorkerPool(crawler)
        return ext.workers

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


class WorkerPool:
    """Extension holding the crawl's one Workers pool (NEWSBOT_WORKERS), found with
    crawler.get_extension(WorkerPool) by the pipelines that share it."""

    def __init__(self, crawler):
        self.workers = Workers(resolve_workers(crawler.settings.get("NEWSBOT_WORKERS", 0)))
        crawler.signals.connect(self.workers.close, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)


def _ready(fn) -> None:
    """Run once in a new worker: unpickling `fn` has imported its module."""


class PageTimeout(Exception):
    """A page's extraction ran past NEWSBOT_PAGE_TIMEOUT; its worker was stopped."""


class DeadlineWorker:
    """One worker process for pages that may take long (large ones): each runs with a
    deadline, and a page past it has its process killed (a Python thread cannot be
    stopped) and becomes a `timeout` failure, while the crawl goes on. Pages run one at a
    time, so the deadline counts the page's own work, not its wait. Small pages never come
    here: they run inline (or in the Workers pool) as before, so the usual path is as fast."""

    def __init__(self, timeout: float):
        self.timeout = timeout
        self.pool: ProcessPoolExecutor | None = None
        self._turn: asyncio.Semaphore | None = None

    async def run(self, fn, *args):
        if self._turn is None:
            self._turn = asyncio.Semaphore(1)
        async with self._turn:
            loop = asyncio.get_running_loop()
            if self.pool is None:
                self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
                # A fresh interpreter importing the extractor is not the page's time: on a busy
                # machine the start-up alone can outlast a short deadline.
                await loop.run_in_executor(self.pool, _ready, fn)
            future = loop.run_in_executor(self.pool, fn, *args)
            try:
                return await asyncio.wait_for(future, self.timeout)
            except asyncio.TimeoutError:
                self.kill()
                raise PageTimeout(f"extraction took more than {self.timeout:g}s (NEWSBOT_PAGE_TIMEOUT)") from None

    def kill(self) -> None:
        if self.pool is None:
            return
        for process in list((getattr(self.pool, "_processes", None) or {}).values()):
            process.kill()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
