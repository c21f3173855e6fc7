"""How every command that meets the content reports its mistakes: one line each, then a count."""

from __future__ import annotations

import os
import sys

from ..content.errors import ContentErrors

GITHUB_ACTIONS = os.environ.get("GITHUB_ACTIONS") == "true"


def report_problems(errors: ContentErrors, outcome: str = "nothing was written") -> None:
    """Each problem on a line of its own, first to last, then how many and what did not happen.

    Every command that meets the content (check, build, diff, the tests) reports through this, so
    a mistake reads the same wherever it is found.
    """
    for error in errors.errors:
        print(error, file=sys.stderr)
        if GITHUB_ACTIONS:
            print(error.github_annotation())
    count = len(errors.errors)
    print(f"{count} problem{'s' if count != 1 else ''} in the content; {outcome}.", file=sys.stderr)
