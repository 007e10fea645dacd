"""The offers feed: one line per site, publisher and plan seen in the run, with price,
currency, term and when runs first and last saw that plan at that price on that site (from
the state store), so a price change between runs shows as a new line. It runs before the
duplicate and unchanged-page filters: every article page a run fetches refreshes last_seen."""

from __future__ import annotations

import json
from pathlib import Path

from newsbot.crawling.extensions.run import run_of
from newsbot.crawling.items import ArticleItem
from newsbot.core.keys import record_site
from newsbot.run.statestore import now_iso


class OfferFeedPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.plans: dict[tuple, dict] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if isinstance(item, ArticleItem) and item.get("paywall"):
            publisher = item.get("publisher") or "unknown"
            site = record_site(item)
            for offer in item["paywall"]["offers"]:
                key = (site, publisher, offer["plan"] or "", offer["price"], offer["currency"], offer["term_months"])
                if key not in self.plans:
                    self.plans[key] = {"site": site, "publisher": publisher, "plan": offer["plan"], "price": offer["price"],
                                       "currency": offer["currency"], "price_text": offer["price_text"],
                                       "term_months": offer["term_months"], "term_text": offer["term_text"],
                                       "monthly_price": offer["monthly_price"], "flags": offer["flags"],
                                       "seen_on": item["url"]}
        return item

    def close_spider(self):
        run = run_of(self.crawler)
        try:
            self._write(Path(run.path("offers")), run.state)
        except OSError as exc:
            run.fail(f"offers feed {run.path('offers')} cannot be written ({exc})", "feed_error")

    def _write(self, path: Path, store) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        ts = now_iso()
        with path.open("w", encoding="utf-8") as f:
            for key, line in self.plans.items():
                if store is not None:
                    seen = store.see_offer(*key, when=ts, seen_on=line["seen_on"])
                    line["first_seen"], line["last_seen"] = seen.first_seen, seen.last_seen
                else:
                    line["first_seen"] = line["last_seen"] = ts
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.crawler.stats.set_value("newsbot/offers/plans", len(self.plans))
