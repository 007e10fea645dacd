"""The Times of India (timesofindia.indiatimes.com): PTI/IANS/ANI copy, TOI+ premium stories.

Sources: flairNLP/fundus src/fundus/publishers/ind/__init__.py (news sitemaps
/sitemap/today and /sitemap/yesterday, feeds rssfeedstopstories.cms and
rssfeedmostrecent.cms) and src/fundus/publishers/ind/times_of_india.py (story paragraphs
in div._s30J, summary div.M1rHh, date and authors from JSON-LD, og:title without
" - Times of India"). Article URLs: /<section>/<slug>/articleshow/<id>.cms. The story
container's class names are generated and change; the profile keeps the one Fundus uses
and the current page's div[data-articlebody="1"] (2026: paragraphs parted by empty
`span.id-r-component.br`, read as line breaks by html.html_tree), and lets the generic path
take over when both are gone.
"""

from .base import IST, Profile

PROFILE = Profile(
    name="times_of_india",
    publisher="The Times of India",
    domains=("timesofindia.indiatimes.com",),
    base_url="https://timesofindia.indiatimes.com",
    site_names=("The Times of India", "Times Of India", "TOI"),
    article_url=r"/articleshow/\d+\.cms(?:$|[?#])",
    robots_sitemaps=True,
    sitemaps=("/sitemap/today", "/sitemap/yesterday"),
    feeds=("/rssfeedstopstories.cms", "/rssfeedmostrecent.cms"),
    timezone=IST,
    date_order="DMY",
    currency="INR",
    headline=("h1",),
    standfirst=("div.M1rHh",),
    story=("div._s30J", "div[data-articlebody='1']"),
    noise=("div[class*=adBox]", "div.vdo_embedd", "div[data-type=in_view]"),
    furniture=(r"also read\b", r"follow more stories on"),
    disclaimers=(),
    notes="Selectors from Fundus' parser (generated class names; they change).",
)
