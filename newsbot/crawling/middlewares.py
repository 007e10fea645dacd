"""Downloader middlewares."""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from newsbot.crawling.extensions.run import run_of


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with requests that arrive while robots.txt is still
    downloading made to wait for it.

    Scrapy 2.19 awaits the one shared Deferred from every such request; a Deferred hands
    its result to the first waiter only, so the others get None and are let through: a
    resumed crawl (JOBDIR) with a full queue fetched disallowed pages. Each waiter here
    gets its own Deferred, fed from the shared one.
    """

    async def robot_parser(self, request):
        parser = self._parsers.get(urlparse_cached(request).netloc)
        if isinstance(parser, Deferred):
            waiter: Deferred = Deferred()

            def relay(result):
                waiter.callback(result)
                return result  # pass it on to the next waiter

            parser.addCallback(relay)
            return await maybe_deferred_to_future(waiter)
        return await super().robot_parser(request)


class RedirectAliasMiddleware:
    """Tells the state store when an article URL redirects (an old slug, a moved story), so
    the next run knows the old URL stands for the delivered page and does not fetch it.

    Sits after Scrapy's RedirectMiddleware in DOWNLOADER_MIDDLEWARES (a higher number), so
    it sees the 3xx response before that middleware follows it."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response, spider=None):
        location = response.headers.get("Location")
        if location and 300 <= response.status < 400:
            target = urljoin(request.url, location.decode("latin-1"))
            if target == request.url or target in request.meta.get("redirect_urls", ()):
                # A loop (A -> B -> A): the duplicate filter would drop it without a word;
                # it is a failure of the page (the errback lists it as redirect_loop).
                raise IgnoreRequest(f"redirect loop: {request.url} -> {target}")
        state = run_of(self.crawler)
        if state is not None and location and 300 <= response.status < 400 and "newsbot_lastmod" in request.meta:
            state.note_alias(request.url, urljoin(request.url, location.decode("latin-1")))
        return response
