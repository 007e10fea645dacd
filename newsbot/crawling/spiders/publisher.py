"""publisher: one spider for every publisher profile.

    scrapy crawl publisher -a profile=ndtv                       # the live site
    scrapy crawl publisher -a profile=ndtv -a base_url=http://127.0.0.1:8766   # a copy
    -a since=2026-11-01 -a until=2026-11-28 -a max_articles=200 -a section=india-news
    -a sources=sitemaps,feeds,listings -a listing_pages=5

Discovery is the profile's data: robots.txt Sitemap: lines, sitemaps / news sitemaps /
sitemap indexes, sitemaps named by date, RSS or Atom feeds, listing pages. The spider only
discovers and fetches; the pipelines take pages apart with the same profile.

Arguments are typed and checked before anything is fetched (`check_arguments`): a bad one
raises `SpiderArgumentError` with a one-line message.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from scrapy.http import Request, Response
from scrapy.utils.sitemap import sitemap_urls_from_robots

from newsbot.core import profiles
from newsbot.core.extract.metadata import iso_date
from newsbot.core.profiles.base import SOURCES, Profile
from .base import ArticleSpider, UsageError, check_web_url

LOOPBACK = ("127.0.0.1", "localhost", "::1")


class SpiderArgumentError(UsageError):
    """A spider argument that cannot be used; the message is one line naming it."""


def _day(name: str, value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise SpiderArgumentError(f"-a {name}={value}: not a date (YYYY-MM-DD)") from None


def _whole(name: str, value, least: int = 1) -> int | None:
    if value in (None, ""):
        return None
    try:
        n = int(str(value).strip())
    except ValueError:
        raise SpiderArgumentError(f"-a {name}={value}: not a whole number") from None
    if n < least:
        raise SpiderArgumentError(f"-a {name}={value}: must be {least} or more")
    return n


def check_arguments(profile=None, since=None, until=None, max_articles=None, section=None, base_url=None,
                    sources=None, listing_pages=None, **unknown) -> dict:
    """The spider's arguments, typed; SpiderArgumentError (one line) for a bad one."""
    if unknown:
        raise SpiderArgumentError(f"unknown argument(s): {', '.join(sorted(unknown))} "
                                  f"(known: profile, since, until, max_articles, section, base_url, sources, listing_pages)")
    if isinstance(profile, Profile):
        prof = profile
    elif not profile:
        raise SpiderArgumentError(f"-a profile=NAME is required; known: {', '.join(profiles.BY_NAME)}")
    elif profile not in profiles.BY_NAME:
        raise SpiderArgumentError(f"-a profile={profile}: unknown profile; known: {', '.join(profiles.BY_NAME)}")
    else:
        prof = profiles.BY_NAME[profile]
    out = {"profile": prof, "since": _day("since", since), "until": _day("until", until),
           "max_articles": _whole("max_articles", max_articles),
           # 0: no listing pages at all
           "listing_pages": _whole("listing_pages", listing_pages, least=0),
           "section": str(section).strip("/").lower() or None if section else None}
    if out["since"] and out["until"] and out["until"] < out["since"]:
        raise SpiderArgumentError(f"-a until={until} is before -a since={since}")
    base = (base_url or prof.base_url or "").rstrip("/")
    if why := check_web_url(base):
        raise SpiderArgumentError(f"-a base_url={base_url or base}: not an http(s) URL ({why})")
    out["base_url"] = base
    if sources is None or sources == "":
        chosen = set(SOURCES)
    else:
        chosen = {s.strip() for s in str(sources).split(",") if s.strip()}
        bad = chosen - set(SOURCES)
        if bad or not chosen:
            raise SpiderArgumentError(f"-a sources={sources}: unknown source(s) {', '.join(sorted(bad)) or '(none given)'}; "
                                      f"choose from {','.join(SOURCES)}")
    out["sources"] = chosen
    return out


class PublisherSpider(ArticleSpider):
    """Crawls the publisher named by `-a profile=`; output goes under the profile's name."""

    name = "publisher"
    fixed_profile: str | None = None
    """Subclasses that stand for one publisher (business_standard) set this."""

    def __init__(self, *args, profile=None, since=None, until=None, max_articles=None, section=None,
                 base_url=None, sources=None, listing_pages=None, **kwargs):
        args_ = check_arguments(profile or self.fixed_profile, since, until, max_articles, section, base_url,
                                sources, listing_pages)
        prof: Profile = args_["profile"]
        # The run's feeds go to <output>/<profile name>/, so several publishers crawled with
        # this one spider keep their own folders (and `business_standard` keeps its own).
        if self.fixed_profile and prof.name != self.fixed_profile:
            raise SpiderArgumentError(f"the {self.name} spider crawls {self.fixed_profile} only; "
                                      f"use: scrapy crawl publisher -a profile={prof.name}")
        super().__init__(*args, **kwargs)
        self.name = prof.name
        self.profile = prof
        self.since, self.until = args_["since"], args_["until"]
        self.max_articles, self.section = args_["max_articles"], args_["section"]
        self.base_url, self.sources = args_["base_url"], args_["sources"]
        self.listing_pages = args_["listing_pages"]
        host = urlsplit(self.base_url).hostname
        self.allowed_domains = [host] if host in LOOPBACK else list(prof.domains)

    # --- discovery --------------------------------------------------------------------------
    def absolute(self, path: str) -> str:
        return path if "://" in path else self.base_url + path

    async def start(self):
        p = self.profile
        if "sitemaps" in self.sources:
            if p.robots_sitemaps:
                yield Request(self.absolute("/robots.txt"), callback=self.parse_robots, errback=self.on_error)
            for path in p.sitemaps:
                yield self.sitemap_request(self.absolute(path), errback=self.on_discovery_error)
            if p.dated_sitemaps:
                today = datetime.now(timezone.utc).astimezone(p.timezone).date()
                since = self.since or today - timedelta(days=1)
                until = min(self.until or today, today)
                for path in p.dated_sitemap_paths(since, until):
                    yield self.sitemap_request(self.absolute(path), errback=self.on_discovery_error)
        if "feeds" in self.sources:
            for path in p.feeds:
                yield Request(self.absolute(path), callback=self.parse_feed, errback=self.on_discovery_error)
        if "listings" in self.sources and self.listing_pages != 0:
            for i, _ in enumerate(p.listings):
                yield self.listing_request(i, 1)

    def parse_robots(self, response: Response):
        for raw in sitemap_urls_from_robots(response.body, base_url=response.url):
            url, bad = self.entry_url(response, raw)  # one bad Sitemap: line is skipped and counted
            yield bad if bad is not None else self.sitemap_request(url, 0, response.url)

    def listing_request(self, which: int, page: int) -> Request:
        listing = self.profile.listings[which]
        return Request(self.absolute(listing.url.format(n=page)), callback=self.parse_listing,
                       errback=self.on_error, cb_kwargs={"which": which, "page": page})

    def parse_listing(self, response: Response, which: int = 0, page: int = 1):
        listing = self.profile.listings[which]
        # With cards, each card's first link is its article; without, every link that matches.
        cards = response.css(listing.card) if listing.card else [response]
        for card in cards:
            hrefs = card.css(listing.link).getall()
            for href in hrefs[:1] if listing.card else hrefs:
                # The card's date ("Updated On : 27 Nov 2026, 13:02 IST") tells whether a
                # delivered page changed since.
                updated = iso_date(card.css(listing.date).get(), self.profile.timezone) if listing.date else None
                if req := self.article_request(response.urljoin(href), response.url, updated):
                    yield req
        if page < (listing.pages if self.listing_pages is None else self.listing_pages):
            yield self.listing_request(which, page + 1)

    def on_discovery_error(self, failure_):
        # Not every sitemap or section feed exists on every copy of the site, and a dated
        # sitemap for today may not be written yet: a discovery miss worth a log line and a
        # count, not a failed article.
        self.logger.info("discovery source unavailable: %s (%s)", failure_.request.url, failure_.getErrorMessage())
        self.crawler.stats.inc_value("newsbot/feeds_unavailable")

    def url_day(self, url: str) -> date | None:
        return self.profile.day_of_url(url)
