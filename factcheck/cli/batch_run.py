"""Running a batch: read rows, check each, write each as it is done."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from factcheck.batch import Row, read_rows, sniff_format
from factcheck.cli.common import note, stdout, use_color
from factcheck.cli.inputs import read_text_input
from factcheck.model import Registry, Result, Verdict
from factcheck.output import result_writer


def run_batch(
    path: str, registry: Registry, fmt: str, input_format: str
) -> tuple[list[Verdict], int]:
    from factcheck.verdicts.engine import check

    lines = read_text_input(path, "claims").splitlines(keepends=True)
    name = "<stdin>" if path == "-" else path
    kind = input_format if input_format != "auto" else sniff_format(name, lines[0] if lines else "")
    rows = list(read_rows(lines, kind, name))
    writer = result_writer(fmt, stdout(), color=use_color(sys.stdout))
    writer.begin()
    verdicts: list[Verdict] = []
    errors = 0
    done = 0
    try:
        with _progress(len(rows)) as advance:
            for row in rows:
                result = (
                    _error_result(row) if row.error else check(row.claim, registry, claim_id=row.id)
                )
                writer.write(result)
                verdicts.append(result.verdict)
                errors += bool(row.error)
                done += 1
                advance()
    except KeyboardInterrupt:
        writer.end()
        note(
            f"factcheck: interrupted after {done} of {len(rows)} rows; every finished row was written"
        )
        raise SystemExit(2) from None
    writer.end()
    note(_summary(verdicts))
    return verdicts, errors


def _error_result(row: Row) -> Result:
    return Result(row.claim, Verdict.ERROR, id=row.id, message=row.error, reasons=(row.error,))


def _summary(verdicts: list[Verdict]) -> str:
    counts: dict[str, int] = {}
    for v in verdicts:
        counts[v.value] = counts.get(v.value, 0) + 1
    parts = ", ".join(f"{n} {k}" for k, n in counts.items())
    return f"{len(verdicts)} claims: {parts}" if verdicts else "no claims"


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty() or total < 2:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as progress:
        task = progress.add_task("checking", total=total)
        yield lambda: progress.advance(task)
