"""The pictures of the README and the guide are made by scripts/screenshots.py (make screenshots) and stay in step.

No browser here: the list of pictures is read from the script's SHOTS constant, the PNGs from handleiding/. The
README shows one (as <img>, to give it a width); the people guides in handleiding/ show the others.
"""
import ast
import re
import struct

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "screenshots.py"
FOLDER = ROOT / "handleiding"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def images(path) -> list[tuple[str, str]]:
    """(alt text, target from the repository root) of every picture in a Markdown file, as ![..](..) or <img>."""
    text = path.read_text(encoding="utf-8")
    found = re.findall(r"!\[([^\]]*)\]\(([^)\s]+)\)", text)
    found += [(alt, src) for src, alt in re.findall(r'<img src="([^"]+)"[^>]*? alt="([^"]*)"', text)]
    base = path.parent.relative_to(ROOT).as_posix()
    return [(alt, target if "://" in target or base == "." else f"{base}/{target}") for alt, target in found]


IMAGES = [image for path in [ROOT / "README.md", *sorted(FOLDER.glob("*.md"))] for image in images(path)]


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
    assert [target for _, target in images(ROOT / "README.md")], "the README shows no picture"
    for alt, target in local:
        assert (ROOT / target).is_file(), f"{target} is shown but does not exist (make screenshots)"
        assert len(alt.split()) >= 3, f"{target} needs an alt text that says what it shows"


def test_every_shot_of_the_script_is_shown_and_no_other_picture_is_in_the_folder():
    names = shots()
    assert 6 <= len(names) <= 12
    shown = {target for _, target in IMAGES}
    for name in names:
        assert f"handleiding/{name}" in shown, f"neither the README nor the guide shows handleiding/{name}"
    pictures = {path.name for path in FOLDER.iterdir() if path.suffix != ".md"}
    assert pictures == set(names), "handleiding/ holds the guide's pages and only the script's pictures"


def test_pictures_have_the_window_size_of_their_flow():
    for name in shots():
        expected = (390, 844) if name.startswith("professional-") else (1280, 900)
        assert png_size(FOLDER / name) == expected, name
        assert (FOLDER / name).stat().st_size < 300_000, f"{name} is too big for the repository"


def test_the_readme_says_how_to_refresh_the_pictures():
    assert "make screenshots" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^screenshots:.*##.*\n\tPYTHONPATH=tests \$\(BIN\)/python scripts/screenshots\.py$", makefile, re.M)
