"""Moneycontrol (moneycontrol.com): markets and business news, some Moneycontrol Pro (premium).

Sources: desiquant/news_scraper news_scraper/spiders/moneycontrol.py (monthly sitemaps
/news/sitemap/sitemap-post-YYYY-MM.xml; h1, h2.article_desc, div.article_author, story
paragraphs in div#contentdata, og:article:published_time); kovidgoyal/calibre
recipes/moneycontrol.recipe (story wrapper div[id^=article-], blocks to drop:
mid-arti-ad, related_stories_left_block, tags_wrapper, social_icons_wrapper). Article URLs
end in an 8-digit id (/news/business/markets/<slug>-12766424.html). Premium ("PRO")
stories: marker class not learned; the paywall markers below are our guesses, kept to the
words Moneycontrol prints ("Moneycontrol Pro").
"""

from .base import IST, Profile

PROFILE = Profile(
    name="moneycontrol",
    publisher="Moneycontrol",
    domains=("moneycontrol.com",),
    base_url="https://www.moneycontrol.com",
    site_names=("Moneycontrol", "moneycontrol"),
    article_url=r"/news/[a-z0-9/-]+-\d{7,9}\.html(?:$|[?#])",
    robots_sitemaps=True,
    dated_sitemaps=("/news/sitemap/sitemap-post-{yyyy}-{mm}.xml",),
    timezone=IST,
    date_order="DMY",
    currency="INR",
    headline=("h1.article_title", "h1"),
    standfirst=("h2.article_desc",),
    authors=("div.article_author a", "div.article_author"),
    story=("div#contentdata", "div[id^=article-] div.content_wrapper"),
    noise=("div.mid-arti-ad", "div.related_stories_left_block", "div.tags_wrapper", "div.social_icons_wrapper",
           "div.advSlotsWithoutGrayBox"),
    paywall=("div.pro_paywall",),
    premium_marker=("span.pro_tag", "[class*=premium-badge]"),
    furniture=(r"also read\b", r"disclaimer: the views and investment tips expressed by investment experts"),
    disclaimers=(),
    notes="Selectors from desiquant's spider and calibre's recipe; the PRO paywall's markup is a guess.",
)
