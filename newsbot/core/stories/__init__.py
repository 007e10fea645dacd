"""Wire stories across publishers: every record joins the story it is a run of (MinHash
signatures and LSH from datasketch, an index that lasts across runs). No Scrapy here: the
crawl's pipeline (newsbot/crawling/pipelines/stories.py) and `newsbot stories` both use StoryJoiner."""

from .grouping import StoryJoiner, own_agency
from .index import Member, RedisStoryIndex, SQLiteStoryIndex, StoryIndex, open_index
from .signature import Signature, signature

__all__ = ["Member", "RedisStoryIndex", "SQLiteStoryIndex", "Signature", "StoryIndex", "StoryJoiner",
           "open_index", "own_agency", "signature", "index_location"]


def index_location(stories_setting: str | None, state_setting: str | None) -> str | None:
    """Where the index lives: NEWSBOT_STORIES when set; else beside the run state
    (state/newsbot.sqlite3 -> state/newsbot.stories.sqlite3; a redis:// state holds the index
    too); None (in memory, this run only) without a state."""
    if stories_setting:
        return stories_setting
    if not state_setting:
        return None
    if state_setting.startswith(("redis://", "rediss://", "unix://")):
        return state_setting
    from pathlib import Path

    p = Path(state_setting)
    return str(p.with_name(p.stem + ".stories" + (p.suffix or ".sqlite3")))
