"""Outlook India (outlookindia.com, business.outlookindia.com): PTI copy on news pages.

Sources: desiquant/news_scraper news_scraper/spiders/outlookindia.py (daily sitemaps
/sitemap/sitemap-daily-YYYY-MM-DD.xml on business.outlookindia.com; h1 headline,
div[data-test-id=subheadline], a[aria-label=author-name], story paragraphs in
div[data-test-id=text], dates from JSON-LD); kovidgoyal/calibre recipes/outlook_india.recipe
(story container class __story_detail, tag/related/share blocks to drop). Article URLs
carry no id (/national/<slug>), so any two-part path counts as an article.
"""

from .base import IST, Profile

PROFILE = Profile(
    name="outlook_india",
    publisher="Outlook India",
    domains=("outlookindia.com",),
    base_url="https://www.outlookindia.com",
    site_names=("Outlook India", "Outlook", "Outlook Business"),
    article_url=r"://[^/]+/[a-z0-9-]+/[a-z0-9]+(?:-[a-z0-9]+){3,}/?(?:$|[?#])",
    robots_sitemaps=True,
    dated_sitemaps=("/sitemap/sitemap-daily-{yyyy}-{mm}-{dd}.xml",),
    timezone=IST,
    date_order="DMY",
    currency="INR",
    headline=("h1",),
    standfirst=("div[data-test-id=subheadline]", "p.story-summary"),
    authors=("a[aria-label=author-name]",),
    story=("div[data-test-id=text]",),
    noise=("div.__tag_links", "div.__related_stories_thumbs", "div.social_sharing_article"),
    furniture=(r"also read\b",),
    disclaimers=(),
    notes="Selectors from desiquant's spider and calibre's recipe. Outlook prints no syndication note "
          "we know of; PTI copy is credited in the text.",
)
