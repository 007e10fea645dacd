"""Crawl benchmark: the full pipeline against a bare fetch-only crawl, same server, same run.

    python bench/crawl_bench.py [--copies 16] [--small-copies 4]

Generates a large copy of the sample site (samples/build_site.py --copies N, 1,000+ article
pages), serves it on 127.0.0.1, then crawls it

- full: the business_standard spider with every pipeline, feed and monitor on;
- bare: the same spider and discovery with no pipelines, feeds, monitors or state (pages
  are fetched and dropped);

and prints pages per second of each, their ratio, each crawl's peak memory and the CPU time a
page costs in the crawler, its worker processes and the server (the server runs in this
process; start-up included). Both crawls also run on a smaller copy (--small-copies): whether
peak memory grows with the number of pages, and, from the two sizes, the time one more page
costs and each crawl's fixed cost (start-up, imports), so the per-page ratio can be read
apart from the start-up. Each crawl runs in its own process so peak RSS is its own. On a
2-CPU machine the bare crawl and the server already keep both CPUs busy: see README.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FAST = {"AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_DELAY": "0", "CONCURRENT_REQUESTS": "32",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "32", "LOG_LEVEL": "WARNING", "LOGSTATS_INTERVAL": "0",
        "RETRY_TIMES": "2"}
BARE = {"ITEM_PIPELINES": "{}", "FEEDS": "{}", "EXTENSIONS": '{"spidermon.contrib.scrapy.extensions.Spidermon": null}',
        "SPIDERMON_ENABLED": "False", "NEWSBOT_STATE": ""}

# Runs one crawl in a child process and prints its own peak RSS (KiB) and wall time.
CHILD = r"""
import json, resource, sys, time
from newsbot.cli import run_crawl
args = json.loads(sys.argv[1])
t = time.perf_counter()
run_crawl("business_standard", {"base_url": args["base"], "listing_pages": "0"}, args["settings"])
elapsed = time.perf_counter() - t
import scrapy  # noqa
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"elapsed": elapsed, "max_rss_kib": me.ru_maxrss, "worker_max_rss_kib": kids.ru_maxrss,
                  "crawler_cpu_s": me.ru_utime + me.ru_stime, "workers_cpu_s": kids.ru_utime + kids.ru_stime}))
"""


def build(copies: int, out: Path) -> int:
    subprocess.run([sys.executable, str(ROOT / "samples" / "build_site.py"), "--out", str(out), "--copies", str(copies)],
                   check=True, stdout=subprocess.DEVNULL)
    manifest = json.loads((out / "manifest.json").read_text())
    return len(manifest["articles"])


def crawl(base: str, settings: dict, workdir: Path) -> dict:
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="newsbot.crawling.settings")
    args = json.dumps({"base": base, "settings": settings})
    served = time.process_time()  # this process does nothing else meanwhile: its CPU is the server's
    out = subprocess.run([sys.executable, "-c", CHILD, args], cwd=workdir, env=env, capture_output=True, text=True)
    served = time.process_time() - served
    if out.returncode != 0:
        raise SystemExit(f"crawl failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["server_cpu_s"] = served
    return result


def fetched(server, since: int) -> int:
    return sum(1 for _, path, status in server.requests[since:] if status == 200 and path.endswith("_1.html"))


def run_site(copies: int, label: str, bare_too: bool, latency: float = 0.0, workers: str = "0") -> dict:
    from newsbot.sample_site import start_sample_site

    tmp = Path(tempfile.mkdtemp(prefix="newsbot-bench-"))
    try:
        n = build(copies, tmp / "site")
        server, base = start_sample_site(tmp / "site", latency=latency)
        results = {"copies": copies, "article_pages": n}
        try:
            modes = [("full", {}), ("bare", BARE)] if bare_too else [("full", {})]
            for mode, extra in modes:
                before = len(server.requests)
                work = tmp / mode
                work.mkdir()
                settings = {**FAST, "NEWSBOT_WORKERS": workers, "NEWSBOT_OUTPUT_DIR": str(work / "output"),
                            "NEWSBOT_STATE": str(work / "state.sqlite3"),
                            "NEWSBOT_FAILED_PAGES_DIR": str(work / "failed"), **extra}
                r = crawl(base, settings, work)
                pages = fetched(server, before)
                r.update(pages=pages, pages_per_second=round(pages / r["elapsed"], 1),
                         peak_rss_mib=round(r["max_rss_kib"] / 1024, 1),
                         worker_peak_rss_mib=round(r["worker_max_rss_kib"] / 1024, 1))
                results[mode] = r
                print(f"{label:>6} {mode:>5}: {pages} article pages in {r['elapsed']:.1f}s = "
                      f"{r['pages_per_second']} pages/s, peak RSS {r['peak_rss_mib']} MiB"
                      + (f" (largest child process {r['worker_peak_rss_mib']} MiB)" if r["worker_peak_rss_mib"] else ""),
                      flush=True)
                print(f"{'':>13} CPU ms a page: crawler {1000 * r['crawler_cpu_s'] / pages:.1f}, "
                      f"workers {1000 * r['workers_cpu_s'] / pages:.1f}, server {1000 * r['server_cpu_s'] / pages:.1f} "
                      f"(start-up included)", flush=True)
        finally:
            server.shutdown()
        return results
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=16, help="copies of the sample articles in the large site")
    ap.add_argument("--small-copies", type=int, default=4, help="copies in the small site (memory growth check)")
    ap.add_argument("--workers", default="0", help="NEWSBOT_WORKERS for the full crawl (default 0, as the project)")
    ap.add_argument("--latency-ms", type=float, default=0,
                    help="the server waits this long before each answer (a distant site); default 0")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    print(f"{os.cpu_count()} CPUs; NEWSBOT_WORKERS={args.workers}; server latency {args.latency_ms:g} ms; "
          f"CONCURRENT_REQUESTS {FAST['CONCURRENT_REQUESTS']}; server and crawler are separate processes")
    t0 = time.time()
    latency = args.latency_ms / 1000
    large = run_site(args.copies, "large", bare_too=True, latency=latency, workers=args.workers)
    small = run_site(args.small_copies, "small", bare_too=True, latency=latency, workers=args.workers)
    ratio = large["full"]["pages_per_second"] / large["bare"]["pages_per_second"]
    # The same figures without each crawl's fixed cost (start-up: the full crawl imports the
    # extractor, datasketch and scipy, opens its state): the cost of one more page, from the
    # two sizes.
    extra = {mode: (large[mode]["elapsed"] - small[mode]["elapsed"]) / (large[mode]["pages"] - small[mode]["pages"])
             for mode in ("full", "bare")}
    fixed = {mode: small[mode]["elapsed"] - small[mode]["pages"] * extra[mode] for mode in ("full", "bare")}
    growth = large["full"]["peak_rss_mib"] - small["full"]["peak_rss_mib"]
    print(f"\nfull/bare rate ratio: {ratio:.2f} (target >= 0.8)")
    print(f"per extra page: full {1000 * extra['full']:.1f} ms, bare {1000 * extra['bare']:.1f} ms: ratio "
          f"{extra['bare'] / extra['full']:.2f}; fixed cost full {fixed['full']:.1f} s, bare {fixed['bare']:.1f} s")
    print(f"peak RSS, full pipeline: {small['full']['peak_rss_mib']} MiB at {small['article_pages']} pages, "
          f"{large['full']['peak_rss_mib']} MiB at {large['article_pages']} pages ({growth:+.1f} MiB)")
    print(f"bench time {time.time() - t0:.0f}s")
    if args.json:
        Path(args.json).write_text(json.dumps({"large": large, "small": small, "ratio": ratio,
                                               "per_page_s": extra, "fixed_s": fixed}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
