"""The GitHub workflows and forms are valid against GitHub's own schemas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

GITHUB = ROOT / ".github"
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", sorted((GITHUB / "workflows").glob("*.yml"))),
        ("vendor.github-issue-forms", [GITHUB / "ISSUE_TEMPLATE" / "correction.yml"]),
    ],
)
def test_files_match_githubs_schema(schema, files):
    assert files
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def workflow(name: str) -> dict:
    return yaml.safe_load((GITHUB / "workflows" / name).read_text())


def steps_running(workflow_data: dict) -> list[str]:
    return [step.get("run", "") for job in workflow_data["jobs"].values() for step in job["steps"]]


def test_tests_run_on_pull_requests_and_pushes_with_browsers_required():
    data = workflow("test.yml")
    assert {"pull_request", "push"} <= set(data[True])  # YAML 1.1 reads the key "on" as True
    assert "make test" in steps_running(data)
    test_step = next(s for s in data["jobs"]["test"]["steps"] if s.get("run") == "make test")
    assert test_step["env"]["EXPLAINER_REQUIRE_BROWSER_TESTS"] == "1"
    uses = [step.get("uses", "") for step in data["jobs"]["test"]["steps"]]
    assert any(u.startswith("actions/upload-artifact") for u in uses)


def test_pages_deploy_only_after_tests_pass_with_the_pages_base_url():
    data = workflow("pages.yml")
    assert data[True]["workflow_run"]["workflows"] == ["Tests"]
    assert "conclusion == 'success'" in data["jobs"]["build"]["if"]
    build_steps = data["jobs"]["build"]["steps"]
    publish = next(s for s in build_steps if s.get("run") == "make publish")
    assert publish["env"]["SITEURL"] == "${{ steps.pages.outputs.base_url }}"
    uses = [s.get("uses", "") for s in build_steps + data["jobs"]["deploy"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert data["jobs"]["deploy"]["needs"] == "build"
