"""The story index's staged keys in memory (newsbot.core.stories.staged): what a transaction
staged and unstaged is taken back exactly by a rollback, keys shared by several records keep
every record, and a merge reads them all in key order."""

from __future__ import annotations

import random

import numpy as np

from newsbot.core.stories.staged import StagedKeys


def pairs(staged: StagedKeys) -> set[tuple[int, int]]:
    h, m = staged.all_pairs()
    return set(zip(h.tolist(), m.tolist()))


def test_a_key_staged_by_several_records_finds_each_and_loses_only_the_one_removed():
    staged = StagedKeys()
    staged.add([1, 2, 3], 10)
    staged.add([2, 3, 4], 11)  # a copy: most keys shared
    staged.add([3], 12)
    assert staged.members([3]) == {10, 11, 12} and staged.members([1, 4]) == {10, 11}
    staged.remove([1, 2, 3], 10)  # the first record of key 3 goes: the others keep it
    assert staged.members([3]) == {11, 12} and staged.members([1]) == set()
    assert pairs(staged) == {(2, 11), (3, 11), (3, 12), (4, 11)}
    assert sorted(staged.pairs([3, 9])) == [(3, 11), (3, 12)]


def test_a_rollback_takes_back_exactly_what_the_transaction_changed():
    rng = random.Random(5)
    staged = StagedKeys()
    # Small ints as keys and ids: CPython shares those objects, so "new" cannot be told by identity.
    for member in range(1, 40):
        staged.add(rng.sample(range(200), 8), member, log=False)
    staged.add([250, 251], 3, log=False)
    before = pairs(staged)
    staged.begin()
    for member in range(1, 60):
        keys = rng.sample(range(200), 8)
        (staged.add if rng.random() < 0.6 else staged.remove)(keys, member)
    staged.add([250, 251, 252], 3)  # two of the pairs staged before: only the new one is taken back
    assert pairs(staged) != before
    staged.rollback()
    assert pairs(staged) == before


def test_a_commit_keeps_the_changes_and_the_next_rollback_takes_back_only_its_own():
    staged = StagedKeys()
    staged.begin()
    staged.add([7, 8], 1)
    staged.commit()
    staged.begin()
    staged.add([8, 9], 2)
    staged.remove([7], 1)
    staged.rollback()
    assert pairs(staged) == {(7, 1), (8, 1)}


def test_keys_merged_up_to_a_member_are_dropped_and_the_later_ones_kept():
    staged = StagedKeys()
    staged.add([5, 6], 1)
    staged.add([6, 7], 2)
    staged.add([7, 8], 3)
    staged.keep_after(2)
    assert pairs(staged) == {(7, 3), (8, 3)}
    staged.keep_after(3)
    assert pairs(staged) == set()


def test_a_rolled_back_higher_member_does_not_keep_merged_keys():
    staged = StagedKeys()
    staged.add([5], 1)
    staged.begin()
    staged.add([6], 9)
    staged.rollback()  # 9 was never committed; the merge below covers everything staged
    staged.keep_after(1)
    assert pairs(staged) == set()


def test_all_pairs_are_in_key_order_as_sqlite_orders_signed_integers():
    staged = StagedKeys()
    keys = [2**63 - 1, -2**63, 0, -5, 17]
    for n, k in enumerate(keys):
        staged.add([k], 100 - n)
    staged.add([0], 3)
    h, m = staged.all_pairs()
    assert h.dtype == np.int64 and h.tolist() == sorted(h.tolist())
    assert list(zip(h.tolist(), m.tolist()))[:4] == [(-2**63, 99), (-5, 97), (0, 3), (0, 98)]
