"""The build as contributors run it: clear errors, exit status, nothing half-written."""

from __future__ import annotations

from conftest import reproducible, run_explainer


def test_a_valid_tree_builds(project):
    result = run_explainer("build", "--settings", str(project.settings))
    assert result.returncode == 0, result.stderr
    assert (project.output / "sources" / "good-source" / "index.html").exists()


def test_a_content_error_fails_with_path_line_and_no_traceback(project):
    project.source({"date": "2018-13-45"})
    result = run_explainer("build", "--settings", str(project.settings))
    assert result.returncode == 1
    assert "content/sources/bad-source.md:6: date: '2018-13-45' has no month 13" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "nothing was written" in result.stderr


def test_a_failed_build_leaves_the_previous_site_untouched(project):
    assert run_explainer("build", "--settings", str(project.settings)).returncode == 0
    before = {p: p.read_bytes() for p in project.output.rglob("*") if p.is_file()}
    project.source(body="<script>alert(1)</script>\n")
    assert run_explainer("build", "--settings", str(project.settings)).returncode == 1
    after = {p: p.read_bytes() for p in project.output.rglob("*") if p.is_file()}
    assert after == before
    assert not project.output.with_name("output.partial").exists()


def test_check_validates_without_writing(project):
    project.source({"kind": "gossip"})
    result = run_explainer("check", "--settings", str(project.settings))
    assert result.returncode == 1
    assert "content/sources/bad-source.md:3: kind: 'gossip' is not a known value" in result.stderr
    assert not project.output.exists()


def test_errors_become_github_annotations_under_actions(project):
    project.source({"original_url": "'javascript:alert(1)'"})
    result = run_explainer("check", "--settings", str(project.settings), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert (
        "::error file=content/sources/bad-source.md,line=7::original_url: 'javascript:alert(1)'"
        in result.stdout
    )


def test_any_warning_fails_the_build(project):
    # A plugin that cannot be imported is only logged by Pelican; the build must still fail.
    project.settings.write_text(project.settings.read_text() + "PLUGINS = ['explainer', 'no_such_plugin']\n")
    result = run_explainer("build", "--settings", str(project.settings))
    assert result.returncode == 1
    assert "no_such_plugin" in result.stderr
    assert not project.output.exists()


def test_publish_without_siteurl_says_how_to_set_it():
    result = run_explainer("build", "--settings", "publishconf.py", env={"SITEURL": ""})
    assert result.returncode != 0
    assert "SITEURL is not set — run e.g. SITEURL=https://user.github.io/repo make publish" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_same_content_builds_the_same_bytes(project, tmp_path):
    outputs = [tmp_path / "first", tmp_path / "second"]
    for output in outputs:
        result = run_explainer("build", "--settings", str(project.settings), "--output", str(output))
        assert result.returncode == 0
    files = [
        {
            p.relative_to(o): p.read_bytes()
            for p in sorted(o.rglob("*"))
            if p.is_file() and reproducible(p.relative_to(o))
        }
        for o in outputs
    ]
    assert files[0] == files[1] and len(files[0]) > 3
    assert any(path.parts[0] == "pagefind" for path in files[0])
