"""Load `content/` into the model, checking everything first and reporting every problem at once.

Order of work: find files -> read YAML -> schema check per file -> checks across files (ids,
references) -> build the typed model. Nothing is built unless the whole content is clean, so code
downstream never sees half-valid data.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import model
from .problems import ContentError, Problem, field_prefix
from .schemas import Reference, Schema
from .yamlsource import YamlDocument, read_yaml

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
YAML_SUFFIXES = (".yml", ".yaml")
MEETINGS_IN = "tafels"  # meetings live in content/tafels/<tafel-id>/<name>.yml
REGIO_FILE = "regio.yml"


@dataclass(frozen=True)
class ContentType:
    kind: str  # schema name and the word authors see in messages
    folder: str  # folder under content/, also the attribute on model.Content
    cls: type


TYPES = (
    ContentType("bron", "bronnen", model.Bron),
    ContentType("thema", "themas", model.Thema),
    ContentType("rol", "rollen", model.Rol),
    ContentType("bouwsteen", "bouwstenen", model.Bouwsteen),
    ContentType("praktijk", "praktijken", model.Praktijk),
    ContentType("vragenset", "vragensets", model.Vragenset),
    ContentType("tafel", "tafels", model.Tafel),
)
MEETING = ContentType("bijeenkomst", "bijeenkomsten", model.Bijeenkomst)
REGIO = ContentType("regio", "regio", model.Regio)


@dataclass
class _Item:
    type: ContentType
    id: str
    path: Path
    display: str
    doc: YamlDocument | None = None  # None when the file could not be read as a mapping
    valid: bool = False  # read and schema-checked without problems

    @property
    def data(self) -> dict | None:
        return self.doc.data if self.doc else None


def load_content(content_dir: Path) -> model.Content:
    """The checked model; raises ContentError with every problem if there is any."""
    content, problems = check_content(content_dir)
    if problems:
        raise ContentError(problems)
    return content


def check_content(content_dir: Path, display_root: Path | None = None) -> tuple[model.Content | None, list[Problem]]:
    content_dir = Path(content_dir)
    display_root = Path(display_root) if display_root else content_dir.parent
    show = lambda path: path.relative_to(display_root).as_posix()  # noqa: E731
    problems: list[Problem] = []
    if not content_dir.is_dir():
        return None, [Problem(show(content_dir), 1, "De map met inhoud bestaat niet.")]
    items, regio_path = _discover(content_dir, show, problems)
    schemas = {t.kind: Schema.load(t.kind) for t in (*TYPES, MEETING)} | {"regio": Schema.load("regio")}
    references: list[tuple[_Item, Reference]] = []
    for item in items:
        _read(item, schemas[item.type.kind], problems)
        if item.data is not None:
            references += [(item, ref) for ref in schemas[item.type.kind].references(item.data)]
    regio = _Item(REGIO, "regio", regio_path, show(regio_path)) if regio_path else None
    if regio:
        _read(regio, schemas["regio"], problems)
        if regio.data is not None:
            references += [(regio, ref) for ref in schemas["regio"].references(regio.data)]
    _check_ids(items, problems)
    _check_agreements(items, problems)
    _check_references(items, references, problems)
    if problems:
        return None, sorted(set(problems))
    return _build(items, regio), []


def _discover(content_dir: Path, show, problems: list[Problem]) -> tuple[list[_Item], Path | None]:
    items: list[_Item] = []
    folders = {t.folder: t for t in TYPES}
    regio_path = None
    for entry in sorted(content_dir.iterdir()):
        if entry.name.startswith(".") or entry.name == "README.md":
            continue
        if entry.name == REGIO_FILE:
            regio_path = entry
        elif entry.is_dir() and entry.name in folders:
            items += _files_in(entry, folders[entry.name], show, problems)
            if entry.name == MEETINGS_IN:
                for sub in sorted(p for p in entry.iterdir() if p.is_dir() and not p.name.startswith(".")):
                    items += _files_in(sub, MEETING, show, problems, id_prefix=f"{sub.name}/")
        else:
            close = difflib.get_close_matches(entry.name, [*folders, REGIO_FILE], n=1)
            guess = f" Bedoel je '{close[0]}'?" if close else ""
            for path in sorted(entry.rglob("*")) if entry.is_dir() else [entry]:
                if path.is_file():
                    problems.append(Problem(show(path), 1, f"Dit bestand wordt niet gelezen: '{entry.name}' is geen "
                                                           f"bekende map of bestand in content/.{guess}"))
    if regio_path is None:
        problems.append(Problem(show(content_dir / REGIO_FILE), 1,
                                "Het regiobestand ontbreekt. Maak content/regio.yml met de gegevens van je regio."))
    return items, regio_path


def _files_in(folder: Path, ctype: ContentType, show, problems: list[Problem], id_prefix: str = "") -> list[_Item]:
    items = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        if path.name == "README.md":
            continue
        if path.suffix not in YAML_SUFFIXES:
            problems.append(Problem(show(path), 1, "Dit bestand wordt niet gelezen. Alleen bestanden die eindigen "
                                                   "op .yml horen in deze map."))
            continue
        if not SLUG.fullmatch(path.stem):
            problems.append(Problem(show(path), 1, f"De bestandsnaam '{path.stem}' is geen geldige id. Gebruik alleen "
                                                   "kleine letters (a-z), cijfers en streepjes, bijvoorbeeld "
                                                   f"'{slugify(path.stem) or 'mijn-item'}{path.suffix}'."))
        items.append(_Item(ctype, id_prefix + path.stem, path, show(path)))
    return items


def _read(item: _Item, schema: Schema, problems: list[Problem]) -> None:
    try:
        text = item.path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(Problem(item.display, 1, "Dit bestand is geen UTF-8-tekst. Sla het op als UTF-8."))
        return
    doc, found = read_yaml(text, item.display)
    if doc is not None and not isinstance(doc.data, dict):
        found.append(Problem(item.display, 1, "Het bestand moet bestaan uit velden, zoals 'titel: ...' op de eerste regel."))
        doc = None
    if doc is not None:
        found += schema.validate(doc, item.display)
        item.doc = doc
    item.valid = doc is not None and not found
    problems += found


def _check_ids(items: list[_Item], problems: list[Problem]) -> None:
    seen: dict[tuple[str, str], _Item] = {}
    for item in items:
        key = (item.type.kind, item.id)
        if key in seen:
            problems.append(Problem(item.display, 1, f"Het id '{item.id}' bestaat al in {seen[key].display}. "
                                                     "Geef een van beide bestanden een andere naam."))
        else:
            seen[key] = item
    tafels = {i.id for i in items if i.type.kind == "tafel"}
    for item in items:
        if item.type is MEETING and item.id.partition("/")[0] not in tafels:
            tafel = item.id.partition("/")[0]
            problems.append(Problem(item.display, 1, f"Deze bijeenkomst staat in de map '{tafel}', maar er is geen "
                                                     f"tafel met id '{tafel}' (content/tafels/{tafel}.yml)."))
        if item.data:
            _check_unique_list_ids(item, ("reflectievragen",), problems)
            _check_unique_list_ids(item, ("opbrengst", "afspraken"), problems)


def _check_unique_list_ids(item: _Item, where: tuple, problems: list[Problem]) -> None:
    entries = item.data
    for key in where:
        entries = entries.get(key) if isinstance(entries, dict) else None
    seen: set[str] = set()
    for i, entry in enumerate(entries if isinstance(entries, list) else ()):
        ident = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(ident, str) and ident in seen:
            problems.append(Problem(item.display, item.doc.line_of(where + (i, "id")),
                                    f"id: '{ident}' komt twee keer voor in deze lijst. Elke id moet uniek zijn."))
        seen.add(ident)


def _check_agreements(items: list[_Item], problems: list[Problem]) -> None:
    """A new agreement needs its text and owner; an update (same id, later meeting) may give only the status."""
    meetings = sorted((i for i in items if i.type is MEETING and i.valid), key=lambda i: (i.data["datum"], i.id))
    earlier: dict[str, set[str]] = {}  # tafel -> agreement ids made so far
    for item in meetings:
        known = earlier.setdefault(item.id.partition("/")[0], set())
        for index, afspraak in enumerate(item.data.get("opbrengst", {}).get("afspraken", [])):
            ident = afspraak.get("id")
            if ident in known or (afspraak.get("tekst") and afspraak.get("eigenaar")):
                continue
            absent = [f"'{f}'" for f in ("tekst", "eigenaar") if not afspraak.get(f)]
            missing = " en ".join(absent) + (" ontbreken" if len(absent) > 1 else " ontbreekt")
            hint = (f" Er is bij deze tafel geen eerdere afspraak met id '{ident}'.{_guess(ident, known)}" if ident else
                    " Wil je een afspraak uit een eerdere bijeenkomst bijwerken? Schrijf dan haar id erbij.")
            problems.append(Problem(item.display, item.doc.line_of(("opbrengst", "afspraken", index)),
                                    f"afspraken: Bij een nieuwe afspraak horen 'tekst' en 'eigenaar'; {missing}.{hint}"))
        known.update(a["id"] for a in item.data.get("opbrengst", {}).get("afspraken", []) if a.get("id"))


_FOLDER_OF = {t.kind: t.folder for t in TYPES}


def _check_references(items: list[_Item], references: list[tuple[_Item, Reference]], problems: list[Problem]) -> None:
    # Resolve against every file found, valid or not: a broken target is reported once, in its own file.
    known: dict[str, set[str]] = {t.kind: set() for t in TYPES}
    questions: dict[str, set[str]] = {}
    for item in items:
        known.setdefault(item.type.kind, set()).add(item.id)
        if item.type.kind == "bouwsteen" and item.data:
            vragen = item.data.get("reflectievragen")
            questions[item.id] = {v.get("id") for v in vragen if isinstance(v, dict)} if isinstance(vragen, list) else set()
    for item, ref in references:
        line = item.doc.line_of(ref.path)
        field = field_prefix(ref.path)
        if ref.kind == "vraag":
            bouwsteen, _, vraag = ref.target.partition("/")
            if bouwsteen not in known["bouwsteen"]:
                message = _missing("bouwsteen", bouwsteen, known["bouwsteen"])
            elif vraag not in questions.get(bouwsteen, ()):
                message = (f"De bouwsteen '{bouwsteen}' heeft geen reflectievraag met id '{vraag}'."
                           + _guess(vraag, questions.get(bouwsteen, ())))
            else:
                continue
        elif ref.target in known[ref.kind]:
            continue
        else:
            message = _missing(ref.kind, ref.target, known[ref.kind])
        problems.append(Problem(item.display, line, field + message))


def _missing(kind: str, target: str, known: set[str]) -> str:
    return (f"Er is geen {kind} met id '{target}' (in content/{_FOLDER_OF[kind]}/)." + _guess(target, known))


def _guess(word: str, options) -> str:
    close = difflib.get_close_matches(word, sorted(o for o in options if o), n=1, cutoff=0.7)
    return f" Bedoel je '{close[0]}'?" if close else ""


def _build(items: list[_Item], regio: _Item) -> model.Content:
    built: dict[str, list] = {t.folder: [] for t in (*TYPES, MEETING)}
    for item in items:
        extra = {"id": item.id}
        if item.type is MEETING:
            extra["tafel"] = item.id.partition("/")[0]
        built[item.type.folder].append(model.build(item.type.cls, item.data, **extra))
    themas = {t.id: t for t in sorted(built["themas"], key=lambda t: (t.volgorde, t.titel.casefold()))}
    thema_rank = {thema_id: rank for rank, thema_id in enumerate(themas)}
    order = {  # the order pages and lists present items in
        "themas": lambda t: (t.volgorde, t.titel.casefold()),
        "bouwstenen": lambda b: (thema_rank[b.thema], b.volgorde, b.titel.casefold()),
        "bijeenkomsten": lambda m: (m.tafel, m.datum, m.id),
    }
    by_title = lambda x: (x.titel.casefold(), x.id)  # noqa: E731
    return model.Content(
        regio=model.build(model.Regio, regio.data),
        **{folder: {x.id: x for x in sorted(xs, key=order.get(folder, by_title))} for folder, xs in built.items()},
    )


def slugify(text: str) -> str:
    """A safe id from a title: 'Coördineer het leren!' -> 'coordineer-het-leren'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
