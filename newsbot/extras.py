"""The optional parts of the install (pyproject.toml's extras), and the one line a command
says when it needs one that is not installed.

A crawl and `newsbot extract` need only the core install; the store, the report, Scrapyd
and Redis each come with their extra (`pip install 'newsbot[store]'`).
"""

from __future__ import annotations

import importlib.util

EXTRAS = {
    "store": ("sqlalchemy", "alembic"),
    "postgresql": ("psycopg",),
    "report": ("plotly", "sqlalchemy", "alembic"),
    "deploy": ("scrapyd", "scrapyd_client"),
    "redis": ("scrapy_redis", "redis"),
}
"""Extra -> the modules it provides that newsbot imports."""
INSTALL_AS = {"postgresql": "store"}
"""The extra to install for a need whose modules come with another extra."""


class MissingExtra(Exception):
    """A command needs an optional part that is not installed: one line, exit code 2."""


def missing(extra: str) -> list[str]:
    """The modules of `extra` that cannot be imported here."""
    out = []
    for name in EXTRAS[extra]:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a module set to None in sys.modules, or half-installed
            found = False
        if not found:
            out.append(name)
    return out


def require(extra: str, what: str) -> None:
    """Raise MissingExtra naming the extra to install when `what` (a command or a
    setting) needs modules of `extra` that are not installed."""
    absent = missing(extra)
    if absent:
        name = INSTALL_AS.get(extra, extra)
        raise MissingExtra(f"{what} needs the [{name}] extra ({', '.join(absent)} not installed): "
                           f"pip install 'newsbot[{name}]'")


def require_for_settings(settings) -> None:
    """The extras a crawl's settings need: a database store, Redis state or queue."""
    store = settings.get("NEWSBOT_STORE") or ""
    if store:
        require("store", "NEWSBOT_STORE")
        if store.startswith(("postgresql:", "postgres:", "postgresql+psycopg:")):
            require("postgresql", "a PostgreSQL NEWSBOT_STORE")
    state = settings.get("NEWSBOT_STATE") or ""
    if str(state).startswith(("redis://", "rediss://")):
        require("redis", "a redis:// NEWSBOT_STATE")
    if "scrapy_redis" in str(settings.get("SCHEDULER") or ""):
        require("redis", "the scrapy-redis scheduler")
