"""`newsbot report`: the page opens in a real headless browser (Debian's chromium) with no
network, no console message, and every chart drawn with the store's data, in a form a
person can read: publishers and currencies named, a page that failed on two runs counted
once, runs coloured by spider. Screenshots of the whole page are kept in
output/test-report/ (report.png, and xss.png for the hostile-URL page) for a person to
look at; the test prints where."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

from parsel import Selector

from newsbot.stores import open_store

from .crawling import ALL, HTML, RouteServer, crawl, robots_allow, serve, story_page

ROOT = Path(__file__).resolve().parent.parent
KEPT = ROOT / "output" / "test-report"


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "chromium is needed: `python3 run.py test` installs it (apt-get) when run as root on Debian"
    return path


def open_in_chromium(page: Path, tmp: Path, screenshot: Path | None = None, height: int = 1200) -> tuple[str, str]:
    """(DOM after the page's scripts ran, browser log) — or a screenshot `height` pixels tall."""
    args = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            f"--user-data-dir={tmp / 'chromium'}", "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
            "--virtual-time-budget=10000", f"--window-size=1280,{height}"]
    args += [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
    proc = subprocess.run(args + [page.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, proc.stderr


def screenshot_whole_page(page: Path, tmp: Path, shot: Path) -> Path:
    """A screenshot of the whole page: a copy of it reports its drawn height first, and the
    browser window is made that tall."""
    probe = tmp / f"{page.stem}.height.html"
    probe.write_text(page.read_text("utf-8").replace(
        "</body>", "<script>window.addEventListener('load', () => setTimeout(() => document.body.setAttribute("
                   "'data-height', document.documentElement.scrollHeight), 300));</script></body>"), "utf-8")
    dom, _ = open_in_chromium(probe, tmp)
    height = int(Selector(dom).css("body::attr(data-height)").get())
    assert height > 1500, height  # every chart and both tables
    shot.parent.mkdir(parents=True, exist_ok=True)
    shot.unlink(missing_ok=True)
    open_in_chromium(page, tmp, screenshot=shot, height=height + 40)
    assert shot.stat().st_size > 20_000  # a drawn page, not a blank one
    print(f"report screenshot ({height} px tall): {shot}")
    return shot


def figure_data(source: str, chart: str) -> list[dict]:
    """The plotly traces the page hands to Plotly.newPlot for one chart."""
    at = source.index(f'"chart-{chart}",')
    start = source.index("[", at)
    return json.JSONDecoder().raw_decode(source[start:])[0]


def crawl_in(workdir: Path, **kwargs):
    workdir.mkdir(parents=True, exist_ok=True)
    return crawl(workdir, **kwargs)


def write_report(store_url: str, page: Path) -> str:
    proc = subprocess.run([sys.executable, "-m", "newsbot.cli", "report", "--store", store_url, "-o", str(page)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return page.read_text("utf-8")


def test_report_renders_every_chart_with_data_for_a_person(tmp_path):
    store_url = f"sqlite:///{tmp_path / 'store.db'}"
    server, base_url = serve()
    try:  # two runs of one site (each from an empty state): its two bad pages fail on both
        runs = [crawl_in(tmp_path / name, args={"base_url": base_url}, settings={"NEWSBOT_STORE": store_url})
                for name in ("first", "second")]
    finally:
        server.shutdown()
    for run in runs:
        assert run.returncode == 0, run.stderr[-2000:]
    store = open_store(store_url)
    # A week later one plan costs more: the price chart has a history to draw.
    later = next(r for r in runs[0].records if (r.get("paywall") or {}).get("offers"))
    later = {**later, "fingerprint": "later", "paywall": {**later["paywall"], "offers": [
        {**o, "price": o["price"] + 100} for o in later["paywall"]["offers"][:1]]}}
    store.write([later], run="a-week-later", seen=datetime.now(timezone.utc) + timedelta(days=7))

    page = tmp_path / "report.html"
    source = write_report(store_url, page)
    # Self-contained: nothing fetched at view time.
    sel = Selector(source)
    assert not sel.xpath("//script[@src] | //link[@href] | //img[@src] | //iframe")
    assert "Plotly" in source

    dom, log = open_in_chromium(page, tmp_path)
    assert "CONSOLE" not in log, [line for line in log.splitlines() if "CONSOLE" in line]
    charts = {s.attrib["data-chart"]: s for s in Selector(dom).css("section.chart")}
    # The price chart is named by publisher and currency, not by the host it was crawled on.
    assert set(charts) == {"prices-business-standard-inr", "agencies", "publishers", "access", "coverage",
                           "failures", "runs"}
    for name, chart in charts.items():
        assert chart.css("svg.main-svg"), f"{name}: not drawn"
    prices = charts["prices-business-standard-inr"]
    assert "Business Standard (INR)" in "".join(prices.css("g.infolayer text.gtitle ::text").getall())
    assert "price (INR)" in prices.css("text.ytitle ::text").getall()
    assert "127.0.0.1" not in "".join(prices.css("text ::text").getall())

    articles = store.rows("articles")
    assert len(articles) == len(ALL)
    assert len(charts["agencies"].css("g.trace.bars g.point")) == len(Counter(a["agency"] for a in articles))
    assert len(charts["publishers"].css("g.trace.bars g.point")) == 1
    assert len(charts["coverage"].css("g.trace.bars g.point")) == 10
    assert len(charts["access"].css("g.slice")) == len({a["access"] for a in articles}) == 3
    # Failed pages: two reasons, one page each, although each page failed on both runs.
    assert sorted(runs[0].report["failures_by_reason"]) == ["binary", "http_404"]
    (bars,) = figure_data(source, "failures")
    assert dict(zip(bars["x"], bars["y"])) == {"binary": 1, "http_404": 1}
    assert len(charts["failures"].css("g.trace.bars g.point")) == 2
    # Runs: a colour (trace) per spider, bars placed by start time, failures as marks.
    run_rows = [r for r in store.rows("runs") if r["spider"]]
    traces = figure_data(source, "runs")
    bars = [t for t in traces if t["type"] == "bar"]
    assert [t["name"] for t in bars] == ["business_standard: records"]
    assert len(bars[0]["x"]) == len(run_rows) == 2
    assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d", x) for x in bars[0]["x"])
    assert "run started (UTC)" in charts["runs"].css("text.xtitle ::text").getall()
    # Prices: a line per plan, and the raised plan has two prices.
    plans = {(o["plan"], o["intro"], o["currency"]) for o in store.rows("offers")}
    assert len(prices.css("g.trace.scatter")) == len(plans)
    assert len(prices.css("g.trace.scatter path.point")) == 2 * store.count("offers")

    # The failures table: each page and reason once, with the number of runs it failed on.
    table = Selector(dom).xpath("//h2[.='Failures']/following-sibling::table[1]")
    assert table.xpath(".//th/text()").getall()[:6] == ["url", "reason", "status", "runs", "first seen", "last seen"]
    rows = table.xpath(".//tbody/tr")
    assert sorted(r.xpath("./td[2]/text()").get() for r in rows) == ["binary", "http_404"]
    assert [r.xpath("./td[4]/text()").get() for r in rows] == ["2", "2"]
    assert all(r.xpath("./td[1]/@class").get() == "url" and r.xpath("./td[2]/@class").get() == "word" for r in rows)
    assert any(a.endswith(".page") for a in table.xpath(".//td[7]/a/text()").getall())
    runs_table = Selector(dom).xpath("//h2[.='Runs']/following-sibling::table[1]")
    assert set(runs_table.xpath(".//td[6]/text()").getall()) == {"no"}  # store unavailable: no, not blank

    shot = screenshot_whole_page(page, tmp_path, KEPT / "report.png")
    assert shot.is_file()
    shutil.copy(page, KEPT / "report.html")


def test_report_makes_links_of_web_urls_only(tmp_path):
    """A sitemap listing `javascript:` and `data:` URLs gives `bad_url` failures; the report
    shows those URLs as text, never as a link a click would run."""
    hostile = ["javascript:alert(document.domain)", "JavaScript:alert(1)//", "data:text/html,<script>alert(1)</script>"]
    with RouteServer({}) as srv:
        locs = "".join(f"<url><loc>{u.replace('&', '&amp;').replace('<', '&lt;')}</loc></url>" for u in hostile)
        srv.routes.update({
            "/robots.txt": robots_allow(),
            "/sitemap.xml": (200, {"Content-Type": "application/xml"}, (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"{locs}<url><loc>{srv.base}/missing.html</loc></url>"
                f"<url><loc>{srv.base}/story.html</loc></url></urlset>").encode()),
            "/story.html": (200, HTML, story_page("Port town opens a new ferry terminal")),
        })
        store_url = f"sqlite:///{tmp_path / 'store.db'}"
        run = crawl_in(tmp_path / "crawl", spider="wire", args={"sitemap": f"{srv.base}/sitemap.xml"},
                    settings={"NEWSBOT_STORE": store_url})
    assert len(run.records) == 1, run.stderr[-2000:]
    assert sorted(f["reason"] for f in run.failures) == ["bad_url"] * 3 + ["http_404"]

    page = tmp_path / "report.html"
    write_report(store_url, page)
    dom, log = open_in_chromium(page, tmp_path)
    assert "CONSOLE" not in log
    table = Selector(dom).xpath("//h2[.='Failures']/following-sibling::table[1]")
    hrefs = table.xpath(".//a/@href").getall()
    assert hrefs and all(h.startswith(("http://", "https://", "file://")) for h in hrefs), hrefs
    assert f"{srv.base}/missing.html" in hrefs  # a web URL is still a link
    urls = table.xpath(".//td[1]//text()").getall()
    for u in hostile:
        assert u in urls  # shown, as text
    assert not Selector(dom).xpath("//body//script[contains(., 'alert')]")
    screenshot_whole_page(page, tmp_path, KEPT / "xss.png")
