"""How much of each source's text the site publishes.

By default every source is published in full. A deployment may set
EXPLAINER_UNKNOWN_RIGHTS_TEXT = "cited": a source whose rights are not known is then published
with its provenance, a link to the original and only the paragraphs the site cites, numbered
as in the full text.
"""

from __future__ import annotations

from pathlib import Path

from ..content.errors import ContentError, ContentErrors
from .graph import Model
from .items import Source

SETTING = "EXPLAINER_UNKNOWN_RIGHTS_TEXT"
TEXT_MODES = ("full", "cited")


# The settings file the build was started with (builder/cli.py records it), for errors to name.
SETTINGS_FILE = "EXPLAINER_SETTINGS_FILE"


def text_mode(settings: dict) -> str:
    mode = settings.get(SETTING, "full")
    if mode not in TEXT_MODES:
        settings_file = settings.get(SETTINGS_FILE, "pelicanconf.py")
        error = ContentError(
            settings_file,
            _line_of_setting(Path(settings_file)),
            f"{SETTING} is {mode!r}, which is not a way to publish texts",
            f"write one of: {', '.join(repr(m) for m in TEXT_MODES)} (the default is 'full')",
        )
        raise ContentErrors([error])
    return mode


def _line_of_setting(file: Path) -> int:
    lines = file.read_text(encoding="utf-8").splitlines() if file.is_file() else []
    return next((number for number, line in enumerate(lines, 1) if line.startswith(SETTING)), 1)


def cited_paragraphs(model: Model) -> dict[str, set[int]]:
    """Source key -> the paragraph numbers some page, event, claim or relationship cites."""
    citations = [c for item in model.items() for c in item.citations]
    citations += [r.citation for r in model.relationships if r.citation]
    cited: dict[str, set[int]] = {}
    for citation in citations:
        if citation.pinpoint:
            span = range(citation.pinpoint.first, citation.pinpoint.last + 1)
            cited.setdefault(citation.key, set()).update(span)
    return cited


NOT_REPRODUCED = "[not reproduced here]"


def publish_cited_only(model: Model, renderer) -> None:
    """Keep only the cited paragraphs of each source whose rights are not known: on its page, and
    in the sentences other pages show from it (where an entity is named)."""
    cited = cited_paragraphs(model)
    for source in model.sources:
        if not source.rights.known:
            source.kept = frozenset(cited.get(source.slug, ()))
            source.excerpt = renderer.render(source.document.body, keep_paragraphs=source.kept)
    for entity in model.entities.values():
        for mention in entity.mentions:
            item, anchor = mention.item, mention.anchor
            if isinstance(item, Source) and anchor and not item.shows(int(anchor[1:])):
                mention.sentence = NOT_REPRODUCED
