"""Words Pagefind's stemmer merges but that are other words: the pages a search must leave out (searchfamilies.py)."""
import gzip
import json

from leerlandschap.searchfamilies import FRAGMENT_HEAD, add_to_letter_files, apart, page_words

# The words of five pages, as the search page would find them in Pagefind's fragments.
PAGES = {
    "nl_privacy": {"een", "oudere", "versie"},
    "nl_begrippen": {"kinderen", "en", "hun", "ouders"},
    "nl_inwoner": {"gezin", "gezinnen", "gezinsbescherming"},
    "nl_tekst": {"zinnen", "tekst"},
    "nl_beleid": {"beleid", "beleidsmaker"},
    "nl_tafel": {"begeleiding", "tafel"},
}


def test_a_word_of_another_meaning_with_the_same_stem_leaves_its_pages_out():
    left_out = apart(PAGES)
    # Snowball stems "ouders" (parents) and "oudere" (older) both as "ouder"
    assert left_out["ouders"] == ["nl_privacy"]
    assert left_out["oudere"] == ["nl_begrippen"]
    # and drops the "ge-" of "gezin" (family): "zinnen" (sentences) is the same stem
    assert left_out["zinnen"] == ["nl_inwoner"]  # also the page with "gezinsbescherming" only
    assert left_out["gezin"] == ["nl_tekst"]
    # "begeleiding" (guidance) is stemmed "beleid" (policy); "beleidsmaker" belongs to "beleid"
    assert left_out["beleid"] == ["nl_tafel"]
    assert left_out["begeleiding"] == ["nl_beleid"]


def test_the_forms_of_one_word_stay_together():
    pages = {"a": {"gemaakt"}, "b": {"maken"}, "c": {"opgezet"}, "d": {"opzetten"}, "e": {"organisatie"},
             "f": {"organiseren"}, "g": {"beter"}, "h": {"betere"}, "i": {"jaar"}, "j": {"jaren"}, "k": {"geleerd"},
             "l": {"leren"}}
    assert apart(pages) == {}


def test_the_letter_files_get_the_list(tmp_path):
    fragments = tmp_path / "fragment"
    fragments.mkdir()
    for name, text in (("nl_1", "Privacy. Een oudere versie."), ("nl_2", "Jeugdhulp voor kinderen en hun ouders.")):
        raw = FRAGMENT_HEAD + json.dumps({"url": f"/{name}/", "content": text, "meta": {"title": name}}).encode()
        (fragments / f"{name}.pf_fragment").write_bytes(gzip.compress(raw))
    assert page_words(fragments)["nl_2"] == {"jeugdhulp", "voor", "kinderen", "en", "hun", "ouders", "nl"}
    letters = tmp_path / "woorden"
    letters.mkdir()
    (letters / "6f.json").write_text(json.dumps({"woorden": "oudere ouders"}), encoding="utf-8")
    add_to_letter_files(letters, fragments)
    data = json.loads((letters / "6f.json").read_text(encoding="utf-8"))
    assert data["apart"] == {"oudere": "nl_2", "ouders": "nl_1"}
    assert data["woorden"] == "oudere ouders"
