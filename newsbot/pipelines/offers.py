"""The offers feed: one line per site, publisher and plan seen in the run, with price,
currency, term and when runs first and last saw that plan at that price on that site (from
the state store), so a price change between runs shows as a new line. It runs before the
duplicate and unchanged-page filters: every article page a run fetches refreshes last_seen."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from ..extensions.state import run_state
from ..items import ArticleItem
from ..state import now_iso


def site_of(url: str) -> str:
    """The site an offer was seen on: the host (and port), without www. Prices of a copy of
    a site (the loopback sample site) never mix with the live site's."""
    netloc = urlsplit(url).netloc.lower()
    return netloc[4:] if netloc.startswith("www.") else netloc


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
            site = site_of(item.get("url") or "")
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
        state = run_state(self.crawler)
        try:
            self._write(Path(state.paths["offers"]), state.store)
        except OSError as exc:
            state.fail(f"offers feed {state.paths['offers']} cannot be written ({exc})", "feed_error")

    def _write(self, path: Path, store) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        ts = now_iso()
        with path.open("w", encoding="utf-8") as f:
            for key, line in self.plans.items():
                if store is not None:
                    seen = store.see_offer(*key, when=ts)
                    line["first_seen"], line["last_seen"] = seen.first_seen, seen.last_seen
                else:
                    line["first_seen"] = line["last_seen"] = ts
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.crawler.stats.set_value("newsbot/offers/plans", len(self.plans))
