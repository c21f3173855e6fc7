"""Load every content file into one model, checked and linked, or fail with every problem found.

Each collection is a folder of Markdown files with a YAML metadata block; the file name is
the item's slug (and, for sources, its citation key). Every cross-reference is resolved
here, and every problem is reported with its file and line before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from ..content.errors import ErrorCollector
from ..content.phrasing import date_order
from ..markup.render import MarkdownRenderer
from .builders import ItemBuilder
from .documents import DocumentReader
from .duplicates import check_duplicates
from .fact_quotations import check_fact_quotations
from .failures import count_failed_references
from .graph import Model
from .items import Source
from .links import check_addresses, resolve
from .published import publish_cited_only
from .render_cache import RenderCache


def load_model(
    content_dir: Path,
    siteurl: str = "",
    cache: RenderCache | None = None,
    text_mode: str = "full",
    site_name: str = "",
) -> Model:
    """`site_name` is the site's own title (SITENAME), whose words name no entity."""
    errors = ErrorCollector()
    cache = cache or RenderCache()
    reader = DocumentReader(content_dir, errors, cache)
    builder = ItemBuilder(reader, errors, cache)
    # Names come first: every text is rendered with its mentions of entities linked.
    entity_documents = reader.documents("entities")
    matcher = builder.entity_matcher(entity_documents, site_name)
    builder.source_renderer = MarkdownRenderer(siteurl, number_paragraphs=True, entity_matcher=matcher)
    sources = [s for s in builder.collection("sources", builder.source, required=True) if s]
    # The project's own writing is rendered once the sources it cites are known. A source that
    # failed to load has its own error; citing it is not another one.
    builder.writing_renderer = MarkdownRenderer(
        siteurl,
        sources={s.slug: s for s in sources},
        entity_matcher=matcher,
        unavailable=frozenset(reader.failed["sources"]),
    )
    entities = [e for e in builder.loaded("entities", entity_documents, builder.entity) if e]
    events = [e for e in builder.collection("events", builder.event) if e]
    campaigns = [c for c in builder.collection("campaigns", builder.campaign) if c]
    claims = [c for c in builder.collection("claims", builder.claim) if c]
    pages = [p for p in builder.collection("pages", builder.page, required=True) if p]
    count_failed_references(reader, builder.citing_failed, errors)
    errors.raise_if_any()
    model = Model(
        sorted(sources, key=_chronological),
        {p.slug: p for p in pages},
        {e.slug: e for e in entities},
        sorted(events, key=lambda e: (date_order(e.date), e.slug)),
        sorted(campaigns, key=lambda c: (date_order(c.date), c.slug)),
        claims,
    )
    check_addresses(model, errors)
    check_duplicates(model.sources, errors, content_dir)
    check_fact_quotations(model, errors, content_dir)
    errors.raise_if_any()
    resolve(model, errors, builder.writing_renderer)
    errors.raise_if_any()
    if text_mode == "cited":
        publish_cited_only(model, builder.source_renderer)
    return model


def _chronological(source: Source):
    date = source.date
    return (not date.known, date.value.sort_key() if date.known else (0, 0, 0), source.slug)
