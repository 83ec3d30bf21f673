"""The README decides and tells the truth; the guide's examples are real.

The README's first screen answers what a region's web team asks first (what, for whom, cost, maintenance, support,
licence, the two commands); everything else is in handleiding/. Its checkable claims are checked: the commands
exist in the Makefile, the repository paths exist, the pictures are the current screenshots, every guide page it
links exists. The YAML examples of the guide pass the checker next to the example content.
"""
import re
import shutil

from conftest import ROOT
from leerlandschap import kinds
from leerlandschap.loader import check_content

README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = ROOT / "handleiding"
PAGES = {path.name: path.read_text(encoding="utf-8") for path in sorted(GUIDE.glob("*.md"))}
EXAMPLES = PAGES["inhoud-toevoegen.md"]
BLOCKS = re.findall(r"```yaml\n# (content/\S+)\n(.*?)```", EXAMPLES, re.S)
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))


def first_screen() -> str:
    return "\n".join(README.splitlines()[:60])


def test_the_readme_is_short():
    assert len(README.splitlines()) <= 250


def test_the_first_screen_answers_what_cost_maintenance_support_licence_and_how_to_start():
    top = first_screen()
    lowered = top.lower()
    assert "wat is het?" in lowered and "voor wie?" in lowered and "wat krijg je?" in lowered
    # cost: money and hosting, and an estimate of the hours of upkeep
    assert "wat kost het?" in lowered and "gratis" in lowered
    assert "GitHub Pages" in top and "GitLab Pages" in top and re.search(r"\d( à \d)? uur per maand", top)
    assert "wie onderhoudt het?" in lowered and "upstream" in lowered  # maintenance and how updates arrive
    assert "waar vraag je iets?" in lowered and "/issues" in top  # support
    assert "EUPL-1.2" in top and "[LICENSE](LICENSE)" in top  # licence
    assert "wat moet je kunnen?" in lowered and "/beheer/" in top and "git" in top  # what you need to know
    commands = re.search(r"```sh\n(.*?)```", top, re.S).group(1)
    assert [line.split()[:2] for line in commands.splitlines()] == [["make", "site"], ["make", "test"]]
    picture = re.search(r'<img src="(handleiding/[^"]+\.png)"[^>]* alt="([^"]+)"', top)
    assert picture and (ROOT / picture.group(1)).is_file() and len(picture.group(2).split()) >= 5


def test_every_make_command_named_in_readme_and_guide_exists():
    for name, text in {"README.md": README, **PAGES}.items():
        for target in re.findall(r"\bmake ([a-z][a-z-]*)", text):
            assert target in MAKE_TARGETS, f"{name} names `make {target}`, which the Makefile does not have"
    assert {"site", "test", "serve", "check", "setup"} <= MAKE_TARGETS


GENERATED = {"build", "site", "node_modules", ".venv", ".pytest_cache", ".git"}
TOP = {path.name for path in ROOT.iterdir() if path.is_dir() and path.name not in GENERATED}
ROOT_FILES = r"LICENSE|README\.md|Makefile|REUSE\.toml|pyproject\.toml|mkdocs\.yml|requirements[a-z-]*\.txt|package(-lock)?\.json"


def repository_paths(text: str) -> set[str]:
    """Paths in the repository the text names in `code`: starting at a top-level folder, or a top-level file name."""
    found = set()
    for code in re.findall(r"`([^`\n]+)`", text):
        if not re.fullmatch(r"[A-Za-z0-9_.-]+(/[A-Za-z0-9_.<>-]*)*", code) or "<" in code:
            continue  # a command, a URL, a placeholder such as content/bouwstenen/<id>.yml
        first = code.split("/")[0]
        if ("/" in code and first in TOP) or re.fullmatch(ROOT_FILES, code):
            found.add(code)
    return found


def test_every_repository_path_in_readme_and_guide_exists():
    named = set()
    for name, text in {"README.md": README, **PAGES}.items():
        for path in repository_paths(text):
            named.add(path)
            assert (ROOT / path).exists(), f"{name} names {path}, which does not exist"
    assert {"content/", "handleiding/", "REUSE.toml", "requirements.txt", "mkdocs.yml"} <= named  # it finds paths


def test_every_link_to_a_guide_page_or_file_exists():
    links = [("README.md", ROOT, target) for target in re.findall(r"\]\(([^)#\s]+)", README)]
    links += [(name, GUIDE, target) for name, text in PAGES.items() for target in re.findall(r"\]\(([^)#\s]+)", text)]
    local = [(name, base, target) for name, base, target in links if "://" not in target]
    assert len([t for n, _, t in local if n == "README.md" and t.startswith("handleiding/")]) >= 8
    for name, base, target in local:
        assert (base / target).exists(), f"{name} links {target}, which does not exist"


def test_the_readme_promises_nothing_the_site_contradicts():
    # On a phone the header shows a magnifying glass (a link to /zoeken/), not a button with the word "Zoeken".
    assert "vergrootglas" in README and "knop **Zoeken**" not in README
    header = (ROOT / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    assert 'class="md-header__button md-icon ll-zoekknop"' in header and "material/magnify.svg" in header
    # No promise that nobody needs technical knowledge: the one who runs the fork needs git and a terminal.
    assert "geen programmeerkennis" not in README.lower() and "terminal" in first_screen()
    # The editing page talks to GitHub or GitLab: the README says so instead of "no requests at all".
    assert "/beheer/` praat\nmet GitHub of GitLab" in README or "praat\nmet GitHub of GitLab" in README


def test_guide_examples_cover_each_kind():
    folders = {path.split("/")[1] for path, _ in BLOCKS}
    assert folders == {"praktijken", "bouwstenen", "vragensets", "tafels", "rollen", "bronnen"}
    assert any(path.count("/") == 3 for path, _ in BLOCKS)  # a bijeenkomst


def test_guide_examples_pass_the_checker(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for path, body in BLOCKS:
        target = tmp_path / path
        assert not target.exists(), f"guide example {path} would overwrite example content"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    model, problems = check_content(content, tmp_path)
    assert problems == []
    assert "samen-lunchen" in model.of(kinds.PRAKTIJK) and "leertafel-voorbeeld/2027-02-10" in model.of(kinds.BIJEENKOMST)
