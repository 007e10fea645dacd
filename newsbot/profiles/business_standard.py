"""Business Standard (business-standard.com): current Next.js pages, older /article/ pages, AMP."""

from .base import IST, Profile

PROFILE = Profile(
    name="business_standard",
    publisher="Business Standard",
    domains=("business-standard.com",),
    site_names=("Business Standard",),
    # 12 digits = 1 + YYMMDD + a 5-digit sequence.
    article_url=r"-(\d{12})_1\.html$",
    timezone=IST,
    day_first=True,
    headline=("h1.stryhdtp", "h1.headline", "h1"),
    standfirst=("h2.strydsc", "h2.alternativeHeadline", "h2[class*=strydsc]"),
    authors=("span[class^=MainStory_dtlauthinfo] a", "span[class^=MainStory_dtlauthinfo]",
             "span.author-name"),
    date=("div.meta-info::attr(data-expandedtime)", "div.meta-info", "span.date"),
    section=("div.breadcrum a:last-child",),
    topics=("div[class^=MainStory_topiclisting] a",),
    story=("div[class*=MainStory_storycontent]", "div.storycontent", "#parent_top_div",
           "span.p-content", "div.p-content"),
    story_fallback_json=("props", "pageProps", "data", "htmlContent"),
    byline_credit=("p.fL:has(span.author-name)",),
    noise=("div.advertisement-bg", "div[id^=between_article_content_]", "div.storyadsprg",
           "div.recommendsection", "strong.read_more", "div.dear-reader", "div[class*=adv]"),
    paywall=("div[class^=subscription_subscriptionPlan_]", "div[class^=BluePrintPaywall_BPstoryPaywall_]"),
    premium_marker=("[class*=premiumlabel]", "[class^=premium_categorytext]", "div[class^=BluePrintPaywall_BPstoryPaywall_]"),
    furniture=(r"^business standard has always strived", r"^digital editor$",
               r"^don't miss the most important news"),
    after_story=("div[class^=MainStory_topiclisting]", "div[class*=telegram]", "div[class*=firstpublish]",
                 "div[class*=moresection]"),
)
