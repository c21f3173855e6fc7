"""`make diff`: two trees built with their own code and compared, page by page and claim by claim."""

from __future__ import annotations

import pytest
from conftest import committed_clone, content_model, run_explainer
from explainer.builder.sitediff.built import compare_sites
from newsource import SLUG, add_a_new_source

pytestmark = pytest.mark.slow  # each test builds the site twice


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """make diff BASE=HEAD in a clone of this repository (its working tree committed) whose
    working tree then adds a source, with an event, a claim and a campaign citing it, and drops
    one event."""
    repo = committed_clone(tmp_path_factory.mktemp("repo") / "repository")
    model = content_model()
    add_a_new_source(repo / "content", model)
    dropped = model.events[0]
    (repo / dropped.path).unlink()
    summary = repo.parent / "summary.md"
    result = run_explainer(
        "diff", "--base", "HEAD", "--summary", str(summary), "--artifact", "site-preview", cwd=repo
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, summary.read_text(encoding="utf-8"), dropped


def test_the_report_lists_the_pages_a_change_adds_and_alters(report):
    text, _, _ = report
    pages = text.split("### Pages", 1)[1].split("###", 1)[0]
    added = pages.split("**Added**", 1)[1].split("**", 1)[0]
    assert f"- /sources/{SLUG}/" in added
    changed = pages.split("**Changed**", 1)[1]
    assert "- /timeline/" in changed and "- /sources/" in changed
    assert "**Removed**" not in pages  # an event lives on the timeline, not on a page of its own


def test_the_report_lists_new_citations_quotations_claims_and_timeline_entries(report):
    text, _, dropped = report
    assert f"cites {SLUG}, para. 1" in text and f"cites {SLUG}, para. 3" in text
    assert "quotes \u201ccounted 12 signatures\u201d" in text
    new_claims = text.split("**New claims**", 1)[1].split("**", 1)[0]
    assert "How many signatures did the new report count?" in new_claims
    removed = text.split("**Removed timeline entries**", 1)[1].split("**", 1)[0]
    assert dropped.title in removed and dropped.path in removed
    added = text.split("**New timeline entries**", 1)[1].split("**", 1)[0]
    assert "2018-06-27: A new report on the letter appears" in added


def test_the_same_report_is_appended_to_the_summary_with_the_artifact_named(report):
    text, summary, _ = report
    assert summary.strip() == text.strip()
    assert "the artifact **site-preview**" in summary


def test_pages_that_differ_only_by_their_last_changed_date_are_not_changed(tmp_path):
    for name, date in (("base", "2018-06-01"), ("head", "2026-11-30")):
        page = tmp_path / name / "sources" / "x" / "index.html"
        page.parent.mkdir(parents=True)
        changed = f'<p class="changed">Last changed on <time datetime="{date}">{date}</time>.</p>'
        page.write_text(f"<main>Same words.</main>{changed}", encoding="utf-8")
    (tmp_path / "head" / "extra.html").write_text("<main>New.</main>", encoding="utf-8")
    result = compare_sites(tmp_path / "base", tmp_path / "head")
    assert (result.added, result.removed, result.changed) == (["/extra.html"], [], [])


def test_an_unknown_base_is_named_with_how_to_fix_it(tmp_path):
    repo = committed_clone(tmp_path / "repository")
    result = run_explainer("diff", "--base", "no-such-branch", cwd=repo)
    assert result.returncode == 1
    assert result.stderr.startswith("no-such-branch: git knows no such branch, tag or commit — fetch it")
