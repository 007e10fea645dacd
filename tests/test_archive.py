"""The raw archive (NEWSBOT_ARCHIVE, WARC via warcio) and `newsbot reprocess`: a crawl's
archive gives the crawl's records again; any WARC of HTML responses (a CC-NEWS-shaped one
written here) gives records too."""

from __future__ import annotations

import gzip
import subprocess
import sys
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsbot.core.extract import extract
from newsbot.stores import open_store

from .conftest import PAGES, expected
from .crawling import ALL, MANIFEST, SAMPLE_SITE, crawl, read_jsonl, serve


def reprocess(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newsbot.cli", "reprocess", *map(str, args)],
                          capture_output=True, text=True, timeout=180, cwd=cwd)


def by_url(records):
    return {r["url"]: r for r in records}


@pytest.fixture(scope="module")
def archived_crawl(tmp_path_factory):
    """One crawl of the sample site with the archive on (and no state: a first run)."""
    tmp = tmp_path_factory.mktemp("archived")
    server, base_url = serve()
    try:
        run = crawl(tmp, args={"base_url": base_url}, settings={"NEWSBOT_ARCHIVE": str(tmp / "archive"),
                                                                "NEWSBOT_STATE": ""})
    finally:
        server.shutdown()
    assert run.returncode == 0, run.stderr[-2000:]
    [warc] = (tmp / "archive").glob("*.warc.gz")
    return tmp, run, warc, base_url


def test_archive_keeps_each_article_exchange_with_headers(archived_crawl):
    tmp, run, warc, base_url = archived_crawl
    assert warc.name == f"{run.report['run']}.warc.gz"
    records = []
    with warc.open("rb") as f:
        for rec in ArchiveIterator(f):
            records.append((rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI"),
                            rec.http_headers, rec.rec_headers, rec.content_stream().read()))
    assert records[0][0] == "warcinfo"
    responses = [r for r in records if r[0] == "response"]
    requests = [r for r in records if r[0] == "request"]
    # Every response has its request, linked by WARC-Concurrent-To (warcio points the request at it).
    response_ids = {r[3].get_header("WARC-Record-ID"): r[1] for r in responses}
    assert responses and len(requests) == len(responses)
    assert all(response_ids[r[3].get_header("WARC-Concurrent-To")] == r[1] for r in requests)
    assert {r[1] for r in requests} == {r[1] for r in responses}
    # Article pages only (no robots.txt, sitemaps, feeds or listings); all of them.
    paths = {urlsplit(r[1]).path for r in responses}
    assert ALL <= {urlsplit(r.get("canonical_url") or r["url"]).path for r in run.records}
    assert {urlsplit(r["url"]).path for r in run.records} <= paths
    assert not any(p.endswith((".xml", ".rss", ".txt")) or "/latest-news/" in p for p in paths)
    # Failed pages are kept too: the 404, the one 500 before its retry, the redirect hop.
    statuses = {(urlsplit(r[1]).path, r[2].get_statuscode()) for r in responses}
    for failed in MANIFEST["expected_failures"]:
        if failed["reason"].startswith("http_"):
            assert (failed["path"], failed["reason"][5:]) in statuses
    assert (MANIFEST["traps"]["server_error_once"][0], "500") in statuses
    assert (MANIFEST["traps"]["redirect"][0], "301") in statuses or \
        (MANIFEST["traps"]["redirect"][0], "302") in statuses
    # Headers as exchanged, and the body the extractor saw.
    page = next(r for r in responses if r[2].get_statuscode() == "200")
    assert page[2].get_header("Content-Type").startswith("text/html")
    req = next(r for r in requests if r[1] == page[1])
    assert req[2].get_header("User-Agent").startswith("newsbot/")
    assert (req[2].protocol, req[2].statusline) == ("GET", f"{urlsplit(page[1]).path} HTTP/1.1")
    served = (SAMPLE_SITE / urlsplit(page[1]).path.lstrip("/"))
    assert page[4] == served.read_bytes().replace(b"__BASE_URL__", base_url.encode())


def test_reprocess_gives_the_crawls_records(archived_crawl, tmp_path):
    tmp, run, warc, _ = archived_crawl
    out = tmp_path / "again.jsonl"
    # Joined to their stories as in the crawl (which kept its index in memory: a fresh one here).
    proc = reprocess(warc, "-o", out, "--stories", tmp_path / "stories.sqlite3")
    assert proc.returncode == 0, proc.stderr[-2000:]
    again = read_jsonl(out)
    assert len(again) == len(run.records) == len(ALL)
    assert by_url(again) == by_url(run.records)  # same URLs, same fingerprints, same everything
    failures = read_jsonl(tmp_path / "again.failures.jsonl")
    assert [f["reason"] for f in failures] == ["binary"]
    assert "records: 64" in proc.stderr and "http_404 1" in proc.stderr
    assert "reprocessing:" in proc.stderr  # the progress bar

    # Two worker processes, the same records; and into a store.
    out2 = tmp_path / "again2.jsonl"
    store = f"sqlite:///{tmp_path / 'store.db'}"
    proc = reprocess(warc, "-o", out2, "-j", "2", "--store", store, "-q", "--stories", tmp_path / "stories2.sqlite3")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert read_jsonl(out2) == again
    assert open_store(store).count("articles") == len(ALL)
    assert {r["run"] for r in open_store(store).rows("articles")} == {run.report["run"]}  # the WARC's run


CC_NEWS_PAGES = ["ndtv_pti", "bs_current_pti_free", "reuters_trailer"]


def write_cc_news_warc(path: Path) -> None:
    """A WARC shaped like Common Crawl's news crawl: warcinfo, then request / response /
    metadata triples; bodies gzip-encoded and chunked as sent; a JPEG and a 404 among them."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {
            "software": "StormCrawler 2.10 https://stormcrawler.net/", "isPartOf": "CC-NEWS",
            "format": "WARC File Format 1.1", "operator": "Common Crawl Admin"}))

        def exchange(url, status, headers, body):
            req = writer.create_warc_record(url, "request", payload=BytesIO(b""), http_headers=StatusAndHeaders(
                f"GET {urlsplit(url).path} HTTP/1.1", [("Host", urlsplit(url).netloc), ("User-Agent", "CCBot/2.0")],
                is_http_request=True))
            resp = writer.create_warc_record(url, "response", payload=BytesIO(body),
                                             http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"))
            writer.write_request_response_pair(req, resp)
            writer.write_record(writer.create_warc_record(
                url, "metadata", payload=BytesIO(b"fetchTimeMs: 120\n"), warc_content_type="application/warc-fields"))

        for stem in CC_NEWS_PAGES:
            html = (PAGES / f"{stem}.html").read_bytes()
            packed = gzip.compress(html)
            chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(packed), packed)
            exchange(expected(stem)["url"], "200 OK",
                     [("Content-Type", "text/html; charset=UTF-8"), ("Content-Encoding", "gzip"),
                      ("Transfer-Encoding", "chunked")], chunked)
        exchange("https://www.ndtv.com/images/photo.jpg", "200 OK", [("Content-Type", "image/jpeg")], b"\xff\xd8\xff")
        exchange("https://www.ndtv.com/india-news/gone-123", "404 Not Found", [("Content-Type", "text/html")], b"gone")


def test_reprocess_reads_a_cc_news_warc(tmp_path):
    warc = tmp_path / "CC-NEWS-20261129060000-00001.warc.gz"
    write_cc_news_warc(warc)
    out = tmp_path / "cc.jsonl"
    proc = reprocess(warc, "-o", out, "-q")
    assert proc.returncode == 0, proc.stderr[-2000:]
    records = read_jsonl(out)
    assert [r["url"] for r in records] == [expected(s)["url"] for s in CC_NEWS_PAGES]
    for stem, rec in zip(CC_NEWS_PAGES, records):
        direct = extract((PAGES / f"{stem}.html").read_bytes(), url=expected(stem)["url"]).to_dict()
        assert rec == direct  # the body was un-chunked and un-gzipped before extraction
        assert rec["headline"] == expected(stem)["headline"] and rec["body"]
    assert "http_404 1" in proc.stderr and "not_html 1" in proc.stderr


def test_a_page_with_no_response_is_archived_with_its_reason(tmp_path):
    from scrapy import Request, Spider
    from scrapy.utils.test import get_crawler
    from twisted.internet.error import TimeoutError

    from newsbot.archive import WarcArchiveMiddleware

    crawler = get_crawler(Spider, {"NEWSBOT_ARCHIVE": str(tmp_path)})
    crawler.spider = Spider("wire")
    crawler.spider.run_id = "2026-11-29T06-00-00Z"
    mw = WarcArchiveMiddleware.from_crawler(crawler)
    request = Request("https://example.com/news/slow-1.html", meta={"newsbot_lastmod": None})
    assert mw.process_exception(request, TimeoutError("took longer than 30.0 seconds"), crawler.spider) is None
    assert mw.process_exception(Request("https://example.com/sitemap.xml"), TimeoutError(), crawler.spider) is None
    mw.spider_closed(crawler.spider, "finished")
    with (tmp_path / "2026-11-29T06-00-00Z.warc.gz").open("rb") as f:
        recs = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
                for r in ArchiveIterator(f)]
    assert [(t, u) for t, u, _ in recs] == [("warcinfo", None), ("request", request.url), ("metadata", request.url)]
    assert recs[2][2].startswith(b"newsbot-failure: TimeoutError") and b"30.0 seconds" in recs[2][2]


def test_reprocess_names_a_missing_file(tmp_path):
    proc = reprocess(tmp_path / "nope.warc.gz")
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_archive_is_off_unless_configured():
    from scrapy import Spider
    from scrapy.exceptions import NotConfigured
    from scrapy.utils.test import get_crawler

    from newsbot.archive import WarcArchiveMiddleware

    with pytest.raises(NotConfigured):
        WarcArchiveMiddleware.from_crawler(get_crawler(Spider, {"NEWSBOT_ARCHIVE": None}))
