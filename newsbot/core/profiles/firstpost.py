"""Firstpost (firstpost.com): PTI/Reuters/ANI copy with "(With agency inputs)".

Sources: desiquant/news_scraper news_scraper/spiders/firstpost.py (daily sitemaps
/commonfeeds/v1/mfp/sitemap/daily/YYYY-MM-DD.xml; h1, span.less-cont standfirst,
div.art-dtls-info author links, div.art-content paragraphs, meta[itemprop=datePublished]);
kovidgoyal/calibre recipes/firstpost.recipe (feeds). Article URLs end in an 8-digit id
(/business/<slug>-11792501.html).
"""

from .base import IST, Profile

PROFILE = Profile(
    name="firstpost",
    publisher="Firstpost",
    domains=("firstpost.com",),
    base_url="https://www.firstpost.com",
    site_names=("Firstpost",),
    article_url=r"-\d{7,9}\.html(?:$|[?#])",
    robots_sitemaps=True,
    dated_sitemaps=("/commonfeeds/v1/mfp/sitemap/daily/{yyyy}-{mm}-{dd}.xml",),
    timezone=IST,
    date_order="DMY",
    currency="INR",
    headline=("h1.art-heading", "h1"),
    standfirst=("span.less-cont", "h2.art-sub-heading"),
    authors=("div.art-dtls-info a",),
    story=("div.art-content",),
    noise=("div.art-ad", "div[class*=ad-slot]", "div.also-read"),
    furniture=(r"also read\b", r"follow us on"),
    disclaimers=(),
    notes="Selectors from desiquant's spider; Firstpost prints no syndication note we know of.",
)
