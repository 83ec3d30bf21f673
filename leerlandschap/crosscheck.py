"""Checks across files: unique ids, agreements over time, references, and a region's layer on national content."""
from __future__ import annotations

import difflib
from collections.abc import Iterable

from .items import Item
from .kinds import BIJEENKOMST, RESERVED_QUESTION_IDS, active
from .problems import Problem, field_prefix, shown
from .schemas import Reference, Schema, Validator
from .yamlevents import Path as YamlPath


def check_ids(items: list[Item]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Item] = {}
    for item in items:
        key = (item.type.name, item.id)
        if key in seen:
            problems.append(Problem(item.display, 1, f"De naam '{item.id}' bestaat al, in {seen[key].display}. "
                                                     "Geef een van beide bestanden een andere naam."))
        else:
            seen[key] = item
    tafels = {i.id for i in items if i.type.name == "tafel"}
    for item in items:
        if item.type is BIJEENKOMST and item.id.partition("/")[0] not in tafels:
            tafel = item.id.partition("/")[0]
            problems.append(Problem(item.display, 1, f"Deze bijeenkomst staat in de map '{tafel}', maar er is geen "
                                                     f"tafel met die naam. Maak tafels/{tafel}.yml, of zet de bijeenkomst in de map van de goede tafel."))
        if item.data:
            for where in UNIQUE_LISTS:
                _check_unique_list_ids(item, where, problems)
    return problems


# Lists whose entries have an id that must be unique within the list, and what one entry is called: the message
# names it ("Geef elke afspraak ..."), so a coordinator knows which list it is about.
UNIQUE_LISTS: dict[tuple[str, ...], str] = {("reflectievragen",): "vraag", ("opbrengst", "afspraken"): "afspraak"}
# Ids an entry of such a list may not have, and why: the checker's message and the editor's (cms_rules) both say it.
RESERVED_LIST_IDS: dict[tuple[str, ...], tuple[frozenset[str], str]] = {
    ("reflectievragen",): (RESERVED_QUESTION_IDS, "die naam gebruikt de site zelf al voor de pagina van de bouwsteen")}


def _check_unique_list_ids(item: Item, where: tuple[str, ...], problems: list[Problem]) -> None:
    entries: object = item.data
    for key in where:
        entries = entries.get(key) if isinstance(entries, dict) else None
    seen: set[str] = set()
    for i, entry in enumerate(entries if isinstance(entries, list) else ()):
        ident = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(ident, str):
            continue
        if ident in seen:
            problems.append(Problem(item.display, item.line_of(where + (i, "id")),
                                    f"id: '{ident}' komt twee keer voor in deze lijst. Geef elke {UNIQUE_LISTS[where]} een eigen, "
                                    "andere naam."))
        elif ident in (reserved := RESERVED_LIST_IDS.get(where, (frozenset(), "")))[0]:
            problems.append(Problem(item.display, item.line_of(where + (i, "id")),
                                    f"id: '{ident}' kan hier niet: {reserved[1]}. Kies een andere naam."))
        seen.add(ident)


def check_examples(items: list[Item]) -> list[Problem]:
    """An invented meeting (its own bron is an example) must not hang under a real tafel: it would pass as real."""
    problems: list[Problem] = []
    data = {(i.type.name, i.id): i.data for i in items if i.data}
    examples = {ident for (kind, ident), d in data.items() if kind == "bron" and d.get("soort") == "voorbeeld"}
    for item in items:
        if item.type is not BIJEENKOMST or not item.data or item.data.get("bron") not in examples:
            continue
        tafel_id = item.id.partition("/")[0]
        tafel = data.get(("tafel", tafel_id)) or {}
        if tafel and tafel.get("bron") not in examples:
            problems.append(Problem(item.display, item.line_of(("bron",)),
                                    f"bron: Deze bijeenkomst is een verzonnen voorbeeld, maar de tafel '{tafel_id}' is echt. "
                                    "Zet voorbeelden bij een voorbeeldtafel (een tafel met een voorbeeld als bron)."))
    return problems


def check_agreements(items: list[Item]) -> list[Problem]:
    """A new agreement needs its text and owner; an update (same id, later meeting) may give only the status."""
    problems: list[Problem] = []
    meetings = [(i, i.data) for i in items if i.type is BIJEENKOMST and i.valid and i.data]
    meetings.sort(key=lambda pair: (pair[1]["datum"], pair[0].id))
    earlier: dict[str, set[str]] = {}  # tafel -> agreement ids made so far
    for item, data in meetings:
        known = earlier.setdefault(item.id.partition("/")[0], set())
        for index, afspraak in enumerate(data.get("opbrengst", {}).get("afspraken", [])):
            ident = afspraak.get("id")
            if ident in known or (afspraak.get("tekst") and afspraak.get("eigenaar")):
                continue
            absent = [f"'{f}'" for f in ("tekst", "eigenaar") if not afspraak.get(f)]
            missing = " en ".join(absent) + (" ontbreken" if len(absent) > 1 else " ontbreekt")
            hint = (f" Er is bij deze tafel geen eerdere afspraak met de naam '{ident}'.{_guess(ident, known)}" if ident else
                    " Wil je een afspraak uit een eerdere bijeenkomst bijwerken? Schrijf dan bij 'id:' dezelfde naam als toen.")
            problems.append(Problem(item.display, item.line_of(("opbrengst", "afspraken", index)),
                                    f"afspraken: Bij een nieuwe afspraak horen 'tekst' en 'eigenaar'; {missing}.{hint}"))
        known.update(a["id"] for a in data.get("opbrengst", {}).get("afspraken", []) if a.get("id"))
    return problems


def _question_ids(item: Item) -> set[str]:
    vragen = item.data.get("reflectievragen") if item.data else None
    if not isinstance(vragen, list):
        return set()
    return {v["id"] for v in vragen if isinstance(v, dict) and isinstance(v.get("id"), str)}


# An addition's question named as a question of the bouwsteen itself; the editor says it too (cms_rules).
TAKEN_QUESTION = "de bouwsteen '{bouwsteen}' heeft al een vraag met de naam '{id}'. Kies een andere naam voor jullie vraag."


def check_layers(items: list[Item], regio: Item | None) -> tuple[set[str], list[Problem]]:
    """A region's additions must fit the national bouwsteen, which it does not hide; hidden bouwstenen must exist.
    Returns the hidden ids."""
    problems: list[Problem] = []
    bouwstenen: dict[str, Item] = {}
    for item in items:  # the first file with an id wins; a second one is reported by check_ids
        if item.type.name == "bouwsteen":
            bouwstenen.setdefault(item.id, item)
    for item in items:
        if item.type.name != "aanvulling" or not item.data:
            continue
        if item.id not in bouwstenen:
            problems.append(Problem(item.display, 1, f"Deze aanvulling hoort bij bouwsteen '{item.id}', maar die bestaat "
                                                     f"niet. Geef het bestand dezelfde naam als het bestand van de bouwsteen."
                                                     + _guess(item.id, bouwstenen)))
            continue
        national = _question_ids(bouwstenen[item.id])
        for i, vraag in enumerate(item.data.get("reflectievragen") or []):
            if isinstance(vraag, dict) and vraag.get("id") in national:
                problems.append(Problem(item.display, item.line_of(("reflectievragen", i, "id")),
                                        "id: " + TAKEN_QUESTION.format(bouwsteen=item.id, id=vraag["id"])))
    hidden: set[str] = set()
    if regio is None:
        return hidden, problems
    entries = (regio.data or {}).get("verbergen")
    shape = Validator(Schema.load(regio.type.name).subschema(("verbergen", 0)) or {})
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        if not shape.is_valid(entry):  # the schema said what the entry should look like; no second message
            continue
        ident = str(entry).partition("/")[2]
        if ident not in bouwstenen:
            problems.append(Problem(regio.display, regio.line_of(("verbergen", i)),
                                    f"verbergen: er is geen bouwsteen met de naam '{ident}'. Schrijf de bestandsnaam zonder .yml." + _guess(ident, bouwstenen)))
        hidden.add(ident)
        for item in items:  # what a region adds to a bouwsteen it hides would be shown nowhere
            if item.type.name == "aanvulling" and item.data and item.id == ident and ident in bouwstenen:
                problems.append(Problem(item.display, 1, f"Deze aanvulling hoort bij bouwsteen '{ident}', maar die staat "
                                        f"bij 'verbergen' in {regio.display}:{regio.line_of(('verbergen', i))}. De site "
                                        "toont de aanvulling dus nergens. Haal het bestand weg, of toon de bouwsteen weer."))
    return hidden, problems


def check_references(items: list[Item], references: list[tuple[Item, Reference]],
                     hidden: set[str] | frozenset[str] = frozenset()) -> list[Problem]:
    problems: list[Problem] = []
    # Resolve against every file found, valid or not: a broken target is reported once, in its own file.
    known: dict[str, set[str]] = {k.name: set() for k in active().item_kinds}
    questions: dict[str, set[str]] = {}
    for item in items:
        known.setdefault(item.type.name, set()).add(item.id)
        if item.type.name in ("bouwsteen", "aanvulling") and item.data:
            questions.setdefault(item.id, set()).update(_question_ids(item))
    listed: dict[tuple[str, YamlPath, str], int] = {}  # (file, list, target) -> the line that names it first
    for item, ref in references:
        line = item.line_of(ref.path)
        if ref.path and isinstance(ref.path[-1], int):  # a list of references names each item once: a page would
            key = (item.display, ref.path[:-1], ref.target)  # show it twice, and the landscape count it twice
            if key in listed:
                problems.append(Problem(item.display, line, field_prefix(ref.path) + f"'{shown(ref.target)}' staat "
                                        f"twee keer in deze lijst (ook op regel {listed[key]}). Haal er één weg."))
                continue
            listed[key] = line
        target = ref.target.partition("/")[0] if ref.kind == "vraag" else ref.target
        if ref.path == ("leervragen_ook_bij",) and target in hidden and target in known["bouwsteen"]:
            continue  # the pages say 'een andere bouwsteen' (_macros.html): a national bouwsteen names it, a fork hides it
        if ref.kind in ("bouwsteen", "vraag") and target in hidden and target in known["bouwsteen"]:
            message = (f"De bouwsteen '{target}' staat bij 'verbergen' in het regiobestand. Haal de verwijzing weg, "
                       "of toon de bouwsteen weer.")
        elif ref.kind == "vraag":
            bouwsteen, _, vraag = ref.target.partition("/")
            if bouwsteen not in known["bouwsteen"]:
                message = _missing("bouwsteen", bouwsteen, known["bouwsteen"])
            elif vraag not in questions.get(bouwsteen, ()):
                message = (f"De bouwsteen '{bouwsteen}' heeft geen reflectievraag met de naam '{shown(vraag)}'."
                           + _guess(vraag, questions.get(bouwsteen, ())))
            else:
                continue
        elif ref.target in known[ref.kind]:
            continue
        else:
            message = _missing(ref.kind, ref.target, known[ref.kind])
        problems.append(Problem(item.display, line, field_prefix(ref.path) + message))
    return problems


def _missing(kind: str, target: str, known: set[str]) -> str:
    return (f"Er is geen {kind} met de naam '{shown(target)}' (in {active().by_name[kind].folder}/). Kijk of de naam goed gespeld is."
            + _guess(target, known))


def _guess(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(o for o in options if o), n=1, cutoff=0.7)
    return f" Bedoel je '{close[0]}'?" if close else ""
