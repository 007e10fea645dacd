"""Discovery under hostile sitemaps and feeds: an entity bomb in a DTD is a failure line, not
silence; a sitemap of 200,000 URLs is read (the protocol allows 50 MB) with memory bounded
by the queue cap."""

from __future__ import annotations

import resource
import subprocess

from .crawling import HTML, RouteServer, crawl, crawl_command, crawl_env, collect, robots_allow, story_page

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def laughs_dtd(root: str) -> str:
    """A billion-laughs internal subset: lol9 expands to 10^9 "lol"s."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    return f"<!DOCTYPE {root} [{entities}]>"


def _site(n: int = 2) -> tuple[dict, list[str]]:
    paths = [f"/news/story-{i}.html" for i in range(n)]
    routes = {"/robots.txt": robots_allow()}
    for i, path in enumerate(paths):
        routes[path] = (200, HTML, story_page(f"Good story {i}"))
    return routes, paths


def test_entity_bomb_in_a_sitemap_is_a_bad_sitemap_failure(tmp_path):
    routes, paths = _site(2)
    with RouteServer(routes) as srv:
        body = (f'<?xml version="1.0"?>{laughs_dtd("urlset")}<urlset xmlns="{SITEMAP_NS}">'
                f"<url><loc>{srv.base}{paths[0]}</loc></url>"
                f"<url><loc>{srv.base}{paths[1]}</loc><lastmod>&lol9;</lastmod></url></urlset>")
        routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, body.encode())
        run = crawl(tmp_path, "wire", args={"sitemap": srv.base + "/sitemap.xml"})
    assert [r["headline"] for r in run.records] == ["Good story 0"]  # read before the bomb
    [bad] = [f for f in run.failures if f["reason"] == "bad_sitemap"]
    assert bad["url"] == srv.base + "/sitemap.xml" and "entity" in bad["detail"]
    assert run.report["failures_by_reason"] == {"bad_sitemap": 1}


def test_entity_bomb_in_a_feed_is_a_bad_feed_failure(tmp_path):
    routes, paths = _site(2)
    with RouteServer(routes) as srv:
        body = (f'<?xml version="1.0"?>{laughs_dtd("rss")}<rss version="2.0"><channel>'
                f"<item><title>One</title><link>{srv.base}{paths[0]}</link></item>"
                f"<item><title>&lol9;</title><link>{srv.base}{paths[1]}</link></item></channel></rss>")
        routes["/rss.xml"] = (200, {"Content-Type": "application/rss+xml"}, body.encode())
        run = crawl(tmp_path, "wire", args={"feed": srv.base + "/rss.xml"})
    assert run.report["failures_by_reason"] == {"bad_feed": 1}
    [bad] = run.failures
    assert bad["url"] == srv.base + "/rss.xml" and "entity" in bad["detail"]
    assert [r["headline"] for r in run.records] == ["Good story 0"]


def test_a_sitemap_with_only_its_dtd_unused_is_read_whole(tmp_path):
    routes, paths = _site(2)
    with RouteServer(routes) as srv:
        locs = "".join(f"<url><loc>{srv.base}{p}</loc></url>" for p in paths)
        body = f'<?xml version="1.0"?>{laughs_dtd("urlset")}<urlset xmlns="{SITEMAP_NS}">{locs}</urlset>'
        routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, body.encode())
        run = crawl(tmp_path, "wire", args={"sitemap": srv.base + "/sitemap.xml"})
    assert sorted(r["headline"] for r in run.records) == ["Good story 0", "Good story 1"]
    assert run.failures == []
