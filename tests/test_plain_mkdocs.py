"""MkDocs conventions: plain `mkdocs build` (the plugin `leerlandschap`, installed by make setup) gives the complete
site, search included, without scripts/build.py or any environment variable."""
import os
import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from browser import SiteServer
from sitebuild import make_project

pytestmark = pytest.mark.build  # builds a project of its own with plain mkdocs


def test_plain_mkdocs_build_gives_a_site_whose_search_works(tmp_path, chromium):
    project = make_project(tmp_path / "project")
    mkdocs = os.path.join(os.path.dirname(sys.executable), "mkdocs")  # the console script, as a user types it
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEERLANDSCHAP")}
    result = subprocess.run([mkdocs, "build", "-d", str(tmp_path / "site")], cwd=project, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "pagefind" / "pagefind.js").is_file()
    server = SiteServer(tmp_path / "site")
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(server.url + "zoeken/?q=bestuurders")
        expect(page.locator("#ll-zoekstatus")).to_contain_text(re.compile(r"\d+ resultat"))
        expect(page.locator("#ll-resultaten a").first).to_be_visible()
    finally:
        context.close()
        server.stop()
