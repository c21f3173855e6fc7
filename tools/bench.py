"""`make bench`: how build time grows with the content, against plain Pelican on the same text.

For each size, a synthetic content tree (tools/synthetic_corpus.py) is built four ways, each
in a fresh Python process so that memory and imports are measured alike:

- full, cold:  `python -m explainer build` with every plugin and no cache;
- plain, cold: Pelican with no plugins and its default theme, on the same Markdown with its
  metadata rewritten as Pelican's header lines, and no cache;
- full, warm and plain, warm: a contributor's rebuild. An untimed build with caching on fills
  the cache (the explainer's, Pelican's content cache); then one source gains a sentence, and
  the site is built again.

The overhead ratio is the full build's Pelican run over plain Pelican's. The search index is
built after Pelican by Pagefind, a separate program plain Pelican has no counterpart for: its
time is reported on its own and included in the full build's total. Each figure is the fastest
of --repeat runs. Results go to bench-results/ as JSON and an SVG chart; the last line printed
is the summary the README quotes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from bench_chart import chart_svg  # noqa: E402
from synthetic_corpus import Corpus  # noqa: E402

TARGET_SOURCES = 1000
TARGET_OVERHEAD = 1.25
TARGET_EXPONENT = 1.1
TARGET_WARM = 0.6  # "well under the cold build": a rebuild saves at least two fifths of it
MODES = ("full_cold", "full_warm", "plain_cold", "plain_warm")

FULL_SETTINGS = """\
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa
PATH = {content!r}
OUTPUT_PATH = {output!r}
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
CACHE_PATH = {cache!r}
"""
# Pelican's defaults, except: no feeds (the development build writes none either), and no list
# of every page in every page's menu, which would make plain Pelican grow with the square.
PLAIN_SETTINGS = """\
SITENAME = "Benchmark"
PATH = {content!r}
OUTPUT_PATH = {output!r}
CACHE_PATH = {cache!r}
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
PLUGINS = []
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
DISPLAY_PAGES_ON_MENU = False
"""
NO_CACHE = "CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\n"


# Worker: one build in this process, figures on stdout as JSON ----------------------------


def _peak_mb(who=resource.RUSAGE_SELF) -> float:
    # ru_maxrss is in kilobytes on Linux and bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(who).ru_maxrss * scale / 1e6


def _work(kind: str, settings: str) -> dict:
    if kind == "full":
        sys.path.insert(0, str(ROOT / "plugins"))
        from explainer.builder import cli

        search = {}
        finish_site = cli.finish_site

        def timed_finish_site(*args, **options):
            start = time.perf_counter()
            finish_site(*args, **options)
            search["seconds"] = time.perf_counter() - start

        cli.finish_site = timed_finish_site
        start = time.perf_counter()
        with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
            status = cli.build(settings, None)
        total = time.perf_counter() - start
        if status != 0:
            raise SystemExit(f"bench: the synthetic content did not build ({settings})")
        return {
            "seconds": total - search["seconds"],
            "search_seconds": search["seconds"],
            "peak_mb": _peak_mb(),
            "search_peak_mb": _peak_mb(resource.RUSAGE_CHILDREN),
        }
    import logging

    from pelican import Pelican
    from pelican.log import console
    from pelican.settings import read_settings

    console.quiet = True
    logging.disable(logging.WARNING)
    start = time.perf_counter()
    Pelican(read_settings(settings)).run()
    return {"seconds": time.perf_counter() - start, "search_seconds": 0.0, "peak_mb": _peak_mb()}


# Runner ------------------------------------------------------------------------------------


def _run_worker(kind: str, settings: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "TZ": "UTC"}
    result = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(settings)],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.parent,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench: the {kind} build failed:\n{result.stderr.strip()}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _fastest(runs: list[dict]) -> dict:
    return min(runs, key=lambda run: run["seconds"] + run["search_seconds"])


def _edit_one_source(content: Path, revision: int) -> None:
    """One more sentence at the end of one source, in either tree's layout."""
    (source,) = content.glob("*/*source-00000.md")
    with source.open("a", encoding="utf-8") as file:
        file.write(f"The report was revised {revision + 1} times.\n")


def measure(size: int, repeat: int, workdir: Path) -> dict:
    corpus = Corpus(size)
    trees = {}
    for kind in ("full", "plain"):
        folder = workdir / f"{kind}-{size}"
        content = folder / "content"
        (corpus.write if kind == "full" else corpus.write_plain_pelican)(content)
        template = FULL_SETTINGS if kind == "full" else PLAIN_SETTINGS
        settings = template.format(
            root=str(ROOT),
            content=str(content),
            output=str(folder / "output"),
            theme=str(ROOT / "theme"),
            plugins=str(ROOT / "plugins"),
            cache=str(folder / "cache"),
        )
        (folder / "cached.py").write_text(settings, encoding="utf-8")
        (folder / "cold.py").write_text(settings + NO_CACHE, encoding="utf-8")
        trees[kind] = folder
    figures = {mode: [] for mode in MODES}
    for _ in range(repeat):
        for kind, folder in trees.items():
            figures[f"{kind}_cold"].append(_run_worker(kind, folder / "cold.py"))
            shutil.rmtree(folder / "cache", ignore_errors=True)
            _run_worker(kind, folder / "cached.py")  # fills the cache
            _edit_one_source(folder / "content", len(figures[f"{kind}_warm"]))
            figures[f"{kind}_warm"].append(_run_worker(kind, folder / "cached.py"))
    pages = sum(1 for _ in (trees["full"] / "output").rglob("*.html"))
    return {
        "sources": size,
        "files": len(corpus.files),
        "pages_written": pages,
        **{mode: _fastest(runs) for mode, runs in figures.items()},
    }


def growth_exponent(sizes: list[int], seconds: list[float]) -> float:
    """The slope of log(time) against log(size), by least squares: 1 is linear, 2 quadratic."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in seconds]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def summarise(results: list[dict]) -> dict:
    for row in results:
        full = row["full_cold"]
        full["total_seconds"] = full["seconds"] + full["search_seconds"]
        row["overhead"] = full["seconds"] / row["plain_cold"]["seconds"]
        row["overhead_with_search"] = full["total_seconds"] / row["plain_cold"]["seconds"]
        row["ms_per_source"] = 1000 * full["total_seconds"] / row["sources"]
        row["warm_over_cold"] = row["full_warm"]["seconds"] / full["seconds"]
    sizes = [row["sources"] for row in results]
    at = min(sizes, key=lambda size: (abs(size - TARGET_SOURCES), -size))
    chosen = next(row for row in results if row["sources"] == at)
    exponent = growth_exponent(sizes, [row["full_cold"]["total_seconds"] for row in results])
    return {
        "overhead_at": at,
        "overhead": chosen["overhead"],
        "growth_exponent": exponent,
        "warm_over_cold": chosen["warm_over_cold"],
        "targets_met": chosen["overhead"] <= TARGET_OVERHEAD
        and exponent <= TARGET_EXPONENT
        and chosen["warm_over_cold"] <= TARGET_WARM,
    }


def _print_table(results: list[dict]) -> None:
    print(
        f"{'sources':>8} {'full s':>8} {'search s':>9} {'warm s':>8} {'warm/cold':>10} {'plain s':>8} "
        f"{'plain warm s':>13} {'overhead':>9} {'ms/source':>10} {'peak MB':>8}"
    )
    for row in results:
        full, warm, plain = row["full_cold"], row["full_warm"], row["plain_cold"]
        print(
            f"{row['sources']:>8} {full['seconds']:>8.2f} {full['search_seconds']:>9.2f} "
            f"{warm['seconds']:>8.2f} {row['warm_over_cold']:>10.2f} {plain['seconds']:>8.2f} "
            f"{row['plain_warm']['seconds']:>13.2f} {row['overhead']:>8.2f}x "
            f"{row['ms_per_source']:>10.1f} {full['peak_mb']:>8.0f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build-time benchmark against plain Pelican.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the fastest counts")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "SETTINGS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_work(*args.worker)))
        return 0
    if len(set(args.sizes)) < 2:
        parser.error("give at least two different sizes, to measure growth")
    results = []
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as workdir:
        for size in sorted(set(args.sizes)):
            print(f"bench: {size} sources...", flush=True)
            results.append(measure(size, args.repeat, Path(workdir)))
    summary = summarise(results)
    args.out.mkdir(parents=True, exist_ok=True)
    report = {
        "machine": {
            "python": platform.python_version(),
            "system": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "repeat": args.repeat,
        "targets": {
            "overhead": TARGET_OVERHEAD,
            "at_sources": TARGET_SOURCES,
            "growth_exponent": TARGET_EXPONENT,
            "warm_over_cold": TARGET_WARM,
        },
        "summary": summary,
        "results": results,
    }
    (args.out / "bench.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (args.out / "bench.svg").write_text(chart_svg(results), encoding="utf-8")
    _print_table(results)
    print(f"bench: figures in {os.path.relpath(args.out)}/bench.json, chart in bench.svg")
    print(
        f"bench: a rebuild after one edit takes {summary['warm_over_cold']:.2f} of a cold build "
        f"at {summary['overhead_at']} sources"
    )
    print(
        f"bench: overhead {summary['overhead']:.2f}x at {summary['overhead_at']} sources; "
        f"growth exponent {summary['growth_exponent']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
