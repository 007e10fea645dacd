"""`newsbot reprocess` on hostile and damaged archives: the crawl's size limit holds (a
Content-Encoding bomb, a huge record, the crawl's own archive of a refused page), and a
damaged WARC is read past its damage with what was lost named and a non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .crawling import HTML, RouteServer, crawl, read_jsonl, robots_allow, story_page

# Runs `newsbot reprocess` and prints the process's peak RSS (MiB) as the last stderr line.
PEAK_PROBE = ("import sys\nfrom newsbot.cli import main\nrc = main(['reprocess', '-q', *sys.argv[1:]])\n"
              "print(int(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:'))) // 1024, file=sys.stderr)\nsys.exit(rc)")


def reprocess_peak(*args) -> tuple[subprocess.CompletedProcess, int]:
    proc = subprocess.run([sys.executable, "-c", PEAK_PROBE, *map(str, args)], capture_output=True, text=True,
                          timeout=300)
    return proc, int(proc.stderr.strip().splitlines()[-1])


def reprocess(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsbot.cli", "reprocess", "-q", *map(str, args)],
                          capture_output=True, text=True, timeout=180)


def gzip_bomb(megabytes: int) -> bytes:
    """gzip bytes that decode to `megabytes` MiB of one repeated line (about 1 KB per MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"<p>" + b"a" * (1024 * 1024 - 8) + b"</p>\n"
    out = [packer.compress(b"<html><body>")]
    out += [packer.compress(block) for _ in range(megabytes)]
    return b"".join(out) + packer.flush()


class Repeat:
    """A file-like payload of `size` bytes of one page repeated, made as it is read."""

    def __init__(self, size: int, unit: bytes = b"<p>the same paragraph again and again</p>\n"):
        self.left, self.unit = size, unit

    def read(self, n: int = -1) -> bytes:
        n = self.left if n is None or n < 0 else min(n, self.left)
        self.left -= n
        return (self.unit * (n // len(self.unit) + 1))[:n]


def write_warc(path: Path, pages: list[tuple[str, list, object]], gz: bool = True) -> Path:
    """A WARC of 200 responses: (url, headers, body bytes or file-like payload)."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, headers, body in pages:
            payload = BytesIO(body) if isinstance(body, bytes) else body
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            length = len(body) if isinstance(body, bytes) else body.left
            writer.write_record(writer.create_warc_record(url, "response", payload=payload, length=length,
                                                          http_headers=http))
    return path


def story_pages(n: int) -> list[tuple[str, list, bytes]]:
    return [(f"http://news.example/story-{i}.html", [("Content-Type", "text/html; charset=utf-8")],
             story_page(f"Story number {i}")) for i in range(n)]


# --- item 5: the crawl's size limit, read in bounded chunks ------------------------------------

def test_content_encoding_bomb_in_a_warc_is_refused_without_inflating(tmp_path):
    bomb = gzip_bomb(600)
    warc = write_warc(tmp_path / "bomb.warc.gz", story_pages(2)[:1] + [
        ("http://news.example/bomb.html", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], bomb)])
    assert warc.stat().st_size < 20_000
    proc, peak = reprocess_peak(warc, "-o", tmp_path / "out.jsonl")
    assert peak < 250, f"peak RSS {peak} MiB for a {warc.stat().st_size} B WARC"
    failures = read_jsonl(tmp_path / "out.failures.jsonl")
    assert [(f["url"], f["reason"]) for f in failures] == [("http://news.example/bomb.html", "oversize")]
    assert [r["headline"] for r in read_jsonl(tmp_path / "out.jsonl")] == ["Story number 0"]


def test_huge_record_is_refused_without_loading_it(tmp_path):
    warc = write_warc(tmp_path / "huge.warc.gz", [
        ("http://news.example/huge.html", [("Content-Type", "text/html")], Repeat(400 * 1024 * 1024))]
        + story_pages(1))
    proc, peak = reprocess_peak(warc, "-o", tmp_path / "out.jsonl")
    assert peak < 250, f"peak RSS {peak} MiB for a 400 MB record"
    assert [f["reason"] for f in read_jsonl(tmp_path / "out.failures.jsonl")] == ["oversize"]
    assert [r["headline"] for r in read_jsonl(tmp_path / "out.jsonl")] == ["Story number 0"]


def test_reprocessing_the_crawls_own_archive_of_a_refused_bomb_stays_bounded(tmp_path):
    bomb = gzip_bomb(600)  # over DOWNLOAD_MAXSIZE once decoded: the crawl refuses it as oversize
    routes = {"/robots.txt": robots_allow(),
              "/bomb.html": (200, {**HTML, "Content-Encoding": "gzip"}, bomb),
              "/fine.html": (200, HTML, story_page("Fine story"))}
    with RouteServer(routes) as srv:
        run = crawl(tmp_path, "wire", args={"urls": f"{srv.base}/bomb.html,{srv.base}/fine.html"},
                    settings={"NEWSBOT_ARCHIVE": str(tmp_path / "archive"), "NEWSBOT_STATE": ""})
    assert [f["reason"] for f in run.failures] == ["oversize"]
    [warc] = (tmp_path / "archive").glob("*.warc.gz")
    proc, peak = reprocess_peak(warc, "-o", tmp_path / "again.jsonl")
    assert peak < 250, f"peak RSS {peak} MiB reprocessing the crawl's archive"
    assert [r["headline"] for r in read_jsonl(tmp_path / "again.jsonl")] == ["Fine story"]
    assert [(f["url"].rsplit("/", 1)[1], f["reason"]) for f in read_jsonl(tmp_path / "again.failures.jsonl")] \
        == [("bomb.html", "oversize")]


# --- item 9: a damaged WARC is read past its damage, and says so ---------------------------------

def _damage_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("newsbot reprocess: damaged:")]


def _assert_told_plainly(proc):
    assert "Traceback" not in proc.stderr
    assert proc.stderr.isascii() and all(c.isprintable() or c in "\n\r\t" for c in proc.stderr), proc.stderr[-500:]


def test_random_bytes_mid_file_skip_to_the_next_record(tmp_path):
    for gz in (True, False):
        warc = write_warc(tmp_path / ("mid.warc.gz" if gz else "mid.warc"), story_pages(60), gz=gz)
        data = warc.read_bytes()
        middle = len(data) // 2
        warc.write_bytes(data[:middle] + os.urandom(3000) + data[middle + 1000:])
        out = tmp_path / "out.jsonl"
        proc = reprocess(warc, "-o", out)
        _assert_told_plainly(proc)
        assert proc.returncode == 1
        got = {r["headline"] for r in read_jsonl(out)}
        assert 57 <= len(got) < 60, (gz, len(got))  # one or two records lost, the rest read
        assert "Story number 59" in got and "Story number 0" in got
        (line,) = _damage_lines(proc.stderr)
        assert f"{warc.name}: bytes " in line and "unreadable, skipped" in line
        assert "damaged: 1" in proc.stderr


def test_truncated_warc_exits_nonzero_and_says_where(tmp_path):
    for gz in (True, False):
        warc = write_warc(tmp_path / ("cut.warc.gz" if gz else "cut.warc"), story_pages(20), gz=gz)
        data = warc.read_bytes()
        warc.write_bytes(data[: len(data) * 3 // 4])
        out = tmp_path / "out.jsonl"
        proc = reprocess(warc, "-o", out)
        _assert_told_plainly(proc)
        assert proc.returncode == 1, (gz, proc.stderr[-500:])
        assert 13 <= len(read_jsonl(out)) < 20
        assert _damage_lines(proc.stderr), proc.stderr[-500:]


def test_a_file_that_is_no_warc_exits_nonzero(tmp_path):
    html = tmp_path / "page.warc.gz"
    html.write_bytes(story_page("Not an archive"))
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    good = write_warc(tmp_path / "good.warc.gz", story_pages(3))
    proc = reprocess(html, empty, good, "-o", tmp_path / "out.jsonl")
    _assert_told_plainly(proc)
    assert proc.returncode == 1
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 3  # the good file is still read
    lines = _damage_lines(proc.stderr)
    assert any(line.startswith("newsbot reprocess: damaged: page.warc.gz:") for line in lines)
    assert any("empty.warc: no WARC record" in line for line in lines)
    assert not any("good.warc.gz" in line for line in lines)
