"""Spiders: discovery and fetching only. `publisher` crawls any publisher profile
(`-a profile=NAME`), `business_standard` is it with Business Standard's profile, `wire`
crawls any site from URLs, a sitemap or a feed."""
