"""business_standard: the publisher spider with the Business Standard profile, under the name
cron jobs, Scrapyd schedules and the README have always used.

    scrapy crawl business_standard                       # the live site
    scrapy crawl business_standard -a base_url=http://127.0.0.1:8765   # a copy (the sample site)

Everything about the site (sitemaps, feeds, the latest-news listing, selectors, texts) is
in newsbot/core/profiles/business_standard.py; the same crawl is
`scrapy crawl publisher -a profile=business_standard`.
"""

from __future__ import annotations

from .publisher import PublisherSpider


class BusinessStandardSpider(PublisherSpider):
    name = "business_standard"
    fixed_profile = "business_standard"
