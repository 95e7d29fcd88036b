"""Fuzz scan, the registry loader and batch input parsing with Hypothesis.

    python tools/fuzz.py [--examples N]

Runs the property tests of tests/test_properties.py under the `fuzz` profile
(N examples for each property, default 20,000; no deadline) and prints how
many inputs were tried and whether any failed. A failure is shrunk to its
smallest form by Hypothesis: add it to the tests as an @example.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000, help="inputs per property")
    args = parser.parse_args()
    env = {**os.environ, "FACTCHECK_FUZZ_EXAMPLES": str(args.examples)}
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(ROOT / "tests" / "test_properties.py"),
        "--hypothesis-profile=fuzz",
        "--hypothesis-show-statistics",
        "-p",
        "no:cacheprovider",
        "-q",
    ]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    counts = re.findall(r"(\d+) passing, (\d+) failing", proc.stdout)
    tried = sum(int(p) + int(f) for p, f in counts)
    failed = sum(int(f) for _, f in counts)
    if proc.returncode != 0:
        print(proc.stdout[-5000:], proc.stderr[-2000:], sep="\n", file=sys.stderr)
    print(
        f"fuzz: {tried:,} inputs tried across scan, the registry loader and batch parsing; "
        f"{failed} failing; pytest exit status {proc.returncode}"
    )
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main())
