"""The region's colours (regio.yml: site.kleuren) must keep every page readable (WCAG 2.1 AA, success criterion 1.4.3).

sitedata.colours_css makes `primair` the colour of links and headings on white and the background of the header and
of buttons under white text, and `accent` the colour of a link under the mouse or keyboard focus (on white). Text in
either colour, or white text on it, needs a contrast of at least 4.5 : 1 with white. A region's brand yellow passed
the pattern check (#rrggbb) and made every page fail: white header text on #ffcc00 has a contrast of 1.5 : 1.
"""
from __future__ import annotations

from collections.abc import Iterator

MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text
ROLES = {"primair": "witte tekst erop (de kop van elke pagina, knoppen) en links en koppen in deze kleur op wit",
         "accent": "een link in deze kleur op wit, als de muis erop staat of hij de focus heeft"}


def _channel(value: int) -> float:
    """One sRGB channel (0-255) as linear light (WCAG 2.1's definition of relative luminance)."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_with_white(colour: str) -> float:
    """WCAG's contrast ratio of '#rrggbb' and white: from 1 (white) to 21 (black)."""
    return 1.05 / (luminance(colour) + 0.05)


def darker(colour: str) -> str:
    """The same colour made darker step by step until it has enough contrast with white: a suggestion."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    for step in range(100, -1, -1):
        shade = "#" + "".join(f"{round(c * step / 100):02x}" for c in rgb)
        if contrast_with_white(shade) >= MIN_CONTRAST:
            return shade
    return "#000000"


def colour_problems(kleuren: object) -> Iterator[tuple[str, str]]:
    """(field, Dutch message) for each colour of `site.kleuren` (schema-valid: '#rrggbb') that is too light."""
    if not isinstance(kleuren, dict):
        return
    for field, role in ROLES.items():
        colour = kleuren.get(field)
        if not isinstance(colour, str):
            continue
        ratio = contrast_with_white(colour)
        if ratio < MIN_CONTRAST:
            shown = f"{ratio:.1f}".replace(".", ",")
            yield field, (f"De kleur {colour} is te licht. Dan is {role} slecht te lezen: het contrast met wit is "
                          f"{shown} : 1, en er is minstens 4,5 : 1 nodig (WCAG 2.1 AA). Kies een donkerdere kleur, "
                          f"bijvoorbeeld {darker(colour)}.")
