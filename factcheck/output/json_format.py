"""JSON: one document (an object for `check`, an array for `scan` and `batch`)."""

from __future__ import annotations

import json
from typing import TextIO

from factcheck.model import Finding, Result
from factcheck.output.base import BaseResultWriter


class ResultWriter(BaseResultWriter):
    def begin(self) -> None:
        self.rows: list[dict[str, object]] = []

    def write(self, result: Result) -> None:
        self.rows.append(result.to_dict())

    def end(self) -> None:
        data: object = (
            self.rows[0] if self.options.get("single") and len(self.rows) == 1 else self.rows
        )
        self.stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        self.stream.flush()


def render_findings(findings: list[Finding], stream: TextIO, **_: object) -> None:
    stream.write(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2) + "\n")
