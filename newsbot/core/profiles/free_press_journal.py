"""Free Press Journal (freepressjournal.in): PTI/IANS copy with FPJ's syndication note.

Sources: desiquant/news_scraper news_scraper/spiders/freepressjournal.py (daily sitemaps
/sitemap/sitemap-daily-YYYY-MM-DD.xml; h1, h2#heading-2 standfirst, a.author-name,
story paragraphs in article#fjp-article, meta[itemprop=datePublished]);
../shared/reference/publishers.md (disclaimer "(Except for the headline, this article has
not been edited by FPJ's editorial team and is auto-generated from a syndicated feed.)").
Article URLs carry no id (/business/<slug>).
"""

from .base import IST, Profile

PROFILE = Profile(
    name="free_press_journal",
    publisher="Free Press Journal",
    domains=("freepressjournal.in",),
    base_url="https://www.freepressjournal.in",
    site_names=("Free Press Journal", "The Free Press Journal"),
    article_url=r"://[^/]+/[a-z0-9-]+(?:/[a-z0-9-]+)?/[a-z0-9]+(?:-[a-z0-9]+){3,}/?(?:$|[?#])",
    robots_sitemaps=True,
    dated_sitemaps=("/sitemap/sitemap-daily-{yyyy}-{mm}-{dd}.xml",),
    timezone=IST,
    date_order="DMY",
    currency="INR",
    headline=("h1.article-heading", "h1"),
    standfirst=("h2#heading-2",),
    authors=("a.author-name",),
    story=("article#fjp-article",),
    noise=("div.fjp-ad", "div[class*=ad-container]", "div.also-read"),
    furniture=(r"also read\b", r"follow us on", r"stay updated with the latest"),
    disclaimers=(
        r"\(?except for the headline, this article has not been edited by fpj's editorial team and is "
        r"auto-generated from a syndicated feed\.?\)?",
    ),
    notes="Selectors from desiquant's spider.",
)
