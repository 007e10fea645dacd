"""Page -> record: the separation, run on each fetched page (in the crawl's worker
processes when NEWSBOT_WORKERS > 0, see newsbot/crawling/workers.py)."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from scrapy import signals
from scrapy.utils.misc import load_object

from newsbot.crawling.extensions.run import run_of
from newsbot.core.extract import PageError, extract
from newsbot.core.extract.generic import check_locator
from newsbot.crawling.items import ArticleItem, PageItem, failure
from newsbot.crawling.pipelines.stories import StoryPipeline, body_mark
from newsbot.core.record import encodable
from newsbot.crawling.workers import DeadlineWorker, PageTimeout, WorkerLost, Workers

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Turns each PageItem into an ArticleItem; a page that fails to parse becomes a
    FailureItem with its reason (counted and logged), so one bad page never stops a run."""

    def __init__(self, stats, failed_pages_dir: str | None = None, workers: Workers | None = None,
                 page_timeout: float = 0.0, bounded_above: int = 0, extractor=None, locator: str = "trafilatura",
                 sign: bool = False):
        """sign: the story signature of each record's body is made where the record is, in a
        worker process (when there are any), for the story pipeline (see `extract_and_sign`)."""
        self.stats = stats
        self.sign = sign
        self.failed_pages_dir = Path(failed_pages_dir) if failed_pages_dir else None
        self.workers = workers or Workers(0)
        self.extractor = extractor or extract_record
        # Pages of bounded_above bytes or more run in a worker with a deadline (NEWSBOT_PAGE_TIMEOUT).
        self.deadline = DeadlineWorker(page_timeout) if page_timeout > 0 else None
        self.bounded_above = bounded_above
        self.locator = locator

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        locator = settings.get("NEWSBOT_GENERIC_LOCATOR") or "trafilatura"
        try:  # a wrong name must stop the crawl at its start, not fail each page
            check_locator(locator)
        except ValueError as exc:
            raise ValueError(f"NEWSBOT_GENERIC_LOCATOR: {exc}") from None
        run = run_of(crawler)
        folder = run.failed_pages_dir if run is not None else settings.get("NEWSBOT_FAILED_PAGES_DIR")
        pipe = cls(crawler.stats, folder, workers=Workers.of(crawler),
                   page_timeout=settings.getfloat("NEWSBOT_PAGE_TIMEOUT", 0.0),
                   bounded_above=settings.getint("NEWSBOT_PAGE_TIMEOUT_ABOVE", 0),
                   extractor=load_object(settings.get("NEWSBOT_EXTRACTOR") or extract_record),
                   locator=locator, sign=_joins_stories(settings))
        if pipe.deadline is not None:
            crawler.signals.connect(pipe.deadline.close, signal=signals.engine_stopped)
        return pipe

    def open_spider(self, spider=None):
        # The worker processes start with the crawl, not with its first page.
        self.workers.start(warm_up, self.extractor, self.sign)

    async def process_item(self, item):
        if not isinstance(item, PageItem):
            return item
        self.stats.inc_value("newsbot/pages_extracted")
        args = (item.body, item.url, item.content_type, item.profile, self.locator)
        in_deadline = self.deadline is not None and len(item.body) >= self.bounded_above
        # In another process, the record's story signature is made there too.
        fn, args = ((extract_and_sign, (self.extractor, *args)) if self.sign and (in_deadline or self.workers.count > 0)
                    else (self.extractor, args))
        try:
            if in_deadline:
                record = await self.deadline.run(fn, *args)
            else:
                record = await self.workers.run(fn, *args)
        except PageError as exc:
            return self._failed(item, exc.reason, str(exc))
        except PageTimeout as exc:
            return self._failed(item, "timeout", str(exc))
        except WorkerLost as exc:
            return self._failed(item, "worker_lost", str(exc))
        except Exception as exc:  # a parser bug (or a lost worker) must cost one page, not the crawl
            logger.error("extraction crashed on %s: %s: %s", item.url, type(exc).__name__, exc,
                         exc_info=self.workers.count == 0)
            return self._failed(item, "extract_error", f"{type(exc).__name__}: {exc}")
        sig = None
        if fn is extract_and_sign:
            record, sig = record
        out = ArticleItem(record)
        # Crawl facts for later pipelines ride as attributes, outside the exported record.
        out.signed = (body_mark(out.get("body")), sig) if sig is not None else None
        out.lastmod = item.lastmod
        out.aliases = [item.url, *item.requested_urls]
        out.explicit = item.explicit
        return out

    def _failed(self, item: PageItem, reason: str, detail: str):
        self.stats.inc_value(f"newsbot/failures/{reason}")
        # A PageError's message already starts with its reason ("binary: the content is not text").
        logger.warning("page failed to parse: %s (%s)", item.url, detail if detail.startswith(reason) else f"{reason}: {detail}")
        saved = self._save(item)
        return failure(item.url, reason, item.status, detail, saved_as=saved)

    def _save(self, item: PageItem) -> str | None:
        """Keep the failed page's bytes for reprocessing (`newsbot extract FILE --url URL`)."""
        if self.failed_pages_dir is None:
            return None
        self.failed_pages_dir.mkdir(parents=True, exist_ok=True)
        path = self.failed_pages_dir / (hashlib.sha1(item.url.encode()).hexdigest() + ".page")
        path.write_bytes(item.body)
        return str(path)


def extract_record(body: bytes, url: str, content_type: str | None, profile: str | None,
                   locator: str = "trafilatura") -> dict:
    """The record of one page as a plain dict (what crosses the process boundary)."""
    return encodable(extract(body, url=url, content_type=content_type, profile=profile, locator=locator)).to_dict()


def extract_and_sign(extractor, *args) -> tuple[dict, object]:
    """extractor(*args)'s record and the story signature of its body (newsbot.core.stories),
    both made in the worker process: the crawler's story join then only looks it up, and the
    crawler never imports datasketch. A signature that fails is None: the story pipeline
    makes it again and reports the error as before."""
    record = extractor(*args)
    try:
        from newsbot.core.stories import signature

        sig = signature(record.get("body") or [])
        sig.bands()  # made here as well, and carried with the signature
    except Exception:
        sig = None
    return record, sig


def warm_up(extractor, sign: bool) -> None:
    """Run once in each worker process as the crawl starts: unpickling `extractor` has
    imported its modules; with `sign`, one signature imports datasketch (and scipy, 0.6 s)."""
    if sign:
        from newsbot.core.stories import signature

        signature(["A paragraph signed once, so the first page's signature pays no import."])


def _joins_stories(settings) -> bool:
    """Whether the crawl's pipelines include the story pipeline, enabled."""
    from scrapy.utils.conf import build_component_list

    if not settings.getbool("NEWSBOT_STORIES_ENABLED", True):
        return False
    for path in build_component_list(settings.getwithbase("ITEM_PIPELINES")):
        try:
            component = load_object(path) if isinstance(path, str) else path
        except Exception:  # a pipeline that cannot be loaded fails the crawl on its own
            continue
        if isinstance(component, type) and issubclass(component, StoryPipeline):
            return True
    return False
