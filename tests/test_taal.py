"""Plain Dutch (B1) as a check: the taal report of `make check`, the site's own texts, and Dutch counts."""
import shutil
import subprocess
import sys

from conftest import EXAMPLE_CONTENT, FIXTURES, ROOT
from leerlandschap import taal
from leerlandschap.woorden import aantal


def test_sentences_are_split_and_counted():
    text = ("Dit is kort. Dit is een veel langere zin die echt meer dan twintig woorden telt, want hij gaat maar door "
            "en door en door.\n\n- Een punt in een lijst")
    zinnen = taal.zinnen(text)
    assert zinnen[0] == "Dit is kort." and zinnen[-1] == "Een punt in een lijst" and len(zinnen) == 3
    assert [taal.te_lang(z) for z in zinnen] == [False, True, False]
    assert taal.te_lang(" ".join(["woord"] * 20) + ".") is False and taal.te_lang(" ".join(["woord"] * 21)) is True


def test_jargon_is_found_but_a_field_name_is_not():
    assert sorted(taal.jargon("Dit is een symlink naar een anker.")) == ["anker", "symlink"]
    assert taal.jargon("id: 'vraag' komt twee keer voor. Geef elke vraag een andere naam.") == []
    assert taal.jargon("Elke id moet uniek zijn.") == ["id"]


def test_counts_use_the_right_form_of_the_noun():
    assert [aantal(n, "reflectievraag") for n in (0, 1, 2)] == ["0 reflectievragen", "1 reflectievraag", "2 reflectievragen"]
    assert aantal(1, "praktijk") == "1 praktijk" and aantal(3, "tafel") == "3 tafels" and aantal(1, "thema") == "1 thema"
    assert aantal(0, "tafel", geen=True) == "geen tafels" and aantal(2, "probleem") == "2 problemen"


def test_the_sites_own_sentences_are_mostly_short():
    verslagen = [taal.verslag(path, path.relative_to(ROOT).as_posix()) for path in taal.site_files(ROOT)]
    lang, alle = taal.aandeel_lang(verslagen)
    assert alle > 500  # templates, hand-written pages and messages were all read
    assert lang / alle <= 0.05, [f"{v.pad}:{t.regel}: {t.tekst}" for v in verslagen for t in v.lang]


def test_checker_messages_use_no_jargon():
    lines = (FIXTURES / "broken" / "expected.txt").read_text(encoding="utf-8").splitlines()
    messages = [line.split(": ", 1)[1] for line in lines if ": " in line]
    assert len(messages) > 30
    assert [(m, taal.jargon(m)) for m in messages if taal.jargon(m)] == []
    assert not any(word in m for m in messages for word in ("YAML-tag", "symlink", "Ankers", "geldige id"))


def test_make_check_reports_plain_dutch_as_information():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content"], cwd=EXAMPLE_CONTENT.parent,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "Ter info: gewone taal (B1)." in result.stdout
    assert "content/bouwstenen/coordineer-het-leren.yml: " in result.stdout  # a long sentence quoted from the source
    detail = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content", "--taal"],
                            cwd=EXAMPLE_CONTENT.parent,
                            capture_output=True, text=True)
    assert detail.returncode == 0 and "  regel " in detail.stdout


def test_the_taal_report_reads_only_the_files_the_site_is_made_of(tmp_path):
    """A hidden file (an editor's copy, not UTF-8) or a link beside the content is no content: the report neither
    stops on it nor quotes it (make check --taal prints every long sentence)."""
    shutil.copytree(EXAMPLE_CONTENT, tmp_path / "content")
    (tmp_path / "content" / ".kapot.yml").write_bytes(b"titel: \xff\xfe kapot\n")
    (tmp_path / "content" / "praktijken" / ".concept.yml").write_bytes(b"\x00\x01 binair")
    secret = tmp_path / "geheim.yml"
    secret.write_text("titel: " + " ".join(["GEHEIM"] * 30) + ".\n", encoding="utf-8")
    (tmp_path / "content" / ".geheim.yml").symlink_to(secret)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content", "--taal"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ter info: gewone taal (B1)." in result.stdout and "GEHEIM" not in result.stdout and result.stderr == ""
    assert taal.content_files(tmp_path / "content") == sorted(
        p for p in (tmp_path / "content").rglob("*.yml") if not any(part.startswith(".") for part in p.parts))
