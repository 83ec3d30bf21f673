"""The landscape at a glance: tafels by kind and status, how well the bouwstenen are covered, and what that says.

Numbers, sentences and chart layout only; the page template draws the charts as SVG (no chart library, nothing
fetched) and repeats the numbers in a table, which is also the charts' text alternative. Only the region's own, real
items count (model.Content.is_eigen): invented examples, national items and other regions' items never do; the page
shows the latter apart, named as theirs.

Chart text is laid out here, not left to the browser: SVG text does not wrap, so every label gets its own line(s)
above its bar and every value its place after the bar or, if it would not fit, on the next line. Widths are
estimated from Arial's letter widths plus a safety margin (system fonts differ a little), so nothing is cut off at
the right edge; the browser tests measure the real text boxes.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .kinds import BOUWSTEEN, TAFEL
from .model import Bouwsteen, Content, Tafel, Vragenset
from .relations import Relations
from .voorbeeld import shown_title
from .woorden import aantal, meervoud

CHART_WIDTH = 400  # the SVG viewBox width, in units of about a pixel
SHOWN = 1.1  # the page shows a chart at most this many times its viewBox width; narrower on a phone
BAR_MAX = 200  # the longest bar
LABEL_SIZE, VALUE_SIZE = 14, 13  # font sizes in viewBox units
# Letter widths as a share of the font size (Arial's metrics); anything not listed counts as 0.56, capitals as 0.72.
NARROW = dict.fromkeys("ijlI.,;:'!|", 0.23) | dict.fromkeys("ftr -()/‘’", 0.34)
WIDE = dict.fromkeys("mwMW", 0.9)
MARGIN = 1.12  # room for a system font wider than Arial
LINE = 1.35  # line height, as a share of the font size
BAR_HEIGHT = 14
# The series of the bouwstenen chart: value, legend text, singular (woorden.py knows the plural), colour (AA contrast
# on white).
SERIES: tuple[tuple[Callable[[Dekking], int], str, str, str], ...] = (
    (lambda d: d.practices, "goede praktijken", "praktijk", "#1d4f91"),
    (lambda d: d.opbrengsten, "bijeenkomsten die erover gingen", "bijeenkomst", "#a3320b"),
    (lambda d: d.question_sets, meervoud("vragenset"), "vragenset", "#1e6b33"))


@dataclass(frozen=True)
class Dekking:
    bouwsteen: Bouwsteen
    practices: int  # the region's own goede praktijken on this bouwsteen
    opbrengsten: int  # meetings whose outcome (opbrengst) names this bouwsteen
    question_sets: int  # vragensets with a question of this bouwsteen (examples not counted)

    @property
    def totaal(self) -> int:
        return self.practices + self.opbrengsten + self.question_sets


def coverage(content: Content, r: Relations) -> list[Dekking]:
    def real(items: list[Vragenset]) -> int:
        return sum(1 for item in items if not item.voorbeeld)

    own_meetings: Callable[[str], int] = lambda b_id: sum(1 for m in r.bijeenkomsten_by_bouwsteen[b_id] if content.is_eigen(content.of(TAFEL)[m.tafel]))
    return [Dekking(b, len(content.eigen(r.praktijken_by_bouwsteen[b.id])), own_meetings(b.id),
                    real(r.vragensets_by_bouwsteen[b.id])) for b in content.of(BOUWSTEEN).values()]


def real_tafels(content: Content) -> list[Tafel]:
    """The region's own, real tafels: the only ones the landscape counts."""
    return content.eigen(content.of(TAFEL).values())


def other_tafels(content: Content) -> list[Tafel]:
    """Real tafels that are national or another region's: shown apart, never counted as the region's."""
    return [t for t in content.of(TAFEL).values() if not t.voorbeeld and not content.is_eigen(t)]


def tafel_counts(content: Content) -> dict[str, list[tuple[str, int]]]:
    """Counts by kind, by status and by frequency, in a stable order."""
    tafels = real_tafels(content)
    by: Callable[[str], list[tuple[str, int]]] = lambda attr: sorted(Counter(getattr(t, attr) or "onbekend" for t in tafels).items())
    return {"soort": by("soort"), "status": by("status"), "frequentie": by("frequentie")}


def count(n: int, singular: str, plural: str = "") -> str:
    """'1 tafel', '3 tafels', 'geen tafels' (the plural from woorden.py unless given)."""
    return aantal(n, singular, plural, geen=True)


def listing(words: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1] if words else ""


def quoted(title: str) -> str:
    return f"‘{title}’"


def conclusions(content: Content, dekking: list[Dekking]) -> list[str]:
    """Three plain conclusions about the region, computed from the numbers on the page."""
    tafels = real_tafels(content)
    if tafels:
        status = Counter(t.status for t in tafels)
        parts = [f"{status[s]} {s}" for s in ("actief", "in voorbereiding", "afgerond") if status[s]]
        first = f"{content.regio.naam} heeft {count(len(tafels), 'tafel')}"
        first += f": {listing(parts)}." if parts else "."
        if status["onbekend"]:
            first += f" Van {count(status['onbekend'], 'tafel')} is de status niet bekend."
        soorten = Counter(t.soort for t in tafels)
        most = max(soorten.values())
        common = sorted(s for s, n in soorten.items() if n == most)
        if len(soorten) > 1 and len(common) == 1:
            first += f" De meeste tafels zijn van de soort {common[0]} ({most} van de {len(tafels)})."
        elif len(soorten) > 1:
            first += f" De soorten {listing(common)} komen het vaakst voor (elk {most})."
    else:
        first = "Er zijn nog geen tafels van de regio vastgelegd."
    others = other_tafels(content)
    if others:
        first += f" Daarnaast staan er {count(len(others), 'tafel')} van anderen op de site; die tellen niet mee."
    total = len(dekking)
    with_practice = [d for d in dekking if d.practices]
    if with_practice:
        top = max(d.practices for d in with_practice)
        best = [quoted(shown_title(d.bouwsteen)) for d in with_practice if d.practices == top]
        said = (f"{listing(best)} ({'elk ' if len(best) > 1 else ''}{count(top, 'praktijk')})"
                if len(best) <= 3 else f"{len(best)} bouwstenen (elk {count(top, 'praktijk')})")
        second = (f"Bij {len(with_practice)} van de {total} bouwstenen staat al een goede praktijk van de regio. De meeste "
                  f"praktijken horen bij {said}.")
    else:
        second = f"Bij geen van de {total} bouwstenen staat al een goede praktijk van de regio."
    met_bijeenkomst = sum(1 for d in dekking if d.opbrengsten)
    met_set = sum(1 for d in dekking if d.question_sets)
    third = (f"Over {met_bijeenkomst} van de {total} bouwstenen ging al een bijeenkomst van een tafel."
             if met_bijeenkomst else "Er is nog geen bijeenkomst vastgelegd die over een bouwsteen ging.")
    third += (f" {met_set} van de {total} bouwstenen {'staat' if met_set == 1 else 'staan'} in een vragenset."
              if met_set else " Geen enkele bouwsteen staat al in een vragenset.")
    return [first, second, third]


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    size: int


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    colour: str
    height: float = BAR_HEIGHT


@dataclass(frozen=True)
class Chart:
    height: float
    texts: tuple[Text, ...]
    bars: tuple[Bar, ...]
    width: int = CHART_WIDTH

    @property
    def shown(self) -> tuple[int, int]:
        """The width and height the page gives the chart (CSS narrows it, keeping its shape, on a small screen)."""
        return round(self.width * SHOWN), round(self.height * SHOWN)


def text_width(text: str, size: int) -> float:
    """An upper estimate of the width of `text` at font size `size`, in the same units."""
    share = sum(NARROW.get(ch) or WIDE.get(ch) or (0.72 if ch.isupper() else 0.56) for ch in text)
    return share * size * MARGIN


def wrap(text: str, size: int, width: float) -> list[str]:
    """Lines of whole words that each fit `width` (a single longer word gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


def bar_chart(rows: list[tuple[str, list[tuple[int, str]], str]], scale_max: int,
              legend: tuple[tuple[str, str], ...] = ()) -> Chart:
    """Rows of (label, [(value, colour), ...], value text): the label on its own line(s), then the stacked bar with
    the value text after it, or below it when it would not fit. A legend of (colour, text) goes first, a line each."""
    texts: list[Text] = []
    bars: list[Bar] = []
    unit = BAR_MAX / max(scale_max, 1)
    y = 0.0
    for colour, text in legend:
        y += VALUE_SIZE * LINE
        bars.append(Bar(0, round(y - VALUE_SIZE, 1), VALUE_SIZE, colour, VALUE_SIZE))
        texts.append(Text(VALUE_SIZE + 6, round(y - 2, 1), text, VALUE_SIZE))
    y += 10 if legend else 0
    for label, parts, value in rows:
        for line in wrap(label, LABEL_SIZE, CHART_WIDTH):
            y += LABEL_SIZE * LINE
            texts.append(Text(0, round(y - LABEL_SIZE * 0.3, 1), line, LABEL_SIZE))
        y += 4
        x = 0.0
        for amount, colour in parts:
            if amount:
                bars.append(Bar(round(x, 1), round(y, 1), round(unit * amount, 1), colour))
                x += unit * amount
        after = x + (8 if x else 0)
        if after + text_width(value, VALUE_SIZE) <= CHART_WIDTH:
            texts.append(Text(round(after, 1), round(y + BAR_HEIGHT - 2, 1), value, VALUE_SIZE))
            y += BAR_HEIGHT
        else:
            y += BAR_HEIGHT + VALUE_SIZE * LINE
            texts.append(Text(0, round(y - 2, 1), value, VALUE_SIZE))
        y += 10
    return Chart(round(y, 1), tuple(texts), tuple(bars))


def tafels_chart(counts: list[tuple[str, int]]) -> Chart:
    rows = [(soort, [(n, "#1d4f91")], count(n, "tafel")) for soort, n in counts]
    return bar_chart(rows, max((n for _, n in counts), default=1))


def dekking_chart(dekking: list[Dekking]) -> Chart:
    rows = []
    for d in dekking:
        values = [(value(d), colour) for value, _, _, colour in SERIES]
        said = [count(value(d), one) for value, _, one, _ in SERIES if value(d)]
        rows.append((shown_title(d.bouwsteen), values, ", ".join(said) or "nog niets"))
    return bar_chart(rows, max((d.totaal for d in dekking), default=1),
                     tuple((colour, legend) for _, legend, _, colour in SERIES))


@dataclass(frozen=True)
class Aandacht:
    """What editors could add: the gaps in the landscape, for the page /landschap/aandacht/."""

    zonder_praktijk: list[Bouwsteen]
    zonder_bijeenkomst: list[Bouwsteen]
    zonder_vragenset: list[Bouwsteen]
    zonder_bijeenkomsten: list[Tafel]  # tafels with no meeting recorded
    zonder_fase: list[Tafel]  # tafels with meetings, none of which names its phase


def gaps(content: Content, r: Relations, dekking: list[Dekking]) -> Aandacht:
    tafels = real_tafels(content)
    return Aandacht([d.bouwsteen for d in dekking if not d.practices],
                    [d.bouwsteen for d in dekking if not d.opbrengsten],
                    [d.bouwsteen for d in dekking if not d.question_sets],
                    [t for t in tafels if not r.bijeenkomsten_by_tafel[t.id]],
                    [t for t in tafels if content.met_fasen(t) and r.bijeenkomsten_by_tafel[t.id]
                     and not any(m.fase for m in r.bijeenkomsten_by_tafel[t.id])])
