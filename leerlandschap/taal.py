"""Plain Dutch (taalniveau B1) as a check: long sentences, jargon and English words, per file.

`make check` prints this report as information (it never fails the check): content quoted from a source stays as the
source has it, so long sentences there are a hint, not an error. The site's own texts (templates, hand-written pages,
the checker's messages) aim at B1: at most 5% of their sentences longer than 20 words (tests/test_truth.py).
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from .discover import content_roots, read_files
from .yamlevents import Path as YamlPath
from .yamlsource import read_yaml

MAX_WOORDEN = 20

# Words a B1 reader does not know, with the plain words to use instead. Content may need some of them (a source's
# term); the report only points them out.
JARGON = {
    "yaml-tag": "een teken als !! voor een waarde", "anker": "een verwijzing binnen het bestand (&)",
    "ankers": "verwijzingen binnen het bestand (&)", "alias": "een verwijzing binnen het bestand (*)",
    "symlink": "snelkoppeling", "id": "naam (de bestandsnaam zonder .yml)", "ids": "namen",
    "string": "tekst", "boolean": "ja of nee", "array": "lijst", "regex": "patroon", "parser": "lezer",
    "traceback": "foutmelding", "property": "veld", "null": "leeg", "deprecated": "verouderd",
    "committen": "opslaan in git", "pushen": "versturen", "escapen": "onschadelijk maken",
}

# English words that do not exist in Dutch (or only as loan words a page should not need). Names and quotes are
# skipped by the caller.
ENGELS = frozenset([
    "the", "and", "not", "found", "search", "home", "next", "previous", "skip", "settings", "edit", "share", "copy",
    "submit", "cancel", "close", "back", "top", "with", "from", "your", "you", "this", "that", "page", "click",
    "loading", "error", "yes", "no", "please", "read", "more", "less", "show", "hide", "sign", "out", "toggle",
    "navigation", "results", "result", "table", "contents", "footer", "header", "tabs", "previous", "source", "light",
    "dark", "mode", "select", "clear",
])

_CODE_ENGLISH = frozenset(["the", "a", "an", "is", "of", "to", "it", "be", "not", "if", "its", "when", "with", "from", "this", "that", "are", "for"])
_ZIN_EINDE = re.compile(r"(?<=[.!?:])\s+(?=[A-Z0-9ÀÉÈÖÜ‘'\"(*])")
_WOORD = re.compile(r"[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9'’-]*")


def zinnen(tekst: str) -> list[str]:
    """The sentences of a text; a list item or line without end mark counts as one sentence."""
    found = []
    for blok in re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.) )", tekst):
        blok = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", blok)
        for zin in _ZIN_EINDE.split(" ".join(blok.split())):
            if _WOORD.search(zin):
                found.append(zin.strip())
    return found


def woorden(zin: str) -> list[str]:
    return _WOORD.findall(zin)


def te_lang(zin: str) -> bool:
    return len(woorden(zin)) > MAX_WOORDEN


def jargon(tekst: str) -> list[str]:
    """Jargon words in the text, each once, in the order of JARGON. A field name ('id:' or quoted) is not jargon."""
    tekst = re.sub(r"'[^'\n]*'|`[^`\n]*`|^\s*[a-z_]+:|(?<=\. )[a-z_]+:", " ", tekst, flags=re.M)
    found = {w.casefold() for w in woorden(tekst)}
    return [w for w in JARGON if w in found]


def engelse_woorden(tekst: str) -> list[str]:
    return [w for w in woorden(tekst) if w.casefold() in ENGELS]


@dataclass(frozen=True)
class Tekst:
    regel: int
    tekst: str


@dataclass(frozen=True)
class Verslag:
    """What the B1 check found in one file."""

    pad: str
    zinnen: int
    lang: tuple[Tekst, ...]  # sentences over MAX_WOORDEN words, with their line
    jargon: tuple[str, ...]

    def regel(self) -> str:
        delen = []
        if self.lang:
            regels = sorted({t.regel for t in self.lang})
            delen.append(f"{len(self.lang)} van de {self.zinnen} zinnen {'heeft' if len(self.lang) == 1 else 'hebben'} "
                         f"meer dan {MAX_WOORDEN} woorden ({'regel' if len(regels) == 1 else 'regels'} "
                         f"{', '.join(map(str, regels[:8]))}{' …' if len(regels) > 8 else ''})")
        if self.jargon:
            delen.append("moeilijke woorden: " + ", ".join(f"{w} (schrijf: {JARGON[w]})" for w in self.jargon))
        return f"{self.pad}: " + "; ".join(delen)


def _yaml_texts(text: str, pad: str) -> list[Tekst]:
    doc, _ = read_yaml(text, pad)
    if doc is None:
        return []
    found: list[Tekst] = []

    def walk(value: object, path: YamlPath) -> None:
        if isinstance(value, str):
            if " " in value.strip() and not value.startswith(("http://", "https://")):
                found.append(Tekst(doc.line_of(path), value))
        elif isinstance(value, dict):
            for key, sub in value.items():
                walk(sub, (*path, key))
        elif isinstance(value, list):
            for i, sub in enumerate(value):
                walk(sub, (*path, i))

    walk(doc.data, ())
    return found


_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
_TAG = re.compile(r"<(script|style|code|pre)\b.*?</\1>|<[^>]+>", re.S | re.I)


def _markup_texts(text: str) -> list[Tekst]:
    """Text of a template or Markdown page, per paragraph, with the line it starts on; code and Jinja left out."""
    text = re.sub(r"\A---\n.*?\n---\n", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    keep_lines = lambda m: " " + "\n" * m.group(0).count("\n")
    text = _TAG.sub(keep_lines, _JINJA.sub(keep_lines, text))
    text = re.sub(r"`[^`\n]*`|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or " ", text)
    found: list[Tekst] = []
    start, block = 0, list[str]()
    for number, line in enumerate(text.splitlines() + [""], 1):
        clean = re.sub(r"^\s*(#+|[-*]|\d+\.|>)\s+|[*_]{1,2}|\{[^}]*\}", " ", line).strip()
        if clean and not re.fullmatch(r"[\W\d_]*", clean):
            if not block:
                start = number
            block.append(clean)
        if (not clean or re.match(r"\s*(#+|[-*]|\d+\.)\s", line) or line.rstrip().endswith((">", "</li>"))) and block:
            found.append(Tekst(start, " ".join(block)))
            block = []
    return found


def _python_texts(text: str) -> list[Tekst]:
    """Messages in Python code: string literals (f-string parts joined) that read as Dutch sentences."""
    found = []
    tree = ast.parse(text)
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
    for node in ast.walk(tree):
        if id(node) in docstrings:
            continue
        if isinstance(node, ast.JoinedStr):
            value = "…".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value
        else:
            continue
        english = sum(w.casefold() in _CODE_ENGLISH for w in woorden(value))  # a docstring or comment, not a message
        if re.search(r"[a-zë] [a-z]+ [a-z]+.*[.?!]$", value) and english < 2 and "\n" not in value:
            found.append(Tekst(node.lineno, value))
    return found


def teksten(path: Path, shown: str) -> list[Tekst]:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yml", ".yaml"):
        return _yaml_texts(text, shown)
    if path.suffix == ".py":
        return _python_texts(text)
    return _markup_texts(text)


def verslag(path: Path, shown: str) -> Verslag:
    all_texts = teksten(path, shown)
    found = [Tekst(t.regel, z) for t in all_texts for z in zinnen(t.tekst)]
    return Verslag(shown, len(found), tuple(t for t in found if te_lang(t.tekst)),
                   tuple(jargon("\n".join(t.tekst for t in all_texts))))


def site_files(project: Path) -> list[Path]:
    """The site's own texts: templates, hand-written pages and theme overrides, and the checker's messages."""
    pkg = project / "leerlandschap"
    return sorted([*(pkg / "templates").glob("*.html"), *(project / "docs").glob("*.md"),
                   *(project / "overrides").rglob("*.html"), *pkg.glob("*.py"), project / "scripts" / "check.py"])


def content_files(content_dir: Path) -> list[Path]:
    """The files of the region's own layer (in a fork regio/, else content/), as the loader reads them
    (discover.read_files): a hidden file, a draft in a folder that is not read or a link is no content."""
    own = content_roots(content_dir)[-1].path
    return sorted(p for p in read_files(content_dir) if p.is_relative_to(own))


def aandeel_lang(verslagen: list[Verslag]) -> tuple[int, int]:
    """(sentences over MAX_WOORDEN words, all sentences) over several files."""
    return sum(len(v.lang) for v in verslagen), sum(v.zinnen for v in verslagen)
