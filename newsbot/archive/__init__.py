"""The raw archive: every fetched article response, as WARC (warcio), to re-derive records.

WarcArchiveMiddleware (a downloader middleware, on when NEWSBOT_ARCHIVE names a folder)
writes `<folder>/<run>.warc.gz`: for each article request a `request` record and a
`response` record (status line and headers as received, body as on the wire), linked by
WARC-Concurrent-To. A page that got no response (timeout, DNS, connection lost) gets its
request record and a `metadata` record saying why. Redirects and error statuses are
responses like any other, so failed pages are kept too.

`iter_pages()` reads any WARC of HTML responses — ours, or a Common Crawl news (CC-NEWS)
file — and `newsbot reprocess` (newsbot/archive/reprocess.py) runs the extractor on them.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

logger = logging.getLogger(__name__)

PROFILE_HEADER = "WARC-Newsbot-Profile"
"""WARC header naming the publisher profile the crawl chose for a page, so reprocessing
takes the page apart the same way (pages of other WARCs go by their URL)."""

# Hop-by-hop framing the downloader already undid: kept under another name, so a reader
# does not try to de-chunk a body stored whole.
_FRAMING = {b"transfer-encoding"}


def is_article_request(request) -> bool:
    """Article page requests carry `newsbot_lastmod` in meta (ArticleSpider.article_request)."""
    return "newsbot_lastmod" in request.meta or getattr(request.callback, "__name__", "") == "parse_article"


class WarcArchiveMiddleware:
    def __init__(self, crawler, folder: str):
        self.crawler = crawler
        self.folder = Path(folder)
        self.file = None
        self.writer: WARCWriter | None = None
        self.path: Path | None = None

    @classmethod
    def from_crawler(cls, crawler):
        folder = crawler.settings.get("NEWSBOT_ARCHIVE")
        if not folder:
            raise NotConfigured  # no message: an optional part that is off says nothing in the log
        mw = cls(crawler, folder)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def _open(self) -> WARCWriter:
        if self.writer is None:
            spider = self.crawler.spider
            run = getattr(spider, "run_id", None) or spider.name
            self.folder.mkdir(parents=True, exist_ok=True)
            self.path = self.folder / f"{run}.warc.gz"
            self.file = self.path.open("ab")
            self.writer = WARCWriter(self.file, gzip=True)
            self.writer.write_record(self.writer.create_warcinfo_record(
                self.path.name, {"software": "newsbot", "format": "WARC File Format 1.1",
                                 "spider": spider.name, "run": run}))
            self.crawler.stats.set_value("newsbot/archive/file", str(self.path))
            logger.info("archiving article responses to %s", self.path)
        return self.writer

    def _request_record(self, writer: WARCWriter, request):
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, vs in request.headers.items() for v in vs]
        if not any(k.lower() == "host" for k, _ in headers):
            headers.insert(0, ("Host", parts.netloc))
        http = StatusAndHeaders(f"{request.method} {target} HTTP/1.1", headers, is_http_request=True)
        return writer.create_warc_record(request.url, "request", payload=BytesIO(request.body or b""),
                                         http_headers=http)

    def process_response(self, request, response, spider=None):
        if is_article_request(request):
            try:
                self._write_response(request, response)
            except OSError as exc:  # a full disk must not cost the crawl its records
                logger.error("archive write failed for %s: %s", response.url, exc)
                self.crawler.stats.inc_value("newsbot/archive/errors")
        return response

    def _write_response(self, request, response) -> None:
        writer = self._open()
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = ""
        headers = []
        for k, vs in response.headers.items():
            name = k.decode("latin-1")
            if k.lower() in _FRAMING:
                name = "X-Archive-Orig-" + name
            headers += [(name, v.decode("latin-1")) for v in vs]
        protocol = getattr(response, "protocol", None) or "HTTP/1.1"
        http = StatusAndHeaders(f"{response.status} {reason}".strip(), headers, protocol=protocol)
        extra = {}
        profile_for = getattr(self.crawler.spider, "profile_for", None)
        profile = profile_for(response.url) if profile_for else None
        if profile:
            extra[PROFILE_HEADER] = profile
        resp = writer.create_warc_record(response.url, "response", payload=BytesIO(response.body),
                                         http_headers=http, warc_headers_dict=extra)
        writer.write_request_response_pair(self._request_record(writer, request), resp)
        self.file.flush()
        self.crawler.stats.inc_value("newsbot/archive/responses")

    def process_exception(self, request, exception, spider=None):
        """No response (timeout, DNS, connection lost): the request and why, as a metadata record.
        A request a middleware refused (robots.txt) was never sent: nothing to keep."""
        if is_article_request(request) and not isinstance(exception, IgnoreRequest):
            try:
                writer = self._open()
                req = self._request_record(writer, request)
                writer.write_record(req)
                why = f"newsbot-failure: {type(exception).__name__}: {exception}\n".encode()
                writer.write_record(writer.create_warc_record(
                    request.url, "metadata", payload=BytesIO(why), warc_content_type="text/plain",
                    warc_headers_dict={"WARC-Concurrent-To": req.rec_headers.get_header("WARC-Record-ID")}))
                self.file.flush()
                self.crawler.stats.inc_value("newsbot/archive/failures")
            except OSError as exc:
                logger.error("archive write failed for %s: %s", request.url, exc)
        return None

    def spider_closed(self, spider, reason):
        if self.file is not None:
            self.file.close()
            self.file = self.writer = None


@dataclass
class ArchivedPage:
    url: str
    body: bytes
    content_type: str | None
    profile: str | None
    date: str | None
    refused: tuple[str, str] | None = None
    """(reason, detail) for a response that is not taken apart (over the size limit): the
    page's failure, its body not loaded."""


def _max_record_bytes() -> int:
    """The crawl's DOWNLOAD_MAXSIZE (newsbot/crawling/settings.py): a response the crawl would refuse
    is refused here too, whatever wrote the archive."""
    from newsbot.crawling import settings

    return settings.DOWNLOAD_MAXSIZE


# Where a record may begin: a gzip member (a .warc.gz holds one record per member) or a
# WARC header line in an uncompressed file.
_SYNC_MARKS = (b"\x1f\x8b\x08", b"WARC/1.")
_SCAN = 1024 * 1024


def _next_record_start(stream, start: int) -> int | None:
    """The offset of the first place at or after `start` where a record may begin, read in
    bounded chunks; None at the end of the file."""
    keep = max(len(m) for m in _SYNC_MARKS)
    stream.seek(start)
    base, tail = start, b""
    while chunk := stream.read(_SCAN):
        data = tail + chunk
        hits = []
        for mark in _SYNC_MARKS:
            at = data.find(mark)
            while at != -1 and mark == b"WARC/1." and at > 0 and data[at - 1:at] != b"\n":
                at = data.find(mark, at + 1)  # a header starts a line, not a story about WARC
            if at != -1:
                hits.append(at)
        if hits:
            return base + min(hits)
        tail = data[-keep:]
        base += len(data) - len(tail)
    return None


def _printable(exc: Exception) -> str:
    """An exception's message, short and in plain ASCII (warcio quotes the junk it met)."""
    text = f"{type(exc).__name__}: {exc}".split(", first line:")[0]  # not the junk itself
    return "".join(c if c.isprintable() and c.isascii() else ascii(c)[1:-1] for c in text[:160])


def _read_bounded(stream, limit: int) -> bytes | None:
    """At most limit bytes, or None when there are more (only limit + 1 are read)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def _page(record, skipped: dict, limit: int) -> ArchivedPage | None:
    """The HTML response a record holds, its decoded body read up to `limit` bytes; None for
    a record that is no 2xx HTML response (counted in `skipped`)."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    if not status.startswith("2"):
        skipped[f"http_{status}"] = skipped.get(f"http_{status}", 0) + 1
        return None
    ctype = record.http_headers.get_header("Content-Type")
    if ctype and "html" not in ctype.lower() and "text/plain" not in ctype.lower():
        skipped["not_html"] = skipped.get("not_html", 0) + 1
        return None
    page = ArchivedPage(url=record.rec_headers.get_header("WARC-Target-URI"), body=b"", content_type=ctype,
                        profile=record.rec_headers.get_header(PROFILE_HEADER),
                        date=record.rec_headers.get_header("WARC-Date"))
    too_big = ("oversize", f"more than DOWNLOAD_MAXSIZE={limit} bytes once decoded; not loaded")
    # content_stream(): de-chunked; gzip, deflate and br decoded block by block as read.
    body = _read_bounded(record.content_stream(), limit)
    if body is None:
        page.refused = too_big
        return page
    if (record.http_headers.get_header("Content-Encoding") or "").lower() == "zstd":
        try:  # Scrapy asks for zstd when the zstandard package is there; warcio cannot read it
            import zstandard

            body = _read_bounded(zstandard.ZstdDecompressor().stream_reader(BytesIO(body)), limit)
        except Exception:
            skipped["undecodable"] = skipped.get("undecodable", 0) + 1
            return None
        if body is None:
            page.refused = too_big
            return page
    page.body = body
    return page


def iter_pages(path: str | Path, skipped: dict | None = None, damaged: list[str] | None = None,
               max_size: int | None = None) -> Iterator[ArchivedPage]:
    """The HTML responses of a WARC file (2xx), in file order. Other records are passed
    over; non-2xx and non-HTML responses are counted in `skipped` by reason. A body over
    `max_size` (default the crawl's DOWNLOAD_MAXSIZE) once decoded is read no further: its
    page comes with `refused` set.

    A damaged file is read past its damage: unreadable bytes are skipped to the next place a
    record begins (a gzip member, a `WARC/1.` line), and each damaged stretch, a record cut
    short, or a file holding no WARC record at all is told in `damaged` (one line each,
    naming the file, the bytes and, when its header was read, the record's URL)."""
    skipped = skipped if skipped is not None else {}
    damaged = damaged if damaged is not None else []
    limit = _max_record_bytes() if max_size is None else max_size
    name = Path(path).name
    read_any = False
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        start: int | None = 0
        lost_from: int | None = None  # start of the damaged stretch being skipped
        lost_why = ""
        while start is not None:
            stream.seek(start)
            records = ArchiveIterator(stream)
            record = None
            try:
                for record in records:
                    if not record.format.startswith("warc"):  # warcio reads any text line as an ARC header
                        raise ValueError(f"not a WARC record (read as {record.format})")
                    if lost_from is not None:  # a record again: the damaged stretch ends here
                        damaged.append(f"{name}: bytes {lost_from}-{start} unreadable, skipped ({lost_why})")
                        lost_from = None
                    read_any = True
                    page = _page(record, skipped, limit)
                    records.read_to_end()
                    short = getattr(record.raw_stream, "limit", 0)
                    if short:
                        url = record.rec_headers.get_header("WARC-Target-URI")
                        damaged.append(f"{name}: record at byte {records.get_record_offset()} ({url}) "
                                       f"cut short by {short} bytes; not read")
                        record = None
                        continue
                    if page is not None:
                        yield page
                    record = None
                end = records.offset
                start = None
                if end < size and lost_from is None:
                    damaged.append(f"{name}: bytes {end}-{size} after the last record unreadable "
                                   f"(the file is cut short or not a WARC)")
            except Exception as exc:  # a damaged stretch: skip to where a record may begin
                failed_at = records.offset
                if lost_from is None:
                    lost_from, lost_why = failed_at, _printable(exc)
                    url = record.rec_headers.get_header("WARC-Target-URI") if record is not None else None
                    if url:
                        lost_why += f"; record of {url} lost"
                start = _next_record_start(stream, max(failed_at, start) + 1)
            finally:
                records.close()
        if lost_from is not None:
            damaged.append(f"{name}: bytes {lost_from}-{size} unreadable, no record after them ({lost_why})")
    if not read_any and not any(line.startswith(f"{name}:") for line in damaged):
        damaged.append(f"{name}: no WARC record in the file")
