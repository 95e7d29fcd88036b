"""GitHub Actions workflow commands: an error per contradiction (or unreadable place),
a warning per dispute.

Values are escaped as the runner requires: %, CR and LF in the message;
also : and , in properties.
"""

from __future__ import annotations

from typing import TextIO

from factcheck.model import Finding, Verdict

LEVEL = {Verdict.CONTRADICTED: "error", Verdict.DISPUTED: "warning", Verdict.ERROR: "error"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_findings(findings: list[Finding], stream: TextIO, **_: object) -> None:
    for f in findings:
        level = LEVEL.get(f.verdict)
        if level is None:
            continue
        props = ",".join(
            [
                f"file={escape_property(f.path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                f"title={escape_property('factcheck ' + f.verdict.value + ': ' + f.part.entry)}",
            ]
        )
        stream.write(f"::{level} {props}::{escape_data(f.message)}\n")
