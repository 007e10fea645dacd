#!/usr/bin/env python3
"""newsbot's extract() on three shared corpora with ground truth: naeb, trafilatura, fundus.

    python bench/evaluate_corpus.py [--corpus-root ../shared/corpus] [--json FILE] [--verbose]

Pages are read in place under --corpus-root (relative paths are taken from the repository
root, the parent of bench/). Every page gets extract(raw_bytes, url=<the corpus URL>);
a page whose extract raises is counted and listed under "errors" and scores as an empty
record (empty body, no headline, no wire, access unknown).

naeb (news_articles_subset.json + html/<html_file>.html)
  * body: 4-token shingle precision/recall/F1 against `text`, with the scoring functions
    of bench/extract_bench.py (per-page normalised counts, P and R averaged over pages,
    F1 from the averages); body = "\\n".join(record["body"]). The truth keeps datelines
    such as "LONDON (AP) —" in the text; newsbot moves them into `wire`, which costs a
    shingle or two per page.
  * headline: exact match with `title` after normalisation (NFKC, curly quotes made
    straight, whitespace collapsed, ends stripped; case is kept).
  * wire: pages with a credit, by agency. A page is expected to carry an agency's copy
    when its truth text opens (first 200 chars) with "(AP)"/"(Reuters)"/"(AFP)", when its
    site is apnews.com/reuters.com/afp.com, or when `authors` names the agency
    ("Associated Press", "AFP..."); a URL containing /wirestory/ marks wire copy whose
    agency the truth does not state (any AP/Reuters/AFP credit counts). Recall = such
    pages newsbot credited to that agency / such pages. Mentions inside the story ("told
    Reuters") are not evidence. Credits on pages without such evidence are listed apart.
trafilatura (INDEX.json + evaldata_subset.json, matched by file name)
  * snippets: a "with" snippet counts as found, a "without" snippet as correctly absent,
    when it is (is not) a substring of the joined body; both sides have whitespace runs
    collapsed to one space. Shares are over snippets (micro), per category and overall.
  * headline: exact match with the evaldata `title`, normalised as for naeb, over the
    pages whose evaldata has a title.
  * access: newsbot's `access` against INDEX isAccessibleForFree_in_html, reduced to
    false (any value "false"), true (only "true" values) or absent (no value).
fundus (INDEX.json + per-publisher expectation .json)
  * An expectation file holds one record per parser version ("V1", "V1_1", "V2", ...);
    the versions, in numeric order, pair with the publisher's pages in crawl-date order
    (as Fundus' tests pair them by validity dates). The pairing is checked: if the paired
    title is absent from the page's HTML and exactly one other version's title is present,
    that version is used.
  * body: fundus' body is {summary: [..], sections: [{headline: [..], paragraphs: [..]}]};
    flattened to text as summary, then each section's headlines and paragraphs, one per
    line (fundus' own plaintext). Scored as for naeb twice: against that full text
    ("F1 full") and against the section paragraphs alone ("F1 paras", no summary/subheads).
    Note: \\w+ makes whole runs of CJK text single tokens, so the Nikkei page scores near
    all-or-nothing.
  * headline: as for naeb, against `title`.
  * access: newsbot's `access` against INDEX isAccessibleForFree_in_ld (false/true/absent).
"""
from __future__ import annotations

import argparse, gzip, json, re, sys, unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsbot.extract import extract  # noqa: E402
from extract_bench import page_counts, page_f1, summary  # noqa: E402

AGENCIES = ("AP", "Reuters", "AFP")
ACCESS = ("free", "metered", "premium")
LD_LABELS = ("false", "true", "absent")
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})
WS = re.compile(r"\s+")


def norm_headline(s: str | None) -> str:
    return WS.sub(" ", unicodedata.normalize("NFKC", s or "").translate(QUOTES)).strip()


def norm_ws(s: str) -> str:
    return WS.sub(" ", s or "").strip()


def run(raw: bytes, url: str | None, where: str, errors: list) -> dict | None:
    try:
        return extract(raw, url=url).to_dict()
    except Exception as e:  # one page must not stop the run
        errors.append({"page": where, "error": f"{type(e).__name__}: {e}"[:300]})
        return None


def body_of(rec: dict | None) -> str:
    return "\n".join(rec.get("body") or []) if rec else ""


def headline_ok(rec: dict | None, truth: str | None) -> bool:
    return bool(rec) and bool(norm_headline(truth)) and norm_headline(rec.get("headline")) == norm_headline(truth)


def ld_label(values: list) -> str:
    vals = {str(v).strip().lower() for v in values or []}
    if not vals:
        return "absent"
    return "false" if "false" in vals else "true"


def access_table(rows: list[tuple[str, str]]) -> dict:
    """{ld label: {access: count}} from (ld label, newsbot access) pairs."""
    t = {ld: {a: 0 for a in (*ACCESS, "error")} for ld in LD_LABELS}
    for ld, acc in rows:
        t[ld][acc if acc in ACCESS else "error"] += 1
    return t


def print_access_table(title: str, t: dict, ld_name: str) -> None:
    cols = [c for c in (*ACCESS, "error") if c != "error" or any(t[ld]["error"] for ld in t)]
    print(f"  {title}: {ld_name} (rows) x newsbot access (columns)")
    print(f"    {'':<10}" + "".join(f"{c:>9}" for c in cols) + f"{'paywalled':>11}")
    for ld in LD_LABELS:
        n = sum(t[ld].values())
        if not n:
            continue
        pw = t[ld]["metered"] + t[ld]["premium"]
        print(f"    {ld:<10}" + "".join(f"{t[ld][c]:>9}" for c in cols) + f"{pw:>6}/{n:<4}")


def scores(counts: list) -> dict:
    return {"pages": len(counts), **summary(counts)}


# ---------------------------------------------------------------- naeb
def expected_agency(r: dict) -> tuple[str | None, str] | None:
    """(agency or None for 'unstated', evidence) when the truth suggests wire copy."""
    m = re.search(r"\((AP|Reuters|AFP)\)", (r.get("text") or "")[:200])
    if m:
        return m.group(1), f"text dateline ({m.group(1)})"
    site = (r.get("site") or "").lower()
    for dom, ag in (("apnews.com", "AP"), ("reuters.com", "Reuters"), ("afp.com", "AFP")):
        if dom in site:
            return ag, f"site {dom}"
    authors = r.get("authors") or ""
    authors = ", ".join(authors) if isinstance(authors, list) else str(authors)
    if re.search(r"Associated Press", authors):
        return "AP", f"authors {authors!r}"
    if re.search(r"\bAFP|Agence France", authors):
        return "AFP", f"authors {authors!r}"
    if re.search(r"\bReuters\b", authors):
        return "Reuters", f"authors {authors!r}"
    if "/wirestory/" in (r.get("link") or ""):
        return None, "url /wirestory/ (agency not stated)"
    return None


def eval_naeb(root: Path, verbose: bool) -> dict:
    base = root / "naeb"
    truth = json.loads((base / "news_articles_subset.json").read_text(encoding="utf-8"))
    errors, pages = [], []
    for r in truth:
        path = base / "html" / f"{r['html_file']}.html"
        try:
            raw = path.read_bytes()
        except OSError as e:
            errors.append({"page": str(path), "error": f"read: {e}"})
            raw = None
        rec = run(raw, r.get("link"), path.name, errors) if raw is not None else None
        pages.append((r, rec))

    counts = {r["html_file"]: page_counts(r.get("text") or "", body_of(rec)) for r, rec in pages}
    body = {"all": scores(list(counts.values()))}
    for cat in sorted({r.get("category") or "?" for r, _ in pages}):
        body[cat] = scores([counts[r["html_file"]] for r, _ in pages if (r.get("category") or "?") == cat])
    hl_hits = [r["html_file"] for r, rec in pages if headline_ok(rec, r.get("title"))]
    hl_miss = [{"id": r["id"], "truth": r.get("title"), "newsbot": rec and rec.get("headline")}
               for r, rec in pages if r["html_file"] not in hl_hits]

    credited = Counter((rec.get("wire") or {}).get("agency") or "?" for r, rec in pages if rec and rec.get("wire"))
    expected, misses, unexpected = [], [], []
    for r, rec in pages:
        got = ((rec or {}).get("wire") or {}).get("agency")
        exp = expected_agency(r)
        if exp is None:
            if got:
                unexpected.append({"id": r["id"], "site": r["site"], "agency": got,
                                   "credit": rec["wire"].get("credit")})
            continue
        agency, evidence = exp
        ok = got == agency if agency else got in AGENCIES
        row = {"id": r["id"], "site": r["site"], "expected": agency or "any", "evidence": evidence,
               "newsbot": got, "credit": ((rec or {}).get("wire") or {}).get("credit"), "hit": ok}
        expected.append(row)
        if not ok:
            misses.append(row)
    by_agency = {}
    for row in expected:
        a = by_agency.setdefault(row["expected"], {"expected": 0, "credited": 0})
        a["expected"] += 1
        a["credited"] += row["hit"]
    n = len(pages)
    res = {"pages": n, "errors": errors, "body": body,
           "headline": {"matched": len(hl_hits), "pages": n, "rate": len(hl_hits) / n if n else 0.0,
                        "misses": hl_miss},
           "wire": {"pages_with_credit": sum(credited.values()), "by_agency": dict(credited),
                    "expected_pages": len(expected), "recall_hits": sum(r["hit"] for r in expected),
                    "recall": sum(r["hit"] for r in expected) / len(expected) if expected else 0.0,
                    "recall_by_agency": by_agency, "expected": expected, "misses": misses,
                    "credits_without_truth_evidence": unexpected},
           "per_page": [{"id": r["id"], "site": r["site"], "category": r.get("category"),
                         "f1": page_f1(counts[r["html_file"]]), "extraction": rec and rec.get("extraction")}
                        for r, rec in pages]}

    print(f"\n== naeb: {n} pages, {len(errors)} errors")
    print(f"  {'body':<12}{'pages':>6}{'P':>7}{'R':>7}{'F1':>7}")
    for k, s in body.items():
        print(f"  {k:<12}{s['pages']:>6}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}")
    h = res["headline"]
    print(f"  headline exact (normalised): {h['matched']}/{h['pages']} = {h['rate']:.3f}")
    w = res["wire"]
    print(f"  wire credit on {w['pages_with_credit']}/{n} pages: "
          + ", ".join(f"{a} {c}" for a, c in sorted(credited.items(), key=lambda x: -x[1])))
    print(f"  wire recall (truth suggests agency copy): {w['recall_hits']}/{w['expected_pages']} = {w['recall']:.3f}  ("
          + ", ".join(f"{a} {v['credited']}/{v['expected']}" for a, v in sorted(by_agency.items())) + ")")
    if unexpected:
        print("  credits on pages without truth evidence: "
              + ", ".join(f"id {u['id']} {u['agency']}" for u in unexpected))
    if verbose:
        for m in misses:
            print(f"    MISS id {m['id']} {m['site']}: expected {m['expected']} [{m['evidence']}], "
                  f"newsbot {m['newsbot']!r} credit {m['credit']!r}")
        for m in hl_miss:
            print(f"    headline id {m['id']}: truth {m['truth']!r} | newsbot {m['newsbot']!r}")
        for p in sorted(res["per_page"], key=lambda p: p["f1"]):
            print(f"    F1 {p['f1']:.3f}  id {p['id']:>4} {p['category']:<7} {p['site']}")
    for e in errors:
        print(f"    ERROR {e['page']}: {e['error']}")
    return res


# ---------------------------------------------------------------- trafilatura
def eval_trafilatura(root: Path, verbose: bool) -> dict:
    base = root / "trafilatura"
    index = json.loads((base / "INDEX.json").read_text(encoding="utf-8"))
    evald = json.loads((base / "evaldata_subset.json").read_text(encoding="utf-8"))
    by_file = {v.get("file"): v for v in evald.values()}
    errors, rows = [], []
    for item in index:
        path = base / item["file"]
        url = item.get("url") if str(item.get("url", "")).startswith("http") else None
        try:
            rec = run(path.read_bytes(), url, path.name, errors)
        except OSError as e:
            errors.append({"page": str(path), "error": f"read: {e}"})
            rec = None
        ev = by_file.get(path.name) if item.get("has_evaldata", True) else None
        body = norm_ws(body_of(rec))
        row = {"file": path.name, "category": item.get("category"), "ld": ld_label(item.get("isAccessibleForFree_in_html")),
               "access": rec.get("access") if rec else "error", "evidence": rec.get("access_evidence") if rec else None,
               "has_evaldata": ev is not None}
        if ev is not None:
            w, wo = ev.get("with") or [], ev.get("without") or []
            row["with_missing"] = [s for s in w if norm_ws(s) not in body]
            row["without_present"] = [s for s in wo if norm_ws(s) in body]
            row["with_n"], row["without_n"] = len(w), len(wo)
            row["headline_ok"] = headline_ok(rec, ev.get("title"))
            row["headline"], row["title"] = rec and rec.get("headline"), ev.get("title")
        rows.append(row)

    def snip(sel: list) -> dict:
        ev = [r for r in sel if r["has_evaldata"]]
        wn = sum(r["with_n"] for r in ev)
        won = sum(r["without_n"] for r in ev)
        wf = wn - sum(len(r["with_missing"]) for r in ev)
        woa = won - sum(len(r["without_present"]) for r in ev)
        titled = [r for r in ev if norm_headline(r["title"])]
        hl = sum(r["headline_ok"] for r in titled)
        return {"pages": len(ev), "with_total": wn, "with_found": wf, "with_share": wf / wn if wn else 0.0,
                "without_total": won, "without_absent": woa, "without_share": woa / won if won else 0.0,
                "headline_pages": len(titled), "headline_matched": hl,
                "headline_rate": hl / len(titled) if titled else 0.0}

    cats = ["all"] + sorted({r["category"] for r in rows})
    snippets = {c: snip(rows if c == "all" else [r for r in rows if r["category"] == c]) for c in cats}
    pw = [r for r in rows if r["category"] == "paywall_en"]
    access = {"paywall_en": {"distribution": dict(Counter(r["access"] for r in pw)),
                             "table": access_table([(r["ld"], r["access"]) for r in pw])},
              "all": {"distribution": dict(Counter(r["access"] for r in rows)),
                      "table": access_table([(r["ld"], r["access"]) for r in rows])}}
    res = {"pages": len(rows), "errors": errors, "snippets": snippets, "access": access, "per_page": rows}

    print(f"\n== trafilatura: {len(rows)} pages ({sum(r['has_evaldata'] for r in rows)} with evaldata), {len(errors)} errors")
    print(f"  {'category':<14}{'pages':>6}{'with found':>16}{'without absent':>20}{'headline':>12}"
          "   (headline over pages whose evaldata has a title)")
    for c, s in snippets.items():
        print(f"  {c:<14}{s['pages']:>6}{s['with_found']:>6}/{s['with_total']:<3}{s['with_share']:>6.3f}"
              f"{s['without_absent']:>10}/{s['without_total']:<3}{s['without_share']:>6.3f}"
              f"{s['headline_matched']:>5}/{s['headline_pages']:<2}{s['headline_rate']:>5.2f}")
    print("  paywall_en access: " + ", ".join(f"{a} {access['paywall_en']['distribution'].get(a, 0)}"
                                             for a in (*ACCESS, "error") if a != "error" or "error" in access['paywall_en']['distribution']))
    print_access_table("paywall_en", access["paywall_en"]["table"], "isAccessibleForFree_in_html")
    print_access_table("all pages", access["all"]["table"], "isAccessibleForFree_in_html")
    if verbose:
        for r in rows:
            if not r["has_evaldata"]:
                continue
            if r["with_missing"] or r["without_present"] or r["category"] == "paywall_en":
                print(f"    {r['file']} [{r['category']}] access={r['access']} ld={r['ld']} "
                      f"with missing {len(r['with_missing'])}/{r['with_n']}, without present "
                      f"{len(r['without_present'])}/{r['without_n']}")
                for s in r["with_missing"]:
                    print(f"      - missing: {s[:80]!r}")
                for s in r["without_present"]:
                    print(f"      + present: {s[:80]!r}")
        for r in rows:
            if r["has_evaldata"] and norm_headline(r["title"]) and not r["headline_ok"]:
                print(f"    headline {r['file']}: truth {r['title']!r} | newsbot {r['headline']!r}")
    for e in errors:
        print(f"    ERROR {e['page']}: {e['error']}")
    return res


# ---------------------------------------------------------------- fundus
def version_key(v: str) -> tuple:
    return tuple(int(x) for x in re.findall(r"\d+", v)) or (0,)


def flatten_body(body) -> tuple[str, str]:
    """(full text: summary + section headlines + paragraphs, paragraphs only)."""
    if isinstance(body, str):
        return body, body
    if isinstance(body, list):
        t = "\n".join(str(x) for x in body)
        return t, t
    if not isinstance(body, dict):
        return "", ""
    full = list(body.get("summary") or [])
    paras = []
    for sec in body.get("sections") or []:
        full += list(sec.get("headline") or [])
        full += list(sec.get("paragraphs") or [])
        paras += list(sec.get("paragraphs") or [])
    return "\n".join(full), "\n".join(paras)


def eval_fundus(root: Path, verbose: bool) -> dict:
    base = root / "fundus"
    index = json.loads((base / "INDEX.json").read_text(encoding="utf-8"))
    errors, rows, expectations = [], [], {}
    groups: dict[str, list] = {}
    for item in index:
        groups.setdefault(item["expectation"], []).append(item)
    pairing = {}
    for exp, items in groups.items():
        expectations[exp] = json.loads((base / exp).read_text(encoding="utf-8"))
        versions = sorted(expectations[exp], key=version_key)
        for i, item in enumerate(sorted(items, key=lambda x: x.get("crawl_date") or x["file"])):
            pairing[item["file"]] = versions[i] if i < len(versions) else None
    for item in index:
        path = base / item["file"]
        try:
            raw = path.read_bytes()
            raw = gzip.decompress(raw) if path.suffix == ".gz" else raw
        except OSError as e:
            errors.append({"page": item["file"], "error": f"read: {e}"})
            raw = b""
        exp = expectations[item["expectation"]]
        version = pairing.get(item["file"])
        html = raw.decode("utf-8", errors="replace")
        present = [v for v, d in exp.items() if d.get("title") and d["title"] in html]
        if version not in present and len(present) == 1:
            version = present[0]
        truth = exp.get(version) or {}
        rec = run(raw, item.get("url"), item["file"], errors) if raw else None
        full, paras = flatten_body(truth.get("body"))
        pred = body_of(rec)
        rows.append({"file": item["file"], "version": version, "ld": ld_label(item.get("isAccessibleForFree_in_ld")),
                     "access": rec.get("access") if rec else "error",
                     "evidence": rec.get("access_evidence") if rec else None,
                     "c_full": page_counts(full, pred), "c_paras": page_counts(paras, pred),
                     "headline_ok": headline_ok(rec, truth.get("title")),
                     "title": truth.get("title"), "headline": rec and rec.get("headline")})
    n = len(rows)
    body = {"full": scores([r["c_full"] for r in rows]), "paras": scores([r["c_paras"] for r in rows])}
    hl = sum(r["headline_ok"] for r in rows)
    table = access_table([(r["ld"], r["access"]) for r in rows])
    per_page = [{"file": r["file"], "version": r["version"], "f1_full": page_f1(r["c_full"]),
                 "f1_paras": page_f1(r["c_paras"]), "headline_ok": r["headline_ok"], "title": r["title"],
                 "headline": r["headline"], "ld": r["ld"], "access": r["access"], "evidence": r["evidence"]}
                for r in rows]
    res = {"pages": n, "errors": errors, "body": body,
           "headline": {"matched": hl, "pages": n, "rate": hl / n if n else 0.0},
           "access": {"distribution": dict(Counter(r["access"] for r in rows)), "table": table},
           "per_page": per_page}

    print(f"\n== fundus: {n} pages, {len(errors)} errors")
    print(f"  {'body vs':<12}{'pages':>6}{'P':>7}{'R':>7}{'F1':>7}")
    for k, label in (("full", "full"), ("paras", "paras only")):
        s = body[k]
        print(f"  {label:<12}{s['pages']:>6}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}")
    print(f"  headline exact (normalised): {hl}/{n} = {res['headline']['rate']:.3f}")
    print_access_table("access", table, "isAccessibleForFree_in_ld")
    if verbose:
        for p in sorted(per_page, key=lambda p: p["f1_full"]):
            print(f"    F1 {p['f1_full']:.3f}/{p['f1_paras']:.3f}  {p['file']:<36} {p['version']:<5} "
                  f"ld={p['ld']:<6} access={p['access']}")
        for p in per_page:
            if not p["headline_ok"]:
                print(f"    headline {p['file']}: truth {p['title']!r} | newsbot {p['headline']!r}")
    for e in errors:
        print(f"    ERROR {e['page']}: {e['error']}")
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus-root", default="../shared/corpus")
    ap.add_argument("--json", metavar="FILE", help="write all figures (and per-page details) here")
    ap.add_argument("--verbose", action="store_true", help="list misses, failed snippets, per-page scores")
    args = ap.parse_args()
    root = REPO / args.corpus_root  # an absolute path stays as it is
    print(f"corpora under {root.resolve()}")
    out = {}
    for name, fn in (("naeb", eval_naeb), ("trafilatura", eval_trafilatura), ("fundus", eval_fundus)):
        try:
            out[name] = fn(root, args.verbose)
        except Exception as e:  # a missing or malformed corpus skips that corpus only
            print(f"\n== {name}: skipped ({type(e).__name__}: {e})")
            out[name] = {"skipped": f"{type(e).__name__}: {e}"}
    total_errors = sum(len(v.get("errors", [])) for v in out.values())
    skipped = [k for k, v in out.items() if "skipped" in v]
    print(f"\npage errors: {total_errors}" + (f"; corpora skipped: {', '.join(skipped)}" if skipped else ""))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, ensure_ascii=False, default=list), encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
