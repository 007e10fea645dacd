"""The Scrapy adapter of the run's feeds: URI parameters, write-through local files, and
the feed exporter that confirms delivery to the run (newsbot/run/).

- `uri_params` (FEED_URI_PARAMS): %(run)s and %(output)s from the run.
- `UnbufferedFileFeedStorage`: local feed files written through at once (no buffer), so a
  record written is on disk when the write returns.
- `JsonLinesItemExporter`: Scrapy's, encoding a record once for all its JSON lines feeds.
- `FeedExporter`: Scrapy's, with three changes: a feed that names no `item_classes` (a
  user's `-o out.jsonl`) takes article records only; the run's own records and failures
  feeds (`Run.feeds`) are added for whichever kind no configured feed takes; and every
  record, once written, is confirmed to the run (`Run.written`), while a feed that cannot
  be written stops the run (`Run.fail`) instead of letting records be counted as delivered.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from scrapy.exporters import BaseItemExporter
from scrapy.exporters import JsonLinesItemExporter as ScrapyJsonLinesItemExporter
from scrapy.extensions.feedexport import FeedExporter as ScrapyFeedExporter
from scrapy.extensions.feedexport import FileFeedStorage, StdoutFeedStorage
from scrapy.utils.misc import load_object
from scrapy.utils.python import to_bytes

from newsbot.crawling.extensions.run import run_of
from newsbot.crawling.items import ArticleItem, FailureItem

logger = logging.getLogger(__name__)


def uri_params(params: dict, spider) -> dict:
    """FEED_URI_PARAMS hook: adds %(run)s (the run id, the same in every feed of the run)
    and %(output)s (the NEWSBOT_OUTPUT_DIR setting)."""
    out = dict(params)
    run = run_of(spider.crawler)
    out["run"] = run.run_id if run else params.get("time")
    out["output"] = (run.output_dir if run else spider.settings.get("NEWSBOT_OUTPUT_DIR", "output").rstrip("/"))
    return out


class UnbufferedFileFeedStorage(FileFeedStorage):
    """Local feed files written through at once: a killed run leaves every record it
    counted as delivered on disk (delivery is marked right after the write)."""

    write_through = True

    def open(self, spider):
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return _CheckedFile(path.open(self.write_mode, buffering=0))


class _CheckedFile:
    """A raw file whose write() fails loudly on a short write (a full disk can accept part
    of a line): the exporter's caller then knows the record is not in the feed."""

    def __init__(self, raw):
        self.raw = raw

    def write(self, data) -> int:
        view = memoryview(data)
        while view:
            n = self.raw.write(view)
            if not n:
                raise OSError(f"short write to {self.raw.name}")
            view = view[n:]
        return len(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


_PLAIN = (ArticleItem, FailureItem, dict)
"""Items that are plain dicts: their fields are their keys, in their order."""


class JsonLinesItemExporter(ScrapyJsonLinesItemExporter):
    """Scrapy's JSON lines exporter (FEED_EXPORTERS jsonlines, jsonl, jl), encoding a record
    once for every feed that writes it with the same options (a local file and S3, or the
    run's feed and `-o -:jsonl`): the line is the one Scrapy's exporter writes."""

    _last: tuple | None = None
    """(record, options, line) of the record last encoded: the feeds of one record are
    written one after the other, so the last one is all there is to share. Compared by
    identity, and held until the next record (one record of memory)."""

    def __init__(self, file, **kwargs):
        super().__init__(file, **kwargs)
        self._options = (repr(self.fields_to_export), self.export_empty_fields, self.encoding,
                         repr(sorted(self._kwargs.items())))
        # A record is a dict (no declared fields, no serializers): with every field exported,
        # Scrapy's per-field walk gives the dict as it is, so it is skipped.
        self._whole = self.fields_to_export is None and type(self).serialize_field is BaseItemExporter.serialize_field

    def export_item(self, item) -> None:
        last = JsonLinesItemExporter._last
        if last is not None and last[0] is item and last[1] == self._options:
            line = last[2]
        else:
            fields = dict(item) if self._whole and type(item) in _PLAIN else dict(self.get_serialized_fields(item))
            line = to_bytes(self.encoder.encode(fields) + "\n", self.encoding)
            JsonLinesItemExporter._last = (item, self._options, line)
        self.file.write(line)


class FeedExporter(ScrapyFeedExporter):
    def __init__(self, crawler):
        run = run_of(crawler)
        if run is not None:
            # The run's own feeds join FEEDS (built before the settings are frozen) for each
            # kind of item no configured feed takes.
            feeds = dict(crawler.settings.getdict("FEEDS"))
            for uri, options in run.feeds().items():
                kind = load_object(options["item_classes"][0])
                if not any(_takes(o, kind) for o in feeds.values()):
                    feeds[uri] = options
            crawler.settings.set("FEEDS", feeds, priority=max(crawler.settings.getpriority("FEEDS") or 0, 20))
        super().__init__(crawler)
        for uri, options in self.feeds.items():
            if not options.get("item_classes") and "item_filter" not in options:
                options["item_classes"] = [ArticleItem]
                self.filters[uri] = self._load_filter(options)
        self._held: dict[int, list] = {}  # records in feeds stored only at close, by slot
        self._closed = asyncio.Event()
        if run is not None:
            run.feeds_closed = self._closed

    async def close_spider(self, spider):
        JsonLinesItemExporter._last = None
        try:
            await super().close_spider(spider)
        finally:
            self._closed.set()

    def _state(self):
        return run_of(self.crawler)

    def open_spider(self, spider):
        super().open_spider(spider)
        run = self._state()
        if run is not None:
            claimed = set()
            for slot in self.slots:
                path = getattr(slot.storage, "path", None) or slot.uri
                for kind, probe in (("records", ArticleItem()), ("failures", FailureItem())):
                    if slot.filter.accepts(probe) and kind not in claimed:
                        run.use_feed(kind, str(path))  # the first feed that takes the kind
                        claimed.add(kind)

    def item_scraped(self, item, spider):
        JsonLinesItemExporter._last = None  # a line is shared among one record's feeds only
        slots = [s for s in self.slots if s.filter.accepts(item)]
        if any(self.feeds[s.uri_template]["batch_item_count"] for s in self.slots):
            failed = self._export_batched(item, spider, slots)
        else:
            failed = None
            for slot in slots:
                try:
                    slot.start_exporting()
                    slot.exporter.export_item(item)
                except Exception as exc:
                    failed = (slot.uri, exc)
                    break
                slot.itemcount += 1
                if isinstance(slot.storage, StdoutFeedStorage):
                    slot.file.flush()  # stdout is buffered: the record is out once flushed
        state = self._state()
        if failed is not None:
            uri, exc = failed
            message = f"feed {uri} cannot be written ({type(exc).__name__}: {exc})"
            if state is not None:
                state.fail(message, "feed_error")
            else:
                logger.error(message)
            return
        if not isinstance(item, ArticleItem) or state is None or not slots:
            return
        held = [s for s in slots if not _written_through(s.storage)]
        if held:
            entry = [item, len(held), False]  # the record, feeds still to store it, a feed failed
            for s in held:
                self._held.setdefault(id(s), []).append(entry)
        else:
            state.written(item)

    def _export_batched(self, item, spider, slots):
        """Scrapy's own export when a feed is split in batches (FEED_EXPORT_BATCH_ITEM_COUNT)."""
        try:
            super().item_scraped(item, spider)
        except Exception as exc:
            return ((slots[0].uri if slots else "?"), exc)
        return None

    async def _close_slot(self, slot, spider):
        # A feed stored at the end (S3, FTP, ...): its records count as delivered only
        # once the store succeeded.
        ok = True
        store = slot.storage.store

        def checked_store(file):
            nonlocal ok
            try:
                result = store(file)
            except Exception:
                ok = False
                raise
            if hasattr(result, "addErrback"):
                def failed(f):
                    nonlocal ok
                    ok = False
                    return f
                result.addErrback(failed)
            return result

        slot.storage.store = checked_store
        try:
            await super()._close_slot(slot, spider)
        except Exception as exc:
            ok = False
            state = self._state()
            if state is not None:
                state.fail(f"feed {slot.uri} cannot be written ({type(exc).__name__}: {exc})", "feed_error")
        held = self._held.pop(id(slot), [])
        state = self._state()
        if state is None:
            return
        if not ok or self.crawler.stats.get_value(f"feedexport/failed_count/{type(slot.storage).__name__}"):
            for entry in held:
                entry[2] = True  # this feed lost it: not delivered, whatever the others did
            if held:
                state.fail(f"feed {slot.uri} could not be stored: its {len(held)} records are not delivered",
                           "feed_error")
            return
        for entry in held:
            # Delivered once every feed that took the record has stored it.
            entry[1] -= 1
            if entry[1] == 0 and not entry[2]:
                state.written(entry[0])


def _takes(options: dict, kind: type) -> bool:
    """Whether a FEEDS entry takes items of `kind` (one naming no classes takes records)."""
    classes = [load_object(c) if isinstance(c, str) else c for c in options.get("item_classes") or ()]
    return kind in classes if classes else kind is ArticleItem and "item_filter" not in options


def _written_through(storage) -> bool:
    """Whether a record is in the feed once the exporter's write returns."""
    return getattr(storage, "write_through", False) or isinstance(storage, StdoutFeedStorage)
