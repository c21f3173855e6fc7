"""The comparison as Markdown: the pull request's job summary, and `make diff`'s output."""

from __future__ import annotations

from .built import PageChanges
from .changes import ContentChanges, Difference

MOST = 40  # lines per list: a summary is read, not searched


def _listed(title: str, items: list, mark: str = "") -> list[str]:
    if not items:
        return []
    lines = [f"**{title}** ({len(items)})", ""]
    lines += [f"- {mark}{item}" for item in items[:MOST]]
    if len(items) > MOST:
        lines.append(f"- … and {len(items) - MOST} more")
    return [*lines, ""]


def _pair(title: str, difference: Difference) -> list[str]:
    return _listed(f"New {title}", [str(x) for x in difference.added]) + _listed(
        f"Removed {title}", [str(x) for x in difference.removed]
    )


def markdown(
    base: str,
    head: str,
    pages: PageChanges | None,
    content: ContentChanges | None,
    problems: list[str],
    artifact: str | None,
) -> str:
    lines = [f"## What this change does to the site ({base} → {head})", ""]
    for problem in problems:
        lines += [f"> {problem}", ""]
    if pages is not None:
        lines += ["### Pages", ""]
        lines += _listed("Added", pages.added) + _listed("Removed", pages.removed)
        lines += _listed("Changed", pages.changed)
        if not pages.any:
            lines += ["No page changes.", ""]
    if content is not None:
        lines += ["### Citations, quotations, claims and timeline", ""]
        before = len(lines)
        lines += _pair("citations", content.citations) + _pair("quotations", content.quotations)
        lines += _pair("claims", content.claims) + _pair("timeline entries", content.timeline)
        if len(lines) == before:
            lines += ["No citation, quotation, claim or timeline entry changes.", ""]
    if artifact:
        lines += [
            f"The built site is attached to this run as the artifact **{artifact}**: download it, unzip it "
            "and open `index.html`, or serve it with `python -m http.server`.",
            "",
        ]
    return "\n".join(lines)


def not_compared(errors: list) -> str:
    """The summary of a change whose content does not load: its problems, as make check lists them."""
    lines = [
        "## What this change does to the site",
        "",
        "Not compared: the change's content has problems.",
        "",
    ]
    return "\n".join(lines + _listed("Problems", [str(error) for error in errors]))
