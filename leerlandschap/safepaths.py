"""Where the kit may write (and read back what it wrote): only inside the project, never through a symlink.

A folder such as `build/` or `site/` that is committed as a symlink (say, in a pull request) would otherwise make a
cache write or a site swap land anywhere on the machine. `inside(root, path)` is the one rule for this: the path,
made absolute without following links, must lie under `root`, and no part of it from `root` down may be a symlink.

A preview serves its site while it writes into it, so what it writes there appears whole or not at all:
`write_whole` (a file) and `swap_folder` (a folder, such as the search index): a browser that asks during the write
gets the old version or the new one, never half a file.
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from pathlib import Path

_AT_FDCWD = -100  # <fcntl.h>: paths relative to the working folder (renameat2, in exchange)
_RENAME_EXCHANGE = 2  # <linux/fs.h>


class UnsafePath(Exception):
    """A Dutch sentence: which path is refused and why."""


def inside(root: Path, path: Path) -> Path:
    """The absolute `path` (relative paths count from `root`), or UnsafePath when writing there could leave `root`."""
    base = Path(os.path.abspath(root))
    target = Path(os.path.abspath(base / path))  # '..' removed without following links
    if not target.is_relative_to(base):
        raise UnsafePath(f"{path} ligt buiten de map {base}. De kit schrijft alleen binnen die map.")
    current = base
    for part in target.relative_to(base).parts:
        current = current / part
        if current.is_symlink():
            shown = current.relative_to(base)
            raise UnsafePath(f"{shown} is een snelkoppeling (symlink) naar {os.readlink(current)}. De kit schrijft en leest "
                             f"daar niet, want zo kan het buiten de map {base} terechtkomen. Haal de snelkoppeling weg "
                             f"(bijvoorbeeld: rm {shown}) en probeer het opnieuw.")
        if not current.exists():
            break
    if not target.resolve().is_relative_to(base.resolve()):
        raise UnsafePath(f"{path} komt uit buiten de map {base}. De kit schrijft alleen binnen die map.")
    return target


def write_whole(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` aside (same folder, so same disk), then rename it into place in one step. The file aside
    is always a new one: never a file or a symlink that was there before."""
    aside = path.with_name(f".{path.name}.{os.getpid()}.nieuw")
    aside.unlink(missing_ok=True)
    handle = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    with open(handle, "wb") as written:
        written.write(data.encode("utf-8") if isinstance(data, str) else data)
    os.replace(aside, path)


def swap_places(output: Path) -> tuple[Path, Path]:
    """Where swap_folder puts the new folder before the swap, and the old one after it: beside `output`, hidden
    (`.site-nieuw`, `.site-oud`: .gitignore's `.site-*/`)."""
    return output.with_name(f".{output.name}-nieuw"), output.with_name(f".{output.name}-oud")


def swap_folder(made: Path, output: Path) -> None:
    """Put the folder `made` (anywhere, say in memory) at `output`, in place of what is there. It is first moved beside
    `output`, which is a copy when `made` is on another disk; then it changes places with `output` in one step
    (`exchange`), so a reader always finds the old folder or the new one, each whole. Where the system cannot do that
    in one step, two renames do it, and `output` is missing for a moment between them (a 404 for a browser that asks
    just then), never for the whole copy. What an interrupted swap left beside `output` is removed by the next one (a
    symlink or a file there is removed; a symlink is never followed)."""
    new, old = swap_places(output)
    for leftover in (new, old):
        if leftover.is_symlink() or leftover.is_file():
            leftover.unlink()
        shutil.rmtree(leftover, ignore_errors=True)
        if leftover.exists():
            raise OSError(f"{leftover} kon niet worden weggehaald")
    shutil.move(made, new)
    if output.is_dir() and not output.is_symlink() and exchange(new, output):
        shutil.rmtree(new, ignore_errors=True)  # the old folder, now
        return
    if output.exists():
        os.rename(output, old)
    os.rename(new, output)
    shutil.rmtree(old, ignore_errors=True)


def exchange(first: Path, second: Path) -> bool:
    """Let two existing paths change places in one step: Linux's renameat2 with RENAME_EXCHANGE (glibc 2.28, 2018).
    False where the system or its file system has no such step; the paths are then as they were."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library without it
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # not on this file system or kernel
        return False
    raise OSError(number, os.strerror(number), str(second))
