"""`python -m explainer import FILE`: write content/sources/<slug>.md from a saved page or a text
copy, say what to review, and check the new file as `make check` would."""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

from ..content.errors import ContentErrors
from ..content.fields import SLUG
from ..markup.render import MarkdownRenderer
from ..model.fact_quotations import COPIES
from ..model.loader import load_model
from .importing import provenance
from .importing.article import Article, LeftOut, escape_paragraph, extract_article
from .importing.copy_text import copy_text
from .importing.provenance import Field, PageMarkup
from .importing.relative import Phrase, relative_phrases
from .importing.saved import ImportProblem, SavedFile, read_saved_file
from .importing.source_file import PROVENANCE, propose_slug, source_text


def import_source(file: str | None, content: Path, slug: str | None = None) -> int:
    try:
        return _import(file, content, slug)
    except ImportProblem as problem:
        print(problem, file=sys.stderr)
        return 1


def _import(file: str | None, content: Path, slug: str | None) -> int:
    if not file:
        raise ImportProblem(
            "import", "no file given", "name the saved page: make import FILE=path/to/page.html"
        )
    saved = read_saved_file(Path(file).expanduser(), file)
    if saved.is_html:
        fields, body, article = _from_page(saved)
    else:
        fields, body, article = _from_text(saved), _text_body(saved), None
    slug = slug or propose_slug(fields, Path(file).stem)
    if not SLUG.fullmatch(slug):
        raise ImportProblem(
            slug,
            "this is not a valid file name for a source",
            "use lower-case words, digits and hyphens, e.g. SLUG=ledger-2018-06-22",
        )
    target = content / "sources" / f"{slug}.md"
    shown = f"{content.name}/sources/{slug}.md"
    copy = content / COPIES / f"{slug}.txt"
    if target.exists() or copy.exists():
        raise ImportProblem(
            shown if target.exists() else f"{content.name}/{COPIES.as_posix()}/{slug}.txt",
            "a source with this name already exists, and import never overwrites one",
            "choose another name: make import FILE=… SLUG=another-name",
        )
    paragraphs = MarkdownRenderer("", number_paragraphs=True).render(body).paragraphs
    phrases = relative_phrases(paragraphs)
    edits = [_left_out_edit(article.left_out)] if article and article.left_out else []
    with target.open("x", encoding="utf-8") as out:  # "x": never over a file written meanwhile
        out.write(source_text(fields, body, edits, phrases))
    copy.parent.mkdir(parents=True, exist_ok=True)
    with copy.open("x", encoding="utf-8") as out:
        out.write(copy_text(saved))
    count = f"{len(paragraphs)} paragraph{'s' if len(paragraphs) != 1 else ''}"
    print(f"import: wrote {shown} ({count}) from {file}; its name is the key other pages cite it by")
    print(f"import: kept the page's whole text as received in {content.name}/{COPIES.as_posix()}/{slug}.txt")
    print("  (the notes quote it, and make check holds them to it: commit it with the source)")
    _review(fields, article, phrases, saved)
    return _check(content, shown)


def _from_page(saved: SavedFile) -> tuple[dict[str, Field], str, Article]:
    markup = PageMarkup(saved.text)
    address = markup.canonical or markup.meta.get("og:url") or saved.saved_from
    article = extract_article(saved.text, address)
    if article is None:
        raise ImportProblem(
            saved.display,
            "no article text found in the page",
            "save the article's own page (not a home or list page), or paste its text into a .txt file "
            "and import that",
        )
    found = article.metadata
    original, archived = provenance.addresses(markup, saved)
    fields = {
        "title": provenance.title(markup, found.title, article.headline),
        "publication": provenance.publication(markup, found.sitename, original.value),
        "authors": provenance.authors(markup, found.author),
        "date": provenance.date(markup, found.date, original.value),
        "original_url": original,
        "archived_url": archived,
        "accessed": provenance.accessed(saved),
        "rights": provenance.rights(markup),
    }
    return fields, "\n\n".join(article.blocks), article


def _from_text(saved: SavedFile) -> dict[str, Field]:
    """A text copy shows nothing the build can trust as provenance: every field starts unknown."""
    return {name: Field() for name in PROVENANCE}


def _text_body(saved: SavedFile) -> str:
    # Paragraphs are separated by blank lines; a copy with none has one paragraph a line.
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", saved.text.strip()) else r"\n"
    paragraphs = [re.sub(r"\s+", " ", chunk).strip() for chunk in re.split(separator, saved.text)]
    if not any(paragraphs):
        raise ImportProblem(
            saved.display,
            "the file has no text",
            "paste the article's text, paragraphs separated by blank lines",
        )
    return "\n\n".join(escape_paragraph(paragraph) for paragraph in paragraphs if paragraph)


def _left_out_edit(left_out: list[LeftOut]) -> str:
    kinds = list(dict.fromkeys(region.kind for region in left_out))
    return "Left out what is not the article: " + ", ".join(kinds) + "."


def _review(
    fields: dict[str, Field], article: Article | None, phrases: list[Phrase], saved: SavedFile
) -> None:
    print("\nReview three things, then run make check:")
    print("1. The text. Compare it with the page; fix only plain artefacts and list each fix under edits:.")
    if article:
        print(
            "   Left out as not part of the article (confirm under edits:, or restore what is the article's):"
        )
        for region in article.left_out:
            print(f"   - {region.kind}, {region.region}: {region.excerpt}")
        for link in article.unlinked:
            print(f"   - a link that is not https:// kept as plain words: {link}")
    else:
        print("   A text file: each blank line starts a paragraph. Take out what is not the article.")
    print("2. Provenance: a plain value is what the page shows; check each inferred value and its basis.")
    for name, field in fields.items():
        detail = {
            "stated": "as the page gives it",
            "inferred": f"inferred from {field.basis}",
            "unknown": "unknown",
        }
        print(f"   - {name}: {detail[field.status]}" + (f" ({field.note})" if field.note else ""))
    print(
        "   Write summary: in your own words"
        + (", and label: since the title is unknown" if not fields["title"].value else "")
        + "."
    )
    print("3. Relative dates (phrase, paragraph):")
    for phrase in phrases:
        where = (
            "listed under relative_dates:"
            if phrase.resolvable
            else "not listed: the build cannot resolve it; if it matters, add it with 'unresolved:' and why"
        )
        print(f"   - \u201c{phrase.phrase}\u201d, paragraph {phrase.paragraph}: {where}")
    if not phrases:
        print("   none found.")


def _check(content: Path, shown: str) -> int:
    """The checks `make check` runs, on the whole content, for the new file; then what is left to
    do, as a checklist. The file is written, so the import succeeded: 0 whatever the list holds."""
    print("\nChecking it as make check does:")
    problems = _problems(content, shown)
    if problems is None:
        print(f"check: {shown} is valid")
        return 0
    # A missing summary stops the checks of the text; run them as if summary: (and label:) were
    # written, so that, for one, a second copy of a source is named now rather than afterwards.
    provisional = _filled_in(content, shown)
    try:
        remaining = _problems(provisional, shown) or []
    finally:
        shutil.rmtree(provisional.parent)
    to_fill = [problem for problem in problems if problem not in remaining]
    print(f"Written {shown}.", end=" ")
    if to_fill:
        print("Before it builds, fill in:")
        print("".join(f"  - {problem}\n" for problem in to_fill), end="")
    if remaining:
        print("and fix:" if to_fill else "Before it builds, fix:")
        print("".join(f"  - {problem}\n" for problem in remaining), end="")
    print("make check will fail until these are done.")
    return 0


def _problems(content: Path, shown: str) -> list[str] | None:
    try:
        load_model(content)
    except ContentErrors as errors:
        return [str(error) for error in errors.errors if shown in str(error)]
    return None


def _filled_in(content: Path, shown: str) -> Path:
    """A copy of the content whose new file has a summary and a label, in a folder of its own.

    Each is written on the line the import left for it, so every later line keeps its number.
    """
    folder = Path(tempfile.mkdtemp(prefix="explainer-import-")) / content.name
    shutil.copytree(content, folder)  # the copies too: notes quote them
    new = folder.parent / shown
    text = new.read_text(encoding="utf-8")
    for name in ("summary", "label"):
        text = re.sub(rf"(?m)^{name}:.*$", f"{name}: To be written.", text, count=1)
    new.write_text(text, encoding="utf-8")
    return folder
