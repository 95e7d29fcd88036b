"""The moment a figure in an article holds for, read from its sentence.

An article dated Friday that says "on Thursday" reports Thursday's count; "as
of 6 a.m." is that morning. Only what can be pinned to a date is read: a
weekday, a month and day, or a clock time, all relative to the article's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from factcheck.figures.units import MONTHS, NAMED_HOURS, WEEKDAYS, hour_of

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = "|".join(WEEKDAYS)


def _clock_pattern(name: str) -> str:
    return rf"(?P<{name}hour>\d{{1,2}})(?::(?P<{name}minute>\d{{2}}))?\s{{0,3}}(?P<{name}half>[ap])\.?\s?m\b\.?"


_CLOCKS = ("c1", "c2", "c3")
_PART = r"(?:(?P<edge>early|late)\s{1,3})?(?P<part>morning|afternoon|evening|night|daylight)"
# One expression of when: "Sunday", "6 a.m. Sunday", "Sunday at 3:45 p.m.",
# "early Sunday morning", "June 2", "8:50 p.m.".
_WHEN = re.compile(
    rf"(?:(?:{_clock_pattern('c1')}|(?P<noon1>noon|midnight))\s{{1,3}})?"
    rf"(?:(?P<edge2>early|late)\s{{1,3}})?"
    rf"(?:(?P<weekday>{_DAY})|(?P<month>{_MONTH})\.?\s{{1,3}}(?P<day>\d{{1,2}})\b)"
    rf"(?:\s{{1,3}}{_PART})?(?:,?\s{{1,3}}at\s{{1,3}}{_clock_pattern('c2')})?"
    rf"|{_clock_pattern('c3')}|\b(?P<noon3>noon|midnight)\b",
    re.IGNORECASE,
)
# What ties a time to a figure: a preposition or a verb of reporting before it.
# ("at 1:42 p.m." is when something happened, not when a count was taken.)
_TIED = re.compile(
    r"\b(?:on|by|as\s{1,3}of|said|reported|announced)\s{1,3}$",
    re.IGNORECASE,
)
# A time that bounds a span ("up since Sunday morning") is not the figure's moment.
_UNTIED = re.compile(r"\b(?:since|from|until|till|through|before|after)\s{1,3}$", re.IGNORECASE)
# How far into a sentence a time may start and still open it (one word before).
OPENING_REACH = 20
# Hours for parts of a day, so that a day's reports keep their order.
_HOURS = {"morning": 9, "daylight": 7, "afternoon": 15, "evening": 19, "night": 22}
# A weekday named in an article is within the week before its date line.
MAX_DAYS_BACK = 6
# How many words after a figure a bare time still belongs to it ("… acres Sunday").
AFTER_WORDS = 3


def as_of(
    sentence: str,
    published: str,
    span: tuple[int, int] | None = None,
    others: Sequence[tuple[int, int]] = (),
) -> str:
    """ISO date (and time) the figure at `span` holds for; "" if the article's date.

    A time counts when it is tied to the figure: by a preposition or a verb of
    reporting ("as of 8:50 p.m.", "said Sunday"), by opening the sentence
    ("By 6 a.m. Sunday, …"), or by standing just after it ("… acres Sunday"),
    with no other figure between them. The day and the hour are each the
    nearest such time after the figure ("X acres as of T" is how counts are
    dated), else before it.
    """
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return ""
    start, end = span if span is not None else (0, 0)
    tied = [m for m in _WHEN.finditer(sentence) if _belongs(sentence, m, start, end, others)]
    on_day = _nearest([m for m in tied if m["weekday"] or m["month"]], start, end)
    clocked = _nearest([m for m in tied if _clock(m.groupdict())[0] is not None], start, end)
    moment = _day(on_day, day) if on_day else day
    hour, minute = _clock(on_day.groupdict()) if on_day else (None, 0)
    if hour is None and clocked is not None and not (clocked["weekday"] or clocked["month"]):
        hour, minute = _clock(clocked.groupdict())
    if hour is None:
        return moment.isoformat() if moment != day else ""
    return f"{moment.isoformat()}T{hour:02d}:{minute:02d}"


def _belongs(
    sentence: str, found: re.Match[str], start: int, end: int, others: Sequence[tuple[int, int]]
) -> bool:
    if _opens(sentence[: found.start()]):  # "By 6 a.m. Sunday, 12,500 acres … and 15% …"
        return True
    before = sentence[max(0, found.start() - 20) : found.start()]
    just_after = (
        found.start() - end >= 0 and len(sentence[end : found.start()].split()) <= AFTER_WORDS
    )
    if _UNTIED.search(before) or not (_TIED.search(before) or (end > 0 and just_after)):
        return False
    low, high = (found.end(), start) if found.end() <= start else (end, found.start())
    return not any(low <= a and b <= high for a, b in others)


def _opens(head: str) -> bool:
    """Whether a time after `head` opens its sentence: "By 6 a.m. Sunday, …"."""
    words = head[:OPENING_REACH].lstrip(" \t\n\"“‘'(—-").split()
    return len(head) <= OPENING_REACH and len(words) <= 1 and all(w.isalpha() for w in words)


def _nearest(found: list[re.Match[str]], start: int, end: int) -> re.Match[str] | None:
    after = [m for m in found if m.start() >= end]
    if after:
        return min(after, key=lambda m: m.start())
    before = [m for m in found if m.end() <= start]
    return max(before, key=lambda m: m.end()) if before else None


def _clock(g: dict[str, str | Any]) -> tuple[int | None, int]:
    for prefix in _CLOCKS:
        hour, half = g[f"{prefix}hour"], g[f"{prefix}half"]
        if hour and half and int(hour) <= 12:
            return hour_of(int(hour), half), int(g[f"{prefix}minute"] or 0)
    noon = g["noon1"] or g["noon3"]
    if noon:
        return NAMED_HOURS[noon.lower()], 0
    part = g["part"]
    if not part:
        return None, 0
    edge = g["edge"] or g["edge2"] or ""
    shift = {"early": -2, "late": 2}.get(edge.lower(), 0)
    return _HOURS[part.lower()] + shift, 0


def _day(found: re.Match[str], published: date) -> date:
    if found["weekday"]:
        back = (published.weekday() - WEEKDAYS[found["weekday"].lower()]) % 7
        return published - timedelta(days=min(back, MAX_DAYS_BACK))
    month, number = MONTHS[found["month"].lower()], int(found["day"])
    try:
        moment = date(published.year, month, number)
    except ValueError:
        return published
    # "on December 30" in a January article is last year's
    return moment if moment <= published else date(published.year - 1, month, number)


_DATELINE = re.compile(
    rf"\b(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<month>{_MONTH})\.?\s{{1,3}}(?P<day>\d{{1,2}}),?\s{{1,3}}(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s{{1,3}}(?P<month2>{_MONTH})\s{{1,3}}(?P<year2>\d{{4}}))\b",
    re.IGNORECASE,
)
# A date line stands at the top of an article, before the first paragraph ends.
DATELINE_LINES = 5


def dateline(article: str) -> str:
    """The article's own date, ISO, from a date line in its first lines; "" if none."""
    head = "\n".join(article.lstrip().splitlines()[:DATELINE_LINES])
    for m in _DATELINE.finditer(head):
        try:
            if m["iso"]:
                return date.fromisoformat(m["iso"]).isoformat()
            month = MONTHS[(m["month"] or m["month2"]).lower()]
            day = int(m["day"] or m["day2"])
            return date(int(m["year"] or m["year2"]), month, day).isoformat()
        except ValueError:
            continue
    return ""
