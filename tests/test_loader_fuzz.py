"""The loader cannot be knocked over: whatever a content file holds, the answer is a model or Dutch problems.

One praktijk in a copy of the example content is overwritten with arbitrary text, YAML-ish fragments,
a damaged version of itself, or raw bytes. check_content must return (model, []) or (None, problems), every
problem in the `path:line: message` form, never an exception, and quickly. Fixed cases below cover the
known ways to hang or crash a YAML loader: nested aliases, deep nesting, tags, huge files.
"""
import itertools
import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest
import yaml
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from leerlandschap.filecheck import FileChecks
from leerlandschap.loader import check_content
from leerlandschap.problems import Problem

TARGET = "praktijken/leerlandschap-flevoland.yml"
DISPLAY = f"content/{TARGET}"
LINE = re.compile(r"^\S.*:\d+: \S")
ORIGINAL = (ROOT / "content" / TARGET).read_text(encoding="utf-8")

FUZZ = settings(deadline=3000, database=None,  # as many examples as the profile gives (tests/conftest.py)
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

ANCHORS = "Een & of * aan het begin van een waarde kan hier niet. Schrijf de tekst voluit, of zet hem tussen aanhalingstekens."
TAGS = ("aan het begin van een waarde kan hier niet. Haal het uitroepteken en wat erbij hoort weg. Begint je tekst met een "
        "uitroepteken (!)? Zet de tekst dan tussen aanhalingstekens.")
DEPTH = ("Hier zitten meer dan 20 lijsten of blokken in elkaar. Zo diep gaat geen enkel veld. Controleer de haakjes "
         "([ ] en { }) en de inspringing. De rest van het bestand is niet gelezen.")

KEYS = ["titel", "samenvatting", "beschrijving", "regio", "organisaties", "periode", "bouwstenen", "geleerd",
        "contact_rol", "datum", "eigenaar_rol", "herzien_voor", "bron", "coordineer-het-leren", "ruimte-voor-leren"]
FRAGMENTS = [*KEYS, ":", ": ", "-", "- ", "\n", "\n  ", "  ", " ", "&a ", "*a", "&", "*", "!!", "!!str ", "!x ", "!",
             "!!python/object/apply:os.system ", "<<: ", "? ", "[", "]", "{", "}", ",", "|", "|-", ">", '"', "'", "\\",
             "\t", "#", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! x\n", "2024-01-01", "2025-02-30", "17:30", "no", "on",
             "010", "0x_", ".inf", "~", "null", "9" * 40, "\ufeff", "\x00", "\x85", "\u2028", "\r", "\r\n",
             "[" * 30, "]" * 30, "{a: " * 25, "- " * 25, "é", "☃", "\U0001f600"]

# Plain values that keep a `key: value` line well-formed, so they reach the reader's conversions and the schema checks.
SCALARS = ["x", "Een tekst", "0x_", "0b_", "._", "no", "Yes", "true", "17:30", "1:2:3", "010", "1_000", "1.5", "-3", "-.inf",
           ".nan", "9" * 40, "2024-01-01", "2025-02-30", "2024-01-01 10:00:00", "~", "null", "", "=", "<<", '"x"', "'x'",
           "bron-a", "coordineer-het-leren", "ruimte-voor-leren", "&a x", "*a", "!!str x", "!!binary aGk=", "! x", "[a, b]",
           "{a: 1}", "[]", "{}"]
BREAKING = ["[[[[", "]", "'x", '"\\q"', "|0", "- a", "? a", "%x", "@x", "`x`", ": x", "a: b: c"]
LINES = st.tuples(st.sampled_from(["", "", "", "", "", "  ", "    ", " ", "- ", "  - ", "? ", ": "]),
                  st.sampled_from(KEYS + ["<<", "'a'", ""]), st.sampled_from([": "] * 6 + [":", " ", ":\n"]),
                  st.sampled_from(SCALARS + BREAKING) | st.text(max_size=6)).map("".join)
FIELDS = st.dictionaries(st.sampled_from(KEYS), st.recursive(
    st.sampled_from(SCALARS), lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    max_leaves=8), max_size=12)


def block(value, indent: int = 0) -> list[str]:
    """A tree of plain values as block YAML, each scalar written unquoted as it is."""
    pad = " " * indent
    if isinstance(value, dict):
        pairs = value.items()
        return [line for key, item in pairs for line in (
            [f"{pad}{key}: {item}"] if isinstance(item, str) or not item else [f"{pad}{key}:", *block(item, indent + 2)])]
    return [line for item in value for line in (
        [f"{pad}- {item}"] if isinstance(item, str) or not item else [f"{pad}-", *block(item, indent + 2)])]


# What the target praktijk refers to (its bouwstenen and bron, the roles and themes those refer to) and the ids among
# the fuzz values (coordineer-het-leren, ruimte-voor-leren), so cross-references are checked both ways. The tafels,
# vragensets and other praktijken are left out: every example checks the whole folder, and these files only made
# each check slower, not different for the one file that is fuzzed.
def with_the_bouwstenen_they_name(ids: set[str]) -> set[str]:
    """`ids` and every bouwsteen their `leervragen_ook_bij` leads to, so that the copy's references hold."""
    found, todo = set(), list(ids)
    while todo:
        ident = todo.pop()
        if ident not in found:
            found.add(ident)
            data = yaml.safe_load((ROOT / "content" / "bouwstenen" / f"{ident}.yml").read_text(encoding="utf-8"))
            todo += [data["leervragen_ook_bij"]] if data.get("leervragen_ook_bij") else []
    return found


BOUWSTENEN = with_the_bouwstenen_they_name({*yaml.safe_load(ORIGINAL)["bouwstenen"], "coordineer-het-leren"})


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    """A private, small copy of the example content around the target; each example overwrites the target."""
    root = tmp_path_factory.mktemp("fuzz")
    source, copy = ROOT / "content", root / "content"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("tafels", "vragensets", "praktijken"))
    for path in (copy / "bouwstenen").iterdir():
        if path.stem not in BOUWSTENEN:
            path.unlink()
    (copy / "praktijken").mkdir()
    shutil.copy(source / TARGET, copy / TARGET)
    return root


@pytest.fixture(scope="module")
def checks():
    """What a preview keeps between saves (leerlandschap/filecheck.py): the untouched files of the copy are read and
    checked once, the fuzzed one every time (its modification time changes with each example, see `check`). The
    whole check still runs on every example: discovery, cross-references, rules and the model."""
    return FileChecks(), itertools.count(1)


def check(root, data: bytes, checks: tuple[FileChecks, itertools.count]) -> None:
    files, writes = checks
    target = root / "content" / TARGET
    target.write_bytes(data)
    stamp = next(writes) * 1_000_000_000  # a new time per example: same size and same clock tick must not look unchanged
    os.utime(target, ns=(stamp, stamp))
    model, problems = check_content(root / "content", root, files=files)
    if currently_in_test_context():  # --hypothesis-show-statistics shows the share of each
        event("refused with problems" if problems else "accepted: a model")
    if problems:
        assert model is None
        for problem in problems:
            assert isinstance(problem, Problem)
            assert LINE.match(str(problem)), str(problem)
    else:
        assert model is not None


def test_the_untouched_copy_is_clean(content, checks):
    check(content, ORIGINAL.encode("utf-8"), checks)


@FUZZ
@given(text=st.text(st.characters(codec="utf-8"), max_size=300))
def test_any_text(content, checks, text):
    check(content, text.encode("utf-8"), checks)


@FUZZ
@given(parts=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=60))
def test_yaml_like_fragments(content, checks, parts):
    check(content, "".join(parts).encode("utf-8"), checks)


@FUZZ
@given(lines=st.lists(LINES, max_size=20))
def test_yaml_like_lines(content, checks, lines):
    check(content, "\n".join(lines).encode("utf-8"), checks)


@FUZZ
@given(fields=FIELDS)
def test_fields_with_surprising_values(content, checks, fields):
    check(content, "\n".join(block(fields)).encode("utf-8"), checks)


@FUZZ
@given(data=st.data())
def test_damaged_valid_file(content, checks, data):
    text = ORIGINAL
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        start = data.draw(st.integers(0, len(text)), label="start")
        end = data.draw(st.integers(start, min(len(text), start + 40)), label="end")
        insert = data.draw(st.lists(st.sampled_from(FRAGMENTS), max_size=3).map("".join), label="insert")
        text = text[:start] + insert + text[end:]
    check(content, text.encode("utf-8"), checks)


@FUZZ
@given(data=st.binary(max_size=300))
def test_any_bytes(content, checks, data):
    check(content, data, checks)


def messages(root, text: str) -> list[str]:
    (root / "content" / TARGET).write_text(text, encoding="utf-8")
    model, problems = check_content(root / "content", root)
    assert model is None and problems
    return [str(p) for p in problems]


BILLION_LAUGHS = "".join(["titel: &a0 lol\n"] + [f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 11)])


def test_billion_laughs_is_refused_quickly(content):
    (content / "content" / TARGET).write_text(BILLION_LAUGHS, encoding="utf-8")
    script = textwrap.dedent(f"""
        from leerlandschap.loader import check_content
        model, problems = check_content({str(content / "content")!r}, {str(content)!r})
        print("\\n".join(str(p) for p in problems))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8", timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{DISPLAY}:{n}: {ANCHORS}" for n in range(1, 12)]


def test_deep_nesting_is_refused_without_recursion(content):
    assert messages(content, "titel: " + "[" * 5000 + "]" * 5000 + "\n") == [f"{DISPLAY}:1: {DEPTH}"]
    assert messages(content, "titel: x\nbouwstenen:\n" + "".join("  " * i + "- \n" for i in range(1, 30))) == [
        f"{DISPLAY}:22: {DEPTH}"]


def test_tags_are_refused_on_any_node(content):
    assert messages(content, "titel: x\nbouwstenen: !!python/object/apply:os.system [echo]\n") == [
        f"{DISPLAY}:2: '!!python/object/apply:os.system' {TAGS}"]
    assert messages(content, ORIGINAL.replace("bouwstenen:", "bouwstenen: !!str", 1)) == [
        f"{DISPLAY}:{ORIGINAL[:ORIGINAL.index('bouwstenen:')].count(chr(10)) + 1}: '!!str' {TAGS}"]


def test_a_huge_file_is_refused_by_its_size(content):
    assert messages(content, "titel: " + "x" * (2 * 1024 * 1024) + "\n") == [
        f"{DISPLAY}:1: Dit bestand is te groot: 2049 kB. Een bestand mag hoogstens 512 kB zijn. Maak de tekst korter "
        "of verdeel hem over meer bestanden."]
