"""The record's JSON Schema (article.schema.json), importable for spidermon's validation."""

from newsbot.core.record import load_schema

ARTICLE_SCHEMA = load_schema()
