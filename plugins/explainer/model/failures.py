"""One mistake, one error: a file that failed to load says how many files need it, and they stay quiet."""

from __future__ import annotations

from dataclasses import replace

from ..content.errors import ContentError


def _entity_slugs_named(meta: dict) -> set[str]:
    """The entity slugs a file's metadata names (entities, actor, targets, relationships)."""
    named = set()
    for key in ("entities", "targets"):
        if isinstance(meta.get(key), list):
            named.update(value for value in meta[key] if isinstance(value, str))
    if isinstance(meta.get("actor"), str):
        named.add(meta["actor"])
    for relationship in meta.get("relationships") or []:
        if isinstance(relationship, dict) and isinstance(relationship.get("object"), str):
            named.add(relationship["object"])
    return named


def _error_order(error: ContentError):
    return (error.line, error.problem)


def count_failed_references(reader, citing_failed: dict[str, set[str]], errors) -> None:
    """A source or entity that failed to load says, in its first error, how many files need it.

    Those files report nothing of their own about it: one mistake, one error.
    """
    for key, paths in citing_failed.items():
        _count_in_first_error(reader, errors, f"sources/{key}.md", paths, "cite")
    for slug in reader.failed["entities"]:
        naming = {d.path for d in reader.read if slug in _entity_slugs_named(d.meta)}
        _count_in_first_error(reader, errors, f"entities/{slug}.md", naming, "name")


def _count_in_first_error(reader, errors, relative: str, paths: set[str], verb: str) -> None:
    path = reader.display(reader.content_dir / relative)
    first = next((e for e in sorted(errors.errors, key=_error_order) if e.path == path), None)
    if first is None or not paths:
        return
    count = f"1 file {verb}s it" if len(paths) == 1 else f"{len(paths)} files {verb} it"
    errors.errors[errors.errors.index(first)] = replace(first, problem=f"{first.problem} ({count})")
