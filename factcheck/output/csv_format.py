"""CSV: one row per claim; reasons joined by " | ", evidence as source ids."""

from __future__ import annotations

import csv

from factcheck.model import Result
from factcheck.output.base import BaseResultWriter

COLUMNS = ["id", "claim", "verdict", "entry", "score", "reasons", "sources", "message"]


class ResultWriter(BaseResultWriter):
    def begin(self) -> None:
        self.writer = csv.writer(self.stream, lineterminator="\n")
        self.writer.writerow(COLUMNS)

    def write(self, result: Result) -> None:
        self.writer.writerow(
            [
                result.id,
                result.claim,
                result.verdict.value,
                result.entry,
                f"{result.score:.3f}",
                " | ".join(result.reasons),
                " ".join(e.source for e in result.evidence),
                result.message,
            ]
        )
        self.stream.flush()
