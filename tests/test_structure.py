"""The shape of the code (issue 25): small modules, no import cycle, one definition of an id and a date, no caches
or mutable state at module level, and items that cannot be changed once built."""
from __future__ import annotations

import ast
import dataclasses
import json
import re
from pathlib import Path

import pytest

from leerlandschap import items, model, regiomodel
from leerlandschap.patterns import ID, ISO_DATE, calendar_date, is_example_address, made_id, slugify

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("leerlandschap", "leerlandschap_mkdocs", "scripts")
MAX_LINES = 300


def modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def test_no_module_is_over_300_lines():
    lines = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in modules(*PACKAGES)}
    assert len(lines) > 40  # the three folders were found
    assert {name: n for name, n in lines.items() if n > MAX_LINES} == {}


def our_scripts() -> list[Path]:
    """Our JavaScript: the page scripts (docs/assets/, with the folders of parts that scriptparts.py joins), the
    editor's scripts (templates) and the tools' configuration. Vendored scripts (node_modules) are not ours."""
    return sorted([*(ROOT / "docs" / "assets").rglob("*.js"), *(ROOT / "leerlandschap" / "templates").rglob("*.js"),
                   *(ROOT / "scripts").rglob("*.cjs"), *ROOT.glob("*.cjs")])


def test_no_script_of_ours_is_over_300_lines():
    """A script longer than that is kept as a folder of parts, each of one concern, which the build joins into the
    one file the site loads (docs/assets/vragenset/ becomes assets/vragenset.js)."""
    scripts = our_scripts()
    lines = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in scripts}
    assert {"docs/assets/tijd.js", "docs/assets/vragenset/10-opslag.js", "docs/assets/zoeken/30-plan.js", "leerlandschap/templates/beheer.js",
            "scripts/actionlint.cjs"} <= lines.keys()  # single files, parts, the editor's and the tools' scripts
    assert {name: n for name, n in lines.items() if n > MAX_LINES} == {}


def imports_of(path: Path, package: str) -> set[str]:
    """The modules of `package` that `path` imports anywhere in it (at the top or inside a function)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                found |= {node.module.split(".")[0]} if node.module else {alias.name for alias in node.names}
            elif node.level == 0 and node.module and node.module.split(".")[0] == package:
                parts = node.module.split(".")
                found |= {parts[1]} if len(parts) > 1 else {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith(package + ".")}
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module, or a module importing itself (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def package_graph(package: str) -> dict[str, set[str]]:
    names = {p.stem for p in (ROOT / package).glob("*.py")}
    return {p.stem: imports_of(p, package) & names for p in (ROOT / package).glob("*.py")}


def test_the_cycle_finder_finds_a_cycle_and_passes_a_chain():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


@pytest.mark.parametrize("package", ["leerlandschap", "leerlandschap_mkdocs"])
def test_no_import_cycle_among_the_modules_of_a_package(package):
    graph = package_graph(package)
    assert "loader" in graph or "plugin" in graph
    assert sum(len(targets) for targets in graph.values()) > 0  # imports were found at all
    assert cycles(graph) == []


def test_the_import_reader_sees_relative_and_absolute_imports(tmp_path):
    source = tmp_path / "x.py"
    source.write_text("from . import kinds\nfrom .model import Content\nfrom leerlandschap.loader import check_content\n"
                      "import leerlandschap.urls\ndef f():\n    from .render import datum\n", encoding="utf-8")
    assert imports_of(source, "leerlandschap") == {"kinds", "model", "loader", "urls", "render"}


MUTABLE_STATE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=\n]+)?=\s*(\{\}|\[\]|dict\(\)|set\(\)|list\(\)|defaultdict\()", re.M)


def test_no_module_keeps_an_empty_mutable_container_to_fill_at_run_time():
    """A module-level `_cache = {}` makes results depend on earlier runs in the same process; caches live on an
    object the build owns (sitedata.SiteCache, filecheck.FileChecks)."""
    found = {p.relative_to(ROOT).as_posix(): MUTABLE_STATE.findall(p.read_text(encoding="utf-8"))
             for p in modules(*PACKAGES)}
    assert {name: hits for name, hits in found.items() if hits} == {}
    assert MUTABLE_STATE.findall("_checked: dict[tuple, int] = {}\n_seen = set()\nCACHE = []\nLIMITS = {'a': 1}\n"
                                 "    local = {}\n") == [("_checked", "{}"), ("_seen", "set()"), ("CACHE", "[]")]


def test_every_model_class_and_the_loaders_item_are_frozen():
    classes = [c for m in (model, regiomodel) for c in vars(m).values()
               if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == m.__name__]
    assert len(classes) > 20
    assert [c.__name__ for c in classes if not c.__dataclass_params__.frozen] == []
    assert items.Item.__dataclass_params__.frozen


def schema_patterns() -> list[tuple[str, str]]:
    found = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.append((where, node["pattern"]))
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for n, value in enumerate(node):
                walk(value, f"{where}/{n}")

    for path in sorted((ROOT / "schemas").rglob("*.schema.json")):
        walk(json.loads(path.read_text(encoding="utf-8")), path.relative_to(ROOT).as_posix())
    return found


def test_every_id_in_a_schema_has_the_one_id_shape():
    """An id is lowercase letters and digits in groups joined by single hyphens (the file name rule). A schema
    pattern that spells out an id in lowercase must spell exactly that shape, nothing looser or stricter."""
    lowercase_ids = [(where, p) for where, p in schema_patterns() if "[a-z0-9]" in p]
    assert len(lowercase_ids) >= 4  # bouwsteen, aanvulling, bijeenkomst and vragenset name ids
    assert [(where, p) for where, p in lowercase_ids if "[a-z0-9]" in p.replace(ID, "")] == []


@pytest.mark.parametrize(("text", "is_id"), [
    ("coordineer-het-leren", True), ("a1", True), ("2026-01-12", True),
    ("Coordineer", False), ("dubbel--streepje", False), ("-voor", False), ("achter-", False), ("met spatie", False),
    ("", False), ("punt.yml", False),
])
def test_the_id_shape(text, is_id):
    assert bool(re.fullmatch(ID, text)) is is_id


def test_a_made_id_ends_after_a_whole_word_within_80_characters():
    assert made_id("Coördineer het leren!") == "coordineer-het-leren"  # short: as slugify
    words = "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien"
    made = made_id(words)
    assert len(slugify(words)) > 80 and len(made) <= 80 and re.fullmatch(ID, made)
    assert made == "een-twee-drie-vier-vijf-zes-zeven-acht-negen-tien-elf-twaalf-dertien-veertien"
    assert made_id("a" * 200) == "a" * 80  # one long word: cut at 80 letters


def test_slugify_makes_an_id_from_a_title():
    assert slugify("Coördineer het leren!") == "coordineer-het-leren"
    assert re.fullmatch(ID, slugify("  Één -- twee / Drie?  "))
    assert slugify("Één -- twee / Drie?") == "een-twee-drie"


@pytest.mark.parametrize(("text", "shape", "day"), [
    ("2026-01-12", True, (2026, 1, 12)), ("2024-02-29", True, (2024, 2, 29)), ("2026-02-30", True, None),
    ("2026-1-12", False, None), ("12-01-2026", False, None), ("2026-01-12\n", False, None), ("20260112", False, None),
])
def test_a_date_is_a_real_day_written_as_jjjj_mm_dd(text, shape, day):
    assert bool(re.fullmatch(ISO_DATE, text)) is shape
    found = calendar_date(text)
    assert (found and (found.year, found.month, found.day)) == day


# Module-level memos that are pure: what they return depends only on their arguments and the kit's own files, never on
# content or an earlier build, so the order of runs cannot matter. Anything else is kept on an object a build owns.
PURE_MEMOS = {
    "leerlandschap/buren_read.py": ["_schemas"],  # validators of the export schemas in the package
    "leerlandschap/hyphenate.py": ["patterns", "hyphenate_word"],  # Dutch hyphenation patterns; a word's hyphens
    "leerlandschap/model.py": ["_hints"],  # a model class's type hints
    "leerlandschap/render.py": ["_markdown", "environment"],  # converter reset before each text; templates by mtime
}


def test_module_level_memos_are_only_the_listed_pure_ones():
    found: dict[str, list[str]] = {}
    for path in modules(*PACKAGES):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module level only: a memo inside a function lives as long as that call
            if isinstance(node, ast.FunctionDef) and any(
                    "cache" in ast.unparse(d) for d in node.decorator_list):
                found.setdefault(path.relative_to(ROOT).as_posix(), []).append(node.name)
    assert found == PURE_MEMOS


@pytest.mark.parametrize(("adres", "example"), [  # RFC 2606 / 6761: example.org/.com/.net and the .example domain
    ("info@example.org", True), ("https://example.com/formulier", True), ("https://regio.example/contact", True),
    ("vragen@leren.EXAMPLE.net", True), ("info@regio-flevoland.nl", False), ("https://example.org.evil.nl/", False),
    ("a@myexample.org", False), ("https://www.example.nl/", False),
])
def test_an_example_address_is_one_under_a_domain_reserved_for_examples(adres, example):
    assert is_example_address(adres) is example
