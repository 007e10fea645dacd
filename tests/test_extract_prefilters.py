"""The quick word tests in front of costly patterns (text.may_hold) never change an answer.

Each gated predicate must say exactly what its pattern alone says, on every line of the
fixture pages and on lines written to trip the test: any case, and the characters
re.IGNORECASE folds to an ASCII letter that str.lower() does not (dotted and dotless I,
long s, the Kelvin sign)."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from newsbot.core.extract import html as regions, metadata, offers, paywall, wire
from newsbot.core.extract.blocks import blockify
from newsbot.core.extract.text import may_hold

from .conftest import PAGES

TRICKY = [
    "PHOTO: Reuters", "Photo Credit: PTI", "File photo of the port. (Reuters)", "Screengrab: X", "AFP PHOTO",
    "P\u0130CTURE: AFP", "Pi\u0307cture: AFP", "\u212auva: Lehtikuva", "Image for representation only",
    "Foto: dpa", "Zdj\u0119cie: PAP", "via Getty Images", "picture-alliance/dpa",
    "You have 3 free articles left", "YOU HAVE NO FREE ARTICLES LEFT", "Reached your article l\u0131mit",
    "2 of 5 articles read", "Dein letzter kostenloser Artikel", "Tu \u00faltimo art\u00edculo gratis",
    "te quedan 4", "Il vous reste 2 articles", "ARTIKEL", "\u0130", "",
    "For subscribers only", "EXCLUSIVE TO SUBSCRIBERS", "Nur f\u00fcr Abonnenten", "Article r\u00e9serv\u00e9 aux abonn\u00e9s",
    "Only subscribers can save articles", "This story is available exclu\u017fively to X subscribers",
    "For \u017fubscribers only", "Tylko dla prenumerator\u00f3w",
    "Only undefined/month", "$NaN per month", "for null a month", "\u20b9{{price}} per month", "then UNDEFINED",
    "just undef\u0131ned", "Agencies", "AGENC\u0130ES", "Guardian staff and agencies", "From wire reports",
    "By WIRES", "Jane Roe in Paris contributed to this report.", "The Associated Press contributed.",
    "\u2014 Tom Doe also contributed reporting from Bonn.", "Reuters contributed", "The Reserve Bank of India kept the repo rate at 6.5 per cent on Friday.",
]


def _page_lines() -> list[str]:
    lines = list(TRICKY)
    for page in sorted(PAGES.glob("*.html")):
        tree = lxml_html.fromstring(page.read_bytes())
        lines += [b.text for b in blockify(tree, fine=True)]
    return lines


LINES = _page_lines()


def test_lines_cover_the_forms():
    assert len(LINES) > 500
    assert any(wire.CAPTION.search(t) for t in LINES)
    assert any(paywall.METER.search(t) for t in LINES)
    assert any(paywall.SUBSCRIBER_ONLY.search(t) for t in LINES)
    assert any(offers._UNRENDERED_PRICE.search(t) for t in LINES)


@pytest.mark.parametrize("gated, bare", [
    (wire.is_caption, lambda t: len(t) < 400 and bool(wire.CAPTION.search(t))),
    (paywall.is_meter, lambda t: len(t) < 200 and bool(paywall.METER.search(t) or paywall.METER_MORE.search(t))),
    (paywall.is_subscriber_only, lambda t: len(t) < 200 and bool(paywall.SUBSCRIBER_ONLY.search(t))),
    (offers.has_unrendered_price, lambda t: bool(offers._UNRENDERED_PRICE.search(t))),
], ids=["caption", "meter", "subscriber_only", "unrendered_price"])
def test_gated_predicate_says_what_its_pattern_says(gated, bare):
    wrong = [t for t in LINES if gated(t) != bare(t)]
    assert wrong == []


@pytest.mark.parametrize("pattern, gate", [
    (wire._CONTRIBUTED, lambda t: "contributed" in t),
    (wire._PEOPLE_CONTRIBUTED, lambda t: "contributed" in t),
    (wire._UNNAMED_BYLINE, lambda t: may_hold(t, wire._UNNAMED_WORDS)),
], ids=["contributed", "people_contributed", "unnamed_byline"])
def test_every_line_a_credit_pattern_matches_passes_its_gate(pattern, gate):
    # uncaptioned_line_credit asks the gate before the pattern: it must hold wherever the
    # pattern matches, or a credit would be missed.
    matched = [t for t in LINES if pattern.match(t)]
    assert matched  # the lines hold the form
    assert [t for t in matched if not gate(t)] == []


def test_folding_characters_defeat_the_word_test():
    # re.I equates these with i, s and k; str.lower() does not turn them into those letters.
    assert re.search("picture", "P\u0130CTURE", re.I) and "picture" not in "P\u0130CTURE".lower()
    assert wire.is_caption("P\u0130CTURE: AFP")
    assert paywall.is_subscriber_only("For \u017fubscribers only")
    assert may_hold("\u212auva", ("kuva",)) and not may_hold("Kuba", ("kuva",))


@pytest.mark.parametrize("words, pattern", [
    (regions._SUBSCRIBE_STEMS, regions.SUBSCRIBE_HREF),
    (regions._WALLED_STEMS, re.compile("|".join(regions.WALLED_CONTENT_CLASSES))),
    (metadata._LABEL_STEMS, metadata._LABEL_CLASS),
    (wire._CAPTION_WORDS, wire.CAPTION),
], ids=["subscribe_href", "walled_class", "label_class", "caption"])
def test_stems_cover_every_word_of_the_pattern(words, pattern):
    hrefs = ["/subscribe", "/SUSCRIBITE", "/assinatura", "/abonnement", "https://abo.example.de/x", "/buysub",
             "/offers", "/plans/annual", "/checkout", "paywall-content", "subscriber-only", "premium-content",
             "meteredcontent", "locked-content", "zplus-badge", "premium-label", "Kicker", "eyebrow", "abo",
             "Photo: AP", "Picture: AFP", "Credit: X", "Video grab: Y", "Bild: dpa", "Kuva: STT"]
    wrong = [h for h in hrefs if pattern.search(h) and not may_hold(h, words)]
    assert wrong == []


def test_clean_folds_white_space_as_its_pattern_does():
    """clean()'s split-and-join path gives what the white-space pattern gives, for every
    character \\s or str.isspace() knows and the zero-width marks, in runs, at the edges."""
    import random
    import sys

    from newsbot.core.extract.text import _SPACE, clean

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() or re.match(r"\s", chr(c))]
    assert "\u00a0" in spaces and "\u3000" in spaces and len(spaces) >= 25
    alphabet = spaces + ["\u200b", "\u200c", "\u200d", "\ufeff", "a", "B", "7", ".", "\u00e9", "\u0130"]
    rng = random.Random(18)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    texts += [c + "word" + c for c in alphabet] + ["  two  words  ", "\u00a0x\u00a0", ""]
    wrong = [t for t in texts if clean(t) != _SPACE.sub(" ", t).strip()]
    assert wrong == []


_BOXES = (
    "<html><head><meta charset='utf-8'></head><body><article><p>The council approved the new budget on Friday after a long debate.</p>"
    "<div class='share-row'>Share: <a>Facebook</a><a>Twitter</a><a>Email</a></div>"
    "<div class='related-links'><ul><li><a>Mayor\u00a0names new deputy</a></li><li>Bridge\u200b vote delayed"
    "</li><li><b>Ro</b>ad repairs <i>start</i> in May</li></ul></div>"
    "<aside class='newsletter-box'><p>Get the morning note</p></aside>"
    "<div class='most-read'><p>Nothing here is in the story at all</p></div></article></body></html>")


@pytest.mark.parametrize("name", ["boxes", *(p.name for p in sorted(PAGES.glob("*.html")))])
def test_furniture_box_prefix_test_changes_no_answer(name, monkeypatch):
    from newsbot.core.extract.generic import page_scan

    root = lxml_html.fromstring(_BOXES.encode() if name == "boxes" else (PAGES / name).read_bytes())
    containers = page_scan(root).containers
    # Every other line of the page: boxes holding none of them are skipped by the test.
    lines = [b.text for b in blockify(root)][::2]
    found = regions.furniture_texts(containers, lines)
    monkeypatch.setattr(regions, "PREFIX_CHECK_MAX", -1)  # every box taken apart, as without the test
    assert found == regions.furniture_texts(containers, lines)
    if name == "boxes":
        assert lines == ["The council approved the new budget on Friday after a long debate.",
                         "Mayor names new deputy", "Road repairs start in May",
                         "Nothing here is in the story at all"]
        assert found == {"Mayor names new deputy", "Road repairs start in May", "Nothing here is in the story at all"}
