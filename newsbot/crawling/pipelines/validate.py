"""Validation against the record's JSON Schema, and what happens to invalid records.

RecordValidationPipeline is spidermon's ItemValidationPipeline (same settings, validator,
stats and `_validation` errors field) with one change: the schema check runs in the
crawl's worker processes (newsbot/crawling/workers.py), off the crawler's thread.
InvalidRecordPipeline then moves a record with errors to the failures feed, whole, instead
of letting a record that breaks the contract reach the main feed.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from spidermon.contrib.scrapy.pipelines import ItemValidationPipeline
from spidermon.contrib.validation import JSONSchemaValidator

from newsbot.crawling.items import ArticleItem, failure
from newsbot.crawling.workers import Workers

logger = logging.getLogger(__name__)


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
