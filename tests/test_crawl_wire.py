"""End to end: the `wire` spider on the sample site, started from a sitemap and from URLs."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .crawling import MANIFEST, crawl, serve

ARTICLES = {a["canonical_path"]: a for a in MANIFEST["articles"]}
NEWS_SITEMAP = "/sitemap/google-news-sitemap.xml"


@pytest.fixture(scope="module")
def site():
    server, base_url = serve()
    yield server, base_url
    server.shutdown()


def test_sitemap_start_gives_each_listed_article_once(site, tmp_path):
    server, base_url = site
    run = crawl(tmp_path, spider="wire", args={"sitemap": base_url + NEWS_SITEMAP})
    assert run.returncode == 0, run.stderr[-3000:]
    listed = {a["canonical_path"] for a in MANIFEST["articles"] if NEWS_SITEMAP in a["listed_in"]}
    got = [urlsplit(r["canonical_url"]).path for r in run.records]
    assert sorted(got) == sorted(listed)  # the AMP copy listed there collapses into its canonical
    for r in run.records:
        a = ARTICLES[urlsplit(r["canonical_url"]).path]
        assert r["body"] == a["body"], a["path"]
        assert (r["wire"] or {}).get("agency") == (a["agency"] if a["agency"] != "staff" else None), a["path"]


def test_url_start_fetches_only_the_given_pages(site, tmp_path):
    server, base_url = site
    first, second = (a["path"] for a in MANIFEST["articles"][:2])
    urls = ",".join([base_url + first, base_url + second])
    before = len(server.requests)
    run = crawl(tmp_path, spider="wire", args={"urls": urls})
    assert run.returncode == 0, run.stderr[-3000:]
    assert sorted(urlsplit(r["url"]).path for r in run.records) == sorted([first, second])
    # robots.txt and the two pages, all on loopback; no link on them was followed.
    assert run.report["requests"] == len(server.requests) - before == 3
    assert run.report["offsite_filtered"] == 0 and run.failures == []
