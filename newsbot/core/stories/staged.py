"""The story index's staged keys: the band keys or paragraph hashes of the records joined since
the last merge, in memory (key -> member ids), until they are merged into the index file's
large tables. Dicts, not an in-memory SQLite table: at 1M stories, a join's 25 probes and 25
inserts cost ~40 µs here against ~160 in a B-tree of 2.5 million rows. Changes since the
transaction began are logged, so a rollback takes them back as SQLite takes back the file's."""

from __future__ import annotations

from typing import Iterable, Iterator

import numpy as np


class StagedKeys:
    """Each staged key's first member id, and the further ids of the keys several members
    staged (the copies of a story share most keys): two dicts of plain ints and tuples, so
    the common single-member key costs one dict entry and a merge reads them as arrays."""

    def __init__(self) -> None:
        self._first: dict[int, int] = {}
        self._more: dict[int, tuple[int, ...]] = {}
        self._undo: list[tuple[bool, list[int], int]] = []
        """(added, keys, member) for each change since the transaction began."""
        self.highest = 0
        """The highest member id staged (dropping up to a lower one must keep some)."""

    def add(self, keys: Iterable[int], member: int, log: bool = True) -> None:
        """Stage (key, member) for each key; only the pairs that were not staged are logged."""
        first, more = self._first, self._more
        fresh: list[int] = []
        n = len(first)
        for h in keys:
            held = first.setdefault(h, member)
            if len(first) != n:  # a new key (an identity test would take a small int held before for new)
                n += 1
                fresh.append(h)
            elif held != member:
                others = more.get(h, ())
                if member not in others:
                    more[h] = others + (member,)
                    fresh.append(h)
        self.highest = max(self.highest, member)
        if log and fresh:
            self._undo.append((True, fresh, member))

    def remove(self, keys: Iterable[int], member: int, log: bool = True) -> None:
        """Unstage (key, member) for each key; only the pairs that were staged are logged."""
        first, more = self._first, self._more
        gone: list[int] = []
        for h in keys:
            held = first.get(h)
            if held is None:
                continue
            others = more.get(h, ())
            if held == member:
                gone.append(h)
                if others:  # the next member takes the key
                    first[h] = others[0]
                    self._set_more(h, others[1:])
                else:
                    del first[h]
            elif member in others:
                gone.append(h)
                self._set_more(h, tuple(m for m in others if m != member))
        if log and gone:
            self._undo.append((False, gone, member))

    def _set_more(self, key: int, others: tuple[int, ...]) -> None:
        if others:
            self._more[key] = others
        else:
            del self._more[key]

    def members(self, keys: Iterable[int]) -> set[int]:
        """The members that staged any of the keys."""
        return {m for _, m in self.pairs(keys)}

    def pairs(self, keys: Iterable[int]) -> Iterator[tuple[int, int]]:
        """(key, member) for each of the keys staged."""
        get, more = self._first.get, self._more
        for h in keys:
            held = get(h)
            if held is not None:
                yield h, held
                if more and h in more:
                    for m in more[h]:
                        yield h, m

    def all_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Every (key, member), as two int64 arrays in key order (the order a merge writes them)."""
        first = self._first
        h = np.fromiter(first.keys(), dtype=np.int64, count=len(first))
        m = np.fromiter(first.values(), dtype=np.int64, count=len(first))
        if self._more:
            extra = [(k, x) for k, others in self._more.items() for x in others]
            h = np.concatenate([h, np.fromiter((k for k, _ in extra), dtype=np.int64, count=len(extra))])
            m = np.concatenate([m, np.fromiter((x for _, x in extra), dtype=np.int64, count=len(extra))])
        order = np.lexsort((m, h))
        return h[order], m[order]

    def keep_after(self, member: int) -> None:
        """Drop the keys of members up to `member` (merged into the file), not logged: what
        is merged and committed stays merged whatever this transaction does."""
        if self.highest > member:  # it may be too high (a rolled-back member's): the real one
            self.highest = max(self._first.values(), default=0)
            if self._more:
                self.highest = max(self.highest, max(max(others) for others in self._more.values()))
        if self.highest <= member:
            self._first.clear()
            self._more.clear()
            return
        pairs = [(h, m) for h, m in self.pairs(list(self._first)) if m > member]
        self._first.clear()
        self._more.clear()
        for h, m in pairs:
            self.add((h,), m, log=False)

    def begin(self) -> None:
        self._undo.clear()

    def commit(self) -> None:
        self._undo.clear()

    def rollback(self) -> None:
        """Take back every logged change since begin(), the last first."""
        for added, keys, member in reversed(self._undo):
            (self.remove if added else self.add)(keys, member, log=False)
        self._undo.clear()
