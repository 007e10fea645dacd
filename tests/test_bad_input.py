"""Bad input gets a clear error or an explicit flag in the record."""

import gzip
import json
import subprocess
import sys

import pytest

from newsbot.core.extract import PageError, extract
from newsbot.core.extract import page as page_mod


def test_empty_page_is_an_error():
    with pytest.raises(PageError) as err:
        extract(b"   \n\t ")
    assert err.value.reason == "empty"


def test_binary_page_is_an_error():
    with pytest.raises(PageError) as err:
        extract(bytes(range(256)) * 20)
    assert err.value.reason == "binary"


def test_huge_page_is_refused(monkeypatch):
    monkeypatch.setattr(page_mod, "MAX_PAGE_BYTES", 1000)
    with pytest.raises(PageError) as err:
        extract(b"<html><body><p>" + b"x" * 2000 + b"</p></body></html>")
    assert err.value.reason == "too_large"


def test_gzip_is_read_transparently():
    rec = extract(gzip.compress("A story line.\n--IANS\n".encode()))
    assert rec.body == ["A story line."] and rec.wire.agency == "IANS"


def test_corrupt_gzip_is_an_error():
    with pytest.raises(PageError) as err:
        extract(b"\x1f\x8b\x08\x00garbage")
    assert err.value.reason == "bad_gzip"


def test_mis_declared_encoding_is_repaired_and_flagged():
    html = ('<html><head><meta charset="utf-8"><title>Caf\u00e9</title></head><body><article>'
            '<p>The caf\u00e9 charged \u00a35 for tea, up from last year, the owner said.</p></article></body></html>')
    rec = extract(html.encode("cp1252"))
    assert "encoding_repaired" in rec.flags
    assert any("café charged £5" in p for p in rec.body)


def test_undefined_prices_never_become_numbers():
    html = """<html><body><article><p>Teaser paragraph of the story goes here, long enough to keep.</p></article>
    <div class="paywall-offers"><h3>Standard Digital</h3><p>Only undefined for 4 weeks</p>
    <p>Then undefined per month</p><a href="/subscribe">Subscribe now</a></div></body></html>"""
    rec = extract(html.encode(), url="https://www.example-times.com/content/abc")
    offers = rec.paywall.offers
    assert offers and all(o.price is None and "price_unrendered" in o.flags for o in offers)
    assert "undefined" in rec.paywall.unrendered
    assert all(o.plan != "undefined" for o in offers)


def test_cli_reports_bad_files_and_keeps_going(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("One story paragraph.\n--IANS\n", "utf-8")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.html"
    out = subprocess.run([sys.executable, "-m", "newsbot.cli", "extract", str(empty), str(good), str(missing)],
                         capture_output=True, text=True)
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["body"] == ["One story paragraph."]
    assert "empty.html: empty" in out.stderr and "missing.html" in out.stderr


def test_cli_reads_stdin_and_sets_url():
    out = subprocess.run([sys.executable, "-m", "newsbot.cli", "extract", "-", "--url",
                          "https://www.business-standard.com/article/news-ians/x-118050600166_1.html"],
                         input="Para one.\n--IANS\n", capture_output=True, text=True, check=True)
    rec = json.loads(out.stdout)
    assert rec["url"].endswith("_1.html") and rec["publisher"] == "Business Standard"


def test_cli_url_takes_one_file_only(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("x\n")
    out = subprocess.run([sys.executable, "-m", "newsbot.cli", "extract", str(a), str(a), "--url", "https://x.example/"],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "one file" in out.stderr


def _article(ld: str) -> bytes:
    return ('<html><head><script type="application/ld+json">' + ld + '</script></head><body><article>'
            '<h1>Ferry service resumes after storm</h1><p>' + "The ferry resumed service on Monday after the storm. " * 8
            + '</p></article></body></html>').encode()


@pytest.mark.parametrize("ld", [
    "[" * 100_000 + "]" * 100_000,  # deeper than Python's stack
    '{"@graph": ' * 5000 + '{"@type": "NewsArticle"}' + "}" * 5000,
    '{"@type": 5, "headline": "x"}',
    '{"@type": {"x": 1}, "author": 7, "datePublished": ["bad"]}',
    '{"@type": "NewsArticle", "publisher": 5, "hasPart": "no"}',
])
def test_hostile_json_ld_still_gives_the_page(ld):
    rec = extract(_article(ld), url="https://example.org/ferry")
    assert rec.headline == "Ferry service resumes after storm"
    assert rec.body and "ferry resumed" in rec.body[0]


def test_unparseable_json_ld_is_flagged():
    rec = extract(_article("[" * 100_000), url="https://example.org/ferry")
    assert "broken_json_ld" in rec.flags


def test_bad_paywall_selector_in_json_ld_is_ignored():
    ld = ('{"@type": "NewsArticle", "isAccessibleForFree": false, "hasPart": {"@type": "WebPageElement",'
          ' "isAccessibleForFree": false, "cssSelector": "div[[[>>"}}')
    rec = extract(_article(ld), url="https://example.org/ferry")
    assert rec.body and "ld:paywalled_part=div[[[>>" in rec.access_evidence


@pytest.mark.parametrize("text", ["2 hours ago", "Tuesday", "03/04/2026"])
def test_date_that_cannot_be_placed_is_null_not_guessed(text):
    page = ('<html><body><article><h1>Ferry service resumes after storm</h1><span class="date">' + text
            + '</span><p>' + "The ferry resumed service on Monday after the storm. " * 8 + '</p></article></body></html>')
    rec = extract(page.encode(), url="https://example.org/ferry")
    assert rec.published_at is None
