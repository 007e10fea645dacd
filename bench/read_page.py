#!/usr/bin/env python3
"""Print what a person reads on one corpus page, to write bench/real_page_checks.json by hand.

    python bench/read_page.py CORPUS FILE [--lines N] [--all]

Independent of newsbot on purpose (a check written from the extractor's output would be a
hard-coded result): the page's <title>, the meta tags and JSON-LD fields that carry headline,
authors, dates, publisher, access and credits; the corpus ground truth (if any) with whether
its first and last paragraph occur in the page's text; then the page's visible text as lines
(lxml, scripts and styles dropped, block elements on their own lines), with the lines that
mention an agency, a contributor trailer, a price or a meter marked.
"""
from __future__ import annotations

import argparse, gzip, json, re, sys
from pathlib import Path

import lxml.html

CORPUS = Path(__file__).resolve().parent.parent / ".." / "shared" / "corpus"
BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "section", "article",
         "figcaption", "figure", "header", "footer", "aside", "nav", "ul", "ol", "blockquote", "dt", "dd",
         "time", "button", "a", "span"}
MARK = re.compile(r"\((?:AP|Reuters|AFP|PTI|IANS|ANI|PA|CP|dpa|UNI|AAP|Xinhua|Bloomberg)\)|Associated Press|Press Trust|"
                  r"\bIANS\b|Agence France|Canadian Press|PA Media|\bReuters\b|\bdpa\b|\bPTI\b|\bANI\b|\bAFP\b|"
                  r"\bAP\b|Bloomberg|contribut|reporting by|with inputs|inputs from|agencies|"
                  r"[$£€₹]\s?\d|\bRs\.?\s?\d|\d\s?(?:€|EUR|zł|kr|円)|subscri|free article|articles? left|"
                  r"remaining|premium|paywall|sign in|log in|Abo|abonn|Anmelden", re.I)


def raw_of(corpus: str, file: str) -> bytes:
    b = (CORPUS / corpus / file).read_bytes()
    return gzip.decompress(b) if file.endswith(".gz") else b


def truth_of(corpus: str, file: str) -> dict:
    base = CORPUS / corpus
    if corpus == "naeb":
        for r in json.loads((base / "news_articles_subset.json").read_text()):
            if f"html/{r['html_file']}.html" == file:
                return {"title": r["title"], "authors": r["authors"], "date": r["date"], "text": r["text"], "url": r["link"]}
    if corpus == "aeb":
        gt = json.loads((base / "ground-truth.json").read_text())
        k = Path(file).name.split(".")[0]
        return {"text": gt[k]["articleBody"], "url": gt[k].get("url")}
    if corpus == "trafilatura":
        ev = {v["file"]: v for v in json.loads((base / "evaldata_subset.json").read_text()).values()}
        idx = {i["file"]: i for i in json.loads((base / "INDEX.json").read_text())}
        v = dict(ev.get(Path(file).name) or {})
        v["url"] = idx[file].get("url")
        return v
    if corpus == "fundus":
        idx = {i["file"]: i for i in json.loads((base / "INDEX.json").read_text())}
        exp = json.loads((base / idx[file]["expectation"]).read_text())
        html = raw_of(corpus, file).decode("utf-8", "replace")
        for v in exp.values():
            if v.get("title") and v["title"] in html:
                body = v.get("body") or {}
                paras = list(body.get("summary") or [])
                for s in body.get("sections") or []:
                    paras += list(s.get("headline") or []) + list(s.get("paragraphs") or [])
                return {"title": v["title"], "authors": v.get("authors"), "date": v.get("publishing_date"),
                        "text": "\n".join(paras), "url": idx[file]["url"]}
        return {"url": idx[file]["url"]}
    return {}


def lines_of(tree) -> list[str]:
    for e in tree.xpath("//script|//style|//noscript|//template|//svg"):
        e.drop_tree()
    for e in tree.iter():
        if isinstance(e.tag, str) and e.tag in BLOCK:
            e.tail = "\n" + (e.tail or "")
            if e.tag not in ("a", "span", "time"):
                e.text = "\n" + (e.text or "")
    body = tree.find("body")
    txt = (body if body is not None else tree).text_content()
    out = []
    for ln in txt.split("\n"):
        ln = re.sub(r"\s+", " ", ln).strip()
        if ln:
            out.append(ln)
    return out


def ld_objects(tree):
    for s in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            d = json.loads(s)
        except Exception:
            continue
        stack = [d]
        while stack:
            x = stack.pop()
            if isinstance(x, list):
                stack += x
            elif isinstance(x, dict):
                if "@graph" in x:
                    stack += x["@graph"] if isinstance(x["@graph"], list) else [x["@graph"]]
                yield x


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus"), ap.add_argument("file")
    ap.add_argument("--lines", type=int, default=400)
    ap.add_argument("--all", action="store_true", help="every text line, not only the ones near the story")
    ap.add_argument("--brief", action="store_true", help="only the story's edges and the marked lines")
    a = ap.parse_args()
    raw = raw_of(a.corpus, a.file)
    from w3lib.encoding import html_to_unicode
    tree = lxml.html.fromstring(html_to_unicode(None, raw)[1])
    t = truth_of(a.corpus, a.file)
    print("URL", t.get("url"))
    print("TITLE", (tree.findtext(".//title") or "").strip())
    for m in tree.xpath("//meta"):
        k = m.get("property") or m.get("name") or m.get("itemprop") or ""
        if re.search(r"title|author|site_name|locale|published|date|byline|publisher|source|access|lang|creator", k, re.I):
            print(f"META {k} = {(m.get('content') or '')[:160]}")
    for x in ld_objects(tree):
        ty = x.get("@type")
        keep = {k: x[k] for k in ("headline", "name", "datePublished", "author", "publisher", "isAccessibleForFree",
                                  "sourceOrganization", "creditText", "copyrightHolder", "hasPart") if k in x}
        if keep and ty not in ("BreadcrumbList", "WebSite", "ImageObject", "SiteNavigationElement"):
            print("LD", ty, json.dumps(keep, ensure_ascii=False)[:600])
    lines = lines_of(tree)
    page = "\n".join(lines)
    fold = lambda s: re.sub(r"\s+", " ", s).strip().casefold()
    pagef = fold(page)
    text = t.get("text") or ""
    paras = [p for p in text.split("\n") if p.strip()]
    print("TRUTH title=%r authors=%r date=%r" % (t.get("title"), t.get("authors"), t.get("date")))
    if t.get("with"):
        print("TRUTH with", t.get("with"), "\nTRUTH without", t.get("without"))
    lo, hi = 0, len(lines)
    if paras:
        for tag, p in (("FIRST", paras[0]), ("LAST", paras[-1])):
            print(f"TRUTH {tag} [{'on page' if fold(p)[:60] in pagef else 'NOT ON PAGE'}]: {p[:300]}")
        idx = [i for i, ln in enumerate(lines) if fold(paras[0])[:40] in fold(ln)]
        jdx = [i for i, ln in enumerate(lines) if fold(paras[-1])[-40:] in fold(ln)]
        if idx and not a.all:
            lo = max(0, idx[0] - 25)
            hi = min(len(lines), (jdx[-1] + 30) if jdx and jdx[-1] > idx[0] else lo + a.lines)
    if a.brief and paras and idx:
        jj = [j for j in jdx if j >= idx[0]]
        end = jj[-1] if jj else idx[0]
        show = list(range(max(0, idx[0] - 12), idx[0] + 7)) + list(range(max(idx[0] + 7, end - 2), min(len(lines), end + 11)))
        seen = set()
        for i in show:
            print(f"{i:4d}{'*' if MARK.search(lines[i]) else ' '} {lines[i][:200]}")
            seen.add(lines[i])
        print("--- marked lines elsewhere")
        k = 0
        for i, ln in enumerate(lines):
            if MARK.search(ln) and ln not in seen and k < 18:
                seen.add(ln); k += 1
                print(f"{i:4d}* {ln[:200]}")
        return 0
    print(f"--- lines {lo}..{hi} of {len(lines)}")
    run: list[str] = []  # runs of short lines (menus, share buttons) print as one line
    for i in range(lo, min(hi, lo + a.lines)):
        ln = lines[i]
        if len(ln) < 28 and not MARK.search(ln):
            run.append(ln)
            continue
        if run:
            print(f"{i - len(run):4d}  | " + " | ".join(run)[:300])
            run = []
        mark = "*" if MARK.search(ln) else " "
        print(f"{i:4d}{mark} {ln[:220]}")
    if run:
        print("      | " + " | ".join(run)[:300])
    if lo > 0 or hi < len(lines):
        extra = [i for i in range(len(lines)) if (i < lo or i >= hi) and MARK.search(lines[i])]
        for i in extra[:40]:
            print(f"{i:4d}* (outside) {lines[i][:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
