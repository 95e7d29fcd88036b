"""The benchmark script runs end to end (its --smoke size): CI checks it works, never times."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_benchmark_smoke_run_prints_every_row(tmp_path: Path) -> None:
    before = _results_stamp()
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| ")]
    names = " ".join(rows)
    for benchmark in (
        "look-up, figure claim",
        "look-up, quotation claim",
        "scan,",
        "lsp, change",
        "batch,",
        "scale,",
        "index build,",
        "--jobs 2 against --jobs 1",
        "MB draft",
        "entries, batch of",
    ):
        assert benchmark in names, proc.stdout
    assert "| registry entries | look-up | batch throughput |" in proc.stdout  # growth table
    assert "claim, warm" not in names  # index10m runs only when asked for
    assert _results_stamp() == before  # a smoke run prints; it never rewrites the results


def test_index10m_benchmark_runs_at_a_small_size(tmp_path: Path) -> None:
    # The ten-million-entry benchmark, at the smoke size: a build row with its
    # projection, and a warm look-up of each kind against the shipped registry.
    proc = subprocess.run(
        [
            sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--only", "index10m",
            "--index10m-formats", "jsonl", "--data", str(tmp_path / "data"),
        ],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| ")]
    assert any(r.startswith("| index build, 2,000 entries (jsonl") and "10M:" in r for r in rows)
    for kind in ("figure", "quotation"):
        assert any(f"2,000 entries (jsonl), {kind} claim, warm" in r for r in rows), proc.stdout
    assert (tmp_path / "data" / "registry-2000.jsonl").exists()  # kept for the next run


def _results_stamp() -> float:
    results = ROOT / "benchmarks" / "RESULTS.md"
    return results.stat().st_mtime if results.exists() else 0.0


def test_generated_registry_is_valid(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_registry import generate

    from factcheck.registry import read_registry

    out = tmp_path / "r.toml"
    generate(500, out, progress=False)
    registry, problems = read_registry(out)
    assert problems == []
    assert len(registry.quotations) + len(registry.figures) >= 500  # the shipped ones too


def test_readme_shows_the_latest_full_run() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from update_readme import RESULTS_BLOCK, benchmark_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = RESULTS_BLOCK.search(readme)
    assert block is not None, "README.md has no <!-- results --> block"
    table = benchmark_table((ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8"))
    assert table.count("\n") > 3  # the line, the header, its rule and some rows
    assert block.group(0) == f"<!-- results -->\n{table}\n<!-- /results -->", (
        "run python tools/update_readme.py"
    )
