"""`python -m explainer build|check`: the build contributors and CI run.

It wraps Pelican so that content errors print as `path:line: problem — fix` with no
traceback, any warning fails the build, and the site is written to a staging folder that
replaces the output folder only when everything succeeded, in one step (site_folder.py).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import time
from pathlib import Path

from ..content.errors import ContentErrors
from ..content.history import HistoryError, UncommittedFiles
from ..model.loader import load_model
from ..model.published import SETTINGS_FILE
from .finish import PostBuildError, finish_site
from .lock import build_lock
from .problems import report_problems
from .site_folder import OutputFolderError, SiteFolder


class _WarningCollector(logging.Handler):
    """Counts warnings and errors from Pelican and plugins: strict builds fail on any."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)
        print(f"{record.levelname.lower()}: {record.getMessage()}", file=sys.stderr)


def _pin_environment() -> None:
    # Same commit, same bytes: no dependence on the machine's zone or locale.
    os.environ["TZ"] = "UTC"
    os.environ["LC_ALL"] = "C.UTF-8"
    if hasattr(time, "tzset"):
        time.tzset()


def build(settings_file: str, output: str | None) -> int:
    from pelican.log import console
    from pelican.settings import read_settings

    console.quiet = True  # Pelican's own summary counts only its (unused) article generator

    collector = _WarningCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    root.setLevel(logging.WARNING)
    try:
        settings = read_settings(settings_file)
        settings[SETTINGS_FILE] = settings_file  # what a mistake in the settings is reported against
        return _build(settings, output, collector)
    finally:  # a second build in this process counts its own warnings only
        root.removeHandler(collector)


def _build(settings: dict, output: str | None, collector: _WarningCollector) -> int:
    # The output path is not resolved: were it a link, the folder it points to would be replaced.
    final = Path(os.path.abspath(output or settings["OUTPUT_PATH"]))
    try:
        folder = SiteFolder.for_build(final, settings)
    except OutputFolderError as exc:
        print(f"build: {exc}; nothing was written.", file=sys.stderr)
        return 1
    with build_lock(folder.final) as lock:
        folder.tidy()
        return _build_into(folder, settings, collector, lock)


def _build_into(folder: SiteFolder, settings: dict, collector: _WarningCollector, lock: int) -> int:
    settings["OUTPUT_PATH"] = str(folder.path)
    settings["DELETE_OUTPUT_DIRECTORY"] = False  # the folder is made empty, or reused, below
    with folder.building():
        succeeded = _run_pelican(settings, collector)
    if not succeeded:
        folder.discard()
        return 1
    folder.remove_unwritten()
    try:
        # Pagefind holds the lock too: killed with the build, it would still be writing.
        finish_site(folder.path, settings["SITEURL"], keep_open=(lock,))
    except PostBuildError as exc:
        folder.discard()
        print(f"build: {exc}; nothing was written.", file=sys.stderr)
        return 1
    folder.replace_output()
    pages = sum(1 for _ in folder.final.rglob("*.html"))
    print(f"build: {pages} pages written to {os.path.relpath(folder.final)}/")
    return 0


def _run_pelican(settings: dict, collector: _WarningCollector) -> bool:
    """Run Pelican; False, with the reasons printed, when the build must not be published."""
    from pelican import Pelican

    try:
        Pelican(settings).run()
    except ContentErrors as errors:
        report_problems(errors)
        return False
    except UncommittedFiles as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        count = len(exc.lines)
        print(f"{count} file{'s' if count != 1 else ''} not committed; nothing was written.", file=sys.stderr)
        return False
    except HistoryError as exc:
        print(f"build: {exc}; nothing was written.", file=sys.stderr)
        return False
    if collector.records:
        count = len(collector.records)
        print(f"{count} warning(s): the build is strict, so nothing was written.", file=sys.stderr)
        return False
    return True


def check(settings_file: str) -> int:
    from pelican.settings import read_settings

    settings = read_settings(settings_file)
    try:
        model = load_model(
            Path(settings["PATH"]), siteurl=settings["SITEURL"], site_name=settings["SITENAME"]
        )
    except ContentErrors as errors:
        report_problems(errors)
        return 1
    counts = {
        "sources": len(model.sources),
        "events": len(model.events),
        "entities": len(model.entities),
        "campaigns": len(model.campaigns),
        "claims": len(model.claims),
        "pages": len(model.pages),
    }
    print("check: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()) + " are valid")
    return 0


def import_command(settings_file: str, file: str | None, slug: str | None) -> int:
    from pelican.settings import read_settings

    from .import_command import import_source

    return import_source(file, Path(read_settings(settings_file)["PATH"]), slug)


def serve(settings_file: str, output: str | None, port: int) -> int:
    from pelican.settings import read_settings

    from .serve import make_server

    root = Path(output or read_settings(settings_file)["OUTPUT_PATH"])
    server = make_server(root, port)
    print(f"Serving {os.path.relpath(root)}/ on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is the way to stop
        server.serve_forever()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "check", "serve", "import", "diff"))
    parser.add_argument("file", nargs="?", help="import: the saved page (.html) or text copy (.txt)")
    parser.add_argument("--slug", help="import: the new source's file name, instead of the one proposed")
    parser.add_argument("--base", default="main", help="diff: the git ref to compare the working tree with")
    parser.add_argument("--summary", help="diff: also append the report to this file ($GITHUB_STEP_SUMMARY)")
    parser.add_argument("--artifact", help="diff: the name of the site-preview artifact, for the report")
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="Pelican settings file")
    parser.add_argument("-o", "--output", help="output folder (default: the settings' OUTPUT_PATH)")
    parser.add_argument("--port", type=int, default=8000, help="port for serve (default 8000)")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks of unexpected failures")
    args = parser.parse_intermixed_args(argv)
    _pin_environment()
    try:
        if args.command == "check":
            return check(args.settings)
        if args.command == "serve":
            return serve(args.settings, args.output, args.port)
        if args.command == "import":
            return import_command(args.settings, args.file, args.slug)
        if args.command == "diff":
            from .diff_command import diff

            return diff(Path.cwd(), args.base, args.summary, args.artifact)
        return build(args.settings, args.output)
    except Exception as exc:  # a bug or a broken setting, not a content problem
        if args.debug:
            raise
        print(f"{args.settings}: the build failed unexpectedly: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("Run again with --debug for the traceback, and please report it.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
