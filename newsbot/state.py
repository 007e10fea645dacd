"""State that outlives runs: what was delivered, and the paywall offers seen over time.

Embedded SQLite by default (the path the NEWSBOT_STATE setting names, created on first
use). When a crawl is distributed with scrapy-redis, NEWSBOT_STATE may be a redis:// URL
and every worker shares the same state through Redis hashes.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path


def is_dead(host: str | None, pid: int | None) -> bool:
    """Whether a run's process is gone. Runs of other machines (shared Redis state) are
    theirs to recover: never dead from here."""
    if host != socket.gethostname() or not pid:
        return False
    if pid == os.getpid():
        return True  # an earlier run of a recycled pid cannot be this one, which registers after
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Seen:
    """What the state remembers of one canonical URL."""

    key: str
    fingerprint: str
    lastmod: str | None
    first_seen: str
    last_seen: str


@dataclass
class OfferSeen:
    """One publisher plan at one price, with when runs first and last saw it."""

    publisher: str
    plan: str
    price: float | None
    currency: str | None
    term_months: float | None
    first_seen: str
    last_seen: str


class SQLiteState:
    """The embedded store. Each write commits at once, so a killed run keeps what it delivered."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self.db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(
            """
            CREATE TABLE IF NOT EXISTS seen (
                key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, lastmod TEXT,
                first_seen TEXT NOT NULL, last_seen TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS offers (
                publisher TEXT NOT NULL, plan TEXT NOT NULL, price REAL, currency TEXT,
                term_months REAL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
                PRIMARY KEY (publisher, plan, price, currency, term_months));
            CREATE TABLE IF NOT EXISTS runs (
                run TEXT PRIMARY KEY, feed TEXT, started TEXT NOT NULL, closed TEXT, host TEXT, pid INTEGER);
            """
        )

    def open_run(self, run: str, feed: str | None) -> None:
        with self._lock:
            self.db.execute("INSERT OR REPLACE INTO runs VALUES (?,?,?,NULL,?,?)",
                            (run, feed, now_iso(), socket.gethostname(), os.getpid()))

    def close_run(self, run: str) -> None:
        with self._lock:
            self.db.execute("UPDATE runs SET closed=? WHERE run=?", (now_iso(), run))

    def open_runs(self) -> list[tuple[str, str | None]]:
        """Runs that started, never closed and are no longer running here (killed):
        (run, records feed path)."""
        with self._lock:
            rows = self.db.execute("SELECT run, feed, host, pid FROM runs WHERE closed IS NULL ORDER BY started").fetchall()
        return [(run, feed) for run, feed, host, pid in rows if is_dead(host, pid)]

    def get(self, key: str) -> Seen | None:
        with self._lock:
            row = self.db.execute("SELECT key, fingerprint, lastmod, first_seen, last_seen FROM seen WHERE key=?",
                                  (key,)).fetchone()
        return Seen(*row) if row else None

    def put(self, key: str, fingerprint: str, lastmod: str | None) -> None:
        ts = now_iso()
        with self._lock:
            self.db.execute(
                "INSERT INTO seen VALUES (?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET "
                "fingerprint=excluded.fingerprint, lastmod=excluded.lastmod, last_seen=excluded.last_seen",
                (key, fingerprint, lastmod, ts, ts),
            )

    def see_offer(self, publisher: str, plan: str, price, currency, term_months, when: str | None = None) -> OfferSeen:
        ts = when or now_iso()
        with self._lock:
            self.db.execute(
                "INSERT INTO offers VALUES (?,?,?,?,?,?,?) ON CONFLICT(publisher, plan, price, currency, term_months) "
                "DO UPDATE SET last_seen=excluded.last_seen",
                (publisher, plan, price, currency, term_months, ts, ts),
            )
            row = self.db.execute(
                "SELECT publisher, plan, price, currency, term_months, first_seen, last_seen FROM offers WHERE "
                "publisher=? AND plan=? AND price IS ? AND currency IS ? AND term_months IS ?",
                (publisher, plan, price, currency, term_months),
            ).fetchone()
        return OfferSeen(*row)

    def offer_history(self, publisher: str | None = None) -> list[OfferSeen]:
        sql = "SELECT publisher, plan, price, currency, term_months, first_seen, last_seen FROM offers"
        args: tuple = ()
        if publisher:
            sql += " WHERE lower(publisher)=lower(?)"
            args = (publisher,)
        with self._lock:
            rows = self.db.execute(sql + " ORDER BY publisher, plan, first_seen", args).fetchall()
        return [OfferSeen(*r) for r in rows]

    def count(self) -> int:
        with self._lock:
            return self.db.execute("SELECT count(*) FROM seen").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self.db.close()


class RedisState:
    """The shared store for distributed crawls (scrapy-redis): the same records in Redis hashes."""

    def __init__(self, url: str, prefix: str = "newsbot"):
        import redis

        self.r = redis.Redis.from_url(url, decode_responses=True)
        self.prefix = prefix

    def get(self, key: str) -> Seen | None:
        raw = self.r.hget(f"{self.prefix}:seen", key)
        return Seen(**json.loads(raw)) if raw else None

    def put(self, key: str, fingerprint: str, lastmod: str | None) -> None:
        prev = self.get(key)
        ts = now_iso()
        seen = Seen(key, fingerprint, lastmod, prev.first_seen if prev else ts, ts)
        self.r.hset(f"{self.prefix}:seen", key, json.dumps(seen.__dict__))

    def see_offer(self, publisher, plan, price, currency, term_months, when=None) -> OfferSeen:
        ts = when or now_iso()
        field = json.dumps([publisher, plan, price, currency, term_months])
        raw = self.r.hget(f"{self.prefix}:offers", field)
        first = json.loads(raw)["first_seen"] if raw else ts
        seen = OfferSeen(publisher, plan, price, currency, term_months, first, ts)
        self.r.hset(f"{self.prefix}:offers", field, json.dumps(seen.__dict__))
        return seen

    def offer_history(self, publisher: str | None = None) -> list[OfferSeen]:
        rows = [OfferSeen(**json.loads(v)) for v in self.r.hvals(f"{self.prefix}:offers")]
        if publisher:
            rows = [r for r in rows if r.publisher.lower() == publisher.lower()]
        return sorted(rows, key=lambda r: (r.publisher, r.plan, r.first_seen))

    def count(self) -> int:
        return self.r.hlen(f"{self.prefix}:seen")

    def open_run(self, run: str, feed: str | None) -> None:
        self.r.hset(f"{self.prefix}:runs", run, json.dumps(
            {"feed": feed, "started": now_iso(), "host": socket.gethostname(), "pid": os.getpid()}))

    def close_run(self, run: str) -> None:
        self.r.hdel(f"{self.prefix}:runs", run)

    def open_runs(self) -> list[tuple[str, str | None]]:
        runs = {k: json.loads(v) for k, v in self.r.hgetall(f"{self.prefix}:runs").items()}
        return [(k, v["feed"]) for k, v in sorted(runs.items(), key=lambda kv: kv[1]["started"])
                if is_dead(v.get("host"), v.get("pid"))]

    def close(self) -> None:
        self.r.close()


def open_state(spec: str | None):
    """The store a NEWSBOT_STATE value names, or None when empty."""
    if not spec:
        return None
    if spec.startswith(("redis://", "rediss://", "unix://")):
        return RedisState(spec)
    return SQLiteState(spec)
