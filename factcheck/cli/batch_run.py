"""Running a batch: read rows, check each (in worker processes with --jobs), write each
as it is done, in input order."""

from __future__ import annotations

import io
import os
import signal
import stat
import sys
from collections.abc import Callable, Generator, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from typing import Any, NoReturn

from factcheck.batch import Row, read_rows, sniff_format, split_lines
from factcheck.cli.common import note, silence_stdout, stdout, use_color
from factcheck.cli.inputs import MAX_CLAIMS_BYTES, read_text_input
from factcheck.matching.index import Index, index_for, remember_index
from factcheck.model import Registry, Result, Verdict
from factcheck.output import result_writer

# Starting a worker and sending it the registry costs about as much as a few
# hundred checks: smaller batches are checked in this process.
ROWS_PER_WORKER = 400
CHUNK = 64  # rows a worker checks per task: large enough to amortise, small for order


def run_batch(
    path: str,
    registry: Registry,
    fmt: str,
    input_format: str,
    jobs: int = 1,
    dask: str | None = None,
) -> tuple[list[Verdict], int]:
    try:
        rows = _read(path, input_format)
    except KeyboardInterrupt:  # reading stdin or a large file: stop at once, but say so
        stop_interrupted(0, None)
    color = use_color(sys.stdout)
    writer = result_writer(fmt, stdout(), color=color, registry=registry)
    writer.begin()
    verdicts: list[Verdict] = []
    with _deferred_interrupt() as interrupted, _progress(len(rows)) as advance:
        try:
            with closing(_results(rows, registry, jobs, dask, (fmt, color))) as results:
                for result in results:
                    if isinstance(result, Rendered):
                        writer.write_rendered(result.text)
                    else:
                        writer.write(result)
                    verdicts.append(result.verdict)
                    advance()
                    if interrupted():
                        break
        except BrokenPipeError:
            # The reader went away (`| head -1`, a crashed consumer): say how far it
            # got, and fail so that a script under `set -o pipefail` notices.
            silence_stdout()
            note(f"factcheck: output closed after {len(verdicts)} of {len(rows)} rows; stopped")
            raise SystemExit(2) from None
    writer.end()
    if len(verdicts) < len(rows):
        stop_interrupted(len(verdicts), len(rows))
    note(_summary(verdicts))
    return verdicts, sum(v is Verdict.ERROR for v in verdicts)


def _read(path: str, input_format: str) -> list[Row]:
    lines = split_lines(read_text_input(path, "claims", MAX_CLAIMS_BYTES))
    name = "<stdin>" if path == "-" else path
    kind = input_format if input_format != "auto" else sniff_format(name, lines[0] if lines else "")
    return list(read_rows(lines, kind, name))


def stop_interrupted(done: int, total: int | None) -> NoReturn:
    """Say how far a batch got when Ctrl-C stopped it, and exit 2."""
    of = f" of {total}" if total is not None else ""
    note(f"factcheck: interrupted after {done}{of} rows; every finished row was written")
    raise SystemExit(2)


def _results(
    rows: list[Row],
    registry: Registry,
    jobs: int,
    dask: str | None = None,
    output: tuple[str, bool] = ("jsonl", False),
) -> Generator[Result | Rendered, None, None]:
    """Each row's result, in input order: from workers, already written as text
    when the output format allows it (`output`: the format and whether in colour)."""
    if dask is not None:
        from factcheck.scale.dask_batch import results_on_dask

        yield from results_on_dask(rows, registry.path, dask, jobs, output)
        return
    workers = min(jobs, len(rows) // ROWS_PER_WORKER)
    if workers < 2:
        yield from map(_Checker(registry), rows)
        return
    import multiprocessing

    chunks = [rows[k : k + CHUNK] for k in range(0, len(rows), CHUNK)]
    with multiprocessing.get_context().Pool(
        workers, initializer=_start_worker, initargs=(registry, index_for(registry), output)
    ) as pool:
        for done in pool.imap(_check_in_worker, chunks):
            yield from done


@dataclass(frozen=True)
class Rendered:
    """A row's output text, written by the worker that checked it."""

    verdict: Verdict
    text: str


class _Checker:
    def __init__(self, registry: Registry) -> None:
        from factcheck.verdicts.engine import check

        self.registry, self.check = registry, check

    def __call__(self, row: Row) -> Result:
        if row.error:
            return _error_result(row)
        try:
            return self.check(row.claim, self.registry, claim_id=row.id)
        except (ArithmeticError, ValueError, RecursionError) as exc:
            # One claim the checker cannot take (a bound it did not foresee) costs
            # that row, never the rows after it.
            why = f"line {row.line}: could not be checked ({type(exc).__name__}: {exc})"[:200]
            return _error_result(Row(row.id, row.claim[:80], row.line, why))


_worker: tuple[_Checker, Any] | None = None


def _start_worker(registry: Registry, index: Index, output: tuple[str, bool]) -> None:
    # Ctrl-C is the parent's to handle: it stops between rows and reports.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    remember_index(registry, index)  # a large registry's index is on disk, not in it
    fmt, color = output
    global _worker
    # The text is made here, in parallel, and the parent only writes it: sending
    # results back and writing them there kept one core busy for the other's work.
    writer = result_writer(fmt, io.StringIO(), color=color, registry=registry)
    _worker = (_Checker(registry), writer)


def _check_in_worker(rows: list[Row]) -> list[Result | Rendered]:
    assert _worker is not None, "the pool's initializer sets the checker"
    checker, writer = _worker
    done: list[Result | Rendered] = []
    for row in rows:
        result = checker(row)
        text = writer.render(result)
        done.append(result if text is None else Rendered(result.verdict, text))
    return done


@contextmanager
def _deferred_interrupt() -> Iterator[Callable[[], bool]]:
    """Ctrl-C stops the batch between rows, never inside one, so every row written is
    whole and counted. A second Ctrl-C stops at once."""
    pressed: list[bool] = []

    def handler(signum: int, frame: object) -> None:
        if pressed:  # the second: no traceback, and no waiting for the row
            sys.stderr.write("factcheck: interrupted twice; stopped at once\n")
            raise SystemExit(130)
        pressed.append(True)

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread (an embedding program): leave Ctrl-C alone
        yield lambda: False
        return
    try:
        yield lambda: bool(pressed)
    finally:
        signal.signal(signal.SIGINT, previous)


def _error_result(row: Row) -> Result:
    return Result(row.claim, Verdict.ERROR, id=row.id, message=row.error, reasons=(row.error,))


def _summary(verdicts: list[Verdict]) -> str:
    counts: dict[str, int] = {}
    for v in verdicts:
        counts[v.value] = counts.get(v.value, 0) + 1
    parts = ", ".join(f"{n} {k}" for k, n in counts.items())
    noun = "claim" if len(verdicts) == 1 else "claims"
    return f"{len(verdicts)} {noun}: {parts}" if verdicts else "no claims"


def _stdout_is_stored() -> bool:
    """Whether stdout is a file or a device such as /dev/null. A pipe may end on the
    same terminal (`| cat`, `| tee`, `| less`), where the bar's redrawing would wipe
    rows out, so through a pipe there is no bar either."""
    try:
        mode = os.fstat(sys.stdout.fileno()).st_mode
    except (OSError, ValueError, AttributeError):  # no file descriptor: not a file
        return False
    if sys.stdout.isatty():
        return False
    return stat.S_ISREG(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr, only when stderr is a terminal and stdout goes where
    it cannot reach one: on a terminal the rows themselves show progress, and a bar
    would draw over them."""
    if not sys.stderr.isatty() or not _stdout_is_stored() or total < 2:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as progress:
        task = progress.add_task("checking", total=total)
        yield lambda: progress.advance(task)
