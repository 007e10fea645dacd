"""Invalid records are kept, with their errors, in the failures feed.

spidermon's ItemValidationPipeline (configured in settings) validates every ArticleItem
against the record's JSON Schema, counts the errors in its stats and adds them to the
item under `_validation`; this pipeline then moves such a record to the failures feed,
whole, instead of letting a record that breaks the contract reach the main feed.
"""

from __future__ import annotations

import logging

from ..items import ArticleItem, failure

logger = logging.getLogger(__name__)


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
