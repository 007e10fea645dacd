"""Encoding repair: the bytes that need it, not the whole page (issue 14)."""

import pytest

from newsbot.core.extract import extract
from newsbot.core.extract.page import load_page

STORY = ("<p>The canteen raised the price of a thali to ₹120 — the café next door still charges ₹90, "
         "and the owner said “we will hold it” until March.</p>")


def _page(charset: str, body: str = STORY) -> str:
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>Canteen prices</title></head><body><article><h1>Canteen prices rise</h1>{body * 3}</article></body></html>")


@pytest.mark.parametrize("charset", ["iso-8859-1", "gb2312", "windows-1252", "shift_jis"])
def test_utf8_bytes_under_a_legacy_label_are_read_as_utf8(charset):
    page = load_page(_page(charset).encode("utf-8"))
    assert page.encoding == "utf-8" and "encoding_repaired" in page.flags
    assert "₹120 — the café" in page.text and "â‚¹" not in page.text


def test_one_stray_cp1252_byte_is_repaired_alone():
    raw = _page("utf-8").encode("utf-8").replace("café".encode("utf-8"), b"caf\xe9", 1)
    page = load_page(raw)
    assert "encoding_repaired" in page.flags and page.encoding == "utf-8"
    assert page.text.count("₹120") == 3 and "â‚¹" not in page.text  # the rest of the page untouched
    assert page.text.count("café") == 3  # the stray byte read as windows-1252


@pytest.mark.parametrize("charset,text", [("gb2312", "武汉的声音：有英勇的你"), ("iso-8859-1", "Café au lait, großartig")])
def test_pages_in_their_declared_legacy_encoding_stay_as_declared(charset, text):
    page = load_page(_page(charset, f"<p>{text}</p>").encode(charset))
    assert text in page.text and "encoding_repaired" not in page.flags


def test_ascii_page_is_not_flagged():
    page = load_page(_page("iso-8859-1", "<p>Plain text only.</p>").encode("ascii"))
    assert page.flags == []


def test_repaired_record_keeps_the_rupee_sign():
    raw = _page("utf-8").encode("utf-8").replace("café".encode("utf-8"), b"caf\xe9", 1)
    rec = extract(raw, url="https://www.canteen-news.in/prices")
    assert "encoding_repaired" in rec.flags and any("₹120" in p for p in rec.body)
