"""The build's shortcuts (issue 25: speed) give the same site as the long way, byte for byte.

Shortcuts: item pages rendered on two cores (leerlandschap/parallel.py), no Markdown conversion for generated pages
and theme blocks shared by the item pages of a group (leerlandschap_mkdocs/shortcuts.py). The plugin option
`snel: false` takes the long way for all three."""
from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from conftest import EXAMPLE_CONTENT
from leerlandschap.pages import GeneratedPage
from leerlandschap_mkdocs.plugin import PLACEHOLDER
from leerlandschap_mkdocs.shortcuts import SharedBlocks, render_placeholder
from sitebuild import ROOT, build, make_project


def test_the_site_with_shortcuts_is_byte_identical_to_the_site_without(example_project, tmp_path):
    project = make_project(tmp_path / "lang")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - leerlandschap " in text
    config.write_text(text.replace("\n  - leerlandschap ", "\n  - leerlandschap:\n      snel: false\n    #", 1),
                      encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    fast, slow = example_project / "site", project / "site"
    files = sorted(p.relative_to(fast) for p in fast.rglob("*") if p.is_file())
    assert len([f for f in files if f.name == "index.html"]) > 80  # item pages, question pages and overviews
    assert files == sorted(p.relative_to(slow) for p in slow.rglob("*") if p.is_file())
    assert [str(f) for f in files if (fast / f).read_bytes() != (slow / f).read_bytes()] == []


# Run in a process of its own: pytest-xdist's workers run a thread, and parallel.py never forks a process with threads.
MARKING = """
import json, os, sys
from pathlib import Path
from leerlandschap.loader import load_content
from leerlandschap.pages import GeneratedPage, PageMaker
from leerlandschap.parallel import pages_per_item

class Marking(PageMaker):  # writes the process that made a page into its description
    def pages_of(self, kind, item):
        return [GeneratedPage(p.url, p.title, p.body, str(os.getpid()), p.source) for p in super().pages_of(kind, item)]

maker = Marking(load_content(Path(sys.argv[1])))
items = maker.items()
print(json.dumps({"pid": os.getpid(), "items": len(items),
                  "both": [[[p.url, p.body, p.description, shown] for p, shown in zip(*made)] for made in pages_per_item(maker, items, True)],
                  "here": [[[p.url, p.body, p.description, shown] for p, shown in zip(*made)] for made in pages_per_item(maker, items, False)]}))
"""


def test_item_pages_are_made_by_two_processes_and_come_back_in_order():
    result = subprocess.run([sys.executable, "-c", MARKING, str(EXAMPLE_CONTENT)], capture_output=True, text=True,
                            encoding="utf-8", check=True)
    found = json.loads(result.stdout)
    pid = str(found["pid"])
    assert found["items"] >= 40
    same = [[(page[0], page[1], page[3]) for page in pages] for pages in found["both"]]
    assert same == [[(page[0], page[1], page[3]) for page in pages] for pages in found["here"]]  # same pages, same order
    assert any("\u00ad" in page[3] and "\u00ad" not in page[1] for pages in found["both"] for page in pages)  # hyphenated
    makers = {page[2] for pages in found["both"] for page in pages}
    assert len(makers) == 2 and pid in makers  # this process and one forked child
    assert {page[2] for pages in found["here"] for page in pages} == {pid}


def _page(config, src_uri: str, markdown: str) -> tuple[Page, Files]:
    config.plugins._current_plugin = "leerlandschap"  # as during the plugin's on_files, where pages are made
    file = File.generated(config, src_uri, content=markdown)
    page = Page(None, file, config)
    page.read_source(config)
    return page, Files([file])


def _rendered(page: Page) -> tuple:
    return page.content, str(page.toc), list(page.toc), page.present_anchor_ids, page.title, page.links_to_anchors


def test_a_generated_page_without_markdown_gets_what_markdown_would_give():
    config = load_config(str(ROOT / "mkdocs.yml"))
    source = GeneratedPage("bouwstenen/x/", "Titel <met> & teken", "<h1 id='a'>X</h1>", "Over iets").markdown(PLACEHOLDER)
    real, files = _page(config, "bouwstenen/x.md", source)
    Page.render(real, config, files)
    fast, files = _page(config, "bouwstenen/x.md", source)
    fast.render = render_placeholder(fast, PLACEHOLDER)
    fast.render(config, files)
    assert _rendered(fast) == _rendered(real)
    assert real.title == "Titel &lt;met&gt; &amp; teken"  # the escaped title of the front matter, not a heading


def test_a_page_with_other_markdown_is_converted_as_usual():
    config = load_config(str(ROOT / "mkdocs.yml"))
    source = "---\ntitle: T\n---\n\n# Kop\n\n## Deel {#deel}\n\nTekst [link](#deel).\n"
    page, files = _page(config, "over.md", source)
    page.render = render_placeholder(page, PLACEHOLDER)
    page.render(config, files)
    assert '<h2 id="deel">Deel</h2>' in page.content and page.present_anchor_ids == {"kop", "deel"}
    assert [item.title for item in page.toc] == ["Kop"]


def _fake(url: str, meta: dict | None = None) -> SimpleNamespace:
    return SimpleNamespace(url=url, parent=None, previous_page=None, next_page=None, toc=[],
                           meta={"hide": ["toc"]} if meta is None else meta)


def test_theme_blocks_are_shared_by_pages_of_the_same_depth_and_section_only():
    shared = SharedBlocks()
    shared.start(SimpleNamespace(pages=[SimpleNamespace(url=u) for u in ("", "bouwstenen/", "over/", "tafels/t/x/")]))
    question_a, question_b = shared.group(_fake("bouwstenen/a/v1/")), shared.group(_fake("bouwstenen/b/v2/"))
    assert question_a is not None and question_a == question_b  # every bouwsteen's questions: one group
    assert shared.group(_fake("bouwstenen/a/")) != question_a  # another depth
    assert shared.group(_fake("bouwstenen/a/")) != shared.group(_fake("praktijken/a/"))  # another section
    assert shared.group(_fake("praktijken/a/")) == shared.group(_fake("praktijken/b/"))
    assert shared.group(_fake("over/")) is None  # in the navigation: its own entry is marked there
    assert shared.group(_fake("tafels/t/")) is None  # a navigation page lies below it
    # a page whose links to navigation pages differ: tafels/t/y/ shares two folders with tafels/t/x/, tafels/u/y/ one
    assert shared.group(_fake("tafels/u/y/")) != shared.group(_fake("tafels/t/y/"))
    assert shared.group(_fake("praktijken/c/", meta={"hide": []})) != shared.group(_fake("praktijken/a/"))
