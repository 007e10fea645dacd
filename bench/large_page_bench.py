#!/usr/bin/env python3
"""How extraction time grows with page size on the generic path (a hostile or huge page).

    python bench/large_page_bench.py [--sizes 1000,4000,16000] [--locator trafilatura|resiliparse]

Builds pages of N story paragraphs, each beside a small "related" box (the furniture scan's
worst case: thousands of boxes and lines), and prints size, seconds and seconds per MB. Work
that grows faster than the page shows as a rising seconds-per-MB column. In a crawl, pages
of NEWSBOT_PAGE_TIMEOUT_ABOVE bytes or more run under NEWSBOT_PAGE_TIMEOUT.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from newsbot.core.extract import extract  # noqa: E402

PARA = "The council met on Friday and agreed the budget for the coming year after a long debate. "


def page(n: int) -> bytes:
    items = "".join(f'<div class="related-item share-{i}"><p>{PARA} item {i}</p></div><p>{PARA * 3} {i}</p>'
                    for i in range(n))
    return f"<html><head><title>x</title></head><body><article><h1>Big page</h1>{items}</article></body></html>".encode()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,4000,16000", help="paragraph counts, comma-separated")
    ap.add_argument("--locator", default="trafilatura", help="the generic locator (NEWSBOT_GENERIC_LOCATOR)")
    args = ap.parse_args()
    print(f"{'paragraphs':>10}{'KB':>8}{'seconds':>9}{'s per MB':>10}")
    for n in (int(x) for x in args.sizes.split(",")):
        data = page(n)
        t = time.perf_counter()
        extract(data, url="https://example.org/big", locator=args.locator)
        dt = time.perf_counter() - t
        print(f"{n:>10}{len(data) // 1024:>8}{dt:>9.2f}{dt / (len(data) / 1e6):>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
