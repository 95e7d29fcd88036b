"""Human-readable text: Rich colours on a terminal, plain text when piped.

Everything is written as lines with Rich markup; plain mode strips the
markup, so both modes say exactly the same words and Rich is imported
only when a terminal will show its colours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from factcheck.model import Evidence, Finding, Part, Result, Verdict
from factcheck.output.base import BaseResultWriter

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

STYLE = {
    Verdict.SUPPORTED: "green",
    Verdict.CONTRADICTED: "bold red",
    Verdict.DISPUTED: "yellow",
    Verdict.UNVERIFIED: "dim",
    Verdict.ERROR: "bold magenta",
}
_TAG = re.compile(r"(?<!\\)\[/?[a-z][a-z #0-9_.]*\]|(?<!\\)\[/\]")


def esc(text: str) -> str:
    """Protect user text from being read as markup."""
    return text.replace("\\", "\\\\").replace("[", "\\[")


def plain(markup: str) -> str:
    return _TAG.sub("", markup).replace("\\[", "[").replace("\\\\", "\\")


class Printer:
    """Writes markup lines to a stream, coloured or plain."""

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self.console: Console | None = None
        if color:
            from rich.console import Console

            self.console = Console(file=stream, highlight=False)

    def line(self, markup: str = "") -> None:
        if self.console is not None:
            for text in _hanging(self.console, markup):
                self.console.print(text, soft_wrap=True)
        else:
            self.stream.write(plain(markup) + "\n")

    def lines(self, markups: Iterable[str]) -> None:
        for markup in markups:
            self.line(markup)
        self.stream.flush()


_PREFIX = re.compile(r"( *(?:- )?)(.*)", re.DOTALL)


def _hanging(console: Console, markup: str) -> list[Text]:
    """A line wrapped at words to the terminal's width, its continuation lines under its
    first word (so "  - reason" stays a list item): what a terminal's own wrapping loses."""
    from rich.text import Text

    prefix, rest = _PREFIX.match(markup).groups()  # type: ignore[union-attr]
    width = max(20, console.width - len(prefix))
    pieces = Text.from_markup(rest).wrap(console, width) or [Text("")]
    out = []
    for k, piece in enumerate(pieces):
        piece.rstrip()
        out.append(Text(prefix if k == 0 else " " * len(prefix)) + piece)
    return out


def verdict_markup(verdict: Verdict) -> str:
    return f"[{STYLE[verdict]}]{verdict.value}[/]"


def result_lines(result: Result) -> list[str]:
    head = verdict_markup(result.verdict)
    if result.entry:
        head += f"  [bold]{esc(result.entry)}[/]  (score {result.score:.2f})"
    out = [head]
    if result.message:
        out.append(f"  {esc(result.message)}")
    out.extend(f"  - {esc(reason)}" for reason in result.reasons)
    if result.evidence:
        out.append("  evidence:")
        out.extend(evidence_lines(result.evidence))
    return out


def evidence_lines(evidence: Iterable[Evidence], indent: str = "    ") -> list[str]:
    out = []
    for e in evidence:
        mark = {True: "[green]agrees[/]", False: "[red]differs[/]", None: ""}[e.agrees]
        date = e.date or "undated"
        out.append(
            f"{indent}{esc(e.source)} · {esc(e.outlet)} · {date} · says {esc(e.says)!s} {mark}".rstrip()
        )
        out.append(f"{indent}  [dim]“{esc(e.sentence)}”[/]")
    return out


class ResultWriter(BaseResultWriter):
    def begin(self) -> None:
        self.printer = Printer(self.stream, bool(self.options.get("color")))
        self.count = 0

    def write(self, result: Result) -> None:
        if self.count and not self.options.get("single"):
            self.printer.line()
        if not self.options.get("single"):
            self.printer.line(f"[bold]{esc(result.id)}[/]: {esc(result.claim)}")
        self.printer.lines(result_lines(result))
        self.count += 1


def finding_line(f: Finding) -> str:
    where = f"{esc(f.path)}:{f.line}:{f.column}"
    return f"{where} {verdict_markup(f.verdict)} {esc(f.message)}"


def render_findings(
    findings: list[Finding],
    stream: TextIO,
    color: bool = False,
    show: Iterable[Verdict] = (Verdict.CONTRADICTED, Verdict.DISPUTED),
    **_: object,
) -> None:
    """`path:line:col verdict message`, grouped by file."""
    printer = Printer(stream, color)
    wanted = set(show)
    current = None
    for f in findings:
        if f.verdict not in wanted:
            continue
        if color and f.path != current:
            if current is not None:
                printer.line()
            printer.line(f"[bold underline]{esc(f.path)}[/]")
            current = f.path
        printer.line(finding_line(f))
    stream.flush()


def part_summary(part: Part) -> str:
    return f"{verdict_markup(part.verdict)} {esc(part.text)}"
