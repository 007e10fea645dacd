"""The seed page must give exactly the record its README describes."""

import json
import subprocess
import sys

import pytest

from newsbot.core.extract import extract

from .conftest import SEED, SEED_URL

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="needs the shared seed page (../shared/seed, NEWSBOT_SHARED)")


@pytest.fixture(scope="module")
def record():
    return extract(SEED.read_bytes(), url=SEED_URL).to_dict()


@pytest.fixture(scope="module")
def lines():
    return [line.strip() for line in SEED.read_text("utf-8").splitlines() if line.strip()]


def test_body_is_the_nine_story_paragraphs_verbatim(record, lines):
    assert record["body"] == lines[:9]


def test_wire(record):
    assert record["wire"] == {"agency": "IANS", "credit": "--IANS", "dateline": None, "desk": ["qd"],
                              "contributors": [], "credits": ["--IANS", "qd/"]}


def test_disclaimer(record):
    assert record["disclaimer"] == "No Business Standard Journalist was involved in creation of this content"


def test_access_is_metered(record):
    assert record["access"] == "metered"


def test_meter(record):
    pw = record["paywall"]
    assert pw["meter_message"] == "You’ve reached your limit of {{free_limit}} free articles this month."
    assert pw["free_limit"] is None
    assert pw["unrendered"] == ["{{free_limit}}"]


def test_calls_to_action(record):
    assert record["paywall"]["calls_to_action"] == [
        "Subscribe now for unlimited access.", "Already subscribed? Log in", "Subscribe to read the full story →"]


@pytest.mark.parametrize("i,plan,price,text,term,term_text,monthly,monthly_text", [
    (0, "Smart Quarterly", 900, "₹900", 3, "3 Months", 300, "₹300/Month"),
    (1, "Smart Essential", 2700, "₹2,700", 12, "1 Year", 225, "₹225/Month"),
    (2, "Super Saver", 3900, "₹3,900", 24, "2 Years", 162, "₹162/Month"),
])
def test_offers(record, i, plan, price, text, term, term_text, monthly, monthly_text):
    offer = record["paywall"]["offers"][i]
    assert (offer["plan"], offer["price"], offer["currency"], offer["price_text"]) == (plan, price, "INR", text)
    assert (offer["term_months"], offer["term_text"]) == (term, term_text)
    assert (offer["monthly_price"], offer["monthly_price_text"]) == (monthly, monthly_text)
    assert offer["flags"] == []


def test_three_offers_only(record):
    assert len(record["paywall"]["offers"]) == 3


def test_renewal_and_benefits(record, lines):
    pw = record["paywall"]
    assert pw["renewal"] == "Renews automatically, cancel anytime"
    assert pw["benefits_heading"] == "Here’s what’s included in our digital subscription plans"
    start = lines.index(pw["benefits_heading"]) + 1
    pairs = lines[start:]
    assert [(b["title"], b["description"]) for b in pw["benefits"]] == list(zip(pairs[::2], pairs[1::2]))
    assert len(pw["benefits"]) == 8


def test_unclassified_is_empty(record):
    assert record["unclassified"] == []


def test_every_line_is_in_exactly_one_field(record, lines):
    pw = record["paywall"]
    placed = list(record["body"]) + record["wire"]["credits"] + ["Disclaimer: " + record["disclaimer"]]
    placed += [pw["meter_message"], *pw["calls_to_action"], pw["renewal"], pw["benefits_heading"]]
    for o in pw["offers"]:
        placed += [o["plan"], o["price_text"], o["term_text"], o["monthly_price_text"]]
    for b in pw["benefits"]:
        placed += [b["title"], b["description"]]
    placed += record["unclassified"]
    assert sorted(placed) == sorted(lines)


def test_publisher_from_url(record):
    assert record["publisher"] == "Business Standard"
    assert record["profile"] == "business_standard"
    assert record["extraction"] == "text"


def test_cli_gives_the_same_record(record):
    out = subprocess.run([sys.executable, "-m", "newsbot.cli", "extract", str(SEED), "--url", SEED_URL],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == record


def test_seed_record_validates(record, schema_validator):
    assert list(schema_validator.iter_errors(record)) == []
