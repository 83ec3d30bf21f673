"""The built HTML is valid (html-validate from npm, pinned), apart from a short list of accepted rules."""
import json
import shutil
import subprocess

import pytest

from conftest import ROOT

CLI = ROOT / "node_modules" / "html-validate" / "bin" / "html-validate.mjs"


def validate(files, tmp_path):
    if not shutil.which("node") or not CLI.is_file():
        pytest.fail("node and the npm tools are needed: run 'make test', which installs them with npm ci")
    report = tmp_path / "html-validate.json"  # a file, not stdout: node cuts long output to a pipe at exit
    result = subprocess.run(["node", str(CLI), "--config", str(ROOT / ".htmlvalidate.cjs"), "--formatter",
                             f"json={report}", *map(str, files)], capture_output=True, text=True)
    return result.returncode, json.loads(report.read_text())


def test_every_built_page_is_valid_html(example_site, tmp_path):
    project, _ = example_site
    files = sorted((project / "site").rglob("*.html"))
    assert len(files) > 100
    code, report = validate(files, tmp_path)
    problems = [f"{f['filePath']}:{m['line']}: {m['ruleId']}: {m['message']}" for f in report for m in f["messages"]]
    assert problems == [] and code == 0


def test_the_validator_really_reports_invalid_html(tmp_path):
    page = tmp_path / "kapot.html"
    page.write_text('<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body><div><p>open</div>'
                    '<img src="a.png"></body></html>')
    code, report = validate([page], tmp_path)
    rules = {m["ruleId"] for f in report for m in f["messages"]}
    assert code == 1 and {"no-implicit-close", "wcag/h37"} <= rules
