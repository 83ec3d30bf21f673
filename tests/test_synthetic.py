"""The benchmarks' synthetic content (scripts/synthetic.py) is content the checker accepts: `make bench`,
`scripts/profile_preview.py` and `scripts/bench_buren.py` build it, and a rule added to the checker must not make
them fail (session 21's leervragen_ook_bij check did: 101 problems, a copy named a bouwsteen the set did not have)."""
from __future__ import annotations

from pathlib import Path

import yaml

from leerlandschap.loader import check_content
from synthetic import write_synthetic_content  # scripts/ is on the path (pytest.ini_options pythonpath)


def test_synthetic_content_of_two_rounds_of_bouwstenen_checks_clean(tmp_path: Path):
    # 100 items: 30 bouwstenen, so the example's 18 are copied once whole and once in part; a copy whose partner
    # (leervragen_ook_bij) falls outside the set keeps no such line.
    content = write_synthetic_content(tmp_path / "content", 100)
    model, problems = check_content(content)
    assert [str(p) for p in problems] == []
    assert model is not None
    bouwstenen = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (content / "bouwstenen").glob("*.yml")}
    assert len(bouwstenen) == 30
    partners = {name: data["leervragen_ook_bij"] for name, data in bouwstenen.items() if "leervragen_ook_bij" in data}
    assert partners  # the feature is in the benchmark's pages, not dropped
    assert all(other in bouwstenen and other != name for name, other in partners.items())
