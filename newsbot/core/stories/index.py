"""The story index: every record joined so far, findable by its LSH bands and paragraph
hashes, so a new record meets its story by a few lookups, not by a comparison with every
record. One small protocol, two places to keep it: SQLite (one machine; a file beside the
run state, or in memory) and Redis (distributed runs: every worker sees one index). Both
serialise the join (lookup, decide, insert) under a lock, so two processes never found two
stories for one wire story. In SQLite new keys are staged in memory and merged into the
large tables in key order (SQLiteStoryIndex.STAGED_JOINS_MIN): the index's writes stay few as it
grows."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import sqlite3
import struct
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Protocol

import numpy as np

from .signature import Signature, band_keys, from_blob
from .staged import StagedKeys

logger = logging.getLogger(__name__)

INLINE_KEYS_MAX = 500
"""Paragraph hashes bound one by one in a statement at most; a page with more (a hostile one
prints 20,000 short paragraphs) passes them as one JSON array read by json_each, linear in
their number. Not numbered parameters: SQLite looks those up one by one, and 20,000 of them
took 0.6 s a statement. (Bound one by one, a few hashes cost 16 µs a lookup less than JSON.)"""


def padded(keys: list) -> list:
    """keys, their last one repeated up to the next power of two (at most INLINE_KEYS_MAX):
    the lookup's statement text depends on its keys' counts, and SQLite keeps each prepared
    statement the connection caches (~30 KiB each, 512 cached): one text per count let the
    crawl's memory grow with the pages it joined (15 MiB by 1,024 pages), one per power of
    two keeps it to a few dozen texts. A key repeated in `IN (...)` or a UNION changes nothing."""
    n = len(keys)
    if n <= 1:
        return keys
    return keys + [keys[-1]] * (min(1 << (n - 1).bit_length(), INLINE_KEYS_MAX) - n)


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
    story_agency: str | None = None
    """The agency its story's records printed, when the index read it with the record (not stored with it)."""


def pack_paragraphs(paragraphs: dict[int, int]) -> bytes:
    """A signature's paragraph hashes and lengths as one blob (little-endian int64s: the
    hashes, then the lengths): read back for every candidate, far cheaper than JSON."""
    n = len(paragraphs)
    return struct.pack(f"<{2 * n}q", *paragraphs, *paragraphs.values())


def unpack_paragraphs(blob: bytes | None) -> dict[int, int]:
    """The paragraphs of a pack_paragraphs blob."""
    if not blob:
        return {}
    values = struct.unpack(f"<{len(blob) // 8}q", blob)
    n = len(values) // 2
    return dict(zip(values[:n], values[n:]))


def paragraphs_from_json(text: str | bytes | None) -> dict[int, int]:
    """The paragraphs as the first index schema kept them: JSON text {"hash": length}."""
    return {int(h): n for h, n in json.loads(text or "{}").items()}


@functools.lru_cache(maxsize=1024)
def _shared_sql(bands: int, paragraphs: int | None, staged: int) -> str:
    """The subquery of member ids sharing one of `bands` band keys or `paragraphs` paragraph
    hashes in the large tables (None: the hashes as one JSON array), or among the `staged`
    member ids found in memory, written once per count. A part with no key is left out."""
    paras = ",".join("?" * paragraphs) if paragraphs is not None else "SELECT value FROM json_each(?)"
    parts = ([f"SELECT m FROM main.bands WHERE h IN ({','.join('?' * bands)})"] if bands else []) + (
        [f"SELECT m FROM main.paras WHERE h IN ({paras})"] if paragraphs != 0 else []) + (
        ["SELECT value FROM json_each(?)" if staged > INLINE_KEYS_MAX else
         "VALUES " + ",".join(["(?)"] * staged)] if staged else [])
    return f"SELECT * FROM ({' UNION '.join(parts) or 'SELECT NULL WHERE 0'}) LIMIT ?"


@functools.lru_cache(maxsize=256)
def _lookup_sql(select: str, shared: str) -> str:
    """The lookup: the record itself (first row, if known), then the records it shares a key with."""
    return (f"SELECT * FROM ({select}WHERE m.key = ?) UNION ALL "
            f"SELECT * FROM ({select}WHERE m.id IN ({shared}) AND m.key <> ?)")


@functools.lru_cache(maxsize=64)
def _insert_rows(table: str, n: int) -> str:
    """The statement writing n (key, member) rows into `table`."""
    return f"INSERT OR IGNORE INTO {table} (h, m) VALUES " + ",".join(["(?,?)"] * n)


def _numbers_text(sig: Signature) -> str:
    return " ".join(sorted(sig.numbers))


class StoryIndex(Protocol):
    """Where the stories of all runs are kept."""

    def member(self, key: str) -> Member | None:
        """The record with this key, if it was joined before (in any run)."""

    def candidates(self, bands: Iterable[int], paragraphs: Iterable[int]) -> list[Member]:
        """Records sharing an LSH band or a paragraph with the query."""

    def lookup(self, key: str, bands: list[int], paragraphs: list[int]) -> tuple[Member | None, list[Member]]:
        """The record under `key` if joined before, and the other records sharing an LSH band
        or a paragraph with the query, each with its story's agency (one round trip where
        the backend allows)."""

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

    SCHEMA_VERSION = 4
    """1: paragraphs as JSON text, an unused index on members(story). 2: paragraphs as a blob
    (pack_paragraphs). 3: new band and paragraph keys staged in small tables of the file and
    merged into the large ones in key order (see STAGED_JOINS_MIN). 4: the staged keys kept
    in memory only, never in the file, read again from the records they belong to (see
    STAGED_JOINS_MIN). A
    file of an older schema is migrated in place when opened (signatures, band keys and
    paragraph hashes are unchanged, so its stories are kept)."""
    SCHEMA = """
    CREATE TABLE IF NOT EXISTS members (
        id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, story TEXT NOT NULL, url TEXT NOT NULL,
        publisher TEXT, published_at TEXT, agency TEXT, headline TEXT, relation TEXT NOT NULL,
        similarity REAL NOT NULL, sig BLOB NOT NULL, size INTEGER NOT NULL, paras BLOB NOT NULL,
        numbers TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS bands (h INTEGER NOT NULL, m INTEGER NOT NULL, PRIMARY KEY (h, m)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS paras (h INTEGER NOT NULL, m INTEGER NOT NULL, PRIMARY KEY (h, m)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS staging (one INTEGER PRIMARY KEY CHECK (one = 1), merged_through INTEGER NOT NULL);
    INSERT OR IGNORE INTO staging (one, merged_through) VALUES (1, 0);
    CREATE TABLE IF NOT EXISTS story_agencies (story TEXT PRIMARY KEY, agency TEXT NOT NULL);
    """
    STAGED_JOINS_MIN = 20_000
    """New records' band and paragraph keys are staged, and merged into the large tables once
    at least this many records (and a tenth of the index: STAGED_SHARE) are staged. Why: each
    record puts ~30 keys at random places of the large B-trees, so past ~100k stories every
    join dirtied ~30 pages of its own, and SQLite wrote each at the next commit. A merge walks
    the large trees once in key order, writing each of their pages once for all the staged
    keys. The staged keys are in memory only (StagedKeys: dicts): the file keeps the records
    themselves (members), and the keys of the records past `staging.merged_through` are
    computed again from their signatures when the index is opened (and when another process
    on the file has joined records: PRAGMA data_version). So a commit writes the new records
    and no staged keys: at 1M stories the commits cost about 30 µs a join, against 75 with
    the staging tables in the file."""
    STAGED_SHARE = 10
    """...and at least 1/STAGED_SHARE of the indexed records: a merge rewrites most pages of
    the large tables, so it is made rarer as they grow (its cost per record stays flat)."""
    STAGED_JOINS_MAX = 100_000
    """...but never more than this many records staged: their keys are held in memory
    (~65 bytes a key in a dict, ~30 keys a record: ~200 MB here). Past 1M stories merges
    cost more per record as the index grows."""
    _MAX_ID = "(SELECT coalesce(max(id), 0) FROM members)"
    _STAGING_STATE = f"SELECT {_MAX_ID} - merged_through, {_MAX_ID} FROM staging"
    """Records staged since the last merge, and records indexed (members' ids only grow)."""

    COLUMNS = "id, key, story, url, publisher, published_at, agency, headline, relation, similarity, sig, size, paras, numbers"
    _SELECT = ("SELECT " + ", ".join("m." + c.strip() for c in COLUMNS.split(",")) + ", sa.agency "
               "FROM members m LEFT JOIN story_agencies sa ON sa.story = m.story ")

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
        self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False,
                                  cached_statements=512)
        self.db.execute("PRAGMA journal_mode=WAL" if self.path != ":memory:" else "PRAGMA journal_mode=MEMORY")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # The band and paragraph tables are read at random: a larger page cache and a mapped
        # file keep lookups from going to the file as the index grows. (Measured at 1M stories,
        # a 1.4 GB file: a 2 GB map made a band lookup 2.4 µs instead of 4.0 with 256 MB; 1 KiB
        # pages, a 256 MB cache, a rarer checkpoint or a rollback journal gave nothing.)
        self.db.execute("PRAGMA cache_size=-65536")
        self.db.execute("PRAGMA mmap_size=2147483648")
        # A merge writes most pages of the large tables to the WAL; once they are checkpointed
        # the file is cut back rather than left at that size.
        self.db.execute("PRAGMA journal_size_limit=67108864")
        self._open_schema()
        self.staged_bands, self.staged_paras = StagedKeys(), StagedKeys()
        """The band keys and paragraph hashes of the records joined since the last merge."""
        self._clear_staged_at_commit = False
        """A merge in this transaction wrote the staged keys to the file: they are dropped
        from memory once it is committed (a rollback would leave the file without them)."""
        self._data_version: int | None = None
        self._staged_through = 0
        """The highest member id whose keys are staged (or merged)."""
        self._merged_through = 0
        self._at_begin = (0, 0, None)
        self._thread_lock = threading.RLock()
        self._depth = 0
        self.merge_errors = 0
        """Merges that failed (and left their keys staged) in this process."""
        self.merges: list[tuple[int, float]] = []
        """The merges this process made: records staged, seconds taken (the benchmark prints them)."""
        self._sync_staged()

    def _open_schema(self) -> None:
        """Create the tables, or bring a file of an older schema to this one."""
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version == self.SCHEMA_VERSION:
            return
        if version > self.SCHEMA_VERSION:
            raise RuntimeError(f"story index {self.path} has schema {version}, newer than this newsbot's "
                               f"{self.SCHEMA_VERSION}: upgrade newsbot or point NEWSBOT_STORIES elsewhere")
        self.db.execute("BEGIN IMMEDIATE")  # two processes opening one old file migrate it once
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            old = self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'members'").fetchone()
            if version < 3 and old:
                self._migrate_from_1()
            # Schema 3's staging tables were in the file: their keys are read again from the
            # records past merged_through, as every opening does now.
            self.db.execute("DROP TABLE IF EXISTS main.bands_staged")
            self.db.execute("DROP TABLE IF EXISTS main.paras_staged")
            for statement in self.SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            if version < 3:
                # Records indexed before schema 3 are in the large tables already.
                self.db.execute(f"UPDATE staging SET merged_through = {self._MAX_ID}")
            self.db.execute(f"PRAGMA user_version={self.SCHEMA_VERSION}")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _migrate_from_1(self) -> None:
        """Schema 1 -> 2: paragraphs from JSON text to blobs; the index on members(story),
        which no lookup used, dropped (it cost a random write per join)."""
        self.db.create_function("pack_paragraphs", 1, lambda text: pack_paragraphs(paragraphs_from_json(text)),
                                deterministic=True)
        self.db.execute("UPDATE members SET paras = pack_paragraphs(paras) WHERE typeof(paras) = 'text'")
        self.db.execute("DROP INDEX IF EXISTS members_story")

    def _sync_staged(self) -> None:
        """Bring the staged keys (in memory) up to the file: the keys of every record past
        merged_through. Cheap when nothing changed (PRAGMA data_version moves only when
        another connection commits); after another process's joins, their records' keys are
        computed from their signatures; after its merge, the keys it merged are dropped here.
        Ids only grow (add gives a re-joined record a new one), so "past the highest id
        seen" is exactly what is new."""
        with self._thread_lock:  # the staged keys change here: one thread at a time
            version = self.db.execute("PRAGMA data_version").fetchone()[0]
            if version == self._data_version:
                return
            (merged,) = self.db.execute("SELECT merged_through FROM staging").fetchone()
            if merged > self._merged_through:
                for staged in (self.staged_bands, self.staged_paras):
                    staged.keep_after(merged)
                self._merged_through = merged
            self._stage_from(max(self._staged_through, merged))
            self._data_version = version

    def _stage_from(self, after: int) -> None:
        """Stage the keys of the records past member id `after`, as add() staged them."""
        rows = self.db.execute("SELECT id, sig, size, paras FROM members WHERE id > ? ORDER BY id",
                               (after,)).fetchall()
        if rows:
            self._stage_rows(rows)
            if not self.db.in_transaction:  # nothing to roll back: no log to keep
                for staged in (self.staged_bands, self.staged_paras):
                    staged.commit()

    def _stage_rows(self, rows: list[tuple]) -> None:
        # Logged like add()'s: inside a transaction that rolls back, they go with it (and
        # _rolled_back has them staged again by the next transaction).
        signed = [(mid, sig) for mid, sig, size, _ in rows if size]
        if signed:
            sigs = np.frombuffer(b"".join(sig for _, sig in signed), dtype="<u4").reshape(len(signed), -1)
            for (mid, _), keys in zip(signed, band_keys(sigs).tolist()):
                self.staged_bands.add(keys, mid)
        for mid, _, _, paras in rows:
            if paras:
                self.staged_paras.add(unpack_paragraphs(paras), mid)
        self._staged_through = rows[-1][0]

    def _begun(self) -> None:
        """A write transaction was opened: the staged keys brought up to the file, and their
        state kept for a rollback (which takes back their changes with the file's)."""
        # Kept before the sync: the keys it stages are in this transaction, and a rollback
        # undoes them too (the next transaction stages them again).
        self._at_begin = (self._staged_through, self._merged_through, self._data_version)
        for staged in (self.staged_bands, self.staged_paras):
            staged.begin()
        self._sync_staged()

    def _rolled_back(self) -> None:
        """The staging state as it was when the transaction began: the rolled-back records'
        ids are free again, and another process may take them."""
        self._staged_through, self._merged_through, self._data_version = self._at_begin
        for staged in (self.staged_bands, self.staged_paras):
            staged.rollback()
        self._clear_staged_at_commit = False

    def _committed(self) -> None:
        """The transaction is durable: its staged keys stay, or, after a merge, go."""
        for staged in (self.staged_bands, self.staged_paras):
            staged.commit()
            if self._clear_staged_at_commit:
                staged.keep_after(self._merged_through)
        self._clear_staged_at_commit = False

    def _member(self, row) -> Member:
        (_id, key, story, url, publisher, published_at, agency, headline, relation, similarity, sig, size,
         paras, numbers, *story_agency) = row
        return Member(key=key, story=story, url=url, publisher=publisher, published_at=published_at, agency=agency,
                      headline=headline, relation=relation, similarity=similarity,
                      signature=from_blob(sig, size, unpack_paragraphs(paras), frozenset(numbers.split())),
                      story_agency=story_agency[0] if story_agency else None)

    def member(self, key: str) -> Member | None:
        row = self.db.execute(self._SELECT + "WHERE m.key = ?", (key,)).fetchone()
        return self._member(row) if row else None

    def _shared(self, bands: list[int], paragraphs: list[int]) -> tuple[str, list]:
        """The subquery of member ids sharing a band or a paragraph (at most CANDIDATE_LIMIT),
        in the large tables or among the staged keys, and its parameters (positional, one
        statement text per count, cached). Past INLINE_KEYS_MAX paragraphs (or staged
        members) they go in as one JSON array instead. The counts are padded (`padded`), so
        the texts are few."""
        staged = sorted(self.staged_bands.members(bands) | self.staged_paras.members(paragraphs))
        inline = len(paragraphs) <= INLINE_KEYS_MAX
        bands = padded(bands)
        values = padded(paragraphs) if inline else [json.dumps(paragraphs)]
        ids = padded(staged) if len(staged) <= INLINE_KEYS_MAX else [json.dumps(staged)]
        return (_shared_sql(len(bands), len(values) if inline else None,
                            len(ids) if len(staged) <= INLINE_KEYS_MAX else len(staged)),
                [*bands, *values, *ids, CANDIDATE_LIMIT])

    def candidates(self, bands: Iterable[int], paragraphs: Iterable[int]) -> list[Member]:
        bands, paragraphs = list(bands), list(paragraphs)
        if not bands and not paragraphs:
            return []
        if not self.db.in_transaction:
            self._sync_staged()
        shared, args = self._shared(bands, paragraphs)
        return [self._member(r) for r in self.db.execute(self._SELECT + f"WHERE m.id IN ({shared})", args)]

    def lookup(self, key: str, bands: list[int], paragraphs: list[int]) -> tuple[Member | None, list[Member]]:
        if not bands and not paragraphs:
            return self.member(key), []
        if not self.db.in_transaction:
            self._sync_staged()
        # One statement: the record itself (first row, if known) and the records it shares a
        # band or a paragraph with, each with its story's agency.
        shared, args = self._shared(list(bands), list(paragraphs))
        rows = self.db.execute(_lookup_sql(self._SELECT, shared), (key, *args, key)).fetchall()
        members = [self._member(r) for r in rows]
        known = next((m for m in members if m.key == key), None)
        return known, [m for m in members if m is not known]

    def paragraph_stories(self, paragraphs: Iterable[int]) -> dict[int, int]:
        paragraphs = list(paragraphs)
        if not paragraphs:
            return {}
        if not self.db.in_transaction:
            self._sync_staged()
        staged = [list(pair) for pair in self.staged_paras.pairs(paragraphs)]
        rows = self.db.execute("SELECT p.h, COUNT(DISTINCT m.story) FROM ("
                               "SELECT h, m FROM paras WHERE h IN (SELECT value FROM json_each(?1)) UNION ALL "
                               "SELECT value ->> 0, value ->> 1 FROM json_each(?2)) p "
                               "JOIN members m ON m.id = p.m GROUP BY p.h", (json.dumps(paragraphs), json.dumps(staged)))
        return {h: n for h, n in rows}

    def add(self, member: Member, new: bool = False) -> None:
        sig = member.signature
        with self._transaction():
            old = None if new else self.db.execute("SELECT id, sig, size, paras FROM members WHERE key = ?",
                                                   (member.key,)).fetchone()
            mid = None
            if old:
                # A new id past the old one, even when the old one is the highest: ids only
                # grow, so another process finds what is new by id (_sync_staged).
                mid = self.db.execute(self._MAX_ID[1:-1]).fetchone()[0] + 1
                self._remove(*old)
            cur = self.db.execute(
                "INSERT INTO members (id, key, story, url, publisher, published_at, agency, headline, relation, "
                "similarity, sig, size, paras, numbers) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (mid, member.key, member.story, member.url, member.publisher, member.published_at, member.agency,
                 member.headline, member.relation, member.similarity, sig.to_blob(), sig.size,
                 pack_paragraphs(sig.paragraphs), _numbers_text(sig)))
            mid = cur.lastrowid
            self._staged_through = mid
            if sig.size:  # an empty text has no shingles to band (and is never looked up by them)
                self.staged_bands.add(sig.bands(), mid)
            if sig.paragraphs:
                self.staged_paras.add(sig.paragraphs, mid)

    def _remove(self, mid: int, sig_blob: bytes, size: int, paras: bytes) -> None:
        """A record's row and its keys, found by its own band keys and paragraph hashes (a
        search by member id alone would read the whole band table)."""
        old = from_blob(sig_blob, size, unpack_paragraphs(paras), frozenset())
        for keys, table, staged in ((old.bands() if size else [], "main.bands", self.staged_bands),
                                    (list(old.paragraphs), "main.paras", self.staged_paras)):
            if keys:
                self.db.execute(f"DELETE FROM {table} WHERE m = ?1 AND h IN (SELECT value FROM json_each(?2))",
                                (mid, json.dumps(keys)))
                staged.remove(keys, mid)
        self.db.execute("DELETE FROM members WHERE id = ?", (mid,))

    def staged(self) -> int:
        """How many records joined since the last merge have their keys staged."""
        self._sync_staged()
        return self.db.execute(self._STAGING_STATE).fetchone()[0]

    def merge_staged(self, force: bool = False) -> bool:
        """Move the staged keys into the large tables when enough are staged (see
        STAGED_JOINS_MIN; force: whatever is staged). Whether a merge was made. The merge is
        all or nothing (a savepoint inside the caller's transaction): a failed one leaves
        the keys staged, where lookups still find them, and raises."""
        with self._thread_lock:
            outer = not self.db.in_transaction
            self.db.execute("BEGIN IMMEDIATE" if outer else "SAVEPOINT merge_staged")
            try:
                if outer:
                    self._begun()
                staged, indexed = self.db.execute(self._STAGING_STATE).fetchone()
                due = staged > 0 and (force or staged >= min(self.STAGED_JOINS_MAX, max(
                    self.STAGED_JOINS_MIN, indexed // self.STAGED_SHARE)))
                if due:
                    started = time.perf_counter()
                    # In key order: one walk down each large tree.
                    for table, keys in (("main.bands", self.staged_bands), ("main.paras", self.staged_paras)):
                        self._insert_pairs(table, *keys.all_pairs())
                    self.db.execute(f"UPDATE staging SET merged_through = {self._MAX_ID}")
                    merge_seconds = time.perf_counter() - started
                self.db.execute("COMMIT" if outer else "RELEASE merge_staged")
                if due:
                    self._merged_through = indexed
                    self._clear_staged_at_commit = True
                    self.merges.append((staged, merge_seconds))
                if outer:
                    self._committed()
            except BaseException:
                if outer:
                    self.db.execute("ROLLBACK")
                    self._rolled_back()
                else:
                    self.db.execute("ROLLBACK TO merge_staged")
                    self.db.execute("RELEASE merge_staged")
                raise
            return due

    MERGE_ROWS = 500
    """(key, member) rows written by one statement in a merge: a third of the time of one a
    row, which costs the statement's step and reset per row."""

    def _insert_pairs(self, table: str, h: np.ndarray, m: np.ndarray) -> None:
        flat = np.stack([h, m], axis=1).ravel()
        step = 2 * self.MERGE_ROWS
        whole = len(flat) // step * step
        if whole:  # each statement's values made into Python ints as it runs, not all at once
            self.db.executemany(_insert_rows(table, self.MERGE_ROWS),
                                (flat[i:i + step].tolist() for i in range(0, whole, step)))
        if whole < len(flat):
            self.db.execute(_insert_rows(table, (len(flat) - whole) // 2), flat[whole:].tolist())

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
                try:
                    self._begun()
                except BaseException:
                    self.db.execute("ROLLBACK")
                    raise
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if outer:
                    self.db.execute("ROLLBACK")
                    self._pending = 0
                    self._rolled_back()
                raise
            self._depth -= 1
            if outer:
                self._pending += 1
                if self._pending >= self.commit_every or time.monotonic() - self._opened_at >= self.commit_seconds:
                    self.flush()

    def flush(self) -> None:
        """Commit what was joined (with a merge of the staged keys, when one is due)."""
        with self._thread_lock:
            if self.db.in_transaction:
                try:
                    self.merge_staged()
                except sqlite3.Error as exc:
                    # A merge that cannot be written (a full disk) must not cost the joins: they
                    # are committed staged, and the merge is tried again at the next commit.
                    self.merge_errors += 1
                    logger.warning("story index %s: merge of staged keys failed, kept staged: %s", self.path, exc)
                try:
                    self.db.execute("COMMIT")
                except BaseException:
                    if self.db.in_transaction:
                        self.db.execute("ROLLBACK")
                    self._rolled_back()
                    raise
                self._committed()
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
        # "paragraphs": a pack_paragraphs blob; "paras": JSON, as entries written before it were.
        paragraphs = unpack_paragraphs(d["paragraphs"]) if "paragraphs" in d else paragraphs_from_json(d.get("paras"))
        return Member(key=s("key"), story=s("story"), url=s("url"), publisher=s("publisher"),
                      published_at=s("published_at"), agency=s("agency"), headline=s("headline"),
                      relation=s("relation"), similarity=float(d["similarity"]),
                      signature=from_blob(d["sig"], int(d["size"]), paragraphs,
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

    def lookup(self, key: str, bands: list[int], paragraphs: list[int]) -> tuple[Member | None, list[Member]]:
        known = self.member(key)
        found = [m for m in self.candidates(bands, paragraphs) if m.key != key]
        members = ([known] if known else []) + found
        stories = list(dict.fromkeys(m.story for m in members))
        if stories:
            agencies = dict(zip(stories, self.r.hmget(self._k("agency"), stories)))
            for m in members:
                m.story_agency = agencies[m.story].decode() if agencies[m.story] else None
        return known, found

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
            pipe.hdel(self._k("m", member.key), "paras")  # an entry of the JSON days
            for h in old.signature.bands():
                pipe.srem(self._k("b", h), member.key)
            for h in old.signature.paragraphs:
                pipe.srem(self._k("p", h), member.key)
        pipe.hset(self._k("m", member.key), mapping={
            "key": member.key, "story": member.story, "url": member.url, "publisher": member.publisher or "",
            "published_at": member.published_at or "", "agency": member.agency or "",
            "headline": member.headline or "", "relation": member.relation, "similarity": member.similarity,
            "sig": sig.to_blob(), "size": sig.size, "paragraphs": pack_paragraphs(sig.paragraphs),
            "numbers": _numbers_text(sig)})
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


CRAWL_COMMIT_SECONDS = 1.0
"""A crawl's index commits once a second (SQLite): a killed crawl loses at most a second of
joins, and another process on the file waits at most that long for it."""
CRAWL_COMMIT_JOINS = 20_000
"""...or after this many joins, whichever comes first: a cap on one transaction's dirty pages.
Not a few hundred: past 100,000 stories nearly every join dirties pages of its own, and a
commit writes each dirty page once, so the more joins a commit holds, the more of them share
a page (a commit every 200 joins cost 40% of the rate at 100,000 stories)."""


def open_index(where: str | None, commit_every: int = 1, commit_seconds: float = 1.0) -> StoryIndex:
    """An index from a setting: a redis:// URL, a SQLite path, or None/"" for one in memory."""
    if not where:
        return SQLiteStoryIndex(":memory:", commit_every=commit_every, commit_seconds=commit_seconds)
    if where.startswith(("redis://", "rediss://", "unix://")):
        return RedisStoryIndex.from_url(where)
    return SQLiteStoryIndex(where, commit_every=commit_every, commit_seconds=commit_seconds)
