"""The generic locators (NEWSBOT_GENERIC_LOCATOR, `newsbot extract --locator`): trafilatura
by default, Resiliparse for speed, trafilatura again where Resiliparse finds little, and a
wrong name refused before any page is read."""

from __future__ import annotations

import subprocess
import sys

import pytest
from scrapy.utils.test import get_crawler

from newsbot.cli import CrawlError, check_settings
from newsbot.core.extract import extract, generic
from newsbot.crawling import settings as project_settings
from newsbot.crawling.pipelines.extract import ExtractPipeline

from .crawling import HTML, RouteServer, crawl, crawl_env, robots_allow

STORY = [
    "The river authority opened the new flood gates at Marlow on Monday, three weeks ahead of the "
    "schedule it set when the works began in the spring.",
    "Engineers said the gates can hold back a surge twice the height of last winter's, which flooded "
    "more than two hundred homes along the lower bank.",
    "The authority's chair told residents at a public meeting that the remaining works, a pumping "
    "station and a raised footpath, would be finished by the end of the year.",
    "Residents who lost their homes last winter said they welcomed the gates but wanted the authority "
    "to publish the flood maps it had promised in March.",
    "The maps, the authority said, are being checked against the survey of the riverbed it ordered "
    "after the floods, and will be put online once that check is done.",
    "The works have cost the authority a little under its budget, its annual report says, because the "
    "steel for the gates was bought before prices rose last autumn.",
]
COMMENTS = [
    "Great news for the town, well done to everyone who worked on this through the summer months.",
    "I will believe it when the water stays out of my kitchen next February, not a day before that.",
]


def blog_page(story: list[str] = STORY) -> bytes:
    """A blog-shaped article page (WordPress markup: entry header and meta, entry content, a
    comment list, a site footer), our own text."""
    paras = "".join(f"<p>{p}</p>" for p in story)
    comments = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<b class="fn">Reader {i}</b> <time>2 March 2026 at 10:1{i}</time></footer>'
        f'<div class="comment-content"><p>{c}</p></div><div class="reply"><a href="#">Reply</a></div>'
        f"</article></li>" for i, c in enumerate(COMMENTS))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Flood gates open early - Marlow Notes</title>'
        '<meta property="og:title" content="Flood gates open early"></head><body>'
        '<header class="site-header"><a href="/">Marlow Notes</a><nav><a href="/news">News</a> <a href="/about">About</a></nav></header>'
        '<main id="main"><article class="post type-post"><header class="entry-header">'
        '<h1 class="entry-title">Flood gates open early</h1>'
        '<div class="entry-meta">Posted on <time>2 March 2026</time> by <span class="author">Ann Lee</span></div>'
        f'</header><div class="entry-content">{paras}</div></article>'
        f'<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on “Flood gates open early”</h2>'
        f'<ol class="comment-list">{comments}</ol></div></main>'
        '<footer class="site-footer"><p>© 2026 Marlow Notes. Proudly powered by a blog engine.</p></footer>'
        "</body></html>").encode()


@pytest.fixture
def counts():
    before = dict(generic.located_by)
    yield lambda: {k: v - before.get(k, 0) for k, v in generic.located_by.items() if v - before.get(k, 0)}


def test_resiliparse_finds_the_story_and_leaves_the_comments(counts):
    rec = extract(blog_page(), url="https://marlow.example/2026/03/flood-gates", locator="resiliparse")
    assert rec.extraction == "generic"
    assert rec.body == STORY
    assert not any(c in " ".join(rec.body + rec.unclassified) for c in COMMENTS)
    assert counts() == {"resiliparse": 1}


def test_trafilatura_stays_the_default_and_gives_the_same_story(counts):
    rec = extract(blog_page(), url="https://marlow.example/2026/03/flood-gates")
    assert rec.body == STORY
    assert counts() == {"trafilatura": 1}


def test_a_story_resiliparse_finds_short_is_read_by_trafilatura(counts):
    short = ["The ferry will not run on Sunday while the landing stage is repaired, the council said."]
    rec = extract(blog_page(short), url="https://marlow.example/ferry", locator="resiliparse")
    assert counts() == {"trafilatura_after_resiliparse": 1}
    assert short[0] in " ".join(rec.body)
    assert rec.to_dict() == extract(blog_page(short), url="https://marlow.example/ferry").to_dict()


def test_a_story_resiliparse_cuts_a_hole_in_is_read_by_trafilatura(counts):
    # Resiliparse leaves embedded posts (blockquote class="twitter-tweet") out of its main
    # content; between two paragraphs it prints, the story would have a hole, so trafilatura
    # reads the page.
    posts = [f"Post {n}: the new gates at the {place} held back the water this morning, and the path "
             f"along the river is open again for the first time since the works began."
             for n, place in enumerate(["north bank", "south bank", "weir", "lock", "old mill", "boathouse",
                                        "ferry landing", "footbridge"])]
    embeds = "".join(f'<blockquote class="twitter-tweet"><p lang="en">{p}</p>&mdash; Marlow resident '
                     f'(@resident{n}) <a href="#">March 2, 2026</a></blockquote>' for n, p in enumerate(posts))
    second = f"<p>{STORY[1]}</p>".encode()
    page = blog_page().replace(second, second + embeds.encode())
    rec = extract(page, url="https://marlow.example/reactions", locator="resiliparse")
    assert counts() == {"trafilatura_after_resiliparse": 1, "trafilatura_on_region": 1}
    assert rec.body[:2] == STORY[:2] and rec.body[-4:] == STORY[-4:] and all(p in rec.body for p in posts)


def test_teasers_after_the_story_are_no_hole(counts):
    # Long paragraphs after the last one Resiliparse prints (the same embeds after the story,
    # teasers, a footer) do not make it unsure.
    posts = [f"Post {n}: the gates held back the water this morning, and the path along the river "
             f"is open again for the first time since the works began in the spring." for n in range(3)]
    embeds = "".join(f'<blockquote class="twitter-tweet"><p lang="en">{p}</p></blockquote>' for p in posts)
    page = blog_page().replace(b"</div></article>", embeds.encode() + b"</div></article>")
    rec = extract(page, url="https://marlow.example/reactions", locator="resiliparse")
    assert counts() == {"resiliparse": 1}
    assert rec.body == STORY


def test_lines_outside_the_story_container_are_kept_as_unclassified():
    # A site-wide notice Resiliparse keeps beside the story (outside the element that holds the
    # story's paragraphs) is not story; nothing is dropped either.
    notice = "We use cookies to run this site and to count its readers; read our notice to learn more."
    page = blog_page().replace(b'<footer class="site-footer">', f'<div class="notice"><p>{notice}</p></div>'
                               .encode() + b'<footer class="site-footer">')
    rec = extract(page, url="https://marlow.example/2026/03/flood-gates", locator="resiliparse")
    assert rec.body == STORY
    assert notice not in rec.body and notice in rec.unclassified


def test_deep_markup_goes_to_trafilatura_on_the_flattened_tree(counts):
    # Resiliparse walks 10,000 nested elements in seconds (the time grows with the square of
    # the depth); the flattened tree trafilatura reads costs milliseconds.
    depth = 50_000
    page = ("<html><body>" + "<div>" * depth + "<h1>Gates</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
            + "</div>" * depth + "</body></html>")
    rec = extract(page.encode(), url="https://marlow.example/deep", locator="resiliparse")
    assert rec.body == STORY
    assert "deep_markup_flattened" in rec.flags
    assert counts() == {"trafilatura_after_resiliparse": 1}


@pytest.mark.parametrize("locator", generic.LOCATORS)
def test_a_page_of_no_html_structure_gives_an_empty_flagged_record(locator):
    rec = extract(b"<html><body>" + b"<span></span>" * 20000 + b"</body></html>", url="https://x.example/",
                  locator=locator)
    assert rec.body == [] and "empty_body" in rec.flags


def test_an_unknown_locator_is_an_error_naming_the_choices():
    with pytest.raises(ValueError, match="trafilatura, resiliparse"):
        extract(blog_page(), url="https://marlow.example/a", locator="readability")


def test_the_crawl_setting_is_checked_before_the_crawl_and_reaches_the_pipeline():
    with pytest.raises(CrawlError) as err:
        check_settings({}, {"NEWSBOT_GENERIC_LOCATOR": "fastest"})
    assert err.value.exit_code == 2 and "resiliparse" in str(err.value)
    assert project_settings.NEWSBOT_GENERIC_LOCATOR == "trafilatura"
    pipe = ExtractPipeline.from_crawler(get_crawler(settings_dict={"NEWSBOT_GENERIC_LOCATOR": "resiliparse"}))
    assert pipe.locator == "resiliparse"
    with pytest.raises(ValueError, match="NEWSBOT_GENERIC_LOCATOR"):
        ExtractPipeline.from_crawler(get_crawler(settings_dict={"NEWSBOT_GENERIC_LOCATOR": "fastest"}))


def test_extract_command_takes_the_locator(tmp_path):
    page = tmp_path / "flood.html"
    page.write_bytes(blog_page())
    cli = [sys.executable, "-m", "newsbot.cli", "extract", str(page)]
    fast = subprocess.run([*cli, "--locator", "resiliparse"], capture_output=True, text=True, env=crawl_env())
    assert fast.returncode == 0, fast.stderr
    import json

    assert json.loads(fast.stdout)["body"] == STORY
    wrong = subprocess.run([*cli, "--locator", "fastest"], capture_output=True, text=True, env=crawl_env())
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr


def test_a_crawl_with_the_resiliparse_locator_delivers_the_story(tmp_path):
    routes = {"/robots.txt": robots_allow(), "/2026/03/flood-gates": (200, HTML, blog_page())}
    with RouteServer(routes) as srv:
        run = crawl(tmp_path, spider="wire", args={"urls": srv.base + "/2026/03/flood-gates"},
                    settings={"NEWSBOT_GENERIC_LOCATOR": "resiliparse"})
    assert run.returncode == 0, run.stderr[-3000:]
    assert [r["body"] for r in run.records] == [STORY]
    assert run.failures == []


def test_a_photo_credit_is_not_the_story_credit():
    # A photo's credit ("Reuters" under a picture, a carousel's "Associated Press") is kept
    # out of the story Resiliparse reads, as trafilatura leaves figures out.
    photo = ('<div class="Img__PicImgCaption-x1">Reuters</div>'
             '<div class="CarouselSlide"><span class="CarouselSlide-count">1 of 3 |</span>'
             '<span>Workers at the gates. (Associated Press)</span></div>'
             '<figure><img src="/g.jpg" alt=""><figcaption>The gates at dawn. AFP</figcaption></figure>')
    page = blog_page().replace(b'<div class="entry-content">', b'<div class="entry-content">' + photo.encode())
    rec = extract(page, url="https://marlow.example/2026/03/flood-gates", locator="resiliparse")
    assert rec.body == STORY
    assert rec.wire is None


@pytest.mark.parametrize("head, dateline, agency, body_head", [
    ("MARLOW \u2013 ", "MARLOW", None, "MARLOW \u2013 "),  # a bare dateline stays in the story
    ("MARLOW, England (AP) \u2014 ", "MARLOW", "AP", ""),  # an agency's credit becomes the wire's
])
def test_a_dateline_in_a_span_of_its_own_is_read_with_resiliparse(head, dateline, agency, body_head):
    # Resiliparse reads an element named for a date as the post's meta line and drops it: a
    # dateline set in its own span (Japan Times', AP's markup) would go, with the wire's
    # dateline and credit. The paragraph's head is put back when it is a dateline.
    first = f'<p><span class="dateline">{head}</span>{STORY[0]}</p>'
    page = blog_page().replace(f"<p>{STORY[0]}</p>".encode(), first.encode())
    rec = extract(page, url="https://marlow.example/2026/03/flood-gates", locator="resiliparse")
    assert rec.body == [body_head + STORY[0], *STORY[1:]]
    wire = (rec.wire.agency, rec.wire.dateline) if rec.wire else None
    assert wire == ((agency, dateline) if agency else None)


def test_a_date_resiliparse_leaves_out_of_a_paragraph_stays_out():
    # Not every head it drops is the story's: a date set before the text stays out.
    first = f'<p><span class="post-date">March 2, 2026 </span>{STORY[0]}</p>'
    page = blog_page().replace(f"<p>{STORY[0]}</p>".encode(), first.encode())
    rec = extract(page, url="https://marlow.example/2026/03/flood-gates", locator="resiliparse")
    assert rec.body == STORY


def test_a_cookie_dialog_printed_in_full_is_not_story():
    # Consent tools (OneTrust's markup shape) print their whole preference centre in the page.
    dialog = ('<div id="onetrust-consent-sdk"><div class="ot-sdk-container"><h2>Cookie List</h2>'
              + "".join(f"<p>We use cookies of kind {n} to measure how readers use this site and to show them "
                        f"advertising that suits them; you can turn them off in the settings below.</p>"
                        for n in range(6)) + "</div></div>"
              '<div class="privacy-bar"><p>This site stores cookies on your browser to collect information '
              "about how you use it; by going on you agree to that.</p></div>")
    page = blog_page().replace(b"</main>", b"</main>" + dialog.encode())
    rec = extract(page, url="https://marlow.example/2026/03/flood-gates", locator="resiliparse")
    assert rec.body == STORY


def test_a_page_of_tens_of_thousands_of_paragraphs_is_read_whole():
    # Looking each of Resiliparse's lines up in the container's text grows with the square of
    # such a page; past a bound it is left out, and the story still comes out whole.
    paras = [f"Paragraph {n}: the harbour board voted to rebuild the northern pier before the winter "
             f"storms, its chair told the meeting." for n in range(30_000)]
    page = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>"
    rec = extract(page.encode(), url="https://marlow.example/pier", locator="resiliparse")
    assert rec.body == paras


def _modes(monkeypatch) -> list[bool]:
    """The fast flags of each trafilatura run from here on."""
    runs: list[bool] = []
    real = generic._trafilatura

    def counting(tree, url, fast):
        runs.append(fast)
        return real(tree, url, fast)

    monkeypatch.setattr(generic, "_trafilatura", counting)
    return runs


def test_a_short_story_both_extractors_find_short_skips_trafilaturas_fallbacks(monkeypatch):
    runs = _modes(monkeypatch)
    short = ["The ferry will not run on Sunday while the landing stage is repaired, the council said."]
    rec = extract(blog_page(short), url="https://marlow.example/ferry")
    assert short[0] in " ".join(rec.body)
    assert runs == [True]  # Resiliparse found it short too: the fallbacks would find no more


def test_a_story_only_resiliparse_finds_long_gets_trafilaturas_fallbacks(monkeypatch):
    # A story set in a <footer> element: trafilatura's fast mode drops footers and keeps a line
    # of it, Resiliparse reads the story, so trafilatura's fallbacks run.
    runs = _modes(monkeypatch)
    paras = "".join(f"<p>{p}</p>" for p in STORY)
    page = blog_page().replace(paras.encode(), f"<footer>{paras}</footer>".encode())
    extract(page, url="https://marlow.example/2026/03/flood-gates")
    assert runs == [True, False]


@pytest.mark.parametrize("locator", generic.LOCATORS)
def test_text_with_a_lone_surrogate_is_read_and_flagged(locator):
    # A str holding a code point no encoding can write (text decoded with surrogateescape)
    # is taken apart, its bad bytes repaired and flagged, not a UnicodeEncodeError.
    page = blog_page().decode().replace(STORY[0], STORY[0] + " \ud800")
    rec = extract(page, url="https://marlow.example/2026/03/flood-gates", locator=locator)
    assert rec.body[1:] == STORY[1:] and rec.body[0].startswith(STORY[0])
    assert "encoding_repaired" in rec.flags


def test_a_story_whose_own_classes_name_a_skipped_word_is_still_read(counts):
    # WordPress puts the post's tags and categories on its article ("tag-privacy",
    # "category-gallery"): Resiliparse skips such an element whole, the container check sees
    # the story missing, and trafilatura reads it.
    page = blog_page().replace(b'<article class="post type-post">',
                               b'<article class="post type-post tag-privacy tag-cookies category-gallery">')
    rec = extract(page, url="https://marlow.example/2026/03/flood-gates", locator="resiliparse")
    assert rec.body == STORY
    assert counts() == {"trafilatura_after_resiliparse": 1, "trafilatura_on_region": 1}


EMBEDDED_POSTS = [f"Post {n}: the new gates at the {place} held back the water this morning, and the path "
                  f"along the river is open again for the first time since the works began."
                  for n, place in enumerate(["north bank", "south bank", "weir", "lock", "old mill", "boathouse"])]
FORUM = ["I walked the new path on Sunday and the lock keeper said the gates were tested twice last week.",
         "Does anyone know if the footbridge by the boathouse will reopen before the regatta in the summer?",
         "It reopens in May, the notice on the gate says, but the car park stays closed until the autumn."]


def forum_page(lead: str = "", depth: int = 0) -> bytes:
    """A review site's article shape: the story (with embedded posts Resiliparse leaves out, a
    hole) in a section of a widget column that also holds the forum's comment widget, all in
    the page's <article>; a lead in the article's header when given, `depth` wrappers around
    the story's section."""
    posts = "".join(f'<blockquote class="twitter-tweet"><p lang="en">{p}</p>&mdash; Marlow resident '
                    f'(@resident{n}) <a href="#">March 2, 2026</a></blockquote>' for n, p in enumerate(EMBEDDED_POSTS))
    paras = [f"<p>{p}</p>" for p in STORY]
    paras.insert(2, posts)
    forum = "".join(
        f'<li class="forum-comment"><div class="avatar"></div><div class="forum-comment-content"><header>'
        f'<span class="author-name">user{n}</span></header><div class="js-read-more" data-rm-words="60"> {t}<br> <br>'
        f" {t} Reply</div></div></li>" for n, t in enumerate(FORUM))
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Flood gates open early</title></head>'
            '<body class="news-page"><div id="main" class="container"><article class="page-content news-article">'
            f'<header><h1>Flood gates open early</h1>{f"<p class=standfirst>{lead}</p>" if lead else ""}</header>'
            '<div class="widget-area"><div id="content" class="widget widget-content"><div class="item-content">'
            + "<div>" * depth + '<section class="content-wrapper"><div id="article-body" class="text-copy">'
            + "".join(paras) + "</div></section>" + "</div>" * depth
            + '<div class="forum-comment-widget"><div class="forum-comments-header"><span>3 Comments</span>'
            f'<a href="https://forums.marlow.example/t/1">Comment from the forums</a></div><ul class="forum-comments-list">{forum}'
            "</ul></div></div></div></div></article></div></body></html>").encode()


def test_a_page_resiliparse_is_unsure_of_is_read_by_trafilatura_on_the_story_region(counts):
    # Read whole, this page leads trafilatura to the widget that holds the forum too; on the
    # region around the story's container it keeps to the story.
    rec = extract(forum_page(), url="https://marlow.example/reactions", locator="resiliparse")
    assert counts() == {"trafilatura_after_resiliparse": 1, "trafilatura_on_region": 1}
    assert rec.body[:2] == STORY[:2] and rec.body[-4:] == STORY[-4:] and all(p in rec.body for p in EMBEDDED_POSTS)
    assert not any(t in line for t in FORUM for line in rec.body)


LEAD = ("The gates that were due to open in April opened on Monday, and the town's lower bank is "
        "safe from a winter flood for the first time in a decade.")


@pytest.mark.parametrize("depth", [0, 150])
def test_the_region_widens_to_hold_a_lead_resiliparse_found(depth):
    # The lead sits in the article's header, above the region's start (the container's
    # grandparent); Resiliparse printed it, so the region widens to hold it, through 150
    # wrappers too (each step reads only the text it adds). The region is then the whole
    # article, forum widget and all, as trafilatura reads a page whole.
    rec = extract(forum_page(LEAD, depth), url="https://marlow.example/reactions", locator="resiliparse")
    assert rec.body[:3] == [LEAD, *STORY[:2]]
    story = [line for line in rec.body if line in STORY]
    assert story == STORY


def test_the_story_region_is_a_copy_and_the_page_stays_whole():
    from lxml import etree, html

    root = html.fromstring(forum_page(LEAD))
    before = etree.tostring(root)
    container = generic.story_container(root)
    region = generic.story_region(root, container, [LEAD])
    assert etree.tostring(root) == before
    assert [el.tag for el in region.root] == ["head", "body"]
    # trafilatura reads only lxml.html's elements: the copy is made of those.
    assert all(isinstance(el, html.HtmlElement) for el in region.root.iter())
    assert region.root.findtext("head/title") == "Flood gates open early"
    assert region.root[1][0].tag == "article"  # widened from the container's grandparent to the lead
    assert generic.story_region(root, container, []).root[1][0].get("class") == "item-content"


def test_the_story_region_keeps_of_the_head_what_trafilatura_reads():
    from lxml import html

    ld = '{"@type": "NewsArticle", "articleBody": "The gates opened at dawn."}'
    page = forum_page(LEAD).replace(
        b"</head>", b'<style>.x{color:red}</style><script src="a.js"></script><link rel="stylesheet" href="s.css">'
        b'<script type="application/ld+json">' + ld.encode() + b'</script><meta name="description" content="Gates"></head>')
    root = html.fromstring(page)
    head = generic.story_region(root, generic.story_container(root), [LEAD]).root.find("head")
    assert [el.tag for el in head] == ["meta", "title", "script", "meta"]
    assert head[2].text == ld and head[3].get("content") == "Gates"


def test_a_region_with_a_long_list_is_handed_to_trafilatura_cut_and_read_whole(monkeypatch, counts):
    # The region is a copy: its long runs are cut and read back there, as on a whole page.
    monkeypatch.setattr(generic, "CUT_ABOVE", 0)  # cut on a page this small too
    handed = []
    real_cut = generic.cut_long_runs
    monkeypatch.setattr(generic, "cut_long_runs", lambda root: handed.append(real_cut(root)) or handed[-1])
    items = "".join(f"<li>Gate {i} was tested on Monday and held.</li>" for i in range(700))
    page = forum_page().replace(f"<p>{STORY[3]}</p>".encode(), f"<p>{STORY[3]}</p><ul>{items}</ul>".encode())
    rec = extract(page, url="https://marlow.example/reactions", locator="resiliparse")
    assert counts() == {"trafilatura_after_resiliparse": 1, "trafilatura_on_region": 1}
    assert len(handed[0]) == 1  # the list went to trafilatura cut
    assert "Gate 0 was tested on Monday and held." in rec.body and "Gate 699 was tested on Monday and held." in rec.body
    assert rec.body[:2] == STORY[:2] and rec.body[-2:] == STORY[-2:]
    assert not any(t in line for t in FORUM for line in rec.body)
