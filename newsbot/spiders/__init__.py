"""Spiders: discovery and fetching only. `business_standard` for Business Standard, `wire`
for any site started from URLs, a sitemap or a feed."""
