"""newsbot: news pages carrying wire copy -> one structured record each.

The Python API, for a notebook or a pipeline that does not want a Scrapy project:

    from newsbot import extract
    article = extract(html_or_bytes, url="https://www.ndtv.com/...")   # an Article
    article.to_dict()                                                  # the JSON record

    import newsbot
    for record in newsbot.crawl("ndtv", max_articles=20, since="2026-11-28"):
        print(record["headline"], (record["wire"] or {}).get("agency"))

`extract` is newsbot.extract.extract (the package is callable, and its names stay
reachable: `extract.PageError`). `crawl` runs a real Scrapy crawl with the project's
settings in a child process (Scrapy's reactor starts once per process) and yields the
records as the crawl writes them, with no settings file to write.
"""

from __future__ import annotations

import types

from . import extract as _extract_package
from .api import CrawlFailed, crawl


class _CallableModule(types.ModuleType):
    """`from newsbot import extract; extract(page)`: the package, callable as its function."""

    def __call__(self, *args, **kwargs):
        return self.extract(*args, **kwargs)


_extract_package.__class__ = _CallableModule

__all__ = ["extract", "crawl", "CrawlFailed"]
