"""`python -m explainer import`: a source file from a page saved for these tests (navigation,
advertising, an author box, related links), or from a text copy; never over an existing file."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stderr, redirect_stdout
from types import SimpleNamespace

import pytest
from conftest import COPIES, ROOT, run_explainer, settings_file
from contenttree import ContentTree
from explainer.builder.import_command import import_source
from explainer.builder.importing.source_file import PROVENANCE
from explainer.content.frontmatter import parse_document

FIXTURES = ROOT / "tests" / "fixtures" / "import"
LEDGER = FIXTURES / "ledger-article.html"
BLOG = FIXTURES / "workers-blog-singlefile.html"
LONG_PARAGRAPHS = [
    "Workers at the company wrote to the chief executive about the contract with the agency.",
    "The letter asks the company to stop selling the software to police departments at once.",
]


@pytest.fixture
def content(tmp_path):
    """A valid content tree to import into, with settings pointing at it."""
    tree = ContentTree(tmp_path)
    tree.settings = settings_file(tmp_path, tree.content)
    return tree


def imported(content, page, *extra):
    """`make import` as its command runs it, in this process (the tests import some twenty pages;
    test_the_command_line_runs_the_same_import shows the command does what the function does)."""
    slug = extra[1] if extra[:1] == ("--slug",) else None
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = import_source(str(page), content.content, slug)
    result = SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())
    written = re.search(r"import: wrote (content/sources/[a-z0-9-]+\.md)", result.stdout)
    document = None
    if written:
        path = content.root / written.group(1)
        document = parse_document(path.read_bytes(), written.group(1))
    return result, document


def test_an_article_page_keeps_the_article_and_leaves_out_the_rest(content):
    result, document = imported(content, LEDGER)
    assert document is not None, result.stderr
    body = document.body
    # Paragraphs, a subheading, a list and a block quotation, as Markdown, in order.
    assert body.startswith("Hundreds of employees at Example Cloud have signed an internal letter")
    assert "\n## Three demands\n" in body
    assert "\n- stop selling face recognition services to law enforcement;\n- end the hosting" in body
    assert "\n> Technology like ours is playing an increasingly critical role" in body
    assert (
        body.index("## Three demands") < body.index("> Technology like ours") < body.index("Workers at two")
    )
    # Links stay https:// links, a relative one made absolute; a plain http:// one keeps its words only.
    assert "[report by a civil rights group](https://civil-rights.example.org/report)" in body
    assert "[our earlier story](https://news.example.org/2018/05/23/report-on-face-recognition)" in body
    assert "and so does an older account." in body and "http://" not in body
    # None of the page's furniture.
    for furniture in (
        "World",
        "Subscribe for one dollar",
        "Advertisement",
        "Cloud backups",
        "office chairs",
        "Photograph: Ledger Staff",
        "technology correspondent",
        "Share this story",
        "Related stories",
        "record profits",
        "newsletter",
        "All rights reserved",
        "Workers ask cloud firm",  # the headline is the title, not a paragraph
    ):
        assert furniture not in body, furniture
    # What was left out is listed, by kind, for the contributor to confirm.
    for kind in ("navigation", "advertising", "the author box", "related links", "image captions"):
        assert f"- {kind}, <" in result.stdout, kind
        assert kind in document.meta["edits"][0]
    assert 'the author box, <aside class="author-box">: Jane Doe is the Ledger\'s technology' in result.stdout


def test_what_the_page_shows_is_stated_and_its_address_fills_original_url(content):
    _, document = imported(content, LEDGER)
    meta = document.meta
    assert meta["title"] == "Workers ask cloud firm to drop police deal"
    # Each name as a person's, last word the family name, for the contributor to check.
    people = [{"given": "Jane", "family": "Doe"}, {"given": "Omar", "family": "Field"}]
    assert meta["authors"] == {"value": people, "note": "The byline names them."}
    assert meta["date"]["value"] == "2018-06-22" and "status" not in meta["date"]
    assert meta["publication"]["value"] == "The Example Ledger"
    assert meta["original_url"] == {
        "value": "https://news.example.org/2018/06/22/workers-ask-cloud-firm-to-drop-police-deal",
        "note": "From the page's canonical link.",
    }
    # A copyright line is not a licence: the rights stay unknown, with the line quoted.
    assert meta["rights"]["status"] == "unknown"
    assert "© 2018 The Example Ledger. All rights reserved." in meta["rights"]["note"]
    assert meta["accessed"]["status"] == "unknown"


def test_what_only_the_metadata_holds_is_inferred_with_the_markup_as_basis(content):
    result, document = imported(content, BLOG)
    meta = document.meta
    assert meta["date"] == {
        "value": "2018-06-24",
        "status": "inferred",
        "basis": "the page's article:published_time meta tag",
    }
    assert meta["authors"] == {
        "value": [{"given": "Priya", "family": "Raman"}],
        "status": "inferred",
        "basis": "the page's author meta tag",
    }
    assert meta["publication"]["basis"] == "the page's og:site_name meta tag"
    # The page was saved from an archived copy: both addresses, the original worked out from it.
    assert meta["archived_url"]["value"].startswith("https://web.archive.org/web/20180626101500/")
    assert meta["original_url"]["value"] == "https://blog.example.net/posts/engineers-letter"
    assert meta["original_url"]["status"] == "inferred"
    # SingleFile records the day the page was saved.
    assert meta["accessed"]["value"] == "2018-06-26"
    for left_out in ("Try the new project tracker", "Her book on the subject", "Great post", "Share this"):
        assert left_out not in document.body
    assert 'comments, <div id="comments">' in result.stdout


def test_relative_dates_are_listed_with_their_paragraphs(content):
    result, document = imported(content, BLOG)
    paragraphs = [p for p in document.body.split("\n\n") if not p.startswith("## ")]
    listed = document.meta["relative_dates"]
    assert listed == [{"phrase": "On Monday", "paragraph": 1}]
    assert "On Monday" in paragraphs[0]
    # Phrases the build cannot resolve are listed on screen only, with their paragraph.
    for phrase in ("yesterday", "two years ago"):
        line = next(line for line in result.stdout.splitlines() if f"\u201c{phrase}\u201d" in line)
        number = int(re.search(r"paragraph (\d+)", line).group(1))
        assert "not listed" in line
        assert phrase in result_paragraph(document, number)


def result_paragraph(document, number: int) -> str:
    """Paragraph `number` as the site numbers them: list items one each, headings not at all."""
    blocks = []
    for block in document.body.split("\n\n"):
        if block.startswith("## "):
            continue
        blocks += block.splitlines() if re.match(r"(?:- |\d+\. )", block) else [block]
    return blocks[number - 1]


def checklist(result) -> list[str]:
    """The import's last lines: what is left to do before the new file builds."""
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Written content/sources/"))
    assert lines[-1] == "make check will fail until these are done.", result.stdout
    return lines[start:]


def test_the_import_ends_with_the_checks_of_make_check(content):
    result, document = imported(content, LEDGER)
    assert result.returncode == 0, result.stderr  # the file is written: what is left is a checklist
    line = document.line_of("summary")
    assert checklist(result)[:2] == [
        "Written content/sources/example-ledger-2018-06-22.md. Before it builds, fill in:",
        f"  - content/sources/example-ledger-2018-06-22.md:{line}: the required field 'summary' is missing "
        "or empty — add 'summary: one line in the project's own words' to the metadata block",
    ]
    _summarise(content, "example-ledger-2018-06-22")
    check = run_explainer("check", "--settings", str(content.settings))
    assert check.returncode == 0, check.stderr


def test_the_page_s_whole_text_is_kept_as_the_copy_its_notes_quote(content):
    """The notes quote the page around the article (its date, its copyright line): the import
    keeps the page's text in content/sources/copies/, where make check finds those words."""
    result, document = imported(content, LEDGER)
    copy = content.content / "sources" / "copies" / "example-ledger-2018-06-22.txt"
    assert copy.is_file(), result.stdout
    kept = " ".join(copy.read_text(encoding="utf-8").split())
    quoted = re.findall(r"\u201c([^\u201d]+)\u201d", str(document.meta))
    assert quoted, "the notes quote the page"
    assert all(" ".join(q.split()) in kept for q in quoted), quoted
    assert "<script" not in kept and "function(" not in kept
    # As with the copies received, the article's paragraphs stand in the copy, in order.
    _summarise(content, "example-ledger-2018-06-22")
    source = content.model().sources_by_slug["example-ledger-2018-06-22"]
    squeezed, position = re.sub(r"[\s*\\]", "", kept), 0
    for paragraph in source.paragraphs:
        position = squeezed.index(re.sub(r"[\s*\\]", "", paragraph), position)
    again, _ = imported(content, LEDGER, "--slug", "example-ledger-2018-06-22")
    assert again.returncode == 1 and "never overwrites" in again.stderr


def test_a_text_copy_lists_everything_to_fill_in_at_once(content, tmp_path):
    """A text copy has no title: its summary and its label are both asked for, each on the line
    left for it, and once both are written make check passes."""
    copy = tmp_path / "notes.txt"
    copy.write_text("\n\n".join(LONG_PARAGRAPHS) + "\n", encoding="utf-8")
    result, document = imported(content, copy)
    assert result.returncode == 0, result.stderr
    shown = f"content/sources/{copy.stem}.md"
    items = checklist(result)
    assert items[0] == f"Written {shown}. Before it builds, fill in:"
    assert [item.split(" — ")[0] for item in items[1:-1]] == sorted(
        [
            f"  - {shown}:{document.line_of('label')}: the title is unknown and no label is given",
            f"  - {shown}:{document.line_of('summary')}: the required field 'summary' is missing or empty",
        ],
        key=lambda item: int(item.split(":")[1]),
    )
    path = content.root / shown
    text = path.read_text(encoding="utf-8")
    for name in ("label", "summary"):
        text = re.sub(rf"(?m)^{name}:.*$", f"{name}: Notes on the letter.", text)
    path.write_text(text, encoding="utf-8")
    check = run_explainer("check", "--settings", str(content.settings))
    assert check.returncode == 0, check.stderr


def _summarise(content, slug: str) -> None:
    path = content.content / "sources" / f"{slug}.md"
    path.write_text(path.read_text().replace("summary:", "summary: Employees' letter to Example Cloud."))


def test_a_second_copy_is_named_at_import(content):
    imported(content, LEDGER)
    _summarise(content, "example-ledger-2018-06-22")
    result, document = imported(content, LEDGER, "--slug", "ledger-again")
    assert document is not None and result.returncode == 0
    items = checklist(result)
    assert "and fix:" in items
    assert re.search(
        r"content/sources/ledger-again\.md:\d+: \d+ of this source's \d+ paragraphs repeat "
        r"content/sources/example-ledger-2018-06-22\.md",
        "\n".join(items[items.index("and fix:") :]),
    ), result.stdout


def test_import_never_overwrites_a_source(content):
    imported(content, LEDGER)
    before = (content.content / "sources" / "example-ledger-2018-06-22.md").read_bytes()
    result, _ = imported(content, LEDGER)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "content/sources/example-ledger-2018-06-22.md: a source with this name already exists"
    )
    assert "SLUG=" in result.stderr and "Traceback" not in result.stderr
    assert (content.content / "sources" / "example-ledger-2018-06-22.md").read_bytes() == before


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("missing.html", None, "no such file"),
        ("picture.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "this is a binary file"),
        ("notes.html", b"Just some notes, not a page.\n", "this is not HTML"),
        ("sheet.csv", b"a,b\n1,2\n", "'.csv' is not a saved web page or a text file"),
        ("front-page.html", None, "no article text found in the page"),
    ],
)
def test_a_file_that_cannot_be_imported_says_what_is_wrong_and_how_to_fix_it(
    content, tmp_path, name, data, problem
):
    page = FIXTURES / name if name == "front-page.html" else tmp_path / name
    if data is not None:
        page.write_bytes(data)
    result, document = imported(content, page)
    assert result.returncode == 1 and document is None
    assert re.fullmatch(rf"{re.escape(str(page))}: {re.escape(problem)}[^\n]* — [^\n]+\n", result.stderr)
    assert sorted(p.name for p in (content.content / "sources").iterdir()) == ["good-source.md"]


@pytest.mark.parametrize("copy", sorted(COPIES.glob("*.txt")), ids=lambda path: path.name)
def test_a_text_copy_gives_its_paragraphs_and_every_provenance_field_unknown(content, copy):
    result, document = imported(content, copy)
    assert document is not None, result.stderr
    text = copy.read_text(encoding="utf-8")
    chunks = re.split(r"\n\s*\n", text.strip()) if re.search(r"\n\s*\n", text.strip()) else text.splitlines()
    expected = [re.sub(r"\s+", " ", chunk).strip() for chunk in chunks if chunk.strip()]
    assert len(document.body.strip().split("\n\n")) == len(expected)
    for field in PROVENANCE:
        assert document.meta[field] == "unknown", field


def test_the_command_line_runs_the_same_import(content, tmp_path):
    by_function, _ = imported(content, LEDGER)
    other = ContentTree(tmp_path / "other")
    other.settings = settings_file(tmp_path / "other", other.content)
    by_command = run_explainer("import", str(LEDGER), "--settings", str(other.settings))
    assert by_command.returncode == by_function.returncode == 0, by_command.stderr
    assert by_command.stdout == by_function.stdout and by_command.stderr == by_function.stderr
    written = sorted(p.relative_to(other.content) for p in (other.content / "sources").rglob("*.*"))
    assert written == sorted(
        p.relative_to(content.content) for p in (content.content / "sources").rglob("*.*")
    )
    assert all((other.content / p).read_bytes() == (content.content / p).read_bytes() for p in written)


def test_make_import_sets_itself_up_and_passes_the_file():
    makefile = (ROOT / "Makefile").read_text()
    target = re.search(r"^import: (.+)\n\t(.+)$", makefile, re.M)
    assert target.group(1) == "$(IMPORT_READY)"
    assert '$(EXPLAINER) import --settings pelicanconf.py "$(FILE)"' in target.group(2)
    assert "trafilatura==" in (ROOT / "requirements-import.in").read_text()
    assert re.search(r"^trafilatura==[\d.]+$", (ROOT / "requirements-import.txt").read_text(), re.M)
