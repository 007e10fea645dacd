"""The story index: every record joined so far, findable by its LSH bands and paragraph
hashes, so a new record meets its story by a few lookups, not by a comparison with every
record. One small protocol, two places to keep it: SQLite (one machine; a file beside the
run state, or in memory) and Redis (distributed runs: every worker sees one index). Both
serialise the join (lookup, decide, insert) under a lock, so two processes never found two
stories for one wire story."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Protocol

from .signature import Signature, from_blob

CANDIDATE_LIMIT = 500
"""Members read per lookup at most: past it, a band or paragraph is boilerplate, not a story."""


@dataclass
class Member:
    """One record as the index keeps it."""

    key: str
    """The record's canonical key (newsbot.core.keys.record_key)."""
    story: str
    """The story's id: the key of its first record."""
    url: str
    publisher: str | None
    published_at: str | None
    agency: str | None
    """The agency of the record's own printed credit (not one taken from its story)."""
    headline: str | None
    relation: str
    similarity: float
    signature: Signature


def _paras_text(sig: Signature) -> str:
    return json.dumps({str(h): n for h, n in sig.paragraphs.items()}, separators=(",", ":"))


def _paras(text: str) -> dict[int, int]:
    return {int(h): n for h, n in json.loads(text or "{}").items()}


def _numbers_text(sig: Signature) -> str:
    return " ".join(sorted(sig.numbers))


class StoryIndex(Protocol):
    """Where the stories of all runs are kept."""

    def member(self, key: str) -> Member | None:
        """The record with this key, if it was joined before (in any run)."""

    def candidates(self, bands: Iterable[int], paragraphs: Iterable[int]) -> list[Member]:
        """Records sharing an LSH band or a paragraph with the query."""

    def paragraph_stories(self, paragraphs: Iterable[int]) -> dict[int, int]:
        """For each paragraph hash, how many stories print it (boilerplate is in many)."""

    def add(self, member: Member, new: bool = False) -> None:
        """Insert or replace a record (new: the caller found none under its key)."""

    def story_agency(self, story: str) -> str | None:
        """The agency credited by the story's records, if any printed one."""

    def set_story_agency(self, story: str, agency: str) -> None:
        """Remember the agency a record of the story printed (the first one wins)."""

    def joining(self) -> contextlib.AbstractContextManager:
        """Hold the join lock (lookup, decision and insert are one step for every process)."""

    def members(self) -> Iterator[Member]:
        """Every record in the index."""

    def flush(self) -> None:
        """Make what was joined durable."""

    def close(self) -> None:
        """Make it durable and release the index."""


class SQLiteStoryIndex:
    """The index in a SQLite file (or ":memory:")."""

    SCHEMA = """
    CREATE TABLE IF NOT EXISTS members (
        id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, story TEXT NOT NULL, url TEXT NOT NULL,
        publisher TEXT, published_at TEXT, agency TEXT, headline TEXT, relation TEXT NOT NULL,
        similarity REAL NOT NULL, sig BLOB NOT NULL, size INTEGER NOT NULL, paras TEXT NOT NULL,
        numbers TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS members_story ON members(story);
    CREATE TABLE IF NOT EXISTS bands (h INTEGER NOT NULL, m INTEGER NOT NULL, PRIMARY KEY (h, m)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS paras (h INTEGER NOT NULL, m INTEGER NOT NULL, PRIMARY KEY (h, m)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS story_agencies (story TEXT PRIMARY KEY, agency TEXT NOT NULL);
    """
    COLUMNS = "id, key, story, url, publisher, published_at, agency, headline, relation, similarity, sig, size, paras, numbers"

    def __init__(self, path: str | Path = ":memory:", commit_every: int = 1, commit_seconds: float = 1.0):
        """commit_every > 1 keeps the write transaction (and the file's write lock) over that
        many joins, or commit_seconds, whichever comes first: a crawl joins thousands of
        records a second that way. Another process on the file waits at most that long."""
        self.path = str(path)
        self.commit_every = max(1, commit_every)
        self.commit_seconds = commit_seconds
        self._pending = 0
        self._opened_at = 0.0
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL" if self.path != ":memory:" else "PRAGMA journal_mode=MEMORY")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # The band and paragraph tables are read at random: a larger page cache and a mapped
        # file keep lookups from going to the file as the index grows.
        self.db.execute("PRAGMA cache_size=-65536")
        self.db.execute("PRAGMA mmap_size=268435456")
        self.db.executescript(self.SCHEMA)
        self._thread_lock = threading.RLock()
        self._depth = 0

    def _member(self, row) -> Member:
        (_id, key, story, url, publisher, published_at, agency, headline, relation, similarity, sig, size,
         paras, numbers) = row
        return Member(key=key, story=story, url=url, publisher=publisher, published_at=published_at, agency=agency,
                      headline=headline, relation=relation, similarity=similarity,
                      signature=from_blob(sig, size, _paras(paras), frozenset(numbers.split())))

    def member(self, key: str) -> Member | None:
        row = self.db.execute(f"SELECT {self.COLUMNS} FROM members WHERE key = ?", (key,)).fetchone()
        return self._member(row) if row else None

    def candidates(self, bands: Iterable[int], paragraphs: Iterable[int]) -> list[Member]:
        hashes = [("bands", h) for h in bands] + [("paras", h) for h in paragraphs]
        if not hashes:
            return []
        parts, args = [], []
        for table in ("bands", "paras"):
            hs = [h for t, h in hashes if t == table]
            if hs:
                parts.append(f"SELECT m FROM {table} WHERE h IN ({','.join('?' * len(hs))})")
                args += hs
        query = (f"SELECT {self.COLUMNS} FROM members WHERE id IN (SELECT m FROM ({' UNION '.join(parts)}) LIMIT ?)")
        return [self._member(r) for r in self.db.execute(query, (*args, CANDIDATE_LIMIT))]

    def paragraph_stories(self, paragraphs: Iterable[int]) -> dict[int, int]:
        paragraphs = list(paragraphs)
        if not paragraphs:
            return {}
        q = ",".join("?" * len(paragraphs))
        rows = self.db.execute(f"SELECT p.h, COUNT(DISTINCT m.story) FROM paras p JOIN members m ON m.id = p.m "
                               f"WHERE p.h IN ({q}) GROUP BY p.h", paragraphs)
        return {h: n for h, n in rows}

    def add(self, member: Member, new: bool = False) -> None:
        sig = member.signature
        with self._transaction():
            old = None if new else self.db.execute("SELECT id FROM members WHERE key = ?", (member.key,)).fetchone()
            if old:
                self.db.execute("DELETE FROM bands WHERE m = ?", old)
                self.db.execute("DELETE FROM paras WHERE m = ?", old)
                self.db.execute("DELETE FROM members WHERE id = ?", old)
            cur = self.db.execute(
                "INSERT INTO members (key, story, url, publisher, published_at, agency, headline, relation, "
                "similarity, sig, size, paras, numbers) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (member.key, member.story, member.url, member.publisher, member.published_at, member.agency,
                 member.headline, member.relation, member.similarity, sig.to_blob(), sig.size, _paras_text(sig),
                 _numbers_text(sig)))
            mid = cur.lastrowid
            self.db.executemany("INSERT OR IGNORE INTO bands (h, m) VALUES (?, ?)", [(h, mid) for h in sig.bands()])
            self.db.executemany("INSERT OR IGNORE INTO paras (h, m) VALUES (?, ?)", [(h, mid) for h in sig.paragraphs])

    def story_agency(self, story: str) -> str | None:
        row = self.db.execute("SELECT agency FROM story_agencies WHERE story = ?", (story,)).fetchone()
        return row[0] if row else None

    def set_story_agency(self, story: str, agency: str) -> None:
        with self._transaction():
            self.db.execute("INSERT OR IGNORE INTO story_agencies (story, agency) VALUES (?, ?)", (story, agency))

    @contextlib.contextmanager
    def _transaction(self):
        with self._thread_lock:
            outer = self._depth == 0
            if outer and not self.db.in_transaction:
                # IMMEDIATE: the write lock is taken at the start, so two processes on one file
                # decide one after the other.
                self.db.execute("BEGIN IMMEDIATE")
                self._opened_at = time.monotonic()
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if outer:
                    self.db.execute("ROLLBACK")
                    self._pending = 0
                raise
            self._depth -= 1
            if outer:
                self._pending += 1
                if self._pending >= self.commit_every or time.monotonic() - self._opened_at >= self.commit_seconds:
                    self.flush()

    def flush(self) -> None:
        """Commit what was joined."""
        with self._thread_lock:
            if self.db.in_transaction:
                self.db.execute("COMMIT")
            self._pending = 0

    def joining(self):
        return self._transaction()

    def members(self) -> Iterator[Member]:
        for row in self.db.execute(f"SELECT {self.COLUMNS} FROM members ORDER BY id").fetchall():
            yield self._member(row)

    def close(self) -> None:
        self.flush()
        self.db.close()


class RedisStoryIndex:
    """The index in Redis, for workers on several machines: a hash per record, a set per LSH
    band and per paragraph, and a Redis lock around each join."""

    def __init__(self, client, prefix: str = "newsbot:stories:", lock_timeout: float = 30.0):
        self.r = client
        self.prefix = prefix
        self.lock_timeout = lock_timeout

    @classmethod
    def from_url(cls, url: str, **kw) -> "RedisStoryIndex":
        import redis

        return cls(redis.Redis.from_url(url), **kw)

    def _k(self, *parts) -> str:
        return self.prefix + ":".join(str(p) for p in parts)

    def _decode(self, h: dict) -> Member:
        d = {k.decode(): v for k, v in h.items()}
        s = lambda name: d[name].decode() if d.get(name) not in (None, b"") else None  # noqa: E731
        return Member(key=s("key"), story=s("story"), url=s("url"), publisher=s("publisher"),
                      published_at=s("published_at"), agency=s("agency"), headline=s("headline"),
                      relation=s("relation"), similarity=float(d["similarity"]),
                      signature=from_blob(d["sig"], int(d["size"]), _paras(s("paras")),
                                          frozenset((s("numbers") or "").split())))

    def member(self, key: str) -> Member | None:
        h = self.r.hgetall(self._k("m", key))
        return self._decode(h) if h else None

    def candidates(self, bands: Iterable[int], paragraphs: Iterable[int]) -> list[Member]:
        pipe = self.r.pipeline(transaction=False)
        for h in bands:
            pipe.srandmember(self._k("b", h), CANDIDATE_LIMIT)
        for h in paragraphs:
            pipe.srandmember(self._k("p", h), CANDIDATE_LIMIT)
        keys = list(dict.fromkeys(k for ks in pipe.execute() for k in ks))[:CANDIDATE_LIMIT]
        if not keys:
            return []
        pipe = self.r.pipeline(transaction=False)
        for k in keys:
            pipe.hgetall(self._k("m", k.decode()))
        return [self._decode(h) for h in pipe.execute() if h]

    def paragraph_stories(self, paragraphs: Iterable[int]) -> dict[int, int]:
        paragraphs = list(paragraphs)
        pipe = self.r.pipeline(transaction=False)
        for h in paragraphs:
            pipe.smembers(self._k("ps", h))
        return {h: len(s) for h, s in zip(paragraphs, pipe.execute()) if s}

    def add(self, member: Member, new: bool = False) -> None:
        sig = member.signature
        old = None if new else self.member(member.key)
        pipe = self.r.pipeline(transaction=True)
        if old:
            for h in old.signature.bands():
                pipe.srem(self._k("b", h), member.key)
            for h in old.signature.paragraphs:
                pipe.srem(self._k("p", h), member.key)
        pipe.hset(self._k("m", member.key), mapping={
            "key": member.key, "story": member.story, "url": member.url, "publisher": member.publisher or "",
            "published_at": member.published_at or "", "agency": member.agency or "",
            "headline": member.headline or "", "relation": member.relation, "similarity": member.similarity,
            "sig": sig.to_blob(), "size": sig.size, "paras": _paras_text(sig), "numbers": _numbers_text(sig)})
        for h in sig.bands():
            pipe.sadd(self._k("b", h), member.key)
        for h in sig.paragraphs:
            pipe.sadd(self._k("p", h), member.key)
            pipe.sadd(self._k("ps", h), member.story)
        pipe.rpush(self._k("order"), member.key) if not old else None
        pipe.execute()

    def story_agency(self, story: str) -> str | None:
        v = self.r.hget(self._k("agency"), story)
        return v.decode() if v else None

    def set_story_agency(self, story: str, agency: str) -> None:
        self.r.hsetnx(self._k("agency"), story, agency)

    def joining(self):
        return self.r.lock(self._k("lock"), timeout=self.lock_timeout, blocking_timeout=self.lock_timeout * 2)

    def members(self) -> Iterator[Member]:
        for k in self.r.lrange(self._k("order"), 0, -1):
            m = self.member(k.decode())
            if m:
                yield m

    def flush(self) -> None:
        pass  # every join is written when made

    def close(self) -> None:
        self.r.close()


def open_index(where: str | None, commit_every: int = 1) -> StoryIndex:
    """An index from a setting: a redis:// URL, a SQLite path, or None/"" for one in memory."""
    if not where:
        return SQLiteStoryIndex(":memory:", commit_every=commit_every)
    if where.startswith(("redis://", "rediss://", "unix://")):
        return RedisStoryIndex.from_url(where)
    return SQLiteStoryIndex(where, commit_every=commit_every)
