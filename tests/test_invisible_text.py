"""A text must show something: a field of only invisible characters, or a one-line text that starts or ends with one,
is refused at its line with a Dutch message.

Found by a red-team probe: a title pasted as a zero-width space (U+200B), a word joiner or a Hangul filler passed the
checker (minLength counts characters, and Python's strip() leaves them), and became an empty heading, a link without
a name in every list (WCAG 2.4.4) and an empty entry in the feed and calendars. Emoji that end in a variation selector
or tag characters ('❤️', a flag) are real text and stay allowed.
"""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import EXAMPLE_CONTENT
from leerlandschap.loader import check_content

PRAKTIJK = "praktijken/bestuurlijk-intervisienetwerk.yml"
NOTHING = "In deze tekst staat niets leesbaars: alleen spaties of onzichtbare tekens."


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    content = tmp_path_factory.mktemp("onzichtbaar") / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    return content


def check_field(pristine, tmp_path, field: str, value: str) -> tuple[object, list[str], int]:
    """The praktijk with `field` set to `value` (between double quotes, line breaks as \\n); its line."""
    content = tmp_path / "content"
    shutil.copytree(pristine, content)
    path = content / PRAKTIJK
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    end = number + 1
    while end < len(lines) and (lines[end].startswith("  ") or not lines[end].strip()):  # a block text's lines
        end += 1
    lines[number:end] = [f"{field}: {json.dumps(value, ensure_ascii=False)}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, found = check_content(content, tmp_path)
    return result, [str(p) for p in found], number + 1


@pytest.mark.parametrize(("field", "value", "said"), [
    ("titel", "\u200b", NOTHING),  # the example: a zero-width space as the whole title
    ("samenvatting", "\u3164 \u2060", NOTHING),  # a Hangul filler, a space and a word joiner
    ("beschrijving", "\u00ad\n\n\u200b", NOTHING),  # a Markdown field: soft hyphen, empty line, zero-width space
    ("titel", "Intervisie\u200b", "Deze tekst begint of eindigt met een onzichtbaar teken (U+200B)."),
], ids=["zero-width", "filler", "markdown", "at-the-end"])
def test_a_text_without_anything_readable_is_refused_at_its_line(pristine, tmp_path, field, value, said):
    result, found, line = check_field(pristine, tmp_path, field, value)
    assert result is None
    assert any(m.startswith(f"content/{PRAKTIJK}:{line}: {field}: {said}") for m in found), found


@pytest.mark.parametrize("value", ["Samen leren \u2764\ufe0f", "Team \U0001F469\u200d\U0001F4BB",
                                   "Schotland \U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
                                   "Af\u00adstem\u00admen"])
def test_emoji_and_soft_hyphens_inside_a_text_stay_allowed(pristine, tmp_path, value):
    result, found, _ = check_field(pristine, tmp_path, "titel", value)
    assert result is not None and found == [], found
