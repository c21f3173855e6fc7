"""/data/sources.json against the CSL data schema, field by field (test_styles.py renders it in
three styles with citeproc-js, as a reader of the bibliography sees it).

Every expectation comes from the model of the content the site was built from.
"""

from __future__ import annotations

import json

from conftest import CSL_SCHEMA, PRODUCTION_SITEURL
from explainer.content.names import PERSON
from reading import value_text

LABELS = {"title": "Title", "publication": "Publication", "authors": "Author", "date": "Date"}
LABELS |= {"original_url": "Original address", "accessed": "Access date"}


def sources_json(site) -> list[dict]:
    return json.loads((site.root / "data" / "sources.json").read_text(encoding="utf-8"))


def parts(date) -> list[int]:
    return [p for p in (date.year, date.month, date.day) if p]


def test_sources_json_is_valid_csl_data(any_site):
    from jsonschema import Draft7Validator

    validator = Draft7Validator(json.loads(CSL_SCHEMA.read_text(encoding="utf-8")))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(sources_json(any_site))]
    assert errors == []


def test_the_schema_refuses_what_the_export_once_wrote():
    # The vendored schema must be strict enough to matter: a name as a bare string, a field CSL
    # does not have and a record without a type all fail.
    from jsonschema import Draft7Validator

    validator = Draft7Validator(json.loads(CSL_SCHEMA.read_text(encoding="utf-8")))
    for bad in ({"author": ["Carey Wedler"]}, {"license": "CC BY"}, {"type": None}):
        assert list(validator.iter_errors([{"id": "x", "type": "document", **bad}])), bad


def supplied(value: str, fact) -> str:
    """A value the project worked out is printed in brackets, as styles print supplied information."""
    return f"[{value}]" if fact.inferred else value


def test_each_record_carries_the_source_as_the_model_has_it(any_site):
    by_slug = any_site.model.sources_by_slug
    items = sources_json(any_site)
    assert [item["id"] for item in items] == sorted(by_slug)
    for item in items:
        source = by_slug[item["id"]]
        title = source.title
        # A title the project wrote stays in brackets, as on the site.
        assert item["title"] == (
            supplied(source.display_title, title) if title.known else f"[{source.display_title}]"
        )
        date = source.date
        assert ("issued" in item) is date.known
        if date.known:
            # A worked-out date is its year, supplied: "[2018]" (Cite Them Right ignores circa).
            expected = (
                {"literal": f"[{date.value.year}]"} if date.inferred else {"date-parts": [parts(date.value)]}
            )
            assert item["issued"] == expected
        accessed = source.accessed
        assert ("accessed" in item) is (accessed.known and not accessed.inferred)
        if "accessed" in item:
            assert item["accessed"]["date-parts"] == [parts(accessed.value)]
        authors = source.authors
        expected = [
            {"literal": f"[{n.text}]"}
            if authors.inferred
            else {"family": n.family, **({"given": n.given} if n.given else {})}
            if n.kind == PERSON
            else {"literal": n.text}
            for n in (authors.value if authors.known else ())
        ]
        assert item.get("author", []) == expected
        publication = source.publication
        assert item.get("container-title") == (
            supplied(publication.value, publication) if publication.known else None
        )
        # A news report from an unknown publication is a web page, which styles head with its title.
        if source.kind == "news report":
            assert item["type"] == ("article-newspaper" if publication.known else "webpage")


def test_url_is_the_original_and_this_sites_copy_is_the_archive(any_site):
    by_slug = any_site.model.sources_by_slug
    for item in sources_json(any_site):
        source = by_slug[item["id"]]
        original = source.original_url
        copy = f"{any_site.siteurl}/{source.url}"
        assert item.get("URL") == (original.value if original.known and not original.inferred else None)
        assert item["archive_location"] == f"copy at {copy}"
        assert f"Copy on this site: {copy}" in item["note"]


def test_the_note_states_every_inference_with_its_basis_and_every_unknown(any_site):
    by_slug = any_site.model.sources_by_slug
    for item in sources_json(any_site):
        source = by_slug[item["id"]]
        for name, label in LABELS.items():
            fact = getattr(source, name)
            if fact.inferred:
                # The site's own wording of the value ("June 2018 (inferred)"), then its basis.
                assert f"{label}: {value_text(fact)}. Basis: {fact.basis}" in item["note"], name
            elif not fact.known:
                assert f"{label}: not known." in item["note"], name
            else:
                assert f"{label}:" not in item["note"], name


def test_production_urls_are_absolute(production_site):
    for item in sources_json(production_site):
        assert item["archive_location"].startswith(f"copy at {PRODUCTION_SITEURL}/sources/"), item["id"]
