"""The generic path's one walk of a page (generic.page_scan): each list holds exactly the
elements its rule names, in document order."""

from __future__ import annotations

from newsbot.core.extract.generic import page_scan
from newsbot.core.extract.html import html_tree

PAGE = """<html><head><title>t</title></head><body class="home">
<header><h1>Headline</h1><span class="credit">JIJI</span></header>
<div id="Top">top</div>
<section class="Related-Stories"><p>Also read</p></section>
<ul class="nav"><li>a</li></ul>
<tp-modal class="x">modal</tp-modal>
<div>no class</div>
<article>
  <p class="byline">By Jane Roe / Associated Press</p>
  <div class="AuthorName">Jane Roe</div>
  <h2 class="byline">a heading is no byline element</h2>
  <p class="byline">%s</p>
  <figure><img src="a.jpg"><figcaption>A photo</figcaption><span class="credit">Reuters</span></figure>
  <p>Story text.</p>
  <span class="imageCaption">Caption text</span>
  <p class="photo-credit">Photo: AP</p>
  <div class="story-sign-off">Reporting by A; Editing by B</div>
  <div class="signoff">%s</div>
  <span class="credit">a credit outside the header</span>
</article></body></html>""" % ("x " * 150, "y " * 250)


def _texts(elements) -> list[str]:
    return [" ".join((el.text_content() or "").split())[:40] for el in elements]


def test_each_list_holds_what_its_rule_names():
    scan = page_scan(html_tree(PAGE))
    assert [(el.tag, attrs) for el, attrs in scan.containers] == [
        ("div", " top"), ("section", "related-stories "), ("ul", "nav "), ("tp-modal", "x "),
        ("div", "authorname "), ("div", "story-sign-off "), ("div", "signoff ")]
    # The header's credit, the byline-named p and div; not the h2, not the one over 200
    # characters, not the photo's credit in the figure nor a credit away from the header.
    assert _texts(scan.bylines) == ["JIJI", "By Jane Roe / Associated Press", "Jane Roe"]
    assert _texts(scan.sign_offs) == ["Reporting by A; Editing by B"]  # the other is over 400 characters
    assert _texts(scan.captions) == ["A photo", "Caption text", "Photo: AP"]


def test_a_page_without_any_gives_empty_lists():
    scan = page_scan(html_tree("<html><body><p>Only a paragraph.</p></body></html>"))
    assert scan.containers == scan.bylines == scan.sign_offs == scan.captions == []


def test_a_page_of_thousands_of_classed_and_nested_boxes_is_walked_whole():
    """Huge and deep: 5,000 sibling boxes and a byline nested 150 levels down are each found
    once, in order (the walk is one pass; only candidates have their text measured)."""
    boxes = "".join(f'<div class="related-{n}"><span class="byline">By Writer {n}</span></div>' for n in range(5000))
    nested = '<div class="wrap">' * 150 + '<p class="byline">By Deep Writer</p>' + "</div>" * 150
    scan = page_scan(html_tree(f"<html><body>{boxes}{nested}</body></html>"))
    assert len(scan.containers) == 5000 + 150
    assert [el.text for el in scan.bylines][:2] == ["By Writer 0", "By Writer 1"]
    assert len(scan.bylines) == 5001 and scan.bylines[-1].text == "By Deep Writer"
