"""Spiders, offline: responses built from text, one callback run per module (city-scrapers style)."""

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from newsbot.crawling.items import FailureItem, PageItem

from .conftest import crawler_with_state
from newsbot.core.keys import canonical_key
from newsbot.crawling.spiders.business_standard import BusinessStandardSpider
from newsbot.crawling.spiders.wire import WireSpider

BASE = "http://127.0.0.1:9"

INDEX = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
 <sitemap><loc>{BASE}/sitemap/2026-october-1.xml</loc><lastmod>2026-10-31T23:00:00+05:30</lastmod></sitemap>
 <sitemap><loc>{BASE}/sitemap/2026-november-1.xml</loc><lastmod>2026-11-27T23:00:00+05:30</lastmod></sitemap>
</sitemapindex>"""

URLSET = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
 <url><loc>{BASE}/world-news/alpha-story-126112700001_1.html</loc><lastmod>2026-11-27T10:00:00+05:30</lastmod></url>
 <url><loc>{BASE}/markets/news/beta-story-126102500002_1.html</loc><lastmod>2026-10-25T10:00:00+05:30</lastmod></url>
 <url><loc>{BASE}/about-us</loc></url>
 <url><loc>{BASE}/article/news-ians/gamma-story-126112000003_1.html</loc></url>
</urlset>"""

RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Latest</title>
<item><title>A</title><link>{BASE}/companies/news/delta-126112600004_1.html</link>
<pubDate>Thu, 26 Nov 2026 09:15:00 +0530</pubDate></item>
<item><title>B</title><link>{BASE}/topic/not-an-article</link></item>
</channel></rss>"""

LISTING = """<html><body>
<div class="cardlist"><div class="listing-txt"><a class="smallcard-title" href="/india-news/eps-126112500005_1.html">E</a>
<div class="smallcard-time">Updated On : 25 Nov 2026, 10:05 IST</div></div></div>
<div class="cardlist"><div class="listing-txt"><span class="premium_categorytext__a1">Premium</span>
<a class="smallcard-title" href="/india-news/zeta-126112500006_1.html">Z</a></div></div>
<a href="/about-us">About</a></body></html>"""


def make(spider_cls=BusinessStandardSpider, **kwargs):
    crawler = get_crawler(spider_cls)
    return spider_cls.from_crawler(crawler, **kwargs)


def urls(results):
    return [r.url for r in results if isinstance(r, Request)]


def test_sitemap_index_skips_months_before_since():
    spider = make(base_url=BASE, since="2026-11-01")
    out = urls(spider.parse_sitemap(XmlResponse(f"{BASE}/sitemap/sitemap-index.xml", body=INDEX.encode())))
    assert out == [f"{BASE}/sitemap/2026-november-1.xml"]


def test_sitemap_yields_articles_only_within_dates():
    spider = make(base_url=BASE, since="2026-11-01")
    out = urls(spider.parse_sitemap(XmlResponse(f"{BASE}/sitemap/2026-november-1.xml", body=URLSET.encode())))
    assert out == [f"{BASE}/world-news/alpha-story-126112700001_1.html",
                   f"{BASE}/article/news-ians/gamma-story-126112000003_1.html"]


def test_date_from_url_digits_when_no_lastmod():
    spider = make(base_url=BASE, until="2026-11-15")
    out = urls(spider.parse_sitemap(XmlResponse(f"{BASE}/s.xml", body=URLSET.encode())))
    assert f"{BASE}/article/news-ians/gamma-story-126112000003_1.html" not in out
    assert f"{BASE}/markets/news/beta-story-126102500002_1.html" in out


def test_section_filter():
    spider = make(base_url=BASE, section="markets")
    out = urls(spider.parse_sitemap(XmlResponse(f"{BASE}/s.xml", body=URLSET.encode())))
    assert out == [f"{BASE}/markets/news/beta-story-126102500002_1.html"]


def test_max_articles_bounds_the_run():
    spider = make(base_url=BASE, max_articles="2")
    out = urls(spider.parse_sitemap(XmlResponse(f"{BASE}/s.xml", body=URLSET.encode())))
    assert len(out) == 2


def test_rss_feed_articles():
    spider = make(base_url=BASE)
    out = urls(spider.parse_feed(XmlResponse(f"{BASE}/rss/latest.rss", body=RSS.encode())))
    assert out == [f"{BASE}/companies/news/delta-126112600004_1.html"]


def test_listing_follows_article_cards_and_next_page():
    spider = make(base_url=BASE, listing_pages="2")
    out = urls(spider.parse_listing(HtmlResponse(f"{BASE}/latest-news/page-1", body=LISTING.encode()), page=1))
    assert out == [f"{BASE}/india-news/eps-126112500005_1.html", f"{BASE}/india-news/zeta-126112500006_1.html",
                   f"{BASE}/latest-news/page-2"]


def test_listing_card_date_is_the_pages_lastmod():
    spider = make(base_url=BASE)
    reqs = [r for r in spider.parse_listing(HtmlResponse(f"{BASE}/latest-news/page-1", body=LISTING.encode()), page=9)]
    assert [r.meta["newsbot_lastmod"] for r in reqs] == ["2026-11-25T10:05:00+05:30", None]


def test_page_delivered_after_its_last_change_is_not_fetched_again(tmp_path):
    from newsbot.run.statestore import SQLiteState

    crawler, state = crawler_with_state(tmp_path, BusinessStandardSpider, {"base_url": BASE})
    spider, store = crawler.spider, state.state
    url = f"{BASE}/india-news/eps-126112500005_1.html"
    store.put(canonical_key(url), "f1", "2026-11-25T10:05:00+05:30")
    assert spider.unchanged_since_last_run(url, "2026-11-25T10:05:00+05:30")
    assert spider.unchanged_since_last_run(url, "Wed, 25 Nov 2026 10:05:00 +0530") is False  # not ISO: no guess
    later = "2999-01-01T00:00:00+00:00"  # changed after it was delivered
    assert spider.unchanged_since_last_run(url, later) is False
    assert spider.unchanged_since_last_run(f"{BASE}/india-news/new-126112500009_1.html", later) is False
    state.delivered.add(canonical_key(url))  # delivered by this very run: the dupefilter's business
    assert spider.unchanged_since_last_run(url, "2026-11-25T10:05:00+05:30") is False


def test_local_base_url_stays_on_loopback_host():
    assert make(base_url=BASE).allowed_domains == ["127.0.0.1"]
    assert make().allowed_domains == ["business-standard.com"]


def test_article_page_becomes_page_item_with_profile():
    spider = make(base_url=BASE)
    resp = HtmlResponse(f"{BASE}/world-news/a-126112700001_1.html", body=b"<html><body><p>x</p></body></html>",
                        headers={"Content-Type": "text/html; charset=utf-8"})
    (item,) = list(spider.parse_article(resp, source="s", lastmod="2026-11-27"))
    assert isinstance(item, PageItem) and item.profile == "business_standard" and item.lastmod == "2026-11-27"



def test_wire_spider_needs_a_start():
    with pytest.raises(ValueError):
        make(WireSpider)


def test_wire_spider_stays_on_start_domains_and_picks_profiles():
    spider = make(WireSpider, urls="https://www.ndtv.com/india-news/x-1234567,https://news.example.org/a")
    assert spider.allowed_domains == ["news.example.org", "www.ndtv.com"]
    assert spider.profile_for("https://www.ndtv.com/india-news/x-1234567") == "ndtv"
    assert spider.profile_for("https://news.example.org/a") is None


def test_http_error_becomes_failure_item():
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.python.failure import Failure

    spider = make(base_url=BASE)
    req = Request(f"{BASE}/x-126112700001_1.html")
    resp = TextResponse(req.url, status=404, request=req, body=b"")
    fail = Failure(HttpError(resp, "Ignoring non-200 response"))
    fail.request = req
    (item,) = list(spider.on_error(fail))
    assert isinstance(item, FailureItem) and item["reason"] == "http_404" and item["status"] == 404
