"""The report's syndication section (issue 16), from the store's `stories` and
`story_members`: stories per agency, publishers per story, each publisher's lag after the
first publication (median and spread), and the stories run widest."""

from __future__ import annotations

import html
import statistics
from collections import Counter, defaultdict

import plotly.graph_objects as go

WIDEST = 10
"""Stories shown in the "run widest" chart."""


def _layout(fig: go.Figure, title: str, height: int = 360) -> go.Figure:
    fig.update_layout(title=title, height=height, margin={"l": 60, "r": 20, "t": 50, "b": 60},
                      template="plotly_white", showlegend=False)
    return fig


def syndication_charts(stories: list[dict], members: list[dict]) -> list[tuple[str, go.Figure]]:
    charts = []
    per_agency = Counter(s["agency"] or "none printed" for s in stories)
    items = sorted(per_agency.items(), key=lambda kv: (-kv[1], kv[0]))
    fig = _layout(go.Figure(go.Bar(x=[k for k, _ in items], y=[v for _, v in items])), "Stories per wire agency")
    fig.update_xaxes(title="agency")
    fig.update_yaxes(title="stories")
    charts.append(("stories-per-agency", fig))

    spread = Counter(s["publishers"] for s in stories)
    xs = sorted(spread)
    fig = _layout(go.Figure(go.Bar(x=[str(x) for x in xs], y=[spread[x] for x in xs])), "Publishers per story")
    fig.update_xaxes(title="publishers that ran the story", type="category")
    fig.update_yaxes(title="stories")
    charts.append(("publishers-per-story", fig))

    lags: dict[str, list[float]] = defaultdict(list)
    for m in members:
        if m["relation"] in ("copy", "edited") and m["lag_seconds"] is not None:
            lags[m["publisher"] or "unknown"].append(m["lag_seconds"] / 60)
    fig = go.Figure()
    for pub in sorted(lags, key=lambda p: statistics.median(lags[p])):
        values = lags[pub]
        fig.add_trace(go.Box(y=values, name=f"{pub} (median {statistics.median(values):g} min, n={len(values)})",
                             boxpoints="all"))
    fig = _layout(fig, "Each publisher's lag after the first publication (minutes)", height=420)
    fig.update_yaxes(title="minutes after the first")
    charts.append(("publisher-lag", fig))

    widest = sorted(stories, key=lambda s: (-s["publishers"], -s["members"], s["id"]))[:WIDEST]
    labels = [(s["first_headline"] or s["id"])[:70] for s in widest]
    fig = _layout(go.Figure(go.Bar(y=labels, x=[s["publishers"] for s in widest], orientation="h",
                                   text=[f"{s['members']} records" for s in widest])),
                  "Stories run widest", height=max(300, 60 + 30 * len(widest)))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title="publishers")
    charts.append(("widest-stories", fig))
    return charts


def syndication_section(store, config: dict) -> str:
    """The section's HTML: its charts (plotly.js is on the page already)."""
    stories, members = store.rows("stories"), store.rows("story_members")
    if not stories:
        return "<h2>Syndication</h2>\n<p>No stories in the store (records without a story field).</p>"
    lag = [m["lag_seconds"] / 60 for m in members if m["relation"] in ("copy", "edited") and m["lag_seconds"] is not None]
    summary = (f"{len(stories)} stories, {sum(1 for s in stories if s['publishers'] > 1)} run by more than one "
               f"publisher; {len(members)} records" + (f"; median lag {statistics.median(lag):g} min" if lag else ""))
    divs = [f'<section class="syndication-chart" data-chart="{html.escape(name)}">'
            + fig.to_html(full_html=False, include_plotlyjs=False, div_id=f"chart-{name}", config=config)
            + "</section>" for name, fig in syndication_charts(stories, members)]
    return f"<h2>Syndication</h2>\n<p>{html.escape(summary)}</p>\n" + "\n".join(divs)
