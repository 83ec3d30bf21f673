"""Load content into the model, checking everything first and reporting every problem at once.

Order of work: find files (discover.py) -> read YAML and check each file against its schema (filecheck.py) ->
checks across files (ids, references, agreements, the region's layer) -> build the typed model. Nothing is built
unless the whole content is clean, so code downstream never sees half-valid data.

A fork only adds files under `regio/` (see discover.py), so updates from upstream merge without conflicts.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from . import model
from .crosscheck import check_agreements, check_examples, check_ids, check_layers, check_references
from .discover import ASSETS, REGIO_DIR, REGIO_FILE, Show, content_roots, discover, regio_links, regio_unread
from .filecheck import FileChecks
from .guard import working_on
from .items import Item
from .kinds import AANVULLING, BIJEENKOMST, BOUWSTEEN, BRON, REGIO, TAFEL, THEMA, active
from .patterns import is_example_address
from .problems import ContentError, Problem
from .regiomodel import Regio
from .rules import check_rules
from .schemas import Reference, Schema
from .voorbeeld import shown_title, without_label


def load_content(content_dir: Path, files: FileChecks | None = None, parallel: bool = False) -> model.Content:
    """The checked model; raises ContentError with every problem if there is any."""
    content, problems = check_content(content_dir, files=files, parallel=parallel)
    if content is None:
        raise ContentError(problems)
    return content


def check_content(content_dir: Path, display_root: Path | None = None, files: FileChecks | None = None,
                  parallel: bool = False) -> tuple[model.Content | None, list[Problem]]:
    """The model, or None and every problem. `files`: results of single files from earlier runs (a preview's);
    `parallel`: new files are read on two cores where that is safe (twocores.py); the result is the same."""
    files = files if files is not None else FileChecks()
    content_dir = Path(content_dir)
    project = content_dir.parent
    display_root = Path(display_root) if display_root else project
    show: Show = lambda path: path.relative_to(display_root).as_posix()
    problems: list[Problem] = []
    if not content_dir.is_dir():
        return None, [Problem(show(content_dir), 1, "De map met inhoud bestaat niet.")]
    items: list[Item] = []
    regio: Item | None = None
    problems += regio_links(project / REGIO_DIR, show) + regio_unread(project / REGIO_DIR, show)
    roots = content_roots(content_dir)
    for root in roots:
        found, regio_path, not_read = discover(root, project, show)
        items += found
        problems += not_read
        if regio_path:
            regio = Item(REGIO, "regio", regio_path, show(regio_path), root.layer)
    expected = show(next(r for r in reversed(roots) if r.reads_regio_file).path / REGIO_FILE)
    if regio is None and all(problem.path != expected for problem in problems):  # a folder, a link: said once, above
        problems.append(Problem(expected, 1, f"Het regiobestand ontbreekt. Maak {expected} met de gegevens van je regio."))
    schemas = {k.name: Schema.load(k.name) for k in active().kinds}
    files.forget_if_many(len(items))
    checked = files.check_all([(item, schemas[item.type.name]) for item in items + ([regio] if regio else [])], parallel)
    problems += [problem for _, found in checked for problem in found]
    items = [item for item, _ in checked[:len(items)]]
    regio = checked[-1][0] if regio else None
    references = [(item, ref) for item, _ in checked if item.data is not None
                  for ref in files.derived(item, ("references", schemas[item.type.name].fingerprint),
                                           partial(_references, schemas[item.type.name], item))]
    problems += check_ids(items) + check_agreements(items) + check_examples(items)
    hidden, layer_problems = check_layers(items, regio)
    problems += layer_problems + check_references(items, references, hidden)
    problems += check_rules(items, regio, project / REGIO_DIR / ASSETS)
    if problems or regio is None:
        return None, sorted(set(problems))
    return _build(items, regio, hidden, project, files), []


def _build(items: list[Item], regio: Item, hidden: set[str], project: Path, files: FileChecks) -> model.Content:
    built: dict[str, list[Any]] = {k.folder: [] for k in active().page_kinds}
    additions = {i.id: files.derived(i, ("model", model.Aanvulling, i.id, i.layer, project), partial(_item, i, project))
                 for i in items if i.type is AANVULLING}
    for item in items:
        if item.type is AANVULLING or (item.type is BOUWSTEEN and item.id in hidden):
            continue
        with working_on(item.display):  # an unchanged file's item is the one built before (filecheck.py)
            what = ("model", item.type.cls, item.id, item.layer, project)
            built[item.type.folder].append(files.derived(item, what, partial(_item, item, project)))
    built[BOUWSTEEN.folder] = [_with_additions(b, additions.get(b.id)) for b in built[BOUWSTEEN.folder]]
    _label_examples(built)
    themas = {t.id: t for t in sorted(built[THEMA.folder], key=lambda t: (t.volgorde, shown_title(t).casefold()))}
    thema_rank = {thema_id: rank for rank, thema_id in enumerate(themas)}
    order: dict[str, Callable[[Any], Any]] = {  # the order pages and lists present items in
        THEMA.folder: lambda t: (t.volgorde, shown_title(t).casefold()),
        BOUWSTEEN.folder: lambda b: (thema_rank[b.thema], b.volgorde, shown_title(b).casefold()),
        BIJEENKOMST.folder: lambda m: (m.tafel, m.datum, m.id),
    }
    # as readers see the titles (examples under V); a kind without `titel` by its id
    by_title: Callable[[Any], tuple[str, str]] = lambda x: ((shown_title(x) if isinstance(getattr(x, "titel", None), str) else x.id).casefold(), x.id)
    ordered = {folder: {x.id: x for x in sorted(xs, key=order.get(folder, by_title))} for folder, xs in built.items()}
    return model.Content(
        regio=_label_contact(model.build(Regio, regio.data or {}, herkomst=regio.herkomst(project))), items=ordered)


def _references(schema: Schema, item: Item) -> tuple[Reference, ...]:
    return tuple(schema.references(item.data or {}))


def _item(item: Item, project: Path) -> Any:
    extra = {"id": item.id, "herkomst": item.herkomst(project)}
    if item.type.parent:  # a meeting's `tafel`: the folder it is in
        extra[item.type.parent.name] = item.id.partition("/")[0]
    return model.build(item.type.cls, item.data or {}, **extra)


EXAMPLE_SOURCE = "voorbeeld"  # the `soort` of a bron that marks what cites it as invented


def _label_examples(built: dict[str, list[Any]]) -> None:
    """Mark every item whose bron is an example (meetings: their own bron, else their tafel's). The mark is the only
    fact: the title keeps the author's words (without a "Voorbeeld: " they typed), and every place that shows it adds
    the label (voorbeeld.py)."""
    examples = {b.id for b in built[BRON.folder] if b.soort == EXAMPLE_SOURCE}
    tafels = {t.id: t for t in built[TAFEL.folder]}

    def label(item: Any) -> Any:  # an item of any kind but bron: each has `titel` and `bron`
        bron = (item.bron or tafels[item.tafel].bron) if isinstance(item, model.Bijeenkomst) else item.bron
        if bron not in examples:
            return item
        return dataclasses.replace(item, voorbeeld=True, **({"titel": without_label(item.titel)} if hasattr(item, "titel") else {}))

    for folder, items in built.items():
        if folder != BRON.folder:
            built[folder] = [label(item) for item in items]


def _label_contact(regio: Regio) -> Regio:
    """Mark an example contact address, so every place that shows it says so (footer, statements, open data)."""
    if regio.contact is None or not is_example_address(regio.contact.adres):
        return regio
    return dataclasses.replace(regio, contact=dataclasses.replace(regio.contact, voorbeeld=True))


def _with_additions(bouwsteen: model.Bouwsteen, aanvulling: model.Aanvulling | None) -> model.Bouwsteen:
    if aanvulling is None:
        return bouwsteen
    mark: Callable[[Any], Any] = lambda entries: tuple(dataclasses.replace(e, regionaal=True) for e in entries)
    return dataclasses.replace(bouwsteen, reflectievragen=bouwsteen.reflectievragen + mark(aanvulling.reflectievragen),
                               leervragen=bouwsteen.leervragen + mark(aanvulling.leervragen),
                               regio_toelichting=aanvulling.toelichting, regio_bron=aanvulling.bron)
