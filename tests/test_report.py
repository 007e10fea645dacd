"""`newsbot report`: the page opens in a real headless browser (Debian's chromium) with no
network, no console message, and every chart drawn with the store's data. The screenshot
is kept at output/test-report/report.png for a person to look at."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

from parsel import Selector

from newsbot.keys import site_of
from newsbot.stores import open_store

from .crawling import ALL, crawl, serve

ROOT = Path(__file__).resolve().parent.parent
KEPT = ROOT / "output" / "test-report"


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "chromium is needed: `python3 run.py test` installs it (apt-get) when run as root on Debian"
    return path


def open_in_chromium(page: Path, tmp: Path, screenshot: Path | None = None) -> tuple[str, str]:
    """(DOM after the page's scripts ran, browser log) — or a screenshot."""
    args = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            f"--user-data-dir={tmp / 'chromium'}", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=10000", "--window-size=1280,4200"]
    args += [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
    proc = subprocess.run(args + [page.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, proc.stderr


def test_report_renders_every_chart_with_data(tmp_path):
    server, base_url = serve()
    try:
        run = crawl(tmp_path, args={"base_url": base_url},
                    settings={"NEWSBOT_STORE": f"sqlite:///{tmp_path / 'store.db'}"})
    finally:
        server.shutdown()
    assert run.returncode == 0, run.stderr[-2000:]
    store_url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(store_url)
    # A week later one plan costs more: the price chart has a history to draw.
    later = next(r for r in run.records if (r.get("paywall") or {}).get("offers"))
    later = {**later, "fingerprint": "later", "paywall": {**later["paywall"], "offers": [
        {**o, "price": o["price"] + 100} for o in later["paywall"]["offers"][:1]]}}
    store.write([later], run="a-week-later", seen=datetime.now(timezone.utc) + timedelta(days=7))

    page = tmp_path / "report.html"
    proc = subprocess.run([sys.executable, "-m", "newsbot.cli", "report", "--store", store_url, "-o", str(page)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    source = page.read_text("utf-8")
    # Self-contained: nothing fetched at view time.
    sel = Selector(source)
    assert not sel.xpath("//script[@src] | //link[@href] | //img[@src] | //iframe")
    assert "Plotly" in source

    dom, log = open_in_chromium(page, tmp_path)
    assert "CONSOLE" not in log, [line for line in log.splitlines() if "CONSOLE" in line]
    charts = {s.attrib["data-chart"]: s for s in Selector(dom).css("section.chart")}
    prices = "prices-" + site_of(base_url)  # the site as newsbot.keys names it (its port kept)
    assert set(charts) == {prices, "agencies", "publishers", "access", "coverage", "failures", "runs"}
    for name, chart in charts.items():
        assert chart.css("svg.main-svg"), f"{name}: not drawn"

    articles = store.rows("articles")
    assert len(articles) == len(ALL)
    # Bars: one per agency, publisher, covered field, failure reason, and two per run.
    assert len(charts["agencies"].css("g.trace.bars g.point")) == len(Counter(a["agency"] for a in articles))
    assert len(charts["publishers"].css("g.trace.bars g.point")) == 1
    assert len(charts["coverage"].css("g.trace.bars g.point")) == 10
    assert len(charts["failures"].css("g.trace.bars g.point")) == len(run.report["failures_by_reason"]) == 2
    assert len(charts["runs"].css("g.trace.bars g.point")) == 2 * len(store.rows("runs"))
    assert len(charts["access"].css("g.slice")) == len({a["access"] for a in articles}) == 3
    # Prices: a line per plan, and the raised plan has two prices.
    plans = {(o["plan"], o["intro"], o["currency"]) for o in store.rows("offers")}
    assert len(charts[prices].css("g.trace.scatter")) == len(plans)
    assert len(charts[prices].css("g.trace.scatter path.point")) == 2 * store.count("offers")
    # The failures table names each failed page and links the saved copy.
    table = Selector(dom).xpath("//h2[.='Failures']/following-sibling::table[1]")
    assert sorted(table.xpath(".//td[2]/text()").getall()) == ["binary", "http_404"]
    assert any(a.endswith(".page") for a in table.xpath(".//td[5]/a/text()").getall())

    KEPT.mkdir(parents=True, exist_ok=True)
    shot = KEPT / "report.png"
    shot.unlink(missing_ok=True)
    open_in_chromium(page, tmp_path, screenshot=shot)
    assert shot.stat().st_size > 20_000  # a drawn page, not a blank one
    shutil.copy(page, KEPT / "report.html")
