"""Every field the site renders as Markdown gets the checker's Markdown limits, whatever its kind.

Requirement: text that Python-Markdown reads is checked as Markdown before a build (textcheck.markdown_problems:
nesting, lines, brackets, emphasis), with a Dutch message at the field's line. A bron's toelichting was rendered as
Markdown while its schema called it plain text, so none of these limits applied to it (and the editor showed a plain
text box). tests/test_cms_config.py checks that templates and schemas agree; this checks what the checker does.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE_CONTENT
from leerlandschap.loader import check_content

# One file of each kind whose page renders a Markdown field, and that field.
FIELDS = [
    ("bronnen/voorbeeld.yml", "toelichting"),
    ("bouwstenen/coordineer-het-leren.yml", "toelichting"),
    ("themas/anders-doen.yml", "toelichting"),
    ("praktijken/bestuurlijk-intervisienetwerk.yml", "beschrijving"),
    ("tafels/intervisiegroep-1.yml", "doel"),
    ("tafels/intervisiegroep-1/2024-06-24.yml", "verslag"),
    ("vragensets/teamsessie-leren-klein-en-concreet.yml", "werkwijze"),
    ("regio.yml", "beschrijving"),
]
TOO_DEEP = "\n".join("    " * i + "- a" for i in range(12))  # twelve lists inside each other; ten may


def set_field(content: Path, rel: str, field: str, value: str) -> int:
    """Write `value` into `field` of a content file (the rest as it was); the line the field starts on."""
    path = content / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[field] = value
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")
    return text.splitlines().index(next(line for line in text.splitlines() if line.startswith(f"{field}:"))) + 1


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    content = tmp_path_factory.mktemp("md") / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    return content


@pytest.mark.parametrize(("rel", "field"), FIELDS, ids=[f"{rel.split('/')[0]}-{field}" for rel, field in FIELDS])
def test_markdown_limits_hold_in_every_markdown_field(pristine, tmp_path, rel, field):
    content = tmp_path / "content"
    shutil.copytree(pristine, content)
    line = set_field(content, rel, field, TOO_DEEP)
    result, found = check_content(content, tmp_path)
    messages = [str(p) for p in found]
    assert result is None and any(
        m.startswith(f"content/{rel}:{line}: {field}: ") and "12 lijsten of citaten in elkaar" in m for m in messages), messages


@pytest.mark.parametrize(("rel", "field"), FIELDS[:1] + FIELDS[3:4], ids=["bron", "praktijk"])
def test_a_markdown_field_keeps_its_lines(pristine, tmp_path, rel, field):
    """The other side of the rule: more lines stay allowed in these fields."""
    content = tmp_path / "content"
    shutil.copytree(pristine, content)
    set_field(content, rel, field, "Eerste alinea met **vet**.\n\n- een punt\n- nog een " + json.dumps("punt"))
    result, found = check_content(content, tmp_path)
    assert result is not None and found == [], [str(p) for p in found]
