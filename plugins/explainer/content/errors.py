"""Contributor-facing errors: every one names a file, a line, the problem and the fix."""

from __future__ import annotations

from dataclasses import dataclass


def annotation(level: str, path: str, line: int, message: str) -> str:
    """A GitHub Actions workflow command that shows `message` on the file's line."""
    for raw, escaped in (("%", "%25"), ("\r", "%0D"), ("\n", "%0A")):  # the message part needs these
        message = message.replace(raw, escaped)
    return f"::{level} file={path},line={line}::{message}"


@dataclass(frozen=True)
class ContentError(Exception):
    path: str
    line: int
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem} — {self.fix}"

    def github_annotation(self) -> str:
        return annotation("error", self.path, self.line, f"{self.problem} — {self.fix}")


class ContentErrors(Exception):
    """Every problem found in one pass, so a contributor fixes them all at once."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=lambda e: (e.path, e.line, e.problem))
        super().__init__("\n".join(str(e) for e in self.errors))


# A message quotes what was written; a hostile 5,000-character value need not be echoed whole.
MAX_PROBLEM_LENGTH = 400


def _clipped(text: str) -> str:
    """The problem with its middle cut out when it is too long: the start and the verdict stay."""
    if len(text) <= MAX_PROBLEM_LENGTH:
        return text
    half = MAX_PROBLEM_LENGTH // 2
    return text[:half] + "\u2026" + text[-half:]


class ErrorCollector:
    """Gathers errors while loading, so one bad file does not hide the next."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def add(self, path: str, line: int, problem: str, fix: str) -> None:
        self.errors.append(ContentError(path, line, _clipped(problem), fix))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)
