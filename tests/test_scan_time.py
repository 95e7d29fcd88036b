"""Scan takes time in proportion to the draft, whatever its content.

Each adversarial kind is scanned at 1x, 4x and 16x its size; time must grow
about linearly. The bound is on ratios, not seconds, and generous (16x input
may take up to 32x the time: a quadratic cost would take 256x), so a slow or
busy machine does not fail it, and a super-linear cost always does.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from factcheck.draft.scan import scan_text
from factcheck.registry import load_registry

MINI = load_registry(Path(__file__).parent / "fixtures" / "mini.toml")
KINDS = {
    "many short quotations": '"a" ',
    "many numbers": "12 km ",
    "many lines": "The bridge is 12 km long.\n",
    "quotations and numbers on lines": '"a" 12 km\n',
}
BASE = 1_500  # characters at 1x


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):  # the least of three: noise only ever adds time
        start = time.perf_counter()
        scan_text(text, MINI)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit", list(KINDS.values()), ids=list(KINDS))
def test_scan_time_grows_linearly(unit: str) -> None:
    scan_text(unit * 10, MINI)  # warm: first-use imports and compiled patterns
    for _ in range(2):  # a burst of load on a shared machine gets one more try;
        times = {k: _seconds(unit * (BASE * k // len(unit))) for k in (1, 4, 16)}
        if times[4] / times[1] < 8 and times[16] / times[1] < 32:
            return  # a super-linear cost fails both tries
    assert times[4] / times[1] < 8, times
    assert times[16] / times[1] < 32, times
