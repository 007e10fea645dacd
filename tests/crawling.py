"""Run a real crawl in a child process against a loopback server, and read what it wrote.

Scrapy's reactor runs once per process, so each crawl is a `python -m newsbot.cli crawl`
child; the sample site is served from this process so tests can read `server.requests`.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from newsbot.sample_site import SAMPLES, start_sample_site

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SITE = SAMPLES / "business_standard"
"""Business Standard's copy: the sample site's first publisher (package data)."""
SITES = json.loads((SAMPLES / "sites.json").read_text("utf-8"))
"""Every publisher of the sample site: profile, folder, record count; stories run on several."""
# The loopback server needs none of the live site's politeness delays.
MANIFEST = json.loads((SAMPLE_SITE / "manifest.json").read_text("utf-8"))
"""What a crawl of the sample site must give (written by samples/build_site.py)."""
ALL = {a["canonical_path"] for a in MANIFEST["articles"]}
"""Every article's canonical path."""
FAST = {"AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_DELAY": "0", "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
        "RETRY_TIMES": "2", "LOG_LEVEL": "INFO"}


@dataclass
class Run:
    """What one crawl left behind."""

    returncode: int
    stdout: str
    stderr: str
    report: dict = field(default_factory=dict)
    records: list[dict] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)
    offers: list[dict] = field(default_factory=list)


def read_jsonl(path: str | Path | None) -> list[dict]:
    if not path or not Path(path).exists():
        return []
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]


def crawl_command(workdir: Path, spider: str = "business_standard", args: dict | None = None,
                  settings: dict | None = None, fail_on_monitor: bool = False) -> list[str]:
    """`newsbot crawl` with loopback-speed settings; output and state under `workdir`."""
    overrides = {**FAST, "NEWSBOT_OUTPUT_DIR": str(workdir / "output"),
                 "NEWSBOT_STATE": str(workdir / "state.sqlite3"), **(settings or {})}
    cmd = [sys.executable, "-m", "newsbot.cli", "crawl", spider] + (["--fail-on-monitor"] if fail_on_monitor else [])
    for k, v in (args or {}).items():
        cmd += ["-a", f"{k}={v}"]
    for k, v in overrides.items():
        cmd += ["-s", f"{k}={v}"]
    return cmd


def crawl_env(**extra: str) -> dict:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **extra}
    if "SCRAPY_SETTINGS_MODULE" not in extra:
        env.pop("SCRAPY_SETTINGS_MODULE", None)
    return env


def start(workdir: Path, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """A crawl running in the background (to interrupt it, or to run several at once)."""
    workdir.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(crawl_command(workdir, **kwargs), cwd=workdir, env=env or crawl_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def crawl(workdir: Path, spider: str = "business_standard", args: dict | None = None,
          settings: dict | None = None, timeout: float = 120, fail_on_monitor: bool = False) -> Run:
    """Run one crawl; its output and state live under `workdir`."""
    proc = subprocess.run(crawl_command(workdir, spider, args, settings, fail_on_monitor), cwd=workdir,
                          capture_output=True, text=True, timeout=timeout, env=crawl_env())
    # The publisher spider writes under the profile's name.
    folder = (args or {}).get("profile", spider)
    return collect(proc.returncode, proc.stdout, proc.stderr, workdir / "output" / folder)


def collect(returncode: int, stdout: str, stderr: str, folder: Path) -> Run:
    run = Run(returncode, stdout, stderr)
    reports = sorted(folder.glob("*.report.json"), key=lambda p: p.stat().st_mtime)
    if reports:
        run.report = json.loads(reports[-1].read_text("utf-8"))
        feeds = run.report.get("feeds", {})
        run.records = read_jsonl(feeds.get("records"))
        run.failures = read_jsonl(feeds.get("failures"))
        run.offers = read_jsonl(feeds.get("offers"))
    return run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(root: Path = SAMPLE_SITE):
    """(server, base_url) for a fresh server on a free loopback port."""
    return start_sample_site(root, host="127.0.0.1", port=0)


class RouteServer:
    """A loopback HTTP server answering from a dict: path (with its query) -> (status,
    headers, body) or a callable(path) giving one. Records every request's path."""

    def __init__(self, routes: dict):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        outer = self
        self.routes = routes
        self.requests: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                outer.requests.append(self.path)
                answer = outer.routes.get(self.path)
                if callable(answer):
                    answer = answer(self.path)
                if answer is None:
                    answer = (404, {"Content-Type": "text/html"}, b"<html><body>not found</body></html>")
                status, headers, body = answer
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


HTML = {"Content-Type": "text/html; charset=utf-8"}


def story_page(title: str, canonical: str | None = None, paras: int = 4) -> bytes:
    """An article page in the generic shape (no publisher profile), with our own text."""
    body = "".join(f"<p>{title}: paragraph {n} of the story, with enough words in it to count as text "
                   f"that a reader would want to read in full today.</p>" for n in range(1, paras + 1))
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{link}"
            f'<meta property="og:title" content="{title}"></head><body><article><h1>{title}</h1>'
            f"<p>New Delhi, Nov 3 (PTI) {title} opens the story here.</p>{body}</article></body></html>").encode()


def robots_allow() -> tuple:
    return (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n")
