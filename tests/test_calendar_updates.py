"""A meeting whose time changes must update in calendar apps: DTSTAMP, LAST-MODIFIED and SEQUENCE (RFC 5545)."""
import datetime
import os
import shutil
import subprocess

import icalendar
import pytest

from conftest import ROOT
from leerlandschap import kinds
from leerlandschap.sitedata import load_site

UTC = datetime.UTC
T1, T2, BUILD = 1_780_000_000, 1_790_000_000, 1_795_000_000  # first commit, second commit, build


def git(project, *args, when):
    stamp = f"@{when} +0000"
    env = dict(os.environ, GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="T",
               GIT_COMMITTER_EMAIL="t@example.invalid", GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp,
               GIT_CONFIG_GLOBAL="/dev/null")
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def events(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(BUILD))
    site = load_site(project / "content")
    files = site.files("https://leer.example/")
    tafel, meeting = next((m.tafel, m) for m in site.content.of(kinds.BIJEENKOMST).values())
    calendar = icalendar.Calendar.from_ical(files[f"agenda/{tafel}.ics"])
    return meeting, {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    git(tmp_path, "init", "-q", "-b", "main", when=T1)
    git(tmp_path, "add", "-A", when=T1)
    git(tmp_path, "commit", "-q", "-m", "eerste versie", when=T1)
    return tmp_path


def test_a_changed_meeting_gets_a_newer_last_modified_and_a_higher_sequence(project, monkeypatch):
    meeting, before = events(project, monkeypatch)
    uid = f"{meeting.id.replace('/', '.')}@leer.example"
    first = before[uid]
    assert first.decoded("DTSTAMP") == datetime.datetime.fromtimestamp(BUILD, UTC)  # the build's time, not the meeting's
    assert first.decoded("LAST-MODIFIED") == datetime.datetime.fromtimestamp(T1, UTC)

    path = project / meeting.herkomst.pad
    text = path.read_text(encoding="utf-8")
    new_time = 'tijd: "09:00-11:00"\n'
    text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("tijd:"))
    path.write_text(text + new_time, encoding="utf-8")
    git(project, "commit", "-q", "-am", "andere tijd", when=T2)

    _, after = events(project, monkeypatch)
    second = after[uid]  # the same UID: the app replaces the event instead of adding one
    assert second.decoded("DTSTART").strftime("%H:%M") == "09:00"
    assert second.decoded("LAST-MODIFIED") == datetime.datetime.fromtimestamp(T2, UTC)
    assert int(second["SEQUENCE"]) > int(first["SEQUENCE"]) >= 0
    # Meetings that did not change keep their numbers, so apps leave them alone.
    for other, event in after.items():
        if other != uid:
            assert int(event["SEQUENCE"]) == int(before[other]["SEQUENCE"])


def test_an_uncommitted_change_counts_as_changed_at_build_time(project, monkeypatch):
    meeting, before = events(project, monkeypatch)
    path = project / meeting.herkomst.pad
    path.write_text(path.read_text(encoding="utf-8") + "locatie: Online\n", encoding="utf-8")
    _, after = events(project, monkeypatch)
    uid = f"{meeting.id.replace('/', '.')}@leer.example"
    assert after[uid].decoded("LAST-MODIFIED") == datetime.datetime.fromtimestamp(BUILD, UTC)
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])


def test_outside_git_the_build_time_is_used(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # do not find a repository above the temp dir
    _, found = events(tmp_path, monkeypatch)
    assert {e.decoded("LAST-MODIFIED") for e in found.values()} == {datetime.datetime.fromtimestamp(BUILD, UTC)}
