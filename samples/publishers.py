"""The sample site's other publishers: NDTV, ThePrint and Free Press Journal, each its own
site (own robots.txt, sitemaps, feeds) carrying some of the same IANS/PTI/ANI/Reuters
stories that the Business Standard copy carries, as real sites run them: headline
rewritten, a paragraph trimmed, their own disclaimer and furniture, published at other
times. Pages follow the shapes of tests/fixtures/pages/{ndtv_pti,theprint_pti,
free_press_journal_ians}.html. Called by build_site.py; every sentence is our own.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from build_site import (BASE, REDIRECT_ID, SERVER_ERROR_ID, Site, esc, json_script, manifest_entry,  # noqa: E402
                        sitemap_index, sitemap_urlset, story_texts, url, when)

AGENCIES = ("IANS", "PTI", "ANI", "Reuters")
NOTE = "<!-- newsbot sample site: an invented story in {name}'s page shape -->"


@dataclass(frozen=True)
class Publisher:
    name: str
    """Profile name; also the site's folder."""
    label: str
    agencies: tuple[str, ...]
    pick: int
    """Stories are taken when their position in the wire list, modulo 3, is not this."""
    delay_minutes: int
    """How much later than Business Standard the story goes up."""


PUBLISHERS = (
    Publisher("ndtv", "NDTV", ("IANS", "PTI", "ANI"), pick=2, delay_minutes=9),
    Publisher("theprint", "ThePrint", ("PTI", "ANI", "Reuters"), pick=1, delay_minutes=23),
    Publisher("free_press_journal", "Free Press Journal", ("IANS", "PTI"), pick=0, delay_minutes=47),
)

NDTV_DISCLAIMER = ("(Except for the headline, this story has not been edited by NDTV staff and is published "
                   "from a syndicated feed.)")
FPJ_DISCLAIMER = ("(Except for the headline, this article has not been edited by FPJ's editorial team and is "
                  "auto-generated from a syndicated feed.)")


def theprint_disclaimer(agency: str) -> str:
    return f"This report is auto-generated from {agency} news service. ThePrint holds no responsibility for its content."


def wire_stories(articles: list[dict]) -> list[dict]:
    """The wire stories other sites may carry: agency copy that is not a press release and
    not one of Business Standard's trap pages, oldest first."""
    out = [a for a in articles if a["agency"] in AGENCIES and a.get("copy", 0) == 0
           and not any("NewsVoir" in c for c in a["credit_lines"]) and a["id"] not in (REDIRECT_ID, SERVER_ERROR_ID)]
    return sorted(out, key=lambda a: (a["published"], a["id"]))


def title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


def city_of(a: dict) -> str | None:
    if not a["dateline"]:
        return None
    return a["dateline"].split(" (")[0].split(" [")[0].split(",")[0].strip().title()


def rewrite(pub: Publisher, a: dict, n: int) -> dict:
    """Business Standard's story as `pub` runs it."""
    b = dict(a)
    published = when(a["published"]) + timedelta(minutes=pub.delay_minutes)
    b["published"] = published.isoformat()
    b["modified"] = (published + timedelta(minutes=3)).isoformat()
    paras = list(a["paragraphs"])
    if pub.name == "ndtv":
        b["headline"] = title_case(a["headline"])
        if len(paras) >= 4:
            paras = paras[:-1]  # the last paragraph trimmed
        b["disclaimer"] = NDTV_DISCLAIMER
        section = "world-news" if a["section"] in ("world-news", "international") else "india-news"
        b["path"] = f"/{section}/{a['slug']}-{9720000 + n}"
    elif pub.name == "theprint":
        b["headline"] = f"{a['headline']}, say officials" if a["agency"] != "Reuters" else f"{a['headline']}: report"
        if len(paras) >= 4:
            paras = paras[:-2] + paras[-1:]  # the second-last paragraph trimmed
        b["disclaimer"] = theprint_disclaimer(a["agency"])
        section = "world" if a["section"] in ("world-news", "international") else "india"
        b["path"] = f"/{section}/{a['slug']}/{2418000 + n}/"
    else:
        b["headline"] = f"{city_of(a) or 'India'}: {title_case(a['headline'])}"
        if len(paras) >= 3:
            paras = paras[:-1]
        b["disclaimer"] = FPJ_DISCLAIMER
        section = "business" if a["section"].startswith(("companies", "markets", "economy")) else "india"
        b["path"] = f"/{section}/{a['slug']}"
    b["paragraphs"] = copy_edits(pub, paras, n)
    b["section"] = section
    b["access"] = "free"  # none of these three runs a paywall on wire copy
    b["byline_city"] = None
    b["layout"] = pub.name
    b["variant"] = None
    b["story_id"] = a["id"]
    b["bs_section"] = a["section"]
    return b


def copy_edits(pub: Publisher, paras: list[str], n: int) -> list[str]:
    """What desks do to wire copy besides cuts, on some of the stories (issue 16: a story must
    still be found): ThePrint splits a long paragraph in two, Free Press Journal merges two
    short ones, NDTV changes a word ("said" -> "stated")."""
    paras = list(paras)
    if pub.name == "theprint" and n % 2 == 0 and len(paras) >= 3 and ", " in paras[1]:
        head, tail = paras[1].split(", ", 1)
        paras[1:2] = [head + ",", tail]
    elif pub.name == "free_press_journal" and n % 2 == 1 and len(paras) >= 3:
        paras[1:3] = [paras[1] + " " + paras[2]]
    elif pub.name == "ndtv" and n % 2 == 1 and len(paras) >= 2 and " said" in paras[-1]:
        paras[-1] = paras[-1].replace(" said", " stated", 1)
    return paras


def trap_stories(pub: Publisher) -> list[dict]:
    """The story traps this publisher carries (samples/story_traps.py), as it runs them."""
    from story_traps import placements_for

    out = []
    for i, (a, relation, trap, story_id) in enumerate(placements_for(pub.name)):
        b = rewrite(pub, a, 100 + i)
        b["story_id"], b["story_relation"], b["story_trap"] = story_id, relation, trap
        if relation == "partial":
            # The publisher's own story: its own headline, paragraphs and byline, no syndication note.
            b["headline"], b["paragraphs"], b["disclaimer"] = a["headline"], list(a["paragraphs"]), None
        out.append(b)
    return out


# ------------------------------------------------------------------------------ pages
def ld(b: dict, publisher: str) -> str:
    return json_script({"@context": "https://schema.org", "@type": "NewsArticle", "headline": b["headline"],
                        "description": b["standfirst"], "datePublished": b["published"], "dateModified": b["modified"],
                        "author": {"@type": "Person", "name": b["author"]}, "articleSection": b["section_name"],
                        "keywords": ", ".join(b["topics"]), "inLanguage": "en",
                        "publisher": {"@type": "Organization", "name": publisher}})


def head(b: dict, site_name: str, publisher: str) -> str:
    return f"""<meta charset="utf-8">
{NOTE.format(name=publisher)}
<title>{esc(b["headline"])} | {esc(publisher)}</title>
<link rel="canonical" href="{url(b["path"])}">
<meta name="description" content="{esc(b["standfirst"])}">
<meta property="og:site_name" content="{esc(site_name)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(b["headline"])}">
<meta property="og:url" content="{url(b["path"])}">
<meta property="article:published_time" content="{b["published"]}">
<meta property="article:modified_time" content="{b["modified"]}">
<script type="application/ld+json">{ld(b, publisher)}</script>"""


def ist_clock(iso: str) -> str:
    dt = when(iso)
    hour = dt.hour % 12 or 12
    return f"{dt:%B} {dt.day}, {dt.year} {hour}:{dt:%M} {'am' if dt.hour < 12 else 'pm'} IST"


def page_ndtv(b: dict) -> str:
    texts = story_texts(b)
    paras = []
    for i, t in enumerate(texts):
        paras.append(f"<p>{esc(t)}</p>")
        if i == 1:
            paras.append('<div class="ins_instory_dv"><div class="adhead">Advertisement</div><div id="adslot_instory_1"></div></div>')
    paras += [f"<p>{esc(c)}</p>" for c in b["credit_lines"]]
    paras.append(f"<p>{esc(b['disclaimer'])}</p>")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{head(b, "NDTV.com", "NDTV")}
</head>
<body class="story_pg">
<header class="glb-hdr"><nav class="glb-nav"><ul><li><a href="/">Home</a></li><li><a href="/india">India</a></li><li><a href="/world-news">World</a></li></ul></nav></header>
<div class="vjl-cntr"><div class="vjl-row"><div class="vjl-md-8">
<nav class="brd-nv"><a href="/">Home</a> <a href="/{b["section"]}">{esc(b["section_name"])}</a></nav>
<article class="sp-wrp">
<h1 class="sp-ttl">{esc(b["headline"])}</h1>
<h2 class="sp-descp">{esc(b["standfirst"])}</h2>
<nav class="pst-by"><span class="pst-by_lnk"><a href="/topic/{b["agency"].lower()}">{esc(b["author"])}</a></span> <span class="pst-by_li">{esc(b["section_name"])}</span> <span class="pst-by_li">Updated: {ist_clock(b["modified"])}</span></nav>
<div class="sp-cn ins_storybody" id="ins_storybody">
{chr(10).join(paras)}
</div>
</article>
<div class="sp-trk">Track Latest News Live on NDTV.com and get news updates from India and around the world</div>
</div></div></div>
<footer class="ftr"><p>newsbot sample site: invented stories in NDTV's page shape.</p></footer>
</body>
</html>
"""


def page_theprint(b: dict) -> str:
    texts = story_texts(b)
    paras = []
    for i, t in enumerate(texts):
        paras.append(f"<p>{esc(t)}</p>")
        if i == 1 and len(texts) > 2:
            paras.append(f'<p><strong>Also read: </strong><a href="/{b["section"]}/">More from {esc(b["section_name"])}</a></p>')
    paras += [f"<p>{esc(c)}</p>" for c in b["credit_lines"]]
    if b["disclaimer"]:
        paras.append(f"<p><em>{esc(b['disclaimer'])}</em></p>")
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
{head(b, "ThePrint", "ThePrint")}
</head>
<body class="post-template-default single single-post td-standard-pack">
<div class="td-header-wrap"><ul id="menu-main"><li><a href="/category/india/">India</a></li><li><a href="/category/world/">World</a></li></ul></div>
<div class="td-main-content-wrap td-container-wrap"><div class="td-container">
<article class="post type-post status-publish format-standard">
<div class="td-post-header">
<header class="td-post-title">
<h1 class="entry-title">{esc(b["headline"])}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><a href="/author/{(b["agency"] or b["author"]).lower().replace(" ", "-")}/">{esc(b["agency"] or b["author"])}</a></div>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{b["published"]}">{ist_clock(b["published"])}</time></span></div>
</header>
</div>
<div class="td-post-content tagdiv-type">
{chr(10).join(paras)}
</div>
<div class="td-post-source-tags"><ul class="td-tags"><li><span>Tags</span></li>{"".join(f'<li><a href="/tag/{esc(t.lower().replace(" ", "-"))}/">{esc(t)}</a></li>' for t in b["topics"])}</ul></div>
</article>
<div class="support-our-journalism"><h4>Subscribe to our channels on YouTube &amp; Telegram</h4><a href="/subscribe/">Support Our Journalism</a></div>
</div></div>
<div class="td-footer-wrap"><p>newsbot sample site: invented stories in ThePrint's page shape.</p></div>
</body>
</html>
"""


def page_fpj(b: dict) -> str:
    texts = story_texts(b)
    paras = []
    for i, t in enumerate(texts):
        paras.append(f"<p>{esc(t)}</p>")
        if i == 0:
            paras.append('<div class="fjp-ad">Advertisement</div>')
    paras += [f"<p>{esc(c)}</p>" for c in b["credit_lines"]]
    paras.append(f"<p>{esc(b['disclaimer'])}</p>")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{head(b, "Free Press Journal", "Free Press Journal")}
</head>
<body>
<header id="fpj-header"><a href="/">Free Press Journal</a><nav><a href="/india">India</a> <a href="/business">Business</a></nav></header>
<div class="fpj-container">
<div class="fpj-breadcrumb"><a href="/">Home</a> / <a href="/{b["section"]}">{esc(b["section"].title())}</a></div>
<h1 class="article-heading">{esc(b["headline"])}</h1>
<h2 id="heading-2">{esc(b["standfirst"])}</h2>
<div class="author-details"><a class="author-name" href="/author/{b["agency"].lower()}">{esc(b["agency"])}</a> <span class="publish-date">Updated: {ist_clock(b["modified"])}</span></div>
<article id="fjp-article">
{chr(10).join(paras)}
</article>
<div class="also-read-section"><span>Stay updated with the latest news on Free Press Journal</span></div>
</div>
<footer><p>newsbot sample site: invented stories in Free Press Journal's page shape.</p></footer>
</body>
</html>
"""


PAGES = {"ndtv": page_ndtv, "theprint": page_theprint, "free_press_journal": page_fpj}


def news_sitemap(name: str, stories: list[dict]) -> str:
    rows = "\n".join(
        f"<url><loc>{url(b['path'])}</loc><lastmod>{b['modified']}</lastmod><news:news><news:publication>"
        f"<news:name>{xml_escape(name)}</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{b['published']}</news:publication_date>"
        f"<news:title>{xml_escape(b['headline'])}</news:title></news:news></url>" for b in stories)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n{rows}\n</urlset>\n')


def rss(title: str, stories: list[dict]) -> str:
    items = "\n".join(f"<item><title>{xml_escape(b['headline'])}</title><link>{url(b['path'])}</link>"
                      f"<pubDate>{format_datetime(when(b['published']))}</pubDate></item>" for b in stories)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            f"<title>{xml_escape(title)}</title>\n<link>{BASE}/</link>\n{items}\n</channel>\n</rss>\n")


def newest(stories):
    return sorted(stories, key=lambda b: (b["published"], b["path"]), reverse=True)


def build_publisher(out: Path, pub: Publisher, wire: list[dict]) -> dict:
    if out.exists() and any(out.iterdir()):
        if not (out / "manifest.json").exists():
            raise SystemExit(f"{out} is not empty and holds no sample site (no manifest.json); not overwriting")
        shutil.rmtree(out)
    site = Site(out)
    stories = [rewrite(pub, a, n) for n, a in enumerate(wire)
               if a["agency"] in pub.agencies and n % 3 != pub.pick]
    stories += trap_stories(pub)
    listed: dict[str, list[str]] = {}
    for b in stories:
        b["section_name"] = {"india-news": "India News", "world-news": "World News", "india": "India",
                             "world": "World", "business": "Business"}[b["section"]]
        site.write(b["path"] + ("index.html" if b["path"].endswith("/") else ""), PAGES[pub.name](b))
        listed[b["path"]] = []

    def note(path: str, where: str):
        listed[path].append(where)

    disallowed = "/search/"
    if pub.name == "ndtv":
        # robots.txt names the news sitemap and the per-section sitemaps.
        sitemaps = ["/sitemap/google-news-sitemap", "/sitemaps/india-news.xml", "/sitemaps/world-news.xml"]
        site.write("/sitemap/google-news-sitemap", news_sitemap("NDTV", newest(stories)[:10]))
        for b in newest(stories)[:10]:
            note(b["path"], "/sitemap/google-news-sitemap")
        for sec in ("india-news", "world-news"):
            part = [b for b in newest(stories) if b["section"] == sec]
            site.write(f"/sitemaps/{sec}.xml", sitemap_urlset([(b["path"], b["modified"]) for b in part]))
            for b in part:
                note(b["path"], f"/sitemaps/{sec}.xml")
        feeds = []
    elif pub.name == "theprint":
        # A Yoast-style sitemap index, a news sitemap and the WordPress feed at /feed/.
        sitemaps = ["/sitemap_index.xml", "/news-sitemap.xml"]
        site.write("/post-sitemap1.xml", sitemap_urlset([(b["path"], b["modified"]) for b in newest(stories)]))
        site.write("/sitemap_index.xml", sitemap_index([("/post-sitemap1.xml", newest(stories)[0]["modified"])]))
        site.write("/news-sitemap.xml", news_sitemap("ThePrint", newest(stories)[:8]))
        site.write("/feed/index.rss", rss("ThePrint", newest(stories)[:12]))
        for b in stories:
            note(b["path"], "/post-sitemap1.xml")
        feeds = ["/feed/"]
    else:
        # An index of daily sitemaps, as the live site names them.
        days: dict[str, list[dict]] = {}
        for b in stories:
            days.setdefault(b["published"][:10], []).append(b)
        index = []
        for day in sorted(days):
            path = f"/sitemap/sitemap-daily-{day}.xml"
            part = newest(days[day])
            site.write(path, sitemap_urlset([(b["path"], b["modified"]) for b in part]))
            index.append((path, part[0]["modified"]))
            for b in part:
                note(b["path"], path)
        site.write("/sitemap/sitemap-index.xml", sitemap_index(index))
        sitemaps = ["/sitemap/sitemap-index.xml"]
        feeds = []
    site.write("/robots.txt", "User-agent: *\n" f"Disallow: {disallowed}\n\n"
               + "".join(f"Sitemap: {BASE}{s}\n" for s in sitemaps))
    site.write("/", f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{esc(pub.label)}: sample site</title></head>"
                    f"<body><h1>{esc(pub.label)}</h1><ul>"
                    + "".join(f'<li><a href="{url(b["path"])}">{esc(b["headline"])}</a></li>' for b in newest(stories)[:10])
                    + "</ul></body></html>\n")
    entries = [dict(manifest_entry(dict(b, section=b["bs_section"]), listed[b["path"]], None),
                    section=b["section"], section_name=b["section_name"], story_id=b["story_id"], publisher=pub.label,
                    story_relation=b.get("story_relation"), story_trap=b.get("story_trap"))
               for b in newest(stories)]
    for e, b in zip(entries, newest(stories)):
        if b["agency"] is None and b["credit_lines"]:
            # An own story's "With inputs from PTI": the credit names the agency the page drew on.
            e["agency"] = "PTI"
            e["wire"] = {"agency": "PTI", "dateline": None, "dateline_city": None, "byline_city": None,
                         "printed_credits": list(b["credit_lines"]), "desk": [], "contributors": []}
    if pub.name == "theprint":
        for e, b in zip(entries, newest(stories)):
            if e["wire"] and b["agency"]:
                # ThePrint prints the agency as the story's author (td-post-author-name): the
                # first credit on its page.
                e["wire"]["printed_credits"] = [b["agency"]] + e["wire"]["printed_credits"]
    from collections import Counter

    manifest = {
        "about": f"newsbot sample site, {pub.label}: what a crawl of it must give.",
        "profile": pub.name, "publisher": pub.label,
        "expected_records": len(stories), "expected_failures": [], "never_requested": [],
        "counts": {"articles": len(stories),
                   "by_agency": dict(sorted(Counter(e["agency"] for e in entries).items())),
                   "by_access": {"free": len(stories)},
                   "with_disclaimer": sum(1 for b in stories if b["disclaimer"]), "with_offers": 0,
                   "files": site.files + 1},
        "sitemaps": sitemaps, "feeds": feeds,
        "articles": entries,
    }
    site.write("/manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return manifest
