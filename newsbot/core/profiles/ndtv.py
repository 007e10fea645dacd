"""NDTV (ndtv.com): story pages carrying PTI/IANS/ANI copy with NDTV's syndication note.

Sources: ../shared/reference/publishers.md (disclaimer texts); stored public code using
https://www.ndtv.com/sitemap/google-news-sitemap, /sitemaps/india-news.xml and
/sitemap.xml?yyyy=..&mm=..&sitename=ndtv-news (found with find_string "ndtv.com/sitemap");
its top-stories feed lives on feedburner.com, another host, so it is not listed. Article URLs end in a
7-digit story id (/india-news/<slug>-9723154). Story markup (h1.sp-ttl, h2.sp-descp,
span.pst-by_lnk, div#ins_storybody, div.ins_instory_dv ads) is the shape of
tests/fixtures/pages/ndtv_pti.html, which we wrote from NDTV's story page layout; not
confirmed against a stored live page.
"""

from .base import IST, Profile

PROFILE = Profile(
    name="ndtv",
    publisher="NDTV",
    domains=("ndtv.com",),
    base_url="https://www.ndtv.com",
    site_names=("NDTV", "NDTV.com"),
    article_url=r"/[a-z0-9-]+-\d{6,8}/?(?:$|[?#])",
    robots_sitemaps=True,
    sitemaps=("/sitemap/google-news-sitemap", "/sitemaps/india-news.xml"),
    timezone=IST,
    date_order="DMY",
    currency="INR",
    headline=("h1.sp-ttl", "h1"),
    standfirst=("h2.sp-descp", "h2.sp-dsc"),
    authors=("span.pst-by_lnk a", "span.pst-by_lnk", "meta[name=author]::attr(content)"),
    date=("span.pst-by_lnk + span", "span[itemprop=dateModified]"),
    story=("div#ins_storybody", "div.sp-cn"),
    noise=("div.ins_instory_dv", "div.adhead", "div[class*=ad_]"),
    after_story=("div.sp-trk",),
    furniture=(r"track latest news live on ndtv\.com", r"advertisement$"),
    disclaimers=(
        r"\(?except for the headline, this story has not been edited by ndtv staff and is published from a syndicated feed\.?\)?",
        r"\(?this story has not been edited by ndtv staff and is auto-generated from a syndicated feed\.?\)?",
    ),
    wire_sections=(),
    notes="No paywall. Selectors written from NDTV's story layout, not from a stored page.",
)
