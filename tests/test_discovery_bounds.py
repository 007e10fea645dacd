"""Discovery under hostile sitemaps and feeds: an entity bomb in a DTD is a failure line, not
silence; a sitemap of 200,000 URLs is read (the protocol allows 50 MB) with memory bounded
by the queue cap."""

from __future__ import annotations

import subprocess
import threading
import time

from .crawling import HTML, RouteServer, collect, crawl, crawl_command, crawl_env, robots_allow, story_page

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
    # The entry before the bomb is read; libxml2 2.14 also reads the one holding it (its
    # lastmod dropped), older versions stop at the bomb.
    headlines = [r["headline"] for r in run.records]
    assert sorted(headlines) in (["Good story 0"], ["Good story 0", "Good story 1"])
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


# --- a sitemap of 200,000 URLs --------------------------------------------------------------------

BIG = 200_000


def big_sitemap_site():
    """Routes answering one 200,000-URL sitemap (18 MB: past DOWNLOAD_MAXSIZE, within the
    protocol's 50 MB) and every article with a story page."""
    routes = {"/robots.txt": robots_allow()}
    srv = RouteServer(routes)
    locs = "".join(f"<url><loc>{srv.base}/news/story-{n:06d}.html</loc></url>" for n in range(BIG))
    routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"},
                              f'<?xml version="1.0"?><urlset xmlns="{SITEMAP_NS}">{locs}</urlset>'.encode())
    page = story_page("A story of the big sitemap")
    srv.routes = _Routes(routes, page)
    return srv, len(routes["/sitemap.xml"][2])


class _Routes(dict):
    """The fixed routes, and a story page for any other path."""

    def __init__(self, routes: dict, page: bytes):
        super().__init__(routes)
        self.page = page

    def get(self, path, default=None):
        return super().get(path) or (200, HTML, self.page)


def test_a_200000_url_sitemap_is_read_at_default_settings(tmp_path):
    srv, size = big_sitemap_site()
    assert size > 10 * 1024 * 1024  # over DOWNLOAD_MAXSIZE, the page limit
    with srv:
        run = crawl(tmp_path, "wire", args={"sitemap": srv.base + "/sitemap.xml", "max_articles": "3"}, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.failures == []
    assert len(run.records) == 3


def _watch_peak(proc, peak_kib: list) -> None:
    """The crawl's own peak RSS (VmHWM of its /proc status) until it ends. Not ru_maxrss: a
    forked child's counts the pages it shared with this (large) test process before exec."""
    while proc.poll() is None:
        try:
            with open(f"/proc/{proc.pid}/status") as f:
                line = next((l for l in f if l.startswith("VmHWM:")), None)
            if line:
                peak_kib[0] = max(peak_kib[0], int(line.split()[1]))
        except (OSError, ValueError):
            pass
        time.sleep(0.1)


def test_queued_urls_are_capped_and_the_rest_counted_with_memory_bounded(tmp_path):
    srv, _ = big_sitemap_site()
    with srv:
        cmd = crawl_command(tmp_path, "wire", args={"sitemap": srv.base + "/sitemap.xml"},
                            settings={"NEWSBOT_QUEUE_MAX": "100"})
        proc = subprocess.Popen(cmd, cwd=tmp_path, env=crawl_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        peak_kib = [0]
        watcher = threading.Thread(target=_watch_peak, args=(proc, peak_kib), daemon=True)
        watcher.start()
        stderr = proc.stderr.read().decode("utf-8", "replace")
        proc.wait()
        watcher.join()
        proc.stderr.close()
    run = collect(proc.returncode, "", stderr, tmp_path / "output" / "wire")
    peak_mib = peak_kib[0] // 1024
    assert run.returncode == 0, stderr[-2000:]
    assert run.failures == []
    # Every URL is either crawled or counted as not queued: none vanishes.
    assert 100 <= len(run.records) < 1000
    assert len(run.records) + run.report["not_queued"] == BIG
    assert "queue full" in stderr
    assert peak_mib < 300, f"peak RSS {peak_mib} MiB with 200,000 URLs discovered"


def test_html_entities_do_not_cost_later_links_their_ampersands(tmp_path):
    # libxml2's recovery after an undeclared entity (&nbsp;) dropped every later &amp;.
    routes = {"/robots.txt": robots_allow(),
              "/story.php?id=1&part=2": (200, HTML, story_page("Feed story")),
              "/story.php?id=3&part=4": (200, HTML, story_page("Sitemap story"))}
    with RouteServer(routes) as srv:
        routes["/rss.xml"] = (200, {"Content-Type": "application/rss+xml"}, (
            '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Markets&nbsp;today &mdash; up</title>'
            f"<link>{srv.base}/story.php?id=1&amp;part=2</link></item></channel></rss>").encode())
        routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, (
            f'<?xml version="1.0"?><urlset xmlns="{SITEMAP_NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{srv.base}/story.php?id=3&amp;part=4</loc><news:news><news:title>Caf&eacute;&nbsp;prices"
            "</news:title></news:news></url></urlset>").encode())
        run = crawl(tmp_path, "wire", args={"feed": srv.base + "/rss.xml", "sitemap": srv.base + "/sitemap.xml"})
    assert run.failures == []
    assert sorted(r["url"].split("/", 3)[3] for r in run.records) == ["story.php?id=1&part=2", "story.php?id=3&part=4"]
