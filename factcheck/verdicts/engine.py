"""check(): the verdict on a claim, from its quotations and figures.

Pure: text and a registry in, a Result out. No I/O, no CLI.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from factcheck.figures.ranges import AGE
from factcheck.figures.reader import read_figures
from factcheck.matching.index import Index, index_for
from factcheck.model import SEVERITY, Figure, Part, Quantity, Registry, Result, Verdict
from factcheck.quotations.spans import find_quotes, mask_quotes
from factcheck.verdicts.figures import agrees_with_any, figure_part

if TYPE_CHECKING:
    from factcheck.frames import Frame
    from factcheck.matching.figures import FigureMatch
    from factcheck.quotations.speakers import Attribution

NOTHING_FOUND = "no quotation or figure found in the claim"
NOTHING_MATCHED = "nothing in the registry is about it"


def check(claim: str, registry: Registry, claim_id: str = "") -> Result:
    """The verdict on one claim, with reasons and evidence."""
    parts, _ = analyse(claim, index_for(registry))
    return combine(claim, parts, claim_id)


def analyse(
    text: str, index: Index, previous: Attribution | None = None, memo: PartMemo | None = None
) -> tuple[list[Part], Attribution | None]:
    """Every quotation and figure in `text`, each with its verdict.

    `previous` is the last named speaker before this text, for "he said";
    the last speaker named in this text is returned for the next call.
    `memo` (a scan's) keeps the parts already judged, for texts that repeat them.
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
        if memo is None:
            parts.append(quote_part(text, span.content_start, span.content_end, attribution, index))
        else:
            parts.append(memo.quote(text, span.content_start, span.content_end, attribution, index))
    parts.extend(_figure_parts(masked, index) if memo is None else memo.figures(masked, index))
    parts.sort(key=lambda p: p.start)
    return parts, last


class PartMemo:
    """Parts already judged in one scan, each by all it depends on: a quotation's by its
    words and attribution (quote_part reads nothing else of the text), a text's figures
    by the text with its quotations blanked. A draft quotes the same words in sentences
    that differ elsewhere, and repeats a sentence after another speaker. Bounded."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self.quoted: dict[tuple[str, Attribution | None], Part] = {}
        self.masked: dict[str, list[Part]] = {}

    def quote(
        self, text: str, start: int, end: int, attribution: Attribution | None, index: Index
    ) -> Part:
        key = (text[start:end], attribution)
        part = self.quoted.get(key)
        if part is None:
            from factcheck.verdicts.quotes import quote_part

            part = quote_part(text, start, end, attribution, index)
            self._bound(self.quoted)
            self.quoted[key] = part
        # The same words elsewhere: only the offsets differ.
        return part if part.start == start else replace(part, start=start, end=end)

    def figures(self, masked: str, index: Index) -> list[Part]:
        parts = self.masked.get(masked)
        if parts is None:
            parts = _figure_parts(masked, index)
            self._bound(self.masked)
            self.masked[masked] = parts
        return parts

    def _bound(self, seen: dict[Any, Any]) -> None:
        if len(seen) >= self.limit:
            seen.clear()  # a crude bound: a memo is a cache, never the truth


def _figure_parts(masked: str, index: Index) -> list[Part]:
    found_figures = read_figures(masked)
    if any(q.dimension == "time-of-day" for q in found_figures):
        from factcheck.frames.clock import event_time

        # "by 6 p.m. …, 50% contained": a clock that dates another figure is not checked
        found_figures = [
            q
            for q in found_figures
            if q.dimension != "time-of-day" or event_time(masked, q, found_figures)
        ]
    if not found_figures:
        return []
    # Imported here: a claim of quotations alone never pays for the frame reader.
    from factcheck.frames import read_frame
    from factcheck.frames.frame import neighbour_spans, with_its_noun
    from factcheck.matching.figures import find_figure

    common, _ = index.frame_words()
    parts, sure, frames = [], {}, []
    for k, q in enumerate(found_figures):
        others = neighbour_spans(k, found_figures)
        frame = read_frame(masked, q.start, q.end, common, others, sayers=q.dimension == AGE)
        frames.append(frame)
        found = find_figure(with_its_noun(k, found_figures, masked), frame, index)
        if found is not None and found.confident:
            found = _not_anothers(k, found_figures, found)
        if found is None:
            parts.append(Part("figure", q.text, q.start, q.end, Verdict.UNVERIFIED))
        elif not found.confident:
            parts.append(_nearest(q, found))
        else:
            parts.append(figure_part(q, found.info.figure, found.score, index.registry, masked))
            if agrees_with_any(q, found.info.figure):
                sure[k] = found
    if sure and len(sure) < len(parts):
        _beside_the_sure(found_figures, parts, sure, frames, index, masked)
    return parts


def _beside_the_sure(
    figures: list[Quantity],
    parts: list[Part],
    sure: dict[int, FigureMatch],
    frames: list[Frame],
    index: Index,
    masked: str,
) -> None:
    """Judge each unverified number by the figure printed beside the entry of
    another number of the claim that the entry bears out (matching/siblings.py),
    when the clause's words fit that figure's and name nothing else."""
    from factcheck.matching.siblings import fits_beside, sibling_figure

    for k, part in enumerate(parts):
        if part.verdict is not Verdict.UNVERIFIED:
            continue
        for j, found in sure.items():
            words = set(frames[k].content | frames[j].content)
            info = sibling_figure(figures[k], figures[j], found.info.figure, index, words)
            if info is not None and fits_beside(figures[k], frames[k], info, index):
                parts[k] = figure_part(figures[k], info.figure, found.score, index.registry, masked)
                break


# How many times off the entry's value a claim's number must be for the claim's
# other figure that the entry bears out to be the entry's number instead.
FAR_OFF = 5.0


def _not_anothers(k: int, figures: list[Quantity], found: FigureMatch) -> FigureMatch:
    """The match, unless the entry is another number's of the same claim: in
    "puts the loss at $5.4 billion, or $44 million a company", an entry that the
    $44 million bears out is that number's, so the $5.4 billion, of another order
    altogether, is not wrong by it. (Six hours against 9.5 hours "over two days"
    is still wrong: the same order as the entry's hours.)"""
    from factcheck.matching.figures import FigureMatch

    q, figure = figures[k], found.info.figure
    if agrees_with_any(q, figure) or not _far_off(q, figure):
        return found
    for j, other in enumerate(figures):
        if j != k and other.dimension == q.dimension and agrees_with_any(other, figure):
            why = f"the entry is the claim's {other.text}, another of its figures"
            return FigureMatch(found.info, found.score, False, why)
    return found


def _far_off(q: Quantity, figure: Figure) -> bool:
    """Whether the number is FAR_OFF times above or below every source's value."""
    values = [v.value for v in figure.reported()]
    return all(v > 0 and q.value > 0 and max(q.value / v, v / q.value) > FAR_OFF for v in values)


def _nearest(q: Quantity, found: FigureMatch) -> Part:
    """An unverified number, with the figure it came nearest and why that was not used."""
    figure = found.info.figure
    return Part(
        "figure",
        q.text,
        q.start,
        q.end,
        Verdict.UNVERIFIED,
        score=found.score,
        nearest=figure.id,
        reasons=(f"nearest entry {figure.id} ({figure.subject}) not used: {found.why_not}",),
    )


def combine(claim: str, parts: list[Part], claim_id: str = "") -> Result:
    """A claim is as wrong as its most wrong part."""
    decided = [p for p in parts if p.verdict is not Verdict.UNVERIFIED]
    if not decided:
        near = [p for p in parts if p.nearest]
        reasons = (NOTHING_MATCHED if parts else NOTHING_FOUND, *(p.reasons[0] for p in near))
        return Result(
            claim,
            Verdict.UNVERIFIED,
            tuple(parts),
            reasons=reasons,
            id=claim_id,
            nearest=tuple(dict.fromkeys(p.nearest for p in near)),
        )
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
