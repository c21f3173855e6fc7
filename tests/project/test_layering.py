"""The build's stages import downward only, as ARCHITECTURE.md's codemap says, and import-linter
holds every package of the plugin to it (`.importlinter`, run by `make lint`)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

CONFIG = ROOT / ".importlinter"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(plugins: Path = ROOT / "plugins") -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(CONFIG), "--no-cache", "--no-logo"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(plugins)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _layers() -> list[set[str]]:
    config = configparser.ConfigParser()
    config.read(CONFIG)
    layers = config["importlinter:contract:stages"]["layers"].split("\n")
    return [
        {name.strip().removeprefix("explainer.") for name in layer.split("|")} for layer in layers if layer
    ]


def test_every_package_of_the_plugin_has_its_place_among_the_stages():
    packages = {p.parent.name for p in (ROOT / "plugins" / "explainer").glob("*/__init__.py")}
    placed = set().union(*_layers())
    assert placed == packages


def test_the_stages_import_downward_only():
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_import_up_the_stages_is_refused_with_its_line(tmp_path):
    """What the contract finds, shown on a copy: the lowest stage importing the highest."""
    plugins = tmp_path / "plugins"
    shutil.copytree(ROOT / "plugins", plugins, ignore=shutil.ignore_patterns("__pycache__"))
    lowest, highest = sorted(_layers()[-1])[0], sorted(_layers()[0])[0]
    module = plugins / "explainer" / lowest / "__init__.py"
    module.write_text(module.read_text() + f"from ..{highest} import cli  # noqa\n")
    result = lint_imports(plugins)
    assert result.returncode == 1
    assert f"explainer.{lowest} -> explainer.{highest}.cli (l." in result.stdout, result.stdout


def test_the_tests_follow_the_same_folders():
    """Each stage's tests stand in a folder of its name (ARCHITECTURE.md, "Codemap")."""
    packages = {p.parent.name for p in (ROOT / "plugins" / "explainer").glob("*/__init__.py")}
    tested = {p.parent.name for p in (ROOT / "tests").glob("*/test_*.py")}
    assert packages <= tested, packages - tested
