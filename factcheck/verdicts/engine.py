"""check(): the verdict on a claim, from its quotations and figures.

Pure: text and a registry in, a Result out. No I/O, no CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.figures.reader import read_figures
from factcheck.matching.figures import find_figure
from factcheck.matching.index import Index, index_for
from factcheck.model import SEVERITY, Part, Registry, Result, Verdict
from factcheck.quotations.spans import find_quotes, mask_quotes
from factcheck.text import content_stems, stems
from factcheck.verdicts.figures import figure_part

if TYPE_CHECKING:
    from factcheck.quotations.speakers import Attribution

NOTHING_FOUND = "no quotation or figure found in the claim"
NOTHING_MATCHED = "nothing in the registry is about it"


def check(claim: str, registry: Registry, claim_id: str = "") -> Result:
    """The verdict on one claim, with reasons and evidence."""
    parts, _ = analyse(claim, index_for(registry))
    return combine(claim, parts, claim_id)


def analyse(
    text: str, index: Index, previous: Attribution | None = None
) -> tuple[list[Part], Attribution | None]:
    """Every quotation and figure in `text`, each with its verdict.

    `previous` is the last named speaker before this text, for "he said";
    the last speaker named in this text is returned for the next call.
    """
    spans = find_quotes(text)
    masked = mask_quotes(text, spans)
    parts: list[Part] = []
    last = previous
    if spans:  # imported here: a claim of figures alone never pays for them
        from factcheck.quotations.speakers import attribute
        from factcheck.verdicts.quotes import quote_part
    for span in spans:
        if not text[span.content_start : span.content_end].strip():
            continue  # a lone mark quotes nothing
        attribution = attribute(masked, span.start, span.end, index.speakers)
        if attribution is not None and attribution.pronoun:
            attribution = last
        elif attribution is not None:
            last = attribution
        parts.append(quote_part(text, span.content_start, span.content_end, attribution, index))
    parts.extend(_figure_parts(masked, index))
    parts.sort(key=lambda p: p.start)
    return parts, last


def _figure_parts(masked: str, index: Index) -> list[Part]:
    claim_stems = stems(masked)
    content = content_stems(masked)
    parts = []
    for q in read_figures(masked):
        found = find_figure(q, claim_stems, content, index)
        if found is None:
            parts.append(Part("figure", q.text, q.start, q.end, Verdict.UNVERIFIED))
        else:
            parts.append(figure_part(q, found[0].figure, found[1], index.registry, masked))
    return parts


def combine(claim: str, parts: list[Part], claim_id: str = "") -> Result:
    """A claim is as wrong as its most wrong part."""
    decided = [p for p in parts if p.verdict is not Verdict.UNVERIFIED]
    if not decided:
        reason = NOTHING_MATCHED if parts else NOTHING_FOUND
        return Result(claim, Verdict.UNVERIFIED, tuple(parts), reasons=(reason,), id=claim_id)
    worst = max(decided, key=lambda p: SEVERITY[p.verdict])
    reasons = tuple(r for p in decided for r in p.reasons)
    return Result(
        claim=claim,
        verdict=worst.verdict,
        parts=tuple(parts),
        entry=worst.entry,
        score=worst.score,
        reasons=reasons,
        evidence=worst.evidence,
        id=claim_id,
    )
