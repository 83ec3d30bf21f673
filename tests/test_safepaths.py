"""What a preview writes into the folder it serves appears whole or not at all (leerlandschap/safepaths.py:
write_whole, swap_folder). A reader in a process of its own, as a browser is, reads the file over and over while it
is replaced; a read that is not the whole old text or the whole new one is what a browser would have received."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from leerlandschap import safepaths
from leerlandschap.safepaths import exchange, swap_folder, swap_places, write_whole
from leerlandschap.searchbuild import MEMORY, scratch_folder

# Reads FILE until STOP exists; prints how many reads were whole JSON, cut off, and not there at all.
READER = r"""
import json, sys
from pathlib import Path
path, stop = Path(sys.argv[1]), Path(sys.argv[2])
counts = {"whole": 0, "cut": 0, "missing": 0}
print("ready", flush=True)
while not stop.exists():
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        counts["missing"] += 1
        continue
    try:
        json.loads(text)
        counts["whole"] += 1
    except ValueError:
        counts["cut"] += 1
print(json.dumps(counts))
"""


def version(n: int) -> str:
    """A JSON text of a few MB (a large index file takes a while to copy)."""
    return json.dumps({"versie": n, "tekst": "woord " * 400_000})


def read_during(path: Path, replace: Callable[[int], None], stop: Path, times: int = 4) -> dict[str, int]:
    """Replace `path` `times` times while a reader process reads it (until the file `stop` is made); what it saw."""
    reader = subprocess.Popen([sys.executable, "-c", READER, str(path), str(stop)], stdout=subprocess.PIPE, text=True)
    assert reader.stdout is not None and reader.stdout.readline() == "ready\n"
    for n in range(1, times + 1):
        replace(n)
        time.sleep(0.02)
    stop.touch()
    return json.loads(reader.communicate(timeout=30)[0])


def test_a_file_written_whole_is_never_read_cut_off_or_missing(tmp_path):
    path = tmp_path / "site" / "vragen.json"
    path.parent.mkdir()
    path.write_text(version(0), encoding="utf-8")
    seen = read_during(path, lambda n: write_whole(path, version(n)), tmp_path / "stop")
    assert seen["cut"] == 0 and seen["missing"] == 0, seen
    assert json.loads(path.read_text(encoding="utf-8"))["versie"] == 4
    assert sorted(p.name for p in path.parent.iterdir()) == ["vragen.json"]  # nothing left aside


def make_index(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    (folder / "pagefind-entry.json").write_text(version(n), encoding="utf-8")
    for i in range(200):
        (folder / f"fragment-{n}-{i}.json").write_text("x" * 2000, encoding="utf-8")


def exchanged(folder: Path) -> bool:
    """exchange() on two new folders in `folder`: True when they changed places, False when they stayed as they were."""
    first, second = folder / "een", folder / "twee"
    first.mkdir()
    second.mkdir()
    (first / "1").touch()
    done = exchange(first, second)
    found = sorted(p.name for p in second.iterdir())
    shutil.rmtree(first)
    shutil.rmtree(second)
    assert found == (["1"] if done else [])
    return done


def can_exchange(folder: Path) -> bool:
    """Whether two folders in `folder` change places in one step. On Linux a folder in memory (tmpfs, which can since
    Linux 3.17) must, so a broken exchange() fails here instead of skipping the test."""
    if exchanged(folder):
        return True
    memory = scratch_folder()  # in memory where the system has such a folder, as a preview's index
    try:
        if sys.platform.startswith("linux") and memory.is_relative_to(MEMORY):
            assert exchanged(memory), "exchange() does not work, not even in memory (tmpfs)"
    finally:
        shutil.rmtree(memory)
    return False


@pytest.mark.parametrize("in_one_step", [True, False], ids=["exchange", "two renames"])
def test_a_swapped_folder_from_another_disk_is_never_read_half_copied(tmp_path, monkeypatch, in_one_step):
    """The preview's index is made in memory (/dev/shm) and swapped into the served site on disk: a copy. The old way
    (remove the folder, then copy the new one in) gave cut-off reads. swap_folder exchanges the folders in one step
    where the system can (Linux): then the file is never missing either. Elsewhere two renames leave it missing for
    a moment (longer when the machine is busy and the process waits between them), which is not counted."""
    if in_one_step and not can_exchange(tmp_path):
        pytest.skip("this file system cannot exchange two folders in one step")
    if not in_one_step:
        monkeypatch.setattr(safepaths, "exchange", lambda first, second: False)
    output = tmp_path / "site" / "pagefind"
    make_index(output, 0)
    memory = scratch_folder()  # where a preview makes its index: in memory where the system has such a folder

    def swap(n: int) -> None:
        made = memory / str(n) / "pagefind"
        make_index(made, n)
        swap_folder(made, output)
        assert not made.exists()

    try:
        seen = read_during(output / "pagefind-entry.json", swap, tmp_path / "stop")
    finally:
        shutil.rmtree(memory)
    assert seen["cut"] == 0 and seen["whole"] > 0, seen
    if in_one_step:
        assert seen["missing"] == 0, seen
    assert json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))["versie"] == 4
    assert sorted(p.name for p in output.iterdir())[:1] == ["fragment-4-0.json"]
    assert sorted(p.name for p in output.parent.iterdir()) == ["pagefind"]  # nothing left beside it


def test_a_symlink_where_the_file_is_written_aside_is_not_followed(tmp_path):
    """A committed symlink with the name of the file written aside would otherwise take the write out of the site."""
    elsewhere = tmp_path / "elders.txt"
    elsewhere.write_text("van iemand anders", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / f".sitemap.xml.{os.getpid()}.nieuw").symlink_to(elsewhere)
    write_whole(site / "sitemap.xml", b"<urlset/>")
    assert (site / "sitemap.xml").read_bytes() == b"<urlset/>"
    assert elsewhere.read_text(encoding="utf-8") == "van iemand anders"
    assert sorted(p.name for p in site.iterdir()) == ["sitemap.xml"]


def test_what_an_interrupted_swap_left_is_removed_and_a_symlink_there_is_not_followed(tmp_path):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "bewaren.txt").write_text("blijft", encoding="utf-8")
    output = tmp_path / "buren" / "zuidkust"
    output.mkdir(parents=True)
    (output / "oud.json").write_text("{}", encoding="utf-8")
    (output.parent / ".zuidkust-oud").mkdir()  # a swap stopped between its two renames
    (output.parent / ".zuidkust-oud" / "x.json").write_text("{}", encoding="utf-8")
    (output.parent / ".zuidkust-nieuw").symlink_to(elsewhere)  # planted
    made = tmp_path / "gemaakt"
    made.mkdir()
    (made / "nieuw.json").write_text("{}", encoding="utf-8")
    swap_folder(made, output)
    assert sorted(p.name for p in output.iterdir()) == ["nieuw.json"]
    assert sorted(p.name for p in output.parent.iterdir()) == ["zuidkust"]
    assert sorted(p.name for p in elsewhere.iterdir()) == ["bewaren.txt"]


def test_a_file_where_a_swap_puts_its_folders_is_removed(tmp_path):
    """A file (not a folder) with the name of the new or the old folder: removed, so the swap and every build after it
    still work."""
    output = tmp_path / "site"
    output.mkdir()
    for path in swap_places(output):
        path.write_text("iets", encoding="utf-8")
    made = tmp_path / "gemaakt"
    made.mkdir()
    (made / "index.html").write_text("nieuw", encoding="utf-8")
    swap_folder(made, output)
    assert (output / "index.html").read_text(encoding="utf-8") == "nieuw"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_what_a_stopped_site_swap_leaves_is_ignored_by_git():
    """A build stopped between the two renames of its site swap (scripts/build.py) leaves a folder beside site/:
    git must not offer it for a commit."""
    root = Path(__file__).resolve().parent.parent
    for path in (*swap_places(root / "site"), root / "site" / "pagefind"):
        probe = path / "index.html"
        ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", str(probe.relative_to(root))], cwd=root)
        assert ignored.returncode == 0, f"{probe.relative_to(root)} is not ignored by .gitignore"
