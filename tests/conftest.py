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
