"""Golden files: each tests/cases/NAME.md beside NAME.expected.json.

Regenerate after a deliberate change with:
    FACTCHECK_REGENERATE=1 python -m pytest tests/test_scan_cases.py
and review the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factcheck.draft.scan import scan_text
from factcheck.model import Registry

CASES = sorted((Path(__file__).parent / "cases").glob("*.md"))


def summarise(path: Path, registry: Registry) -> list[dict[str, object]]:
    findings = scan_text(path.read_text(encoding="utf-8"), registry, path.name)
    return [
        {
            k: f.to_dict()[k]
            for k in (
                "line",
                "column",
                "end_line",
                "end_column",
                "kind",
                "text",
                "verdict",
                "entry",
            )
        }
        for f in findings
        if f.verdict.value != "unverified" or f.part.kind == "quotation"
    ]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case: Path, registry: Registry) -> None:
    expected_path = case.with_suffix(".expected.json")
    got = summarise(case, registry)
    if os.environ.get("FACTCHECK_REGENERATE"):
        expected_path.write_text(
            json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    assert expected_path.exists(), f"no golden file for {case.name}"
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


def test_there_are_cases() -> None:
    assert len(CASES) >= 3
