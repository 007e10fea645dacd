"""`newsbot.crawl()`: a crawl from Python that yields its records.

The crawl is `newsbot crawl publisher -a profile=...` in a child process with its feed on
standard output (`-o -:jsonl`), which carries the records alone; its log goes to a file
the error names when the crawl fails. Nothing to configure: the project's settings, with
the output folder a temporary one and no incremental state unless asked for.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path


class CrawlFailed(RuntimeError):
    """A crawl that could not start (a bad argument) or ended without delivering: the exit
    code, and the log's last lines."""

    def __init__(self, message: str, exit_code: int, log: str = ""):
        super().__init__(message)
        self.exit_code = exit_code
        self.log = log


DELIVERED = (0, 4)
"""Exit codes of a crawl whose records are all in its feed (4: the database store went
away; `newsbot load` levels it)."""


def _day(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def crawl(profile: str, *, max_articles: int | None = None, since: str | date | None = None,
          until: str | date | None = None, section: str | None = None, base_url: str | None = None,
          settings: dict | None = None, output_dir: str | os.PathLike | None = None,
          state: str | os.PathLike | None = None, log_level: str = "WARNING") -> Iterator[dict]:
    """Crawl one publisher (a profile name, as `newsbot profiles` lists them) and yield
    each record (a dict, as in the JSON-lines feed) as the crawl writes it.

    max_articles, since, until, section, base_url: the spider's arguments (`-a`).
    settings: Scrapy or NEWSBOT_ settings for this crawl (e.g. {"NEWSBOT_STORE": ...}).
    output_dir: where the run's feeds, report and failed pages go (default: a temporary
    folder, removed at the end). state: the incremental state store (default none: every
    page is delivered; give a path to skip pages an earlier crawl delivered unchanged).
    Raises CrawlFailed for a bad argument or a crawl that did not deliver. Stopping early
    (break) stops the crawl.
    """
    args = {"profile": profile, "max_articles": max_articles, "since": _day(since), "until": _day(until),
            "section": section, "base_url": base_url}
    with tempfile.TemporaryDirectory(prefix="newsbot-crawl-") as tmp:
        overrides = {"NEWSBOT_OUTPUT_DIR": str(output_dir or Path(tmp, "output")),
                     "NEWSBOT_STATE": str(state or ""), "LOG_LEVEL": log_level, **(settings or {})}
        cmd = [sys.executable, "-m", "newsbot.cli", "crawl", "publisher", "-o", "-:jsonl"]
        for name, value in args.items():
            if value is not None:
                cmd += ["-a", f"{name}={value}"]
        for name, value in overrides.items():
            cmd += ["-s", f"{name}={value if not isinstance(value, (dict, list)) else json.dumps(value)}"]
        log_path = Path(tmp, "crawl.log")
        with open(log_path, "w+b") as log:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, env={**os.environ, "PYTHONUNBUFFERED": "1"})
            try:
                for line in proc.stdout:
                    if line.strip():
                        yield json.loads(line)
                code = proc.wait()
            finally:
                if proc.poll() is None:  # the caller stopped early
                    proc.terminate()
                    try:
                        proc.wait(timeout=30)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.wait()
                proc.stdout.close()
            if code not in DELIVERED:
                log.seek(0)
                text = log.read().decode("utf-8", "replace")
                last = [ln for ln in text.splitlines() if ln.strip()][-5:]
                raise CrawlFailed(f"newsbot crawl {profile} exited {code}: " + (" | ".join(last) or "(no log)"),
                                  code, text)
