"""Throwaway PostgreSQL servers for tests (pgserver ships the binaries), one database per test."""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

import sqlalchemy as sa

_counter = itertools.count()


def start_postgres(folder: Path | None = None):
    """A PostgreSQL server on a Unix socket in a fresh folder: (server, folder)."""
    import pgserver

    # Short path: the server's Unix socket lives in its data folder.
    folder = folder or Path(tempfile.mkdtemp(prefix="nbpg"))
    return pgserver.get_server(folder, cleanup_mode="stop"), folder


def new_database(server) -> str:
    """A fresh database on `server`; its URL."""
    name = f"t{os.getpid()}_{next(_counter)}"
    engine = sa.create_engine(server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1),
                              isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return server.get_uri(name)
