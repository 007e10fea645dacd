"""Downloader middlewares, without a crawl."""

from __future__ import annotations

import asyncio
from unittest.mock import MagicMock

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, TextResponse
from scrapy.utils.test import get_crawler

from newsbot.crawling.middlewares import RobotsTxtMiddleware

ROBOTS = b"User-agent: *\nDisallow: /content/\n"


def test_every_request_waiting_for_robots_txt_is_checked():
    """Many requests arrive before robots.txt is in (a resumed queue): none slips through."""
    crawler = get_crawler(settings_dict={"ROBOTSTXT_OBEY": True})
    mw = RobotsTxtMiddleware.from_crawler(crawler)

    async def slow_robots(request):
        await asyncio.sleep(0.05)
        return TextResponse(request.url, body=ROBOTS)

    crawler.engine = MagicMock()
    crawler.engine.download_async = slow_robots
    urls = [f"http://127.0.0.1:1/content/draft-{n}.html" for n in range(5)] + ["http://127.0.0.1:1/news/a.html"]

    async def run():
        return await asyncio.gather(*(mw.process_request(Request(u)) for u in urls), return_exceptions=True)

    results = asyncio.run(run())
    assert [isinstance(r, IgnoreRequest) for r in results] == [True] * 5 + [False]
    assert crawler.stats.get_value("robotstxt/forbidden") == 5
