"""Findings and edits in LSP terms: pure functions, no server state."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace import PositionCodec

from factcheck.draft.fixes import Edit, line_starts
from factcheck.errors import InputError
from factcheck.model import Finding, Verdict

SOURCE = "factcheck"
SEVERITY = {
    Verdict.ERROR: types.DiagnosticSeverity.Error,
    Verdict.CONTRADICTED: types.DiagnosticSeverity.Error,
    Verdict.DISPUTED: types.DiagnosticSeverity.Warning,
    Verdict.UNVERIFIED: types.DiagnosticSeverity.Information,
}


def shown(finding: Finding, unverified: bool) -> bool:
    """Which findings become diagnostics: problems, and unverified ones when asked."""
    if finding.verdict is Verdict.UNVERIFIED:
        return unverified
    return finding.verdict in SEVERITY


def finding_range(finding: Finding) -> types.Range:
    """The finding's place in code points, 0-based (Finding counts from 1)."""
    return types.Range(
        types.Position(finding.line - 1, finding.column - 1),
        types.Position(finding.end_line - 1, finding.end_column - 1),
    )


def diagnostic(finding: Finding, lines: Sequence[str], codec: PositionCodec) -> types.Diagnostic:
    return types.Diagnostic(
        range=codec.range_to_client_units(lines, finding_range(finding)),
        message=finding.message,
        severity=SEVERITY[finding.verdict],
        source=SOURCE,
        code=finding.part.entry or None,
    )


def registry_diagnostic(exc: InputError) -> types.Diagnostic:
    """A registry that cannot be read, as one diagnostic at the top of each draft."""
    where = exc.path or "registry"
    if exc.line:
        where += f":{exc.line}"
    field = f" [{exc.field}]" if exc.field else ""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=f"registry {where}{field}: {exc.message}; nothing was checked",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def hover_text(finding: Finding) -> str:
    """Markdown: the verdict, its reasons, and what each source said, where and when."""
    part = finding.part
    head = f"**factcheck: {part.verdict.value}**"
    if part.entry:
        head += f" — `{part.entry}`"
    out = [head, ""]
    out.extend(f"- {reason}" for reason in part.reasons)
    if part.evidence:
        out += ["", "Sources:"]
    for e in part.evidence:
        when = f", {e.date}" if e.date else ""
        mark = {True: "agrees", False: "differs", None: "reports"}[e.agrees]
        out.append(f"- **{e.outlet or e.source}**{when} ({mark}): {' '.join(e.sentence.split())}")
    return "\n".join(out)


def contains(finding: Finding, line: int, character: int) -> bool:
    """Whether a 0-based code-point position falls on the finding."""
    start = (finding.line - 1, finding.column - 1)
    end = (finding.end_line - 1, finding.end_column - 1)
    return start <= (line, character) <= end


def text_edit(text: str, edit: Edit, lines: Sequence[str], codec: PositionCodec) -> types.TextEdit:
    starts = line_starts(text)
    return types.TextEdit(
        range=codec.range_to_client_units(
            lines, types.Range(_position(starts, edit.start), _position(starts, edit.end))
        ),
        new_text=edit.new,
    )


def _position(starts: list[int], offset: int) -> types.Position:
    from bisect import bisect_right

    line = bisect_right(starts, offset) - 1
    return types.Position(line, offset - starts[line])
