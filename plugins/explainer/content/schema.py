"""Read a document's metadata against a list of field specifications."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import ErrorCollector
from .facts import FieldError, parse_fact
from .frontmatter import Document


@dataclass(frozen=True)
class FieldSpec:
    name: str
    parse: Callable[[Any], Any]
    required: bool = True
    default: Any = None
    hint: str = "…"  # example value for the "add it" message


def fact(parse_value):
    """A provenance field: a value stated in the copy, inferred with a basis, or unknown."""
    return lambda raw: parse_fact(raw, parse_value)


def choice(*allowed: str):
    def parse(raw):
        if raw not in allowed:
            raise FieldError(f"'{raw}' is not a known value", f"write one of: {', '.join(allowed)}")
        return raw

    return parse


def read_fields(doc: Document, specs: list[FieldSpec], errors: ErrorCollector) -> dict | None:
    """Return the parsed fields, or None after recording every problem found."""
    known = {spec.name: spec for spec in specs}
    before = len(errors.errors)
    for key in doc.meta:
        if key not in known:
            errors.add(
                doc.path,
                doc.line_of(key),
                f"'{key}' is not a field this kind of content takes",
                f"remove it or use one of: {', '.join(known)}",
            )
    values = {}
    for spec in specs:
        if spec.name not in doc.meta or doc.meta[spec.name] is None:
            if spec.required:
                errors.add(
                    doc.path,
                    doc.line_of(spec.name),
                    f"the required field '{spec.name}' is missing or empty",
                    f"add '{spec.name}: {spec.hint}' to the metadata block",
                )
            values[spec.name] = spec.default
            continue
        try:
            values[spec.name] = spec.parse(doc.meta[spec.name])
        except FieldError as exc:
            errors.add(doc.path, doc.line_of(spec.name, *exc.subkey), f"{spec.name}: {exc.problem}", exc.fix)
    return values if len(errors.errors) == before else None


def valid_fields(doc: Document, specs: list[FieldSpec]) -> dict:
    """The fields of `specs` that are valid or (being optional) absent, reporting nothing: for a
    check that needs only these, made even when `read_fields` found problems elsewhere."""
    values = {}
    for spec in specs:
        raw = doc.meta.get(spec.name)
        if raw is None:
            if not spec.required:
                values[spec.name] = spec.default
            continue
        try:
            values[spec.name] = spec.parse(raw)
        except FieldError:
            continue
    return values
