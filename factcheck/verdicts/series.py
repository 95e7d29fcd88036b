"""Figures over time: a count that rises from report to report is a series.

Each report holds for a moment, its as-of date (an explicit `as_of`, else its
source's date). Reports at different moments do not dispute each other; a
claim is judged by the reports of the moment it names ("on Thursday", "in
December", "on February 4"), else by the latest. A claim that only matches
an earlier value is outdated, not wrong in general, and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from factcheck.figures.ranges import BOUNDS
from factcheck.figures.units import MONTHS, NAMED_HOURS, WEEKDAYS, hour_of
from factcheck.model import Evidence, Figure, FigureReport, Part, Quantity, Registry, Verdict
from factcheck.verdicts.figures import _agrees, _claimed, _join, _says, figure_result

Moment = tuple[str, tuple[FigureReport, ...]]  # an as-of date and the reports for it

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
# "by 6 a.m. Saturday", "as of noon Tuesday": a clock may come between.
_CLOCK_FIRST = r"(?:(?P<clock>\d{1,2}(?::\d{2})?\s{0,3}[ap]\.?\s?m\.?|noon|midnight)\s{1,3})?"
_CLOCK = re.compile(r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s{0,3}(?P<ap>[ap])", re.IGNORECASE)
_NAMED = re.compile(
    rf"\b(?:on|by|as\s{{1,3}}of)\s{{1,3}}{_CLOCK_FIRST}(?P<weekday>{_WEEKDAY})\b"
    rf"|\b(?:on|by|as\s{{1,3}}of)\s{{1,3}}(?P<month>{_MONTH})\.?\s{{1,3}}(?P<day>\d{{1,2}})\b(?:,?\s{{1,3}}(?P<year>\d{{4}}))?"
    rf"|\b(?:on|by|as\s{{1,3}}of)\s{{1,3}}(?P<day2>\d{{1,2}})\s{{1,3}}(?P<month2>{_MONTH})\b(?:\s{{1,3}}(?P<year2>\d{{4}}))?"
    rf"|\b(?:in|during|by)\s{{1,3}}(?P<month3>{_MONTH})\b(?:\s{{1,3}}(?P<year3>\d{{4}}))?",
    re.IGNORECASE,
)


# Two reports at two moments may be a change or a disagreement; three or more
# show a count moving, and only then is a claim of an earlier value outdated
# (unless the claim names the moment it is wrong for).
MIN_MOMENTS_FOR_TREND = 3


@dataclass(frozen=True)
class Series:
    """A figure whose reports hold for different moments, in date order."""

    figure: Figure
    moments: tuple[Moment, ...]


def as_of(report: FigureReport, registry: Registry) -> str:
    if report.as_of:
        return report.as_of
    source = registry.sources.get(report.source)
    return source.date if source else ""


def moments(figure: Figure, registry: Registry) -> tuple[Moment, ...]:
    """The figure's reports grouped by as-of date, earliest first (undated first of all)."""
    groups: dict[str, list[FigureReport]] = {}
    for report in figure.reports:
        groups.setdefault(as_of(report, registry), []).append(report)
    return tuple((d, tuple(groups[d])) for d in sorted(groups))


def find_series(registry: Registry) -> list[Series]:
    out = []
    for figure in registry.figures:
        found = moments(figure, registry) if figure.series else ()
        if len([d for d, _ in found if d]) > 1:
            out.append(Series(figure, found))
    return out


def moment_sides(figure: Figure, registry: Registry) -> tuple[tuple[FigureReport, ...], ...]:
    """The sides of the first moment whose sources disagree; one side if none do."""
    from factcheck.verdicts.conflicts import _sides

    for _, reps in moments(figure, registry):
        sides = _sides(replace(figure, reports=reps))
        if len(sides) > 1:
            return sides
    return (figure.reports,)


def named_moment(text: str, dates: list[str]) -> str:
    """The as-of date among `dates` that the text's "on Thursday" or "in December" names."""
    named = named_moments(text, dates)
    return named[-1] if named else ""


def named_moments(text: str, dates: list[str]) -> list[str]:
    """Every as-of moment among `dates` on the day (or month) the text names."""
    for m in _NAMED.finditer(text):
        fits = _moments_named(m, dates)
        if fits:
            return fits
    return []


def _moments_named(m: re.Match[str], dates: list[str]) -> list[str]:
    fits = [d for d in dates if _fits(m, d)]
    return _at_clock(m["clock"], fits) if m["clock"] else fits


def _at_clock(clock: str, moments: list[str]) -> list[str]:
    """The moments of a day that hold at the time of day a claim names ("by 6
    a.m. Saturday"): a report of that time. A report of the evening does not,
    and one dated by the day alone does only when the day has no timed report."""
    timed = [d for d in moments if len(d) >= 16]
    if not timed:
        return moments
    return [d for d in timed if _same_clock(clock, d)]


def _same_clock(clock: str, iso: str) -> bool:
    low = clock.lower()
    if low in NAMED_HOURS:
        hour, minute = NAMED_HOURS[low], 0
    else:
        found = _CLOCK.match(clock)
        if found is None:
            return True
        hour, minute = hour_of(int(found["h"]), found["ap"]), int(found["m"] or 0)
    # Midnight is written 00:00 or, as the day's end, 24:00; half past midnight is not.
    return iso[11:16] in (f"{hour:02d}:{minute:02d}", "24:00" if (hour, minute) == (0, 0) else "")


def _unreported_day(text: str, dates: list[str]) -> str:
    """The day or month the text names ("by 6 a.m. Saturday") when it is none of
    the moments' days, else ""."""
    for m in _NAMED.finditer(text):
        if not _moments_named(m, dates):
            words = m.group().split()
            return " ".join([words[0].lower(), *words[1:]])
    return ""


def _fits(m: re.Match[str], iso: str) -> bool:
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return False
    g = m.groupdict()
    if g["weekday"]:
        return day.weekday() == WEEKDAYS[g["weekday"].lower()]
    month = g["month"] or g["month2"] or g["month3"]
    year = g["year"] or g["year2"] or g["year3"]
    number = g["day"] or g["day2"]
    return (
        day.month == MONTHS[month.lower()]
        and (not year or day.year == int(year))
        and (not number or day.day == int(number))
    )


def series_part(q: Quantity, figure: Figure, score: float, registry: Registry, text: str) -> Part:
    found = [(d, reps) for d, reps in moments(figure, registry) if d]
    undated = [r for d, reps in moments(figure, registry) if not d for r in reps]
    if not found:
        found = [("", tuple(undated))]
    dates = [d for d, _ in found]
    named = _judged_moment(q, named_moments(text, dates), dict(found))
    unreported = "" if named or not dates[0] else _unreported_day(text, dates)
    if unreported:
        # A count that moves is known only at its reports' moments: of another day
        # the sources say nothing, whichever way the claim's number goes.
        latest = _join(list(dict.fromkeys(_says(r, figure) for r in dict(found)[dates[-1]])))
        why = f"the sources give no report {unreported}; the latest, {dates[-1]}, says {latest}"
        reason = f"nearest entry {figure.id} ({figure.subject}) not used: {why}"
        return Part(
            "figure", q.text, q.start, q.end, Verdict.UNVERIFIED, score=score,
            nearest=figure.id, reasons=(reason,),
        )  # fmt: skip
    at = named or dates[-1]
    target = dict(found)[at]
    agreeing = [_agrees(q, r) for r in target]
    # An earlier report that only bounds the value ("at least four") is not one
    # the claim matches: six killed is not outdated by a later "four".
    earlier = [
        d
        for d, reps in found
        if d < at and any(_agrees(q, r) and r.quantity.qualifier not in BOUNDS for r in reps)
    ]
    says = _join(list(dict.fromkeys(_says(r, figure) for r in target)))
    claimed = _claimed(q, figure)
    outdated = ""
    if all(agreeing):
        verdict, reason = Verdict.SUPPORTED, f"{claimed} agrees with {says} as of {at}"
    elif any(agreeing):
        verdict = Verdict.DISPUTED
        reason = f"the sources disagree on {figure.subject} as of {at}; they say {says}"
    elif earlier and (named or len(found) >= MIN_MOMENTS_FOR_TREND):
        verdict, outdated = Verdict.CONTRADICTED, earlier[-1]
        latest = f"the latest, {at}," if not named else f"the report of {at}"
        reason = f"outdated: it matches the report of {outdated}; {latest} says {says}"
    elif earlier:
        verdict, outdated = Verdict.DISPUTED, earlier[-1]
        reason = (
            f"the sources differ over time on {figure.subject}: it matches the report of "
            f"{outdated}; the latest, {at}, says {says}"
        )
    else:
        verdict = Verdict.CONTRADICTED
        reason = f"{claimed}; as of {at} the sources say {says} ({figure.subject})"
    evidence = _evidence(q, figure, found, at, registry)
    return figure_result(q, figure, score, verdict, reason, evidence, outdated)


def _judged_moment(
    q: Quantity, named: list[str], found: dict[str, tuple[FigureReport, ...]]
) -> str:
    """Of the moments on the day a claim names, the one its number agrees with
    (a toll that rose during that day agrees with the day's earlier report
    too), else that day's latest."""
    for moment in reversed(named):
        if all(_agrees(q, r) for r in found[moment]):
            return moment
    return named[-1] if named else ""


def _evidence(
    q: Quantity, figure: Figure, found: list[Moment], at: str, registry: Registry
) -> tuple[Evidence, ...]:
    """Every report in date order, the judged moment last, each dated by its as-of."""
    ordered = [m for m in found if m[0] != at] + [m for m in found if m[0] == at]
    return tuple(
        replace(
            registry.evidence(r.source, r.sentence, r.text or r.quantity.describe(), _agrees(q, r)),
            date=d,
        )
        for d, reps in ordered
        for r in reps
    )
