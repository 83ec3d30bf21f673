#!/usr/bin/env python3
"""Benchmarks that print figures (never asserted in tests): loading and checking N items.

Usage: python scripts/bench.py [--items 100 1000 3000] [--repeat 3]      (also: make bench)
"""
from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from leerlandschap.loader import check_content  # noqa: E402
from synthetic import write_synthetic_content  # noqa: E402


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"best of {args.repeat}")
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for n in args.items:
            content = write_synthetic_content(Path(tmp) / f"content-{n}", n)
            files = sum(1 for _ in content.rglob("*.yml"))

            def check():
                model, problems = check_content(content)
                assert not problems, problems[:3]

            seconds = best_of(args.repeat, check)
            results[n] = seconds
            print(f"load + check {n:>5} items ({files} files): {seconds:6.3f} s  ({files / seconds:,.0f} files/s)")
        if 1000 in results and 3000 in results:
            print(f"growth 1000 -> 3000 items: {results[3000] / results[1000]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
