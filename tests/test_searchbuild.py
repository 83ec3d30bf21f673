"""The search index of a build (leerlandschap/searchbuild.py, issue 25: speed): the item pages' documents made with the
pages on two cores are the documents the index's own process makes, and a stopped index leaves nothing behind.

That the whole index (and the site) stays byte-identical to the long way is tests/test_shortcuts.py's first test."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from leerlandschap.searchbuild import BackgroundIndex
from sitebuild import ROOT

# In a process of its own: pytest-xdist's workers run a thread, and parallel.py never forks a process with threads.
DOCUMENTS = """
import json, os, sys
from pathlib import Path
from leerlandschap.loader import load_content
from leerlandschap.pages import PageMaker
from leerlandschap.parallel import pages_with_documents
from leerlandschap.searchdocs import NOT_SEARCHABLE, Writer

maker = PageMaker(load_content(Path(sys.argv[1])))
items = maker.items()
out = {}
for parallel in (True, False):
    rendered, made = pages_with_documents(maker, items, parallel)
    out[str(parallel)] = {"documents": made.by_url, "pages": made.pages, "counts": made.counts}
alone = Writer(None)  # the long way: one writer, every page in order, as the index's process does it
pages = [page for kind, _, item in items for page in maker.pages_of(kind, item)]
out["alone"] = {"documents": {p.url: None if NOT_SEARCHABLE in p.body else alone.document(p.url, p.title, p.body, False)
                              for p in pages},
                "pages": alone.words.pages, "counts": alone.words.counts}
print(json.dumps(out))
"""


def test_documents_made_with_the_pages_are_the_ones_the_index_makes_itself():
    result = subprocess.run([sys.executable, "-c", DOCUMENTS, str(ROOT / "content")], capture_output=True, text=True,
                            encoding="utf-8", check=True)
    found = json.loads(result.stdout)
    alone = found["alone"]
    assert len(alone["documents"]) > 80 and alone["pages"] > 80  # item pages and their question pages
    assert all('<main data-pagefind-body>' in d for d in alone["documents"].values() if d is not None)
    for way in ("True", "False"):  # two processes, and one
        assert found[way]["documents"] == alone["documents"]
        assert (found[way]["pages"], found[way]["counts"]) == (alone["pages"], alone["counts"])


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
