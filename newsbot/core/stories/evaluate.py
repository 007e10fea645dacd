"""Scoring story grouping against the sample site's truth (its manifests): pairwise
precision and recall of "these two records are one story", relations, and traps. Used by the
tests and `python -m newsbot.core.stories.evaluate FEED...`."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from urllib.parse import urlsplit


def truth_of(samples: Path) -> dict[tuple[str, str], dict]:
    """(publisher, path) -> {"story", "relation", "trap"} for every article of the sample site."""
    out = {}
    sites = json.loads((Path(samples) / "sites.json").read_text("utf-8"))["sites"]
    for site in sites:
        m = json.loads((Path(samples) / site["root"] / "manifest.json").read_text("utf-8"))
        for e in m["articles"]:
            truth = {"story": e.get("story_id") or e["id"], "relation": e.get("story_relation"),
                     "trap": e.get("story_trap")}
            for path in {e["path"], e.get("canonical_path") or e["path"]}:
                out[(site["publisher"], path)] = truth
    return out


def pairs(groups: dict[str, list[str]]) -> set[frozenset]:
    return {frozenset(p) for members in groups.values() for p in combinations(sorted(members), 2)}


def score(records: list[dict], truth: dict[tuple[str, str], dict]) -> dict:
    """Pairwise precision/recall over records joined as copies and edits (partial reuse is
    scored by its relation, not as a pair), partial relations, and traps grouped."""
    predicted, expected = defaultdict(list), defaultdict(list)
    partial_expected, partial_found, unknown = [], [], []
    trap_records = defaultdict(set)
    story_of = {}
    for r in records:
        path = urlsplit(r.get("canonical_url") or r["url"]).path
        t = truth.get((r.get("publisher"), path)) or truth.get((r.get("publisher"), urlsplit(r["url"]).path))
        if t is None:
            unknown.append(r["url"])
            continue
        rid = f"{r.get('publisher')}|{path}"
        s = r.get("story") or {}
        story_of[rid] = s.get("id")
        if t["relation"] == "partial":
            partial_expected.append(rid)
            if s.get("relation") == "partial":
                partial_found.append(rid)
            continue
        if s.get("relation") != "partial":
            predicted[s.get("id") or rid].append(rid)
        expected[t["story"]].append(rid)
        if t["trap"]:
            trap_records[t["trap"]].add(rid)
    p, e = pairs(predicted), pairs(expected)
    traps_grouped = sorted({trap for trap, rids in trap_records.items()
                            for a, b in combinations(sorted(rids), 2)
                            if story_of.get(a) == story_of.get(b) and frozenset((a, b)) not in e})
    return {"records": len(records), "unknown": unknown, "pairs_expected": len(e), "pairs_predicted": len(p),
            "precision": len(p & e) / len(p) if p else 1.0, "recall": len(p & e) / len(e) if e else 1.0,
            "false_pairs": sorted(sorted(x) for x in p - e), "missed_pairs": sorted(sorted(x) for x in e - p),
            "partial_expected": len(partial_expected), "partial_found": len(partial_found),
            "traps": sorted(trap_records), "traps_grouped": traps_grouped}


def main(argv: list[str]) -> int:
    from newsbot.cli_stories import read_records  # noqa: PLC0415

    samples = Path(__file__).resolve().parent.parent / "samples"
    result = score(list(read_records(argv)), truth_of(samples))
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
