"""Each fixture page in tests/fixtures/pages gives the record its .expected.json describes.

An expected file lists only the fields it pins down (a subset of the record); lists are
compared whole and in order. `_unclassified_includes` names texts that must survive in
`unclassified`, so nothing on the page is lost. Every record also validates against the
shipped JSON Schema.
"""

from __future__ import annotations

import json
from functools import cache

import pytest

from newsbot.core.extract import extract

from .conftest import PAGES, expected

STEMS = sorted(p.name[: -len(".expected.json")] for p in PAGES.glob("*.expected.json"))


@cache
def record(stem: str) -> dict:
    source = next(p for p in PAGES.glob(stem + ".*") if not p.name.endswith(".expected.json"))
    return extract(source.read_bytes(), url=expected(stem).get("url")).to_dict()


def differences(want, got, path="") -> list[str]:
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [f"{path}: expected an object, got {got!r}"]
        out = []
        for key, value in want.items():
            if key.startswith("_"):
                continue
            out += differences(value, got.get(key, "<missing>"), f"{path}.{key}")
        return out
    if isinstance(want, list):
        if not isinstance(got, list) or len(want) != len(got):
            return [f"{path}: expected {json.dumps(want, ensure_ascii=False)}, got {json.dumps(got, ensure_ascii=False)}"]
        return [d for i, (w, g) in enumerate(zip(want, got)) for d in differences(w, g, f"{path}[{i}]")]
    if isinstance(want, float) or isinstance(got, float):
        ok = isinstance(got, (int, float)) and want is not None and abs(want - got) < 0.005
        return [] if ok else [f"{path}: expected {want!r}, got {got!r}"]
    return [] if want == got else [f"{path}: expected {want!r}, got {got!r}"]


def test_every_fixture_has_a_page():
    assert len(STEMS) >= 16
    for stem in STEMS:
        assert [p for p in PAGES.glob(stem + ".*") if not p.name.endswith(".expected.json")], stem


@pytest.mark.parametrize("stem", STEMS)
def test_record_matches_expected(stem):
    assert differences(expected(stem), record(stem)) == []


@pytest.mark.parametrize("stem", [s for s in STEMS if expected(s).get("_unclassified_includes")])
def test_leftover_text_is_kept(stem):
    kept = "\n".join(record(stem)["unclassified"])
    missing = [t for t in expected(stem)["_unclassified_includes"] if t not in kept]
    assert missing == []


@pytest.mark.parametrize("stem", STEMS)
def test_record_validates_against_schema(stem, schema_validator):
    errors = [e.message for e in schema_validator.iter_errors(record(stem))]
    assert errors == []


@pytest.mark.parametrize("stem", STEMS)
def test_body_carries_no_credit_disclaimer_or_paywall_text(stem):
    rec = record(stem)
    body = "\n".join(rec["body"])
    for credit in (rec["wire"] or {}).get("credits", []):
        if len(credit) > 6:
            assert credit not in body
    if rec["disclaimer"]:
        assert rec["disclaimer"][:60] not in body
    for offer in (rec["paywall"] or {}).get("offers", []):
        assert not offer["price_text"] or offer["price_text"] not in body or offer["price_text"].isalpha()


def test_unrendered_prices_never_become_numbers():
    offers = record("ft_undefined")["paywall"]["offers"]
    assert len(offers) == 3  # the trial's intro and regular price are one offer
    assert all(o["price"] is None and "price_unrendered" in o["flags"] for o in offers)
    assert offers[0]["intro_price"] is None and "intro_price_unrendered" in offers[0]["flags"]


def test_messy_page_paragraphs_are_rejoined_not_split_at_source_line_breaks():
    body = record("messy_broken")["body"]
    assert len(body) == 4
    assert "The city’s overcrowded rail network" in body[0]
    assert "broken_json_ld" in record("messy_broken")["flags"]


def test_byline_agency_credit_found_on_generic_path():
    wire = record("us_metered_dollars")["wire"]
    assert wire["agency"] == "AP"
    assert {"role": "writing", "name": "Kim Lee"} in wire["contributors"]


def test_differences_reports_what_differs():
    assert differences({"a": [1, {"b": "x"}]}, {"a": [1, {"b": "y"}]}) == [".a[1].b: expected 'x', got 'y'"]
    assert differences({"a": None}, {}) == [".a: expected None, got '<missing>'"]
