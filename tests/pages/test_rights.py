"""Each source states its rights, on its page and in /data/sources.json; a deployment may publish
only the cited paragraphs of a source whose rights are not known, and by default publishes all."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, _build, run_explainer, settings_file
from explainer.content.errors import ContentErrors
from explainer.content.phrasing import rights_text
from explainer.model import load_model
from explainer.model.published import NOT_REPRODUCED, SETTING, text_mode
from reading import all_pages


def _provenance_row(soup, label: str):
    return next(dt.find_next_sibling("dd") for dt in soup.select(".provenance dt") if dt.get_text() == label)


def test_each_source_page_states_its_rights_as_the_file_does(any_site):
    for source in any_site.model.sources:
        rights = source.rights
        shown = _provenance_row(any_site.soup(f"/{source.url}"), "Rights").get_text(" ", strip=True)
        assert (rights.value if rights.known else "Not known") in shown, source.slug
        assert rights.note is None or rights.note in shown, source.slug


def test_the_bibliography_carries_each_sources_rights(any_site):
    items = json.loads((any_site.root / "data" / "sources.json").read_text(encoding="utf-8"))
    by_slug = any_site.model.sources_by_slug
    assert {item["id"]: item["custom"]["rights"] for item in items} == {
        slug: rights_text(source.rights) for slug, source in by_slug.items()
    }


def test_by_default_every_paragraph_is_published(any_site):
    for source in any_site.model.sources:
        text = any_site.soup(f"/{source.url}").select_one(".source-text")
        assert len(text.select(".para:not(.omitted)")) == len(source.paragraphs), source.slug
        assert not text.select(".omitted")


def test_rights_must_be_a_line_of_text_or_unknown(tree):
    tree.source({"rights": "[CC BY 4.0, MIT]"})
    tree.error_at("sources/bad-source.md", 14, "rights: this field must be a line of text")


def test_an_unknown_text_setting_is_named_with_its_choices():
    with pytest.raises(ContentErrors) as raised:
        text_mode({SETTING: "excerpts"})
    assert f"{SETTING} is 'excerpts'" in str(raised.value)
    assert "'full', 'cited'" in str(raised.value)


def test_an_unknown_text_setting_is_reported_in_the_settings_file_that_sets_it(project):
    project.settings.write_text(project.settings.read_text() + f"{SETTING} = 'excerpts'\n")
    result = run_explainer("build", "--settings", str(project.settings))
    line = project.settings.read_text().splitlines().index(f"{SETTING} = 'excerpts'") + 1
    assert result.returncode == 1
    assert result.stderr.startswith(f"{project.settings}:{line}: {SETTING} is 'excerpts'"), result.stderr


@pytest.fixture(scope="session")
def cited_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cited-settings")
    return _build(tmp_path_factory, "cited", settings_file(folder, extra=f"{SETTING} = 'cited'\n"))


def _cited(model) -> dict[str, set[int]]:
    """Every paragraph some item of the site cites, by source: what the cited-only mode keeps."""
    citations = [c for item in model.items() for c in item.citations]
    citations += [r.citation for r in model.relationships if r.citation]
    cited: dict[str, set[int]] = {}
    for c in citations:
        if c.pinpoint:
            cited.setdefault(c.key, set()).update(range(c.pinpoint.first, c.pinpoint.last + 1))
    return cited


@pytest.mark.slow
def test_cited_only_keeps_the_cited_paragraphs_of_sources_whose_rights_are_unknown(cited_site, model):
    cited = _cited(model)
    for source in model.sources:
        page = cited_site.soup(f"/{source.url}")
        text = page.select_one(".source-text")
        shown = {int(p["id"][1:]) for p in text.select(".para:not(.omitted)")}
        # Every paragraph keeps its anchor, shown or not, so links into the text still land.
        anchors = {int(e["id"][1:]) for e in text.select("[id^=p]") if e["id"][1:].isdigit()}
        assert anchors == set(range(1, len(source.paragraphs) + 1)), source.slug
        if source.rights.known:
            assert shown == anchors, source.slug
            continue
        assert shown == cited.get(source.slug, set()), source.slug
        for number in anchors - shown:
            assert source.paragraphs[number - 1][:60] not in text.get_text(), (source.slug, number)
        note = text.select_one(".note").get_text(" ", strip=True)
        assert f"{len(anchors - shown)} of {len(anchors)} left out" in note
        original = source.original_url
        link = text.select_one(".note a")
        assert (link["href"] if link else None) == (original.value if original.known else None)


@pytest.mark.slow
def test_cited_only_shows_no_left_out_sentence_on_entity_pages(cited_site, model):
    cited, hidden_somewhere = _cited(model), False

    def shown(mention) -> bool:
        source = mention.item
        if source not in model.sources or not mention.anchor or source.rights.known:
            return True
        return int(mention.anchor[1:]) in cited.get(source.slug, set())

    for entity in model.entities.values():
        page = cited_site.soup(f"/{entity.url}").get_text()
        visible = [m.sentence for m in entity.mentions if shown(m)]
        for mention in entity.mentions:
            if not shown(mention) and not any(mention.sentence in other for other in visible):
                assert mention.sentence not in page, (entity.slug, mention.sentence)
                hidden_somewhere = True
    if hidden_somewhere:
        assert any(NOT_REPRODUCED in cited_site.soup(f"/{e.url}").get_text() for e in model.entities.values())


def test_cited_only_in_a_small_tree_keeps_known_rights_whole(project):
    project.source(
        {"rights": "CC BY 4.0", "original_url": "https://example.com/open", "relative_dates": None},
        body="First paragraph of an openly licensed report.\n\nSecond paragraph of it.\n",
        name="open-report",
    )
    project.source(
        {"original_url": "https://example.com/closed", "relative_dates": None},
        body="One.\n\nTwo, which the home page cites.\n\n- Three.\n- Four.\n\nFive.\n",
        name="closed-report",
    )
    project.write(
        "pages/index.md",
        "---\ntitle: Home\ndescription: The home page.\n---\nIt says two.[@closed-report, para. 2]\n",
    )
    project.settings.write_text(project.settings.read_text() + f"{SETTING} = 'cited'\n")
    result = run_explainer("build", "--settings", str(project.settings))
    assert result.returncode == 0, result.stderr
    closed = (project.output / "sources" / "closed-report" / "index.html").read_text(encoding="utf-8")
    assert "Two, which the home page cites." in closed
    for left_out in ("One.", "Three.", "Four.", "Five."):
        assert f">{left_out}<" not in closed
    assert "[Paragraph 1 is not reproduced here.]" in closed
    assert "[Paragraphs 3 to 4 are not reproduced here.]" in closed  # inside the list, as an item
    assert '<a href="https://example.com/closed">read the whole text where it was published</a>' in closed
    opened = (project.output / "sources" / "open-report" / "index.html").read_text(encoding="utf-8")
    assert "Second paragraph of it." in opened and "not reproduced" not in opened
    assert "CC BY 4.0" in opened


def test_the_real_content_loads_in_either_mode_with_the_same_paragraphs():
    full, cited = (load_model(ROOT / "content", text_mode=mode) for mode in ("full", "cited"))
    for one, other in zip(full.sources, cited.sources, strict=True):
        assert one.paragraphs == other.paragraphs
        assert one.excerpt is None and (other.excerpt is None) is other.rights.known


def test_every_page_states_the_licences_in_its_footer(any_site):
    """The writing's licence, named as its file names it, and the sources' own rights, at the foot
    of every page; the code's licence beside them."""
    writing = (ROOT / "LICENSE-writing.txt").read_text(encoding="utf-8").splitlines()[0].strip()
    for path in all_pages(any_site):
        footer = any_site.soup(path).select_one("footer.site-footer .licence")
        assert footer is not None, path
        text = footer.get_text(" ", strip=True)
        assert writing in text and "CC BY 4.0" in text, path
        assert footer.find("a", href="https://creativecommons.org/licenses/by/4.0/"), path
        assert "keeping its authors' and publishers' rights" in text, path
        assert footer.find("a", href=lambda href: href and href.endswith("/LICENSE")), path
