"""A field the schema calls a whole number (`type: integer`) takes a whole number as written, nothing else.

Found by a red-team probe: JSON Schema counts 2024.0 as an integer, and YAML reads `jaar: 2024.0` as a float, so
the checker let it through and the pages showed 'Ruimte voor leren (2024.0)' (a duration as '45.0 minuten').
Expected: a Dutch message at the field's line that says a whole number belongs there and what stands there.
"""
from __future__ import annotations

import shutil

import pytest

from conftest import EXAMPLE_CONTENT
from leerlandschap.loader import check_content
from leerlandschap.opendata import export_validator
from leerlandschap.schemas import Validator


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    content = tmp_path_factory.mktemp("getallen") / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    return content


# (file, old text or None to append, new text, field, value as said): the example plus two more of the class
CASES = [
    ("bronnen/ruimte-voor-leren.yml", None, "jaar: 2024.0\n", "jaar", "2024.0"),
    ("vragensets/teamsessie-leren-klein-en-concreet.yml", "duur_minuten: 45\n", "duur_minuten: 45.0\n", "duur_minuten", "45.0"),
    ("bouwstenen/maak-leren-klein-en-concreet.yml", "volgorde: 4\n", "volgorde: 4.0\n", "volgorde", "4.0"),
]


@pytest.mark.parametrize(("rel", "old", "new", "field", "said"), CASES, ids=[c[3] for c in CASES])
def test_a_whole_number_written_with_a_decimal_point_is_refused_at_its_line(pristine, tmp_path, rel, old, new, field,
                                                                           said):
    content = tmp_path / "content"
    shutil.copytree(pristine, content)
    path = content / rel
    text = path.read_text(encoding="utf-8")
    assert field + ":" not in text or old is not None
    changed = text + new if old is None else text.replace(old, new, 1)
    path.write_text(changed, encoding="utf-8")
    line = changed[:changed.index(new)].count("\n") + 1
    result, found = check_content(content, tmp_path)
    assert result is None
    assert f"content/{rel}:{line}: {field}: Hier hoort een heel getal te staan, maar er staat het getal {said}." in \
        [str(p) for p in found]


def test_whole_numbers_and_their_limits_still_pass():
    schema = {"type": "object", "properties": {"n": {"type": "integer", "minimum": 1}}}
    assert list(Validator(schema).iter_errors({"n": 2024})) == []
    assert [e.validator for e in Validator(schema).iter_errors({"n": 0})] == ["minimum"]
    assert [e.validator for e in Validator(schema).iter_errors({"n": True})] == ["type"]  # a yes/no is no number


def test_a_neighbours_whole_number_with_a_decimal_point_is_refused_too():
    """The export validator is the same one: a neighbour's `aantal: 3.0` does not pass as a whole number."""
    schema = {"type": "object", "properties": {"aantal": {"type": "integer"}}}
    assert [e.validator for e in export_validator(schema).iter_errors({"aantal": 3.0})] == ["type"]
