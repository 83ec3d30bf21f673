"""A fold (details/summary) shows where the keyboard is (WCAG 2.4.7), in a real headless Chromium.

Requirement: a keyboard user who tabs to "Zo zet je de agenda in Outlook, ..." on a tafel, "Zo leren we samen: ..." on
the home page, or the folded "Ook gezocht op ..." line of a search, sees a focus ring there, as on every link and
button of the site: an outline of at least 2 px in a colour that stands out against the white page (3:1, WCAG 1.4.11).
Material draws none on a summary without its script bundle, which this site does not load.
"""
import re

import pytest

FOLDS = {
    "tafel": ("tafels/voorbeeldtafel-jongeren-rond-18/", "Zo zet je de agenda in Outlook"),
    "home": ("", "Zo leren we samen"),
    "zoeken": ("zoeken/?q=overleg", "Ook gezocht op"),
}


def luminance(rgb: tuple[int, ...]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("fold", FOLDS)
def test_a_fold_shows_the_keyboard_focus(kept_page, example_site, fold):
    _, url = example_site
    path, text = FOLDS[fold]
    page = kept_page()
    page.goto(url + path)
    summary = page.locator("summary", has_text=text)
    summary.wait_for()
    page.keyboard.press("Tab")  # the reader uses the keyboard ...
    summary.evaluate("el => el.focus()")  # ... and is on the fold (focused the way Tab does, without 100 presses)
    assert summary.evaluate("el => el.matches(':focus-visible')")
    style = summary.evaluate("""el => { const s = getComputedStyle(el);
        return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor}; }""")
    assert style["style"] not in ("none", "hidden") and style["width"] >= 2, style
    rgb = tuple(int(n) for n in re.findall(r"\d+", style["color"])[:3])
    assert (1.0 + 0.05) / (luminance(rgb) + 0.05) >= 3, style  # against the white page
