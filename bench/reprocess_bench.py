"""Reprocessing benchmark: pages/s of `newsbot reprocess` over a WARC, one process and -j 2.

    python bench/reprocess_bench.py [--pages 2000]

Builds a WARC of --pages article responses from the bundled sample site's pages (each
Business Standard article page of newsbot/samples/business_standard, in turn, under its own URL, marked with the
business_standard profile as a crawl would), then times `newsbot reprocess FILE -o OUT -q`
with -j 1 and -j 2 (child processes, start-up included) and prints pages/s of each.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "newsbot" / "samples" / "business_standard"
BASE = "http://127.0.0.1:8765"


def build_warc(path: Path, n: int) -> None:
    pages = sorted(p for p in SITE.rglob("*_1.html"))
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i in range(n):
            page = pages[i % len(pages)]
            rel = "/" + page.relative_to(SITE).as_posix()
            body = page.read_bytes().replace(b"__BASE_URL__", BASE.encode())
            url = f"{BASE}{rel.replace('_1.html', f'-{i}_1.html')}"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http,
                                                          warc_headers_dict={"WARC-Newsbot-Profile": "business_standard"}))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=2000)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "bench.warc.gz"
        build_warc(warc, args.pages)
        print(f"WARC: {args.pages:,} article responses, {warc.stat().st_size / 1e6:.1f} MB")
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}.jsonl"
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "newsbot.cli", "reprocess", str(warc), "-o", str(out),
                            "-j", str(jobs), "-q"], check=True, capture_output=True)
            elapsed = time.perf_counter() - t
            print(f"-j {jobs}: {args.pages / elapsed:,.1f} pages/s ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
