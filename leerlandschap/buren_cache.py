"""The copies of the neighbours' open data under build/buren/<address>/: the last good read, and the last failed try.

A good read is kept with the moment it was fetched (opgehaald.json); within the region's freshness window
(`buren_vers_uren`) a build uses it without asking the neighbour again, and after that it is the fallback when the
neighbour is down. A failed try is remembered too (poging.json), so `make site` right after `make buren` does not
spend a slow neighbour's budget a second time. Everything is written and read only inside the project
(safepaths.inside): a `build/` or `build/buren/` that is a symlink is refused with a Dutch message.
"""
from __future__ import annotations

import datetime
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .buren_fetch import FILES, FetchError, Raw
from .buren_read import Read, read_files
from .safepaths import UnsafePath, inside, swap_folder, write_whole

CACHE_DIR = Path("build") / "buren"  # under the project
META = "opgehaald.json"
ATTEMPT = "poging.json"


def cache_key(adres: str) -> str:
    """'https://zuidkust.github.io/leerlandschap/' -> 'zuidkust.github.io-leerlandschap' (a folder name)."""
    rest = adres.split("://", 1)[-1]
    return re.sub(r"[^a-z0-9.]+", "-", rest.lower()).strip("-.") or "buur"


@dataclass(frozen=True)
class Copy:
    """Where one neighbour's copy lives; every method refuses paths that could leave the project (UnsafePath)."""

    project: Path
    adres: str

    @property
    def folder(self) -> Path:
        return inside(self.project, CACHE_DIR / cache_key(self.adres))

    def _file(self, name: str) -> Path:
        return inside(self.project, self.folder / name)

    def _meta(self, name: str) -> dict[str, Any]:
        try:
            meta = json.loads(self._file(name).read_text(encoding="utf-8"))
        except (OSError, ValueError, UnsafePath):
            return {}
        return meta if isinstance(meta, dict) and meta.get("adres") == self.adres else {}

    @staticmethod
    def _moment(meta: dict[str, Any], key: str) -> datetime.datetime | None:
        try:
            when = datetime.datetime.fromisoformat(meta[key])
        except (KeyError, TypeError, ValueError):
            return None
        return when if when.tzinfo else when.replace(tzinfo=datetime.UTC)

    def fetched(self) -> datetime.datetime | None:
        """When the copy was fetched; None when there is no copy."""
        return self._moment(self._meta(META), "opgehaald")

    def attempt(self) -> tuple[datetime.datetime, str] | None:
        """The last failed try: when, and the reason; None when the last try went well."""
        meta = self._meta(ATTEMPT)
        when = self._moment(meta, "geprobeerd")
        return (when, str(meta.get("melding", ""))) if when else None

    def read(self, max_items: int) -> tuple[Read, datetime.datetime] | None:
        """The copy, checked again (the kit may have changed since); None when there is none that works."""
        when = self.fetched()
        if when is None:
            return None
        try:
            raw = {name: self._file(f"{name}.json").read_bytes() for name in FILES}
            return read_files(raw, self.adres, max_items), when
        except (OSError, FetchError, UnsafePath):
            return None

    def write(self, raw: Raw, when: datetime.datetime) -> None:
        """Replace the copy by `raw` in one step (a half-written copy is never read)."""
        folder = self.folder
        new = inside(self.project, folder.with_name(folder.name + ".nieuw"))
        shutil.rmtree(new, ignore_errors=True)
        new.mkdir(parents=True)
        for name, data in raw.items():
            (new / f"{name}.json").write_bytes(data)
        (new / META).write_text(json.dumps({"adres": self.adres, "opgehaald": when.isoformat()}) + "\n", encoding="utf-8")
        swap_folder(new, folder)  # the last good copy stays until the new one is whole

    def remember_failure(self, when: datetime.datetime, melding: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        write_whole(self._file(ATTEMPT), json.dumps({"adres": self.adres, "geprobeerd": when.isoformat(), "melding": melding},
                                                    ensure_ascii=False) + "\n")
