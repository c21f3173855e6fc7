"""`python -m explainer diff --base REF`: build REF and the working tree side by side, each with its
own code, and say what the change does to the site, as Markdown."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ..content.errors import ContentErrors
from ..model.loader import load_model
from .problems import report_problems
from .sitediff.built import build_tree, compare_sites
from .sitediff.changes import compare_models
from .sitediff.report import markdown, not_compared
from .sitediff.trees import TreeError, export_ref, export_worktree


def diff(repo: Path, base: str, summary: str | None = None, artifact: str | None = None) -> int:
    # The working tree is checked first, as make check does: a mistake in it stops the comparison
    # with its own message, before anything is built.
    try:
        head_model = load_model(repo / "content")
    except ContentErrors as errors:
        report_problems(errors, "no comparison was made")
        _append(summary, not_compared(errors.errors))
        return 1
    with tempfile.TemporaryDirectory(prefix="explainer-diff-") as scratch:
        scratch = Path(scratch)
        try:
            commit = export_ref(repo, base, scratch / "base")
        except TreeError as problem:
            print(problem, file=sys.stderr)
            return 1
        export_worktree(repo, scratch / "head")
        report = compare(
            scratch / "base", scratch / "head", f"{base} ({commit})", "this change", artifact, head_model
        )
    print(report)
    _append(summary, report)
    return 0


def _append(summary: str | None, report: str) -> None:
    """Add the report to the job summary's file ($GITHUB_STEP_SUMMARY), when one is named."""
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(report + "\n")


def compare(
    base_tree: Path,
    head_tree: Path,
    base_name: str,
    head_name: str,
    artifact: str | None = None,
    head_model=None,
) -> str:
    problems, sites, models = [], {}, {"head": head_model}
    for name, tree in (("base", base_tree), ("head", head_tree)):
        built = build_tree(tree, tree.parent / f"{name}-output")
        sites[name] = built.output if built.ok else None
        if not built.ok:
            problems.append(
                f"The {name} does not build: {built.log.splitlines()[-1] if built.log else 'no output'}"
            )
        models[name] = models.get(name) or _model(tree / "content", name, problems)
    pages = compare_sites(sites["base"], sites["head"]) if all(sites.values()) else None
    content = compare_models(models["base"], models["head"]) if all(models.values()) else None
    return markdown(base_name, head_name, pages, content, problems, artifact)


def _model(content: Path, name: str, problems: list[str]):
    """The content's model as this code reads it (the base's, too: one reading for both)."""
    try:
        return load_model(content)
    except ContentErrors as errors:
        problems.append(f"The {name}'s content does not load with this change's code: {errors.errors[0]}")
        return None
