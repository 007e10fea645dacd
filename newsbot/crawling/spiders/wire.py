"""wire: any site carrying wire copy, started from article URLs, a sitemap or a feed.

    scrapy crawl wire -a urls=https://a.example/story-1,https://a.example/story-2
    scrapy crawl wire -a sitemap=https://a.example/news-sitemap.xml
    scrapy crawl wire -a feed=https://a.example/rss.xml

Each page goes through its publisher's profile when the domain has one, else the generic
path. The crawl stays on the start URLs' domains.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.http import Request

from newsbot.core import profiles
from .base import ArticleSpider, UsageError, check_web_url


def _split(value: str | None) -> list[str]:
    return [u.strip() for u in (value or "").replace("\n", ",").split(",") if u.strip()]


class WireSpider(ArticleSpider):
    name = "wire"

    def __init__(self, *args, urls=None, sitemap=None, feed=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.urls, self.sitemaps, self.feeds = _split(urls), _split(sitemap), _split(feed)
        if not (self.urls or self.sitemaps or self.feeds):
            raise UsageError("wire spider needs -a urls=..., -a sitemap=... or -a feed=...")
        for url in self.urls + self.sitemaps + self.feeds:
            if why := check_web_url(url):
                raise UsageError(f"{url}: {why} (a crawl fetches only http and https)")
        hosts = {urlsplit(u).hostname for u in self.urls + self.sitemaps + self.feeds}
        self.allowed_domains = sorted(h for h in hosts if h)

    async def start(self):
        for url in self.urls:
            if req := self.article_request(url, "urls", explicit=True):
                yield req
        for url in self.sitemaps:
            yield self.sitemap_request(url, 0, "-a sitemap")
        for url in self.feeds:
            yield Request(url, callback=self.parse_feed, errback=self.on_error)

    def is_article(self, url: str) -> bool:
        profile = profiles.for_url(url)
        return profile.is_article_url(url) if profile else True

    def profile_for(self, url: str) -> str | None:
        profile = profiles.for_url(url)
        return profile.name if profile else None
