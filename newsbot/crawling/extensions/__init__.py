"""Scrapy extensions: the end-of-run report."""
