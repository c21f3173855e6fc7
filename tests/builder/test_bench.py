"""`make bench` keeps working as the content model changes. Its figures are not asserted here:
time is measured by the benchmark, never by a test."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from bench import growth_exponent  # noqa: E402
from synthetic_corpus import Corpus  # noqa: E402

pytestmark = pytest.mark.slow


def test_bench_builds_synthetic_content_and_reports_the_summary_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "tools/bench.py", "--sizes", "5", "15", "--repeat", "1", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"bench: overhead \d+\.\d\dx at 15 sources; growth exponent -?\d+\.\d\d", last)
    assert re.search(r"^bench: a rebuild after one edit takes \d+\.\d\d of a cold build at 15 sources$",
                     result.stdout, re.MULTILINE)  # fmt: skip
    report = json.loads((tmp_path / "bench.json").read_text())
    assert report["summary"]["warm_over_cold"] == report["results"][1]["warm_over_cold"] > 0
    assert [row["sources"] for row in report["results"]] == [5, 15]
    row = report["results"][1]
    for mode in ("full_cold", "full_warm", "plain_cold", "plain_warm"):
        assert row[mode]["seconds"] > 0 and row[mode]["peak_mb"] > 0
    assert row["full_cold"]["search_seconds"] > 0
    # Every kind of page was written: sources, entities, timeline filters, search…
    assert row["pages_written"] > 15 + 8 + 8
    chart = ET.parse(tmp_path / "bench.svg").getroot()
    assert chart.tag.endswith("svg") and len(chart.findall("{http://www.w3.org/2000/svg}polyline")) == 4


@pytest.mark.parametrize(("seconds", "exponent"), [([1, 2, 4], 1.0), ([1, 4, 16], 2.0), ([3, 3, 3], 0.0)])
def test_growth_exponent_tells_linear_from_quadratic(seconds, exponent):
    assert growth_exponent([100, 200, 400], seconds) == pytest.approx(exponent)


def test_synthetic_content_is_reproducible_and_has_every_kind():
    first, second = Corpus(12), Corpus(12)
    assert first.files == second.files
    kinds = {path.split("/")[0] for path in first.files}
    assert kinds == {"sources", "events", "entities", "campaigns", "claims", "pages"}
    # Sources name entities, and other sources quote the primary document.
    names = [name for _, name in first.entities]
    sources = [text for path, text in first.files.items() if path.startswith("sources/source-")]
    assert all(any(name in text for name in names) for text in sources)
    assert all("The letter says \u201c" in text for text in sources)
