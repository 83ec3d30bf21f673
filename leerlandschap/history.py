"""When each content file last changed, from git: calendars need it so an edited meeting updates in calendar apps.

One `git log` over content/ and regio/ answers for every file at once (a call per file would cost seconds at
1000 items). A file with uncommitted changes counts as changed at build time. Outside a git checkout the
answer is empty and callers fall back to the build time.
"""
from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

UTC = datetime.UTC


def last_changes(project: Path, now: datetime.datetime) -> dict[str, datetime.datetime]:
    """{'content/tafels/x/2026-01-12.yml': time of the last commit that changed it, ...} (paths from the project root)."""
    def git(*args: str) -> str | None:
        try:
            result = subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return result.stdout if result.returncode == 0 else None

    prefix = (git("rev-parse", "--show-prefix") or "").strip()  # the project may sit below the repository's root
    log = git("log", "--format=%x00%ct", "--name-only", "--no-renames", "--", ".")
    if log is None:
        return {}
    changed: dict[str, datetime.datetime] = {}
    for commit in log.split("\0")[1:]:
        stamp, *names = commit.strip().splitlines()
        when = datetime.datetime.fromtimestamp(int(stamp), UTC)
        for name in names:
            if name.startswith(prefix):
                changed.setdefault(name[len(prefix):], when)  # newest commit first: keep the first seen
    for line in (git("status", "--porcelain", "--no-renames", "--untracked-files=all", "--", ".") or "").splitlines():
        name = line[3:].strip('"')
        if name.startswith(prefix):
            changed[name[len(prefix):]] = now
    return changed
