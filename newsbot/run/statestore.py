"""The state stores: what outlives runs (what was delivered, the paywall offers seen over
time, and each run's delivery ledger entry: its records feed and database store).

Embedded SQLite by default (the path the NEWSBOT_STATE setting names, created on first
use). When a crawl is distributed with scrapy-redis, NEWSBOT_STATE may be a redis:// URL
and every worker shares the same state through Redis hashes.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol


class StateStoreError(RuntimeError):
    """The state store cannot be used; the message names it and says what to do."""


class StateStore(Protocol):
    """What the run state extension needs of a store (SQLiteState, RedisState; a database
    store plugs in here). Writes are durable when the call returns."""

    def get(self, key: str) -> "Seen | None": ...
    def put(self, key: str, fingerprint: str, lastmod: str | None) -> None: ...
    def see_offer(self, site: str, publisher: str, plan: str, price, currency, term_months,
                  when: str | None = None, seen_on: str | None = None) -> "OfferSeen": ...
    def offer_history(self, publisher: str | None = None) -> list["OfferSeen"]: ...
    def plan_pages(self) -> set[str]:
        """URLs of the pages the offers were last seen on (re-checked by every run)."""
    def open_run(self, run: str, feed: str | None, store: str | None = None) -> None: ...
    def close_run(self, run: str) -> None: ...
    def open_runs(self) -> list[tuple[str, str | None, str | None]]:
        """Killed runs: (run, records feed, database store URL or None)."""
    def lock(self, owner: str) -> None:
        """Take the store for one run (or one distributed run's workers, same owner);
        raise StateStoreError when another run holds it."""
    def unlock(self) -> None: ...
    def count(self) -> int: ...
    def close(self) -> None: ...


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
    """One plan at one price on one site (host), with when runs first and last saw it."""

    site: str
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
        self._lock = threading.Lock()
        self._lock_file = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
            self._open()
        except (sqlite3.Error, OSError) as exc:
            fix = "make it and its folder writable, or " if isinstance(exc, (sqlite3.OperationalError, OSError)) else ""
            raise StateStoreError(
                f"state store {self.path} cannot be used ({exc}): {fix}move it aside to start afresh "
                "(every page is then delivered again), or point NEWSBOT_STATE elsewhere") from None

    def _open(self) -> None:
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # A read-only or damaged file fails here, before the run fetches anything.
        self.db.execute("PRAGMA quick_check(1)").fetchone()
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("ROLLBACK")
        self.db.executescript(
            """
            CREATE TABLE IF NOT EXISTS seen (
                key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, lastmod TEXT,
                first_seen TEXT NOT NULL, last_seen TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS site_offers (
                site TEXT NOT NULL, publisher TEXT NOT NULL, plan TEXT NOT NULL, price REAL, currency TEXT,
                term_months REAL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
                PRIMARY KEY (site, publisher, plan, price, currency, term_months));
            CREATE TABLE IF NOT EXISTS runs (
                run TEXT PRIMARY KEY, feed TEXT, started TEXT NOT NULL, closed TEXT, host TEXT, pid INTEGER);
            """
        )
        # Columns added since: the store a run wrote to (its records are committed there
        # before recovery counts them delivered), the page an offer was seen on.
        for table, column in (("runs", "store"), ("site_offers", "seen_on")):
            have = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
            if column not in have:
                self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")

    def open_run(self, run: str, feed: str | None, store: str | None = None) -> None:
        with self._lock:
            self.db.execute("INSERT OR REPLACE INTO runs (run, feed, started, closed, host, pid, store) "
                            "VALUES (?,?,?,NULL,?,?,?)", (run, feed, now_iso(), socket.gethostname(), os.getpid(), store))

    def close_run(self, run: str) -> None:
        with self._lock:
            self.db.execute("UPDATE runs SET closed=? WHERE run=?", (now_iso(), run))

    def open_runs(self) -> list[tuple[str, str | None, str | None]]:
        """Runs that started, never closed and are no longer running here (killed):
        (run, records feed path, database store URL)."""
        with self._lock:
            rows = self.db.execute("SELECT run, feed, host, pid, store FROM runs WHERE closed IS NULL "
                                   "ORDER BY started").fetchall()
        return [(run, feed, store) for run, feed, host, pid, store in rows if is_dead(host, pid)]

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

    def see_offer(self, site: str, publisher: str, plan: str, price, currency, term_months,
                  when: str | None = None, seen_on: str | None = None) -> OfferSeen:
        ts = when or now_iso()
        with self._lock:
            self.db.execute(
                "INSERT INTO site_offers (site, publisher, plan, price, currency, term_months, first_seen, last_seen, "
                "seen_on) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(site, publisher, plan, price, currency, "
                "term_months) DO UPDATE SET last_seen=max(last_seen, excluded.last_seen), "
                "seen_on=coalesce(excluded.seen_on, seen_on)",
                (site, publisher, plan, price, currency, term_months, ts, ts, seen_on),
            )
            row = self.db.execute(
                "SELECT site, publisher, plan, price, currency, term_months, first_seen, last_seen FROM site_offers "
                "WHERE site=? AND publisher=? AND plan=? AND price IS ? AND currency IS ? AND term_months IS ?",
                (site, publisher, plan, price, currency, term_months),
            ).fetchone()
        return OfferSeen(*row)

    def offer_history(self, publisher: str | None = None) -> list[OfferSeen]:
        sql = "SELECT site, publisher, plan, price, currency, term_months, first_seen, last_seen FROM site_offers"
        args: tuple = ()
        if publisher:
            sql += " WHERE lower(publisher)=lower(?)"
            args = (publisher,)
        with self._lock:
            rows = self.db.execute(sql + " ORDER BY publisher, site, plan, first_seen", args).fetchall()
        return [OfferSeen(*r) for r in rows]

    def plan_pages(self) -> set[str]:
        with self._lock:
            return {u for (u,) in self.db.execute("SELECT DISTINCT seen_on FROM site_offers WHERE seen_on IS NOT NULL")}

    def count(self) -> int:
        with self._lock:
            return self.db.execute("SELECT count(*) FROM seen").fetchone()[0]

    def lock(self, owner: str) -> None:
        """An exclusive lock on `<state>.lock` for the whole run (released by the OS if the
        process dies), so two runs never deliver the same pages."""
        path = self.path.with_name(self.path.name + ".lock")
        f = open(path, "a+")
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            f.seek(0)
            holder = f.read().strip() or "another process"
            f.close()
            raise StateStoreError(
                f"state store {self.path} is in use by another run ({holder}); wait for it to "
                "finish, or give this run its own NEWSBOT_STATE") from None
        f.seek(0)
        f.truncate()
        f.write(f"run {owner}, pid {os.getpid()} on {socket.gethostname()}\n")
        f.flush()
        self._lock_file = f

    def unlock(self) -> None:
        if self._lock_file is not None:
            self._lock_file.truncate(0)
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None

    def close(self) -> None:
        with self._lock:
            self.db.close()
        self.unlock()


class RedisState:
    """The shared store for distributed crawls (scrapy-redis): the same records in Redis hashes."""

    LOCK_TTL_MS = 60_000
    """The run lock expires this long after its last refresh (a killed run frees it)."""

    _ACQUIRE = """
    local cur = redis.call('GET', KEYS[1])
    if cur and cur ~= ARGV[1] then return cur end
    redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
    redis.call('SADD', KEYS[2], ARGV[2])
    redis.call('PEXPIRE', KEYS[2], ARGV[3])
    return ''
    """
    _RELEASE = """
    redis.call('SREM', KEYS[2], ARGV[1])
    if redis.call('SCARD', KEYS[2]) == 0 then redis.call('DEL', KEYS[1]) end
    return 1
    """

    def __init__(self, url: str, prefix: str = "newsbot"):
        import redis

        self.url = url
        self.r = redis.Redis.from_url(url, decode_responses=True)
        self.prefix = prefix
        self._owner: str | None = None
        self._member = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        try:
            self.r.ping()
        except redis.RedisError as exc:
            raise StateStoreError(f"state store {url} cannot be reached ({exc}): start Redis or "
                                  "point NEWSBOT_STATE elsewhere") from None

    def lock(self, owner: str) -> None:
        """A lock key with expiry: workers of one distributed run (same owner, NEWSBOT_RUN)
        share it; any other run is refused while it is held."""
        keys = [f"{self.prefix}:lock", f"{self.prefix}:lock:holders"]
        holder = self.r.eval(self._ACQUIRE, 2, *keys, owner, self._member, self.LOCK_TTL_MS)
        if holder:
            raise StateStoreError(
                f"state store {self.url} is in use by another run ({holder}); wait for it to finish "
                f"(the lock expires {self.LOCK_TTL_MS // 1000}s after that run stops), or use another "
                "NEWSBOT_STATE")
        self._owner = owner

    def refresh_lock(self) -> None:
        if self._owner:
            self.lock(self._owner)

    def unlock(self) -> None:
        if self._owner:
            self.r.eval(self._RELEASE, 2, f"{self.prefix}:lock", f"{self.prefix}:lock:holders", self._member)
            self._owner = None

    def get(self, key: str) -> Seen | None:
        raw = self.r.hget(f"{self.prefix}:seen", key)
        return Seen(**json.loads(raw)) if raw else None

    def put(self, key: str, fingerprint: str, lastmod: str | None) -> None:
        prev = self.get(key)
        ts = now_iso()
        seen = Seen(key, fingerprint, lastmod, prev.first_seen if prev else ts, ts)
        self.r.hset(f"{self.prefix}:seen", key, json.dumps(seen.__dict__))

    def see_offer(self, site, publisher, plan, price, currency, term_months, when=None, seen_on=None) -> OfferSeen:
        ts = when or now_iso()
        field = json.dumps([site, publisher, plan, price, currency, term_months])
        raw = self.r.hget(f"{self.prefix}:site_offers", field)
        old = json.loads(raw) if raw else {}
        seen = OfferSeen(site, publisher, plan, price, currency, term_months, old.get("first_seen", ts), ts)
        self.r.hset(f"{self.prefix}:site_offers", field,
                    json.dumps({**seen.__dict__, "seen_on": seen_on or old.get("seen_on")}))
        return seen

    def _offers(self) -> list[dict]:
        return [json.loads(v) for v in self.r.hvals(f"{self.prefix}:site_offers")]

    def plan_pages(self) -> set[str]:
        return {o["seen_on"] for o in self._offers() if o.get("seen_on")}

    def offer_history(self, publisher: str | None = None) -> list[OfferSeen]:
        rows = [OfferSeen(**{k: v for k, v in o.items() if k != "seen_on"}) for o in self._offers()]
        if publisher:
            rows = [r for r in rows if r.publisher.lower() == publisher.lower()]
        return sorted(rows, key=lambda r: (r.publisher, r.site, r.plan, r.first_seen))

    def count(self) -> int:
        return self.r.hlen(f"{self.prefix}:seen")

    def open_run(self, run: str, feed: str | None, store: str | None = None) -> None:
        self.r.hset(f"{self.prefix}:runs", run, json.dumps(
            {"feed": feed, "store": store, "started": now_iso(), "host": socket.gethostname(), "pid": os.getpid()}))

    def close_run(self, run: str) -> None:
        self.r.hdel(f"{self.prefix}:runs", run)

    def open_runs(self) -> list[tuple[str, str | None, str | None]]:
        runs = {k: json.loads(v) for k, v in self.r.hgetall(f"{self.prefix}:runs").items()}
        return [(k, v["feed"], v.get("store")) for k, v in sorted(runs.items(), key=lambda kv: kv[1]["started"])
                if is_dead(v.get("host"), v.get("pid"))]

    def close(self) -> None:
        self.unlock()
        self.r.close()


def open_state(spec: str | None):
    """The store a NEWSBOT_STATE value names, or None when empty."""
    if not spec:
        return None
    if spec.startswith(("redis://", "rediss://", "unix://")):
        return RedisState(spec)
    return SQLiteState(spec)
