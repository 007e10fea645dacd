"""One pool of worker processes per crawl for the CPU work of the item pipelines.

Scrapy runs spiders, downloads and pipelines on one thread; taking a page apart and
validating its record are pure CPU, so with NEWSBOT_WORKERS > 0 they run in worker
processes while the crawler keeps downloading. 0 runs them inline (same results).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy import signals

logger = logging.getLogger(__name__)


def resolve_workers(value) -> int:
    """NEWSBOT_WORKERS: a number, or "auto" (one per CPU beyond the crawler's own)."""
    if isinstance(value, str) and value.strip().lower() == "auto":
        return max(0, (os.cpu_count() or 1) - 1)
    return max(0, int(value or 0))


class WorkerLost(Exception):
    """The worker process running a page died (killed by the kernel for its memory, a crash
    in compiled code): the page is the one that killed it, since it died again alone."""


def _spawn_pool(workers: int) -> ProcessPoolExecutor:
    # spawn, not fork: the crawler runs a reactor and threads that must not be copied.
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: its processes killed, its pending work cancelled."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


class Workers:
    def __init__(self, count: int):
        self.count = count
        self.pool: ProcessPoolExecutor | None = None
        self._alone = DeadlineWorker(None)
        """Where the pages in flight when the pool broke run again, one at a time."""

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

    def start(self, warm_up=None, *args) -> None:
        """Start the worker processes now, each running warm_up(*args) (importing what the
        pages will need), so the first pages do not wait for an interpreter's start-up: it
        overlaps the crawl's own (robots.txt, the sitemaps). Nothing with no workers."""
        if self.count <= 0 or self.pool is not None:
            return
        self.pool = _spawn_pool(self.count)
        if warm_up is None:
            return
        try:
            for _ in range(self.count):  # one each: a warm-up that fails only costs its time
                self.pool.submit(warm_up, *args)
        except Exception as exc:  # no process could be started: the first page tries again
            logger.warning("the worker processes could not be started ahead (%s: %s); the first page "
                           "starts them", type(exc).__name__, exc)
            _kill(self.pool)
            self.pool = None

    async def run(self, fn, *args):
        """fn(*args), in a worker process when there are workers. fn must be importable."""
        if self.count <= 0:
            return fn(*args)
        if self.pool is None:
            self.pool = _spawn_pool(self.count)
        pool = self.pool
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)
        except BrokenProcessPool:
            if self.pool is pool:  # the first of its pages to hear: the next page gets a new pool
                self.pool = None
                _kill(pool)
                logger.warning("a worker process died: the worker pool is started again, and the pages it "
                               "was running are run again one at a time")
        # One of the pages in the pool killed its worker, and every page in flight failed with
        # it. Each runs again alone: the one that dies again is the culprit (WorkerLost).
        return await self._alone.run(fn, *args)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        self._alone.close()


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

    def __init__(self, timeout: float | None):
        self.timeout = timeout
        """Seconds a page may take (None: no limit)."""
        self.pool: ProcessPoolExecutor | None = None
        self._turn: asyncio.Semaphore | None = None

    async def run(self, fn, *args):
        if self._turn is None:
            self._turn = asyncio.Semaphore(1)
        async with self._turn:
            loop = asyncio.get_running_loop()
            if self.pool is None:
                self.pool = _spawn_pool(1)
                # A fresh interpreter importing the extractor is not the page's time: on a busy
                # machine the start-up alone can outlast a short deadline.
                await loop.run_in_executor(self.pool, _ready, fn)
            future = loop.run_in_executor(self.pool, fn, *args)
            try:
                return await asyncio.wait_for(future, self.timeout)
            except asyncio.TimeoutError:
                self.kill()
                raise PageTimeout(f"extraction took more than {self.timeout:g}s (NEWSBOT_PAGE_TIMEOUT)") from None
            except BrokenProcessPool:
                self.kill()  # the next page gets a new process
                raise WorkerLost("the worker process died running this page (killed, or a crash in "
                                 "compiled code)") from None

    def kill(self) -> None:
        if self.pool is None:
            return
        _kill(self.pool)
        self.pool = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
