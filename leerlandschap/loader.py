"""Load content into the model, checking everything first and reporting every problem at once.

Order of work: find files -> read YAML -> schema check per file -> checks across files (ids,
references, agreements, the region's layer) -> build the typed model. Nothing is built unless the
whole content is clean, so code downstream never sees half-valid data.

Two layouts: upstream's `content/` alone (national content plus the example region), or, in a
region's fork, `content/` for the national content and `regio/` next to it for everything of the
region. A fork only adds files under `regio/`, so updates from upstream merge without conflicts.
"""
from __future__ import annotations

import dataclasses
import difflib
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import model
from .crosscheck import check_agreements, check_examples, check_ids, check_layers, check_references
from .guard import working_on
from .items import Item
from .kinds import AANVULLING, BIJEENKOMST, BY_FOLDER, BY_NAME, ITEM_KINDS, MEETINGS_IN, REGIO, Kind
from .problems import ContentError, Problem
from .rules import check_rules
from .schemas import Reference, Schema
from .voorbeeld import shown_title, without_label
from .yamlsource import YamlDocument, read_yaml, too_large

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
YAML_SUFFIXES = (".yml", ".yaml")
REGIO_FILE = "regio.yml"
REGIO_DIR = "regio"  # a fork's own content, next to content/
ASSETS = "assets"  # regio/assets/: the region's logo and favicon
NATIONAL = tuple(k.folder for k in ITEM_KINDS if k.national)

Show = Callable[[Path], str]


@dataclass(frozen=True)
class Root:
    path: Path
    layer: str  # "content" or "regio"
    folders: tuple[str, ...]  # folders read here
    skipped: tuple[str, ...] = ()  # present on purpose but not read here (the example region, assets)
    reads_regio_file: bool = True


def content_roots(content_dir: Path) -> list[Root]:
    everything = tuple(BY_FOLDER)
    regio_dir = content_dir.parent / REGIO_DIR
    if (regio_dir / REGIO_FILE).is_file():
        example = tuple(f for f in everything if f not in NATIONAL) + (REGIO_FILE,)
        return [Root(content_dir, "content", NATIONAL, example, reads_regio_file=False),
                Root(regio_dir, REGIO_DIR, everything, (ASSETS,))]
    return [Root(content_dir, "content", everything)]


def load_content(content_dir: Path) -> model.Content:
    """The checked model; raises ContentError with every problem if there is any."""
    content, problems = check_content(content_dir)
    if content is None:
        raise ContentError(problems)
    return content


def check_content(content_dir: Path, display_root: Path | None = None) -> tuple[model.Content | None, list[Problem]]:
    content_dir = Path(content_dir)
    project = content_dir.parent
    display_root = Path(display_root) if display_root else project
    show: Show = lambda path: path.relative_to(display_root).as_posix()
    problems: list[Problem] = []
    if not content_dir.is_dir():
        return None, [Problem(show(content_dir), 1, "De map met inhoud bestaat niet.")]
    items: list[Item] = []
    regio: Item | None = None
    problems += _regio_links(project / REGIO_DIR, show)
    for root in content_roots(content_dir):
        found, regio_path = _discover(root, project, show, problems)
        items += found
        if regio_path:
            regio = Item(REGIO, "regio", regio_path, show(regio_path), root.layer)
    if regio is None:
        problems.append(Problem(show(content_dir / REGIO_FILE), 1,
                                "Het regiobestand ontbreekt. Maak content/regio.yml met de gegevens van je regio."))
    schemas = {k.name: Schema.load(k.name) for k in BY_NAME.values()}
    if len(_checked) > 4 * (len(items) + 1000):  # forget files that are long gone (a preview runs for hours)
        _checked.clear()
    references: list[tuple[Item, Reference]] = []
    for item in items + ([regio] if regio else []):
        _read(item, schemas[item.type.name], problems)
        if item.data is not None:
            references += [(item, ref) for ref in schemas[item.type.name].references(item.data)]
    check_ids(items, problems)
    check_agreements(items, problems)
    check_examples(items, problems)
    hidden = check_layers(items, regio, problems)
    check_references(items, references, problems, hidden)
    check_rules(items, regio, project / REGIO_DIR / ASSETS, problems)
    if problems or regio is None:
        return None, sorted(set(problems))
    return _build(items, regio, hidden, project), []


def _inside(path: Path, project: Path) -> bool:
    """False for a file or folder that is (or passes through) a link to a place outside the project."""
    return path.resolve().is_relative_to(project.resolve())


def _outside(path: Path, show: Show) -> Problem:
    return Problem(show(path), 1, "Dit is een snelkoppeling naar een plek buiten de map van de site. "
                                  "Zo'n bestand wordt niet gelezen. Zet het bestand zelf in de map.")


def _regio_links(regio_dir: Path, show: Show) -> list[Problem]:
    """Every symlink under regio/ (regio/assets/ itself included): a fork's own files are never links. Nothing is
    read through them (the discovery below skips them), so a link cannot publish or read a file from elsewhere."""
    if regio_dir.is_symlink():
        return [_linked(regio_dir, show)]
    found = []
    for top, dirs, names in os.walk(regio_dir):
        dirs.sort()
        found += [_linked(Path(top, name), show) for name in sorted(dirs + names) if Path(top, name).is_symlink()]
    return found


def _linked(path: Path, show: Show) -> Problem:
    return Problem(show(path), 1, "Dit is een snelkoppeling (symlink). In de map regio/ zijn snelkoppelingen niet "
                                  "toegestaan; ze worden niet gelezen. Zet het bestand of de map zelf hier neer.")


def _skipped_link(path: Path, layer: str) -> bool:
    return layer == REGIO_DIR and path.is_symlink()  # reported by _regio_links


def _discover(root: Root, project: Path, show: Show, problems: list[Problem]) -> tuple[list[Item], Path | None]:
    items: list[Item] = []
    regio_path = None
    if root.layer == REGIO_DIR and root.path.is_symlink():
        return [], None
    for entry in sorted(root.path.iterdir()):
        if entry.name.startswith(".") or entry.name == "README.md" or entry.name in root.skipped:
            continue
        if _skipped_link(entry, root.layer):
            continue
        if not _inside(entry, project):
            problems.append(_outside(entry, show))
        elif entry.name == REGIO_FILE and root.reads_regio_file:
            regio_path = entry
        elif entry.is_dir() and entry.name in root.folders:
            items += _files_in(entry, BY_FOLDER[entry.name], root.layer, project, show, problems)
            if entry.name == MEETINGS_IN:
                for sub in sorted(p for p in entry.iterdir() if p.is_dir() and not p.name.startswith(".")):
                    if _skipped_link(sub, root.layer):
                        continue
                    if not _inside(sub, project):
                        problems.append(_outside(sub, show))
                        continue
                    items += _files_in(sub, BIJEENKOMST, root.layer, project, show, problems, id_prefix=f"{sub.name}/")
        else:
            close = difflib.get_close_matches(entry.name, [*root.folders, REGIO_FILE], n=1)
            guess = f" Bedoel je '{close[0]}'?" if close else ""
            for path in sorted(entry.rglob("*")) if entry.is_dir() else [entry]:
                if path.is_file():
                    problems.append(Problem(show(path), 1, f"Dit bestand wordt niet gelezen: '{entry.name}' is geen "
                                                           f"bekende map of bestand in {root.path.name}/.{guess}"))
    return items, regio_path


def _files_in(folder: Path, kind: Kind, layer: str, project: Path, show: Show, problems: list[Problem],
              id_prefix: str = "") -> list[Item]:
    items = []
    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".") and not p.is_dir()):
        if path.name == "README.md" or _skipped_link(path, layer):
            continue
        if not _inside(path, project):
            problems.append(_outside(path, show))
            continue
        if not path.is_file():
            problems.append(Problem(show(path), 1, "Dit is geen gewoon bestand en wordt niet gelezen."))
            continue
        if path.suffix not in YAML_SUFFIXES:
            problems.append(Problem(show(path), 1, "Dit bestand wordt niet gelezen. Alleen bestanden die eindigen "
                                                   "op .yml horen in deze map."))
            continue
        if not SLUG.fullmatch(path.stem):
            problems.append(Problem(show(path), 1, f"De bestandsnaam '{path.stem}' kan niet. Gebruik alleen "
                                                   "kleine letters (a-z), cijfers en streepjes, bijvoorbeeld "
                                                   f"'{slugify(path.stem) or 'mijn-item'}{path.suffix}'."))
        elif path.stem in kind.reserved:
            problems.append(Problem(show(path), 1, f"De bestandsnaam '{path.stem}' kan hier niet: die naam gebruikt de site "
                                                   "zelf al voor een pagina of bestand. Kies een andere naam."))
        items.append(Item(kind, id_prefix + path.stem, path, show(path), layer))
    return items


# Under `mkdocs serve` the same files are checked after every save. A file whose size and modification time did
# not change (nor its schema) is not read, parsed and validated again: its earlier result is reused.
_checked: dict[tuple, tuple[YamlDocument | None, list[Problem]]] = {}


def _read(item: Item, schema: Schema, problems: list[Problem]) -> None:
    stat = item.path.stat()
    key = (str(item.path), item.display, stat.st_mtime_ns, stat.st_size, schema.fingerprint)
    if key not in _checked:
        try:
            with working_on(item.display):
                _checked[key] = _read_file(item, stat.st_size, schema)
        except (RecursionError, MemoryError, ValueError, OverflowError) as error:  # what a hostile file could cause
            _checked[key] = None, [Problem(item.display, 1, f"Dit bestand kon niet worden gelezen door een onverwachte "
                                                            f"fout ({type(error).__name__}). Controleer of er iets "
                                                            "ongewoons in staat, zoals een heel lange of diep "
                                                            "ingesprongen tekst.")]
    doc, found = _checked[key]
    item.doc = doc
    item.valid = doc is not None and not found
    problems += found


def _read_file(item: Item, size: int, schema: Schema) -> tuple[YamlDocument | None, list[Problem]]:
    large = too_large(size, item.display)  # before reading: a huge file never enters memory
    if large:
        return None, [large]
    try:
        text = item.path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(item.display, 1, "Dit bestand is geen UTF-8-tekst. Sla het op als UTF-8.")]
    doc, found = read_yaml(text, item.display)
    if doc is not None and not isinstance(doc.data, dict):
        found.append(Problem(item.display, 1, "Het bestand moet bestaan uit velden, zoals 'titel: ...' op de eerste regel."))
        doc = None
    if doc is not None:
        found += schema.validate(doc, item.display)
    return doc, found


def _build(items: list[Item], regio: Item, hidden: set[str], project: Path) -> model.Content:
    built: dict[str, list] = {k.folder: [] for k in (*ITEM_KINDS, BIJEENKOMST)}
    additions = {i.id: model.build(model.Aanvulling, i.data or {}, id=i.id, herkomst=i.herkomst(project))
                 for i in items if i.type is AANVULLING}
    for item in items:
        if item.type is AANVULLING or (item.type.name == "bouwsteen" and item.id in hidden):
            continue
        extra = {"id": item.id, "herkomst": item.herkomst(project)}
        if item.type is BIJEENKOMST:
            extra["tafel"] = item.id.partition("/")[0]
        with working_on(item.display):
            built[item.type.folder].append(model.build(item.type.cls, item.data or {}, **extra))
    built["bouwstenen"] = [_with_additions(b, additions.get(b.id)) for b in built["bouwstenen"]]
    _label_examples(built)
    themas = {t.id: t for t in sorted(built["themas"], key=lambda t: (t.volgorde, shown_title(t).casefold()))}
    thema_rank = {thema_id: rank for rank, thema_id in enumerate(themas)}
    order: dict[str, Callable] = {  # the order pages and lists present items in
        "themas": lambda t: (t.volgorde, shown_title(t).casefold()),
        "bouwstenen": lambda b: (thema_rank[b.thema], b.volgorde, shown_title(b).casefold()),
        "bijeenkomsten": lambda m: (m.tafel, m.datum, m.id),
    }
    by_title = lambda x: (shown_title(x).casefold(), x.id)  # as readers see the titles: examples under V
    return model.Content(
        regio=_label_contact(model.build(model.Regio, regio.data or {}, herkomst=regio.herkomst(project))),
        **{folder: {x.id: x for x in sorted(xs, key=order.get(folder, by_title))} for folder, xs in built.items()},
    )


EXAMPLE_SOURCE = "voorbeeld"  # the `soort` of a bron that marks what cites it as invented


def _label_examples(built: dict[str, list]) -> None:
    """Mark every item whose bron is an example (meetings: their own bron, else their tafel's). The mark is the only
    fact: the title keeps the author's words (without a "Voorbeeld: " they typed), and every place that shows it adds
    the label (voorbeeld.py)."""
    examples = {b.id for b in built["bronnen"] if b.soort == EXAMPLE_SOURCE}
    tafels = {t.id: t for t in built["tafels"]}

    def label(item):
        bron = (item.bron or tafels[item.tafel].bron) if isinstance(item, model.Bijeenkomst) else item.bron
        if bron not in examples:
            return item
        return dataclasses.replace(item, voorbeeld=True, **({"titel": without_label(item.titel)} if hasattr(item, "titel") else {}))

    for folder, items in built.items():
        if folder != "bronnen":
            built[folder] = [label(item) for item in items]


# Domains reserved for examples (RFC 2606 and RFC 6761): an address there reaches nobody.
EXAMPLE_DOMAINS = re.compile(r"(^|[@.])(example\.(org|com|net)|[a-z0-9-]+\.example|example)$")


def is_example_address(adres: str) -> bool:
    """True for 'x@example.org', 'https://example.org/form' or 'https://regio.example/...'."""
    host = adres.split("://", 1)[1].split("/", 1)[0] if "://" in adres else adres.rpartition("@")[2]
    return bool(EXAMPLE_DOMAINS.search(host.lower()))


def _label_contact(regio: model.Regio) -> model.Regio:
    """Mark an example contact address, so every place that shows it says so (footer, statements, open data)."""
    if regio.contact is None or not is_example_address(regio.contact.adres):
        return regio
    return dataclasses.replace(regio, contact=dataclasses.replace(regio.contact, voorbeeld=True))


def _with_additions(bouwsteen: model.Bouwsteen, aanvulling: model.Aanvulling | None) -> model.Bouwsteen:
    if aanvulling is None:
        return bouwsteen
    mark = lambda entries: tuple(dataclasses.replace(e, regionaal=True) for e in entries)
    return dataclasses.replace(bouwsteen, reflectievragen=bouwsteen.reflectievragen + mark(aanvulling.reflectievragen),
                               leervragen=bouwsteen.leervragen + mark(aanvulling.leervragen),
                               regio_toelichting=aanvulling.toelichting)


def slugify(text: str) -> str:
    """A safe id from a title: 'Coördineer het leren!' -> 'coordineer-het-leren'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
