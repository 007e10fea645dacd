#!/usr/bin/env python3
"""Wire credits on the shared corpora: the pages whose text carries agency copy, and the rest.

    python bench/wire_corpus.py [--corpus-root ../shared/corpus] [--verbose]

AGENCY_PAGES lists every page of ../shared/corpus (naeb, fundus, trafilatura, aeb: 386 pages)
whose text carries agency copy, with the agency the page prints and where it prints it. The
list was drawn up by searching every page's visible text and ground truth for the agency
table's names and forms (datelines, sign-offs, bylines, contributor lines, "inputs from",
JSON-LD author/sourceOrganization/creditText) and then reading each hit: stories that only
quote an agency ("told Reuters"), photo credits ("REUTERS/Kai Pfaffenbach", "Foto: dpa")
and an agency's name in a menu were left out. Two pages say "agencies" without naming one:
newsbot must leave `wire` null and flag them `wire_agency_unnamed`.

Printed: the agency pages credited with the right agency (issue 14's target: 90%), the
unnamed pages flagged, and every other page that got a wire credit (a false credit).
Pages are read in place; nothing is copied.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsbot.core.extract import extract  # noqa: E402

# (corpus, page id or its prefix, agency, where the page prints it)
AGENCY_PAGES = [
    ("naeb", "1", "AP", "abcnews wirestory: byline 'The Associated Press'"),
    ("naeb", "5", "AP", "apnews: 'TALLAHASSEE, Fla. (AP) —'"),
    ("naeb", "6", "AP", "apnews: 'KANSAS CITY, Mo. (AP) —'"),
    ("naeb", "129", "AFP", "Times of India: byline 'AFP / Updated: ...'"),
    ("naeb", "134", "AP", "USA Today: 'Includes information from The Associated Press'"),
    ("naeb", "185", "AP", "Chicago Tribune: 'By Brian Mahoney' + 'Associated Press'"),
    ("naeb", "250", "Reuters", "Guardian: byline element and article:author 'Reuters' (the corpus truth names another writer)"),
    ("naeb", "231", "AFP", "Forbes India: 'By AFPRelaxnews'"),
    ("naeb", "253", "ANI", "Hindustan Times: byline 'ANI |', JSON-LD author Thing 'ANI'"),
    ("naeb", "260", "AP", "HuffPost: 'LOS ANGELES (AP) —' mid-page, JSON-LD author Organization 'AP'"),
    ("naeb", "296", "AP", "NBC News live blog: an entry by 'The Associated Press'"),
    ("naeb", "315", "AP", "PBS: 'By — Associated Press', 'LONDON (AP) —'"),
    ("naeb", "316", "AP", "PBS: 'RAFAH, Gaza Strip (AP) —'"),
    ("naeb", "345", "Reuters", "reuters.com: dateline, trailer"),
    ("naeb", "346", "Reuters", "reuters.com: dateline, trailer"),
    ("naeb", "396", "AP", "Toronto Star: 'SPRINGFIELD, Ill. (AP) —'"),
    ("naeb", "424", "AP", "weather.com: byline element 'Associated Press'"),
    ("fundus", "us/Reuters_2023_05_16", "Reuters", "reuters.com: dateline, sign-off trailer element"),
    ("fundus", "us/Reuters_2024_03_07", "Reuters", "reuters.com: dateline, trailer"),
    ("fundus", "us/APNews_2023_04_28", "AP", "apnews: 'MEXICO CITY (AP) —'"),
    ("fundus", "us/APNews_2024_09_03", "AP", "apnews: dateline, contributor line"),
    ("fundus", "de/BoersenZeitung_2025_11_06", "Reuters", "Börsen-Zeitung: 'Reuters/kra Frankfurt', author 'Reuters'"),
    ("trafilatura", "reuters.com.parasite.html", "Reuters", "reuters.com: dateline, trailer"),
    ("trafilatura", "vancouversun.com.microsoft.html", "Reuters", "Vancouver Sun: byline 'Reuters', '© Thomson Reuters 2020'"),
    ("trafilatura", "japantimes.co.jp.surgical.html", "Jiji", "Japan Times: credit element 'JIJI' under the headline"),
    ("aeb", "0d46122928", "AP", "Sportsnet: byline 'Associated Press'"),
    ("aeb", "05844573ca", "AP", "CT Post: 'Tom Krisher, AP Auto Writer'"),
    ("aeb", "aec5deeaad", "AP", "SFGate: 'WASHINGTON (AP) —'"),
    ("aeb", "b37be3535e", "AP", "CTV News: 'The Associated Press'"),
    ("aeb", "c90731f051", "PTI", "Deccan Herald: 'PTI, Washington, Nov 20 2019'"),
    ("aeb", "db6b0816c6", "AP", "Houston Chronicle: 'HANOI, Vietnam (AP) —'"),
    ("aeb", "e7994d5500", "AP", "hosted.ap.org: 'LONDON (AP) —'"),
    ("aeb", "ecb46e3e48", "AP", "Times Union: byline 'Associated Press'"),
    ("aeb", "ef2b3f268a", "AP", "mysanantonio: 'SANTA FE, N.M. (AP) —' after a URL and title line"),
]
UNNAMED_PAGES = [
    ("aeb", "7916ecca96", "Al Jazeera: 'SOURCE: News agencies'"),
    ("aeb", "65ce3a4577", "Detroit News: byline 'Detroit News wire services'"),
]


def corpus_pages(root: Path):
    """(corpus, page id, raw bytes, url) for every page of the four corpora."""
    for r in json.loads((root / "naeb" / "news_articles_subset.json").read_text(encoding="utf-8")):
        yield "naeb", str(r["id"]), (root / "naeb" / "html" / f"{r['html_file']}.html").read_bytes(), r.get("link")
    for item in json.loads((root / "fundus" / "INDEX.json").read_text(encoding="utf-8")):
        raw = (root / "fundus" / item["file"]).read_bytes()
        yield "fundus", item["file"], gzip.decompress(raw) if item["file"].endswith(".gz") else raw, item.get("url")
    for item in json.loads((root / "trafilatura" / "INDEX.json").read_text(encoding="utf-8")):
        path = root / "trafilatura" / item["file"]
        url = item.get("url") if str(item.get("url", "")).startswith("http") else None
        yield "trafilatura", path.name, path.read_bytes(), url
    for pid, truth in json.loads((root / "aeb" / "ground-truth.json").read_text(encoding="utf-8")).items():
        yield "aeb", pid, gzip.decompress((root / "aeb" / "html" / f"{pid}.html.gz").read_bytes()), truth.get("url")


def _listed(corpus: str, pid: str, table) -> tuple | None:
    return next((row for row in table if row[0] == corpus and (pid == row[1] or (corpus != "naeb" and pid.startswith(row[1])))),
                None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus-root", default="../shared/corpus")
    ap.add_argument("--verbose", action="store_true", help="print every agency page's credit")
    args = ap.parse_args()
    root = REPO / args.corpus_root
    credited, misses, flagged, unflagged, false_credits, total = 0, [], 0, [], [], 0
    for corpus, pid, raw, url in corpus_pages(root):
        total += 1
        try:
            rec = extract(raw, url=url)
        except Exception as e:  # one page must not stop the run
            misses.append((corpus, pid, "error", f"{type(e).__name__}: {e}"))
            continue
        got = rec.wire.agency if rec.wire else None
        if row := _listed(corpus, pid, AGENCY_PAGES):
            ok = got == row[2]
            credited += ok
            if not ok:
                misses.append((corpus, pid, row[2], got))
            if args.verbose:
                print(f"  {'ok  ' if ok else 'MISS'} {corpus} {pid[:32]}: {row[2]} ({row[3]}) -> {got}, "
                      f"credit {rec.wire.credit if rec.wire else None!r}, dateline {rec.wire.dateline if rec.wire else None!r}")
        elif row := _listed(corpus, pid, UNNAMED_PAGES):
            ok = got is None and "wire_agency_unnamed" in rec.flags
            flagged += ok
            if not ok:
                unflagged.append((corpus, pid, got, rec.flags))
        elif got is not None:
            false_credits.append((corpus, pid, got, rec.wire.credit))
    n = len(AGENCY_PAGES)
    print(f"{total} corpus pages under {root.resolve()}")
    print(f"agency pages credited with the right agency: {credited}/{n} ({credited / n:.0%})")
    print(f"pages naming agencies without saying which, flagged wire_agency_unnamed: {flagged}/{len(UNNAMED_PAGES)}")
    print(f"other pages with a wire credit (false credits): {len(false_credits)}")
    for m in misses:
        print(f"    MISS {m[0]} {m[1]}: expected {m[2]}, newsbot {m[3]}")
    for u in unflagged:
        print(f"    NOT FLAGGED {u[0]} {u[1]}: wire {u[2]}, flags {u[3]}")
    for f in false_credits:
        print(f"    FALSE CREDIT {f[0]} {f[1]}: {f[2]} ({f[3]!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
