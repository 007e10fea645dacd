"""Business Standard (business-standard.com): current Next.js pages, older /article/ pages, AMP.

Sources: ../shared/reference/publishers.md (URLs, robots.txt sitemaps, RSS feeds, listing
cards, Next.js selectors, disclaimers, paywall); desiquant/news_scraper
news_scraper/spiders/businessstandard.py (monthly sitemaps); docs/markup.md.
"""

from .base import IST, Listing, Profile

PROFILE = Profile(
    name="business_standard",
    publisher="Business Standard",
    domains=("business-standard.com",),
    base_url="https://www.business-standard.com",
    site_names=("Business Standard",),
    # 12 digits = 1 + YYMMDD + a 5-digit sequence.
    article_url=r"-(\d{12})_1\.html$",
    url_date=r"-1(?P<yy>\d\d)(?P<mm>\d\d)(?P<dd>\d\d)\d{5}_1\.html$",
    # robots.txt lists /sitemap.xml, the sitemap index (monthly /sitemap/<year>-<month>-1.xml)
    # and the news sitemaps.
    robots_sitemaps=True,
    feeds=("/rss/latest.rss", "/rss/home_page_top_stories.rss", "/rss/markets-106.rss",
           "/rss/economy-policy-102.rss", "/rss/finance-103.rss", "/rss/companies-101.rss"),
    listings=(Listing(url="/latest-news/page-{n}", card="div.cardlist", link="a.smallcard-title::attr(href)",
                      date=".smallcard-time::text", pages=3),),
    timezone=IST,
    date_order="DMY",  # listings print "27 Nov 2026"; article pages "Mar 28 2026" (names, no ambiguity)
    currency="INR",
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
    furniture=(r"more from this section", r"don't miss the most important news", r"get them on our telegram",
               r"dear reader", r"business standard has always strived", r"support quality journalism",
               r"digital editor$", r"first published"),
    paywall=("div[class^=subscription_subscriptionPlan_]", "div[class^=BluePrintPaywall_BPstoryPaywall_]"),
    premium_marker=("[class*=premiumlabel]", "[class^=premium_categorytext]",
                    "div[class^=BluePrintPaywall_BPstoryPaywall_]"),
    after_story=("div[class^=MainStory_topiclisting]", "div[class*=telegram]", "div[class*=firstpublish]",
                 "div[class*=moresection]"),
    disclaimers=(
        r"\(?only the headline and picture of this report may have been reworked by the business standard staff; "
        r"the rest of the content is auto-generated from a syndicated feed\.?\)?",
        r"(?:disclaimer:\s*)?no business standard journalist was involved in (?:the )?creation of this content\.?",
    ),
    wire_sections=("news-ians", "pti-stories", "news-cm", "capital-market-news", "news-pti", "news-ani"),
    notes="Selectors from publishers.md; current pages are Next.js, the story HTML also sits in __NEXT_DATA__.",
)
