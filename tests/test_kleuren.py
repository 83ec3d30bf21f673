"""The region's colours keep every page readable: a colour with too little contrast with white is refused with its line.

Requirement: WCAG 2.1 AA (success criterion 1.4.3): text, and white text on a colour, at least 4.5 : 1. The region's
`primair` is the header's background under white text and the colour of links and headings on white; `accent` the
colour of a link under the mouse or focus. Found by a red-team walk: `primair: "#ffcc00"` (a brand yellow) passed the
check, and every page had white header text at 1.5 : 1. Expected contrasts below are WCAG's own examples and
arithmetic: #767676 is the lightest grey with 4.5 : 1 on white (4.54), #777777 just misses it (4.48).
"""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import EXAMPLE_CONTENT
from leerlandschap.kleuren import contrast_with_white, darker
from leerlandschap.loader import check_content

REGIO = "regio.yml"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    content = tmp_path_factory.mktemp("kleuren") / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    return content


def checked(pristine, tmp_path, primair: str, accent: str) -> tuple[object, list[str], dict[str, int]]:
    content = tmp_path / "content"
    shutil.copytree(pristine, content)
    path = content / REGIO
    text = path.read_text(encoding="utf-8")
    old = '  kleuren:\n    primair: "#1d4f91"\n    accent: "#a3320b"\n'
    assert old in text
    text = text.replace(old, f'  kleuren:\n    primair: "{primair}"\n    accent: "{accent}"\n')
    path.write_text(text, encoding="utf-8")
    lines = {field: text.splitlines().index(f'    {field}: "{value}"') + 1
             for field, value in (("primair", primair), ("accent", accent))}
    result, found = check_content(content, tmp_path)
    return result, [str(p) for p in found], lines


@pytest.mark.parametrize(("primair", "accent", "wrong", "ratio"), [
    ("#ffcc00", "#a3320b", "primair", "1,5"),  # the example: a brand yellow under white header text
    ("#1d4f91", "#ff9900", "accent", "2,1"),  # an orange hover colour for links on white
    ("#777777", "#a3320b", "primair", "4,5"),  # just under the limit (4.48 rounds to 4,5 but fails)
])
def test_a_colour_with_too_little_contrast_is_refused_at_its_line(pristine, tmp_path, primair, accent, wrong, ratio):
    result, found, lines = checked(pristine, tmp_path, primair, accent)
    colour = primair if wrong == "primair" else accent
    assert result is None
    [message] = [m for m in found if m.startswith(f"content/{REGIO}:{lines[wrong]}: {wrong}: ")]
    assert f"De kleur {colour} is te licht." in message
    assert f"het contrast met wit is {ratio} : 1, en er is minstens 4,5 : 1 nodig (WCAG 2.1 AA)" in message
    suggestion = re.fullmatch(r".* Kies een donkerdere kleur, bijvoorbeeld (#[0-9a-f]{6})\.", message).group(1)
    assert 4.5 <= contrast_with_white(suggestion) < 5  # readable, and not much darker than needed
    assert suggestion != "#000000"


def test_colours_with_enough_contrast_pass(pristine, tmp_path):
    result, found, _ = checked(pristine, tmp_path, "#767676", "#000000")
    assert result is not None and found == []


def test_the_contrast_is_wcags():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert contrast_with_white("#ffffff") == 1.0
    assert round(contrast_with_white("#767676"), 2) == 4.54 and round(contrast_with_white("#777777"), 2) == 4.48
    assert darker("#1d4f91") == "#1d4f91"  # enough already: unchanged
