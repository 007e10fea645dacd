"""business_standard: Business Standard articles from its sitemaps, RSS feeds and the
latest-news listing pages.

    scrapy crawl business_standard                       # the live site
    scrapy crawl business_standard -a base_url=http://127.0.0.1:8765   # a copy (the sample site)
    -a since=2026-11-01 -a until=2026-11-28 -a max_articles=200 -a section=markets
    -a sources=sitemaps,feeds,listings -a listing_pages=5
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from scrapy.http import Request, Response
from scrapy.utils.sitemap import sitemap_urls_from_robots

from ..extract.metadata import iso_date
from ..profiles import business_standard
from ..profiles.base import IST
from .base import ArticleSpider, UsageError, _positive_int, check_web_url

FEEDS = ("/rss/latest.rss", "/rss/home_page_top_stories.rss", "/rss/markets-106.rss",
         "/rss/economy-policy-102.rss", "/rss/finance-103.rss", "/rss/companies-101.rss")
LISTING = "/latest-news/page-{n}"


class BusinessStandardSpider(ArticleSpider):
    name = "business_standard"
    profile = business_standard.PROFILE
    default_base_url = "https://www.business-standard.com"

    def __init__(self, *args, base_url=None, sources="sitemaps,feeds,listings", listing_pages=3, **kwargs):
        super().__init__(*args, **kwargs)
        self.base_url = (base_url or self.default_base_url).rstrip("/")
        if why := check_web_url(self.base_url):
            raise UsageError(f"-a base_url={self.base_url}: {why}")
        self.sources = {s.strip() for s in sources.split(",") if s.strip()}
        unknown = self.sources - {"sitemaps", "feeds", "listings"}
        if unknown:
            raise UsageError(f"unknown sources: {', '.join(sorted(unknown))} (known: sitemaps, feeds, listings)")
        self.listing_pages = _positive_int("listing_pages", listing_pages)
        host = urlsplit(self.base_url).hostname
        self.allowed_domains = [host] if host in ("127.0.0.1", "localhost") else list(self.profile.domains)

    async def start(self):
        if "sitemaps" in self.sources:
            yield Request(f"{self.base_url}/robots.txt", callback=self.parse_robots, errback=self.on_error)
        if "feeds" in self.sources:
            for path in FEEDS:
                yield Request(self.base_url + path, callback=self.parse_feed, errback=self.on_feed_error)
        if "listings" in self.sources:
            yield Request(self.base_url + LISTING.format(n=1), callback=self.parse_listing,
                          errback=self.on_error, cb_kwargs={"page": 1})

    def parse_robots(self, response: Response):
        for raw in sitemap_urls_from_robots(response.body, base_url=response.url):
            url, bad = self.entry_url(response, raw)
            yield bad if bad is not None else self.sitemap_request(url, 0, response.url)

    def parse_listing(self, response: Response, page: int = 1):
        for card in response.css("div.cardlist"):
            href = card.css("a.smallcard-title::attr(href)").get()
            if not href:
                continue
            # "Updated On : 27 Nov 2026, 13:02 IST" tells whether a delivered page changed.
            updated = iso_date(card.css(".smallcard-time::text").get(), IST)
            if req := self.article_request(response.urljoin(href), response.url, updated):
                yield req
        if page < self.listing_pages:
            yield Request(self.base_url + LISTING.format(n=page + 1), callback=self.parse_listing,
                          errback=self.on_error, cb_kwargs={"page": page + 1})

    def on_feed_error(self, failure_):
        # Not every section feed exists on every copy of the site; a missing feed is a
        # discovery miss worth a log line, not a failed article.
        self.logger.info("feed unavailable: %s (%s)", failure_.request.url, failure_.getErrorMessage())
        self.crawler.stats.inc_value("newsbot/feeds_unavailable")

    def url_day(self, url: str) -> date | None:
        import re

        m = re.search(self.profile.article_url, url)
        if not m:
            return None
        digits = m.group(1)  # 1 + YYMMDD + sequence
        try:
            return date(2000 + int(digits[1:3]), int(digits[3:5]), int(digits[5:7]))
        except ValueError:
            return None
