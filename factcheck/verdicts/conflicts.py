"""Entries whose sources disagree among themselves."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.figures.ranges import agree
from factcheck.model import Figure, FigureReport, Registry


@dataclass(frozen=True)
class Conflict:
    figure: Figure
    sides: tuple[tuple[FigureReport, ...], ...]  # reports grouped by what they agree on


def find_conflicts(registry: Registry) -> list[Conflict]:
    out = []
    for figure in registry.figures:
        if figure.series:  # only sources at one moment can disagree (verdicts/series.py)
            from factcheck.verdicts.series import moment_sides

            sides = moment_sides(figure, registry)
        else:
            sides = _sides(figure)
        if len(sides) > 1:
            out.append(Conflict(figure, sides))
    return out


def _sides(figure: Figure) -> tuple[tuple[FigureReport, ...], ...]:
    """Group reports: each joins the first group all of whose members it agrees with."""
    groups: list[list[FigureReport]] = []
    for report in figure.reports:
        for group in groups:
            if all(_agree(report, other) for other in group):
                group.append(report)
                break
        else:
            groups.append([report])
    return tuple(tuple(g) for g in groups)


def _agree(a: FigureReport, b: FigureReport) -> bool:
    qa, qb = a.quantity, b.quantity
    return agree(qa.dimension, (qa.lo, qa.hi), (qb.lo, qb.hi))


def source_counts(registry: Registry) -> dict[str, tuple[int, int]]:
    """For each source: how many quotations and figures it backs."""
    counts = {sid: [0, 0] for sid in registry.sources}
    for q in registry.quotations:
        for sid in {r.source for r in q.reports}:
            counts.setdefault(sid, [0, 0])[0] += 1
    for f in registry.figures:
        for sid in {r.source for r in f.reports}:
            counts.setdefault(sid, [0, 0])[1] += 1
    return {sid: (c[0], c[1]) for sid, c in counts.items()}
