"""Malformed and malicious contributions across every kind of content.

Each case either builds, with its payload reaching the page only as inert text, or fails
with `path:line: problem — fix` and no traceback.
"""

from __future__ import annotations

import json
import textwrap

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, run_explainer
from contenttree import GOOD_ENTITY, GOOD_SOURCE, ContentTree, campaign_text, claim_text, event_text

PAGE = "---\ntitle: {title}\ndescription: {description}\n---\n{body}\n"
ENTITY = "---\nname: {name}\ntype: organisation\n{extra}---\nIt is named.[@good-source]\n"


def source(**changes) -> str:
    """The good source with fields changed, or added before the closing fence."""
    text = GOOD_SOURCE
    for key, value in changes.items():
        if f"\n{key}:" in text:
            lines = text.split("\n")
            text = "\n".join(f"{key}: {value}" if line.startswith(f"{key}:") else line for line in lines)
        else:
            head, fence, body = text.partition("\n---\n")
            text = f"{head}\n{key}: {value}{fence}{body}"
    return text


def yaml_text(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML string, whatever quotes it holds


# (file, content, fragment of the one expected error)
FAILING = [
    (
        "sources/bad.md",
        source().replace(
            "Last Thursday, something happened.", "Last Thursday, <script>alert(1)</script> happened."
        ),
        "raw HTML is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body='<iframe src="https://evil.example"></iframe>'),
        "raw HTML is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="<a onclick=alert(1)>x</a>"),
        "raw HTML is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="[x](javascript:alert(1))"),
        "scheme that is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="[x](&#106;avascript:alert(1))"),
        "scheme that is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="[x](data:text/html;base64,PHNjcmlwdD4=)"),
        "scheme that is not allowed",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="![x](data:image/svg+xml,<svg onload=alert(1)>)"),
        "would load from another site",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="![x](https://tracker.example/p.gif)"),
        "would load from another site",
    ),
    ("sources/bad.md", source(original_url="'javascript:alert(1)'"), "is not a web address"),
    ("sources/bad.md", source(archived_url="'data:text/html,hi'"), "is not a web address"),
    ("sources/bad.md", source(date="2018-13-01"), "has no month 13"),
    ("events/bad.md", event_text(date="2018-02-30"), "is not a day of the calendar"),
    ("events/bad.md", event_text(extra="end: 2017-01-01\n"), "before it starts"),
    ("sources/bad.md", source(summary="", kind="report"), "the required field 'summary' is missing"),
    (
        "campaigns/bad.md",
        campaign_text().replace("outcome: not reported\n", ""),
        "the required field 'outcome' is missing",
    ),
    (
        "claims/bad.md",
        claim_text([("1", "Last Thursday", "good-source, para. 1")], extra="colour: blue\n"),
        "'colour' is not a field",
    ),
    ("sources/bad.md", source(authors="42"), "authors: this field must be a name or a list of names"),
    ("events/bad.md", event_text(entities="example-news"), "entities: this field must be a list of slugs"),
    ("sources/bad.md", "---\ntitle: x\n\tkind: report\n---\nText.\n", "the metadata is not valid YAML"),
    ("sources/bad.md", "---\ntitle: [unclosed\n---\nText.\n", "the metadata is not valid YAML"),
    ("sources/bad.md", b"---\ntitle: \xff\xfe\n---\n", "the file is not valid UTF-8"),
    ("sources/bad.md", "", "does not start with a metadata block"),
    ("sources/bad.md", "\ufeff", "does not start with a metadata block"),
    (
        "sources/bad.md",
        source().replace("kind: news report", "kind: news report\nkind: report"),
        "the field 'kind' is given twice",
    ),
    (
        "pages/sources.md",
        PAGE.format(title="T", description="D", body="x"),
        "the address /sources/ is already used",
    ),
    (
        "pages/bad.md",
        PAGE.format(title="T", description="D", body="Claim.[@nowhere]"),
        "no source has the key 'nowhere'",
    ),
    ("events/bad.md", event_text(entities="[nobody]"), "no entity has the slug 'nobody'"),
    ("sources/bad.md", source(text_from="bad"), "text_from names 'bad', which is not another source"),
    (
        "entities/bad.md",
        ENTITY.format(
            name="Bad", extra="relationships:\n  - verb: owns\n    object: bad\n    cite: good-source\n"
        ),
        "given a relationship with itself",
    ),
    (
        "entities/bad.md",
        ENTITY.format(name="Bad", extra="aliases: [Example]\n"),
        "the name 'Example' is already claimed",
    ),
    ("campaigns/bad.md", campaign_text(quote="words nobody wrote"), "is not in good-source, para. 2"),
    (
        "sources/bad.md",
        "---\n"
        + "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abc", "bcd", strict=True))
        + "---\n",
        "far too large",
    ),
    ("sources/bad.md", "---\ntitle: x\n---\n" + "word " * 250_000, "more than the 1,000,000 allowed"),
    ("sources/Bad File.md", source(), "is not a valid slug"),
]

# Payloads that are legitimate text and must build, reaching the page only as escaped text.
PAYLOADS = {
    "title": '"><script>alert("title")</script>',
    "summary": "<img src=x onerror=alert('summary')>",
    "label": "javascript:alert('label')",
    "description": "</script><script>alert('jsonld')</script>",
    "name": "<b onmouseover=alert('name')>Evil Corp</b>",
    "event": "{{ 7*7 }} {% raw %}<svg onload=alert('event')>",
}


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
    tree.write("sources/windows.md", b"\xef\xbb\xbf" + source().replace("\n", "\r\n").encode())
    settings = root / "settings.py"
    settings.write_text(
        f"from pelicanconf import *\nPATH = {str(tree.content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nOUTPUT_PATH = {str(root / 'output')!r}\n"
    )
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


def test_no_payload_runs_in_a_real_browser(browser, hostile_site):
    from explainer.serve import serve_in_background

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
