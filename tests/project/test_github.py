"""The GitHub workflow, Dependabot and forms: valid against GitHub's schemas, and safe by zizmor."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOW = GITHUB / "workflows" / "site.yml"
TOOLS = Path(sys.executable).parent
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", sorted((GITHUB / "workflows").glob("*.yml"))),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
        ("vendor.github-issue-forms", [GITHUB / "ISSUE_TEMPLATE" / "correction.yml"]),
    ],
)
def test_files_match_githubs_schema(schema, files):
    assert files
    result = subprocess.run(
        [str(TOOLS / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def zizmor_findings(folder: Path, min_severity: str = "medium") -> list[str]:
    """zizmor's findings at `min_severity` or above, as `path:line: audit — description`.

    Offline (no GitHub API), and with ignore comments disregarded, so none can be silenced."""
    result = subprocess.run(
        [str(TOOLS / "zizmor"), "--offline", "--no-ignores", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip(), result.stderr  # zizmor exits non-zero when it finds anything
    severities = ["informational", "low", "medium", "high"]
    wanted = severities[severities.index(min_severity) :]
    return [
        f"{where['symbolic']['key']['Local']['verbatim_path']}:"
        f"{where['concrete']['location']['start_point']['row'] + 1}: {finding['ident']} — {finding['desc']}"
        for finding in json.loads(result.stdout)
        if finding["determinations"]["severity"].lower() in wanted
        for where in finding["locations"][:1]
    ]


def test_zizmor_finds_nothing_of_medium_severity_or_above():
    """Over the workflow, Dependabot's configuration and the pre-commit hooks."""
    assert zizmor_findings(ROOT) == []


def test_zizmor_as_run_here_reports_what_the_old_workflows_had(tmp_path):
    """The check above can fail: an action by tag and a checkout that keeps its credentials."""
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "old.yml").write_text(
        "on: push\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: actions/checkout@v4\n"
    )
    found = zizmor_findings(tmp_path)
    assert any("unpinned-uses" in finding for finding in found), found
    assert any("artipacked" in finding for finding in found), found


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def _step(job: dict, uses: str) -> dict:
    return next(step for step in job["steps"] if step.get("uses", "").startswith(uses + "@"))


_TOKEN = re.compile(r"\s*(?:(?P<string>'[^']*')|(?P<op>==|!=|&&|\|\||!|\(|\))|(?P<name>[\w.]+))")


def runs_when(condition: str | None, event: str, ref: str = "refs/heads/main") -> bool:
    """Whether a job's or step's `if:` holds for an event, read as GitHub reads the expressions
    the workflow uses (strings, github.* names, ==, !=, !, && and ||); no condition always holds."""
    if condition is None:
        return True
    context = {"github.event_name": event, "github.ref": ref}
    tokens = [m for m in _TOKEN.finditer(condition.removeprefix("${{").removesuffix("}}").strip())]
    position = 0

    def take():
        nonlocal position
        position += 1
        return tokens[position - 1]

    def peek(op):
        return position < len(tokens) and tokens[position]["op"] == op

    def value():
        token = take()
        if token["op"] == "!":
            return not value()
        if token["op"] == "(":
            inner = either()
            assert take()["op"] == ")", condition
            return inner
        if token["string"]:
            return token["string"][1:-1]
        assert token["name"] in context, f"{token['name']} is not known to this reading"
        return context[token["name"]]

    def compared():
        left = value()
        while peek("==") or peek("!="):
            equal = take()["op"] == "=="
            right = value()
            left = (left == right) if equal else (left != right)
        return left

    def both():
        result = compared()
        while peek("&&"):
            take()
            result = compared() and result
        return result

    def either():
        result = both()
        while peek("||"):
            take()
            result = both() or result
        return result

    result = either()
    assert position == len(tokens), condition
    return bool(result)


def test_the_reading_of_conditions_tells_events_apart():
    both = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert runs_when(both, "push") and not runs_when(both, "push", "refs/heads/x")
    assert not runs_when(both, "pull_request") and runs_when("!(" + both + ")", "pull_request")
    assert runs_when("github.event_name == 'pull_request' || github.ref != 'refs/heads/main'", "push", "x")


def test_it_is_the_only_workflow_and_nothing_starts_it_from_another_run():
    assert [path.name for path in (GITHUB / "workflows").iterdir()] == ["site.yml"]
    triggers = workflow()[True]  # YAML 1.1 reads the key "on" as True
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"]["branches"] == ["main"]


def test_tests_run_on_pull_requests_and_pushes_with_browsers_required():
    test = workflow()["jobs"]["test"]
    assert runs_when(test.get("if"), "pull_request") and runs_when(test.get("if"), "push")
    runs = [step.get("run") for step in test["steps"]]
    assert runs.index("make check") < runs.index("make test")
    test_step = next(s for s in test["steps"] if s.get("run") == "make test")
    assert test_step["env"]["EXPLAINER_REQUIRE_BROWSER_TESTS"] == "1"
    assert test_step["env"]["CHROMIUM_PATH"]
    preview = _step(test, "actions/upload-artifact")
    assert runs_when(preview.get("if"), "pull_request") and not runs_when(preview.get("if"), "push")
    assert preview["with"]["path"] == "output/"


def test_pages_deploy_only_on_main_after_the_tests_with_the_pages_base_url():
    deploy = workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    condition = deploy.get("if")
    assert runs_when(condition, "push", "refs/heads/main")
    assert not runs_when(condition, "push", "refs/heads/feature")
    assert not runs_when(condition, "pull_request", "refs/pull/1/merge")
    assert not runs_when(condition, "pull_request", "refs/heads/main")
    # The address comes from the Pages configuration step's output, not from the event.
    pages = _step(deploy, "actions/configure-pages")
    publish = next(s for s in deploy["steps"] if s.get("run") == "make publish")
    assert publish["env"]["SITEURL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert deploy["steps"].index(pages) < deploy["steps"].index(publish)
    assert _step(deploy, "actions/upload-pages-artifact")["with"]["path"] == "output/"
    _step(deploy, "actions/deploy-pages")
    # Pages' "last changed" and feed entries are dated from git; the production build stops in
    # a shallow clone, so both jobs that build it (the tests build one too) fetch the whole history.
    for job in (deploy, workflow()["jobs"]["test"]):
        assert _step(job, "actions/checkout")["with"]["fetch-depth"] == 0


def test_only_the_deploy_job_may_write():
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    writes = {
        name: {scope for scope, level in job.get("permissions", {}).items() if level == "write"}
        for name, job in data["jobs"].items()
    }
    assert writes == {name: set() for name in data["jobs"]} | {"deploy": {"pages", "id-token"}}


def test_every_checkout_drops_its_credentials():
    jobs = workflow()["jobs"].values()
    checkouts = [s for job in jobs for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_every_action_is_pinned_to_a_commit_with_its_release_named():
    lines = [line for line in WORKFLOW.read_text().splitlines() if "uses:" in line]
    assert lines and [line for line in lines if not PINNED.match(line)] == []


def test_dependabot_keeps_the_actions_and_both_requirement_files_current():
    updates = yaml.safe_load((GITHUB / "dependabot.yml").read_text())["updates"]
    assert {(u["package-ecosystem"], u["directory"]) for u in updates} == {
        ("github-actions", "/"),
        ("pip", "/"),
    }
    # Dependabot's pip updater reads every requirements file in the folder, and re-runs
    # pip-compile (with the options in the header) on the ones it made.
    for name in ("requirements", "requirements-test"):
        command = (ROOT / f"{name}.txt").read_text().splitlines()[4]
        assert command.startswith("#    pip-compile ") and command.endswith(f" {name}.in"), command


def test_pull_requests_get_a_summary_of_what_they_change_on_the_site():
    test = workflow()["jobs"]["test"]
    step = next(s for s in test["steps"] if "make diff" in s.get("run", ""))
    preview = _step(test, "actions/upload-artifact")
    assert runs_when(step.get("if"), "pull_request") and not runs_when(step.get("if"), "push")
    # It names the artifact the preview step uploads, after that step, and writes the job summary.
    assert f"ARTIFACT={preview['with']['name']}" in step["run"]
    assert test["steps"].index(step) > test["steps"].index(preview)
    assert 'SUMMARY="$GITHUB_STEP_SUMMARY"' in step["run"]
    # The base commit comes through env: nothing from the event is spliced into the script.
    assert "${{" not in step["run"] and step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
