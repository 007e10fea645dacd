"""A local web server for the bundled sample site (newsbot/samples/<publisher>/, package data
made by samples/build_site.py; one server per publisher, each on its own loopback port).

Standard library only. It serves a generated folder on 127.0.0.1 the way the live site
would answer a crawler:

- `__BASE_URL__` in text responses (HTML, XML, RSS, text, JSON) becomes the server's own
  base URL (http://127.0.0.1:PORT), so sitemaps, feeds and canonical links point at it;
- `_traps.json` in the folder declares misbehaving paths, e.g.
  `{"/a.html": {"status": 500, "times": 1}, "/old.html": {"redirect": "/new.html", "status": 301}}`
  (a status without "times" is answered every time); counters are per server, so every
  server instance starts with a fresh 500-then-200;
- extension-less paths are text/html, .xml application/xml, .rss application/rss+xml;
  missing files are 404; `manifest.json` and `_traps.json` are never served (404);
- every request is recorded in `server.requests` as (method, path, status), so tests can
  check what a crawl fetched (and that robots.txt was obeyed);
- quiet: no per-request logging unless NEWSBOT_SAMPLE_SITE_LOG=1.

    server, base_url = start_sample_site(SAMPLES / "ndtv")   # port 0: any free port
    ...
    server.shutdown()

    python -m newsbot.sample_site --root newsbot/samples/ndtv --port 8766   # serves until Ctrl-C
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

TOKEN = b"__BASE_URL__"
HIDDEN = ("manifest.json", "_traps.json")
CONTENT_TYPES = {
    "": "text/html; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json; charset=utf-8",
}
TEXT_SUFFIXES = frozenset(CONTENT_TYPES)
SAMPLES = Path(__file__).resolve().parent / "samples"
"""The bundled sample site, shipped as package data: one folder per publisher and sites.json."""
DEFAULT_ROOT = SAMPLES / "business_standard"


def _page(status: int, title: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>{status} {title}</title></head><body><h1>{status} {title}</h1></body></html>\n".encode()


class SampleSiteHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive; every response carries Content-Length
    server_version = "newsbot-sample-site/1.0"
    sys_version = ""
    timeout = 60  # idle keep-alive connections are dropped after this

    server: "SampleSiteServer"

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        srv = self.server
        if srv.latency:
            time.sleep(srv.latency)
        path = unquote(urlsplit(self.path).path) or "/"
        trap = srv.trap_for(path)
        if trap is not None:
            status = int(trap.get("status", 500))
            if "redirect" in trap:
                target = trap["redirect"]
                location = target if "://" in target else srv.base_url + target
                self._send(status, _page(status, "Moved"), "text/html; charset=utf-8", head,
                           {"Location": location.replace(TOKEN.decode(), srv.base_url)})
            else:
                self._send(status, _page(status, self.responses.get(status, ("Error",))[0]),
                           "text/html; charset=utf-8", head)
            return
        file = srv.resolve(path)
        if file is None:
            self._send(404, _page(404, "Not Found"), "text/html; charset=utf-8", head)
            return
        try:
            body = file.read_bytes()
        except OSError:
            self._send(404, _page(404, "Not Found"), "text/html; charset=utf-8", head)
            return
        suffix = file.suffix.lower()
        if suffix in TEXT_SUFFIXES:
            body = body.replace(TOKEN, srv.base_url_bytes)
            ctype = CONTENT_TYPES[suffix]
        else:
            ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self._send(200, body, ctype, head)

    def _send(self, status: int, body: bytes, ctype: str, head: bool, headers: dict | None = None) -> None:
        self.server.record(self.command, self.path, status)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        if self.server.log:
            super().log_message(format, *args)


class SampleSiteServer(ThreadingHTTPServer):
    """ThreadingHTTPServer over one generated folder; see the module docstring."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, root: str | os.PathLike, host: str = "127.0.0.1", port: int = 0, log: bool | None = None,
                 latency: float = 0.0):
        self.root = Path(root).resolve()
        self.latency = latency  # seconds to wait before each answer, like a distant server
        if not self.root.is_dir():
            raise FileNotFoundError(f"no sample site at {self.root} (run: python samples/build_site.py)")
        super().__init__((host, port), SampleSiteHandler)
        self.base_url = f"http://{host}:{self.server_address[1]}"
        self.base_url_bytes = self.base_url.encode()
        self.log = os.environ.get("NEWSBOT_SAMPLE_SITE_LOG") == "1" if log is None else log
        traps_file = self.root / "_traps.json"
        self.traps: dict[str, dict] = json.loads(traps_file.read_text("utf-8")) if traps_file.is_file() else {}
        self.trap_hits: dict[str, int] = {}
        self.requests: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()
        self._closed = False
        self.serve_forever_thread: threading.Thread | None = None

    def record(self, method: str, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((method, path, status))

    def trap_for(self, path: str) -> dict | None:
        """The trap answering this request, counting the hit; None once a trap's times are used up."""
        trap = self.traps.get(path)
        if trap is None:
            return None
        times = trap.get("times")
        with self._lock:
            hits = self.trap_hits.get(path, 0)
            self.trap_hits[path] = hits + 1
        if times is not None and hits >= int(times):
            return None
        return trap

    def resolve(self, path: str) -> Path | None:
        """The file for a URL path, or None (missing, outside the root, or hidden)."""
        rel = path.lstrip("/")
        candidate = (self.root / rel).resolve() if rel else self.root
        if candidate != self.root and self.root not in candidate.parents:
            return None
        if candidate.is_dir():
            # /feed/ on a WordPress copy is a feed, not a page: index.rss or index.xml
            # answer for the folder when present.
            candidate = next((candidate / n for n in ("index.rss", "index.xml") if (candidate / n).is_file()),
                             candidate / "index.html")
        if not candidate.is_file():
            return None
        if candidate.parent == self.root and candidate.name in HIDDEN:
            return None
        return candidate

    def handle_error(self, request, client_address) -> None:
        # Clients hanging up mid-response are normal for a crawler being stopped; stay quiet.
        if self.log:
            super().handle_error(request, client_address)

    def shutdown(self) -> None:
        """Stop serving and close the listening socket (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        if self.serve_forever_thread is not None and self.serve_forever_thread.is_alive():
            super().shutdown()
            self.serve_forever_thread.join(timeout=5)
        self.server_close()


def start_sample_site(root: str | os.PathLike = DEFAULT_ROOT, host: str = "127.0.0.1",
                      port: int = 0, latency: float = 0.0) -> tuple[SampleSiteServer, str]:
    """Serve `root` in a daemon thread; returns (server, base_url). Stop with server.shutdown()."""
    server = SampleSiteServer(root, host, port, latency=latency)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              name=f"sample-site-{server.server_address[1]}", daemon=True)
    server.serve_forever_thread = thread
    thread.start()
    return server, server.base_url


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsbot.sample_site", description="Serve the sample site.")
    ap.add_argument("--root", default=str(DEFAULT_ROOT), help="generated site folder (default: Business Standard's copy)")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8765)
    args = ap.parse_args(argv)
    try:
        server, base_url = start_sample_site(args.root, args.host, args.port)
    except (FileNotFoundError, OSError) as exc:
        print(f"sample site: {exc}", file=sys.stderr)
        return 1
    print(f"serving {server.root} at {base_url} (Ctrl-C to stop)", flush=True)
    try:
        while server.serve_forever_thread.is_alive():
            server.serve_forever_thread.join(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
