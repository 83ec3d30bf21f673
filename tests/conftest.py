from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def example_content():
    """The repository's own example content, loaded once."""
    from leerlandschap.loader import load_content

    return load_content(ROOT / "content")
