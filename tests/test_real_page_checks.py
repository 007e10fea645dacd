"""The real-page check set (bench/real_page_checks.json) and its scoring rules in bench/evaluate_corpus.py."""
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from evaluate_corpus import CHECKS_FILE, GROUP_OF, check_page  # noqa: E402

from .conftest import SHARED  # noqa: E402

CORPUS = SHARED / "corpus"
KNOWN = set(GROUP_OF) | {"corpus", "file", "url", "why"}


def results(entry, record):
    return {label: ok for _, label, _, _, ok in check_page(entry, record)}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs the shared corpus (../shared/corpus, NEWSBOT_SHARED)")
def test_check_set_names_real_pages_and_known_fields_only():
    pages = json.loads(CHECKS_FILE.read_text(encoding="utf-8"))["pages"]
    assert len(pages) >= 80
    assert len({(p["corpus"], p["file"]) for p in pages}) == len(pages)
    for p in pages:
        assert (CORPUS / p["corpus"] / p["file"]).is_file(), p["file"]
        assert set(p) <= KNOWN, set(p) - KNOWN
        assert p.get("why"), p["file"]


def test_body_edges_allow_a_split_dateline_but_not_a_standfirst():
    entry = {"body_first": "federal drug officials are warning", "body_last": "goes through."}
    split = {"body": ["ATLANTA --", "Federal drug officials are warning Georgia.", "It goes through."]}
    assert all(results(entry, split).values())
    standfirst = {"body": ["A summary line that is long enough to be a paragraph of its own.",
                           "Federal drug officials are warning Georgia.", "It goes through.", "Get alerts on the latest poll: sign up here"]}
    r = results(entry, standfirst)
    assert r == {"body_first": False, "body_last": False}


def test_null_agency_fails_on_a_false_credit_and_offers_need_the_currency():
    entry = {"agency": None, "offers": [{"price": 0.99, "currency": "CAD"}], "access": "metered"}
    rec = {"wire": {"agency": "Reuters", "credit": "REUTERS"}, "access": "metered",
           "paywall": {"offers": [{"price": 0.99, "currency": "USD"}]}}
    assert results(entry, rec) == {"agency": False, "offer 0.99 CAD": False, "access": True}
    rec["wire"] = None
    rec["paywall"]["offers"][0]["currency"] = "CAD"
    assert all(results(entry, rec).values())


def test_authors_by_surname_and_alternative_headlines():
    entry = {"authors": ["Ralph D. Russo", "Rodolfo Costa."], "authors_not": ["USA TODAY"],
             "headline": ["Strong tornadoes possible", "A few strong tornadoes could strike"],
             "published": ["2023-12-22", "2023-12-23"], "publisher": "The Washington Post"}
    rec = {"authors": ["RALPH RUSSO", "Rodolfo Costa"], "headline": "strong  tornadoes possible",
           "published_at": "2023-12-23T03:22:07+00:00", "publisher": "Washington Post"}
    assert all(results(entry, rec).values())
    rec["authors"] = ["USA TODAY"]
    r = results(entry, rec)
    assert r["authors"] is False and r["authors_not 'USA TODAY'"] is False


def test_empty_author_list_means_no_byline_on_the_page():
    assert results({"authors": []}, {"authors": ["दैनिक भास्कर"]}) == {"authors": False}
    assert results({"authors": []}, {"authors": []}) == {"authors": True}
