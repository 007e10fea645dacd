"""Hindustan Times (hindustantimes.com): PTI/ANI/Reuters copy with HT's wire-feed note.

Sources: kovidgoyal/calibre recipes/hindustan_times.recipe (feeds
/feeds/rss/<section>/rssfeed.xml; story classes fullStory, storyDetails, detail,
freemiumText, paywall; furniture storyTopics, shareArticle, new__newsletter__signup,
freemium-card); ../shared/reference/publishers.md and extract/disclaimer.py (Mint/HT note
"This story has been published from a wire agency feed without modifications to the
text."). Article URLs end in a 15-digit id (/india-news/<slug>-101732512345678.html).
"""

from .base import IST, Profile

PROFILE = Profile(
    name="hindustan_times",
    publisher="Hindustan Times",
    domains=("hindustantimes.com",),
    base_url="https://www.hindustantimes.com",
    site_names=("Hindustan Times", "HT"),
    article_url=r"-\d{15}\.html(?:$|[?#])",
    robots_sitemaps=True,
    feeds=("/feeds/rss/india-news/rssfeed.xml", "/feeds/rss/world-news/rssfeed.xml",
           "/feeds/rss/business/rssfeed.xml"),
    timezone=IST,
    date_order="DMY",
    currency="INR",
    headline=("h1.hdg1", "h1"),
    standfirst=("h2.sortDec",),
    authors=("div.storyBy a", "div.storyBy"),
    date=("div.dateTime",),
    story=("div.storyDetails div.detail", "div.detail", "div.fullStory"),
    noise=("div.storyTopics", "div.shareArticle", "div.new__newsletter__signup", "div.freemium-card",
           "div.adMinHeight313", "div.embed_div"),
    paywall=("div.freemium-card", "div.paywall"),
    furniture=(r"catch all the latest", r"subscribe to our best newsletters", r"get latest news"),
    disclaimers=(
        r"\(?this story has been published from a wire agency feed without modifications to the text\.?"
        r"(?: only the headline has been changed\.?)?\)?",
    ),
    notes="Selectors from calibre's recipe (class names, not a stored page).",
)
