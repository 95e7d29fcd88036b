"""Whether a change of speed left every verdict as it was, byte for byte.

    python tools/same_verdicts.py save DIR     # with the code before the change
    python tools/same_verdicts.py check DIR    # with the code after it: exit 1 on a difference

Runs the real commands and keeps their stdout: `batch` of 20,000 generated
claims on the shipped registry and on a generated 10,000-entry one (served
from the on-disk index), with one worker and with two, and `scan --format
jsonl` of a generated 5,000-word draft and a 1 MB one. Inputs are generated
from fixed seeds, so both runs see the same ones. --large adds a
100,000-entry registry (a few minutes more).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_registry import generate  # noqa: E402
from run import make_claims, make_draft  # noqa: E402

CLAIMS = 20_000


def runs(work: Path, large: bool) -> dict[str, list[str]]:
    """Each output's name and the factcheck arguments that write it."""
    claims, draft, archive = work / "claims.jsonl", work / "draft.md", work / "archive.md"
    make_claims(CLAIMS, random.Random(20), claims)
    draft.write_text(make_draft(5_000, random.Random(21)), encoding="utf-8")
    archive.write_text(make_draft(170_000, random.Random(22)), encoding="utf-8")  # ~1 MB
    todo = {
        # Relative names: a finding names its file, and the folder is new each run.
        "scan-draft": ["scan", "--format", "jsonl", draft.name],
        "scan-archive": ["scan", "--format", "jsonl", archive.name],
        "batch-shipped-j1": ["batch", "--jobs", "1", str(claims)],
        "batch-shipped-j2": ["batch", "--jobs", "2", str(claims)],
    }
    for n in [10_000, 100_000] if large else [10_000]:
        registry = work / f"registry-{n}.toml"
        generate(n, registry, progress=False)
        for jobs in ("1", "2"):
            todo[f"batch-{n}-j{jobs}"] = [
                "--registry", str(registry), "batch", "--jobs", jobs, str(claims),
            ]  # fmt: skip
    return todo


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--large", action="store_true", help="add a 100,000-entry registry")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    different = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {**os.environ, "FACTCHECK_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1"}
        env.pop("FACTCHECK_REGISTRY", None)
        for name, argv in runs(work, args.large).items():
            out = subprocess.run(
                [sys.executable, "-m", "factcheck", *argv], capture_output=True, env=env, cwd=work
            )
            if out.returncode not in (0, 1):
                sys.stderr.write(f"{name}: exited {out.returncode}: {out.stderr[-300:]!r}\n")
                return 2
            saved = args.folder / f"{name}.out"
            if args.action == "save":
                saved.write_bytes(out.stdout)
                print(f"{name}: saved {len(out.stdout):,} bytes")
            elif not saved.exists():
                print(f"{name}: nothing saved to compare with")
                different += 1
            elif saved.read_bytes() != out.stdout:
                print(f"{name}: DIFFERENT from {saved}")
                different += 1
            else:
                print(f"{name}: same ({len(out.stdout):,} bytes)")
    return 1 if different else 0


if __name__ == "__main__":
    raise SystemExit(main())
