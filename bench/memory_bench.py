#!/usr/bin/env python3
"""Peak memory of the generic path on large pages of each shape (a hostile or huge page).

    python bench/memory_bench.py [--mb 4,16] [--shapes list,table,paragraphs,text,nested]

Each page is built in memory and taken apart by `extract()` in a fresh child process, so the
figure is that page's own peak resident set size (ru_maxrss of the child), beside the page's
size and the ratio. Shapes: a list of N items, a table of N three-cell rows, N paragraphs,
one text node, 100,000 nested divs around a short story (its size is fixed). Work runs
on one CPU; seconds are printed for orientation only (they move with the machine's load).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SENTENCE = "The council met on Friday and agreed the budget for the coming year after a long debate. "

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from newsbot.core.extract import extract
shape, target = sys.argv[2], int(float(sys.argv[3]) * 1e6)
S = %r
def build():
    if shape == "list":
        item = f"<li>{S}</li>"
        return "<html><body><article><h1>List</h1><ul>" + item * (target // len(item)) + "</ul></article></body></html>"
    if shape == "table":
        row = f"<tr><td>{S}</td><td>12</td><td>row</td></tr>"
        return "<html><body><article><h1>Table</h1><table>" + row * (target // len(row)) + "</table></article></body></html>"
    if shape == "paragraphs":
        p = f"<p>{S * 2}</p>"
        return "<html><body><article><h1>Paragraphs</h1>" + p * (target // len(p)) + "</article></body></html>"
    if shape == "text":
        return "<html><body><article><h1>Text</h1><p>" + S * (target // len(S)) + "</p></article></body></html>"
    if shape == "nested":
        return ("<html><body>" + "<div>" * 100_000 + "<h1>Deep</h1>" + f"<p>{S * 3}</p>" * 5
                + "</div>" * 100_000 + "</body></html>")
    raise SystemExit(f"unknown shape {shape}")
data = build().encode()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
rec = extract(data, url="https://example.org/big")
secs = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"bytes": len(data), "peak_kb": peak, "before_kb": base, "seconds": secs,
                  "paragraphs": len(rec.body), "flags": rec.flags}))
""" % SENTENCE


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", default="4,16", help="page sizes in MB, comma-separated")
    ap.add_argument("--shapes", default="list,table,paragraphs,text,nested")
    args = ap.parse_args()
    print(f"{'shape':<12}{'page MB':>8}{'peak MB':>9}{'x page':>8}{'seconds':>9}{'paras':>8}  flags")
    for shape in args.shapes.split(","):
        for mb in (["1"] if shape == "nested" else args.mb.split(",")):
            proc = subprocess.run([sys.executable, "-c", CHILD, str(REPO), shape, mb], capture_output=True, text=True)
            if proc.returncode:
                print(f"{shape:<12}{mb:>8}  failed: {proc.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            page_mb, peak_mb = r["bytes"] / 1e6, r["peak_kb"] / 1024
            print(f"{shape:<12}{page_mb:>8.1f}{peak_mb:>9.0f}{peak_mb / page_mb:>8.1f}{r['seconds']:>9.1f}"
                  f"{r['paragraphs']:>8}  {','.join(r['flags']) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
