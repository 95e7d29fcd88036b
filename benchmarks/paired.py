"""Paired timing of two source trees of factcheck: this one against an older commit.

    git worktree add --detach ../wt-base e789edb
    python benchmarks/paired.py --base ../wt-base            # 31 pairs of each run
    python benchmarks/paired.py --base ../wt-base --pairs 41 --only figure,scan

On a machine shared with other work, wall clock is mostly the neighbours'
load. So each run is timed in CPU seconds (user + system of the child, from
resource.getrusage(RUSAGE_CHILDREN) before and after), and the two trees run
in turns, so that a burst of load falls on both of a pair. The ratio of each
pair (new / base) is kept; the lower quartile and the median of the ratios
are printed, with the median CPU milliseconds of each tree.

Both trees run under this interpreter, with the same installed libraries:
`python -c` puts the tree's folder first on sys.path and calls the tree's
entry point, from the tree's folder (so each reads its own quotes.toml, as
benchmarks/run.py does). Each tree keeps its own registry cache, warmed
before timing, and is byte-compiled first, as an installed package would be.
The runs are benchmarks/run.py's: a figure and a quotation look-up (`check`)
and a scan of the 5,000-word draft it generates.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import FIGURE_CLAIM, QUOTE_CLAIM, make_draft  # noqa: E402


def launch(tree: Path) -> str:
    """`python -c` code that runs the tree's factcheck command as its console
    script does (pyproject's [project.scripts] entry point), from the tree."""
    project = (tree / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^factcheck = "([\w.]+):(\w+)"', project, re.M)
    if found is None:
        raise SystemExit(f"{tree}: no factcheck entry point in pyproject.toml")
    module, attr = found.groups()
    return (
        "import sys; sys.path.insert(0, sys.argv.pop(1)); "
        f"from {module} import {attr} as entry; sys.argv[0] = 'factcheck'; entry()"
    )


def cpu_seconds(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    """User + system CPU seconds of one run of `cmd` (output thrown away)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[-3:])} exited {proc.returncode}: {proc.stderr[-400:]!r}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def quartile(values: list[float]) -> float:
    return statistics.quantiles(values, n=4)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the older source tree")
    parser.add_argument("--new", type=Path, default=HERE.parent, help="default: this tree")
    parser.add_argument("--pairs", type=int, default=31)
    parser.add_argument("--only", default="figure,quotation,scan")
    args = parser.parse_args()
    trees = {"base": args.base.resolve(), "new": args.new.resolve()}
    for tree in trees.values():
        compileall.compile_dir(tree / "factcheck", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        draft = work / "draft.md"
        draft.write_text(make_draft(5_000, random.Random(2022)), encoding="utf-8")
        runs = {
            "figure": ["check", FIGURE_CLAIM],
            "quotation": ["check", QUOTE_CLAIM],
            "scan": ["scan", str(draft)],
        }
        codes = {name: launch(tree) for name, tree in trees.items()}
        envs = {}
        for name in trees:
            envs[name] = {**os.environ, "FACTCHECK_CACHE_DIR": str(work / f"cache-{name}")}
            envs[name]["NO_COLOR"] = "1"
            envs[name].pop("FACTCHECK_REGISTRY", None)
        for label in args.only.split(","):
            times: dict[str, list[float]] = {"base": [], "new": []}

            def once(name: str, label: str = label) -> float:
                cmd = [sys.executable, "-c", codes[name], str(trees[name]), *runs[label]]
                return cpu_seconds(cmd, trees[name], envs[name])

            for name in trees:  # warm each tree's cache and the page cache
                once(name)
            for k in range(args.pairs):
                order = ("base", "new") if k % 2 == 0 else ("new", "base")
                for name in order:
                    times[name].append(once(name))
            ratios = [n / b for n, b in zip(times["new"], times["base"], strict=True)]
            print(
                f"{label:10} base {statistics.median(times['base']) * 1000:6.1f} ms  "
                f"new {statistics.median(times['new']) * 1000:6.1f} ms  "
                f"ratio lower quartile {quartile(ratios):.3f}  median "
                f"{statistics.median(ratios):.3f}  ({args.pairs} pairs, CPU time)",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
