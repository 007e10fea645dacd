"""Scrapy settings for newsbot. Every newsbot-specific setting starts with NEWSBOT_ and is
described in the README; any of them can be overridden with `-s NAME=VALUE`."""

from newsbot.items import ArticleItem

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.spiders"]
NEWSPIDER_MODULE = "newsbot.spiders"

# --- politeness: this crawler visits other people's sites ---------------------------------
USER_AGENT = "newsbot/0.1 (news syndication research crawler; set USER_AGENT to add your contact)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.5
RETRY_ENABLED = True
RETRY_TIMES = 3
# 403 included: the Business Standard CDN answers 403 to bursts; a later try often passes.
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429, 403]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOGSTATS_INTERVAL = 60.0

# --- pipelines: one job each ----------------------------------------------------------------
ITEM_PIPELINES = {
    "newsbot.pipelines.extract.ExtractPipeline": 100,
    "newsbot.pipelines.dedup.CanonicalDedupPipeline": 200,
    # Offers before the state store drops unchanged pages: prices are read on every page fetched.
    "newsbot.pipelines.offers.OfferFeedPipeline": 250,
    "newsbot.pipelines.state.IncrementalStatePipeline": 300,
    "newsbot.pipelines.validate.RecordValidationPipeline": 400,
    "newsbot.pipelines.validate.InvalidRecordPipeline": 410,
}

# --- validation and monitors (spidermon) ----------------------------------------------------
SPIDERMON_ENABLED = True
SPIDERMON_VALIDATION_SCHEMAS = {ArticleItem: "newsbot.schema.ARTICLE_SCHEMA"}
SPIDERMON_VALIDATION_ADD_ERRORS_TO_ITEMS = True
SPIDERMON_VALIDATION_DROP_ITEMS_WITH_ERRORS = False
SPIDERMON_VALIDATION_ERRORS_FIELD = "_validation"
DOWNLOADER_MIDDLEWARES = {
    # Scrapy's, with concurrent waiters for robots.txt fixed (see newsbot/middlewares.py).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newsbot.middlewares.RobotsTxtMiddleware": 100,
    # After RedirectMiddleware (600): sees a 3xx before it is followed.
    "newsbot.middlewares.RedirectAliasMiddleware": 650,
}
EXTENSIONS = {
    "spidermon.contrib.scrapy.extensions.Spidermon": 500,
    "newsbot.extensions.state.StateExtension": 550,
    "newsbot.extensions.report.CrawlReport": 600,
}
SPIDERMON_SPIDER_CLOSE_MONITORS = ("newsbot.monitors.SpiderCloseMonitorSuite",)
SPIDERMON_MAX_ERRORS = 0
SPIDERMON_MAX_ITEM_VALIDATION_ERRORS = 0
NEWSBOT_MONITOR_MIN_RECORDS = 1
NEWSBOT_MONITOR_MAX_FAILURE_RATIO = 0.25
NEWSBOT_MONITOR_COVERAGE = {"body": 0.95, "headline": 0.95, "published_at": 0.9, "wire": 0.9}
NEWSBOT_WIRE_SECTIONS: list[str] = []
"""URL path parts of wire sections beyond those the crawl's publisher profile names
(`Profile.wire_sections`): the coverage monitor expects a wire credit on their pages."""

NEWSBOT_WORKERS = 0
"""Worker processes for the pipelines' CPU work (taking pages apart, validating records)
while the crawler keeps fetching: a number, 0 to run it inline, or "auto" for one per CPU
beyond the crawler's own."""

# --- output ------------------------------------------------------------------------------------
NEWSBOT_OUTPUT_DIR = "output"
"""Folder for feeds, reports and failed pages (one subfolder per spider)."""
NEWSBOT_FAILED_PAGES_DIR = "%(output)s/%(name)s/failed-pages"
"""Where the bytes of pages that failed to parse are kept for reprocessing; %(output)s is
NEWSBOT_OUTPUT_DIR, %(name)s the spider."""
FEED_URI_PARAMS = "newsbot.feeds.uri_params"
FEED_EXPORT_ENCODING = "utf-8"
FEEDS = {
    "%(output)s/%(name)s/%(run)s.jsonl": {
        "format": "jsonlines", "encoding": "utf8", "store_empty": True,
        "item_classes": ["newsbot.items.ArticleItem"],
    },
    "%(output)s/%(name)s/%(run)s.failures.jsonl": {
        "format": "jsonlines", "encoding": "utf8", "store_empty": True,
        "item_classes": ["newsbot.items.FailureItem"],
    },
}
# The offers feed (%(output)s/%(name)s/%(run)s.offers.jsonl) is written by the offers pipeline
# at the end of the run: one line per publisher and plan, with first and last seen.

# --- incremental state (issue: scheduled runs) ----------------------------------------------
NEWSBOT_STATE = "state/newsbot.sqlite3"
"""Where runs remember what they delivered: a SQLite path (created on first use), or a
redis:// URL when the crawl is distributed with scrapy-redis. Empty to disable."""

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_FIELDS = None
FEED_STORAGES = {"": "newsbot.feeds.UnbufferedFileFeedStorage", "file": "newsbot.feeds.UnbufferedFileFeedStorage"}
