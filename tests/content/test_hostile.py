"""Malformed and malicious contributions across every kind of content.

Each case either builds, with its payload reaching the page only as inert text, or fails
with `path:line: problem — fix` and no traceback.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import textwrap
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, run_explainer, settings_file
from contenttree import GOOD_ENTITY, ContentTree, commit_all, event_text
from hostile_inputs import ENTITY, FAILING, PAGE, PAYLOADS, source, yaml_text


@pytest.mark.parametrize(
    ("relative", "content", "fragment"), FAILING, ids=[f"{i}-{c[0]}" for i, c in enumerate(FAILING)]
)
def test_malformed_or_malicious_input_fails_with_path_and_line(tmp_path, relative, content, fragment):
    tree = ContentTree(tmp_path)
    tree.write("entities/example-news.md", GOOD_ENTITY)
    tree.write(relative, content if isinstance(content, bytes) else textwrap.dedent(content))
    errors = tree.errors()
    assert errors, "expected the build to refuse this input"
    assert any(fragment in error for error in errors), errors
    assert all(error.split(":", 2)[1].isdigit() and " — " in error for error in errors), errors


@pytest.fixture
def outside_file(tmp_path):
    """A Markdown file outside the content tree, whose words must never reach the site."""
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("---\ntitle: Secret\ndescription: D\n---\nThe machine's secret words.\n")
    return secret


@pytest.mark.parametrize(
    ("place", "target"),
    [
        ("pages/notes.md", "outside"),
        ("pages/zero.md", "/dev/zero"),
        ("sources/copy.md", "inside"),  # even a link to another content file
        ("events", "outside-folder"),  # a linked folder
    ],
)
def test_links_under_content_are_refused_and_never_opened(tmp_path, outside_file, place, target):
    tree = ContentTree(tmp_path / "project")
    tree.write("entities/example-news.md", GOOD_ENTITY)
    link = tree.content / place
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.exists():
        shutil.rmtree(link)
    pointed = {
        "outside": outside_file,
        "/dev/zero": Path("/dev/zero"),
        "inside": tree.content / "sources" / "good-source.md",
        "outside-folder": outside_file.parent,
    }[target]
    link.symlink_to(pointed)
    result = run_explainer("check", "--settings", str(settings_file(tmp_path, tree.content)))
    assert result.returncode == 1
    assert f"content/{place}:1: this is a symbolic link" in result.stderr
    assert "Traceback" not in result.stderr and "secret" not in result.stderr


def test_a_named_pipe_under_content_is_refused_without_blocking(tmp_path):
    tree = ContentTree(tmp_path)
    tree.write("entities/example-news.md", GOOD_ENTITY)
    os.mkfifo(tree.content / "pages" / "pipe.md")
    assert tree.only_error().startswith("content/pages/pipe.md:1: this is a named pipe")


def test_a_crashing_parser_input_fails_cleanly_in_a_real_run(tmp_path):
    """Deep nesting once crashed LibYAML (a segmentation fault) and Python-Markdown."""
    tree = ContentTree(tmp_path)
    tree.write("entities/example-news.md", GOOD_ENTITY)
    tree.write("claims/deep.md", "---\nquestion: " + "[" * 200_000 + "\n---\n")
    tree.write("sources/deep.md", source() + "".join("  " * i + "- x\n" for i in range(500)))
    tree.write("claims/quoted.md", "---\nquestion: [it's, " + "[" * 30_000 + "\n---\n")
    result = run_explainer("check", "--settings", str(settings_file(tmp_path, tree.content)))
    assert result.returncode == 1, result
    assert "content/claims/deep.md:2: " in result.stderr and "content/sources/deep.md:" in result.stderr
    assert "content/claims/quoted.md:2: the metadata has more than 16 brackets" in result.stderr
    assert "Traceback" not in result.stderr and "pelicanconf" not in result.stderr


def test_there_are_at_least_thirty_hostile_cases():
    assert len(FAILING) + len(PAYLOADS) >= 30


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    tree = ContentTree(root)
    tree.write("entities/example-news.md", GOOD_ENTITY)
    tree.write(
        "sources/evil-source.md",
        source(title=yaml_text(PAYLOADS["title"]), summary=yaml_text(PAYLOADS["summary"])),
    )
    tree.write("sources/untitled.md", source(title="unknown", label=yaml_text(PAYLOADS["label"])))
    tree.write(
        "pages/about.md",
        PAGE.format(title="About", description=yaml_text(PAYLOADS["description"]), body="Text."),
    )
    tree.write("entities/evil-corp.md", ENTITY.format(name=yaml_text(PAYLOADS["name"]), extra=""))
    tree.write("events/evil.md", event_text(body=f"It happened {PAYLOADS['event']}.[@good-source, para. 1]"))
    tree.write(
        "events/evil-title.md",
        event_text().replace("title: Something happened", f"title: {yaml_text(PAYLOADS['event title'])}"),
    )
    tree.write("sources/windows.md", b"\xef\xbb\xbf" + source().replace("\n", "\r\n").encode())
    settings = root / "settings.py"
    settings.write_text(
        f"from pelicanconf import *\nPATH = {str(tree.content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nOUTPUT_PATH = {str(root / 'output')!r}\n"
        # Feeds too, so that every export meets the payloads.
        "SITEURL = 'https://example.org'\nEXPLAINER_FEEDS = True\n"
    )
    commit_all(root, "Hostile content")  # feeds date their entries from the history
    result = run_explainer("build", "--settings", str(settings))
    assert result.returncode == 0, result.stderr
    return root / "output"


def test_payloads_that_build_stay_inert_text(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    text = "".join(page.read_text() for page in pages if "pagefind" not in page.parts)
    for payload in PAYLOADS.values():
        if "{{" not in payload:
            assert payload not in text  # it appears only escaped
    for page in pages:
        soup = BeautifulSoup(page.read_text(), "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", page
        for element in soup.find_all(True):
            assert not any(name.startswith("on") for name in element.attrs), (page, element)
            for attribute in ("href", "src"):
                assert not str(element.get(attribute, "")).lower().startswith(("javascript:", "data:")), page
    assert "{{ 7*7 }}" in text  # content is never evaluated as a template


def _strings(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from ((f"{key}.{k}", v) for k, v in _strings(item))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield "", value


def test_markup_in_a_title_reaches_no_export_as_markup(hostile_site):
    title = PAYLOADS["event title"]
    timelinejs = json.loads((hostile_site / "data" / "timeline.timelinejs.json").read_text())
    # TimelineJS sets every text it shows with innerHTML.
    shown = [value for _, value in _strings(timelinejs)]
    assert any(html.escape(title, quote=False) in value for value in shown)
    assert not any("<img" in value for value in shown)
    # Data exports carry plain text: the title is there as text, never as a key's HTML.
    for file in sorted((hostile_site / "data").glob("*.json")):
        for key, value in _strings(json.loads(file.read_text())):
            assert not ("<img" in value and "html" in key.lower()), (file.name, key)
    # Atom: entry summaries are HTML that readers render.
    feeds = sorted((hostile_site / "feeds").glob("*.atom.xml"))
    assert feeds
    for feed in feeds:
        for summary in ElementTree.parse(feed).getroot().iter("{http://www.w3.org/2005/Atom}summary"):
            rendered = BeautifulSoup(summary.text or "", "html.parser")
            assert rendered.find(["img", "svg", "script"]) is None, feed.name
        for content in ElementTree.parse(feed).getroot().iter("{http://www.w3.org/2005/Atom}title"):
            assert content.get("type", "text") == "text"


def test_no_payload_runs_in_a_real_browser(browser, hostile_site):
    from explainer.builder.serve import serve_in_background

    server, url = serve_in_background(hostile_site)
    try:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in (
            "/sources/evil-source/",
            "/sources/untitled/",
            "/about/",
            "/entities/evil-corp/",
            "/timeline/",
            "/sources/",
        ):
            page.goto(url + path)
            page.mouse.move(100, 300)
            page.wait_for_timeout(50)
        assert dialogs == []
        context.close()
    finally:
        server.shutdown()


def test_nested_metadata_is_refused_at_the_line_where_it_is_too_deep(tmp_path):
    tree = ContentTree(tmp_path)
    tree.write("entities/example-news.md", GOOD_ENTITY)
    tree.write("claims/deep.md", "---\nquestion: How many?\nentities: " + "[" * 500 + "]" * 500 + "\n---\n")
    tree.error_at("claims/deep.md", 3, "the metadata has more than 16 brackets inside one another")


@pytest.mark.parametrize(
    ("field", "line"), [('title: "\\u202eAmazon\\0 letter"', 2), ('entities: [example-news, "\\u202e"]', 5)]
)
def test_a_hidden_character_written_as_an_escape_is_refused_at_its_field(tmp_path, field, line):
    tree = ContentTree(tmp_path)
    tree.write("entities/example-news.md", GOOD_ENTITY)
    key = field.split(":")[0]
    tree.write(
        "events/bad.md", "\n".join(field if x.startswith(key) else x for x in event_text().split("\n"))
    )
    tree.error_at(
        "events/bad.md", line, "the value holds a bidirectional control a reader cannot see (U+202E RIGHT"
    )


def test_deep_markdown_fails_at_its_line_before_markdown_reads_it(tmp_path):
    """[ x 50,000, x, ] x 50,000 (100 KB) ran for minutes inside Python-Markdown."""
    tree = ContentTree(tmp_path)
    tree.write("entities/example-news.md", GOOD_ENTITY)
    body = "Intro.\n\n" + "[" * 50_000 + "x" + "]" * 50_000
    tree.write("pages/about.md", PAGE.format(title="About", description="D", body=body))
    result = run_explainer("check", "--settings", str(settings_file(tmp_path, tree.content)))
    assert result.returncode == 1, result
    assert "content/pages/about.md:7: the text nests brackets 17 deep here — close each [" in result.stderr
