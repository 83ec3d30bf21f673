"""Compiled Jinja templates kept between builds: in memory for the saves of one preview, on disk for later builds.

Why: compiling templates costs about a second of CPU in every build (Material's base.html and its partials, our
overrides and leerlandschap/templates), more than rendering all pages of a small site. What does not change between
builds need not be compiled again.

Safe to reuse: Jinja checks a checksum of the template's text, and the key holds the template's name, that checksum
and every setting of the environment that changes the compiled code, so an edited template, another Jinja or Python,
or an environment with other settings (autoescape, say) never gets code compiled for something else. The key leaves
out where the file lies: copies of a project (a region's fork, the tests' projects) share the compiled code.

The folder: `$XDG_CACHE_HOME/leerlandschap/` (else `~/.cache/leerlandschap/`), or the folder named by the environment
variable LEERLANDSCHAP_CACHE (empty: nothing on disk); one subfolder per Jinja and Python version. Removing it is
always safe: the next build compiles again. Where it cannot be made or written (a read-only home), or belongs to
another user, the compiled code stays in memory only. As with Python's own `__pycache__`, whoever can write that
folder can change what a build runs: it is made for this user only.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import threading
import weakref
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, bc_magic

CACHE_VARIABLE = "LEERLANDSCHAP_CACHE"  # another folder for the cache; empty: none on disk (the tests set it per run)


def cache_folder() -> Path | None:
    """The folder for compiled templates (made, private to this user), or None when it cannot be made or written."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen == "":
        return None
    version = f"jinja-{jinja2.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"
    try:  # no home folder at all (RuntimeError) is like one that cannot be written
        base = Path(chosen) if chosen else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "leerlandschap"
        folder = base / version
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):
        return None
    if hasattr(os, "getuid") and folder.stat().st_uid != os.getuid():  # made by someone else: not trusted
        return None
    return folder if os.access(folder, os.W_OK | os.X_OK) else None


def settings_of(environment: jinja2.Environment) -> str:
    """Everything of an environment that the compiled code of its templates depends on (autoescape, which may depend
    on the template, is added per template: TemplateCache.get_bucket)."""
    return repr((
        environment.block_start_string, environment.block_end_string, environment.variable_start_string,
        environment.variable_end_string, environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix, environment.trim_blocks,
        environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
        sorted(environment.extensions), environment.optimized, environment.finalize is not None,
        environment.is_async, environment.undefined.__qualname__, environment.policies.get("compiler.ascii_str"),
    ))


class TemplateCache(jinja2.BytecodeCache):
    """A jinja2.BytecodeCache in memory and, when `folder` is given, on disk (see the module's docstring)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.memory: dict[str, bytes] = {}
        self._settings: weakref.WeakKeyDictionary[jinja2.Environment, str] = weakref.WeakKeyDictionary()

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        settings = self._settings.get(environment)
        if settings is None:  # once per environment (MkDocs makes one per build)
            settings = self._settings[environment] = settings_of(environment)
        checksum = self.get_source_checksum(source)
        autoescape = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
        key = hashlib.sha256(f"{settings}\n{autoescape!r}\n{name}\n{checksum}".encode()).hexdigest()
        bucket = Bucket(environment, key, checksum)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.memory.get(bucket.key)
        if code is None and self.folder is not None:
            with contextlib.suppress(OSError):
                code = (self.folder / f"{bucket.key}.jinja").read_bytes()
        # What Jinja writes: a header, the source's checksum (pickled) and the code. Only a file that starts with the
        # header and checksum expected here is handed to Jinja, so nothing else is ever unpickled; code Jinja cannot
        # read (a damaged file) leaves the bucket empty, and the template is compiled again.
        if code is not None and code.startswith(bc_magic + pickle.dumps(bucket.checksum, 2)):
            bucket.bytecode_from_string(code)
            if bucket.code is not None:
                self.memory[bucket.key] = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = self.memory[bucket.key] = bucket.bytecode_to_string()
        if self.folder is None:
            return
        path = self.folder / f"{bucket.key}.jinja"
        written = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
        try:  # written aside, then renamed: builds running side by side never read half a file
            written.write_bytes(code)
            os.replace(written, path)
        except OSError:  # a full or read-only disk: the build goes on with the code in memory
            with contextlib.suppress(OSError):
                written.unlink()
