"""A minimal valid content tree in a temp folder, for tests that break one thing at a time."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from explainer.content.errors import ContentErrors
from explainer.model import load_model

GOOD_SOURCE = """\
---
title: A headline
kind: news report
publication: Example News
authors: [{given: Ann, family: Writer}]
date: 2018-06-25
original_url: https://example.com/story
archived_url: unknown
accessed: unknown
summary: A short summary in the project's own words.
relative_dates:
  - phrase: Last Thursday
    paragraph: 1
---
Last Thursday, something happened.

A second paragraph with "a quotation" in it.
"""

GOOD_PAGE = """\
---
title: Home
description: The home page.
---
See [the source](/sources/good-source/#p2).
"""


class ContentTree:
    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        self.write("sources/good-source.md", GOOD_SOURCE)
        self.write("pages/index.md", GOOD_PAGE)

    def write(self, relative: str, text: str | bytes) -> Path:
        file = self.content / relative
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            file.write_bytes(text)
        else:
            file.write_text(textwrap.dedent(text), encoding="utf-8")
        return file

    def source(
        self,
        metadata_changes: dict[str, str | None] | None = None,
        body: str | None = None,
        name="bad-source",
    ):
        """Write a source derived from the good one: change, add (value) or drop (None) lines."""
        head, text = GOOD_SOURCE.split("---\n")[1:3]
        lines = head.splitlines()
        for key, value in (metadata_changes or {}).items():
            index = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
            if index is None:
                lines.append(f"{key}: {value}")
                continue
            end = index + 1  # the field's indented continuation lines go with it
            while end < len(lines) and lines[end].startswith(" "):
                end += 1
            lines[index:end] = [] if value is None else [f"{key}: {value}"]
        return self.write(
            f"sources/{name}.md",
            "---\n" + "\n".join(lines) + "\n---\n" + (body if body is not None else text),
        )

    def errors(self) -> list[str]:
        try:
            load_model(self.content)
        except ContentErrors as exc:
            return [str(error) for error in exc.errors]
        return []

    def model(self):
        return load_model(self.content)

    def only_error(self) -> str:
        """The single error the tree has (the tests break one thing at a time)."""
        errors = self.errors()
        assert len(errors) == 1, errors
        return errors[0]

    def error_at(self, relative: str, line: int, message: str) -> None:
        """Assert the tree's one error is `content/<relative>:<line>: …message…`."""
        error = self.only_error()
        assert error.startswith(f"content/{relative}:{line}: "), error
        assert message in error


GOOD_ENTITY = """\
---
name: Example News
type: publication
aliases: [Example]
---
A publication that reported it.[@good-source]
"""


def event_text(
    date="2018-06-21",
    group="amazon",
    entities="[example-news]",
    body="It happened.[@good-source, para. 1]",
    extra="",
):
    metadata = f"title: Something happened\ndate: {date}\ngroup: {group}\nentities: {entities}\n{extra}"
    return f"---\n{metadata}---\n{body}\n"


def campaign_text(
    actor="example-news", category="transparency", quote="a quotation", cite="good-source, para. 2", extra=""
):
    metadata = (
        f"title: A campaign\nactor: {actor}\ntargets: [example-news]\ndate: 2018-06\nform: petition\n"
        f"participants: not reported\ndemands:\n  - category: {category}\n    quote: {quote}\n    cite: {cite}\n"
        f"outcome: not reported\n{extra}"
    )
    return f"---\n{metadata}---\n"


def claim_text(answers, extra=""):
    """A claim file; answers are (value, quote, cite) triples."""
    lines = "".join(f"  - value: '{v}'\n    quote: {q}\n    cite: {c}\n" for v, q, c in answers)
    return f"---\nquestion: How many?\n{extra}answers:\n{lines}---\n"


def commit_all(root: Path, message: str, when: str = "2026-01-02T03:04:05+00:00") -> None:
    """Commit everything under `root` (a git repository made on first use) at a fixed moment, so
    that builds dated from the history are the same wherever the test runs."""
    import subprocess

    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "HOME": str(root), "PATH": os.environ["PATH"]}
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    if not (root / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True, env=env)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(root), *identity, "commit", "-q", "-m", message], check=True, env=env)
