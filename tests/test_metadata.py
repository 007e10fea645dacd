"""Page metadata on layouts newsbot has no profile for: dates, headline, authors, publisher."""

import pytest
from lxml import html as lxml_html

from newsbot.core.extract import extract
from newsbot.core.extract import metadata as md


@pytest.mark.parametrize("text,day_first,iso", [
    ("2026-03-14T03:20:00Z", None, "2026-03-14T03:20:00+00:00"),
    ("2026-03-14", None, "2026-03-14"),
    ("Last Updated at March 28, 2026 07:32 IST", None, "2026-03-28T07:32:00+05:30"),
    ("Published: 03/04/2026, 09:15 IST", True, "2026-04-03T09:15:00+05:30"),
    ("03/04/2026", False, "2026-03-04"),
    ("25/04/2026", None, "2026-04-25"),
    ("April 25, 2026 10:15 AM", None, "2026-04-25"),
    ("1773458400", None, "2026-03-14T03:20:00+00:00"),
])
def test_printed_and_declared_dates(text, day_first, iso):
    assert md.iso_date(text, None, day_first) == iso


@pytest.mark.parametrize("text", [
    "2 hours ago", "Updated 5 mins ago", "Yesterday", "Tuesday", "Tuesday 10:15 AM",
    "03/04/2026",  # day and month order unknown: refused, not guessed
    "Dec 22",  # no year
    "not a date at all",
])
def test_dates_that_cannot_be_placed_are_refused(text):
    assert md.iso_date(text, None, None) is None


def test_naive_time_takes_profile_zone():
    assert md.iso_date("2026-03-14T09:00:00", md.TZINFOS["IST"]) == "2026-03-14T09:00:00+05:30"


@pytest.mark.parametrize("url,locale,day_first", [
    ("https://www.deccanledger.in/x", None, True), ("https://x.co.uk/a", None, True),
    ("https://x.com/a", "en_US", False), ("https://x.com/a", "en_IN", True), ("https://x.com/a", None, None),
])
def test_day_order_from_locale_or_country(url, locale, day_first):
    assert md.day_first_for(url, locale) == day_first


def _page(head: str, body: str):
    return lxml_html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_published_date_sources_in_order():
    tree = _page('<meta property="article:published_time" content="2026-01-02T10:00:00+01:00">',
                 '<article><time datetime="2025-12-31">old</time></article>')
    assert md.published_date(tree, {}, md.DateRules())[0] == "2026-01-02T10:00:00+01:00"
    tree = _page('<meta name="parsely-pub-date" content="2026-01-03T08:00:00Z">', "")
    assert md.published_date(tree, {}, md.DateRules())[0] == "2026-01-03T08:00:00+00:00"
    tree = _page("", '<article><time itemprop="datePublished" datetime="2026-01-04T08:00:00-05:00">x</time></article>')
    assert md.published_date(tree, {}, md.DateRules())[0] == "2026-01-04T08:00:00-05:00"


def test_utc_time_is_dated_in_the_pages_own_offset():
    tree = _page("", '<article><time datetime="2026-03-13 22:20:00">March 13</time></article>')
    iso, _ = md.published_date(tree, {"datePublished": "2026-03-14T03:20:00Z"}, md.DateRules())
    assert iso == "2026-03-13T22:20:00-05:00"


@pytest.mark.parametrize("title,sites,headline", [
    ("Bridge reopens after repairs | Nation | The Millbrook Ledger", ("The Millbrook Ledger",), "Bridge reopens after repairs"),
    ("Business News | Sensex ends higher on bank gains - Deccan Ledger", ("Deccan Ledger",),
     "Sensex ends higher on bank gains"),
    ("Rain to ease by Friday - Globe Wire Daily", ("globewiredaily.com", "globewiredaily"), "Rain to ease by Friday"),
    ("Spider-Man - the musical opens on Broadway to mixed reviews", (), "Spider-Man - the musical opens on Broadway to mixed reviews"),
    # CJK titles set their separators without spaces.
    ("\u6e56\u7554\u516c\u56ed\u4eca\u65e5\u91cd\u65b0\u5f00\u653e-\u6e56\u57ce\u65b0\u95fb\u7f51", (),
     "\u6e56\u7554\u516c\u56ed\u4eca\u65e5\u91cd\u65b0\u5f00\u653e"),  # 湖畔公园今日重新开放-湖城新闻网
    ("\u5e02\u653f\u5e9c\u53d1\u5e03\u65b0\u89c4--\u793e\u4f1a--\u6e56\u57ce\u7f51", (),
     "\u5e02\u653f\u5e9c\u53d1\u5e03\u65b0\u89c4"),  # 市政府发布新规--社会--湖城网
    ("\u592e\u884c\u5ba3\u5e03\u964d\u51c6_\u8d22\u7ecf\u9891\u9053_\u6e56\u57ce\u5728\u7ebf", (),
     "\u592e\u884c\u5ba3\u5e03\u964d\u51c6"),  # 央行宣布降准_财经频道_湖城在线
    ("\u6e2f\u306e\u82b1\u706b\u5927\u4f1a\u304c\u4e2d\u6b62\uff5c\u6e7e\u65e5\u5831", (),
     "\u6e2f\u306e\u82b1\u706b\u5927\u4f1a\u304c\u4e2d\u6b62"),  # 港の花火大会が中止｜湾日報
    # A single dash joins places inside a headline: kept unless a site's name follows it.
    ("\u5317\u4eac-\u4e0a\u6d77\u9ad8\u94c1\u5ef6\u8bef", (), "\u5317\u4eac-\u4e0a\u6d77\u9ad8\u94c1\u5ef6\u8bef"),
    ("\u6e7e\u533a\u5efa\u8bbe\u63d0\u901f-\u524d\u6d77\u5408\u4f5c\u533a", (),
     "\u6e7e\u533a\u5efa\u8bbe\u63d0\u901f-\u524d\u6d77\u5408\u4f5c\u533a"),
    ("\u6e7e\u533a\u5efa\u8bbe\u63d0\u901f-\u524d\u6d77\u5feb\u8baf", ("\u524d\u6d77\u5feb\u8baf",),
     "\u6e7e\u533a\u5efa\u8bbe\u63d0\u901f"),
    ("COVID-19 cases fall_again", (), "COVID-19 cases fall_again"),
    ("\u4e2d" * 400 + "-\u65b0\u95fb\u7f51", (), "\u4e2d" * 400 + "-\u65b0\u95fb\u7f51"),  # past CJK_TITLE_MAX
])
def test_site_affixes_leave_the_headline(title, sites, headline):
    assert md.strip_site_affixes(title, sites) == headline


def test_h1_wins_over_seo_title_when_they_share_words():
    tree = _page("<title>Council delays vote on bridge - Ledger</title>",
                 "<h1>Council delays bridge vote again as costs climb</h1>")
    assert md.pick_headline(tree, {"headline": "Council delays vote on bridge"}, ("Ledger",)) == \
        "Council delays bridge vote again as costs climb"


def test_logo_h1_is_not_the_headline():
    tree = _page("<title>Council delays vote on bridge | Ledger</title>", "<h1>Ledger</h1>")
    assert md.pick_headline(tree, {}, ("Ledger",)) == "Council delays vote on bridge"


@pytest.mark.parametrize("byline,names", [
    ("By Dana Whitfield and Tom Becker", ["Dana Whitfield", "Tom Becker"]),
    ("Eleanor Pike | Updated: 20 January 2026 07:00 GMT", ["Eleanor Pike"]),
    ("Updated: Dec 22, 2023 10:15 IST", []),
    ("View all posts by Will Carter", ["Will Carter"]),
    ("Greg Potts Published", ["Greg Potts"]),
    (", The Daily Journal", ["The Daily Journal"]),
    ("No Author", []),
])
def test_bylines_cleaned(byline, names):
    assert md.split_names(byline) == names


def test_json_ld_publisher_wins_over_site_handle():
    page = ('<html><head><meta property="og:site_name" content="millbrookledger">'
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge opens",'
            '"publisher":{"@type":"Organization","name":"The Millbrook Ledger"}}</script></head>'
            '<body><article><h1>Bridge opens</h1><p>' + "The bridge opened on Friday after two years. " * 12
            + '</p></article></body></html>')
    assert extract(page.encode(), url="https://millbrookledger.com/a").publisher == "The Millbrook Ledger"


def test_publisher_from_json_ld_organisation_alone():
    page = ('<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsMediaOrganization",'
            '"name":"Lakeshore Courier"},{"@type":"WebPage","name":"x"}]}</script></head>'
            '<body><article><h1>Ferry service resumes</h1><p>' + "The ferry resumed service on Monday. " * 12
            + '</p></article></body></html>')
    assert extract(page.encode(), url="https://lakeshorecourier.ca/a").publisher == "Lakeshore Courier"


# --- issue 14: headlines with kickers, bylines that name the publisher -------------------------

def _record(head: str, body: str, url: str = "https://www.harbourview-gazette.com/news/story-1"):
    from newsbot.core.extract import extract
    story = "".join(f"<p>Paragraph {i} of the ferry story, long enough to be kept as story text by the reader.</p>"
                    for i in range(6))
    return extract(f"<html><head>{head}</head><body>{body}<article>{story}</article></body></html>".encode(), url=url)


@pytest.mark.parametrize("h1,og,headline", [
    # The kicker in an element of its own, the declared headline without it: dropped.
    ('<h1><div class="entry-section"><a href="/s/">Local News | </a></div><span class="dfm-title">'
     'Ferry service resumes after storm</span></h1>', "Ferry service resumes after storm", "Ferry service resumes after storm"),
    ('<h1><span class="prefix">Opinion<span role="separator"> </span></span><span>Ferry fares are too high</span></h1>',
     "Opinion | Ferry fares are too high", "Ferry fares are too high"),
    ('<h1 id="page_header"><div class="sub-title">News</div> Harbour ferry gets a new captain</h1>',
     "Harbour ferry gets a new captain", "Harbour ferry gets a new captain"),
    # The kicker is part of the declared headline: kept, joined as rendered (no space before the colon).
    ('<h1><span class="kicker">Sturm vorbei</span><span class="sep">: </span><span class="title">Die Fähre fährt wieder</span></h1>',
     "Sturm vorbei: Die Fähre fährt wieder", "Sturm vorbei: Die Fähre fährt wieder"),
    ('<h1><span class="kicker">Sturm vorbei:</span>Die Fähre fährt wieder</h1>', "Sturm vorbei: Die Fähre fährt wieder | Hafenblatt",
     "Sturm vorbei: Die Fähre fährt wieder"),
    # The separator is for screen readers only: the kicker is a line of its own above the
    # headline, which is the rest, even when the declared headline joins them.
    ('<h1><span class="heading__kicker">Sturm vorbei</span><span class="visually-hidden">: </span>'
     '<span class="heading__title">Die Fähre fährt wieder</span></h1>', "Sturm vorbei: Die Fähre fährt wieder",
     "Die Fähre fährt wieder"),
    ('<h1><span class="Head_titleheader">Nach dem Sturm</span><span class="Head_dash" aria-hidden="true"> – </span>'
     '<span class="Head_text">Die Fähre fährt wieder</span></h1>', "Nach dem Sturm – Die Fähre fährt wieder | Hafenblatt",
     "Die Fähre fährt wieder"),
    # Soft hyphens are line-break hints, not letters.
    ("<h1>Fähr\u00adverbindung wieder\u00adhergestellt</h1>", "Fährverbindung wiederhergestellt", "Fährverbindung wiederhergestellt"),
])
def test_headline_kickers_and_soft_hyphens(h1, og, headline):
    rec = _record(f'<meta property="og:title" content="{og}">', h1)
    assert rec.headline == headline


GANNETT_LD = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry service resumes",'
              '"author":{"@type":"Person","name":", The Harbourview Gazette"},'
              '"publisher":{"@type":"Organization","name":"The Harbourview Gazette"}}</script>')
ORG_LD = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry service resumes",'
          '"author":{"@type":"Organization","name":"Harbour Weekly"}}</script>')
DESK_LD = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry service resumes",'
           '"author":[{"@type":"Person","name":"Gazette staff reporter"}]}</script>')
GRAPH_LD = ('<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
            '{"@type":"NewsArticle","@id":"#article","headline":"Ferry service resumes",'
            '"author":{"@id":"https://x.example/#/schema/person/ab12"},"publisher":{"@id":"https://x.example/#org"}},'
            '{"@type":"Organization","@id":"https://x.example/#org","name":"Harbour Weekly"},'
            '{"@type":"Person","@id":"https://x.example/#/schema/person/ab12","name":"Mara Quell"}]}</script>')
NAMES_LD = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry service resumes",'
            '"author":{"@type":"Person","name":["Mara Quell","Ivo Sand"]}}</script>')


@pytest.mark.parametrize("head,byline,authors", [
    # JSON-LD names the publisher; the printed byline names the writer.
    (GANNETT_LD, '<div class="byline-section"><a class="authors" href="/staff/1">Lena Brook</a>'
                 '<span class="credit">The Harbourview Gazette</span></div>', ["Lena Brook"]),
    (ORG_LD, '<div class="author">By Lena Brook</div>', ["Lena Brook"]),
    (DESK_LD, '<h4>By <span class="ArticleHeader--authName--x1">Lena Brook</span></h4>', ["Lena Brook"]),
    # No writer anywhere: the publisher's byline stands where the page prints it, and is no
    # byline where only JSON-LD names it.
    (ORG_LD, '<div class="byline">By Harbour Weekly</div>', ["Harbour Weekly"]),
    (ORG_LD.replace('"author"', '"publisher":{"@type":"Organization","name":"Harbour Weekly"},"author"'), "", []),
    # Another organisation named as author (an agency) is no publisher: it stays.
    (ORG_LD.replace("Harbour Weekly", "Reuters"), "", ["Reuters"]),
    # A @graph reference to the Person; a list of names in one Person.
    (GRAPH_LD, "", ["Mara Quell"]),
    (NAMES_LD, "", ["Mara Quell", "Ivo Sand"]),
    # The CMS account behind a @graph reference gives way to the printed byline's writers.
    (GRAPH_LD + '<meta name="author" content="Lena Brook, Ivo Sand">', "", ["Lena Brook", "Ivo Sand"]),
])
def test_bylines_that_name_the_publisher_give_way_to_writers(head, byline, authors):
    rec = _record(head, f"<header><h1>Ferry service resumes</h1>{byline}</header>")
    assert rec.authors == authors


def test_bylines_in_related_cards_are_not_the_story_byline():
    cards = "".join(f'<div class="related"><h3>Other story {i}</h3><span class="td-post-author-name">Ola Nord</span></div>'
                    for i in range(3))
    rec = _record(DESK_LD, f"<header><h1>Ferry service resumes</h1></header><section><p>{'x ' * 4000}</p></section>{cards}")
    assert rec.authors == ["Gazette staff reporter"]


def test_publisher_from_json_ld_graph_reference():
    rec = _record(GRAPH_LD, "<h1>Ferry service resumes</h1>")
    assert rec.publisher == "Harbour Weekly"


@pytest.mark.parametrize("head,url,publisher", [
    # og:site_name spells the host, the JSON-LD publisher is the owning company or another spelling.
    ('<meta property="og:site_name" content="El Diario"><script type="application/ld+json">{"@type":"NewsArticle",'
     '"headline":"Ferry service resumes","publisher":{"@type":"Organization","name":"Ediciones EL DIARIO S.L."}}</script>',
     "https://eldiario.example/a", "El Diario"),
    ('<meta property="og:site_name" content="Harbour Weekly"><script type="application/ld+json">{"@type":"NewsArticle",'
     '"headline":"Ferry service resumes","publisher":{"@type":"Organization","name":"HarbourWeekly"}}</script>',
     "https://www.harbourweekly.example/a", "Harbour Weekly"),
    # A syndicating site: og:site_name names the paper the story came from, JSON-LD the host's own.
    ('<meta property="og:site_name" content="Cherry Point Courier"><script type="application/ld+json">{"@type":"NewsArticle",'
     '"headline":"Ferry service resumes","publisher":{"@type":"Organization","name":"The Harbour Journal"}}</script>',
     "https://www.theharbourjournal.example/a", "The Harbour Journal"),
    # Only the title's last part names the site, spelling its host.
    ('<meta property="og:title" content="Ferry service resumes | Hafen-Zeitung">', "https://www.hafen-zeitung.example/a",
     "Hafen-Zeitung"),
    ('<meta property="og:title" content="Ferry service resumes | Börsen-Blatt">', "https://www.boersen-blatt.example/a",
     "Börsen-Blatt"),
    # A last part that does not spell the host is no publisher: null.
    ('<meta property="og:title" content="Ferry service resumes | Ports">', "https://www.hafen-zeitung.example/a", None),
])
def test_publisher_name_as_printed(head, url, publisher):
    assert _record(head, "<h1>Ferry service resumes</h1>", url=url).publisher == publisher


@pytest.mark.parametrize("printed,published", [
    # A UTC time past midnight beside the local time the page prints: dated as the publisher dates it.
    ("February 24, 2026 | 9:25pm", "2026-02-24T21:25:54-05:00"),
    ("Dec 23, 2026 5:06pm PT", "2026-12-23T17:06:54-08:00"),
    ("Brasília 03/05/2026 21:44", "2026-05-03T21:44:54-03:00"),
])
def test_utc_time_dated_by_the_printed_local_time(printed, published):
    utc = {"February": "2026-02-25T02:25:54Z", "Dec": "2026-12-24T01:06:54Z", "Bras": "2026-05-04T00:44:54Z"}
    ld = next(v for k, v in utc.items() if printed.startswith(k))
    head = (f'<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Ferry service resumes",'
            f'"datePublished":"{ld}"}}</script><meta property="og:locale" content="pt_BR">')
    rec = _record(head, f'<h1>Ferry service resumes</h1><div class="article-date">{printed}</div>')
    assert rec.published_at == published


_LONG_PARAGRAPH = "<p>" + "The council approved the new budget on Friday after a long debate about road repairs. " * 3 + "</p>"


@pytest.mark.parametrize("byline,authors", [
    ('<p>By <a href="/author/jroe">Jane Roe</a></p>', ["Jane Roe"]),
    ('<p class="meta">By <a href="/news/staff/jane-roe/">Jane Roe</a> on Monday, March 2nd, 2026 at 9:04 a.m.</p>',
     ["Jane Roe"]),
    ('<p>By <a href="/autor/ana-diaz/">Ana D\u00edaz</a> and <a href="/autor/luis-paz/">Luis Paz</a></p>',
     ["Ana D\u00edaz", "Luis Paz"]),
    ('<ul><li><a href="https://example.org/content/author/sam-lee">Sam Lee</a></li></ul>', ["Sam Lee"]),
    ('<div><span>By</span><span><a href="https://example.org/about/newsteam/j-r-moss">J.R. Moss</a></span></div>',
     ["J.R. Moss"]),
    # A person the story is about, a tag page, the site's staff menu: no byline.
    ('<p>Guess what <a href="/author/max-mole/">Max Mole</a> will not be doing on Saturday night?</p>', []),
    ('<p>By <a href="/people/max-mole/">Max Mole</a></p>', []),
    ('<nav><a href="/author/jroe">Jane Roe</a></nav>', []),
])
def test_a_link_to_a_writers_page_in_the_headline_block_is_the_byline(byline, authors):
    tree = _page("", f"<article><h1>Council approves the budget</h1>{byline}{_LONG_PARAGRAPH}</article>")
    assert md.page_authors(tree, {}) == authors


def test_writers_linked_after_the_story_begins_are_other_stories():
    tree = _page("", f"<article><h1>Council approves the budget</h1>{_LONG_PARAGRAPH}"
                     '<p>By <a href="/author/jroe">Jane Roe</a></p></article>')
    assert md.page_authors(tree, {}) == []


def test_a_byline_beside_a_headline_box_of_its_own_is_read():
    # The Harvard Crimson's layout: the h1 and its kicker in a box of their own, then in the
    # story's column a photo with its caption and credit, the byline ("/writer/<id>/<slug>/"),
    # the story. Without <article>, in CSS-module classes that name nothing.
    filler = "<div class='x1'>" + "<p>Other headline on the page, one of many in the site's menus.</p>" * 120 + "</div>"
    photo = ("<div class='x2'><img src='/p.jpg'><div><span>The harbour master at the new pier, which opens in "
             "spring after four years of building.</span><style>.x3{color:red}</style>"
             "<span class='x3'>By <a href='/writer/1205115/Pat_Quay/'>Pat Quay</a></span></div></div>")
    byline = ("<div class='x4'><span>By <a href='/writer/1207921/Lee_Harbour/'>Lee Harbour</a>, "
              "Contributing Writer</span></div>")
    tree = _page("", f"<div class='x0'><div class='x5'><div class='x6'><span>Opinion</span><h1>Council approves "
                     f"the budget</h1></div>{photo}{byline}{_LONG_PARAGRAPH * 3}</div>{filler}</div>")
    assert md.page_authors(tree, {}) == ["Lee Harbour"]


def test_a_declared_author_comes_before_an_author_link():
    tree = _page('<meta name="author" content="Kim Park">',
                 f'<article><h1>Council approves the budget</h1><p>By <a href="/author/jroe">Jane Roe</a></p>'
                 f"{_LONG_PARAGRAPH}</article>")
    assert md.page_authors(tree, {}) == ["Kim Park"]


def test_a_json_ld_author_with_its_name_left_empty_is_no_writer():
    # The CMS's "<name>, <publication>" with the name missing (", The Ledger & Gazette").
    ld = {"@type": "NewsArticle", "author": {"@type": "Person", "name": ", The Ledger & Gazette"}}
    assert md.ld_author_entries(ld) == []
    tree = _page("", '<article><h1>Council approves the budget</h1><div class="byline"><span class="author">'
                     f'Jane Roe</span></div>{_LONG_PARAGRAPH}</article>')
    assert md.page_authors(tree, ld) == ["Jane Roe"]


@pytest.mark.parametrize("names,writers", [
    (["Jane Roe The Associated Press"], ["Jane Roe"]),
    (["KIM PARK", "LEE MOSS Associated Press"], ["KIM PARK", "LEE MOSS"]),
    (["Ana Diaz, Bloomberg News"], ["Ana Diaz"]),
    (["The Associated Press"], ["The Associated Press"]),  # the agency alone is its byline
    (["Bo Associated Press"], ["Bo Associated Press"]),  # one word left: not taken apart
])
def test_an_agency_glued_after_a_writers_name_is_taken_off(names, writers):
    assert md.without_agency_suffix(names) == writers


def test_the_glued_agency_still_credits_the_story():
    from newsbot.core.extract import extract

    page = ('<html><head><meta name="author" content="Jane Roe The Associated Press"></head><body><article>'
            "<h1>Council approves the budget</h1>" + _LONG_PARAGRAPH * 3 + "</article></body></html>")
    rec = extract(page.encode(), url="https://example.org/news/council")
    assert rec.authors == ["Jane Roe"]
    assert rec.wire is not None and rec.wire.agency == "AP" and rec.wire.credit == "Jane Roe The Associated Press"
