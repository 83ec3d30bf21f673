"""Pagefind's filter indexes come out in random order; canonicalise() makes them stable and keeps them valid."""
import gzip
import json

import cbor2

from leerlandschap.searchindex import SIGNATURE, canonicalise


def write(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(value)))


def read(path):
    return cbor2.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE):])


def fake_index(folder, order):
    """A Pagefind folder in the shape 1.5 writes, with filters and values in the given order."""
    filters = {"soort": [["vraag", [3, 1]], ["bouwsteen", [0, 2]]], "regio": [["Utrecht", [1]], ["Flevoland", [0]]]}
    names = []
    for i, name in enumerate(order):
        values = filters[name] if i % 2 == 0 else list(reversed(filters[name]))
        write(folder / "filter" / f"nl_{name}{len(order)}.pf_filter", [name, values])
        names.append([name, f"nl_{name}{len(order)}"])
    write(folder / "pagefind.nl_old.pf_meta", ["1.5.2", ["p0", "p1", "p2", "p3"], [["a", "z", "nl_idx"]], names, [], ["title"]])
    (folder / "pagefind-entry.json").write_text(json.dumps({"version": "1.5.2", "languages": {"nl": {"hash": "nl_old", "wasm": "nl", "page_count": 4}}}))


def test_two_orders_give_identical_files(tmp_path):
    fake_index(tmp_path / "a", ["soort", "regio"])
    fake_index(tmp_path / "b", ["regio", "soort"])
    for side in ("a", "b"):
        canonicalise(tmp_path / side)
    files = lambda side: {p.relative_to(tmp_path / side): p.read_bytes() for p in (tmp_path / side).rglob("*") if p.is_file()}
    assert files("a") == files("b")


def test_references_stay_consistent_and_values_sorted(tmp_path):
    fake_index(tmp_path, ["soort", "regio"])
    canonicalise(tmp_path)
    entry = json.loads((tmp_path / "pagefind-entry.json").read_text())
    meta = read(tmp_path / f"pagefind.{entry['languages']['nl']['hash']}.pf_meta")
    assert [name for name, _ in meta[3]] == ["regio", "soort"]
    for name, digest in meta[3]:
        assert read(tmp_path / "filter" / f"{digest}.pf_filter")[0] == name
    assert read(tmp_path / "filter" / f"{meta[3][1][1]}.pf_filter")[1] == [["bouwsteen", [0, 2]], ["vraag", [1, 3]]]
    assert len(list((tmp_path / "filter").iterdir())) == 2 and len(list(tmp_path.glob("*.pf_meta"))) == 1
