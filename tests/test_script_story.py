"""A client-rendered page's story read from its scripts' state (newsbot/core/extract/script_story.py).

The pages are my own text in the shapes such pages have: the markup prints the story's head,
a script's JSON holds the whole story as a rich-text tree (a Next.js page's `__NEXT_DATA__`
with `{"type": "paragraph", "content": [{"type": "text", "value": ...}]}` nodes, a ProseMirror
document assigned to a window variable, Sanity's Portable Text blocks).
"""

import json

import pytest

from newsbot.core.extract import extract
from newsbot.core.extract.generic import LOCATORS

PARAGRAPHS = [
    "Harbour County has cut the number of people sleeping rough for more than a year by almost a third since 2021.",
    "In 2019 the county counted hundreds of people who had been without a home for a year or longer, many of them ill.",
    "Over the next four years more than a thousand residents moved into permanent flats, group homes and shared houses.",
    "The county says the secret is simple: every case worker starts from a home and works back to the support it needs.",
    "Officials also credit a register that names every long-term rough sleeper, so no one is lost between agencies.",
    "Rents rose by a fifth over the same years, which makes each flat the county secures harder to find than the last.",
    "Now the emergency money that paid for much of the work is running out, and the council must decide what to keep.",
]
AD_TEXT = "Advertisement: the best harbour cruises of the year, booked in one place for less than you think."
HEADLINE = "How Harbour County Beat the Odds on Long-Term Homelessness"


def text_node(value):
    return {"type": "text", "value": value}


def next_data_state(paragraphs):
    content = []
    for i, p in enumerate(paragraphs):
        if i == 3:
            content.append({"type": "ad", "data": {"slot": "mid"}, "content": [text_node(AD_TEXT)]})
        if i == 2:
            # A paragraph with a link inline: its runs are joined as printed.
            head, tail = p.split(" permanent ", 1)
            content.append({"type": "paragraph", "content": [
                text_node(head + " "), {"type": "link", "data": {"href": "https://example.org/flats"},
                                        "content": [text_node("permanent")]}, text_node(" " + tail)]})
            continue
        content.append({"type": "paragraph", "data": {}, "content": [text_node(p)]})
    return {"props": {"pageProps": {"story": {
        "headline": HEADLINE, "abstract": [paragraphs[0]],
        "body": {"type": "document", "content": content}}}}}


def page(state_script: str, shown: int = 2, ld: dict | None = None) -> bytes:
    ld_script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    shown_html = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:shown])
    return (f"<html><head><title>{HEADLINE}</title>{ld_script}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/housing'>Housing</a></nav>"
            f"<article><h1>{HEADLINE}</h1><div class='body'>{shown_html}</div>"
            f"<div class='paywall-fade'>Subscribe to keep reading.</div></article>"
            f"{state_script}</body></html>").encode()


def next_data_page(**kw) -> bytes:
    state = json.dumps(next_data_state(PARAGRAPHS))
    return page(f'<script id="__NEXT_DATA__" type="application/json">{state}</script>', **kw)


@pytest.mark.parametrize("locator", LOCATORS)
def test_the_story_comes_from_the_state_when_the_markup_prints_its_head(locator):
    rec = extract(next_data_page(), url="https://harbour.example/housing/beat-the-odds", locator=locator)
    assert rec.body == PARAGRAPHS
    assert "story_from_script" in rec.flags


@pytest.mark.parametrize("locator", LOCATORS)
def test_an_ad_node_between_the_paragraphs_is_left_out(locator):
    rec = extract(next_data_page(), url="https://harbour.example/housing/beat-the-odds", locator=locator)
    assert all("cruises" not in line for line in rec.body)


def test_a_prosemirror_document_assigned_to_a_window_variable():
    doc = {"type": "doc", "content": [
        {"type": "paragraph", "content": [{"type": "text", "text": p}]} for p in PARAGRAPHS[:4]] + [
        {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "What comes next"}]},
        {"type": "bulletList", "content": [
            {"type": "listItem", "content": [{"type": "paragraph", "content": [{"type": "text", "text": item}]}]}
            for item in ("More flats in the old port district", "A second register for families")]},
    ] + [{"type": "paragraph", "content": [{"type": "text", "marks": [{"type": "bold"}], "text": p}]}
         for p in PARAGRAPHS[4:]]}
    script = f"<script>window.__APP_STATE__ = {json.dumps({'article': {'title': HEADLINE, 'doc': doc}})};</script>"
    rec = extract(page(script), url="https://harbour.example/a/1")
    assert rec.body == PARAGRAPHS[:4] + ["What comes next", "More flats in the old port district",
                                         "A second register for families"] + PARAGRAPHS[4:]


def test_sanity_portable_text_blocks():
    blocks = [{"_type": "block", "style": "normal", "markDefs": [],
               "children": [{"_type": "span", "marks": [], "text": p}]} for p in PARAGRAPHS]
    blocks.insert(3, {"_type": "image", "asset": {"_ref": "image-abc"}, "caption": "A flat in the port district"})
    script = f'<script type="application/json">{json.dumps({"post": {"title": HEADLINE, "body": blocks}})}</script>'
    rec = extract(page(script), url="https://harbour.example/b/2")
    assert rec.body == PARAGRAPHS


def test_a_page_declaring_its_story_walled_keeps_what_it_shows():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
          "isAccessibleForFree": "False",
          "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": "False", "cssSelector": ".paywall-fade"}}
    rec = extract(next_data_page(ld=ld), url="https://harbour.example/housing/beat-the-odds")
    assert rec.body == PARAGRAPHS[:2]
    assert "story_from_script" not in rec.flags


def test_a_state_holding_the_same_story_as_the_markup_changes_nothing():
    state = json.dumps(next_data_state(PARAGRAPHS))
    rec = extract(page(f'<script id="__NEXT_DATA__" type="application/json">{state}</script>', shown=7),
                  url="https://harbour.example/housing/beat-the-odds")
    assert rec.body == PARAGRAPHS
    assert "story_from_script" not in rec.flags


@pytest.mark.parametrize("script", [
    # Broken JSON that holds the story's first line; JSON nested past the parser's stack.
    '<script type="application/json">{"story": "' + PARAGRAPHS[0] + '", "body": [1, 2, </script>',
    "<script>window.__S__ = " + "[" * 100_000 + json.dumps(PARAGRAPHS[0]) + "]" * 100_000 + ";</script>",
    # A script far past SCRIPT_MAX_CHARS is not parsed at all.
    '<script type="application/json">{"pad": "' + "x" * 8_100_000 + '", "s": ' +
    json.dumps(next_data_state(PARAGRAPHS)) + "}</script>",
])
def test_bad_state_scripts_leave_the_shown_story(script):
    rec = extract(page(script), url="https://harbour.example/c/3")
    assert rec.body == PARAGRAPHS[:2]
    assert "story_from_script" not in rec.flags
