#!/usr/bin/env python3
"""newsbot beside trafilatura, field by field, on the shared corpora with ground truth.

    python bench/evaluate_corpus.py [--corpus-root ../shared/corpus] [--only naeb,fundus,trafilatura]
                                    [--checks [FILE]] [--json FILE] [--verbose]
                                    [--locator trafilatura|resiliparse]

Pages are read in place (relative paths from the repository root). Both extractors get every
page in the same run:
  newsbot      extract(raw_bytes, url=<the corpus URL>, locator=--locator) -> the record
  trafilatura  bare_extraction(html, url=..., with_metadata=True): its standard extraction
               with metadata, html decoded as the bytes' declared or UTF-8 encoding.
A page whose extraction raises is counted under "errors" and scores as empty.

Fields, per page whose truth has the label (the rules of ../shared/corpus/README.md):
  headline  equal after NFKC, straight quotes, white space folded and case folded;
  date      the record's published date (YYYY-MM-DD as printed, in the page's own offset)
            equals the label's date;
  authors   every labelled author's surname (last word) appears in the record's authors;
  body      4-token shingle P/R/F1 (bench/extract_bench.py's scoring) on naeb and fundus;
            on the trafilatura corpus, the share of must-have snippets found in the body and
            of must-not snippets absent from it.
Speed: seconds of extraction per page for each, input already in memory, summed over the
pages (one untimed warm-up call each; the two run back to back on each page, in alternating
order); newsbot's generic path is timed over the pages it took (extraction == "generic")
beside trafilatura on the same pages.
naeb also reports wire credits where its truth shows AP/Reuters/AFP copy; trafilatura and
fundus report `access` against the pages' isAccessibleForFree.

Hand-written real-page checks (--checks [FILE], default bench/real_page_checks.json; with --checks
only the checks run unless --only names corpora too). Each entry names a corpus page (read in
place), its URL (passed to extract()) and the values a person reads on it; an entry states only
the fields that apply, and every stated field is one check (every listed name, string or offer is
one check of its own). Text is compared after NFKC, straight quotes, white space folded and case
folded ("norm" above). Where a field gives a list of strings for headline, published or publisher,
any of them passes (e.g. og:title and the visible h1 when both are the page's headline).
  metadata  headline   equal to the record's headline;
            authors    every name's surname (last word, punctuation and Jr/Sr dropped) is a surname
                       or a word of the record's authors; an empty list means the page prints no
                       byline and the record must have no authors;
            authors_not each string is not one of the record's authors (the publisher, a desk, a
                       byline with the agency glued on);
            published  the record's published_at[:10] (YYYY-MM-DD);
            publisher  equal, a leading "The" ignored.
  body      body_first the first record paragraph holding this substring is the first paragraph,
                       or everything before it is under 30 characters (a split-off dateline);
            body_last  the same from the end (a trailing "—AP" may follow);
            body_has   the substring occurs in the body;
            body_not   the substring does not occur in the body (navigation, related headlines,
                       prompts, captions, credit lines, paywall chrome).
  wire      agency     the record's wire.agency equals it (case folded); null means the page carries
                       no agency copy and the record must credit none;
            credit     the substring occurs in wire.credit or one of wire.credits;
            dateline   wire.dateline contains it and is at most 20 characters longer;
            contributors each name's surname is a surname or a word of wire.contributors' names.
  paywall/offers
            access     equals the record's access (free / metered / premium);
            offers     each {price, currency} matches one paywall offer (price within 0.005, ISO
                       currency equal); an empty list means the page shows no plan and the record
                       must have no offers;
            meter      the substring occurs in paywall.meter_message.
Printed: checks passed per group and per field; --verbose lists each failure (page, field,
expected, got).
"""
from __future__ import annotations

import argparse, ast, gzip, json, re, sys, time, unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from trafilatura import bare_extraction  # noqa: E402
from w3lib.encoding import html_to_unicode  # noqa: E402

from newsbot.core.extract import extract, generic as generic_locator  # noqa: E402
from extract_bench import page_counts, summary  # noqa: E402

EXTRACTORS = ("newsbot", "trafilatura")
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})
WS = re.compile(r"\s+")


def norm(s: str | None) -> str:
    return WS.sub(" ", unicodedata.normalize("NFKC", s or "").translate(QUOTES)).strip().casefold()


@dataclass
class Truth:
    title: str | None = None
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    text: str | None = None
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


@dataclass
class Out:
    """What one extractor gave for one page, in comparable form."""

    headline: str | None = None
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    body: str = ""
    record: dict | None = None
    seconds: float = 0.0
    error: str | None = None


LOCATOR = "trafilatura"
"""newsbot's generic locator for this run (--locator)."""


def run_newsbot(raw: bytes, url: str | None) -> Out:
    t = time.perf_counter()
    try:
        rec = extract(raw, url=url, locator=LOCATOR).to_dict()
    except Exception as e:  # one page must not stop the run
        return Out(error=f"{type(e).__name__}: {e}"[:300], seconds=time.perf_counter() - t)
    dt = time.perf_counter() - t
    return Out(headline=rec.get("headline"), date=(rec.get("published_at") or "")[:10] or None,
               authors=rec.get("authors") or [], body="\n".join(rec.get("body") or []), record=rec, seconds=dt)


def run_trafilatura(raw: bytes, url: str | None) -> Out:
    t = time.perf_counter()
    try:
        html = html_to_unicode(None, raw)[1]
        doc = bare_extraction(html, url=url, with_metadata=True)
    except Exception as e:
        return Out(error=f"{type(e).__name__}: {e}"[:300], seconds=time.perf_counter() - t)
    dt = time.perf_counter() - t
    if doc is None:
        return Out(seconds=dt)
    authors = [a.strip() for a in re.split(r";|,", doc.author or "") if a.strip()]
    return Out(headline=doc.title, date=(doc.date or "")[:10] or None, authors=authors, body=doc.text or "",
               seconds=dt)


RUNNERS = {"newsbot": run_newsbot, "trafilatura": run_trafilatura}


def surname_hits(truth: list[str], got: list[str]) -> bool:
    have = norm(" ".join(got))
    return all(norm(name.split()[-1]) in have for name in truth if name.split())


def split_names(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        s = value.strip()
        if s.startswith("["):
            try:
                value = ast.literal_eval(s)
            except (ValueError, SyntaxError):
                value = [s]
        else:
            value = re.split(r";|,|\band\b", s)
    return [n.strip(" .") for n in value if isinstance(n, str) and n.strip(" .")]


# ---------------------------------------------------------------- corpora -> (id, raw, url, truth)
def pages_naeb(base: Path):
    for r in json.loads((base / "news_articles_subset.json").read_text(encoding="utf-8")):
        yield (str(r["id"]), (base / "html" / f"{r['html_file']}.html").read_bytes(), r.get("link"),
               Truth(title=r.get("title"), date=r.get("date"), authors=split_names(r.get("authors")),
                     text=r.get("text") or "", extra={"site": r.get("site"), "link": r.get("link")}))


def pages_trafilatura(base: Path):
    evald = {v.get("file"): v for v in json.loads((base / "evaldata_subset.json").read_text(encoding="utf-8")).values()}
    for item in json.loads((base / "INDEX.json").read_text(encoding="utf-8")):
        path = base / item["file"]
        ev = evald.get(path.name) if item.get("has_evaldata", True) else None
        url = item.get("url") if str(item.get("url", "")).startswith("http") else None
        truth = Truth(extra={"category": item.get("category"), "ld": ld_label(item.get("isAccessibleForFree_in_html"))})
        if ev:
            truth.title, truth.date = ev.get("title"), ev.get("date")
            truth.authors = split_names(ev.get("author"))
            truth.with_, truth.without = list(ev.get("with") or []), list(ev.get("without") or [])
            truth.extra["evaldata"] = True
        yield path.name, path.read_bytes(), url, truth


def version_key(v: str) -> tuple:
    return tuple(int(x) for x in re.findall(r"\d+", v)) or (0,)


def flatten_body(body) -> str:
    if isinstance(body, str):
        return body
    if not isinstance(body, dict):
        return ""
    full = list(body.get("summary") or [])
    for sec in body.get("sections") or []:
        full += list(sec.get("headline") or []) + list(sec.get("paragraphs") or [])
    return "\n".join(full)


def pages_fundus(base: Path):
    index = json.loads((base / "INDEX.json").read_text(encoding="utf-8"))
    groups: dict[str, list] = {}
    for item in index:
        groups.setdefault(item["expectation"], []).append(item)
    for exp_name, items in groups.items():
        exp = json.loads((base / exp_name).read_text(encoding="utf-8"))
        versions = sorted(exp, key=version_key)
        # Versions pair with the publisher's pages in crawl-date order, checked by the title.
        for i, item in enumerate(sorted(items, key=lambda x: x.get("crawl_date") or x["file"])):
            raw = (base / item["file"]).read_bytes()
            raw = gzip.decompress(raw) if item["file"].endswith(".gz") else raw
            html = raw.decode("utf-8", errors="replace")
            version = versions[i] if i < len(versions) else None
            present = [v for v, d in exp.items() if d.get("title") and d["title"] in html]
            if version not in present and len(present) == 1:
                version = present[0]
            t = exp.get(version) or {}
            yield (item["file"], raw, item.get("url"),
                   Truth(title=t.get("title"), date=(t.get("publishing_date") or "")[:10] or None,
                         authors=split_names(t.get("authors")), text=flatten_body(t.get("body")),
                         extra={"ld": ld_label(item.get("isAccessibleForFree_in_ld"))}))


def ld_label(values) -> str:
    vals = {str(v).strip().lower() for v in values or []}
    return "absent" if not vals else ("false" if "false" in vals else "true")


CORPORA = {"naeb": pages_naeb, "fundus": pages_fundus, "trafilatura": pages_trafilatura}


# ---------------------------------------------------------------- scoring
def evaluate(name: str, base: Path, verbose: bool) -> dict:
    before = Counter(generic_locator.located_by)
    rows = []
    for k, (pid, raw, url, truth) in enumerate(CORPORA[name](base)):
        if k == 0:  # one untimed call each: imports, stop lists and locale tables load once
            for ex in EXTRACTORS:
                RUNNERS[ex](raw, url)
        # Each page is timed for both back to back, in alternating order, so that caches
        # warmed by one do not favour the other.
        order = EXTRACTORS if k % 2 == 0 else EXTRACTORS[::-1]
        outs = {ex: RUNNERS[ex](raw, url) for ex in order}
        rows.append((pid, url, truth, outs))
    res: dict = {"pages": len(rows), "fields": {}, "errors": {}}
    for ex in EXTRACTORS:
        res["errors"][ex] = [{"page": pid, "error": o[ex].error} for pid, _, _, o in rows if o[ex].error]

    def rate(label: str, has, ok):
        sel = [(pid, t, o) for pid, _, t, o in rows if has(t)]
        out = {"pages": len(sel)}
        for ex in EXTRACTORS:
            hits = [pid for pid, t, o in sel if ok(t, o[ex])]
            out[ex] = len(hits) / len(sel) if sel else 0.0
            out[f"{ex}_misses"] = [pid for pid, t, o in sel if pid not in set(hits)]
        res["fields"][label] = out

    rate("headline", lambda t: bool(norm(t.title)), lambda t, o: norm(o.headline) == norm(t.title))
    rate("date", lambda t: bool(t.date), lambda t, o: o.date == t.date[:10])
    rate("authors", lambda t: bool(t.authors), lambda t, o: surname_hits(t.authors, o.authors))
    if name == "trafilatura":
        ev = [(t, o) for _, _, t, o in rows if t.extra.get("evaldata")]
        for ex in EXTRACTORS:
            w = [norm_ws(s) in norm_ws(o[ex].body) for t, o in ev for s in t.with_]
            wo = [norm_ws(s) not in norm_ws(o[ex].body) for t, o in ev for s in t.without]
            res["fields"].setdefault("snippets_with", {"pages": len(ev)})[ex] = sum(w) / len(w) if w else 0.0
            res["fields"].setdefault("snippets_without", {"pages": len(ev)})[ex] = sum(wo) / len(wo) if wo else 0.0
    else:
        res["fields"]["body"] = {"pages": len(rows)}
        for ex in EXTRACTORS:
            s = summary([page_counts(t.text or "", o[ex].body) for _, _, t, o in rows])
            res["fields"]["body"][ex] = s["f1"]
            res["fields"]["body"][f"{ex}_pr"] = (s["precision"], s["recall"])
    speed = {ex: sum(o[ex].seconds for *_, o in rows) for ex in EXTRACTORS}
    generic = [o for *_, o in rows if (o["newsbot"].record or {}).get("extraction") == "generic"]
    res["speed"] = {"pages_per_s": {ex: len(rows) / speed[ex] if speed[ex] else 0.0 for ex in EXTRACTORS},
                    "generic_pages": len(generic),
                    "generic_pages_per_s": {ex: len(generic) / s if (s := sum(o[ex].seconds for o in generic)) else 0.0
                                            for ex in EXTRACTORS}}
    if name == "naeb":
        res["wire"] = wire_recall(rows)
    if name in ("fundus", "trafilatura"):
        res["access"] = dict(Counter(f"ld={t.extra['ld']} -> {(o['newsbot'].record or {}).get('access')}"
                                     for _, _, t, o in rows))
    res["located_by"] = dict(Counter(generic_locator.located_by) - before)
    print_result(name, res, rows, verbose)
    print(f"  newsbot's generic stories located by ({LOCATOR}): "
          + ", ".join(f"{k} {v}" for k, v in sorted(res["located_by"].items())))
    return res


def norm_ws(s: str) -> str:
    return WS.sub(" ", s or "").strip()


def wire_recall(rows) -> dict:
    """Pages whose truth shows AP/Reuters/AFP copy (a "(AP)" dateline in the first 200
    characters, an agency site, an agency in the authors label) and the agency newsbot credits."""
    expected, hits = 0, 0
    misses = []
    for pid, url, t, o in rows:
        m = re.search(r"\((AP|Reuters|AFP)\)", (t.text or "")[:200])
        agency = m.group(1) if m else None
        site = (t.extra.get("site") or "").lower()
        for dom, ag in (("apnews.com", "AP"), ("reuters.com", "Reuters"), ("afp.com", "AFP")):
            agency = agency or (ag if dom in site else None)
        names = " ".join(t.authors)
        for pat, ag in ((r"Associated Press", "AP"), (r"\bAFP|Agence France", "AFP"), (r"\bReuters\b", "Reuters")):
            agency = agency or (ag if re.search(pat, names) else None)
        if agency is None:
            continue
        expected += 1
        got = ((o["newsbot"].record or {}).get("wire") or {}).get("agency")
        hits += got == agency
        if got != agency:
            misses.append({"page": pid, "expected": agency, "newsbot": got})
    return {"expected_pages": expected, "credited": hits, "misses": misses}


def print_result(name: str, res: dict, rows, verbose: bool) -> None:
    print(f"\n== {name}: {res['pages']} pages; errors: "
          + ", ".join(f"{ex} {len(res['errors'][ex])}" for ex in EXTRACTORS))
    print(f"  {'field':<18}{'pages':>6}{'newsbot':>10}{'trafilatura':>13}")
    for label, f in res["fields"].items():
        print(f"  {label:<18}{f['pages']:>6}{f['newsbot']:>10.3f}{f['trafilatura']:>13.3f}")
    sp = res["speed"]
    print(f"  {'pages/s (all)':<18}{res['pages']:>6}{sp['pages_per_s']['newsbot']:>10.1f}"
          f"{sp['pages_per_s']['trafilatura']:>13.1f}")
    print(f"  {'pages/s (generic)':<18}{sp['generic_pages']:>6}{sp['generic_pages_per_s']['newsbot']:>10.1f}"
          f"{sp['generic_pages_per_s']['trafilatura']:>13.1f}")
    if "wire" in res:
        w = res["wire"]
        print(f"  wire credit where the truth shows agency copy: {w['credited']}/{w['expected_pages']}")
    if "access" in res:
        print("  access: " + ", ".join(f"{k} {v}" for k, v in sorted(res["access"].items())))
    for ex in EXTRACTORS:
        for e in res["errors"][ex]:
            print(f"    ERROR {ex} {e['page']}: {e['error']}")
    if not verbose:
        return
    by_id = {pid: (url, t, o) for pid, url, t, o in rows}
    for label in ("headline", "date", "authors"):
        for pid in res["fields"][label]["newsbot_misses"]:
            url, t, o = by_id[pid]
            want = {"headline": t.title, "date": t.date, "authors": t.authors}[label]
            got = {"headline": o["newsbot"].headline, "date": o["newsbot"].date, "authors": o["newsbot"].authors}[label]
            tgot = {"headline": o["trafilatura"].headline, "date": o["trafilatura"].date,
                    "authors": o["trafilatura"].authors}[label]
            print(f"    {label} {pid}: truth {want!r} | newsbot {got!r} | trafilatura {tgot!r}  {url}")
    if "wire" in res:
        for m in res["wire"]["misses"]:
            print(f"    wire {m['page']}: expected {m['expected']}, newsbot {m['newsbot']}")


# ---------------------------------------------------------------- hand-written real-page checks
CHECKS_FILE = Path(__file__).resolve().parent / "real_page_checks.json"
GROUPS = {"metadata": ("headline", "authors", "authors_not", "published", "publisher"),
          "body": ("body_first", "body_last", "body_has", "body_not"),
          "wire": ("agency", "credit", "dateline", "contributors"),
          "paywall/offers": ("access", "offers", "meter")}
GROUP_OF = {f: g for g, fs in GROUPS.items() for f in fs}
SHORT_LEAD = 30  # characters of body allowed before the first / after the last paragraph (a split dateline, a "—AP")


def surname(name: str) -> str:
    words = [w.strip(".,;:()") for w in norm(name).replace(",", " ").split()]
    words = [w for w in words if w and w not in ("jr", "sr", "iii", "ii")]
    return words[-1] if words else ""


def norm_publisher(s: str | None) -> str:
    s = norm(s)
    return s[4:] if s.startswith("the ") else s


def alts(value) -> list:
    """An expected value, or a list of values a person could equally read as right (og:title and <h1>)."""
    return list(value) if isinstance(value, list) else [value]


def paragraph_at_edge(body: list[str], snippet: str, last: bool) -> bool:
    paras = [norm(p) for p in body]
    seq = list(reversed(paras)) if last else paras
    want = norm(snippet)
    for i, p in enumerate(seq):
        if want in p:
            return sum(len(q) for q in seq[:i]) < SHORT_LEAD
    return False


def check_page(c: dict, rec: dict | None) -> list[tuple[str, str, object, object, bool]]:
    """(field, label, expected, got, passed) for every check the entry states."""
    rec = rec or {}
    body = rec.get("body") or []
    body_all = norm("\n".join(body))
    wire = rec.get("wire") or {}
    pay = rec.get("paywall") or {}
    out = []

    def add(fld, exp, got, ok, label=None):
        out.append((fld, label or fld, exp, got, bool(ok)))

    if "headline" in c:
        add("headline", c["headline"], rec.get("headline"), norm(rec.get("headline")) in {norm(h) for h in alts(c["headline"])})
    if "authors" in c:
        got = rec.get("authors") or []
        have = {surname(a) for a in got} | set(norm(" ".join(got)).split())
        if c["authors"]:
            add("authors", c["authors"], got, all(surname(a) in have for a in c["authors"]))
        else:  # the page prints no byline: a name here is invented (the publisher, a desk, a CMS user)
            add("authors", [], got, not got)
    for bad in c.get("authors_not") or []:
        got = rec.get("authors") or []
        add("authors_not", bad, got, norm(bad) not in [norm(a) for a in got], f"authors_not {bad!r}")
    if "published" in c:
        got = (rec.get("published_at") or "")[:10] or None
        add("published", c["published"], got, got in alts(c["published"]))
    if "publisher" in c:
        add("publisher", c["publisher"], rec.get("publisher"),
            norm_publisher(rec.get("publisher")) in {norm_publisher(p) for p in alts(c["publisher"])})
    if "body_first" in c:
        add("body_first", c["body_first"], body[0][:160] if body else None, paragraph_at_edge(body, c["body_first"], False))
    if "body_last" in c:
        add("body_last", c["body_last"], body[-1][-160:] if body else None, paragraph_at_edge(body, c["body_last"], True))
    for want in c.get("body_has") or []:
        add("body_has", want, None, norm(want) in body_all, f"body_has {want[:40]!r}")
    for bad in c.get("body_not") or []:
        i = body_all.find(norm(bad))
        add("body_not", bad, body_all[max(0, i - 40):i + len(bad) + 40] if i >= 0 else None, i < 0, f"body_not {bad[:40]!r}")
    if "agency" in c:
        got = wire.get("agency")
        add("agency", c["agency"], got, norm(got or "") == norm(c["agency"] or ""))
    if c.get("credit"):
        credits = [wire.get("credit") or ""] + list(wire.get("credits") or [])
        add("credit", c["credit"], credits if wire else None, any(norm(c["credit"]) in norm(x) for x in credits))
    if c.get("dateline"):
        got = wire.get("dateline")
        add("dateline", c["dateline"], got, bool(got) and norm(c["dateline"]) in norm(got)
            and len(norm(got)) <= len(norm(c["dateline"])) + 20)
    for name in c.get("contributors") or []:
        names = [x.get("name") or "" for x in wire.get("contributors") or []]
        add("contributors", name, names, surname(name) in {surname(n) for n in names} | set(norm(" ".join(names)).split()),
            f"contributors {name!r}")
    if "access" in c:
        add("access", c["access"], rec.get("access"), rec.get("access") == c["access"])
    if "offers" in c:
        offers = pay.get("offers") or []
        got = [(o.get("price"), o.get("currency")) for o in offers]
        if not c["offers"]:
            add("offers", [], got, not offers, "offers none")
        for want in c["offers"]:
            ok = any(o.get("price") is not None and abs(o["price"] - want["price"]) < 0.005
                     and (o.get("currency") or "") == want["currency"] for o in offers)
            add("offers", want, got, ok, f"offer {want['price']} {want['currency']}")
    if c.get("meter"):
        got = pay.get("meter_message")
        add("meter", c["meter"], got, norm(c["meter"]) in norm(got))
    return out


def evaluate_checks(root: Path, path: Path, verbose: bool) -> dict:
    entries = json.loads(path.read_text(encoding="utf-8"))["pages"]
    tally = {g: [0, 0] for g in list(GROUPS) + ["all"]}
    fields = Counter(), Counter()
    failures, errors = [], []
    for c in entries:
        raw = (root / c["corpus"] / c["file"]).read_bytes()
        raw = gzip.decompress(raw) if c["file"].endswith(".gz") else raw
        o = run_newsbot(raw, c.get("url"))
        if o.error:
            errors.append({"page": c["file"], "error": o.error})
        for fld, label, exp, got, ok in check_page(c, o.record):
            g = GROUP_OF[fld]
            for k in (g, "all"):
                tally[k][0] += ok
                tally[k][1] += 1
            fields[0][fld] += ok
            fields[1][fld] += 1
            if not ok:
                failures.append({"page": f"{c['corpus']}/{c['file']}", "field": label, "expected": exp, "got": got})
    print(f"\n== real-page checks: {len(entries)} pages from {path.name}; errors: {len(errors)}")
    print(f"  {'group':<16}{'checks':>7}{'passed':>8}{'share':>8}")
    for g, (ok, n) in tally.items():
        print(f"  {g:<16}{n:>7}{ok:>8}{(ok / n if n else 0):>8.1%}")
    print("  by field: " + ", ".join(f"{f} {fields[0][f]}/{fields[1][f]}" for f in fields[1]))
    for e in errors:
        print(f"    ERROR {e['page']}: {e['error']}")
    if verbose:
        for f in failures:
            print(f"    FAIL {f['page']} | {f['field']} | expected {f['expected']!r} | got {f['got']!r}")
    return {"pages": len(entries), "groups": {g: {"checks": n, "passed": ok, "share": ok / n if n else 0.0}
                                              for g, (ok, n) in tally.items()},
            "fields": {f: [fields[0][f], fields[1][f]] for f in fields[1]}, "failures": failures, "errors": errors}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus-root", default="../shared/corpus")
    ap.add_argument("--only", default=None, help="corpora to run, comma-separated (default: all; none with --checks)")
    ap.add_argument("--checks", nargs="?", const=str(CHECKS_FILE), metavar="FILE",
                    help="score the hand-written real-page checks (default bench/real_page_checks.json)")
    ap.add_argument("--json", metavar="FILE", help="write all figures here")
    ap.add_argument("--verbose", action="store_true", help="list each miss with both extractors' values")
    ap.add_argument("--locator", default="trafilatura", choices=generic_locator.LOCATORS,
                    help="newsbot's generic locator (NEWSBOT_GENERIC_LOCATOR)")
    args = ap.parse_args()
    global LOCATOR
    LOCATOR = args.locator
    root = REPO / args.corpus_root  # an absolute path stays as it is
    print(f"corpora under {root.resolve()}")
    out = {}
    only = args.only if args.only is not None else ("" if args.checks else ",".join(CORPORA))
    for name in filter(None, only.split(",")):
        out[name] = evaluate(name, root / name, args.verbose)
    if args.checks:
        out["checks"] = evaluate_checks(root, Path(args.checks), args.verbose)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, ensure_ascii=False, default=list), encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
