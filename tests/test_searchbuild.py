"""The search index of a build (leerlandschap/searchbuild.py, issue 25: speed): a build's index lands in the site folder
with its vocabulary, and a stopped index leaves nothing behind.

That the whole index (and the site) stays byte-identical to the long way is tests/test_shortcuts.py's first test."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from leerlandschap.searchbuild import BackgroundIndex


def test_a_stopped_index_leaves_no_files_and_no_half_index(tmp_path):
    output = tmp_path / "site" / "pagefind"
    index = BackgroundIndex(output, None, direct=True)
    scratch = index._scratch
    index.pages([("a/", "Een pagina", "<h1>Een pagina</h1><p>Leren met elkaar.</p>")])
    assert scratch.is_dir()
    index.cancel()
    assert not scratch.exists() and not output.exists()
    assert index._child.poll() is not None  # the child process is gone


def test_a_build_index_is_written_into_the_site_folder_with_its_vocabulary(tmp_path):
    output = tmp_path / "site" / "pagefind"
    index = BackgroundIndex(output, None, direct=True)
    index.pages([("a/", "Intervisie", "<h1>Intervisie</h1><p>Leren met collega's in een intervisiegroep.</p>"),
                 ("b/", "Leertafel", "<h1>Leertafel</h1><p>Een tafel waar de regio samen leert.</p>")])
    index.add("over/", "Over", "<h1>Over</h1><p>Over deze site.</p>")
    index.write()
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == 3
    vocabulary = json.loads((output / "leerlandschap-woorden.json").read_text(encoding="utf-8"))
    assert vocabulary["paginas"] == 3 and "intervisiegroep" in vocabulary["woorden"].split()
    assert (output / "leerlandschap-woorden" / "hulp.json").is_file()
    assert not Path(index._scratch).exists()


def test_a_stopped_index_process_ends_at_once_and_cancel_removes_what_it_left(tmp_path):
    """A preview's next save stops the index being made (its process and Pagefind no longer take a core from the
    save's build) and removes the scratch folder only later, once the save's page is shown (later.py)."""
    output = tmp_path / "site" / "pagefind"
    index = BackgroundIndex(output, None, nice=True)
    index.pages([("a/", "Een pagina", "<h1>Een pagina</h1><p>Leren met elkaar.</p>")])
    index.stop()
    assert index._child.wait(timeout=10) is not None  # gone (killed), without cancel() waiting for it
    assert index._scratch.is_dir()
    index.cancel()
    assert not index._scratch.exists() and not output.exists()


def test_the_process_that_builds_the_pages_does_not_load_the_word_frequencies():
    """Dutch word frequencies (wordfreq, with ftfy and langcodes: about 0.6 s to import) split compounds for the
    index, which its own process makes: the process that builds the pages never loads them (issue 25: speed)."""
    code = ("import sys, leerlandschap_mkdocs.plugin, leerlandschap_mkdocs.macros, leerlandschap.sitedata; "
            "print(sorted(name for name in ('wordfreq', 'ftfy', 'langcodes') if name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
