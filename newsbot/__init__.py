"""newsbot: news pages carrying wire copy -> one structured record each.

The Python API, for a notebook or a pipeline that does not want a Scrapy project:

    from newsbot import extract
    article = extract(html_or_bytes, url="https://www.ndtv.com/...")   # an Article
    article.to_dict()                                                  # the JSON record

    import newsbot
    for record in newsbot.crawl("ndtv", max_articles=20, since="2026-11-28"):
        print(record["headline"], (record["wire"] or {}).get("agency"))

`extract` is newsbot.core.extract.extract; `PageError` is what it raises for input that is
no page. `crawl` runs a real Scrapy crawl with the project's settings in a child process
(Scrapy's reactor starts once per process) and yields the records as the crawl writes
them, with no settings file to write. Names are loaded on first use, so `import
newsbot.run` or `newsbot.core.keys` does not load the extractor.
"""

from __future__ import annotations

__all__ = ["extract", "PageError", "crawl", "CrawlFailed"]


def __getattr__(name: str):
    if name in ("extract", "PageError"):
        from newsbot.core import extract as package

        return getattr(package, name)
    if name in ("crawl", "CrawlFailed"):
        from newsbot import api

        return getattr(api, name)
    raise AttributeError(f"module 'newsbot' has no attribute {name!r}")
