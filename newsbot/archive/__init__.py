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


def iter_pages(path: str | Path, skipped: dict | None = None) -> Iterator[ArchivedPage]:
    """The HTML responses of a WARC file (2xx), in file order. Other records are passed
    over; non-2xx and non-HTML responses are counted in `skipped` by reason."""
    skipped = skipped if skipped is not None else {}
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            if not status.startswith("2"):
                skipped[f"http_{status}"] = skipped.get(f"http_{status}", 0) + 1
                continue
            ctype = record.http_headers.get_header("Content-Type")
            if ctype and "html" not in ctype.lower() and "text/plain" not in ctype.lower():
                skipped["not_html"] = skipped.get("not_html", 0) + 1
                continue
            body = record.content_stream().read()  # de-chunked; gzip, deflate and br decoded
            if (record.http_headers.get_header("Content-Encoding") or "").lower() == "zstd":
                try:  # Scrapy asks for zstd when the zstandard package is there; warcio cannot read it
                    import zstandard

                    body = zstandard.ZstdDecompressor().decompressobj().decompress(body)
                except Exception:
                    skipped["undecodable"] = skipped.get("undecodable", 0) + 1
                    continue
            yield ArchivedPage(url=record.rec_headers.get_header("WARC-Target-URI"),
                               body=body, content_type=ctype,
                               profile=record.rec_headers.get_header(PROFILE_HEADER),
                               date=record.rec_headers.get_header("WARC-Date"))
