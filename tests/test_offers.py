"""Offers: prices in every currency form, terms, per-month checks, unrendered prices."""

import pytest

from newsbot.extract import extract
from newsbot.extract.offers import build_offer, parse_term


@pytest.mark.parametrize("text,months", [
    ("3 Months", 3), ("1 Year", 12), ("2 Years", 24), ("every 4 weeks", 0.92), ("/year", 12),
    ("per month", 1), ("per 3 months", 3), ("Annual", 12), ("for 6 months", 6),
])
def test_terms(text, months):
    assert parse_term(text)[0] == months


@pytest.mark.parametrize("price_line,price,currency,text", [
    ("₹2,700", 2700, "INR", "₹2,700"),
    ("Rs 1,29,999", 129999, "INR", "Rs 1,29,999"),
    ("INR 3,900", 3900, "INR", "INR 3,900"),
    ("$15.99", 15.99, "USD", "$15.99"),
    ("€9,99", 9.99, "EUR", "€9,99"),
    ("£4.99", 4.99, "GBP", "£4.99"),
])
def test_prices(price_line, price, currency, text):
    offer = build_offer("Plan", price_line, "1 Year", None)
    assert (offer.price, offer.currency, offer.price_text) == (price, currency, text)


def test_intro_price_with_term_in_line():
    offer = build_offer(None, "$1 for 6 months", None, None)
    assert (offer.price, offer.currency, offer.price_text, offer.term_months, offer.term_text) == (
        1, "USD", "$1", 6, "for 6 months")


def test_every_four_weeks_computed_monthly():
    offer = build_offer("Digital", "$15.99 every 4 weeks", None, None)
    assert offer.term_months == 0.92 and offer.computed_monthly_price == pytest.approx(17.38, abs=0.01)
    assert offer.monthly_price is None


def test_monthly_mismatch_is_flagged():
    ok = build_offer("Saver", "₹3,900", "2 Years", "₹162/Month")
    bad = build_offer("Saver", "₹3,900", "2 Years", "₹262/Month")
    assert "monthly_price_mismatch" not in ok.flags
    assert "monthly_price_mismatch" in bad.flags


@pytest.mark.parametrize("line", ["Only undefined for 4 weeks", "Then undefined per month", "undefined per 3 months"])
def test_undefined_price_is_null_and_flagged(line):
    offer = build_offer(None, line, None, None)
    assert offer.price is None and offer.price_text == "undefined"
    assert "price_unrendered" in offer.flags


def test_ft_undefined_paywall_plain_text():
    text = ("The first paragraph of the story.\n"
            "Subscribe to unlock this article\n"
            "Trial\nOnly undefined for 4 weeks\nThen undefined per month\n"
            "Standard Digital\nundefined per 3 months\n")
    rec = extract(text.encode())
    pw = rec.paywall
    assert rec.body == ["The first paragraph of the story."]
    assert pw.unrendered == ["undefined"]
    # The trial's introductory price and its regular price are one offer.
    assert [o.plan for o in pw.offers] == ["Trial", "Standard Digital"]
    assert all(o.price is None for o in pw.offers)
    assert [o.term_months for o in pw.offers] == [1, 3]
    assert (pw.offers[0].intro, pw.offers[0].intro_term_months, pw.offers[0].intro_price_text) == (True, 0.92, "undefined")
    assert not pw.offers[1].intro
    assert "undefined" not in [o.plan for o in pw.offers]


def test_us_meter_counts_remaining_not_limit():
    rec = extract(b"Story text here.\nYou have 3 free articles left this month.\nSubscribe now\n")
    assert rec.paywall.free_remaining == 3 and rec.paywall.free_limit is None
    assert rec.access == "metered"


def test_meter_with_number_gives_free_limit():
    rec = extract(b"Story text here.\nYou've reached your limit of 5 free articles this month.\nSubscribe now\n")
    assert rec.paywall.free_limit == 5 and rec.paywall.unrendered == []
