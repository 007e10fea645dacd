"""The page's one parse (html.load_html): trafilatura's loader on a parser whose element
classes are chosen in C. It must give the same tree as trafilatura's own load_html, whose
decoding, repairs and fallbacks it reuses, on the inputs those fallbacks exist for."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import load_html as trafilatura_load_html

from newsbot.core.extract.html import html_tree, load_html

INPUTS = {
    "page": "<html><head><title>T</title></head><body><p>One.</p><p>Two.</p></body></html>",
    "encoding declaration": '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Déjà vu</p></body></html>',
    "doctype": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\n<html><body><p>x</p></body></html>',
    "self-closing html": '<!DOCTYPE html>\n<html lang="en"/>\n<body><p>After a closed html tag.</p></body>',
    "bytes": "<html><body><p>Grüße aus Köln</p></body></html>".encode("utf-8"),
    "latin-1 bytes": "<html><body><p>Grüße</p></body></html>".encode("latin-1"),
    "fragment": "<p>only a paragraph</p>",
    "dubious": "just some text, no markup at all",
    "form controls": ('<html><body><form action="/s"><label for="q">Search</label><input id="q" value="v">'
                      "<select><option>a</option></select><textarea>t</textarea></form><p>Story.</p></body></html>"),
    "forbidden characters": "<html><body><p>a\x00b\x08c\x0bd\x1fe\ufffef\uffffg\th\ni\rj</p></body></html>",
    "doctype and forbidden characters": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x/y">\n<html><body>\x01</body></html>',
    "a noncharacter alone": "<html><body><p>x\uffffy \ufffe z</p></body></html>",
    "non-ASCII, nothing forbidden": "<html><body><p>नमस्ते — ok \U0001F600</p></body></html>",
    "empty": "",
    "white space": "   \n ",
    "unclosed html": "<html>",
    "leading NULs": "\x00" * 10 + "<html><body><p>x</p></body></html>",
    "comments and PIs": "<html><body><!-- gone --><?php echo 1 ?><p>kept</p></body></html>",
}


@pytest.mark.parametrize("name", INPUTS)
def test_the_tree_is_trafilaturas(name):
    ours, theirs = load_html(INPUTS[name]), trafilatura_load_html(INPUTS[name])
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")


def test_every_element_is_an_html_element():
    # The C lookup gives lxml.html's classes (text_content, cssselect), form controls included.
    tree = html_tree(INPUTS["form controls"])
    elements = [el for el in tree.iter() if isinstance(el.tag, str)]
    assert {el.tag for el in elements} >= {"form", "label", "input", "select", "textarea", "p"}
    assert all(isinstance(el, lxml_html.HtmlElement) for el in elements)
    assert tree.xpath("//p")[0].text_content() == "Story."
    assert [el.tag for el in tree.cssselect("form > input")] == ["input"]



def test_pages_taken_apart_in_threads_at_once_give_the_records_made_one_by_one():
    # Every page is parsed on the one shared parser (html.PARSER): lxml serialises a parser's
    # use across threads, and no state of one page may leak into another's record.
    from concurrent.futures import ThreadPoolExecutor

    from newsbot.core.extract import extract

    from .conftest import PAGES

    pages = [(p.name, p.read_bytes()) for p in sorted(PAGES.glob("*.html"))]
    jobs = [(name, data, locator) for name, data in pages for locator in ("trafilatura", "resiliparse")]

    def record(job):
        name, data, locator = job
        try:
            return extract(data, url=f"https://pages.example/{name}", locator=locator).to_dict()
        except Exception as exc:  # a fixture page meant to fail fails the same way in a thread
            return repr(exc)

    alone = [record(job) for job in jobs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(record, jobs[::-1]))[::-1]
    assert len(pages) > 20
    assert together == alone
