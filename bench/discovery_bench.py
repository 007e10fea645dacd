"""Discovery memory benchmark: one sitemap of many URLs, a crawl's peak RSS as it queues them.

    python bench/discovery_bench.py [--urls 200000] [--seconds 45] [--pythonpath DIR]

Serves on 127.0.0.1 one sitemap of --urls article URLs (about 90 bytes each: 200,000 is
18 MB, past DOWNLOAD_MAXSIZE and within the protocol's 50 MB) and answers every article
with a small story page. The `wire` spider crawls it for --seconds (CLOSESPIDER_TIMEOUT,
default politeness) in each configuration:

- default: the settings as shipped (NEWSBOT_QUEUE_MAX caps the waiting requests);
- no cap: NEWSBOT_QUEUE_MAX=0, every URL queued in memory;
- no cap, JOBDIR: the same with Scrapy's disk queues (waiting requests pickled to disk).

and prints, for each, whether the sitemap was read, the requests queued, URLs left for a
later run (`queue_full`) and the crawl process's peak RSS (os.wait4, the child's own).
--pythonpath runs another checkout's code (an older commit, for a before figure); a
checkout that refuses the sitemap is also run with -s DOWNLOAD_MAXSIZE raised.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STORY = (b"<!DOCTYPE html><html><head><title>Story</title></head><body><article><h1>Story</h1>"
         b"<p>New Delhi, Nov 3 (PTI) A story served by the discovery benchmark, with words enough "
         b"to count as a paragraph of text.</p></article></body></html>")


def serve(urls: int):
    """(server, base URL) answering /sitemap.xml with `urls` entries and every other path with a story."""
    sitemap: list[bytes] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            if self.path == "/robots.txt":
                ctype, body = "text/plain", b"User-agent: *\nAllow: /\n"
            elif self.path == "/sitemap.xml":
                ctype, body = "application/xml", sitemap[0]
            else:
                ctype, body = "text/html; charset=utf-8", STORY
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # a crawl refusing the sitemap as oversize hangs up mid-body

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    locs = "".join(f"<url><loc>{base}/news/2026/11/29/story-{n:07d}.html</loc></url>" for n in range(urls))
    sitemap.append((f'<?xml version="1.0" encoding="UTF-8"?><urlset '
                    f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>').encode())
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, base, len(sitemap[0])


def crawl(base: str, seconds: int, settings: dict, workdir: Path, pythonpath: str | None) -> dict:
    """One crawl in its own process: its report's counts and its peak RSS (MiB)."""
    overrides = {"NEWSBOT_OUTPUT_DIR": str(workdir / "output"), "NEWSBOT_STATE": str(workdir / "state.sqlite3"),
                 "CLOSESPIDER_TIMEOUT": str(seconds), "LOG_LEVEL": "INFO", "LOGSTATS_INTERVAL": "0",
                 "NEWSBOT_PROGRESS_INTERVAL": "0", **settings}
    cmd = [sys.executable, "-m", "newsbot.cli", "crawl", "wire", "-a", f"sitemap={base}/sitemap.xml"]
    for k, v in overrides.items():
        cmd += ["-s", f"{k}={v}"]
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    proc = subprocess.Popen(cmd, cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    reports = sorted((workdir / "output").rglob("*.report.json"))
    report = json.loads(reports[-1].read_text()) if reports else {}
    # Scrapy's stats dump at the end of the log.
    stats = {k: int(v) for k, v in re.findall(r"'([a-z_/]+)': (\d+)", stderr)}
    return {"exit": proc.returncode, "peak_mib": usage.ru_maxrss // 1024,
            "failures": report.get("failures_by_reason", {}), "records": report.get("records"),
            "queued": stats.get("scheduler/enqueued"), "queue_full": stats.get("newsbot/skipped/queue_full", 0),
            "stderr_tail": stderr.strip().splitlines()[-1:] if proc.returncode not in (0, 1, 3) else []}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--urls", type=int, default=200_000)
    ap.add_argument("--seconds", type=int, default=45)
    ap.add_argument("--pythonpath", help="run this checkout's newsbot (for a before figure)")
    args = ap.parse_args()
    httpd, base, size = serve(args.urls)
    print(f"sitemap: {args.urls} URLs, {size / 1e6:.1f} MB; each crawl runs {args.seconds} s")
    runs = [("default", {}), ("no cap", {"NEWSBOT_QUEUE_MAX": "0"}), ("no cap, JOBDIR", {"NEWSBOT_QUEUE_MAX": "0"})]
    try:
        for label, settings in runs:
            with tempfile.TemporaryDirectory() as tmp:
                work = Path(tmp)
                if "JOBDIR" in label:
                    settings = {**settings, "JOBDIR": str(work / "job")}
                result = crawl(base, args.seconds, settings, work, args.pythonpath)
                if "oversize" in result["failures"]:
                    print(f"{label:>16}: sitemap refused (oversize) at {result['peak_mib']} MiB peak; "
                          f"again with DOWNLOAD_MAXSIZE=64 MB:")
                    for old in work.iterdir():
                        subprocess.run(["rm", "-rf", str(old)])
                    result = crawl(base, args.seconds, {**settings, "DOWNLOAD_MAXSIZE": str(64 << 20)}, work,
                                   args.pythonpath)
                print(f"{label:>16}: peak RSS {result['peak_mib']:>5} MiB  requests queued {result['queued']}  "
                      f"not queued (queue_full) {result['queue_full']}  records {result['records']}  "
                      f"failures {result['failures'] or 'none'}  exit {result['exit']}"
                      + (f"  ({result['stderr_tail'][0][:200]})" if result["stderr_tail"] else ""))
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
