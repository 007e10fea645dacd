"""What every newsbot spider shares: run bounds, article requests, failures as items.

Spiders only discover and fetch: they choose the publisher profile for a page and yield it
as a PageItem; the item pipelines take it apart.
"""

from __future__ import annotations

import html.entities
import re
from datetime import date, datetime
from urllib.parse import urlsplit

import lxml.etree
import scrapy
from parsel import Selector
from scrapy.exceptions import (CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError,
                               DownloadTimeoutError, IgnoreRequest)
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError

from newsbot.crawling.extensions.run import run_of
from newsbot.core.extract.metadata import parse_iso
from newsbot.crawling.items import PageItem, failure
from newsbot.core.profiles.base import Profile

WEB_SCHEMES = ("http", "https")


class UsageError(ValueError):
    """A spider argument that cannot be used; the message says which and why."""


def check_web_url(url: str) -> str | None:
    """None when `url` is an absolute http(s) URL with a host and a valid port, else why not."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError as exc:
        return f"invalid URL: {exc}"
    if parts.scheme.lower() not in WEB_SCHEMES:
        return f"only http(s) URLs are fetched, not {parts.scheme or 'scheme-less'}:"
    if not parts.hostname:
        return "no host"
    return None


def _positive_int(name: str, value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise UsageError(f"-a {name}= takes a whole number, got {value!r}") from None
    if number < 0:
        raise UsageError(f"-a {name}= takes a number of 0 or more, got {value!r}")
    return number


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise UsageError(f"not a date (YYYY-MM-DD): {value!r}") from None


class ArticleSpider(scrapy.Spider):
    """Base for newsbot spiders.

    Arguments (-a NAME=VALUE): since / until (YYYY-MM-DD, by sitemap/feed date or the date
    in the URL), max_articles (stop scheduling after N), section (only URLs in this section).
    """

    profile: Profile | None = None

    def __init__(self, *args, since=None, until=None, max_articles=None, section=None, **kwargs):
        # Scrapy sets every -a argument as an attribute; these name the output files
        # (-a name=../../x wrote feeds outside NEWSBOT_OUTPUT_DIR), so they are refused.
        for key in ("name", "run_id", "feed_paths"):
            if key in kwargs:
                raise UsageError(f"-a {key}= is not a spider argument (it names the output files); refused")
        super().__init__(*args, **kwargs)
        self.since = _parse_day(since)
        self.until = _parse_day(until)
        self.max_articles = _positive_int("max_articles", max_articles) if max_articles not in (None, "") else None
        self.section = section.strip("/").lower() if section else None
        self.scheduled = 0
        self.run_id: str | None = None  # set by the run state extension, which owns it
        self.feed_paths: dict[str, str] = {}
        self._not_refetched: set[str] = set()
        self.sitemaps_fetched = 0
        self._queued_guess = self._since_count = 0  # requests waiting, as last counted (queue_full)
        self._queue_full_from: set[str] = set()

    # --- bounds --------------------------------------------------------------------------
    def url_day(self, url: str) -> date | None:
        """The publication day a URL carries, if the profile knows how to read one."""
        return self.profile.day_of_url(url) if self.profile else None

    def in_bounds(self, url: str, lastmod: str | None = None) -> bool:
        if self.section and self.section not in urlsplit(url).path.lower().strip("/").split("/")[:3]:
            return False
        day = None
        if lastmod:
            try:
                day = date.fromisoformat(lastmod.strip()[:10])
            except ValueError:
                day = None
        day = day or self.url_day(url)
        if day is not None:
            if self.since and day < self.since:
                return False
            if self.until and day > self.until:
                return False
        return True

    def is_article(self, url: str) -> bool:
        return self.profile.is_article_url(url) if self.profile else True

    def article_request(self, url: str, source: str, lastmod: str | None = None,
                        explicit: bool = False) -> Request | None:
        """A request for an article page, or None when out of bounds or over the limit.
        explicit: the user named this URL (-a urls=): delivered again even if unchanged."""
        if not self.is_article(url) or not self.in_bounds(url, lastmod):
            return None
        if self.unchanged_since_last_run(url, lastmod):
            return None
        if self.max_articles is not None and self.scheduled >= self.max_articles:
            return None
        if self.queue_full(source):
            return None
        self.scheduled += 1
        return Request(url, callback=self.parse_article, errback=self.on_error,
                       cb_kwargs={"source": source, "lastmod": lastmod},
                       meta={"newsbot_lastmod": lastmod, "newsbot_explicit": explicit})

    def queue_full(self, source: str) -> bool:
        """True when NEWSBOT_QUEUE_MAX requests already wait in the scheduler: the URL is not
        queued in this run (counted as `newsbot/skipped/queue_full`; not delivered, so a
        later run finds it again). Each queued request costs about 3 KB of memory, so a
        200,000-URL sitemap would otherwise hold 600 MB; with JOBDIR, Scrapy's scheduler
        keeps waiting requests on disk and the cap can be raised or turned off (0)."""
        crawler = getattr(self, "crawler", None)
        cap = crawler.settings.getint("NEWSBOT_QUEUE_MAX", 0) if crawler is not None else 0
        if cap <= 0:
            return False
        # The scheduler is counted every 64 URLs (a distributed one is a Redis call), and
        # each URL queued in between adds one.
        self._since_count += 1
        if self._since_count >= 64:
            scheduler = getattr(self.crawler.engine, "scheduler", None)
            self._queued_guess = len(scheduler) if scheduler is not None else 0
            self._since_count = 0
        if self._queued_guess < cap:
            self._queued_guess += 1
            return False
        self.crawler.stats.inc_value("newsbot/skipped/queue_full")
        if source not in self._queue_full_from:
            self._queue_full_from.add(source)
            self.logger.warning("queue full: %d requests waiting (NEWSBOT_QUEUE_MAX); further URLs of %s "
                                "are not queued in this run (see newsbot/skipped/queue_full)", cap, source)
        return True

    def unchanged_since_last_run(self, url: str, lastmod: str | None) -> bool:
        """True when an earlier run delivered this URL and the sitemap, feed or listing date
        says the page has not changed since: the same date as then, or a date no later
        than the delivery. The page is not downloaded again."""
        run = run_of(self.crawler)
        if run is None or run.state is None or not lastmod:
            return False
        key = run.key(url)
        prev = run.seen(key)
        if prev is None or key in run.delivered:
            return False  # unknown, or delivered by this very run (the dupefilter's business)
        if key in run.plan_pages:
            # A page an earlier run read the paywall's plans on is fetched again, so the
            # offers history says the prices still held today (its record, unchanged, is
            # then dropped as such).
            self.crawler.stats.inc_value("newsbot/state/plan_pages_rechecked")
            return False
        changed_at, delivered_at = _instant(lastmod), _instant(prev.last_seen)
        if prev.lastmod == lastmod or (changed_at and delivered_at and changed_at <= delivered_at):
            if key not in self._not_refetched:
                self._not_refetched.add(key)
                self.crawler.stats.inc_value("newsbot/state/not_refetched")
            return True
        return False

    # --- discovery helpers -----------------------------------------------------------------
    def sitemap_request(self, url: str, depth: int = 0, source: str | None = None, errback=None):
        """A request for a sitemap, or a failure when the run's sitemap bounds are reached
        (NEWSBOT_SITEMAP_MAX_DEPTH levels of index, NEWSBOT_SITEMAP_MAX_COUNT sitemaps): an
        index chain with changing query strings is not followed without end."""
        settings = self.crawler.settings
        max_depth = settings.getint("NEWSBOT_SITEMAP_MAX_DEPTH", 3)
        max_count = settings.getint("NEWSBOT_SITEMAP_MAX_COUNT", 1000)
        if depth > max_depth or self.sitemaps_fetched >= max_count:
            why = (f"sitemap index nested deeper than NEWSBOT_SITEMAP_MAX_DEPTH={max_depth}" if depth > max_depth
                   else f"more than NEWSBOT_SITEMAP_MAX_COUNT={max_count} sitemaps in this run")
            self.crawler.stats.inc_value("newsbot/failures/sitemap_limit")
            self.logger.warning("sitemap not fetched: %s (%s; listed in %s)", url, why, source)
            return failure(url, "sitemap_limit", None, why)
        self.sitemaps_fetched += 1
        # The protocol allows 50 MB uncompressed per sitemap: a larger limit than a page's.
        return Request(url, callback=self.parse_sitemap, errback=errback or self.on_error, cb_kwargs={"depth": depth},
                       meta={"download_maxsize": self.sitemap_maxsize()})

    def sitemap_maxsize(self) -> int:
        """Bytes a sitemap may have, on the wire and once decompressed (NEWSBOT_SITEMAP_MAXSIZE)."""
        return self.crawler.settings.getint("NEWSBOT_SITEMAP_MAXSIZE", 50 * 1024 * 1024)

    def sitemap_body(self, response: Response) -> bytes:
        """The sitemap's XML; a gzipped sitemap (sitemap.xml.gz served as application/x-gzip,
        no Content-Encoding) is decompressed in bounded chunks, stopping at
        NEWSBOT_SITEMAP_MAXSIZE."""
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=self.sitemap_maxsize())
        return body

    def parse_sitemap(self, response: Response, depth: int = 0):
        """Sitemap index -> sitemaps; urlset -> article requests (lastmod kept). Entries are
        read as lxml parses them (Scrapy's Sitemap: iterparse, entities not resolved), so a
        request goes out for each as it is read; a document libxml2 stopped reading (an
        entity bomb in its DTD) is a `bad_sitemap` failure after the entries it read (libxml2
        2.14 reads on past the bomb with its text dropped, older ones stop there)."""
        try:
            sitemap = Sitemap(html_entities_as_numbers(self.sitemap_body(response)))
        except Exception as exc:  # a broken sitemap is a failure to report, not a crash
            reason = "oversize" if "max" in type(exc).__name__.lower() else "bad_sitemap"
            self.crawler.stats.inc_value(f"newsbot/failures/{reason}")
            yield failure(response.url, reason, response.status, f"{type(exc).__name__}: {exc}")
            return
        try:
            yield from self._sitemap_entries(response, sitemap, depth)
        except lxml.etree.LxmlError as exc:
            why = f"{type(exc).__name__}: {exc}"
        else:
            why = xml_stopped(sitemap.xmliter.error_log)
        if why:
            yield self.discovery_failure(response, "bad_sitemap", why)

    def _sitemap_entries(self, response: Response, sitemap: Sitemap, depth: int):
        index = sitemap.type == "sitemapindex"
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            url, bad = self.entry_url(response, loc)
            if bad is not None:
                yield bad
            elif index:
                if self.wants_sitemap(url, entry.get("lastmod")):
                    yield self.sitemap_request(url, depth + 1, response.url)
            elif req := self.article_request(url, response.url, entry.get("lastmod")):
                yield req

    def discovery_failure(self, response: Response, reason: str, why: str):
        """A sitemap or feed that could not be read to its end: counted, logged, listed."""
        self.crawler.stats.inc_value(f"newsbot/failures/{reason}")
        self.logger.warning("%s: %s (%s)", reason, response.url, why)
        return failure(response.url, reason, response.status, why)

    def entry_url(self, response: Response, raw: str):
        """(absolute URL, None) for a sitemap or feed entry, or (None, a `bad_url` failure):
        one bad entry (javascript:, mailto:, an invalid port) is skipped, the rest crawled."""
        try:
            url = response.urljoin(raw.strip())
        except ValueError as exc:
            url, why = raw, f"invalid URL: {exc}"
        else:
            why = check_web_url(url)
        if why is None:
            return url, None
        self.crawler.stats.inc_value("newsbot/failures/bad_url")
        self.logger.warning("bad URL skipped: %r in %s (%s)", raw[:300], response.url, why)
        return None, failure(raw[:2000], "bad_url", None, f"{why} (listed in {response.url})")

    def wants_sitemap(self, url: str, lastmod: str | None) -> bool:
        """Whether a sitemap of an index is worth fetching (monthly sitemaps before `since` are not)."""
        if self.since and lastmod:
            try:
                return date.fromisoformat(lastmod[:10]) >= self.since
            except ValueError:
                return True
        return True

    def parse_feed(self, response: Response):
        """RSS or Atom feed -> article requests; a feed libxml2 stopped reading (an entity
        bomb in its DTD) is a `bad_feed` failure after the items read before it."""
        # Parsed here rather than by response.selector: parsel's parser allows huge trees,
        # and its error log, which says whether the parser stopped early, is not kept.
        parser = lxml.etree.XMLParser(recover=True, remove_comments=True, resolve_entities=False,
                                      no_network=True, huge_tree=False)
        try:
            root = lxml.etree.fromstring(html_entities_as_numbers(response.body), parser)
        except lxml.etree.LxmlError as exc:
            yield self.discovery_failure(response, "bad_feed", f"{type(exc).__name__}: {exc}")
            return
        stopped = xml_stopped(parser.error_log)
        if root is None:
            yield self.discovery_failure(response, "bad_feed", stopped or "no XML in the feed")
            return
        selector = Selector(root=root, type="xml")
        selector.remove_namespaces()
        yield from self._feed_entries(response, selector)
        if stopped:
            yield self.discovery_failure(response, "bad_feed", stopped)

    def _feed_entries(self, response: Response, selector: Selector):
        for item in selector.xpath("//item | //entry"):
            link = item.xpath("./link/text()").get() or item.xpath("./link/@href").get()
            if not link or not link.strip():
                continue
            url, bad = self.entry_url(response, link)
            if bad is not None:
                yield bad
                continue
            pub = item.xpath("./pubDate/text() | ./updated/text() | ./published/text()").get()
            if req := self.article_request(url, response.url, _feed_date(pub)):
                yield req

    # --- fetching ---------------------------------------------------------------------------
    def parse_article(self, response: Response, source: str | None = None, lastmod: str | None = None):
        yield PageItem(
            url=response.url,
            body=response.body,
            content_type=response.headers.get("Content-Type", b"").decode("latin-1") or None,
            status=response.status,
            profile=self.profile_for(response.url),
            discovered_from=source,
            lastmod=lastmod,
            requested_urls=list(response.request.meta.get("redirect_urls", [])) if response.request else [],
            explicit=bool(response.request and response.request.meta.get("newsbot_explicit")),
        )

    def profile_for(self, url: str) -> str | None:
        return self.profile.name if self.profile else None

    def on_error(self, failure_):
        """Errback: the page gave no response worth parsing; it goes to the failures feed."""
        request = failure_.request
        message = failure_.getErrorMessage()
        if failure_.check(IgnoreRequest) and not failure_.check(HttpError) and not _is_failure(message):
            # robots.txt forbids it (RobotsTxtMiddleware) or a middleware dropped it on
            # purpose: a decision, not a failure. Scrapy counts robots.txt refusals in
            # robotstxt/forbidden.
            self.crawler.stats.inc_value("newsbot/skipped/ignored_request")
            self.logger.info("not fetched: %s (%s)", request.url, failure_.getErrorMessage())
            return
        if failure_.check(HttpError):
            status = failure_.value.response.status
            reason = f"http_{status}"
        elif failure_.check(DownloadTimeoutError, TimeoutError, TCPTimedOutError):
            status, reason = None, "timeout"
        elif failure_.check(CannotResolveHostError, DNSLookupError):
            status, reason = None, "dns"
        elif failure_.check(DownloadConnectionRefusedError, ConnectionRefusedError):
            status, reason = None, "connection_refused"
        elif "maxsize" in message.lower() or failure_.check(DownloadCancelledError):
            status, reason = None, "oversize"
        elif failure_.check(IgnoreRequest) and ("redirection" in message or "redirect loop" in message):
            status, reason = None, "redirect_loop"
        else:
            status, reason = None, "download_error"
        self.crawler.stats.inc_value(f"newsbot/failures/{reason}")
        # The URL the crawl asked for, not the last hop of its redirects.
        url = (request.meta.get("redirect_urls") or [request.url])[0]
        self.logger.warning("fetch failed: %s (%s: %s)", url, reason, message)
        yield failure(url, reason, status, message)


_ENTITY_REF = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = {b"amp", b"lt", b"gt", b"quot", b"apos"}


def html_entities_as_numbers(body: bytes) -> bytes:
    """HTML's named entities (`&nbsp;`, `&eacute;`), undeclared in XML, as character
    references: after an undeclared entity libxml2's recovery drops every later `&amp;`,
    so a feed with `&nbsp;` in a title gave `?a=1b=2` for `?a=1&amp;b=2` in its links.
    Names HTML does not know (a DTD's own entities) are left for the parser."""
    if b"&" not in body:
        return body

    def number(match: re.Match) -> bytes:
        name = match.group(1)
        text = None if name in _XML_ENTITIES else html.entities.html5.get(name.decode("ascii") + ";")
        return match.group(0) if text is None else "".join(f"&#{ord(c)};" for c in text).encode("ascii")

    return _ENTITY_REF.sub(number, body)


# libxml2 errors after which it reads no further, even in recover mode: an entity whose
# expansion passes the amplification limit (billion laughs) or that refers to itself.
_XML_STOPS = {"ERR_RESOURCE_LIMIT", "ERR_ENTITY_LOOP"}


def xml_stopped(error_log) -> str | None:
    """Why libxml2 stopped reading a document before its end, from its error log; else None."""
    for error in error_log:
        if error.type_name in _XML_STOPS or "amplification" in error.message:
            return (f"XML parsing stopped at line {error.line}: {error.message.strip()} "
                    f"(an entity expanding without bound in the document's DTD); entries after it may not have been read")
    return None


def _is_failure(message: str) -> bool:
    """An IgnoreRequest that is a failure, not a decision: a body over DOWNLOAD_MAXSIZE once
    decompressed (HttpCompressionMiddleware), or a redirect loop (RedirectMiddleware)."""
    return "DOWNLOAD_MAXSIZE" in message or "max redirections" in message or "redirect loop" in message


def _instant(value: str | None) -> datetime | None:
    """An aware datetime from an ISO 8601 text with an offset, else None (never a guess)."""
    dt = parse_iso(value)
    return dt if dt is not None and dt.tzinfo is not None else None


_RFC822 = "%a, %d %b %Y %H:%M:%S %z"


def _feed_date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    for fmt in (_RFC822, "%a, %d %b %Y %H:%M:%S %Z"):
        try:
            return datetime.strptime(value, fmt).isoformat()
        except ValueError:
            pass
    return value if re.match(r"\d{4}-\d{2}-\d{2}", value) else None
