"""The README's pictures are made by scripts/screenshots.py (make screenshots) and stay in step with it.

No browser here: the list of pictures is read from the script's SHOTS constant, the PNGs from handleiding/.
"""
import ast
import re
import struct

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "screenshots.py"
FOLDER = ROOT / "handleiding"
README = (ROOT / "README.md").read_text(encoding="utf-8")
IMAGES = re.findall(r"!\[([^\]]*)\]\(([^)\s]+)\)", README)


def shots() -> dict[str, str]:
    for node in ast.parse(SCRIPT.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "SHOTS" for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError("scripts/screenshots.py has no SHOTS constant")


def png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path.name} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_every_image_in_the_readme_exists_and_has_an_alt_text():
    local = [(alt, target) for alt, target in IMAGES if "://" not in target]
    assert local, "the README shows no pictures"
    for alt, target in local:
        assert (ROOT / target).is_file(), f"README shows {target}, which does not exist (make screenshots)"
        assert len(alt.split()) >= 3, f"{target} needs an alt text that says what it shows"


def test_every_shot_of_the_script_is_in_the_readme_and_nothing_else_is_in_the_folder():
    names = shots()
    assert 6 <= len(names) <= 12
    shown = {target for _, target in IMAGES}
    for name in names:
        assert f"handleiding/{name}" in shown, f"the README does not show handleiding/{name}"
    # Beside the task pages (Markdown), the pictures in handleiding/ are exactly the script's.
    assert {path.name for path in FOLDER.iterdir() if path.suffix != ".md"} == set(names), \
        "handleiding/ holds only the script's pictures (and Markdown task pages)"


def test_pictures_have_the_window_size_of_their_flow():
    for name in shots():
        expected = (390, 844) if name.startswith("professional-") else (1280, 900)
        assert png_size(FOLDER / name) == expected, name
        assert (FOLDER / name).stat().st_size < 300_000, f"{name} is too big for the repository"


def test_the_readme_says_how_to_refresh_the_pictures():
    assert "make screenshots" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^screenshots:.*##.*\n\t\$\(BIN\)/python scripts/screenshots\.py$", makefile, re.M)
