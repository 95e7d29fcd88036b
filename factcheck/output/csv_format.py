"""CSV: one row per claim; reasons joined by " | ", evidence as source ids."""

from __future__ import annotations

import csv
import io

from factcheck.model import Result
from factcheck.output.base import BaseResultWriter

# A cell a spreadsheet would run as a formula (=HYPERLINK(…), +cmd, -2+3, @SUM): a
# claim is untrusted text, so such a cell is written with a leading apostrophe,
# which spreadsheets show as text and do not display (OWASP's advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


COLUMNS = ["id", "claim", "verdict", "entry", "score", "reasons", "sources", "message"]


class ResultWriter(BaseResultWriter):
    def begin(self) -> None:
        self.writer = csv.writer(self.stream, lineterminator="\n")
        self.writer.writerow(COLUMNS)

    def write(self, result: Result) -> None:
        self.writer.writerow(_cells(result))
        self.stream.flush()

    def render(self, result: Result) -> str:
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow(_cells(result))
        return line.getvalue()


def _cells(result: Result) -> list[str]:
    return [
        _cell(result.id),
        _cell(result.claim),
        result.verdict.value,
        _cell(result.entry),
        f"{result.score:.3f}",
        _cell(" | ".join(result.reasons)),
        _cell(" ".join(e.source for e in result.evidence)),
        _cell(result.message),
    ]
