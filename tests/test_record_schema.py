"""The record's typed classes and its JSON Schema stay in step."""

import dataclasses

from newsbot.core.record import Article, Offer, Paywall, Wire, load_schema


def _props(schema, name=None):
    node = schema if name is None else schema["$defs"][name]
    return set(node["properties"]), set(node["required"])


def test_article_fields_match_schema():
    props, required = _props(load_schema())
    names = {f.name for f in dataclasses.fields(Article)}
    assert names == props == required


def test_nested_classes_match_schema():
    schema = load_schema()
    for cls, name in [(Wire, "wire"), (Offer, "offer"), (Paywall, "paywall")]:
        props, required = _props(schema, name)
        assert {f.name for f in dataclasses.fields(cls)} == props == required, name


def test_contract_field_names_present():
    contract = {"url", "canonical_url", "publisher", "headline", "standfirst", "section", "published_at",
                "modified_at", "authors", "language", "topics", "access", "body", "wire", "disclaimer",
                "paywall", "unclassified"}
    assert contract <= {f.name for f in dataclasses.fields(Article)}


def field_docs(cls) -> dict[str, str | None]:
    """Each field of a record class and the docstring written under it (None: none)."""
    import ast
    import inspect
    import textwrap

    body = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0].body
    docs: dict[str, str | None] = {}
    for node, after in zip(body, body[1:] + [None]):
        if isinstance(node, ast.AnnAssign):
            doc = (after.value.value if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                   and isinstance(after.value.value, str) else None)
            docs[node.target.id] = doc
    return docs


def test_every_field_has_its_own_documentation():
    import newsbot.core.record as record

    classes = [c for c in vars(record).values() if dataclasses.is_dataclass(c) and c.__module__ == record.__name__]
    assert {c.__name__ for c in classes} >= {"Article", "Wire", "Offer", "Paywall", "Benefit", "Contributor"}
    for cls in classes:
        docs = field_docs(cls)
        assert set(docs) == {f.name for f in dataclasses.fields(cls)}, cls.__name__
        for name, doc in docs.items():
            assert doc and doc.strip(), f"{cls.__name__}.{name} has no docstring"
            words = doc.strip().split()
            assert len(words) >= 3 and doc.strip().lower().rstrip(".") != name.replace("_", " "), \
                f"{cls.__name__}.{name}: {doc!r} does not say what the field holds"
            assert doc.strip().endswith((".", ")", '"')), f"{cls.__name__}.{name}: {doc!r} is not a sentence"


def test_field_documentation_is_read_from_under_each_field():
    """The reader above finds a missing or misplaced docstring (so the test above can fail)."""
    from dataclasses import dataclass

    @dataclass
    class Sample:
        documented: int = 0
        """How many things were counted on the page."""
        bare: int = 0

    assert field_docs(Sample) == {"documented": "How many things were counted on the page.", "bare": None}


def test_schema_rejects_a_bad_access_value(schema_validator):
    rec = Article(url="https://x.example/a").to_dict()
    assert list(schema_validator.iter_errors(rec)) == []
    rec["access"] = "sometimes"
    assert list(schema_validator.iter_errors(rec))


def _mutations(rec: dict):
    """Broken copies of a valid record: each field given values of the wrong kind, a required
    field missing, a field the schema does not know, nested objects broken."""
    wrong = [None, 7, 1.5, True, "text", [], [1], {}, {"x": 1}]
    for key in rec:
        for value in wrong:
            if value != rec[key]:
                yield {**rec, key: value}
        yield {k: v for k, v in rec.items() if k != key}
    yield {**rec, "surplus": 1}
    if rec.get("paywall"):
        pw = rec["paywall"]
        for key in pw:
            for value in wrong:
                yield {**rec, "paywall": {**pw, key: value}}
        for offer in pw.get("offers", [])[:1]:
            for key in offer:
                for value in wrong:
                    yield {**rec, "paywall": {**pw, "offers": [{**offer, key: value}]}}
    if rec.get("wire"):
        for key in rec["wire"]:
            for value in wrong:
                yield {**rec, "wire": {**rec["wire"], key: value}}
    story = {"id": "k", "relation": "first", "similarity": 1.0, "resemblance": 1.0, "containment": 1.0,
             "agency": None, "url": "https://x.example/a", "publisher": None, "published_at": None}
    yield {**rec, "story": story}
    for key in story:
        for value in wrong:
            yield {**rec, "story": {**story, key: value}}


def test_compiled_schema_check_agrees_with_jsonschema(schema_validator):
    """The crawl's fast check (fastjsonschema, compiled once) accepts exactly the records
    jsonschema accepts: it decides the valid ones alone, so it must never pass a bad one."""
    from newsbot.core.extract import extract
    from newsbot.crawling.pipelines.validate import passes

    from .conftest import PAGES, expected

    schema = schema_validator.schema
    records = []
    for page in sorted(PAGES.glob("*.expected.json"))[:12]:
        stem = page.name[: -len(".expected.json")]
        source = next(p for p in PAGES.glob(stem + ".*") if not p.name.endswith(".expected.json"))
        records.append(extract(source.read_bytes(), url=expected(stem).get("url")).to_dict())
    assert any(r["paywall"] for r in records) and any(r["wire"] for r in records)
    checked = disagree = refused = 0
    for rec in records:
        for candidate in [rec, *_mutations(rec)]:
            valid = schema_validator.is_valid(candidate)
            checked += 1
            refused += not valid
            disagree += passes([schema], candidate) != valid
    assert refused > 1000 and checked - refused > 50
    assert disagree == 0
