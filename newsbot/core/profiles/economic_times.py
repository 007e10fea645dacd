"""The Economic Times (economictimes.indiatimes.com): PTI/Reuters copy, ET Prime premium stories.

Sources: desiquant/news_scraper news_scraper/spiders/economictimes.py (monthly sitemaps
/etstatic/sitemaps/et/<Year>-<Month name>-1.xml and -2.xml; h1, h2.summary, div.auth,
story text in div.artText, dates from JSON-LD). Article URLs: .../articleshow/<id>.cms
(the same scheme as the Times of India, its sister site). ET Prime's paywall markup: not
learned; premium is read from JSON-LD isAccessibleForFree and the generic paywall finder.
"""

from .base import IST, Profile

PROFILE = Profile(
    name="economic_times",
    publisher="The Economic Times",
    domains=("economictimes.indiatimes.com",),
    base_url="https://economictimes.indiatimes.com",
    site_names=("The Economic Times", "Economic Times", "ETMarkets"),
    article_url=r"/articleshow/\d+\.cms(?:$|[?#])",
    robots_sitemaps=True,
    dated_sitemaps=("/etstatic/sitemaps/et/{yyyy}-{Month}-1.xml", "/etstatic/sitemaps/et/{yyyy}-{Month}-2.xml"),
    timezone=IST,
    date_order="DMY",
    currency="INR",
    headline=("h1.artTitle", "h1"),
    standfirst=("h2.summary",),
    authors=("div.auth a", "div.auth"),
    story=("div.artText",),
    noise=("div.adContainer", "div[class*=ad_]", "div.readMore"),
    furniture=(r"also read\b", r"\(you can now subscribe to our etmarkets whatsapp channel\)",
               r"catch all the business news"),
    disclaimers=(),
    notes="Selectors from desiquant's spider; ET Prime paywall markup not learned.",
)
