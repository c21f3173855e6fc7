"""The render cache: a rebuild reuses what did not change, and never what did."""

from __future__ import annotations

from pathlib import Path

import pytest
from contenttree import GOOD_SOURCE, ContentTree, campaign_text, event_text
from explainer.content.errors import ContentErrors
from explainer.model import load_model
from explainer.model.render_cache import CACHE_FILE, RenderCache

ROOT = Path(__file__).resolve().parents[2]


def _load(content: Path, cache_dir: Path):
    cache = RenderCache(cache_dir, load=True)
    model = load_model(content, cache=cache)
    cache.save()  # as the build does once every page is written
    return model, cache


def _rendered(model) -> dict[str, tuple]:
    return {
        item.path: (item.html, item.paragraphs, [(c.key, c.ref_id) for c in item.citations])
        for item in model.items()
    }


def test_a_warm_load_gives_what_a_cold_load_gives(tmp_path):
    cold, first = _load(ROOT / "content", tmp_path)
    warm, second = _load(ROOT / "content", tmp_path)
    # The cold load read every file once and rendered each item's text once.
    items = cold.items()
    assert not first.hits and first.misses["document"] == len(items)
    assert first.misses["render"] + first.misses["quoted fields"] == len(items)
    assert second.hits == first.misses and not second.misses
    assert _rendered(warm) == _rendered(cold) == _rendered(load_model(ROOT / "content"))
    # Notes read from the cache point at this build's sources, not at copies.
    by_slug = warm.sources_by_slug
    notes = [note for item in warm.items() for note in item.rendered.notes]
    assert notes and all(note.source is by_slug[note.source.slug] for note in notes)


@pytest.fixture
def cited(tmp_path):
    """A tree whose event quotes the source's second paragraph, loaded once to fill the cache."""
    tree = ContentTree(tmp_path)
    tree.write(
        "entities/example-news.md",
        "---\nname: Example News\ntype: publication\n---\nA paper.[@good-source]\n",
    )
    tree.write("events/quoted.md", event_text(body='It said "a quotation"[@good-source, para. 2].'))
    tree.write("campaigns/quoting.md", campaign_text())  # its demand quotes the same words
    _load(tree.content, tmp_path / "cache")
    return tree


def test_an_untouched_tree_renders_nothing_again(cited):
    _, cache = _load(cited.content, cited.root / "cache")
    assert not cache.misses and cache.hits["render"] == 4 and cache.hits["quoted fields"] == 1


def test_a_changed_source_checks_the_quotations_of_every_text_citing_it(cited):
    cited.write("sources/good-source.md", GOOD_SOURCE.replace('"a quotation"', '"another phrase"'))
    with pytest.raises(ContentErrors) as failure:
        _load(cited.content, cited.root / "cache")
    failed = {str(error).split(":")[0] for error in failure.value.errors}
    assert failed == {"content/events/quoted.md", "content/campaigns/quoting.md"}


def test_new_entity_names_link_in_texts_that_did_not_change(cited):
    cited.write(
        "entities/example-news.md",
        "---\nname: Example News\ntype: publication\naliases: [second paragraph]\n---\nA paper.[@good-source]\n",
    )
    model, _ = _load(cited.content, cited.root / "cache")
    assert 'href="/entities/example-news/"' in model.sources_by_slug["good-source"].html


def test_an_unreadable_cache_is_ignored(cited):
    (cited.root / "cache" / CACHE_FILE).write_bytes(b"not a pickle")
    model, cache = _load(cited.content, cited.root / "cache")
    assert not cache.hits and model.sources


def test_production_builds_start_cold(monkeypatch):
    # runpy, not Pelican's read_settings, which would switch the test process's locale.
    import runpy

    monkeypatch.setenv("SITEURL", "https://example.github.io/repo")
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    production = runpy.run_path(str(ROOT / "publishconf.py"))
    assert not production["CACHE_CONTENT"] and not production["LOAD_CONTENT_CACHE"]
    assert runpy.run_path(str(ROOT / "pelicanconf.py"))["LOAD_CONTENT_CACHE"]
