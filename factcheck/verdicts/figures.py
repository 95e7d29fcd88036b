"""The verdict on a figure in a claim, against each source's value."""

from __future__ import annotations

from factcheck.figures.ranges import LOWER_BOUNDS, UPPER_BOUNDS, agree
from factcheck.model import Evidence, Figure, FigureReport, Part, Quantity, Registry, Verdict
from factcheck.text import stem, stems


def figure_part(
    q: Quantity, figure: Figure, score: float, registry: Registry, claim: str = ""
) -> Part:
    if q.dimension == "tally" and claim:
        turned = _turned(q, figure, score, registry, claim)
        if turned is not None:
            return turned
    if figure.series:  # a value over time: judged at its moment (verdicts/series.py)
        from factcheck.verdicts.series import series_part

        return series_part(q, figure, score, registry, claim)
    agreeing = [_agrees(q, r) for r in figure.reports]
    days = _days(q, figure, claim) if q.dimension == "time-of-day" and claim else None
    if days is not None:  # "12:01 a.m. Monday" is not the sources' "12:01 a.m. Tuesday"
        ours, theirs = days
        agreeing = [
            ok and (not day or day == ours) for ok, day in zip(agreeing, theirs, strict=True)
        ]
    if all(agreeing):
        verdict = Verdict.SUPPORTED
    elif any(agreeing):
        verdict = Verdict.DISPUTED
    else:
        verdict = Verdict.CONTRADICTED
    evidence = tuple(
        registry.evidence(r.source, r.sentence, r.text or r.quantity.describe(), ok)
        for r, ok in zip(figure.reports, agreeing, strict=False)
    )
    reason = _reason(q, figure, agreeing, verdict, days)
    return figure_result(q, figure, score, verdict, reason, evidence)


def _days(q: Quantity, figure: Figure, claim: str) -> tuple[str, list[str]] | None:
    """The weekday the claim writes with its clock time and each report's, when
    the claim writes one; else None."""
    from factcheck.frames.clock import day_beside

    ours = day_beside(claim, q.start, q.end)
    if not ours:
        return None
    theirs = []
    for r in figure.reports:
        at = r.sentence.find(r.text) if r.text else -1
        theirs.append(day_beside(r.sentence, at, at + len(r.text)) if at >= 0 else "")
    return ours, theirs


def _turned(
    q: Quantity, figure: Figure, score: float, registry: Registry, claim: str
) -> Part | None:
    """A score the sources give, with the win given to the side they say lost
    ("the 49ers beat the Chiefs 25-22"): contradicted, when no source has it
    the claim's way round."""
    from factcheck.figures.sides import same_sides, swapped
    from factcheck.frames.clause import clause_span

    # Each side's own clause: a paragraph's other sentences have other results.
    ours = claim[slice(*clause_span(claim, q.start, q.end))]
    theirs = [_clause_of(r) for r in figure.reports]
    turned = [swapped(ours, t) for t in theirs]
    if not any(turned) or any(same_sides(ours, t) for t in theirs):
        return None
    evidence = tuple(
        registry.evidence(r.source, r.sentence, r.text or r.quantity.describe(), not t)
        for r, t in zip(figure.reports, turned, strict=False)
    )
    reason = f"{q.text} with the sides the other way round: the sources have the other side winning ({figure.subject})"
    return figure_result(q, figure, score, Verdict.CONTRADICTED, reason, evidence)


def _clause_of(report: FigureReport) -> str:
    from factcheck.frames.clause import clause_span

    at = report.sentence.find(report.text) if report.text else -1
    if at < 0:
        return report.sentence
    return report.sentence[slice(*clause_span(report.sentence, at, at + len(report.text)))]


def figure_result(
    q: Quantity,
    figure: Figure,
    score: float,
    verdict: Verdict,
    reason: str,
    evidence: tuple[Evidence, ...],
    outdated: str = "",
) -> Part:
    """The part of a result that judges the claim's number `q` by `figure`."""
    return Part(
        kind="figure",
        text=q.text,
        start=q.start,
        end=q.end,
        verdict=verdict,
        entry=figure.id,
        score=score,
        reasons=(reason,),
        evidence=evidence,
        outdated=outdated,
    )


def agrees_with_any(q: Quantity, figure: Figure) -> bool:
    """Whether some source gives a value the claim's number agrees with."""
    return any(_agrees(q, r) for r in figure.reports)


def _agrees(q: Quantity, report: FigureReport) -> bool:
    theirs = report.quantity
    if _same_bound(q, theirs):
        # "up to 40 years" and "up to 25 years" can both be true, but they state
        # different maximums: two bounds one way agree when their numbers do; a
        # floor below the source's ("at least 300" for "at least 400") still holds.
        if q.qualifier in LOWER_BOUNDS and FLOOR_SHARE * theirs.value <= q.value <= theirs.value:
            return True
        return abs(q.value - theirs.value) <= BOUND_SLACK * max(abs(q.value), abs(theirs.value))
    if _the_bounds_number(q, theirs):
        return True
    return agree(q.dimension, (q.lo, q.hi), (theirs.lo, theirs.hi))


def _the_bounds_number(q: Quantity, theirs: Quantity) -> bool:
    """ "nine days" of a source's "over nine days": the claim gives the bound's own
    number and leaves its qualifier out, which an editor reads as a loose report of
    it, not as the wrong figure ("More than 1,000 people took part", "1,000 people")."""
    return (
        q.qualifier == "exact"
        and theirs.qualifier in LOWER_BOUNDS | UPPER_BOUNDS
        and q.dimension == theirs.dimension
        and q.lo <= theirs.value <= q.hi
    )


BOUND_SLACK = 0.10
# A floor that holds but says far less than the source's ("at least 28" for "more
# than 240") is no report of that figure: it is another count's, or wrong.
FLOOR_SHARE = 0.5


def _same_bound(a: Quantity, b: Quantity) -> bool:
    return a.dimension == b.dimension and any(
        a.qualifier in side and b.qualifier in side for side in (UPPER_BOUNDS, LOWER_BOUNDS)
    )


def _says(report: FigureReport, figure: Figure) -> str:
    if report.text:
        return report.text
    said = report.quantity.describe()
    return f"{said} {figure.quantity.unit}" if report.quantity.dimension == "count" else said


def _claimed(q: Quantity, figure: Figure) -> str:
    """The claim's figure as written, with what it counts when the number stands alone."""
    text = " ".join(q.text.split())
    unit = figure.quantity.unit
    if q.dimension == "count" and stem(unit) not in stems(text) and " of" not in text:
        return f"{text} {unit}"
    return text


def _reason(
    q: Quantity,
    figure: Figure,
    agreeing: list[bool],
    verdict: Verdict,
    days: tuple[str, list[str]] | None = None,
) -> str:
    claimed = _claimed(q, figure)
    says = [_says(r, figure) for r in figure.reports]
    if days is not None:  # the day is part of the moment: said with it
        claimed = f"{claimed} {days[0].capitalize()}"
        says = [f"{s} {d.capitalize()}".strip() for s, d in zip(says, days[1], strict=True)]
    if verdict is Verdict.CONTRADICTED:
        distinct = list(dict.fromkeys(says))
        noun = "source says" if len(distinct) == 1 else "sources say"
        return f"{claimed}; the {noun} {_join(distinct)} ({figure.subject})"
    if verdict is Verdict.SUPPORTED:
        return f"{claimed} agrees with {_join(list(dict.fromkeys(says)))} ({figure.subject})"
    yes = [
        f"{r.source}: {s}" for r, s, ok in zip(figure.reports, says, agreeing, strict=False) if ok
    ]
    no = [
        f"{r.source}: {s}"
        for r, s, ok in zip(figure.reports, says, agreeing, strict=False)
        if not ok
    ]
    return (
        f"the sources disagree on {figure.subject}; {claimed} agrees with {_join(yes)} "
        f"but not with {_join(no)}"
    )


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
