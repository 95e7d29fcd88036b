"""JSON Lines: one object per claim or finding, in input order."""

from __future__ import annotations

import json
from typing import TextIO

from factcheck.model import Finding, Result
from factcheck.output.base import BaseResultWriter


class ResultWriter(BaseResultWriter):
    def write(self, result: Result) -> None:
        self.write_rendered(self.render(result))

    def render(self, result: Result) -> str:
        return json.dumps(result.to_dict(), ensure_ascii=False) + "\n"


def render_findings(findings: list[Finding], stream: TextIO, **_: object) -> None:
    for finding in findings:
        stream.write(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n")
