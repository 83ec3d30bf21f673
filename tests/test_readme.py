"""The README's examples are real: every YAML block in it passes the checker next to the example content."""
import re
import shutil

from conftest import ROOT
from leerlandschap.loader import check_content

BLOCKS = re.findall(r"```yaml\n# (content/\S+)\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_readme_has_an_example_of_each_kind():
    folders = {path.split("/")[1] for path, _ in BLOCKS}
    assert folders == {"praktijken", "bouwstenen", "vragensets", "tafels", "rollen", "bronnen"}
    assert any(path.count("/") == 3 for path, _ in BLOCKS)  # a bijeenkomst


def test_readme_examples_pass_the_checker(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for path, body in BLOCKS:
        target = tmp_path / path
        assert not target.exists(), f"README example {path} would overwrite example content"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    model, problems = check_content(content, tmp_path)
    assert problems == []
    assert "samen-lunchen" in model.praktijken and "leertafel-voorbeeld/2027-02-10" in model.bijeenkomsten
