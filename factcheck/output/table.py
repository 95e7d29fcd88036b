"""A table of batch results: Rich on a terminal, aligned columns when piped."""

from __future__ import annotations

from factcheck.model import Result, Verdict
from factcheck.output.base import BaseResultWriter
from factcheck.output.text import STYLE, esc, plain

CLAIM_WIDTH = 60


class ResultWriter(BaseResultWriter):
    def begin(self) -> None:
        self.rows: list[Result] = []
        if not self.options.get("color"):
            self.stream.write(f"{'id':<8} {'verdict':<13} {'entry':<36} claim\n")

    def write(self, result: Result) -> None:
        if self.options.get("color"):
            self.rows.append(result)
            return
        self.write_rendered(_line(result))

    def render(self, result: Result) -> str | None:
        return None if self.options.get("color") else _line(result)

    def end(self) -> None:
        if self.options.get("color") and self.rows:
            from rich.console import Console
            from rich.table import Table

            table = Table("id", "verdict", "entry", "claim", "reasons")
            for r in self.rows:
                table.add_row(
                    esc(r.id),
                    f"[{STYLE[r.verdict]}]{r.verdict.value}[/]",
                    esc(r.entry),
                    esc(r.claim),
                    esc("; ".join(r.reasons)),
                )
            Console(file=self.stream).print(table)
        self.stream.flush()


__all__ = ["ResultWriter", "plain"]


def _line(result: Result) -> str:
    # An error row shows why it could not be read; its claim may not exist.
    text = result.message if result.verdict is Verdict.ERROR else result.claim
    claim = text if len(text) <= CLAIM_WIDTH else text[: CLAIM_WIDTH - 1] + "…"
    return f"{result.id:<8} {result.verdict.value:<13} {result.entry:<36} {claim}\n"
