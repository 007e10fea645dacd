#!/usr/bin/env python3
"""Render newsbot's offline sample site (Business Standard's page shapes) as static files.

    python samples/build_site.py                          # -> newsbot/samples/<publisher>/ (committed)
    python samples/build_site.py --out /tmp/big --copies 20   # BS alone, 1,280 article pages, for benchmarks

Business Standard's copy is described below; NDTV's, ThePrint's and Free Press Journal's
(the same wire stories, rewritten as those sites run them) are in samples/publishers.py.

The stories come from samples/articles.py. Output is deterministic: no clock, no unseeded
randomness. Absolute URLs are written with the token __BASE_URL__, which
newsbot/sample_site.py replaces with its own base URL when serving.

What gets written (URL path -> file under --out; extension-less paths are HTML files):

    /robots.txt                         disallows /content/ and friends; lists two sitemaps
    /sitemap/sitemap-index.xml          -> /sitemap/2026-october-1.xml, /sitemap/2026-november-1.xml
    /sitemap/google-news-sitemap.xml    20 newest articles + the AMP duplicate
    /rss/latest.rss, /rss/markets-106.rss
    /latest-news/page-1 .. page-N       16 cards a page (a.smallcard-title)
    /, /about-us                        non-article pages
    every article page (current or old layout), the AMP copy, the disallowed preview page,
    the broken page (garbage bytes), /_traps.json (server behaviours), /manifest.json (for tests)

--copies N repeats the 64 stories N times; copy k adds 1000*k to the 5-digit sequence of
each id (so ids, paths and canonical URLs are distinct). The traps belong to copy 0 only.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import shutil
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

HERE = Path(__file__).resolve().parent
PACKAGE_SAMPLES = HERE.parent / "newsbot" / "samples"
"""Where the sample site ships: package data, so `newsbot crawl-sample` works after `pip install .`."""
sys.path.insert(0, str(HERE))

from articles import (ARTICLES, NEWSVOIR, SECTIONS, article_path,  # noqa: E402
                      section_name)

BASE = "__BASE_URL__"
PER_PAGE = 16

# ---------------------------------------------------------------------------------- traps
REDIRECT_ID = "126110400007"
OLD_REDIRECT_PATH = "/article/news-ians/old-slug-126110400007_1.html"
SERVER_ERROR_ID = "126112400088"
AMP_ID = "126112500011"
NOT_FOUND_PATH = "/companies/news/withdrawn-results-preview-126111900901_1.html"
BROKEN_PATH = "/markets/news/nifty-options-expiry-explainer-126112100902_1.html"
PREVIEW_PATH = "/content/internal-preview-126112600999_1.html"
ABOUT_PATH = "/about-us"
# An article-shaped link to another host (the live site): a crawl must never request it.
OFFSITE_URL = "https://www.business-standard.com/india-news/partner-story-on-another-host-126112800998_1.html"
BROKEN_SEED = b"newsbot-sample-broken-page-v1"

# ------------------------------------------------------------------------------- paywall
METER = "You’ve reached your limit of {{free_limit}} free articles this month."
CALLS_TO_ACTION = ["Subscribe now for unlimited access.", "Already subscribed? Log in",
                   "Subscribe to read the full story →"]
PLANS = [  # name, price, term, per-month price (as printed)
    ("Smart Quarterly", "₹900", "3 Months", "₹300/Month"),
    ("Smart Essential", "₹2,700", "1 Year", "₹225/Month"),
    ("Smart Saver", "₹3,900", "2 Years", "₹162/Month"),
]
RENEWAL = "Renews automatically, cancel anytime"
BENEFITS_HEADING = "Here’s what’s included in our digital subscription plans"
BENEFITS = [
    ("Exclusive premium stories online", "Over 30 premium stories daily, handpicked by our editors"),
    ("Business Standard e-paper", "The digital replica of the daily newspaper, to read, save and share"),
    ("Curated newsletters", "Morning and evening briefings on markets, companies and policy"),
    ("Ad-light reading", "Fewer ads and faster pages on every device"),
]

ONLY_LABEL = "Disclaimer: "
SAMPLE_NOTE = "<!-- newsbot sample site: an invented story in Business Standard's page shape -->"


# ------------------------------------------------------------------------------- helpers
def esc(text: str) -> str:
    return html.escape(text, quote=True)


def url(path: str) -> str:
    return BASE + path


def when(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def clock(dt: datetime) -> str:
    hour = dt.hour % 12 or 12
    return f"{hour}:{dt:%M} {'AM' if dt.hour < 12 else 'PM'}"


def bs_stamp(iso: str) -> str:
    """'Nov 28 2026 | 7:32 AM IST', as the pages print dates."""
    dt = when(iso)
    return f"{dt:%b} {dt.day} {dt.year} | {clock(dt)} IST"


def json_script(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def newest_first(articles: list[dict]) -> list[dict]:
    return sorted(articles, key=lambda a: (a["published"], a["id"]), reverse=True)


def story_texts(a: dict) -> list[str]:
    """The story's paragraphs as printed: dateline before the first, suffix after the last."""
    texts = list(a["paragraphs"])
    if a["dateline"]:
        texts[0] = a["dateline"] + texts[0]
    if a["suffix"]:
        texts[-1] = texts[-1] + a["suffix"]
    return texts


def visible_texts(a: dict) -> list[str]:
    texts = story_texts(a)
    return texts[:2] if a["access"] == "premium" else texts


def visible_credit_lines(a: dict) -> list[str]:
    # Premium stories stop after two paragraphs: the trailer behind the paywall is not printed.
    return [] if a["access"] == "premium" else list(a["credit_lines"])


def make_copies(articles: list[dict], copies: int) -> list[dict]:
    out = []
    for k in range(copies):
        for a in articles:
            b = dict(a, copy=k)
            if k:
                seq = int(a["id"][7:]) + 1000 * k
                if seq > 99999:
                    raise SystemExit("too many copies: the 5-digit sequence overflows")
                b["id"] = a["id"][:7] + f"{seq:05d}"
                b["path"] = article_path(a["section"], a["slug"], b["id"])
            out.append(b)
    return out


# ------------------------------------------------------------------------ page fragments
def header_nav() -> str:
    return ('<header><nav><a href="/">Home</a> <a href="/latest-news/page-1">Latest News</a> '
            '<a href="/markets">Markets</a> <a href="/companies">Companies</a> <a href="/economy">Economy</a> '
            '<a href="/world-news">World News</a> <a href="/india-news">India News</a></nav></header>')


def footer() -> str:
    return ('<footer><a href="/about-us">About Us</a> <a href="/latest-news/page-1">Latest News</a>'
            '<p>newsbot sample site: invented stories in Business Standard’s page shapes.</p></footer>')


def breadcrumb(section: str) -> str:
    links = " / ".join(f'<a href="{esc(p)}">{esc(label)}</a>' for label, p in SECTIONS[section])
    return f'<div class="breadcrum"><a href="/">Home</a> / {links}</div>'


def paywall_inner() -> str:
    cards = "".join(
        f'<div class="subscription_planCard__k2"><h4>{esc(name)}</h4>'
        f'<span class="subscription_price__p1">{esc(price)}</span>'
        f'<span class="subscription_term__t1">{esc(term)}</span>'
        f'<span class="subscription_monthly__m1">{esc(monthly)}</span></div>'
        for name, price, term, monthly in PLANS)
    benefits = "".join(f"<li><h5>{esc(t)}</h5><p>{esc(d)}</p></li>" for t, d in BENEFITS)
    return (f'<p class="subscription_meter__q1">{esc(METER)}</p>\n'
            f'<p class="subscription_subtext__s2">{esc(CALLS_TO_ACTION[0])}</p>\n'
            f'<p class="subscription_login__l3"><a href="/login">{esc(CALLS_TO_ACTION[1])}</a></p>\n'
            f'<a class="subscription_cta__z9" href="/subscription-cart">{esc(CALLS_TO_ACTION[2])}</a>\n'
            f'<div class="subscription_plans__p4">{cards}</div>\n'
            f'<p class="subscription_renew__r5">{esc(RENEWAL)}</p>\n'
            f'<h3 class="subscription_benefitshead__b6">{esc(BENEFITS_HEADING)}</h3>\n'
            f'<ul class="subscription_benefits__b7">{benefits}</ul>')


def plan_widget() -> str:
    return f'<div class="subscription_subscriptionPlan__Ab12c">\n{paywall_inner()}\n</div>'


def premium_paywall() -> str:
    return f'<div class="BluePrintPaywall_BPstoryPaywall__Qw3e">\n{paywall_inner()}\n</div>'


def ld_json(a: dict) -> str:
    page = url(a["path"])
    return json_script({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": a["headline"], "description": a["standfirst"],
        "url": page, "mainEntityOfPage": page,
        "datePublished": a["published"], "dateModified": a["modified"],
        "author": [{"@type": "Person", "name": a["author"]}],
        "articleSection": section_name(a["section"]), "keywords": ", ".join(a["topics"]),
        "inLanguage": "en", "isAccessibleForFree": "True" if a["access"] == "free" else "False",
        "publisher": {"@type": "Organization", "name": "Business Standard"},
    })


def topic_slug(topic: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in topic.lower()).strip("-")


# ------------------------------------------------------------------------- page: current
def page_current(a: dict, also_read: dict | None, more: list[dict]) -> str:
    """The Next.js article page (docs/markup.md, 'Business Standard, current')."""
    texts = visible_texts(a)
    credits = visible_credit_lines(a)
    story: list[str] = []
    for i, text in enumerate(texts):
        story.append(f"<div>{esc(text)}</div>")
        if i == 0:
            story.append('<div class="advertisement-bg"><div id="between_article_content_1">Advertisement</div></div>')
        if i == 1 and also_read and len(texts) > 2:
            story.append(f'<div class="recommendsection"><strong class="read_more">Also Read</strong>'
                         f'<a href="{url(also_read["path"])}">{esc(also_read["headline"])}</a></div>')
        if i == 2 and len(texts) > 3:
            story.append('<div class="storyadsprg">Advertisement</div>')
    tail = [f"<div>{esc(line)}</div>" for line in credits]
    if a["disclaimer"]:
        tail.append(f"<div>{esc(a['disclaimer'])}</div>")
    story += tail
    html_content = "".join(f"<div>{esc(t)}</div>" for t in texts) + "".join(tail)
    story_html = "" if a["variant"] == "client_rendered" else "\n  " + "\n  ".join(story) + "\n"
    author_slug = topic_slug(a["author"])
    premium = a["access"] == "premium"
    topics = " ".join(f'<a href="/topic/{topic_slug(t)}">{esc(t)}</a>' for t in a["topics"])
    more_links = "".join(f'<a href="{url(m["path"])}">{esc(m["headline"])}</a>' for m in more)
    next_data = {"props": {"pageProps": {"data": {"articleId": a["id"], "title": a["headline"],
                                                  "isPremium": premium, "htmlContent": html_content}}},
                 "page": "/[...slug]", "query": {}, "buildId": "newsbot-sample", "isFallback": False}
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{SAMPLE_NOTE}
<title>{esc(a["headline"])} | Business Standard</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{url(a["path"])}">
<meta property="og:site_name" content="Business Standard">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a["headline"])}">
<meta property="og:url" content="{url(a["path"])}">
<meta name="description" content="{esc(a["standfirst"])}">
<meta property="article:published_time" content="{a["published"]}">
<meta property="article:modified_time" content="{a["modified"]}">
<script type="application/ld+json">{ld_json(a)}</script>
</head>
<body>
{header_nav()}
<main>
{breadcrumb(a["section"])}
{'<span class="MainStory_premiumlabel__x1Y2z">Premium</span>' if premium else ''}
<h1 class="stryhdtp">{esc(a["headline"])}</h1>
<h2 class="strydsc">{esc(a["standfirst"])}</h2>
<div class="MainStory_dtlauthinfo__u_CUx"><span class="MainStory_dtlauthinfo__u_CUx"><a href="/author/search/keyword/{author_slug}">{esc(a["author"])}</a></span>
  <div class="meta-info" data-expandedtime="Last Updated : {bs_stamp(a["modified"])}">Last Updated : {bs_stamp(a["modified"])}</div></div>
<div class="MainStory_storycontent__Pe3ys storycontent" id="parent_top_div">{story_html}</div>
{plan_widget() if a["access"] == "metered" else ''}{premium_paywall() if premium else ''}
<div class="MainStory_topiclisting__Pomc9">Topics : {topics}</div>
<div class="MainStory_telegram__t1">Don't miss the most important news and views of the day. Get them on our <a href="https://t.me/bsindia">Telegram channel</a></div>
<div class="MainStory_firstpublish__f1">First Published: {bs_stamp(a["published"])}</div>
<div class="MainStory_moresection__m1"><h3>More From This Section</h3>{more_links}</div>
</main>
{footer()}
<script id="__NEXT_DATA__" type="application/json">{json_script(next_data)}</script>
</body>
</html>
"""


# ----------------------------------------------------------------------------- page: old
DEAR_READER = ('<div class="dear-reader"><p>Dear Reader,</p><p>Business Standard has always strived hard to bring '
               'you up-to-date news and thoughtful commentary on developments that matter to you. Your support '
               'helps us keep doing that. Support quality journalism and subscribe to Business Standard.</p>'
               '<p>Digital Editor</p></div>')


def page_old(a: dict, amp: bool = False, amp_path: str | None = None) -> str:
    """The older /article/ page (docs/markup.md, 'older layout'); with amp=True its AMP copy."""
    texts = story_texts(a)
    bare = (len(texts) + 1) // 2  # first paragraphs as bare text with <br><br>, the rest in <p>
    body = "<br><br>".join(esc(t) for t in texts[:bare]) + "<br><br>\n  "
    body += "".join(f"<p>{esc(t)}</p>" for t in texts[bare:])
    body += "".join(f"<p>{esc(line)}</p>" for line in a["credit_lines"])
    if a["disclaimer"]:
        body += f"<p>{esc(a['disclaimer'])}</p>"
    city = f' <span class="author-city">{esc(a["byline_city"])}</span>' if a["byline_city"] else ""
    html_tag = '<html amp lang="en">' if amp else '<html lang="en">'
    amp_head = ('<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
                '<style amp-boilerplate>body{visibility:hidden}</style>\n') if amp else ""
    amp_link = f'<link rel="amphtml" href="{url(amp_path)}">\n' if amp_path and not amp else ""
    return f"""<!DOCTYPE html>
{html_tag}
<head>
<meta charset="utf-8">
{SAMPLE_NOTE}
{amp_head}<title>{esc(a["headline"])} | Business Standard News</title>
<link rel="canonical" href="{url(a["path"])}">
{amp_link}<meta name="author" content="{esc(a["author"])}">
<meta property="og:site_name" content="Business Standard">
<meta property="og:title" content="{esc(a["headline"])}">
<meta name="description" content="{esc(a["standfirst"])}">
<meta property="article:published_time" content="{a["published"]}">
<meta property="article:modified_time" content="{a["modified"]}">
<script type="application/ld+json">{ld_json(a)}</script>
</head>
<body>
<div id="header"><a href="/">Home</a> <a href="/latest-news/page-1">Latest News</a> <a href="/markets">Markets</a></div>
{breadcrumb(a["section"])}
<div class="main-cont-left">
<h1 class="headline">{esc(a["headline"])}</h1>
<h2 class="alternativeHeadline">{esc(a["standfirst"])}</h2>
<p class="fL"><span class="author-name">{esc(a["author"])}</span>{city}</p>
<p class="fL"><span class="date">Last Updated : {bs_stamp(a["modified"])}</span></p>
<span class="p-content">
  {body}
  {DEAR_READER}
</span>
</div>
{footer()}
</body>
</html>
"""


# -------------------------------------------------------------------- non-article pages
def page_listing(page_no: int, cards: list[tuple[dict, str]], last_page: int) -> str:
    """/latest-news/page-N: cards of (article, link path)."""
    items = []
    for a, link in cards:
        badge = '<span class="premium_categorytext__a1">Premium</span>' if a["access"] == "premium" else ""
        items.append(f'<div class="cardlist"><div class="listing-txt">{badge}'
                     f'<a class="smallcard-title" href="{url(link)}">{esc(a["headline"])}</a>'
                     f'<p class="smallcard-desc">{esc(a["standfirst"])}</p>'
                     f'<div class="smallcard-time">Updated On : {bs_stamp(a["modified"])}</div></div></div>')
    if page_no == 1:
        items.append(f'<div class="cardlist"><div class="listing-txt">'
                     f'<a class="smallcard-title" href="{OFFSITE_URL}">A partner story on another host</a></div></div>')
    prev = f'<a class="prev" rel="prev" href="/latest-news/page-{page_no - 1}">‹ Previous</a> ' if page_no > 1 else ""
    nxt = f'<a class="next" rel="next" href="/latest-news/page-{page_no + 1}">Next ›</a>' if page_no < last_page else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Latest News Today: Breaking News and Top Headlines, page {page_no} | Business Standard</title>
<link rel="canonical" href="{url(f"/latest-news/page-{page_no}")}">
<meta property="og:site_name" content="Business Standard">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/latest-news/page-1">Latest News</a> <a href="{ABOUT_PATH}">About Us</a> <a href="{PREVIEW_PATH}">Editor's preview</a></nav></header>
<main>
<h1>Latest News</h1>
<div class="listingstyle_cardlistlist__dfq57">
{chr(10).join(items)}
</div>
<div class="pagination">{prev}<span class="current">Page {page_no} of {last_page}</span> {nxt}</div>
</main>
{footer()}
</body>
</html>
"""


def page_home(top: list[dict]) -> str:
    links = "\n".join(f'<li><a class="top-story" href="{url(a["path"])}">{esc(a["headline"])}</a></li>' for a in top)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Business Standard: sample site</title>
<meta property="og:site_name" content="Business Standard"></head>
<body>
{header_nav()}
<main><h1>Top stories</h1><ul>
{links}
</ul><p><a href="/latest-news/page-1">All latest news</a> · <a href="{ABOUT_PATH}">About us</a></p></main>
{footer()}
</body>
</html>
"""


def page_about() -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>About Us | Business Standard</title>
<link rel="canonical" href="{url(ABOUT_PATH)}">
<meta property="og:site_name" content="Business Standard"></head>
<body>
{header_nav()}
<main><h1>About Us</h1>
<p>This is newsbot's offline sample site. It copies the shape of Business Standard's pages so the crawler
can be run and tested without a network; every story on it is invented.</p>
<p>This page is not an article and should give no record.</p></main>
{footer()}
</body>
</html>
"""


def preview_article() -> dict:
    """The page under /content/ (disallowed by robots.txt): article-shaped, so a crawler that
    ignored robots.txt would turn it into a record."""
    return {
        "id": "126112600999", "section": "india-news", "layout": "current", "slug": "internal-preview",
        "path": PREVIEW_PATH, "headline": "Internal preview: draft story not for publication",
        "standfirst": "An unpublished draft in the content staging area",
        "author": "Desk Editor", "agency": None, "published": "2026-11-26T09:00:00+05:30",
        "modified": "2026-11-26T09:00:00+05:30", "topics": ["Draft"],
        "paragraphs": ["This draft sits in the staging area and must never be crawled.",
                       "robots.txt disallows every path under /content/.",
                       "A crawler that fetched this page did not obey robots.txt."],
        "dateline": None, "suffix": None, "credit_lines": [], "byline_city": None, "disclaimer": None,
        "access": "free", "variant": None,
    }


def broken_page() -> bytes:
    """A response cut off mid-head and followed by garbage: deterministic bytes from a fixed seed."""
    prefix = (b'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
              b'<title>Nifty options expiry: what tr')
    stream = b"".join(hashlib.sha256(BROKEN_SEED + n.to_bytes(4, "big")).digest() for n in range(100))
    garbage = stream[:3100]
    assert b"\x00" in garbage[:4000]
    return prefix + garbage


# --------------------------------------------------------------------- machine-read files
def robots_txt() -> str:
    return ("User-agent: *\n"
            "Disallow: /content/\nDisallow: /charts\nDisallow: /include\nDisallow: /request-handler/\n"
            "Disallow: /comment/manager/\nDisallow: /poll/manager/\n\n"
            f"Sitemap: {BASE}/sitemap/sitemap-index.xml\n"
            f"Sitemap: {BASE}/sitemap/google-news-sitemap.xml\n")


def sitemap_index(entries: list[tuple[str, str]]) -> str:
    rows = "\n".join(f"<sitemap><loc>{url(p)}</loc><lastmod>{m}</lastmod></sitemap>" for p, m in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{rows}\n</sitemapindex>\n")


def sitemap_urlset(entries: list[tuple[str, str]]) -> str:
    rows = "\n".join(f"<url><loc>{url(p)}</loc><lastmod>{m}</lastmod></url>" for p, m in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{rows}\n</urlset>\n")


def news_sitemap(entries: list[tuple[str, dict]]) -> str:
    rows = "\n".join(
        f"<url><loc>{url(p)}</loc><lastmod>{a['modified']}</lastmod><news:news><news:publication>"
        f"<news:name>Business Standard</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{a['published']}</news:publication_date>"
        f"<news:title>{xml_escape(a['headline'])}</news:title></news:news></url>"
        for p, a in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
            f"{rows}\n</urlset>\n")


def rss(title: str, link: str, items: list[dict]) -> str:
    def item(a: dict) -> str:
        return (f"<item><title>{xml_escape(a['headline'])}</title><link>{url(a['path'])}</link>"
                f"<guid isPermaLink=\"true\">{url(a['path'])}</guid>"
                f"<description>{xml_escape(a['standfirst'])}</description>"
                f"<pubDate>{format_datetime(when(a['published']))}</pubDate>"
                f"<category>{xml_escape(section_name(a['section']))}</category></item>")
    built = max(a["modified"] for a in items)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            f"<title>{xml_escape(title)}</title>\n<link>{url(link)}</link>\n"
            "<description>Sample feed of newsbot's offline Business Standard copy</description>\n"
            f"<language>en</language>\n<lastBuildDate>{format_datetime(when(built))}</lastBuildDate>\n"
            + "\n".join(item(a) for a in items) + "\n</channel>\n</rss>\n")


# ------------------------------------------------------------------------------ manifest
def contributors(trailer: str) -> list[dict]:
    """'(Reporting by A in B; Editing by C and D)' -> [{role, name}, ...]."""
    out = []
    for part in trailer.strip("()").split(";"):
        role, _, names = part.strip().partition(" by ")
        for name in names.replace(" and ", ", ").split(", "):
            name = name.split(" in ")[0].strip()
            if name:
                out.append({"role": role.strip().lower(), "name": name})
    return out


def manifest_entry(a: dict, listed_in: list[str], trap: str | None) -> dict:
    credits = visible_credit_lines(a)
    desk = [d for d in credits[1].split("/") if d] if a["agency"] == "IANS" and len(credits) > 1 else []
    desk += next((c.split()[1:] for c in credits if a["agency"] == "PTI" and c.startswith("PTI ")), [])
    trailer = next((c for c in credits if c.startswith("(Reporting")), None)
    city = None
    if a["dateline"]:
        city = a["dateline"].split(" (")[0].split(" [")[0]
        city = city.rsplit(",", 1)[0] if a["agency"] in ("PTI", "ANI", "Reuters") else city.split(",")[0]
    printed = []
    if a["dateline"]:
        printed.append(a["dateline"].strip())
    if a["suffix"]:
        printed.append(a["suffix"].strip())
    printed += credits
    disclaimer = a["disclaimer"]
    return {
        "id": a["id"], "path": a["path"], "canonical_path": a["path"], "copy": a.get("copy", 0),
        "headline": a["headline"], "standfirst": a["standfirst"], "authors": [a["author"]],
        "agency": a["agency"], "access": a["access"], "section": a["section"],
        "section_name": section_name(a["section"]), "layout": a["layout"], "variant": a["variant"],
        "offers": len(PLANS) if a["access"] in ("metered", "premium") else 0,
        "has_paywall": a["access"] in ("metered", "premium"),
        "has_disclaimer": disclaimer is not None,
        "disclaimer": disclaimer[len(ONLY_LABEL):] if disclaimer and disclaimer.startswith(ONLY_LABEL) else disclaimer,
        "disclaimer_printed": disclaimer,
        "newsvoir": NEWSVOIR in credits,
        "paragraphs": len(visible_texts(a)), "paragraphs_total": len(a["paragraphs"]),
        "body": a["paragraphs"][:len(visible_texts(a))],
        "body_printed": visible_texts(a),
        "published": a["published"], "modified": a["modified"], "topics": a["topics"],
        "wire": None if a["agency"] is None else {
            "agency": a["agency"], "dateline": a["dateline"].strip() if a["dateline"] else None,
            "dateline_city": city, "byline_city": a["byline_city"], "printed_credits": printed, "desk": desk,
            "contributors": contributors(trailer) if trailer else []},
        "listed_in": listed_in, "trap": trap,
    }


# ---------------------------------------------------------------------------------- build
class Site:
    def __init__(self, out: Path):
        self.out = out
        self.files = 0

    def write(self, path: str, content: str | bytes) -> None:
        rel = "index.html" if path == "/" else path.lstrip("/")
        target = self.out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        self.files += 1


def month_sitemap_path(iso: str) -> str:
    dt = when(iso)
    return f"/sitemap/{dt.year}-{dt:%B}-1.xml".lower()


def build(out: Path, copies: int = 1) -> dict:
    if out.exists() and any(out.iterdir()):
        if not (out / "manifest.json").exists():
            raise SystemExit(f"{out} is not empty and holds no sample site (no manifest.json); not overwriting")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    site = Site(out)
    articles = make_copies(ARTICLES, copies)
    by_id = {a["id"]: a for a in articles}
    ordered = newest_first(articles)
    listed: dict[str, list[str]] = defaultdict(list)

    redirect_target = by_id[REDIRECT_ID]
    error_article = by_id[SERVER_ERROR_ID]
    amp_source = by_id[AMP_ID]
    amp_path = "/amp" + amp_source["path"]
    assert amp_source["layout"] == "old" and amp_source["agency"] == "IANS"
    preview = preview_article()

    # Article pages.
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for a in ordered:
        groups[(a.get("copy", 0), a["section"])].append(a)
    for n, a in enumerate(ordered):
        if a["layout"] == "old":
            site.write(a["path"], page_old(a, amp_path=amp_path if a is amp_source else None))
            continue
        also = ordered[(n + 1) % len(ordered)]
        more = [m for m in groups[(a.get("copy", 0), a["section"])] if m is not a][:3]
        site.write(a["path"], page_current(a, also, more))
    site.write(amp_path, page_old(amp_source, amp=True))
    site.write(PREVIEW_PATH, page_current(preview, None, []))
    site.write(BROKEN_PATH, broken_page())

    # Sitemaps: monthly (+ the 404, the broken page and the redirecting old URL), news.
    months: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a in ordered:
        months[month_sitemap_path(a["published"])].append((a["path"], a["modified"]))
    november = "/sitemap/2026-november-1.xml"
    months[november] += [(NOT_FOUND_PATH, "2026-11-19T18:30:00+05:30"),
                         (BROKEN_PATH, "2026-11-21T09:12:00+05:30"),
                         (OLD_REDIRECT_PATH, redirect_target["modified"])]
    index = []
    for path in sorted(months, key=lambda p: min(m for _, m in months[p])):
        entries = sorted(months[path], key=lambda e: (e[1], e[0]), reverse=True)
        site.write(path, sitemap_urlset(entries))
        index.append((path, entries[0][1]))
        for p, _ in entries:
            listed[p].append(path)
    site.write("/sitemap/sitemap-index.xml", sitemap_index(index))
    news = [(a["path"], a) for a in ordered[:20]] + [(amp_path, amp_source)]
    news.sort(key=lambda e: (e[1]["published"], e[0]), reverse=True)
    site.write("/sitemap/google-news-sitemap.xml", news_sitemap(news))
    for p, _ in news:
        listed[p].append("/sitemap/google-news-sitemap.xml")

    # Feeds. latest.rss also carries the disallowed preview page (a feed leaking a staging URL),
    # so obeying robots.txt is actually exercised.
    latest = newest_first(ordered[:30] + [preview])
    site.write("/rss/latest.rss", rss("Business Standard - Latest News", "/latest-news/page-1", latest))
    markets = [a for a in ordered if a["section"].startswith("markets/") or a["section"] == "news-cm"]
    site.write("/rss/markets-106.rss", rss("Business Standard - Markets", "/markets", markets))
    for a in latest:
        listed[a["path"]].append("/rss/latest.rss")
    for a in markets:
        listed[a["path"]].append("/rss/markets-106.rss")

    # Listing pages: every article once, newest first; the redirect target's card uses its old URL.
    pages = [ordered[i:i + PER_PAGE] for i in range(0, len(ordered), PER_PAGE)]
    for n, chunk in enumerate(pages, 1):
        cards = [(a, OLD_REDIRECT_PATH if a is redirect_target else a["path"]) for a in chunk]
        site.write(f"/latest-news/page-{n}", page_listing(n, cards, len(pages)))
        for _, link in cards:
            listed[link].append(f"/latest-news/page-{n}")

    site.write("/", page_home(ordered[:10]))
    site.write(ABOUT_PATH, page_about())
    site.write("/robots.txt", robots_txt())

    traps = {
        error_article["path"]: {"status": 500, "times": 1},
        OLD_REDIRECT_PATH: {"redirect": redirect_target["path"], "status": 301},
    }
    site.write("/_traps.json", json.dumps(traps, indent=2) + "\n")

    trap_of = {error_article["path"]: "server_error_once", redirect_target["path"]: "redirect_target",
               amp_source["path"]: "amp_canonical"}
    entries = [manifest_entry(a, listed[a["path"]], trap_of.get(a["path"])) for a in ordered]
    entries_by_path = {e["path"]: e for e in entries}
    entries_by_path[redirect_target["path"]]["listed_in"] += listed[OLD_REDIRECT_PATH]
    manifest = {
        "about": "newsbot sample site: what a crawl of it must give. Paths are relative to the server's base URL; "
                 "__BASE_URL__ in served files is replaced by it.",
        "copies": copies,
        "expected_records": len(articles),
        "expected_failures": [{"path": NOT_FOUND_PATH, "reason": "http_404"},
                              {"path": BROKEN_PATH, "reason": "binary"}],
        "never_requested": [PREVIEW_PATH],
        "offsite_links": [OFFSITE_URL],
        "counts": {
            "articles": len(articles),
            "by_agency": dict(sorted(Counter(a["agency"] or "staff" for a in articles).items())),
            "by_access": dict(sorted(Counter(a["access"] for a in articles).items())),
            "by_layout": dict(sorted(Counter(a["layout"] for a in articles).items())),
            "by_variant": dict(sorted(Counter(a["variant"] or "normal" for a in articles).items())),
            "with_disclaimer": sum(a["disclaimer"] is not None for a in articles),
            "with_offers": sum(a["access"] != "free" for a in articles),
            "files": None,
        },
        "traps": {
            "server_error_once": [error_article["path"]],
            "redirect": [OLD_REDIRECT_PATH],
            "not_found": [NOT_FOUND_PATH],
            "non_article": [ABOUT_PATH],
            "amp_duplicate": [amp_path],
            "broken": [BROKEN_PATH],
            "disallowed": [PREVIEW_PATH],
        },
        "trap_details": {
            error_article["path"]: {"kind": "server_error_once", "status": 500, "times": 1,
                                    "then": 200, "counts_as_record": True},
            OLD_REDIRECT_PATH: {"kind": "redirect", "status": 301, "to": redirect_target["path"],
                                "listed_in": listed[OLD_REDIRECT_PATH]},
            NOT_FOUND_PATH: {"kind": "not_found", "status": 404, "listed_in": listed[NOT_FOUND_PATH]},
            ABOUT_PATH: {"kind": "non_article", "linked_from": [f"/latest-news/page-{n}" for n in range(1, len(pages) + 1)]},
            amp_path: {"kind": "amp_duplicate", "canonical": amp_source["path"], "listed_in": listed[amp_path]},
            BROKEN_PATH: {"kind": "broken", "content_type": "text/html", "bytes": len(broken_page()),
                          "listed_in": listed[BROKEN_PATH]},
            PREVIEW_PATH: {"kind": "disallowed", "robots_rule": "Disallow: /content/",
                           "linked_from": [f"/latest-news/page-{n}" for n in range(1, len(pages) + 1)]
                           + ["/rss/latest.rss"]},
        },
        "paywall": {
            "meter_message": METER, "unrendered": ["{{free_limit}}"], "calls_to_action": CALLS_TO_ACTION,
            "offers": [{"plan": n, "price_text": p, "term_text": t, "monthly_price_text": m} for n, p, t, m in PLANS],
            "renewal": RENEWAL, "benefits_heading": BENEFITS_HEADING,
            "benefits": [{"title": t, "description": d} for t, d in BENEFITS],
        },
        "sitemaps": ["/sitemap/sitemap-index.xml"] + [p for p, _ in index] + ["/sitemap/google-news-sitemap.xml"],
        "feeds": ["/rss/latest.rss", "/rss/markets-106.rss"],
        "listing_pages": [f"/latest-news/page-{n}" for n in range(1, len(pages) + 1)],
        "articles": entries,
    }
    manifest["counts"]["files"] = site.files + 1
    site.write("/manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return manifest


FIRST_PORT = 8765
"""The sample site's first publisher's port; the others follow, in sites.json's order."""


def build_all(root: Path) -> dict:
    """Every publisher of the sample site under root/<profile>/, and root/sites.json naming them."""
    from publishers import PUBLISHERS, build_publisher, wire_stories

    root.mkdir(parents=True, exist_ok=True)
    bs = build(root / "business_standard")
    sites = [{"profile": "business_standard", "publisher": "Business Standard", "root": "business_standard",
              "records": bs["expected_records"]}]
    wire = wire_stories(ARTICLES)
    for pub in PUBLISHERS:
        m = build_publisher(root / pub.name, pub, wire)
        sites.append({"profile": pub.name, "publisher": pub.label, "root": pub.name, "records": m["expected_records"]})
    shared = defaultdict(dict)
    for site in sites[1:]:
        for e in json.loads((root / site["root"] / "manifest.json").read_text("utf-8"))["articles"]:
            shared[e["story_id"]][site["profile"]] = e["path"]
    for e in bs["articles"]:
        if e["id"] in shared:
            shared[e["id"]]["business_standard"] = e["path"]
    # A fixed loopback port per publisher, whichever are crawled: the port is part of every
    # key the state store and the database keep, so `--publisher ndtv` alone finds NDTV's
    # earlier records under the same URLs.
    for n, site in enumerate(sites):
        site["port"] = FIRST_PORT + n
    index = {"about": "newsbot's bundled sample site: one folder per publisher, each served on its own "
                      "loopback port with its own robots.txt, sitemaps and feeds (newsbot crawl-sample).",
             "sites": sites,
             "shared_stories": {k: dict(sorted(v.items())) for k, v in sorted(shared.items()) if len(v) > 2}}
    (root / "sites.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return index


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", help="build Business Standard's copy alone into this folder (benchmarks); "
                                  "default: every publisher under newsbot/samples/")
    ap.add_argument("--copies", type=int, default=1, help="repeat the article set N times (benchmarks; with --out)")
    args = ap.parse_args(argv)
    if args.copies < 1:
        ap.error("--copies must be at least 1")
    started = time.perf_counter()
    if not args.out:
        if args.copies != 1:
            ap.error("--copies needs --out")
        index = build_all(PACKAGE_SAMPLES)
        for s in index["sites"]:
            print(f"{PACKAGE_SAMPLES / s['root']}: {s['records']} article pages ({s['publisher']})")
        print(f"{len(index['shared_stories'])} stories run on three or more publishers; "
              f"built in {time.perf_counter() - started:.2f}s")
        return 0
    manifest = build(Path(args.out), args.copies)
    c = manifest["counts"]
    print(f"{args.out}: {c['articles']} article pages, {c['files']} files, "
          f"{len(manifest['listing_pages'])} listing pages in {time.perf_counter() - started:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
