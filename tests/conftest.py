from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def example_content():
    """The repository's own example content, loaded once."""
    from leerlandschap.loader import load_content

    return load_content(ROOT / "content")


@pytest.fixture(scope="session")
def chromium():
    """One headless Debian Chromium for the whole test session (Playwright allows one sync instance)."""
    from browser import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    """The example content built once for real (check, MkDocs, Pagefind) and served on 127.0.0.1."""
    from browser import SiteServer
    from sitebuild import build, make_project

    project = make_project(tmp_path_factory.mktemp("example") / "project")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    server = SiteServer(project / "site")
    yield project, server.url
    server.stop()


@pytest.fixture
def new_page(chromium, example_site):
    """new_page(**context options) -> a page in a fresh browser context; JavaScript errors fail the test."""
    contexts = []

    def make(**options):
        context = chromium.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        return page

    yield make
    for context in contexts:
        for page in context.pages:
            assert page.errors == []
        context.close()
