"""`newsbot report`: one self-contained HTML page about what the store holds.

Charts are plotly figures with plotly.js inlined once in the page, so it opens with no
network: each publisher's plans and prices over time (from `offers`, one chart per
currency), records per agency and per publisher, access kinds, field coverage, failed
pages by reason (a page that failed on several runs counts once; the table gives each
page and reason once with its count and first and last seen, read from the failures feeds
the runs wrote, when they are on this machine) and the runs, coloured by spider.

Everything shown comes from crawled pages, so it is escaped, and only http(s) URLs become
links (a sitemap's `javascript:` <loc> is shown as text).
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from urllib.parse import urlsplit
from datetime import datetime, timezone
from pathlib import Path

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from . import Store

COVERAGE_FIELDS = ("headline", "published_at", "body", "wire", "disclaimer", "paywall", "authors", "section",
                   "standfirst", "topics")
CONFIG = {"displaylogo": False, "responsive": True}


def _layout(fig: go.Figure, title: str, height: int = 360) -> go.Figure:
    fig.update_layout(title=title, height=height, margin={"l": 60, "r": 20, "t": 50, "b": 60},
                      template="plotly_white", legend={"orientation": "h", "y": -0.25})
    return fig


def _bar(counts: dict, title: str, x_title: str, horizontal: bool = False) -> go.Figure:
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    labels, values = [k for k, _ in items], [v for _, v in items]
    bar = (go.Bar(y=labels, x=values, orientation="h") if horizontal else go.Bar(x=labels, y=values))
    fig = _layout(go.Figure(bar), title, height=max(300, 40 + 28 * len(labels)) if horizontal else 360)
    fig.update_xaxes(title=x_title if not horizontal else "records")
    if values and max(values) <= 10:  # counts: whole-number ticks, not 0.5 of a page
        (fig.update_xaxes if horizontal else fig.update_yaxes)(dtick=1)
    if horizontal:
        fig.update_yaxes(autorange="reversed")
    return fig


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-") or "unknown"


def price_charts(offers: list[dict]) -> list[tuple[str, go.Figure]]:
    """One chart per publisher and currency: each plan's price from first to last seen, a
    line per plan; the axis names the currency (prices in two currencies share no axis)."""
    by_chart: dict[tuple[str, str], dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for o in offers:
        if o["price"] is not None:
            label = f"{o['plan'] or '(no name)'}{' (intro)' if o['intro'] else ''}"
            by_chart[(o["publisher"] or o["site"], o["currency"] or "currency unknown")][label].append(o)
    charts = []
    for (publisher, currency), plans in sorted(by_chart.items()):
        fig = go.Figure()
        for label, rows in sorted(plans.items()):
            xs, ys, texts = [], [], []
            for row in sorted(rows, key=lambda r: r["first_seen"]):
                for when in (row["first_seen"], row["last_seen"]):
                    xs.append(when.isoformat())
                    ys.append(row["price"])
                    texts.append(row["price_text"] or "")
            fig.add_trace(go.Scatter(x=xs, y=ys, text=texts, mode="lines+markers", name=label, line_shape="hv"))
        _layout(fig, f"Plans and prices over time: {publisher} ({currency})", height=420)
        fig.update_yaxes(title=f"price ({currency})")
        fig.update_xaxes(title="seen (UTC)")
        charts.append((f"prices-{_slug(publisher)}-{_slug(currency)}", fig))
    return charts


def coverage(records: list[dict]) -> dict[str, float]:
    n = len(records) or 1
    return {f: round(100 * sum(1 for r in records if r.get(f)) / n, 1) for f in COVERAGE_FIELDS}


def failure_rows(runs: list[dict]) -> list[dict]:
    """Failures of the runs, from the failures feeds their reports name (when present here)."""
    rows = []
    for run in runs:
        path = ((run.get("report") or {}).get("feeds") or {}).get("failures")
        if path and Path(path).is_file():
            for line in Path(path).read_text("utf-8", errors="replace").splitlines():
                try:
                    item = json.loads(line)
                except ValueError:
                    continue
                rows.append({"run": run["run"], "url": item.get("url"), "reason": item.get("reason"),
                             "status": item.get("status"), "saved_as": item.get("saved_as"),
                             "detail": (item.get("detail") or "")[:200]})
    return rows


def failure_groups(failures: list[dict], runs: list[dict]) -> list[dict]:
    """One row per failed page and reason over all runs: how many runs it failed on, and
    the first and last run's start; status, saved page and detail from the latest."""
    started = {r["run"]: r["started"] for r in runs}
    groups: dict[tuple, dict] = {}
    for f in failures:
        when = started.get(f["run"])
        key = (f["url"] or "", f["reason"] or "")
        g = groups.get(key)
        if g is None:
            g = groups[key] = {**f, "count": 0, "first_seen": when, "last_seen": when}
        g["count"] += 1
        if when is not None and (g["first_seen"] is None or when < g["first_seen"]):
            g["first_seen"] = when
        if when is not None and (g["last_seen"] is None or when >= g["last_seen"]):
            g.update({k: f[k] for k in ("status", "saved_as", "detail", "run")}, last_seen=when)
    return sorted(groups.values(), key=lambda g: (g["reason"] or "", g["url"] or ""))


def failures_chart(groups: list[dict], failures_by_reason: Counter) -> go.Figure:
    """Failed pages by reason, each page once however many runs it failed on; without the
    failures feeds, the runs' counts (which count a page once per run)."""
    if groups:
        return _bar(Counter(g["reason"] or "unknown" for g in groups), "Failed pages by reason", "reason")
    return _bar(dict(failures_by_reason) or {"no failures": 0}, "Failures by reason (summed over runs)", "reason")


def runs_chart(runs: list[dict]) -> go.Figure:
    """Records per run against its start time, a colour per spider; failures as marks."""
    fig = go.Figure()
    by_spider: dict[str, list[dict]] = defaultdict(list)
    for r in runs:
        by_spider[r["spider"] or "unknown"].append(r)
    for spider, rows in sorted(by_spider.items()):
        xs = [_when(r) for r in rows]
        fig.add_trace(go.Bar(x=xs, y=[r["records"] or 0 for r in rows], name=f"{spider}: records",
                             customdata=[r["run"] for r in rows],
                             hovertemplate="%{customdata}<br>%{y} records<extra>" + html.escape(spider) + "</extra>"))
    fig.add_trace(go.Scatter(x=[_when(r) for r in runs], y=[r["failures"] or 0 for r in runs], mode="markers",
                             name="failures", marker={"symbol": "x", "size": 10, "color": "#c0392b"},
                             customdata=[r["run"] for r in runs],
                             hovertemplate="%{customdata}<br>%{y} failures<extra></extra>"))
    _layout(fig, "Runs: records (a colour per spider) and failures", height=400)
    fig.update_layout(barmode="group")
    fig.update_xaxes(title="run started (UTC)")
    fig.update_yaxes(title="records / failures")
    return fig


def _when(run: dict) -> str:
    started = run.get("started")
    return started.isoformat() if hasattr(started, "isoformat") else str(started or run["run"])


def build(store: Store) -> str:
    articles = store.rows("articles")
    records = [a["record"] for a in articles]
    offers = store.rows("offers")
    runs = sorted(store.rows("runs"), key=lambda r: (str(r["started"] or ""), r["run"]))
    failures_by_reason: Counter = Counter()
    for run in runs:
        failures_by_reason.update((run.get("report") or {}).get("failures_by_reason") or {})
    failures = failure_groups(failure_rows(runs), runs)

    charts: list[tuple[str, go.Figure]] = price_charts(offers)
    charts.append(("agencies", _bar(Counter(a["agency"] or "none (staff or unknown)" for a in articles),
                                    "Records per wire agency", "agency")))
    charts.append(("publishers", _bar(Counter(a["publisher"] or "unknown" for a in articles),
                                      "Records per publisher", "publisher", horizontal=True)))
    access = Counter(a["access"] or "unknown" for a in articles)
    charts.append(("access", _layout(go.Figure(go.Pie(labels=list(access), values=list(access.values()), hole=0.4)),
                                     "Access kinds")))
    cov = coverage(records)
    fig = _layout(go.Figure(go.Bar(x=list(cov), y=list(cov.values()), text=[f"{v:g}%" for v in cov.values()],
                                   textposition="outside")), "Field coverage (% of records with the field filled)")
    fig.update_yaxes(range=[0, 110], title="% of records")
    charts.append(("coverage", fig))
    charts.append(("failures", failures_chart(failures, failures_by_reason)))
    charts.append(("runs", runs_chart(runs)))

    return _page(store, articles, runs, charts, failures)


def _table(headers: list[str], rows: list[list], classes: tuple[str, ...] = ()) -> str:
    """Cells are HTML already escaped; `classes` names each column's class (e.g. `url`)."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    def cls(i):
        return f' class="{classes[i]}"' if i < len(classes) and classes[i] else ""
    body = "".join("<tr>" + "".join(f"<td{cls(i)}>{c}</td>" for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def link(url: str | None) -> str:
    """An http(s) URL as a link; anything else (javascript:, data:, junk) as escaped text."""
    text = html.escape(url or "")
    try:
        web = urlsplit((url or "").strip()).scheme.lower() in ("http", "https")
    except ValueError:
        web = False
    return f'<a href="{text}" rel="noreferrer">{text}</a>' if web else text


def _date(when) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S") if hasattr(when, "strftime") else html.escape(str(when or ""))


def failures_table(failures: list[dict]) -> str:
    if not failures:
        return "<p>No failures feed of these runs is on this machine.</p>"
    esc = html.escape
    return _table(["url", "reason", "status", "runs", "first seen", "last seen", "saved page", "detail"], [
        [link(f["url"]), esc(f["reason"] or ""), esc(str(f["status"] or "")), f["count"], _date(f["first_seen"]),
         _date(f["last_seen"]),
         f'<a href="{esc(Path(f["saved_as"]).resolve().as_uri())}">{esc(Path(f["saved_as"]).name)}</a>'
         if f["saved_as"] else "", esc(f["detail"])] for f in failures],
        classes=("url", "word", "", "num", "when", "when", "file", "detail"))


def runs_table(runs: list[dict]) -> str:
    esc = html.escape
    rows = [[esc(r["run"]), esc(r["spider"] or ""), _date(r["started"]), r["records"] or 0, r["failures"] or 0,
             "yes" if r["store_unavailable"] else "no", esc(r["finish_reason"] or "")] for r in runs]
    return _table(["run", "spider", "started (UTC)", "records", "failures", "store unavailable", "finish"], rows,
                  classes=("word", "word", "when", "num", "num", "", "word"))


def _page(store: Store, articles, runs, charts, failures) -> str:
    esc = html.escape
    divs = []
    for name, fig in charts:
        divs.append(f'<section class="chart" data-chart="{esc(name)}">' + fig.to_html(
            full_html=False, include_plotlyjs=False, div_id=f"chart-{name}", config=CONFIG) + "</section>")
    where = store.engine.url.render_as_string(hide_password=True)
    generated = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>newsbot report</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 1200px; color: #222; }}
.chart {{ border: 1px solid #ddd; border-radius: 6px; margin: 1rem 0; padding: .5rem; }}
table {{ border-collapse: collapse; font-size: .85rem; width: 100%; }}
th, td {{ border-bottom: 1px solid #eee; padding: .25rem .5rem; text-align: left; vertical-align: top; }}
td.url {{ overflow-wrap: anywhere; min-width: 14rem; }}
td.file {{ overflow-wrap: anywhere; min-width: 7rem; }}
td.word, td.when, td.num {{ white-space: nowrap; }}
td.num {{ text-align: right; }}
td.detail {{ min-width: 10rem; overflow-wrap: anywhere; }}
</style>
<script>{get_plotlyjs()}</script>
</head><body>
<h1>newsbot report</h1>
<p>{len(articles)} articles, {len(runs)} runs, store {esc(where)}; generated {generated}.</p>
{''.join(divs)}
{_syndication(store)}
<h2>Failures</h2>
{failures_table(failures)}
<h2>Runs</h2>
{runs_table(runs)}
</body></html>
"""


def _syndication(store: Store) -> str:
    from .report_stories import syndication_section  # issue 16

    return syndication_section(store, CONFIG)


def write_report(store: Store, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build(store), "utf-8")
    return path
