"""A record written to several JSON lines feeds is encoded once (issue 18): the same line
Scrapy's own exporter writes, in every feed; a feed with other options gets its own line."""

from __future__ import annotations

import json
import subprocess
import sys
from io import BytesIO

from scrapy.exporters import JsonLinesItemExporter as ScrapyJsonLinesItemExporter

from newsbot.crawling.feeds import JsonLinesItemExporter
from newsbot.crawling.items import ArticleItem

from .crawling import MANIFEST, crawl_command, crawl_env, serve


def article(n: int) -> ArticleItem:
    return ArticleItem(url=f"https://a.example/{n}", headline=f"Héadline {n} \u2028", body=["one", "two"],
                       flags=[], wire={"agency": "PTI", "credit": "(PTI)"})


class _Counting:
    """An exporter's JSON encoder, counting the records it encodes."""

    def __init__(self, encoder):
        self.encoder, self.calls = encoder, 0

    def encode(self, obj):
        self.calls += 1
        return self.encoder.encode(obj)


def exporters(n: int, **options) -> list[tuple[JsonLinesItemExporter, BytesIO, _Counting]]:
    out = []
    for _ in range(n):
        file = BytesIO()
        exporter = JsonLinesItemExporter(file, **options)
        exporter.encoder = counting = _Counting(exporter.encoder)
        out.append((exporter, file, counting))
    return out


def scrapy_line(item, **options) -> bytes:
    file = BytesIO()
    ScrapyJsonLinesItemExporter(file, **options).export_item(item)
    return file.getvalue()


def test_one_record_in_two_feeds_is_encoded_once_with_scrapys_line():
    JsonLinesItemExporter._last = None
    (a, fa, ca), (b, fb, cb) = exporters(2, encoding="utf-8")
    item = article(1)
    a.export_item(item)
    b.export_item(item)
    assert fa.getvalue() == fb.getvalue() == scrapy_line(item, encoding="utf-8")
    assert ca.calls + cb.calls == 1


def test_other_options_or_another_record_get_their_own_line():
    JsonLinesItemExporter._last = None
    [(plain, fp, _)] = exporters(1, encoding="utf-8")
    [(some, fs, _)] = exporters(1, encoding="utf-8", fields_to_export=["url", "headline"])
    [(ascii_, fa, _)] = exporters(1)
    first, second = article(1), article(2)
    plain.export_item(first)
    some.export_item(first)
    ascii_.export_item(first)
    assert fs.getvalue() == scrapy_line(first, encoding="utf-8", fields_to_export=["url", "headline"])
    assert fa.getvalue() == scrapy_line(first) and b"\\u00e9" in fa.getvalue()
    # A record equal in content but another object is encoded anew (compared by identity).
    twin = article(1)
    twin["headline"] = "changed"
    plain.export_item(twin)
    some.export_item(second)
    assert fp.getvalue().splitlines()[1] == scrapy_line(twin, encoding="utf-8").rstrip(b"\n")
    assert fs.getvalue().splitlines()[1] == scrapy_line(second, encoding="utf-8",
                                                        fields_to_export=["url", "headline"]).rstrip(b"\n")


def test_a_crawl_writes_the_same_lines_to_two_json_lines_feeds(tmp_path):
    server, base = serve()
    try:
        cmd = crawl_command(tmp_path, args={"base_url": base, "listing_pages": "0"})
        cmd += ["-o", str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "b.jl:jsonlines")]
        proc = subprocess.run(cmd, cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=180)
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr[-2000:]
    a, b = (tmp_path / "a.jsonl").read_bytes(), (tmp_path / "b.jl").read_bytes()
    assert a == b
    records = [json.loads(line) for line in a.splitlines()]
    assert len(records) == MANIFEST["expected_records"]


def test_the_dict_shortcut_gives_scrapys_line_and_leaves_serializers_alone():
    """Records are dicts, written whole without Scrapy's per-field walk: the line must be the
    one Scrapy writes (empty fields exported or not), and an exporter that serializes its
    fields must still be asked for each one."""
    from newsbot.crawling.items import FailureItem

    JsonLinesItemExporter._last = None
    failure = FailureItem(url="https://a.example/x", reason="binary", status=None, detail="")
    for options in ({"encoding": "utf-8"}, {"encoding": "utf-8", "export_empty_fields": True}):
        [(exporter, file, _)] = exporters(1, **options)
        exporter.export_item(article(3))
        exporter.export_item(failure)
        assert file.getvalue() == scrapy_line(article(3), **options) + scrapy_line(failure, **options)

    class Upper(JsonLinesItemExporter):
        def serialize_field(self, field, name, value):
            return value.upper() if isinstance(value, str) else value

    JsonLinesItemExporter._last = None
    file = BytesIO()
    Upper(file, encoding="utf-8").export_item(article(4))
    assert json.loads(file.getvalue())["url"] == "HTTPS://A.EXAMPLE/4"
