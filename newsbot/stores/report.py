"""`newsbot report`: one self-contained HTML page about what the store holds.

Charts are plotly figures with plotly.js inlined once in the page, so it opens with no
network: each site's plans and prices over time (from `offers`), records per agency and
per publisher, access kinds, field coverage, failures by reason (with their URLs and saved
pages, read from the failures feeds the runs wrote, when they are on this machine) and
the runs.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
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
    if horizontal:
        fig.update_yaxes(autorange="reversed")
    return fig


def price_charts(offers: list[dict]) -> list[tuple[str, go.Figure]]:
    """One chart per site: each plan's price from first to last seen, a line per plan."""
    by_site: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for o in offers:
        if o["price"] is not None:
            label = f"{o['plan'] or '(no name)'}{' (intro)' if o['intro'] else ''} [{o['currency'] or '?'}]"
            by_site[o["site"]][label].append(o)
    charts = []
    for site, plans in sorted(by_site.items()):
        fig = go.Figure()
        for label, rows in sorted(plans.items()):
            xs, ys, texts = [], [], []
            for row in sorted(rows, key=lambda r: r["first_seen"]):
                for when in (row["first_seen"], row["last_seen"]):
                    xs.append(when.isoformat())
                    ys.append(row["price"])
                    texts.append(row["price_text"] or "")
            fig.add_trace(go.Scatter(x=xs, y=ys, text=texts, mode="lines+markers", name=label, line_shape="hv"))
        _layout(fig, f"Plans and prices over time: {site}", height=420)
        fig.update_yaxes(title="price")
        charts.append((f"prices-{site}", fig))
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


def build(store: Store) -> str:
    articles = store.rows("articles")
    records = [a["record"] for a in articles]
    offers = store.rows("offers")
    runs = sorted(store.rows("runs"), key=lambda r: (str(r["started"] or ""), r["run"]))
    failures_by_reason: Counter = Counter()
    for run in runs:
        failures_by_reason.update((run.get("report") or {}).get("failures_by_reason") or {})
    failures = failure_rows(runs)

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
    charts.append(("failures", _bar(dict(failures_by_reason) or {"no failures": 0}, "Failures by reason", "reason")))
    fig = go.Figure([go.Bar(x=[r["run"] for r in runs], y=[r["records"] or 0 for r in runs], name="records"),
                     go.Bar(x=[r["run"] for r in runs], y=[r["failures"] or 0 for r in runs], name="failures")])
    fig.update_layout(barmode="group")
    charts.append(("runs", _layout(fig, "Runs: records and failures")))

    return _page(store, articles, runs, charts, failures)


def _table(headers: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _page(store: Store, articles, runs, charts, failures) -> str:
    esc = html.escape
    divs = []
    for name, fig in charts:
        divs.append(f'<section class="chart" data-chart="{esc(name)}">' + fig.to_html(
            full_html=False, include_plotlyjs=False, div_id=f"chart-{name}", config=CONFIG) + "</section>")
    run_rows = [[esc(r["run"]), esc(r["spider"] or ""), esc(str(r["started"] or "")), r["records"] or 0,
                 r["failures"] or 0, "yes" if r["store_unavailable"] else "",
                 esc(r["finish_reason"] or "")] for r in runs]
    failure_table = _table(["run", "reason", "status", "url", "saved page", "detail"], [
        [esc(f["run"]), esc(f["reason"] or ""), f["status"] or "", f'<a href="{esc(f["url"] or "")}">{esc(f["url"] or "")}</a>',
         f'<a href="file://{esc(str(Path(f["saved_as"]).resolve()))}">{esc(Path(f["saved_as"]).name)}</a>'
         if f["saved_as"] else "", esc(f["detail"])] for f in failures]) if failures else \
        "<p>No failures feed of these runs is on this machine.</p>"
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
td {{ word-break: break-all; }}
</style>
<script>{get_plotlyjs()}</script>
</head><body>
<h1>newsbot report</h1>
<p>{len(articles)} articles, {len(runs)} runs, store {esc(where)}; generated {generated}.</p>
{''.join(divs)}
{_syndication(store)}
<h2>Failures</h2>
{failure_table}
<h2>Runs</h2>
{_table(["run", "spider", "started", "records", "failures", "store unavailable", "finish"], run_rows)}
</body></html>
"""


def _syndication(store: Store) -> str:
    from .report_stories import syndication_section  # issue 16

    return syndication_section(store, CONFIG)


def write_report(store: Store, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build(store), "utf-8")
    return path
