"""filecheck.FileChecks: a preview does not read an unchanged file again, and no run depends on an earlier one."""
from __future__ import annotations

import os
import shutil

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
