"""Rules across fields of one file, which a JSON Schema cannot say: times and dates in the right order, a meeting's
file name starting with a date (a datum that differs from it, or a second meeting on one day, is information: see
moved_meetings and same_day_meetings), the region's logo present as a file, a contact in a region's own region
file, and colours that keep the pages readable (kleuren.py).

Only schema-valid items are judged: a file with schema problems has those reported already, and its fields
may not be what the rules expect. Except the region file's logo and favicon, files beside it: each is judged when its
own name is valid, so that a wrong motto does not hide a missing logo (every problem at once).
"""
from __future__ import annotations

import datetime
import difflib
import re
from pathlib import Path

from .assets import asset_problem
from .freshness import Review
from .items import Item
from .kinds import BIJEENKOMST, BOUWSTEEN, REGIO, TAFEL
from .kleuren import colour_problems
from .model import Content
from .patterns import ISO_DATE
from .problems import Problem, field_prefix
from .render import datum as long_date
from .schemas import FIRST_YEAR, LAST_YEAR, Schema, Validator
from .yamlevents import Path as YamlPath

ASSETS = "regio/assets/"  # where authors put the logo and favicon (macros/hooks.py publishes its files)
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})(?:-([0-9]{1,2}):([0-9]{2}))?")
_MEETING_NAME = re.compile(rf"({ISO_DATE})(-.+)?")  # 2026-01-12.yml, or 2026-01-12-2.yml for a second one
# What must come in order within one item: a meeting's end time after its start time, a tafel's end date not before
# its start date. The editing page refuses the same before saving, with the same words (cms_rules.py).
TIME_FIELD = "tijd"
TIME_ORDER = ("De eindtijd ({end}) ligt niet na de begintijd ({start}). Schrijf eerst de begintijd en dan de eindtijd, "
              "bijvoorbeeld \"13:00-15:00\".")
PERIOD = ("startdatum", "einddatum")
PERIOD_ORDER = "De einddatum ({end}) ligt voor de startdatum ({start}). Controleer beide datums."


def check_rules(items: list[Item], regio: Item | None, assets_dir: Path | None) -> list[Problem]:
    """A problem for every broken rule. `assets_dir` is regio/assets/, or None when there is no such folder."""
    problems: list[Problem] = []
    for item in items:
        if not item.valid or not isinstance(item.data, dict):
            continue
        if item.type is BIJEENKOMST:
            _check_meeting(item, problems)
        elif item.type is TAFEL:
            _check_period(item, problems)
        elif item.type is BOUWSTEEN:
            _check_leervragen_elsewhere(item, problems)
    if regio is not None and isinstance(regio.data, dict):
        _check_assets(regio, assets_dir, problems)
        if regio.valid:
            _check_contact(regio, problems)
            _check_phases(regio, problems)
            site = (regio.data or {}).get("site") or {}
            problems += [_problem(regio, ("site", "kleuren", field), message)
                         for field, message in colour_problems(site.get("kleuren"))]
    return problems


def _check_phases(regio: Item, problems: list[Problem]) -> None:
    """The region's `fasen` describe the phases its meetings may have (a meeting's `fase`, bijeenkomst.schema.json):
    a name no meeting can choose would be shown on every tafel page and never be used."""
    allowed = Schema.load(BIJEENKOMST.name).schema["properties"]["fase"]["enum"]
    seen: set[str] = set()
    for i, fase in enumerate((regio.data or {}).get("fasen") or []):
        naam = fase.get("naam") if isinstance(fase, dict) else None
        if isinstance(naam, str) and naam.strip().lower() not in allowed:
            problems.append(_problem(regio, ("fasen", i, "naam"), f"'{naam}' is geen fase die een bijeenkomst kan "
                                     f"hebben. Een bijeenkomst kent deze fasen: {', '.join(allowed)}. Noem hier alleen "
                                     "die fasen, en vertel in de toelichting wat ze bij jullie betekenen."))
        elif isinstance(naam, str) and naam.strip().lower() in seen:  # every tafel page would show the phase twice
            problems.append(_problem(regio, ("fasen", i, "naam"), f"De fase '{naam}' staat al eerder in deze lijst. "
                                     "Noem elke fase één keer, met één toelichting."))
        if isinstance(naam, str):
            seen.add(naam.strip().lower())


def _valid_name(regio: Item, key: str, name: str) -> bool:
    """The name of the logo or favicon as the schema wants it (in a region file with problems elsewhere); a name the
    schema refuses has its message already."""
    sub = Schema.load(REGIO.name).subschema(("site", key))
    return regio.valid or (sub is not None and Validator(sub).is_valid(name))


def _problem(item: Item, path: YamlPath, message: str) -> Problem:
    return Problem(item.display, item.doc.line_of(path) if item.doc and path else 1, field_prefix(path) + message)


def _check_meeting(item: Item, problems: list[Problem]) -> None:
    data = item.data or {}
    tijd = data.get(TIME_FIELD)
    if isinstance(tijd, str) and (match := _TIME.fullmatch(tijd)):
        hours = [int(h) for h in match.group(1, 3) if h is not None]
        minutes = [int(m) for m in match.group(2, 4) if m is not None]
        if any(h > 23 for h in hours) or any(m > 59 for m in minutes):
            problems.append(_problem(item, ("tijd",), f"'{tijd}' is geen bestaande tijd. Uren gaan van 00 tot en met 23, "
                                                      "minuten van 00 tot en met 59."))
        elif len(hours) == 2 and (hours[1], minutes[1]) <= (hours[0], minutes[0]):
            start, end = tijd.split("-")
            problems.append(_problem(item, (TIME_FIELD,), TIME_ORDER.format(start=start, end=end)))
    datum = data.get("datum")
    name = item.path.name
    example = f"'{datum}{item.path.suffix}'" if isinstance(datum, str) else f"'2027-01-12{item.path.suffix}'"
    match = _MEETING_NAME.fullmatch(item.path.stem)
    if match is None:
        problems.append(_problem(item, (), f"De naam van dit bestand moet beginnen met de datum van de bijeenkomst, "
                                           f"bijvoorbeeld {example}."))
        return
    try:
        day = datetime.date.fromisoformat(match.group(1))
    except ValueError:
        problems.append(_problem(item, (), f"De bestandsnaam '{name}' bevat geen bestaande datum. Geef het bestand de "
                                           f"datum van de bijeenkomst als naam, bijvoorbeeld {example}."))
        return
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        problems.append(_problem(item, (), f"De datum in de bestandsnaam '{name}' ligt niet tussen {FIRST_YEAR} en "
                                           f"{LAST_YEAR}. Geef het bestand de datum van de bijeenkomst als naam, "
                                           f"bijvoorbeeld {example}."))
        return
    # A datum that differs from the date in the file name is not a problem (see moved_meetings): the editor names a
    # new file after its date but never renames it, so a coordinator who corrects the date there cannot make the two
    # equal, and refusing it would stop the whole site from building.


def moved_meetings(content: Content) -> list[Review]:
    """Meetings whose datum differs from the date their file is named after: information for `make check`, not a
    problem. The datum field is what the site shows and sorts by; the file name stays the meeting's id, so its page
    address, its anchor on the tafel page and its calendar UID stay the same after the date was corrected (in the
    browser editor, which cannot rename a file). A beheerder may rename the file to match; that gives the meeting
    a new address, and calendars see a new event."""
    moved = []
    for meeting in content.of(BIJEENKOMST).values():
        name = meeting.id.split("/")[-1]
        match = _MEETING_NAME.fullmatch(name)
        if match is None or match.group(1) == meeting.datum.isoformat() or meeting.herkomst is None:
            continue
        suffix = meeting.herkomst.pad.rsplit(".", 1)[-1]
        better = f"{meeting.datum.isoformat()}{match.group(2) or ''}.{suffix}"
        moved.append(Review(meeting.herkomst.pad, meeting.herkomst.regel("datum"),
                            f"datum: de site toont {long_date(meeting.datum)}, de bestandsnaam zegt {match.group(1)}. "
                            f"Een beheerder kan het bestand hernoemen naar {better}."))
    return sorted(moved, key=lambda r: (r.path, r.line))


def same_day_meetings(content: Content) -> list[Review]:
    """Meetings of one tafel on the same day as an earlier-named one: information for `make check`, not a problem.
    Two meetings on one day are allowed (the editor names the second one 2026-11-17-1.yml), but a coordinator who
    made a new meeting instead of opening the existing one saves it twice without noticing; a reviewer can see it."""
    first: dict[tuple[str, datetime.date], str] = {}
    found = []
    for meeting in sorted(content.of(BIJEENKOMST).values(), key=lambda m: m.id):
        if meeting.herkomst is None:
            continue
        name = meeting.herkomst.pad.rsplit("/", 1)[-1]
        earlier = first.setdefault((meeting.tafel, meeting.datum), name)
        if earlier != name:
            found.append(Review(meeting.herkomst.pad, meeting.herkomst.regel("datum"),
                                f"datum: {long_date(meeting.datum)}, net als {earlier}."))
    return sorted(found, key=lambda r: (r.path, r.line))


def _check_period(item: Item, problems: list[Problem]) -> None:
    data = item.data or {}
    start, end = data.get(PERIOD[0]), data.get(PERIOD[1])
    if isinstance(start, str) and isinstance(end, str) and end < start:  # both JJJJ-MM-DD: text order is date order
        problems.append(_problem(item, (PERIOD[1],), PERIOD_ORDER.format(start=start, end=end)))


def _check_leervragen_elsewhere(item: Item, problems: list[Problem]) -> None:
    """`leervragen_ook_bij` names the other bouwsteen on the source's page of this bouwsteen's leervragen: the pages
    say at each of them that the source does not say which of the two (templates/_macros.html)."""
    data = item.data or {}
    other = data.get("leervragen_ook_bij")
    if not other:
        return
    if other == item.id:
        problems.append(_problem(item, ("leervragen_ook_bij",), "Hier hoort de id van een andere bouwsteen, niet die "
                                                                "van deze bouwsteen zelf."))
    elif not data.get("leervragen"):
        problems.append(_problem(item, ("leervragen_ook_bij",), "Deze bouwsteen heeft geen leervragen. Haal deze regel "
                                                                "weg, of zet de leervragen uit de bron erbij."))


def _check_contact(regio: Item, problems: list[Problem]) -> None:
    """A region's own site (regio/regio.yml) must say how visitors reach it: the footer of every page, the
    accessibility statement and the privacy statement use it. The schema checks the address itself."""
    if regio.layer == "regio" and "contact" not in (regio.data or {}):
        problems.append(_problem(regio, (), "Het contact ontbreekt. Bezoekers moeten jullie kunnen bereiken: het "
                                            "adres staat onderaan elke pagina en in de toegankelijkheidsverklaring. "
                                            "Voeg toe: 'contact:' met daaronder 'rol: Team leerlandschap' en 'adres: "
                                            "leren@jullieregio.nl' (een algemeen e-mailadres of de link naar een "
                                            "contactformulier, nooit de naam van een persoon)."))


def _check_assets(regio: Item, assets_dir: Path | None, problems: list[Problem]) -> None:
    site = (regio.data or {}).get("site")
    if not isinstance(site, dict):
        return
    if assets_dir is not None and assets_dir.is_symlink():
        return  # refused by the loader (no symlinks under regio/); nothing is read through it
    folder = assets_dir if assets_dir and assets_dir.is_dir() else None
    for key in ("logo", "favicon"):
        name = site.get(key)
        if not isinstance(name, str) or not name or not _valid_name(regio, key, name):
            continue
        path = ("site", key)
        if any(part in ("", ".", "..") for part in name.split("/")):
            problems.append(_problem(regio, path, f"Het bestand moet in {ASSETS} staan. Schrijf de naam zoals die daar "
                                                  f"staat, zonder '..' of '/' aan het begin, bijvoorbeeld "
                                                  f"'{name.rsplit('/', 1)[-1]}'."))
        elif folder is None:
            problems.append(_problem(regio, path, f"Het bestand '{name}' bestaat niet: er is geen map {ASSETS}. "
                                                  "Maak die map en zet het bestand erin, of haal het veld weg."))
        elif not _present(folder, name):
            names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
            close = difflib.get_close_matches(name, names[:500], n=1, cutoff=0.6)
            guess = f" Bedoel je '{close[0]}'?" if close else ""
            problems.append(_problem(regio, path, f"Het bestand '{name}' staat niet in {ASSETS}.{guess} Zet het "
                                                  "bestand daar, of haal het veld weg."))
        elif not (folder / name).resolve().is_relative_to(folder.resolve()):
            problems.append(_problem(regio, path, f"'{name}' is een snelkoppeling naar een plek buiten "
                                                  f"{ASSETS}. Zet het bestand zelf in {ASSETS}."))
        elif (found := asset_problem(folder / name, name)) is not None:
            line, message = found
            problems.append(Problem(f"{_assets_display(regio)}{name}", line, message))


def _assets_display(regio: Item) -> str:
    """How messages name regio/assets/: beside the region file's folder (content/regio.yml or regio/regio.yml)."""
    parts = regio.display.split("/")[:-2]
    return "/".join([*parts, ASSETS])


def _present(folder: Path, name: str) -> bool:
    """True if regio/assets/<name> is a file, with the name's exact capitals (a site on Linux needs them)."""
    here = folder
    for part in name.split("/"):
        if not here.is_dir() or part not in {p.name for p in here.iterdir()}:
            return False
        here = here / part
    return here.is_file()
