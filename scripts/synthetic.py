"""Write a synthetic content folder of N items for benchmarks: realistic Dutch text, real cross-references.

The text is recombined from the example content, so lengths and vocabulary match what authors write.
Shared by the benchmarks; kept out of tests on purpose (tests use small, readable fixtures).
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from leerlandschap.kinds import BIJEENKOMST, BOUWSTEEN, BRON, PRAKTIJK, ROL, TAFEL, THEMA, VRAGENSET

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content"
# Share of N for each kind; meetings hang off the tafels.
MIX = {BOUWSTEEN.folder: 0.30, PRAKTIJK.folder: 0.30, VRAGENSET.folder: 0.10, TAFEL.folder: 0.10, BIJEENKOMST.folder: 0.20}


def _examples(folder: str) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((EXAMPLE / folder).glob("*.yml"))]


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False), encoding="utf-8")


def write_synthetic_content(dest: Path, n: int) -> Path:
    """Create `dest` (a content folder) with about `n` items; returns `dest`."""
    if dest.exists():
        shutil.rmtree(dest)
    for folder in (BRON.folder, THEMA.folder, ROL.folder):  # the fixed vocabulary of a site
        shutil.copytree(EXAMPLE / folder, dest / folder)
    shutil.copy(EXAMPLE / "regio.yml", dest / "regio.yml")
    count = {kind: max(1, round(n * share)) for kind, share in MIX.items()}
    themas = [p.stem for p in sorted((EXAMPLE / THEMA.folder).glob("*.yml"))]

    names = [p.stem for p in sorted((EXAMPLE / BOUWSTEEN.folder).glob("*.yml"))]
    bouwstenen = _examples(BOUWSTEEN.folder)
    bouwsteen_ids = []
    for i in range(count[BOUWSTEEN.folder]):
        item = dict(bouwstenen[i % len(bouwstenen)])
        item["titel"] = f"{item['titel']} ({i + 1})"
        item["thema"] = themas[i % len(themas)]
        item["volgorde"] = i + 1
        if other := item.pop("leervragen_ook_bij", None):  # the copy of that other bouwsteen in the same round
            partner = i - i % len(bouwstenen) + names.index(other)
            if partner < count[BOUWSTEEN.folder]:
                item["leervragen_ook_bij"] = f"bouwsteen-{partner + 1}"
        bouwsteen_ids.append(f"bouwsteen-{i + 1}")
        _dump(dest / BOUWSTEEN.folder / f"{bouwsteen_ids[-1]}.yml", item)
    vragen = [f"{bouwsteen_ids[i]}/{v['id']}" for i in range(len(bouwsteen_ids))
              for v in bouwstenen[i % len(bouwstenen)].get("reflectievragen", [])]

    def some(ids: list[str], i: int, k: int) -> list[str]:
        return sorted({ids[(i * 7 + j * 13) % len(ids)] for j in range(k)})

    for folder, kind_count in ((PRAKTIJK.folder, count[PRAKTIJK.folder]), (VRAGENSET.folder, count[VRAGENSET.folder])):
        examples = _examples(folder)
        for i in range(kind_count):
            item = dict(examples[i % len(examples)])
            item["titel"] = f"{item['titel']} ({i + 1})"
            if folder == PRAKTIJK.folder:
                item["bouwstenen"] = some(bouwsteen_ids, i, 3)
            else:
                item["vragen"] = some(vragen, i, 6)
            _dump(dest / folder / f"{folder[:-2]}-{i + 1}.yml", item)

    tafels = _examples(TAFEL.folder)
    meetings = _examples_meetings()
    for i in range(count[TAFEL.folder]):
        item = dict(tafels[i % len(tafels)])
        item["titel"] = f"{item['titel']} ({i + 1})"
        item["bouwstenen"] = some(bouwsteen_ids, i, 2)
        _dump(dest / TAFEL.folder / f"tafel-{i + 1}.yml", item)
    for i in range(count[BIJEENKOMST.folder]):
        item = dict(meetings[i % len(meetings)])
        item.pop("bron", None)  # a meeting follows its tafel's source (an example meeting may not sit under a real tafel)
        day = f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}"
        item["datum"] = day
        if item.get("opbrengst"):  # new bouwstenen; only complete agreements (updates need their earlier meeting)
            opbrengst = dict(item["opbrengst"], bouwstenen=some(bouwsteen_ids, i, 2))
            opbrengst["afspraken"] = [a for a in opbrengst.get("afspraken", []) if a.get("tekst") and a.get("eigenaar")]
            item["opbrengst"] = opbrengst
        _dump(dest / TAFEL.folder / f"tafel-{1 + i % count[TAFEL.folder]}" / f"{day}-{i}.yml", item)
    return dest


def _examples_meetings() -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((EXAMPLE / TAFEL.folder).glob("*/*.yml"))]
