"""What every newsbot spider shares: run bounds, article requests, failures as items.

Spiders only discover and fetch: they choose the publisher profile for a page and yield it
as a PageItem; the item pipelines take it apart.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Request, Response
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap
from twisted.internet.error import DNSLookupError, TCPTimedOutError, TimeoutError

from ..extract.metadata import parse_iso
from ..items import PageItem, failure
from ..pipelines.dedup import canonical_key
from ..profiles.base import Profile


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {value!r}") from None


class ArticleSpider(scrapy.Spider):
    """Base for newsbot spiders.

    Arguments (-a NAME=VALUE): since / until (YYYY-MM-DD, by sitemap/feed date or the date
    in the URL), max_articles (stop scheduling after N), section (only URLs in this section).
    """

    profile: Profile | None = None

    def __init__(self, *args, since=None, until=None, max_articles=None, section=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.run_id = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H-%M-%SZ")
        self.since = _parse_day(since)
        self.until = _parse_day(until)
        self.max_articles = int(max_articles) if max_articles else None
        self.section = section.strip("/").lower() if section else None
        self.scheduled = 0
        self.feed_paths: dict[str, str] = {}
        self._not_refetched: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        out = crawler.settings.get("NEWSBOT_OUTPUT_DIR", "output").rstrip("/")
        # Two runs started in the same second must not share (append to) one feed.
        stamp, n = spider.run_id, 1
        while Path(f"{out}/{spider.name}/{spider.run_id}.jsonl").exists():
            n += 1
            spider.run_id = f"{stamp}-{n}"
        base = f"{out}/{spider.name}/{spider.run_id}"
        spider.feed_paths = {"records": f"{base}.jsonl", "failures": f"{base}.failures.jsonl",
                             "offers": f"{base}.offers.jsonl"}
        return spider

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

    def article_request(self, url: str, source: str, lastmod: str | None = None) -> Request | None:
        """A request for an article page, or None when out of bounds or over the limit."""
        if not self.is_article(url) or not self.in_bounds(url, lastmod):
            return None
        if self.unchanged_since_last_run(url, lastmod):
            return None
        if self.max_articles is not None and self.scheduled >= self.max_articles:
            return None
        self.scheduled += 1
        return Request(url, callback=self.parse_article, errback=self.on_error,
                       cb_kwargs={"source": source, "lastmod": lastmod},
                       meta={"newsbot_lastmod": lastmod})

    def unchanged_since_last_run(self, url: str, lastmod: str | None) -> bool:
        """True when an earlier run delivered this URL and the sitemap, feed or listing date
        says the page has not changed since: the same date as then, or a date no later
        than the delivery. The page is not downloaded again."""
        store = getattr(self.crawler, "newsbot_state", None)
        if store is None or not lastmod:
            return False
        key = canonical_key(url)
        prev = store.get(key)
        this_run = getattr(getattr(self.crawler, "newsbot_state_ext", None), "delivered", ())
        if prev is None or key in this_run:
            return False  # unknown, or delivered by this very run (the dupefilter's business)
        changed_at, delivered_at = _instant(lastmod), _instant(prev.last_seen)
        if prev.lastmod == lastmod or (changed_at and delivered_at and changed_at <= delivered_at):
            if key not in self._not_refetched:
                self._not_refetched.add(key)
                self.crawler.stats.inc_value("newsbot/state/not_refetched")
            return True
        return False

    # --- discovery helpers -----------------------------------------------------------------
    def parse_sitemap(self, response: Response):
        """Sitemap index -> sitemaps; urlset -> article requests (lastmod kept)."""
        try:
            sitemap = Sitemap(response.body)
        except Exception as exc:  # a broken sitemap is a failure to report, not a crash
            yield failure(response.url, "bad_sitemap", response.status, str(exc))
            return
        if sitemap.type == "sitemapindex":
            for entry in sitemap:
                loc = entry.get("loc")
                if loc and self.wants_sitemap(loc, entry.get("lastmod")):
                    yield response.follow(loc, callback=self.parse_sitemap, errback=self.on_error)
            return
        for entry in sitemap:
            loc = entry.get("loc")
            lastmod = entry.get("lastmod")
            if loc and (req := self.article_request(response.urljoin(loc), response.url, lastmod)):
                yield req

    def wants_sitemap(self, url: str, lastmod: str | None) -> bool:
        """Whether a sitemap of an index is worth fetching (monthly sitemaps before `since` are not)."""
        if self.since and lastmod:
            try:
                return date.fromisoformat(lastmod[:10]) >= self.since
            except ValueError:
                return True
        return True

    def parse_feed(self, response: Response):
        """RSS or Atom feed -> article requests."""
        response.selector.remove_namespaces()
        for item in response.xpath("//item | //entry"):
            link = item.xpath("./link/text()").get() or item.xpath("./link/@href").get()
            if not link:
                continue
            pub = item.xpath("./pubDate/text() | ./updated/text() | ./published/text()").get()
            if req := self.article_request(response.urljoin(link.strip()), response.url, _feed_date(pub)):
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
        )

    def profile_for(self, url: str) -> str | None:
        return self.profile.name if self.profile else None

    def on_error(self, failure_):
        """Errback: the page gave no response worth parsing; it goes to the failures feed."""
        request = failure_.request
        if failure_.check(IgnoreRequest) and not failure_.check(HttpError):
            # robots.txt forbids it (RobotsTxtMiddleware) or a middleware dropped it on
            # purpose: a decision, not a failure. Scrapy counts robots.txt refusals in
            # robotstxt/forbidden.
            self.crawler.stats.inc_value("newsbot/skipped/ignored_request")
            self.logger.info("not fetched: %s (%s)", request.url, failure_.getErrorMessage())
            return
        if failure_.check(HttpError):
            status = failure_.value.response.status
            reason = f"http_{status}"
        elif failure_.check(TimeoutError, TCPTimedOutError):
            status, reason = None, "timeout"
        elif failure_.check(DNSLookupError):
            status, reason = None, "dns"
        elif "maxsize" in failure_.getErrorMessage().lower() or "cancel" in type(failure_.value).__name__.lower():
            status, reason = None, "oversize"
        else:
            status, reason = None, "download_error"
        self.crawler.stats.inc_value(f"newsbot/failures/{reason}")
        self.logger.warning("fetch failed: %s (%s: %s)", request.url, reason, failure_.getErrorMessage())
        yield failure(request.url, reason, status, failure_.getErrorMessage())


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
