"""Fixes for a draft's findings, as text edits: pure, shared by `scan --fix` and the
language server's code actions.

A fix is offered only when it is unambiguous: the sources agree on one wording or
one figure, and putting it in changes nothing but the words found wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.draft.markdown import Block, read_blocks
from factcheck.draft.plain import read_plain_blocks
from factcheck.model import Finding, Verdict
from factcheck.quotations.align import ADD, DROP, SKIP, Op, align
from factcheck.quotations.normalize import QWord, quote_words

_LINE = re.compile(r"\r\n?|\n")
_INDENT = re.compile(r"[ \t]*")


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] (offsets into the draft) with `new`."""

    start: int
    end: int
    new: str
    title: str
    kind: str  # "wording", "figure", "suppress"
    finding: Finding


def line_starts(text: str) -> list[int]:
    """Offset of each line's first character, lines counted as the scanner counts them."""
    return [0, *(m.end() for m in _LINE.finditer(text))]


def offset_of(starts: list[int], line: int, column: int) -> int:
    """Offset of a 1-based line and 1-based column."""
    return starts[line - 1] + column - 1


def finding_span(text: str, finding: Finding, starts: list[int] | None = None) -> tuple[int, int]:
    starts = starts if starts is not None else line_starts(text)
    return (
        offset_of(starts, finding.line, finding.column),
        offset_of(starts, finding.end_line, finding.end_column),
    )


def replacement(text: str, finding: Finding) -> Edit | None:
    """The edit putting the sources' words or figure in place of a wrong one, if any."""
    part = finding.part
    if part.verdict is not Verdict.CONTRADICTED or not part.evidence:
        return None
    start, end = finding_span(text, finding)
    if text[start:end] != part.text:
        return None  # the text moved under the finding: nothing safe to do
    if part.kind == "quotation":
        new = _source_wording(part.text, {e.says for e in part.evidence})
        kind, what = "wording", "the source's exact wording"
    elif part.kind == "figure":
        new = _source_figure(text, end, part.text, part.evidence)
        kind, what = "figure", "the sources' figure"
    else:
        return None
    if new is None or new == part.text:
        return None
    return Edit(start, end, new, f"Replace with {what}: “{new}”", kind, finding)


def _source_wording(typed_text: str, wordings: set[str]) -> str | None:
    """The stretch of the source's wording that the typed words stand for."""
    if len(wordings) != 1:
        return None  # sources render the words differently: which one is for the editor
    source = next(iter(wordings))
    typed = quote_words(typed_text)
    if any(w.is_gap or w.optional for w in typed):
        return None  # an ellipsis or [brackets]: the editor cut on purpose
    source_words = quote_words(source)
    ops = list(align(typed, source_words).ops)
    if any(op.kind == SKIP for op in ops):
        return None
    place = {w.start: k for k, w in enumerate(source_words)}
    used = [place[op.source.start] for op in ops if op.source is not None and op.kind != DROP]
    if not used:
        return None
    lo, hi = used[0], used[-1]
    # A typo at either end aligns as a word added, the source's word unused: take the
    # source's word when the two are alike, so "contxt" becomes "context".
    lead = [op.typed for op in _leading_adds(ops)]
    for w in reversed(lead):
        if lo > 0 and _alike(w, source_words[lo - 1]):
            lo -= 1
    trail = [op.typed for op in _leading_adds(ops[::-1])]
    for w in reversed(trail):
        if hi + 1 < len(source_words) and _alike(w, source_words[hi + 1]):
            hi += 1
    first, last = source_words[lo], source_words[hi]
    return source[first.start : last.end]


def _leading_adds(ops: list[Op]) -> list[Op]:
    out: list[Op] = []
    for op in ops:
        if op.kind != ADD:
            break
        out.append(op)
    return out


def _alike(a: QWord | None, b: QWord) -> bool:
    from rapidfuzz.fuzz import ratio

    return a is not None and ratio(a.norm, b.norm) >= 70


def _source_figure(text: str, end: int, typed: str, evidence: Iterable[object]) -> str | None:
    from factcheck.model import Evidence

    says = {" ".join(e.says.split()) for e in evidence if isinstance(e, Evidence)}
    if len(says) != 1 or any(isinstance(e, Evidence) and e.agrees for e in evidence):
        return None  # the sources differ, or one agrees with the draft: no single figure
    new = next(iter(says))
    # "16 agreements" for a figure typed as "16" before "agreements": keep the
    # draft's own noun rather than writing it twice.
    following = text[end : end + 200].split()
    new_words = new.split()
    typed_words = typed.split()
    for k in range(len(new_words) - 1, 0, -1):
        tail = new_words[k:]
        same = [w.lower() for w in following[: len(tail)]] == [w.lower() for w in tail]
        if same and len(typed_words) <= k:
            return " ".join(new_words[:k])
    return new


def suppression(
    text: str, finding: Finding, blocks: list[Block] | None = None, plain: bool = False
) -> Edit | None:
    """The edit inserting `<!-- factcheck: ignore ENTRY -->` before the finding's block."""
    entry = finding.part.entry
    if not entry:
        return None
    blocks = (
        blocks
        if blocks is not None
        else [
            b for b in (read_plain_blocks if plain else read_blocks)(text) if isinstance(b, Block)
        ]
    )
    block = next((b for b in blocks if b.lines[0].line <= finding.line <= b.lines[-1].line), None)
    if block is None:
        return None
    starts = line_starts(text)
    at = starts[block.lines[0].line - 1]
    line_end = starts[block.lines[0].line] if block.lines[0].line < len(starts) else len(text)
    indent = _INDENT.match(text, at, line_end)
    newline = "\r\n" if "\r\n" in text else "\n"
    comment = f"{indent.group() if indent else ''}<!-- factcheck: ignore {entry} -->{newline}"
    return Edit(at, at, comment, f"Ignore {entry} in this paragraph", "suppress", finding)


def fixes(text: str, findings: Iterable[Finding]) -> list[Edit]:
    """The unambiguous replacements for `findings`, never two touching the same words."""
    edits = [e for f in findings if (e := replacement(text, f)) is not None]
    edits.sort(key=lambda e: (e.start, e.end))
    kept: list[Edit] = []
    for e in edits:
        if kept and e.start < kept[-1].end:
            continue
        kept.append(e)
    return kept


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """The text with non-overlapping edits applied (from the end, so offsets hold)."""
    out = text
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[: e.start] + e.new + out[e.end :]
    return out
