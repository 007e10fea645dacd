"""The record's typed classes and its JSON Schema stay in step."""

import dataclasses

from newsbot.record import Article, Offer, Paywall, Wire, load_schema


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


def test_every_field_is_documented():
    import inspect

    import newsbot.record as record

    source = inspect.getsource(record)
    for cls in (Article, Wire, Offer, Paywall):
        for f in dataclasses.fields(cls):
            # each field line is followed by its one-line docstring
            assert f'    {f.name}:' in source
    assert source.count('"""') > 2 * sum(len(dataclasses.fields(c)) for c in (Article, Wire, Offer, Paywall))


def test_schema_rejects_a_bad_access_value(schema_validator):
    rec = Article(url="https://x.example/a").to_dict()
    assert list(schema_validator.iter_errors(rec)) == []
    rec["access"] = "sometimes"
    assert list(schema_validator.iter_errors(rec))
