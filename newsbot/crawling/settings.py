"""Scrapy settings for newsbot. Every newsbot-specific setting starts with NEWSBOT_ and is
described in the README; any of them can be overridden with `-s NAME=VALUE`."""

from newsbot.crawling.items import ArticleItem

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.crawling.spiders"]
NEWSPIDER_MODULE = "newsbot.crawling.spiders"
# `scrapy crawl` ends with newsbot's exit codes (newsbot/crawling/commands/crawl.py).
COMMANDS_MODULE = "newsbot.crawling.commands"

# --- politeness: this crawler visits other people's sites ---------------------------------
USER_AGENT = "newsbot/0.1 (news syndication research crawler; set USER_AGENT to add your contact)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
CONCURRENT_ITEMS = 8
"""Scrapy's default (100) starts that many asyncio tasks for every response's output, and a
newsbot page yields one record and a few links: 8 keeps the crawl's own cost down."""
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
LOG_LEVEL = "INFO"  # DEBUG would log every record in full
# A dropped item is one line (URL and reason), not the whole item (newsbot/crawling/logs.py).
LOG_FORMATTER = "newsbot.crawling.logs.LogFormatter"
NEWSBOT_LOG_STARTUP = False
"""Log Scrapy's start-up lists (components, overridden settings), its stats dump and
spidermon's banners at INFO too; at DEBUG they are always logged."""
import warnings as _warnings  # noqa: E402

from scrapy.exceptions import ScrapyDeprecationWarning as _ScrapyDeprecationWarning  # noqa: E402

# spidermon 1.x still logs through Spider.log(); nothing for a newsbot user to act on.
_warnings.filterwarnings("ignore", message=r"Spider\.log\(\) is deprecated", category=_ScrapyDeprecationWarning)
NEWSBOT_PROGRESS_INTERVAL = 10.0
"""Seconds between progress lines (pages, records, failures, rate); 0 for none."""
# Scrapy 2.19 turns on an HTTP remote-control console by default; a scraper service has no use for it.
REMOTE_CONTROL_ENABLED = False
# Only http(s) is ever fetched: no file:, data:, ftp: or s3: URLs from arguments, sitemaps or redirects.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}

# --- pipelines: one job each ----------------------------------------------------------------
ITEM_PIPELINES = {
    "newsbot.crawling.pipelines.extract.ExtractPipeline": 100,
    # Offers before duplicates and unchanged pages are dropped: prices are read on every page fetched.
    "newsbot.crawling.pipelines.offers.OfferFeedPipeline": 150,
    "newsbot.crawling.pipelines.dedup.CanonicalDedupPipeline": 200,
    "newsbot.crawling.pipelines.incremental.IncrementalStatePipeline": 300,
    # Each record joins its wire story (newsbot/core/stories): after unchanged pages are dropped.
    "newsbot.crawling.pipelines.stories.StoryPipeline": 350,
    "newsbot.crawling.pipelines.validate.RecordValidationPipeline": 400,
    "newsbot.crawling.pipelines.validate.InvalidRecordPipeline": 410,
}

# --- validation and monitors (spidermon) ----------------------------------------------------
SPIDERMON_ENABLED = True
SPIDERMON_VALIDATION_SCHEMAS = {ArticleItem: "newsbot.core.schema.ARTICLE_SCHEMA"}
SPIDERMON_VALIDATION_ADD_ERRORS_TO_ITEMS = True
SPIDERMON_VALIDATION_DROP_ITEMS_WITH_ERRORS = False
SPIDERMON_VALIDATION_ERRORS_FIELD = "_validation"
DOWNLOADER_MIDDLEWARES = {
    # Scrapy's, with concurrent waiters for robots.txt fixed (see newsbot/crawling/middlewares.py).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newsbot.crawling.middlewares.RobotsTxtMiddleware": 100,
    # After RedirectMiddleware (600): sees a 3xx before it is followed.
    "newsbot.crawling.middlewares.RedirectAliasMiddleware": 650,
}
EXTENSIONS = {
    # First: leaves Scrapy's start-up dumps and spidermon's banners out of an INFO log.
    "newsbot.crawling.logs.QuietLog": -100,
    # Scrapy's feed exporter, confirming each record's delivery to the run state (newsbot/crawling/feeds.py).
    "scrapy.extensions.feedexport.FeedExporter": None,
    "newsbot.crawling.feeds.FeedExporter": 0,
    "spidermon.contrib.scrapy.extensions.Spidermon": 500,
    # The run: run id, output paths, state store, delivery ledger (newsbot/run/, adapted by
    # newsbot/crawling/extensions/run.py).
    "newsbot.crawling.extensions.run.RunExtension": 550,
    # The worker processes the pipelines share (NEWSBOT_WORKERS).
    "newsbot.crawling.workers.WorkerPool": 560,
    "newsbot.crawling.extensions.report.CrawlReport": 600,
}
SPIDERMON_SPIDER_CLOSE_MONITORS = ("newsbot.crawling.monitors.SpiderCloseMonitorSuite",)
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
FEED_URI_PARAMS = "newsbot.crawling.feeds.uri_params"
FEED_EXPORT_ENCODING = "utf-8"
# The run's own feeds (records, failures: <output>/<spider>/<run>.jsonl and .failures.jsonl;
# offers and the report beside them) are built by the run, newsbot/run/ (Run.feeds): FEEDS
# is for the user's own (-o), which take the records in their place.

# --- incremental state (issue: scheduled runs) ----------------------------------------------
NEWSBOT_STATE = "state/newsbot.sqlite3"
"""Where runs remember what they delivered: a SQLite path (created on first use), or a
redis:// URL when the crawl is distributed with scrapy-redis. Empty to disable."""

# --- stories across publishers (issue 16) ----------------------------------------------------
NEWSBOT_STORIES = None
"""Where the story index lives: a SQLite path or a redis:// URL. Unset: beside NEWSBOT_STATE
(state/newsbot.stories.sqlite3, or the same Redis); in memory when there is no state."""
NEWSBOT_STORIES_ENABLED = True
"""False: records get no `story` (null)."""

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_FIELDS = None
# A record written to several JSON lines feeds is encoded once (newsbot/crawling/feeds.py).
FEED_EXPORTERS = {name: "newsbot.crawling.feeds.JsonLinesItemExporter" for name in ("jsonlines", "jsonl", "jl")}
FEED_STORAGES = {"": "newsbot.crawling.feeds.UnbufferedFileFeedStorage", "file": "newsbot.crawling.feeds.UnbufferedFileFeedStorage"}

# --- bounds: one page or one sitemap never stalls a crawl -----------------------------------
NEWSBOT_SITEMAP_MAX_DEPTH = 3
"""Levels of sitemap index followed below a start sitemap (robots.txt, -a sitemap=)."""
NEWSBOT_SITEMAP_MAX_COUNT = 1000
"""Sitemaps fetched in one run at most; the rest are listed as `sitemap_limit` failures."""
NEWSBOT_SITEMAP_MAXSIZE = 50 * 1024 * 1024
"""Bytes one sitemap may have, on the wire and once decompressed (the sitemaps protocol's
50 MB); pages keep DOWNLOAD_MAXSIZE."""
NEWSBOT_QUEUE_MAX = 20000
"""Requests waiting in the scheduler at most (about 3 KB of memory each); URLs discovered past
it are not queued in this run (`newsbot/skipped/queue_full`). 0: no cap (with JOBDIR the
waiting requests are on disk)."""
NEWSBOT_REDELIVER_EXPLICIT = True
"""Pages named with -a urls= are delivered even when an earlier run delivered them unchanged."""
NEWSBOT_PAGE_TIMEOUT = 30.0
"""Seconds one page's extraction may take; past it the page is a `timeout` failure (its
bytes kept for reprocessing) and the crawl goes on. 0 turns the bound off."""
NEWSBOT_PAGE_TIMEOUT_ABOVE = 512 * 1024
"""Pages of this many bytes or more run in a worker process with that deadline (a Python
thread cannot be stopped); smaller pages, taken apart in well under a second, stay inline."""
NEWSBOT_EXTRACTOR = "newsbot.crawling.pipelines.extract.extract_record"
"""The importable function (body, url, content_type, profile, locator) -> record dict."""
NEWSBOT_GENERIC_LOCATOR = "trafilatura"
"""What finds the story on a page no publisher profile knows: "trafilatura" (the cleanest
bodies) or "resiliparse" (several times faster, bodies a little less clean; trafilatura
still reads the pages where it finds little). See newsbot.core.extract.generic.LOCATORS."""

# --- database store (issue 10) -----------------------------------------------------------------
import os as _os  # noqa: E402

NEWSBOT_STORE = _os.environ.get("NEWSBOT_STORE") or None
"""Database URL the crawl writes records to: postgresql://... (psycopg 3) or sqlite:///path.
Unset: feeds only. The environment variable of the same name sets it too."""
NEWSBOT_STORE_BATCH = 500
"""Records per store transaction."""
NEWSBOT_STORE_RETRY = 30.0
"""After the store failed, seconds before a batch tries it again (batches meanwhile stay in the feed only)."""
# Last: it takes records once their feed line is written (item_scraped).
ITEM_PIPELINES["newsbot.crawling.pipelines.store.StorePipeline"] = 900

# --- raw archive (issue 10) ----------------------------------------------------------------------
NEWSBOT_ARCHIVE = _os.environ.get("NEWSBOT_ARCHIVE") or None
"""Folder for <run>.warc.gz: every article response (and failed page) as fetched, for
`newsbot reprocess`. Unset: no archive."""
# Next to the downloader (a high number): sees responses as received, before decompression
# and before redirects are followed.
DOWNLOADER_MIDDLEWARES["newsbot.archive.WarcArchiveMiddleware"] = 950
