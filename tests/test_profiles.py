"""Every registered publisher profile has a fixture page whose record matches what its
.expected.json pins (as Fundus checks every publisher it ships), and the profile registry,
the `publisher` spider and `newsbot profiles` work from the profiles' data alone."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from newsbot.core import profiles
from newsbot.core.profiles.base import Profile
from newsbot.crawling.spiders.business_standard import BusinessStandardSpider
from newsbot.crawling.spiders.publisher import PublisherSpider, SpiderArgumentError, check_arguments

from .conftest import PAGES, expected
from .test_fixtures import STEMS, differences, record

PINNED = ("publisher", "headline", "published_at", "access", "body", "wire", "disclaimer", "paywall")
"""What a publisher's fixture must pin: the fields that differ between publishers."""


def fixtures_of(profile: Profile) -> list[str]:
    return [s for s in STEMS if profiles.for_url(expected(s).get("url")) is profile]


def test_the_issue_asks_for_twelve_publishers():
    names = {p.name for p in profiles.PROFILES}
    assert {"business_standard", "ndtv", "theprint", "devdiscourse", "latestly", "outlook_india", "firstpost",
            "free_press_journal", "moneycontrol", "economic_times", "hindustan_times", "times_of_india"} <= names


@pytest.mark.parametrize("name", sorted(profiles.BY_NAME))
def test_every_profile_has_a_fixture_whose_record_matches(name):
    profile = profiles.BY_NAME[name]
    stems = fixtures_of(profile)
    assert stems, f"profile {name} has no fixture page in tests/fixtures/pages (an .expected.json whose url it serves)"
    full = [s for s in stems if all(f in expected(s) for f in PINNED)]
    assert full, f"no fixture of {name} pins all of {PINNED}"
    for stem in stems:
        want = expected(stem)
        assert want.get("publisher", profile.publisher) == profile.publisher
        assert differences(want, record(stem)) == [], stem


def test_a_profile_without_fixture_is_caught(monkeypatch):
    lonely = Profile(name="lonely", publisher="Lonely Times", domains=("lonely.example",))
    assert fixtures_of(lonely) == []


def test_profiles_are_found_in_the_package_without_a_list():
    modules = {p.stem for p in Path(profiles.__file__).parent.glob("*.py")} - {"__init__", "base"}
    assert {p.name for p in profiles.PROFILES} == modules


def test_profile_data_is_checked_when_defined():
    with pytest.raises(ValueError, match="date_order"):
        Profile(name="x", publisher="X", domains=("x.example",), date_order="YMD")
    with pytest.raises(ValueError, match="name"):
        Profile(name="Bad Name", publisher="X", domains=("x.example",))


def test_url_day_and_dated_sitemaps_come_from_profile_data():
    bs = profiles.get("business_standard")
    assert bs.day_of_url("https://www.business-standard.com/x/y-126112700001_1.html") == date(2026, 11, 27)
    et = profiles.get("economic_times")
    assert et.dated_sitemap_paths(date(2026, 10, 31), date(2026, 11, 1)) == [
        "/etstatic/sitemaps/et/2026-October-1.xml", "/etstatic/sitemaps/et/2026-October-2.xml",
        "/etstatic/sitemaps/et/2026-November-1.xml", "/etstatic/sitemaps/et/2026-November-2.xml"]
    fpj = profiles.get("free_press_journal")
    assert fpj.dated_sitemap_paths(date(2026, 11, 2), date(2026, 11, 3)) == [
        "/sitemap/sitemap-daily-2026-11-02.xml", "/sitemap/sitemap-daily-2026-11-03.xml"]


@pytest.mark.parametrize("url,name", [
    ("https://www.ndtv.com/india-news/centre-clears-scheme-9723154", "ndtv"),
    ("https://theprint.in/india/railways-add-coaches/2418830/", "theprint"),
    ("https://www.devdiscourse.com/article/headlines/3920417-chiles-copper-output", "devdiscourse"),
    ("https://www.latestly.com/agency-news/india-news-odisha-cold-storage-7731245.html", "latestly"),
    ("https://www.firstpost.com/india/assam-floating-solar-13951207.html", "firstpost"),
    ("https://www.moneycontrol.com/news/business/markets/lenders-deposits-13811520.html", "moneycontrol"),
    ("https://economictimes.indiatimes.com/news/x/articleshow/125504871.cms", "economic_times"),
    ("https://www.hindustantimes.com/india-news/char-dham-winter-101732680123456.html", "hindustan_times"),
    ("https://timesofindia.indiatimes.com/city/nagpur/e-buses/articleshow/125488210.cms", "times_of_india"),
])
def test_article_urls_are_recognised_and_section_pages_are_not(url, name):
    profile = profiles.for_url(url)
    assert profile is not None and profile.name == name
    assert profile.is_article_url(url)
    assert not profile.is_article_url(url.split("/")[0] + "//" + url.split("/")[2] + "/")


# --- the publisher spider ------------------------------------------------------------------
def make(cls=PublisherSpider, **kwargs):
    return cls.from_crawler(get_crawler(cls), **kwargs)


async def _start(spider):
    return [r async for r in spider.start()]


def start_urls(spider) -> list[str]:
    import asyncio

    return [r.url for r in asyncio.run(_start(spider))]


def test_publisher_spider_discovers_from_the_profile():
    spider = make(profile="ndtv", base_url="http://127.0.0.1:9")
    assert spider.name == "ndtv"  # output under output/ndtv/
    assert spider.allowed_domains == ["127.0.0.1"]
    assert start_urls(spider) == ["http://127.0.0.1:9/robots.txt", "http://127.0.0.1:9/sitemap/google-news-sitemap",
                                  "http://127.0.0.1:9/sitemaps/india-news.xml"]
    live = make(profile="hindustan_times")
    assert live.allowed_domains == ["hindustantimes.com"]
    assert start_urls(live)[0] == "https://www.hindustantimes.com/robots.txt"


def test_dated_sitemaps_follow_since_and_until():
    spider = make(profile="firstpost", since="2026-11-01", until="2026-11-02", sources="sitemaps")
    assert start_urls(spider) == [
        "https://www.firstpost.com/robots.txt",
        "https://www.firstpost.com/commonfeeds/v1/mfp/sitemap/daily/2026-11-01.xml",
        "https://www.firstpost.com/commonfeeds/v1/mfp/sitemap/daily/2026-11-02.xml"]


def test_sources_limit_discovery():
    spider = make(profile="business_standard", base_url="http://127.0.0.1:9", sources="listings")
    assert start_urls(spider) == ["http://127.0.0.1:9/latest-news/page-1"]
    assert start_urls(make(profile="business_standard", base_url="http://127.0.0.1:9", sources="listings",
                           listing_pages="0")) == []


def test_article_page_is_tagged_with_the_profile():
    spider = make(profile="theprint", base_url="http://127.0.0.1:9")
    url = "http://127.0.0.1:9/india/railways-add-coaches/2418830/"
    (item,) = spider.parse_article(HtmlResponse(url, body=b"<html><body><p>x</p></body></html>",
                                                request=Request(url)))
    assert item.profile == "theprint"


def test_business_standard_is_still_a_spider_name():
    spider = make(BusinessStandardSpider)
    assert spider.name == "business_standard" and spider.profile is profiles.get("business_standard")
    with pytest.raises(SpiderArgumentError, match="profile=ndtv"):
        make(BusinessStandardSpider, profile="ndtv")


@pytest.mark.parametrize("kwargs,message", [
    ({}, "-a profile=NAME is required"),
    ({"profile": "no_such"}, "-a profile=no_such: unknown profile"),
    ({"profile": "ndtv", "max_articles": "ten"}, "-a max_articles=ten: not a whole number"),
    ({"profile": "ndtv", "max_articles": "0"}, "-a max_articles=0: must be 1 or more"),
    ({"profile": "ndtv", "since": "yesterday"}, "-a since=yesterday: not a date"),
    ({"profile": "ndtv", "since": "2026-11-02", "until": "2026-11-01"}, "-a until=2026-11-01 is before"),
    ({"profile": "ndtv", "base_url": "ftp://x"}, "-a base_url=ftp://x: not an http(s) URL"),
    ({"profile": "ndtv", "sources": "sitemaps,twitter"}, "unknown source(s) twitter"),
    ({"profile": "ndtv", "listing_pages": "-1"}, "-a listing_pages=-1: must be 0 or more"),
    ({"profile": "ndtv", "colour": "red"}, "unknown argument(s): colour"),
])
def test_bad_arguments_are_one_line_errors(kwargs, message):
    with pytest.raises(SpiderArgumentError) as err:
        check_arguments(**kwargs)
    assert message in str(err.value) and "\n" not in str(err.value)
    if "colour" not in kwargs:
        with pytest.raises(SpiderArgumentError):
            make(**kwargs)


def test_arguments_are_typed():
    args = check_arguments(profile="ndtv", since="2026-11-01", max_articles="5", section="/India-News/")
    assert args["since"] == date(2026, 11, 1) and args["max_articles"] == 5 and args["section"] == "india-news"
    assert args["sources"] == {"sitemaps", "feeds", "listings"} and args["base_url"] == "https://www.ndtv.com"


def test_newsbot_profiles_lists_one_per_line():
    out = subprocess.run([sys.executable, "-m", "newsbot.cli", "profiles"], capture_output=True, text=True, check=True)
    header, *lines = out.stdout.splitlines()
    assert header.split("\t") == ["name", "publisher", "domains", "discovery"]
    assert len(lines) == len(profiles.PROFILES) >= 12
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    assert rows["ndtv"] == ["ndtv", "NDTV", "ndtv.com", "robots.txt /sitemap/google-news-sitemap /sitemaps/india-news.xml"]
    assert all(len(r) == 4 and r[3] for r in rows.values())


@pytest.mark.parametrize("argv,message", [
    (["-a", "max_articles=ten"], "-a max_articles=ten: not a whole number"),
    (["--publisher", "no_such"], "the sample site has no publisher no_such"),
])
def test_crawl_sample_usage_mistakes_are_one_line(argv, message, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "newsbot.cli", "crawl-sample", "--port", "0", *argv],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert proc.returncode == 2
    assert message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "output").exists()


def test_coverage_monitor_counts_the_profiles_wire_sections():
    from newsbot.crawling.extensions.report import CrawlReport
    from newsbot.crawling.items import ArticleItem

    crawler = get_crawler(BusinessStandardSpider)
    crawler.spider = make(BusinessStandardSpider, base_url="http://127.0.0.1:9")
    report = CrawlReport(crawler)
    assert report.wire_sections == []  # nothing about a publisher in the settings
    report._coverage(ArticleItem(url="http://127.0.0.1:9/article/news-ians/x-126112500011_1.html", wire=None))
    report._coverage(ArticleItem(url="http://127.0.0.1:9/companies/news/y-126112500012_1.html", wire=None))
    assert crawler.stats.get_value("newsbot/wire_section_records") == 1


@pytest.mark.parametrize("order,day", [("DMY", "2026-11-05"), ("MDY", "2026-05-11")])
def test_printed_all_number_dates_follow_the_profiles_date_order(order, day):
    from newsbot.core.extract import extract
    from newsbot.core.profiles.base import IST

    page = b"""<html><body><h1>Port opens new berth</h1><span class="d">Updated: 05-11-2026 10:20 IST</span>
    <div class="story"><p>The port opened a new berth on Thursday, adding room for 40 ships a month.</p>
    <p>A second berth will follow next year, officials said.</p></div></body></html>"""
    profile = Profile(name="t", publisher="T", domains=("t.example",), timezone=IST, date=("span.d",),
                      story=("div.story",), date_order=order)
    record = extract(page, url="https://t.example/a", profile=profile)
    assert record.extraction == "profile"
    assert record.published_at == f"{day}T10:20:00+05:30"
