"""Shared test helpers, in the style of City Bureau's city-scrapers: build a page or a
Scrapy response from a saved file, parse once per module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = FIXTURES / "pages"


def shared_folder() -> Path:
    """The project's shared folder (the seed page, the corpora): NEWSBOT_SHARED, else the
    "shared" folder beside this checkout, else beside the repository it was cloned from (a
    fresh clone in a temporary folder, as CI makes one)."""
    import os
    import subprocess

    if os.environ.get("NEWSBOT_SHARED"):
        return Path(os.environ["NEWSBOT_SHARED"])
    beside = ROOT.parent / "shared"
    if beside.is_dir():
        return beside
    origin = subprocess.run(["git", "-C", str(ROOT), "remote", "get-url", "origin"], capture_output=True, text=True)
    source = Path(origin.stdout.strip()) if origin.returncode == 0 else None
    if source is not None and source.is_dir() and (source.parent / "shared").is_dir():
        return source.parent / "shared"
    return beside


SHARED = shared_folder()
SEED = SHARED / "seed" / "bs-ians-dual-track.txt"
SEED_URL = "https://www.business-standard.com/article/news-ians/seed-118050600166_1.html"


def fixture_bytes(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def expected(stem: str) -> dict:
    return json.loads((PAGES / f"{stem}.expected.json").read_text("utf-8"))


def file_response(path, url: str):
    """A Scrapy HtmlResponse/TextResponse built from a saved page."""
    from scrapy.http import HtmlResponse

    body = Path(path).read_bytes()
    return HtmlResponse(url=url, body=body, encoding=None, headers={"Content-Type": "text/html"})


@pytest.fixture(scope="session")
def schema_validator():
    from jsonschema import Draft202012Validator

    from newsbot.core.record import load_schema

    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="session")
def postgres():
    """One real PostgreSQL server per test process (pgserver), stopped at the end."""
    import shutil

    from .stores import start_postgres

    server, folder = start_postgres()
    yield server
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    from .stores import new_database

    return new_database(request.getfixturevalue("postgres"))


def crawler_with_state(tmp_path, spider_cls=None, spider_args=None, **settings):
    """A crawler whose extensions are built (the run state among them), with the state
    store and output under tmp_path: what pipelines and spiders find with run_of()."""
    from scrapy import Spider
    from scrapy.utils.test import get_crawler

    from newsbot.crawling.extensions.run import run_of

    base = {"NEWSBOT_STATE": str(tmp_path / "s.sqlite3"), "NEWSBOT_OUTPUT_DIR": str(tmp_path / "output"),
            "EXTENSIONS": {"newsbot.crawling.extensions.run.RunExtension": 550}}
    crawler = get_crawler(spider_cls or Spider, settings_dict={**base, **settings})
    crawler.spider = crawler.spidercls.from_crawler(crawler, **(spider_args or {"name": "t"} if not spider_cls else spider_args or {}))
    crawler._apply_settings()
    return crawler, run_of(crawler)
