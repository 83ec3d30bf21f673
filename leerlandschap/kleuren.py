"""The region's colours (regio.yml: site.kleuren) against WCAG 2.1 AA, which the kit promises on every page.

The site uses both colours as text on white, and the primary colour also behind white text (assets/regio.css sets
Material's colours): the primary colour for the header, buttons and links, the accent colour for a link under the
mouse or in focus and for the focus ring. Text needs a contrast of at least 4.5 to 1 (success criterion 1.4.3). A
colour of the region file reached every page unchecked: a yellow header made the site fail AA everywhere, while the
automatic tests, which use the kit's own colours, passed.
"""
from __future__ import annotations

WHITE = "#ffffff"
MIN_TEXT = 4.5  # WCAG 2.1, 1.4.3 (contrast, minimum) for normal text

USE = {  # what a reader meets of each colour (Dutch, for the message)
    "primair": "Links en knoppen in deze kleur, en de witte tekst in de kopbalk, zijn dan slecht te lezen.",
    "accent": "Een link waar je muis op staat, of die de focus heeft, is dan slecht te lezen.",
}


def luminance(colour: str) -> float:
    """Relative luminance of #rrggbb (WCAG 2.1's definition, sRGB)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG's contrast ratio of two #rrggbb colours, from 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colour_problem(key: str, colour: str) -> str:
    """The message for a colour of the region file with too little contrast on white, or '' when it has enough."""
    ratio = contrast(colour, WHITE)
    if ratio >= MIN_TEXT:
        return ""
    shown = f"{int(ratio * 10) / 10:.1f}".replace(".", ",")  # rounded down: 4.48 is never shown as 4,5
    return (f"De kleur {colour} heeft te weinig contrast met wit: {shown} op 1. {USE[key]} "
            "Kies een donkerdere kleur. Het contrast met wit moet minstens 4,5 op 1 zijn (WCAG 2.1, niveau AA), "
            "bijvoorbeeld #1d4f91.")
