"""The database store: records, their versions, paywall offers and runs in PostgreSQL
(psycopg 3) or SQLite, through SQLAlchemy Core; the schema is kept by Alembic migrations.

    store = open_store("postgresql://user@host/newsbot")   # or "sqlite:///newsbot.db"
    store.write(records, run="2026-11-29T03-08-40Z", seen=datetime.now(timezone.utc))
    store.write_run({...})

Every write is an upsert, so writing the same records twice adds no row: `articles` keeps
one row per article key (the canonical-URL key), `article_versions` one per distinct
fingerprint, `offers` one per site, plan and price (with first and last seen).

A record the database cannot take (a data error) is that record's failure, never its
batch's: the batch is written again record by record and the refused ones are handed back
(`write(..., rejected=[])`). Text PostgreSQL cannot hold (NUL) is removed first and the
record flagged `nul_removed`. Migrations take a lock (PostgreSQL advisory lock), so two
crawls opening a fresh store at once do not race.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from newsbot.core.keys import record_key, record_site
from . import schema

try:
    import psycopg
except ImportError:  # an SQLite store needs no PostgreSQL driver
    psycopg = None

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# What a failed connection or a server that went away raises; the caller keeps the
# records (they are in the feed) and reports the store unavailable.
# COPY runs on the driver's cursor, so psycopg's own errors come through unwrapped.
StoreUnavailable = (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.DBAPIError, OSError) + (
    (psycopg.OperationalError, psycopg.InterfaceError) if psycopg else ())


def engine_url(url: str) -> str:
    """postgresql:// and postgres:// URLs go through psycopg 3."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


MIGRATION_LOCK = 0x6E657773626F74  # "newsbot": the advisory lock migrations hold


def migrate(engine: sa.Engine, revision: str = "head") -> None:
    """Create the tables, or move an existing database to `revision` in place; on
    PostgreSQL under an advisory lock held to the end of the transaction, so a second
    process waits and then finds the schema made."""
    from alembic import command

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        command.upgrade(alembic_config(conn), revision)


def record_error(exc: BaseException) -> bool:
    """Whether a failed write is the data's fault (a value the database refuses), not the
    database's: such a record fails alone, and the store is not unavailable."""
    orig = getattr(exc, "orig", None) or exc
    return isinstance(exc, (sa.exc.DataError, sa.exc.IntegrityError)) or isinstance(
        orig, (psycopg.DataError, psycopg.IntegrityError, psycopg.errors.ProgramLimitExceeded,
               psycopg.errors.UntranslatableCharacter))


NUL_FLAG = "nul_removed"


def without_nul(value):
    """`value` with every NUL character taken out of its strings (PostgreSQL's text and
    JSONB hold none)."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    return value


def schema_revision(engine: sa.Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _utc(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        return None  # a date without an offset is not an instant; kept in the record only
    return dt.astimezone(timezone.utc)


def article_row(record: dict, run: str | None, seen: datetime) -> dict:
    wire = record.get("wire") or {}
    return {
        "key": record_key(record), "url": record["url"], "canonical_url": record.get("canonical_url"),
        "publisher": record.get("publisher"), "site": record_site(record),
        "headline": record.get("headline"), "published_at": _utc(record.get("published_at")),
        "agency": wire.get("agency"), "access": record.get("access"), "fingerprint": record["fingerprint"],
        "first_seen": seen, "last_seen": seen, "run": run, "record": record,
    }


def offer_rows(record: dict, seen: datetime) -> list[dict]:
    paywall = record.get("paywall") or {}
    site = record_site(record)
    rows = []
    for offer in paywall.get("offers") or []:
        identity = (site, offer.get("plan"), offer.get("price"), offer.get("currency"),
                    offer.get("term_months"), bool(offer.get("intro")), offer.get("intro_price"),
                    offer.get("intro_term_months"))
        rows.append({
            "offer_key": identity,  # hashed by Store.write once per batch
            "site": site, "publisher": record.get("publisher"), "plan": offer.get("plan"),
            "price": offer.get("price"), "list_price": offer.get("list_price"),
            "currency": offer.get("currency"), "price_text": offer.get("price_text"),
            "term_months": offer.get("term_months"), "term_text": offer.get("term_text"),
            "monthly_price": offer.get("monthly_price") or offer.get("computed_monthly_price"),
            "intro": bool(offer.get("intro")), "intro_price": offer.get("intro_price"),
            "intro_term_months": offer.get("intro_term_months"), "intro_term_text": offer.get("intro_term_text"),
            "flags": offer.get("flags") or [],
            "first_seen": seen, "last_seen": seen, "url": record["url"],
        })
    return rows


ARTICLE_COLUMNS = [c.name for c in schema.articles.columns]  # "record" last
VERSION_COLUMNS = [c.name for c in schema.article_versions.columns]
# Rows staged on PostgreSQL: their order in the batch, whether they stand for the article
# (else only a version of it), and the articles columns.
STAGE = sa.Table("newsbot_stage", sa.MetaData(), sa.Column("n", sa.Integer), sa.Column("article", sa.Boolean),
                 *(sa.Column(c.name, c.type) for c in schema.articles.columns))


class Store:
    """One database; `write` takes a batch of records in one transaction."""

    def __init__(self, url: str, *, upgrade: bool = True):
        self.url = url
        # pool_pre_ping: a connection the server dropped is replaced on the next batch,
        # so a store that comes back mid-crawl is written to again.
        # connect_timeout: an unreachable server costs a batch 10 s, not a hung crawl.
        pg = url.startswith(("postgresql", "postgres:"))
        self.engine = sa.create_engine(engine_url(url), pool_pre_ping=True,
                                       connect_args={"connect_timeout": 10} if pg else {})
        self.dialect = self.engine.dialect.name
        if self.dialect not in ("postgresql", "sqlite"):
            raise ValueError(f"NEWSBOT_STORE: unsupported database {self.dialect!r} (postgresql or sqlite)")
        if upgrade:
            migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # --- upserts -----------------------------------------------------------------------------
    def _insert(self, table):
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    def _later(self, table, stmt, column: str):
        """excluded.column when the incoming row was seen no earlier than the stored one."""
        return sa.case((stmt.excluded.last_seen >= table.c.last_seen, getattr(stmt.excluded, column)),
                       else_=getattr(table.c, column))

    def _span(self, table, stmt) -> dict:
        least = sa.func.least if self.dialect == "postgresql" else sa.func.min
        greatest = sa.func.greatest if self.dialect == "postgresql" else sa.func.max
        return {"first_seen": least(table.c.first_seen, stmt.excluded.first_seen),
                "last_seen": greatest(table.c.last_seen, stmt.excluded.last_seen)}

    def _upsert(self, conn, table, source, keys, updates) -> None:
        """INSERT ... ON CONFLICT (keys) DO UPDATE, from a list of rows (executemany) or a SELECT."""
        if isinstance(source, list):
            stmt = self._insert(table)
            conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=updates(stmt)), source)
        else:
            cols = [c.name for c in table.columns]
            stmt = self._insert(table).from_select(cols, source.with_only_columns(*(STAGE.c[c] for c in cols)))
            conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=updates(stmt)))

    def _copy(self, conn, table: str, columns: list[str], rows, first: list | None = None) -> None:
        """COPY rows into a table; a record goes as the feed's JSON text when there is one."""
        cur = conn.connection.driver_connection.cursor()
        dumps = json.dumps
        own = columns[len(first[0]) if first else 0:-1]  # the row's own columns before "record"
        with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for i, row in enumerate(rows):
                text = row.get("text") or dumps(row["record"], ensure_ascii=False)
                copy.write_row([*(first[i] if first else ()), *(row[c] for c in own), text])

    @staticmethod
    def _stored_keys(conn, keys: list[str]) -> set[str]:
        t = schema.articles
        return set(conn.execute(sa.select(t.c.key).where(t.c.key.in_(keys))).scalars())

    def _write_postgresql(self, conn, arts: dict, versions: dict, stage_all: bool) -> None:
        """Articles new to the store go in by COPY, and their versions are copied from them
        on the server; rows for keys already stored (and extra versions of a key within the
        batch) are staged by COPY in a temporary table and upserted from there. Each
        record's JSON is sent and parsed once either way."""
        t, v = schema.articles, schema.article_versions
        fresh: set[str] = set()
        if not stage_all:
            fresh = set(arts) - self._stored_keys(conn, list(arts))
        if fresh:
            self._copy(conn, "articles", ARTICLE_COLUMNS, [arts[k] for k in fresh])
            conn.execute(sa.insert(v).from_select(VERSION_COLUMNS, sa.select(*(t.c[c] for c in VERSION_COLUMNS))
                                                  .where(t.c.key.in_(list(fresh)))))
        staged = [r for (k, _), r in versions.items() if k not in fresh or arts[k] is not r]
        if not staged:
            return
        conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {STAGE.name} "
                             "(n integer, article boolean, LIKE articles) ON COMMIT DELETE ROWS")
        self._copy(conn, STAGE.name, [c.name for c in STAGE.columns], staged,
                   first=[(n, r["key"] not in fresh) for n, r in enumerate(staged)])
        # The article row from the batch's last copy of each key (DISTINCT ON only when a key repeats).
        source = sa.select(STAGE).where(STAGE.c.article)
        if len(staged) > len({r["key"] for r in staged}):
            source = source.distinct(STAGE.c.key).order_by(STAGE.c.key, STAGE.c.n.desc())
        latest = ("url", "canonical_url", "publisher", "site", "headline", "published_at", "agency",
                  "access", "fingerprint", "run", "record")
        self._upsert(conn, t, source, [t.c.key],
                     lambda stmt: {**{c: self._later(t, stmt, c) for c in latest}, **self._span(t, stmt)})
        self._upsert(conn, v, sa.select(STAGE), [v.c.key, v.c.fingerprint], lambda stmt: self._span(v, stmt))

    def _storable(self, records: list[dict], texts: list[str] | None) -> tuple[list[dict], list[str] | None]:
        """PostgreSQL: each record's JSON (dumped once here, or as read from a feed), with
        NUL removed from the record and the record flagged where there was one."""
        if self.dialect != "postgresql":
            return records, texts
        out_records, out_texts = [], []
        for i, record in enumerate(records):
            text = texts[i] if texts is not None else json.dumps(record, ensure_ascii=False)
            if "\\u0000" in text:
                cleaned = without_nul(record)
                if cleaned != record:
                    cleaned["flags"] = [*(cleaned.get("flags") or []), NUL_FLAG]
                    record, text = cleaned, json.dumps(cleaned, ensure_ascii=False)
            out_records.append(record)
            out_texts.append(text)
        return out_records, out_texts

    def write(self, records: Iterable[dict], run: str | None = None, seen: datetime | None = None,
              texts: list[str] | None = None, rejected: list | None = None) -> int:
        """Upsert a batch of records (one transaction); returns how many it took. `texts`:
        the records' JSON as read from a feed, sent as is instead of dumped again.
        `rejected`: a list that takes (record, reason) for each record the database refused
        (the rest are written); without it, a refused record fails the batch."""
        records, texts = self._storable(list(records), list(texts) if texts is not None else None)
        try:
            return self._write(records, run, seen, texts)
        except Exception as exc:
            if rejected is None or not record_error(exc):
                raise
        n = 0
        for i, record in enumerate(records):  # each alone: only the refused ones fail
            try:
                n += self._write([record], run, seen, [texts[i]] if texts is not None else None)
            except Exception as exc:
                if not record_error(exc):
                    raise
                rejected.append((record, f"{type(getattr(exc, 'orig', None) or exc).__name__}: "
                                          f"{str(getattr(exc, 'orig', None) or exc).splitlines()[0][:300]}"))
        return n

    def holds(self, pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which (key, fingerprint) pairs the store holds a version of."""
        v = schema.article_versions
        out: set[tuple[str, str]] = set()
        keys = sorted({k for k, _ in pairs})
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                rows = conn.execute(sa.select(v.c.key, v.c.fingerprint).where(v.c.key.in_(keys[i:i + 500])))
                out |= {(k, f) for k, f in rows}
        return out & set(pairs)

    def _write(self, records: list[dict], run: str | None, seen: datetime | None, texts: list[str] | None) -> int:
        seen = seen or datetime.now(timezone.utc)
        arts: dict[str, dict] = {}
        versions: dict[tuple, dict] = {}
        offers: dict[str, dict] = {}
        with_story: dict[str, dict] = {}
        n = 0
        for record in records:
            row = article_row(record, run, seen)
            if record.get("story"):
                with_story[row["key"]] = record
            if texts is not None:
                row["text"] = texts[n]
            n += 1
            arts[row["key"]] = row  # one row per key and statement: the last copy wins
            # Re-inserted so the order is the batch's: the last copy of a key is its newest.
            versions.pop((row["key"], row["fingerprint"]), None)
            versions[(row["key"], row["fingerprint"])] = row
            for offer in offer_rows(record, seen):
                offers.setdefault(offer["offer_key"], offer)
        for identity, offer in offers.items():
            offer["offer_key"] = hashlib.sha1(json.dumps(list(identity)).encode()).hexdigest()
        if not n:
            return 0
        if self.dialect == "postgresql":
            try:
                self._write_batch(arts, versions, offers, stage_all=False, stories=with_story, seen=seen)
            except (sa.exc.IntegrityError, *((psycopg.IntegrityError,) if psycopg else ())):
                # Another writer stored one of the "new" keys meanwhile: all by upsert, then.
                self._write_batch(arts, versions, offers, stage_all=True, stories=with_story, seen=seen)
        else:
            self._write_batch(arts, versions, offers, stories=with_story, seen=seen)
        return n

    def _write_batch(self, arts: dict, versions: dict, offers: dict, stage_all: bool = False,
                     stories: dict | None = None, seen: datetime | None = None) -> None:
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":
                self._write_postgresql(conn, arts, versions, stage_all)
            else:
                t = schema.articles
                latest = ("url", "canonical_url", "publisher", "site", "headline", "published_at", "agency",
                          "access", "fingerprint", "run", "record")
                self._upsert(conn, t, list(arts.values()), [t.c.key],
                             lambda stmt: {**{c: self._later(t, stmt, c) for c in latest}, **self._span(t, stmt)})
                t = schema.article_versions
                self._upsert(conn, t, [{c: r[c] for c in VERSION_COLUMNS} for r in versions.values()],
                             [t.c.key, t.c.fingerprint], lambda stmt: self._span(t, stmt))
            if offers:
                t = schema.offers
                self._upsert(conn, t, list(offers.values()), [t.c.offer_key],
                             lambda stmt: {"url": self._later(t, stmt, "url"), **self._span(t, stmt)})
            if stories:
                from .stories import write_story_rows  # issue 16: members commit with their records

                write_story_rows(self, conn, stories, seen or datetime.now(timezone.utc))

    def write_run(self, run: dict) -> None:
        """Upsert one `runs` row: run, spider, started, finished, finish_reason, records,
        failures, store_unavailable, report."""
        row = {c.name: run.get(c.name) for c in schema.runs.columns}
        row["store_unavailable"] = bool(row["store_unavailable"])
        for k in ("started", "finished"):
            row[k] = _utc(row[k])
        with self.engine.begin() as conn:
            t = schema.runs
            stmt = self._insert(t)
            conn.execute(stmt.on_conflict_do_update(
                index_elements=[t.c.run],
                set_={c: getattr(stmt.excluded, c) for c in row if c != "run"}), [row])

    # --- reading -----------------------------------------------------------------------------
    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(schema.metadata.tables[table])).scalar_one()

    def rows(self, table: str, order_by: str | None = None) -> list[dict]:
        t = schema.metadata.tables[table]
        query = sa.select(t)
        if order_by:
            query = query.order_by(*(t.c[c] for c in order_by.split(",")))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]


def open_store(url: str | None) -> Store | None:
    """The store a NEWSBOT_STORE value names, its schema brought to the latest version; None when unset."""
    if not url:
        return None
    if "://" not in url:  # a bare path means an SQLite file
        url = f"sqlite:///{url}"
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    return Store(url)
