"""Settings for a crawl spread over several machines: scrapy-redis shares the request
queue and the duplicate filter through Redis, and NEWSBOT_STATE points the incremental
state at the same Redis, so every worker skips what any worker delivered.

    export REDIS_URL=redis://redis.internal:6379/0
    SCRAPY_SETTINGS_MODULE=newsbot.settings_distributed scrapy crawl business_standard

Start as many workers as needed with the same command; each writes its own feed files.
"""

import os

from newsbot.settings import *  # noqa: F401,F403

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
SCHEDULER = "scrapy_redis.scheduler.Scheduler"
DUPEFILTER_CLASS = "scrapy_redis.dupefilter.RFPDupeFilter"
# Keep the queue when a worker stops, so the others (or a restart) carry on.
SCHEDULER_PERSIST = True
NEWSBOT_STATE = os.environ.get("NEWSBOT_STATE", REDIS_URL)
