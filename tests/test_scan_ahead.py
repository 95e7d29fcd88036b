"""A long draft's second half analysed by a forked worker (draft/ahead.py): the
findings are one process's, whatever speaker the worker guessed, and whether or not
it succeeded."""

from __future__ import annotations

import sys
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from factcheck.draft import ahead
from factcheck.draft.scan import BlockMemo, scan_text
from factcheck.registry import load_registry

MINI = load_registry(Path(__file__).parent / "fixtures" / "mini.toml")

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the worker forks on Linux only")

PARAGRAPHS = [
    'Varga spoke first. "This bridge will open the harbour to the whole valley," Varga said.',
    "The bridge is 1,300 metres long, and 450 workers built it.",
    # A pronoun: who "he" is depends on the paragraphs before, which the worker never saw.
    'He said "this bridge will open the harbour to the whole colourful valley".',
    'Berg said: "We used twice as much steel as the old design needed."',
    'He added that "we used three times as much steel as the old design needed".',
]


def _draft(repeat: int) -> str:
    """The paragraphs again and again, each time a word apart (no two blocks alike)."""
    return "\n\n".join(
        f"{p} Refrain {chr(97 + k % 26)}{chr(97 + k // 26)}."
        for k in range(repeat)
        for p in PARAGRAPHS
    )


def _one_process(text: str, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    with monkeypatch.context() as m:
        m.setattr(ahead, "_can_fork", lambda: False)
        return list(scan_text(text, MINI))


def _joined(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Spy on the join: how many blocks the worker sent back, each time."""
    sent: list[int] = []
    join = ahead.Ahead.join

    def spy(self: ahead.Ahead, memo: BlockMemo) -> BlockMemo:
        filled = join(self, memo)
        sent.append(len(filled.seen))
        return filled

    monkeypatch.setattr(ahead.Ahead, "join", spy)
    return sent


@pytest.mark.parametrize("cut_before", range(len(PARAGRAPHS)))
def test_findings_with_a_worker_are_one_processs(
    cut_before: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The cut falls before each kind of paragraph in turn, the pronoun's included.
    text = "\n\n".join([*PARAGRAPHS[cut_before:], _draft(3)])
    monkeypatch.setattr(ahead, "MIN_CHARACTERS", 1)
    sent = _joined(monkeypatch)
    assert scan_text(text, MINI, jobs=2) == _one_process(text, monkeypatch)
    assert sent and sent[0] > 0  # the worker ran and was heard


def test_a_failed_worker_leaves_the_scan_to_do_it_all(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _draft(4)
    monkeypatch.setattr(ahead, "MIN_CHARACTERS", 1)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the worker fails")

    monkeypatch.setattr(Connection, "send", broken)  # only the worker sends
    sent = _joined(monkeypatch)
    assert scan_text(text, MINI, jobs=2) == _one_process(text, monkeypatch)
    assert sent == [0]


def test_a_short_draft_forks_no_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = _joined(monkeypatch)
    scan_text(_draft(2), MINI, jobs=2)
    assert sent == []


def test_three_processes_share_a_draft(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _draft(6)
    monkeypatch.setattr(ahead, "MIN_CHARACTERS", 1)
    sent = _joined(monkeypatch)
    assert scan_text(text, MINI, jobs=3) == _one_process(text, monkeypatch)
    assert len(sent) == 2 and sent[0] < sent[1]  # the memo fills as each worker joins


@pytest.mark.parametrize(("load", "jobs"), [(0.0, 2), (0.4, 2), (0.6, 1), (1.5, 1), (8.0, 1)])
def test_by_default_one_process_for_each_idle_core(
    load: float, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ahead.os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(ahead.os, "getloadavg", lambda: (load, load, load))
    assert ahead.default_jobs() == jobs
