"""The delivery ledger: a record goes through three steps, each proved before the next.

    written    its line is durably in the records feed (the feed exporter says so);
    committed  with a database store (NEWSBOT_STORE), its batch's transaction committed;
               without one this step is the same as the first;
    delivered  its fingerprint is in the state store: later runs skip the page unchanged.

Within a run the steps come from the feed exporter and the store pipeline. A run killed
midway leaves its entry open in the state store (its records feed and its store URL), and
the next run's `recover` moves each whole record of that feed on only past what it can
prove: the store is asked which of them it holds (key and fingerprint), the others are
written to it again, and only records the store holds are marked delivered. When the
store cannot take them, they stay undelivered (the next run fetches their pages again),
the killed run stays open, and the log and the report give the `newsbot load` command that
levels the store.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from newsbot.core.keys import canonical_key, record_key

logger = logging.getLogger(__name__)

RECOVERY_BATCH = 500


def load_command(feed: str, store: str | None) -> str:
    """The command that puts a feed's records in the store (the password left out)."""
    return f"newsbot load {feed}" + (f" --store {hide_password(store)}" if store else "")


def hide_password(url: str) -> str:
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def whole_records(feed: str):
    """(key, fingerprint, record, line) for every whole record line of a feed."""
    with open(feed, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            try:
                rec = json.loads(line)
                yield record_key(rec), rec["fingerprint"], rec, line.rstrip("\n")
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # a line cut short by the kill: that record was not written


class Ledger:
    def __init__(self, run):
        self.run = run
        self.delivered: set[str] = set()  # keys delivered by this run
        # Written records waiting for the database store's commit, by key.
        self.awaiting: dict[str, object] | None = {} if run.store_url else None
        self.pending_aliases: dict[str, set[str]] = {}

    # --- within the run --------------------------------------------------------------------
    def written(self, item, key: str) -> None:
        if self.awaiting is not None:
            self.awaiting[key] = item
        else:
            self.deliver(item, key)

    def committed(self, records) -> None:
        if self.awaiting is None:
            return
        for record in records:
            key = record_key(record)
            item = self.awaiting.pop(key, None)
            if item is not None:
                self.deliver(item, key)

    def deliver(self, item, key: str) -> None:
        """Stores the record's fingerprint, and those of the URLs that stand for it. A state
        store that cannot be written stops the run."""
        self.delivered.add(key)
        state = self.run.state
        if state is None:
            return
        lastmod = getattr(item, "lastmod", None)
        try:
            state.put(key, item["fingerprint"], lastmod)
            # The fetched URL and any that redirected to it stand for the same page next run.
            for alias in self.aliases(item, key) | self.pending_aliases.pop(key, set()):
                state.put(alias, item["fingerprint"], lastmod)
        except Exception as exc:
            self.run.fail(f"state store {self.run.spec} cannot be written ({type(exc).__name__}: {exc}): the record "
                          f"for {item.get('url')} is in the feed but not marked delivered", "state_error")

    @staticmethod
    def aliases(item, key: str) -> set[str]:
        return {canonical_key(u) for u in getattr(item, "aliases", [])} - {key}

    def alias(self, alias: str, key: str, lastmod: str | None = None) -> None:
        """`alias` stands for the page under `key`: stored now if the page is delivered,
        else when it is (its first copy may still be on its way)."""
        delivered = self.run.state.get(key)
        if delivered is None:
            self.pending_aliases.setdefault(key, set()).add(alias)
        else:
            self.run.state.put(alias, delivered.fingerprint, lastmod or delivered.lastmod)

    # --- after a killed run ----------------------------------------------------------------
    def recover(self) -> None:
        state = self.run.state
        recovered, unstored, commands = 0, 0, []
        for run, feed, store in state.open_runs():
            if feed and not Path(feed).exists():
                continue  # another machine's run (shared Redis state), or a feed moved away
            delivered, left = self._recover(run, feed, store) if feed else (0, 0)
            recovered += delivered
            if left:
                unstored += left
                commands.append(load_command(feed, store))
                logger.warning("run %s did not finish: %d records of its feed are not in the store %s, so they "
                               "are not delivered; the next run fetches them again, or level the store with: %s",
                               run, left, hide_password(store), commands[-1])
                continue  # stays open: the next run tries the store again
            state.close_run(run)
            logger.warning("run %s did not finish: %d records written to its feed are now delivered%s", run,
                           delivered, " (each one in the store)" if store else "")
        self.run.report_extra = {"recovered": recovered, "recovered_not_in_store": unstored,
                                 "load_commands": commands}

    def _recover(self, run: str, feed: str, store_url: str | None) -> tuple[int, int]:
        """(records delivered, records left undelivered because the store lacks them)."""
        state = self.run.state
        todo = []
        for key, fingerprint, rec, line in whole_records(feed):
            prev = state.get(key)
            if prev is None or prev.fingerprint != fingerprint:
                todo.append((key, fingerprint, rec, line))
        committed = {(k, f) for k, f, _, _ in todo} if not store_url else self._commit(run, store_url, todo)
        n = 0
        for key, fingerprint, rec, _ in todo:
            if (key, fingerprint) in committed:
                state.put(key, fingerprint, None)
                n += 1
        return n, len({(k, f) for k, f, _, _ in todo} - committed)

    @staticmethod
    def _commit(run: str, store_url: str, todo: list) -> set[tuple[str, str]]:
        """The (key, fingerprint) pairs the store holds once the records it lacked are
        written to it again; as many as it could take when it fails."""
        from newsbot.stores import StoreUnavailable, open_store

        try:
            store = open_store(store_url)
        except StoreUnavailable as exc:
            logger.warning("store %s unavailable for recovery: %s", hide_password(store_url), exc)
            return set()
        held: set[tuple[str, str]] = set()
        try:
            held = store.holds([(k, f) for k, f, _, _ in todo])
            missing = [t for t in todo if (t[0], t[1]) not in held]
            for i in range(0, len(missing), RECOVERY_BATCH):
                batch = missing[i:i + RECOVERY_BATCH]
                rejected: list = []
                store.write([t[2] for t in batch], run=run, texts=[t[3] for t in batch], rejected=rejected)
                lost = {record_key(r) for r, _ in rejected}
                held |= {(k, f) for k, f, _, _ in batch if k not in lost}
            return held
        except StoreUnavailable as exc:
            logger.warning("store %s failed during recovery: %s", hide_password(store_url), exc)
            return held
        finally:
            store.close()
