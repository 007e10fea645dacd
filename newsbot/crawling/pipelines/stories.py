"""Each record joins its wire story (newsbot/core/stories): the record's `story` field, and its
agency from the story when it printed none. After the incremental state (an unchanged page
kept its story in the earlier run) and before validation (the field is in the schema)."""

from __future__ import annotations

import logging

from newsbot.crawling.items import ArticleItem
from newsbot.core.keys import record_key
from newsbot.core.stories import StoryJoiner, index_location, open_index
from newsbot.core.stories.index import CRAWL_COMMIT_JOINS, CRAWL_COMMIT_SECONDS

logger = logging.getLogger(__name__)


def body_mark(body) -> tuple | None:
    """What a record's body is, to tell later whether it is still the text its signature
    was made of (a pipeline may replace the body, or edit it in place): the paragraphs' count
    and hash. None for a body that cannot be hashed (its signature is made again)."""
    try:
        return (len(body), hash(tuple(body))) if isinstance(body, list) else None
    except TypeError:
        return None


class StoryPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        s = crawler.settings
        self.where = index_location(s.get("NEWSBOT_STORIES"), s.get("NEWSBOT_STATE"))
        self.enabled = s.getbool("NEWSBOT_STORIES_ENABLED", True)
        self.joiner: StoryJoiner | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        if self.enabled:
            # One commit a second (SQLite): a crash loses at most that much of the index.
            self.joiner = StoryJoiner(open_index(self.where, commit_every=CRAWL_COMMIT_JOINS,
                                                 commit_seconds=CRAWL_COMMIT_SECONDS))

    def close_spider(self, spider=None):
        if self.joiner is not None:
            self.joiner.index.close()
            self.joiner = None

    def process_item(self, item):
        if self.joiner is None or not isinstance(item, ArticleItem):
            return item
        # The signature made with the record in a worker process (ExtractPipeline), when the
        # body is still the one it was made of.
        signed = getattr(item, "signed", None)
        sig = signed[1] if signed is not None and signed[0] is not None and signed[0] == body_mark(item.get("body")) else None
        item.signed = None
        try:
            item["story"] = self.joiner.join(item, record_key(item), sig)
        except Exception as exc:  # one bad record never stops the crawl: it goes out without a story
            logger.error("story index failed for %s: %s", item.get("url"), exc)
            self.stats.inc_value("newsbot/stories/errors")
            item["story"] = None
            return item
        self.stats.inc_value(f"newsbot/stories/{item['story']['relation']}")
        return item
