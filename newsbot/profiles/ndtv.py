"""NDTV (ndtv.com): story pages carrying PTI/IANS copy with NDTV's syndication note."""

from .base import IST, Profile

PROFILE = Profile(
    name="ndtv",
    publisher="NDTV",
    domains=("ndtv.com",),
    site_names=("NDTV", "NDTV.com", "NDTV Profit"),
    article_url=r"-\d{6,8}(?:$|[?#])",
    timezone=IST,
    day_first=True,
    headline=("h1.sp-ttl", "h1"),
    standfirst=("h2.sp-descp", "h2.sp-dsc"),
    authors=("span.pst-by_lnk a", "span.pst-by_lnk", "meta[name=author]::attr(content)"),
    date=("span.pst-by_lnk + span", "span[itemprop=dateModified]"),
    story=("div#ins_storybody", "div.sp-cn"),
    noise=("div.ins_instory_dv", "div.adhead", "div[class*=ad_]"),
)
