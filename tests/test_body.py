"""The story on layouts newsbot has no profile for: hostile shapes and page furniture."""

from newsbot.extract import extract
from newsbot.extract.html import flatten_deep_markup

SENTENCE = "The harbour board voted on Tuesday to rebuild the northern pier before the winter storms. "


def _paragraphs(n: int, tag: str = "p") -> str:
    return "".join(f"<{tag}>{SENTENCE * 3}Paragraph {i}.</{tag}>" for i in range(n))


def test_story_inside_100000_nested_divs_is_read_and_flagged():
    depth = 100_000
    page = ("<html><head><title>Pier</title></head><body>" + "<div>" * depth + "<h1>Pier to be rebuilt</h1>"
            + _paragraphs(5) + "</div>" * depth + "</body></html>")
    rec = extract(page.encode(), url="https://example.org/pier")
    assert len(rec.body) == 5 and rec.body[0].startswith("The harbour board voted")
    assert rec.body[-1].endswith("Paragraph 4.")
    assert "deep_markup_flattened" in rec.flags


def test_story_in_one_16_mb_text_node_is_read_and_flagged():
    text = SENTENCE * (16 * 1024 * 1024 // len(SENTENCE))
    page = f"<html><body><article><h1>Pier to be rebuilt</h1><p>{text}</p></article></body></html>"
    rec = extract(page.encode(), url="https://example.org/pier")
    assert len(rec.body) == 1 and len(rec.body[0]) > 16_000_000
    assert "huge_text_node" in rec.flags


def test_flattening_keeps_shallow_markup_and_all_text():
    deep = "<div>" * 300 + "<p>inner words</p>" + "</div>" * 300
    flat, removed = flatten_deep_markup(f"<html><body><p>outer</p>{deep}</body></html>", 200)
    assert removed == 300 - 200 + 2  # html and body count towards the depth
    assert flat.count("<div>") == 198 and "<p>inner words</p>" in flat and "<p>outer</p>" in flat
    same, none = flatten_deep_markup("<html><body><div><p>x</p></div></body></html>", 200)
    assert none == 0 and same == "<html><body><div><p>x</p></div></body></html>"


def test_ordinary_page_is_not_flagged():
    page = f"<html><body><article><h1>Pier to be rebuilt</h1>{_paragraphs(4)}</article></body></html>"
    rec = extract(page.encode(), url="https://example.org/pier")
    assert len(rec.body) == 4
    assert not {"deep_markup_flattened", "huge_text_node"} & set(rec.flags)
