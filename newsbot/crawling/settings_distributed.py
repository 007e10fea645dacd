"""Settings for a crawl spread over several machines: scrapy-redis shares the request
queue and the duplicate filter through Redis, and NEWSBOT_STATE points the incremental
state at the same Redis, so every worker skips what any worker delivered.

    export REDIS_URL=redis://redis.internal:6379/0
    export NEWSBOT_RUN=2026-11-29            # one name per scheduled run (default: today, UTC)
    SCRAPY_SETTINGS_MODULE=newsbot.crawling.settings_distributed newsbot crawl business_standard

Start as many workers as needed with the same command; each writes its own feed files.
Workers of one run share its queue and duplicate filter (keys named after NEWSBOT_RUN);
the next run gets fresh ones, so it fetches sitemaps and changed pages again, while the
state store, shared by all runs, decides what is new.
"""

import os
from datetime import datetime, timezone

from newsbot.crawling.settings import *  # noqa: F401,F403

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
SCHEDULER = "scrapy_redis.scheduler.Scheduler"
DUPEFILTER_CLASS = "scrapy_redis.dupefilter.RFPDupeFilter"
NEWSBOT_RUN = os.environ.get("NEWSBOT_RUN") or datetime.now(timezone.utc).strftime("%Y-%m-%d")
SCHEDULER_QUEUE_KEY = f"%(spider)s:{NEWSBOT_RUN}:requests"
SCHEDULER_DUPEFILTER_KEY = f"%(spider)s:{NEWSBOT_RUN}:dupefilter"
# Keep the queue when a worker stops, so the others (or a restart) carry on.
SCHEDULER_PERSIST = True
NEWSBOT_STATE = os.environ.get("NEWSBOT_STATE", REDIS_URL)
# A worker with nothing to do waits this long for the others to fill the shared queue.
NEWSBOT_IDLE_GRACE = float(os.environ.get("NEWSBOT_IDLE_GRACE", "10"))
EXTENSIONS = {**EXTENSIONS, "newsbot.crawling.extensions.shared_queue.WaitForSharedQueue": 700}  # noqa: F405
