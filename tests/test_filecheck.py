"""filecheck.FileChecks: a preview does not read an unchanged file again, and no run depends on an earlier one."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from leerlandschap import filecheck
from leerlandschap.filecheck import FileChecks
from leerlandschap.loader import check_content


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


@pytest.fixture
def reads(monkeypatch):
    """The display paths of the files actually read and checked, in order."""
    seen: list[str] = []
    real = filecheck.read_file

    def counting(item, size, schema):
        seen.append(item.display)
        return real(item, size, schema)

    monkeypatch.setattr(filecheck, "read_file", counting)
    return seen


def test_an_unchanged_file_is_read_once_per_filechecks(project, reads):
    files = FileChecks()
    assert check_content(project / "content", files=files)[1] == []
    first = len(reads)
    assert first > 50  # every content file was read
    assert check_content(project / "content", files=files)[1] == []
    assert len(reads) == first  # nothing read again


def test_a_changed_file_is_read_again_and_its_problem_found(project, reads):
    files = FileChecks()
    check_content(project / "content", files=files)
    thema = project / "content" / "themas" / "anders-kijken.yml"
    text = thema.read_text(encoding="utf-8")
    thema.write_text(text.replace("volgorde:", "volgorde: x\nvolgorde_oud:", 1), encoding="utf-8")
    stat = thema.stat()
    os.utime(thema, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    reads.clear()
    _, problems = check_content(project / "content", files=files)
    assert reads == ["content/themas/anders-kijken.yml"]
    assert problems and all(p.path == "content/themas/anders-kijken.yml" for p in problems)


def test_without_filechecks_every_run_starts_empty(project, reads):
    check_content(project / "content")
    first = len(reads)
    check_content(project / "content")
    assert len(reads) == 2 * first  # a one-off check never reuses what another run read


def test_a_broken_run_leaves_nothing_behind_for_the_next(project):
    """A failed check followed by a clean one in the same process: the clean one reports nothing, and the broken one
    reports the same problems again."""
    broken = ROOT / "tests" / "fixtures" / "broken" / "content"
    before = check_content(broken, broken.parent)[1]
    assert before != []
    assert check_content(project / "content")[1] == []
    assert check_content(broken, broken.parent)[1] == before


# Run in a process of its own: pytest-xdist's workers run a thread, and twocores.py never forks a process with threads.
BOTH_WAYS = """
import json, os, sys
from pathlib import Path
from leerlandschap import filecheck
from leerlandschap.loader import check_content

readers = Path(sys.argv[2])
real = filecheck.read_file
def marking(item, size, schema):  # notes which process read the file
    with readers.open("a") as out:
        out.write(f"{os.getpid()} {item.display}\\n")
    return real(item, size, schema)
filecheck.read_file = marking
both = [str(p) for p in check_content(Path(sys.argv[1]), parallel=True)[1]]
readers.rename(readers.with_suffix(".both"))
here = [str(p) for p in check_content(Path(sys.argv[1]), parallel=False)[1]]
print(json.dumps({"pid": os.getpid(), "both": both, "here": here}))
"""


def test_a_build_checks_the_files_on_two_cores_and_reports_every_problem_in_the_same_order(project, tmp_path):
    """A build reads the content files on two cores (twocores.py): every other file in a forked process. Broken files
    on both sides (every other file goes to the other process) give the same lines in the same order as one core."""
    files = sorted((project / "content").rglob("*.yml"))
    assert len(files) >= filecheck.MIN_FILES
    for broken in files[3:9]:  # a YAML error, a field of the wrong type, a missing field, twice
        text = broken.read_text(encoding="utf-8")
        broken.write_text({0: "titel: [niet dicht\n", 1: text.replace("titel:", "titel: 12\nx_titel:", 1),
                           2: "\n".join(line for line in text.splitlines() if not line.startswith("titel:"))}
                          [files.index(broken) % 3], encoding="utf-8")
    readers = tmp_path / "lezers.txt"
    result = subprocess.run([sys.executable, "-c", BOTH_WAYS, str(project / "content"), str(readers)],
                            capture_output=True, text=True, encoding="utf-8", check=True)
    found = json.loads(result.stdout)
    assert len(found["here"]) >= 6
    assert found["both"] == found["here"]
    assert all(":" in line for line in found["both"])  # path:line, message
    read = dict(line.split(" ", 1)[::-1] for line in readers.with_suffix(".both").read_text(encoding="utf-8").splitlines())
    assert len(read) == len(files) and len(set(read.values())) == 2 and str(found["pid"]) in read.values()  # and a fork
    assert len({read[f"content/{f.relative_to(project / 'content').as_posix()}"] for f in files[3:9]}) == 2  # broken on both
    assert {line.split(" ", 1)[0] for line in readers.read_text(encoding="utf-8").splitlines()} == {str(found["pid"])}


NOT_UTF8 = ("Dit bestand is geen UTF-8-tekst: op deze regel staat een teken dat anders is opgeslagen. Sla het bestand "
            "op als UTF-8, of typ de letters met accenten op deze regel opnieuw.")


@pytest.mark.parametrize("data, line, message", [
    (b"titel: Caf\xe9 de Leer\nsamenvatting: x\n", 1, NOT_UTF8),  # Windows-1252 from an old editor
    (b"titel: Leren\r\nsamenvatting: >-\r\n  Het \x93kwartier\x94 van de regio.\r\n", 3, NOT_UTF8),  # CRLF, curly quotes
    (b"titel: Leren\rsamenvatting: x\rbeschrijving: \xeb\r", 3, NOT_UTF8),  # an old Mac's CR alone
    ("titel: Leren\n".encode("utf-16"), 1, "Dit bestand is opgeslagen als UTF-16 (in Kladblok heet dat 'Unicode'). "
                                          "Sla het op als UTF-8."),
])
def test_a_file_that_is_not_utf8_is_named_with_the_line_of_its_first_such_byte(project, data, line, message):
    path = project / "content" / "praktijken" / "leerlandschap-flevoland.yml"
    path.write_bytes(data)
    assert [str(p) for p in check_content(project / "content", project)[1]] == [
        f"content/praktijken/leerlandschap-flevoland.yml:{line}: {message}"]
