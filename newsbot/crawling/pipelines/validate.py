"""Validation against the record's JSON Schema, and what happens to invalid records.

RecordValidationPipeline is spidermon's ItemValidationPipeline (same settings, validator,
stats and `_validation` errors field) with one change: each record is first checked by the
schema compiled once per process (fastjsonschema, ~0.04 ms a record, inline: less than the
trip to a worker), and only a record it refuses goes to spidermon's JSON Schema validator
(jsonschema, ~1-3 ms, in the crawl's worker processes when there are any), which names the
errors exactly as before. InvalidRecordPipeline then moves a record with errors to the
failures feed, whole, instead of letting a record that breaks the contract reach the main feed.
"""

from __future__ import annotations

import logging

import fastjsonschema
from itemadapter import ItemAdapter
from spidermon.contrib.scrapy.pipelines import ItemValidationPipeline
from spidermon.contrib.validation import JSONSchemaValidator

from newsbot.crawling.items import ArticleItem, failure
from newsbot.crawling.workers import Workers

logger = logging.getLogger(__name__)


_COMPILED: dict[int, tuple[dict, object]] = {}


def compiled_check(schema: dict):
    """The schema compiled to a Python function by fastjsonschema, once per schema object and
    process (the schema keeps its id while spidermon's validator holds it)."""
    entry = _COMPILED.get(id(schema))
    if entry is None or entry[0] is not schema:
        entry = _COMPILED[id(schema)] = (schema, fastjsonschema.compile(schema))
    return entry[1]


def passes(schemas: list[dict], record: dict) -> bool:
    """Whether every compiled schema accepts the record. A refusal (or a record the compiled
    code cannot read) is not the verdict: spidermon's validator then decides and names the
    errors, so fastjsonschema can only make a valid record cheaper, never let a bad one by
    (tests/test_record_schema.py holds it to jsonschema on valid and broken records)."""
    try:
        for schema in schemas:
            compiled_check(schema)(record)
    except Exception:  # JsonSchemaValueException, or a value the generated code trips on
        return False
    return True


def validate_with_schemas(schemas: list[dict], record: dict) -> tuple[bool, dict]:
    """spidermon's JSON Schema validator, every schema in turn, on one record (runs in a
    worker process); errors are merged per field as spidermon does."""
    merged: dict[str, list[str]] = {}
    for schema in schemas:
        ok, errors = JSONSchemaValidator(schema).validate(record)
        for field, messages in errors.items():
            merged.setdefault(field, []).extend(messages)
    return not merged, merged


class RecordValidationPipeline(ItemValidationPipeline):
    @classmethod
    def from_crawler(cls, crawler):
        pipe = super().from_crawler(crawler)
        pipe.workers = Workers.of(crawler)
        return pipe

    async def process_item(self, item, spider=None):
        validators = self.find_validators(item)
        schemas = [v._schema for v in validators if isinstance(v, JSONSchemaValidator)]
        if not validators or len(schemas) != len(validators):
            return super().process_item(item)
        adapter = ItemAdapter(item)
        record = dict(item) if isinstance(item, dict) else adapter.asdict()
        self.stats.add_item()
        self.stats.add_fields(len(record))
        if passes(schemas, record):
            return item
        ok, errors = await self.workers.run(validate_with_schemas, schemas, record)
        if not ok:
            self._add_error_stats(errors)
            if self.add_errors_to_items:
                self._add_errors_to_item(adapter, errors)
            if self.drop_items_with_errors:
                self._drop_item(item, errors)
        return item


class InvalidRecordPipeline:
    def __init__(self, stats, errors_field: str = "_validation"):
        self.stats = stats
        self.errors_field = errors_field

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.settings.get("SPIDERMON_VALIDATION_ERRORS_FIELD") or "_validation")

    def process_item(self, item):
        if not isinstance(item, ArticleItem) or self.errors_field not in item:
            return item
        errors = item.pop(self.errors_field)
        self.stats.inc_value("newsbot/failures/invalid_record")
        logger.warning("record for %s fails the schema: %s", item.get("url"), errors)
        return failure(item.get("url", ""), "invalid_record", None, str(errors), errors=errors, record=dict(item))
