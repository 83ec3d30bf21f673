"""Build the Pagefind search index for a built site folder, with byte-identical output.

Pagefind 1.5 writes its filter indexes in hash-map order, which changes from run to run
(upstream issue Pagefind/pagefind#638: fragments are stable, filter and meta indexes are not).
`canonicalise` rewrites those few files in sorted order and renames them by content hash, so two
builds of the same content are byte-identical, search index included.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"  # Pagefind's marker in front of every CBOR index file


def index_site(site_dir: Path) -> None:
    """Write `<site_dir>/pagefind/`; raises CalledProcessError with Pagefind's output on failure."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"],
                   check=True, capture_output=True, text=True)
    canonicalise(site_dir / "pagefind")


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind index file")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, prefix: str, suffix: str, value, digits: int) -> str:
    """Store `value` under a name derived from its content; returns the hash part of the name."""
    raw = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, mtime=0))
    return name


def canonicalise(pagefind_dir: Path) -> None:
    entry_path = pagefind_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in sorted(entry["languages"].items()):
        meta_path = pagefind_dir / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)  # [version, pages, index chunks, filters [[name, hash]], sorts, meta fields]
        filters = []
        for name, old_hash in sorted(meta[3]):
            old_path = pagefind_dir / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = _read(old_path)  # [name, [[value, [page numbers]]]]
            values = sorted([value, sorted(pages)] for value, pages in values)
            old_path.unlink()
            filters.append([name, _write(pagefind_dir / "filter", f"{language}_", ".pf_filter", [filter_name, values], 7)])
        meta[3] = filters
        meta_path.unlink()
        info["hash"] = _write(pagefind_dir, f"pagefind.{language}_", ".pf_meta", meta, 10).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
