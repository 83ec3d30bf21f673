"""Dutch words of their own that the search page does not cut into the site's words (searchwhole.py)."""
import json

from leerlandschap.searchwhole import add, whole_words

# Frequencies as in wordfreq's Dutch list: "leerkracht" is written often, "crisisopvang" rarely (Zipf 4.1 and 2.3).
FREQUENCIES = {"leerkracht": 1.4e-5, "leerkrachten": 1.1e-5, "crisisopvang": 1.9e-7, "leertafel": 0.0,
               "huisarts": 1.2e-5, "bestuurders": 2e-5, "organisaties": 6e-5, "huiswerk": 1e-5, "tijdens": 4e-4,
               "zo": 1e-3}
SITE = {"leer", "leren", "kracht", "crisis", "bestuur", "bestuurders", "organisatie", "organisaties", "huis", "huiswerk"}


def test_a_common_word_the_site_could_cut_is_listed_a_rare_one_is_not():
    others, own = whole_words(SITE, FREQUENCIES)
    assert "leerkracht" in others and "leerkrachten" in others  # not "leer" and "kracht"
    assert "huisarts" in others  # it starts with "huis"
    assert "crisisopvang" not in others  # rare: a compound to search by its part "crisis"
    assert "tijdens" not in others  # no word of the site in it: the search page would not cut it anyway
    # the site's own long words of their own that it could cut ("bestuur"); "organisaties" has no other word of the site
    assert own == ["bestuurders", "huiswerk"]


def test_the_lists_go_into_the_whole_list_and_the_letter_files(tmp_path):
    vocabulary = tmp_path / "leerlandschap-woorden.json"
    vocabulary.write_text(json.dumps({"woorden": " ".join(sorted(SITE)), "stopwoorden": "zo"}), encoding="utf-8")
    letters = tmp_path / "leerlandschap-woorden"
    letters.mkdir()
    (letters / "62.json").write_text(json.dumps({"woorden": "bestuurders"}), encoding="utf-8")
    (letters / "68.json").write_text(json.dumps({"woorden": "huis huiswerk"}), encoding="utf-8")
    add(vocabulary, letters, FREQUENCIES, {"bestuurders": 3, "huiswerk": 50}.__getitem__)
    assert json.loads(vocabulary.read_text(encoding="utf-8"))["heel"] == "huisarts leerkracht leerkrachten"
    assert json.loads((letters / "62.json").read_text(encoding="utf-8")) == {"woorden": "bestuurders", "heel": "bestuurders"}
    # "huiswerk" is on 50 pages: the search page does not search its parts anyway
    assert json.loads((letters / "68.json").read_text(encoding="utf-8")) == {"woorden": "huis huiswerk"}
    assert not (letters / "6f.json").exists()  # no letter file is made for a letter the site does not have
