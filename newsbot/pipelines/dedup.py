"""One record per canonical URL within a run: AMP and canonical copies, query strings and
fragments collapse to one."""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit, urlunsplit

from scrapy.exceptions import DropItem

from ..items import ArticleItem

logger = logging.getLogger(__name__)

_AMP = re.compile(r"^/amp(?=/)|/amp/?$|\.amp(?=\.html$)")


def canonical_key(url: str) -> str:
    """The URL a page stands for: scheme-less, lower-case host, no query, fragment, AMP
    prefix or trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port:
        host = f"{host}:{parts.port}"
    path = _AMP.sub("", parts.path) or "/"
    return urlunsplit(("", host, path.rstrip("/") or "/", "", ""))


def record_key(record) -> str:
    """The key a record stands under: its canonical URL, else the URL it came from."""
    return canonical_key(record.get("canonical_url") or record["url"])


class CanonicalDedupPipeline:
    """Drops a record whose canonical URL this run already emitted."""

    def __init__(self, stats):
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, ArticleItem):
            return item
        key = record_key(item)
        if key in self.seen:
            self.stats.inc_value("newsbot/duplicates")
            raise DropItem(f"duplicate of canonical {key}: {item['url']}", log_level="INFO")
        self.seen.add(key)
        return item
