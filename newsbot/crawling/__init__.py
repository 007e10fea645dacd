"""Thin Scrapy adapters: settings, items, spiders (discover and fetch), pipelines and
extensions (call the core and the run), feeds, middlewares, monitors, logs, worker processes."""
