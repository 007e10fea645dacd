"""Blocks: one per line a reader sees, each knowing the group (plan card, list item) it sits in."""

from lxml import html

from newsbot.core.extract.blocks import PAYWALL, blockify


def test_every_list_item_is_a_group_of_its_own():
    # Each item's element proxy is freed once walked; a group keyed by id() could take the
    # freed id and make two plans read as one (found on a real plan list: the grouping
    # changed from run to run).
    items = "".join(f"<li><b>Plan {n}</b><span>Rs {n}99 a month</span></li>" for n in range(200))
    blocks = blockify(html.fromstring(f"<div><ul>{items}</ul></div>"), PAYWALL, fine=True)
    assert len(blocks) == 400
    by_group: dict = {}
    for b in blocks:
        by_group.setdefault(b.group, []).append(b.text)
    assert len(by_group) == 200
    assert all(len(texts) == 2 and texts[0].startswith("Plan ") for texts in by_group.values())
