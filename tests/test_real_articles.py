"""The project's own real articles (eval/real/): no false alarm, ever.

A contradicted or disputed finding on a line that no expectation flags is a
false alarm that would block correct copy in a pre-commit hook.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.draft.scan import scan_text
from factcheck.registry import load_registry

REAL = Path(__file__).parent.parent / "eval" / "real"
DRAFTS = sorted(REAL.glob("*.md"))
DRAFTS = [d for d in DRAFTS if d.name != "README.md"]
FLAGS = {"contradicted", "disputed"}


def _expected(draft: Path) -> list[dict[str, object]]:
    text = draft.with_suffix(".expected.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("draft", DRAFTS, ids=[d.stem for d in DRAFTS])
def test_no_false_alarm_on_a_real_article(draft: Path) -> None:
    registry = load_registry(None)
    flagged_lines = {
        line
        for e in _expected(draft)
        if FLAGS & set(e["accept"])  # type: ignore[arg-type]
        for line in range(e["lines"][0], e["lines"][1] + 1)  # type: ignore[index]
    }
    findings = scan_text(draft.read_text(encoding="utf-8"), registry, str(draft))
    alarms = [f for f in findings if f.verdict.value in FLAGS and f.line not in flagged_lines]
    assert not alarms, [f.message for f in alarms]


def test_there_are_real_articles() -> None:
    assert len(DRAFTS) >= 5
