"""What flows through the item pipelines.

A spider yields a `PageItem` (a fetched article page); the extraction pipeline turns it
into an `ArticleItem` (the record) or a `FailureItem`. Feed exports pick each kind for its
own file by class (`FEEDS[...]["item_classes"]`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageItem:
    """A fetched article page, before extraction. Never exported."""

    url: str
    """The URL that was fetched (after redirects)."""
    body: bytes = field(repr=False)
    """The raw response body (left out of log lines)."""
    content_type: str | None = None
    """The response's Content-Type header."""
    status: int = 200
    """The HTTP status."""
    profile: str | None = None
    """The publisher profile the spider chose, or None for the generic path."""
    discovered_from: str | None = None
    """Where the URL was found (sitemap, feed or listing URL)."""
    lastmod: str | None = None
    """The date the sitemap or feed gave for the page, if any."""
    requested_urls: list[str] = field(default_factory=list)
    """URLs that redirected to this page (the state store remembers them too)."""
    explicit: bool = False
    """The user named this URL (-a urls=): delivered even when an earlier run did."""
    meta: dict = field(default_factory=dict)


class ArticleItem(dict):
    """One article record (see newsbot/core/record.py), as exported to the main feed."""


class FailureItem(dict):
    """A page that gave no record: url, status, reason, detail, spider, time."""


def failure(url: str, reason: str, status: int | None = None, detail: str = "", **extra) -> FailureItem:
    from datetime import datetime, timezone

    item = FailureItem(url=url, status=status, reason=reason, detail=detail[:2000],
                       at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    item.update(extra)
    return item
