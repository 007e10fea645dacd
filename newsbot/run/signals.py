"""newsbot's own signals, in Scrapy's style (`crawler.signals.connect(handler, signal=...)`):
every one the project sends is declared here."""

record_written = object()
"""A record is durably in its feed (with a database store, NEWSBOT_STORE, it now waits for
the store's commit to count as delivered). Arguments: item, key. The run report counts
records from it; the store pipeline takes them from it."""

store_committed = object()
"""A batch of records is committed to the database store. Arguments: records (list of
dicts), run. Each record in it that waited is delivered then."""

run_reported = object()
"""The run report is built and written. Arguments: report (dict), spider, reason."""
