"""A long draft's second half, analysed ahead in a forked worker while the scan
reads the first.

What a block says depends on its text and the speaker named before it, nothing
else (that is what BlockMemo relies on). The worker cannot know that speaker
for its first block, so it takes none and carries its own from there; the scan
then looks each block up by its text and the speaker it really follows. Where
the two differ (a "he said" near the cut), the block misses and the scan
analyses it itself, until a block names its speaker again and the keys meet.
So the findings are the same as one process's, whatever the worker guessed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from factcheck.draft.scan import Analysed, BlockMemo
    from factcheck.quotations.speakers import Attribution

# Prose for each process at least: a fork costs some 60 ms of CPU time (the pages
# both processes then write are copied), and each worker judges again quotations
# the others also judge; below this, that outweighs the time a worker saves.
MIN_CHARACTERS = 100_000

# What the worker runs on each block: its text and speaker in, its analysis out.
AnalyseBlock = Callable[[str, "Attribution | None"], "Analysed"]


class Ahead:
    """A worker analysing the blocks from `start` in a child process."""

    def __init__(self, start: int, pid: int, results: Connection) -> None:
        self.start = start
        self.pid = pid
        self.results = results

    def join(self, memo: BlockMemo) -> BlockMemo:
        """`memo`, holding what the worker found (nothing if it failed)."""
        try:
            found: list[tuple[tuple[str, Attribution | None], Analysed]] = self.results.recv()
        except (EOFError, OSError):
            found = []  # the scan analyses every block itself: slower, never wrong
        finally:
            self.results.close()
            os.waitpid(self.pid, 0)
        memo.limit = max(memo.limit, len(memo.seen) + len(found) + 1)
        for key, analysed in found:
            memo.put(key, analysed)
        return memo


def analyse_ahead(texts: Sequence[str | None], analyse: AnalyseBlock, jobs: int) -> list[Ahead]:
    """Workers on all but the first of `jobs` runs of `texts` (the scan's items: a
    block's text, or None for a directive), the scan itself reading the first; at
    most one process for each MIN_CHARACTERS of prose, and none where the machine
    cannot fork."""
    total = sum(len(t) for t in texts if t)
    parts = min(jobs, total // MIN_CHARACTERS)
    if parts < 2 or not _can_fork():
        return []
    starts: list[int] = []  # where each worker's run begins: at an equal share of prose
    seen = 0
    for n, text in enumerate(texts):
        if len(starts) < parts - 1 and seen >= total * (len(starts) + 1) / parts:
            starts.append(n)
        seen += len(text or "")
    if not starts:  # one block holds most of the prose: nothing to share out
        return []
    ends = [*starts[1:], len(texts)]
    return [_fork(texts[s:e], analyse, s) for s, e in zip(starts, ends, strict=True)]


def _fork(texts: Sequence[str | None], analyse: AnalyseBlock, start: int) -> Ahead:
    # A pipe between this process and its own fork, as batch's worker pool has:
    # nothing read from disk is ever unpickled.
    from multiprocessing import Pipe

    results, send = Pipe(duplex=False)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the worker: never returns into the scan
        results.close()
        _work(texts, analyse, send)
    send.close()
    return Ahead(start, pid, results)


def default_jobs() -> int:
    """One process for each idle core: the cores this process may run on, less the
    load average. On a busy machine a worker only takes its turn from others, and
    the copying after a fork makes the scan cost more CPU time in all (measured on
    two cores at a load of 8: a 1 MB draft took 17% more CPU time and 24% longer)."""
    if not hasattr(os, "sched_getaffinity"):
        return 1
    cores = len(os.sched_getaffinity(0))
    return max(1, min(cores, round(cores - os.getloadavg()[0])))


def _work(texts: Sequence[str | None], analyse: AnalyseBlock, send: Connection) -> None:
    code = 1
    try:
        speaker: Attribution | None = None
        found = []
        for text in texts:
            if text is None:
                continue
            analysed = analyse(text, speaker)
            found.append(((text, speaker), analysed))
            speaker = analysed[1]
        send.send(found)
        send.close()
        code = 0
    finally:
        os._exit(code)  # no exit handlers, no flushing the scan's own buffers


def _can_fork() -> bool:
    # fork is unsafe on macOS (system libraries' threads) and absent on Windows.
    return sys.platform == "linux"
