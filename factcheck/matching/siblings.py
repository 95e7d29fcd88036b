"""A number told by the figure printed beside another the claim gets right.

"Amtrak said about 375 passengers and 12 crew members were aboard" copies a
source's "about 275 passengers and 12 crew members": once the 12 is borne out
by an entry, the sentence it came from says what the 375 is about, even where
the 375's own words were too few to find its entry. The claim must mirror the
sentence: the same kind of number, on the same side of the anchor, counting the
same noun, and only one such number in the sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.text import stem

if TYPE_CHECKING:
    from factcheck.frames import Frame
    from factcheck.matching.index import FigureInfo, Index
    from factcheck.model import Figure, Quantity


def sibling_figure(
    q: Quantity, anchor: Quantity, figure: Figure, index: Index, content: set[str]
) -> FigureInfo | None:
    """The entry of the number printed beside `figure`'s in its sentence that the
    claim's `q` stands for, where `anchor` (the claim's other number) bears out
    `figure`; None unless exactly one entry can be it."""
    printed = {
        (report.sentence, p.text)
        for report in figure.reports
        for p in _mirrored(q, anchor, report.sentence, report.text)
    }
    if len(printed) != 1:
        return None
    ((sentence, text),) = printed
    holders = [
        info
        for info in index.figure_candidates(q.dimension, content)
        if info.figure.id != figure.id
        and any(r.sentence == sentence and r.text == text for r in info.figure.reports)
    ]
    return holders[0] if len(holders) == 1 else None


def _mirrored(q: Quantity, anchor: Quantity, sentence: str, text: str) -> list[Quantity]:
    """The numbers of `sentence` that stand to the report's own (`text`) as `q`
    stands to `anchor` in the claim; all of them, so that two make it unsure."""
    from factcheck.figures.reader import read_figures

    at = sentence.find(text) if text else -1
    if at < 0:
        return []
    own_end = at + len(text)
    before = q.start < anchor.start
    return [
        p
        for p in read_figures(sentence)
        if (p.end <= at if before else p.start >= own_end)
        and p.dimension == q.dimension
        and p.unit == q.unit
        and _noun(p) == _noun(q)
    ]


def _noun(q: Quantity) -> str:
    """The word a number counts ("passengers"), stemmed, or "" when none follows."""
    first = q.following[0] if q.following else ""
    return stem(first.lower()) if first.isalpha() else ""


def fits_beside(q: Quantity, claim: Frame, info: FigureInfo, index: Index) -> bool:
    """Whether the claim's clause fits the sibling's frame: some word shared and
    nothing said otherwise ("revenue slipped to $12.8 billion" is no profit)."""
    from factcheck.frames.agree import fit
    from factcheck.matching.figures import frame_of

    common, people = index.frame_words()
    weights = index.figure_weights(set(claim.content))
    found = fit(
        claim,
        frame_of(info, common),
        lambda w: weights.get(w, 0.0),
        people,
        q.dimension.startswith("money"),
    )
    return found.score > 0 and not found.conflict
