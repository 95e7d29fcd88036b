"""The moment a figure in an article holds for, read from its sentence.

An article dated Friday that says "on Thursday" reports Thursday's count; "as
of 6 a.m." is that morning. Only what can be pinned to a date is read: a
weekday, a month and day, or a clock time, all relative to the article's date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.figures.units import MONTHS, WEEKDAYS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WHEN = re.compile(
    rf"\b(?:on|by|as\s{{1,3}}of|since|until|through)\s{{1,3}}(?:(?P<weekday>{'|'.join(WEEKDAYS)})"
    rf"|(?P<month>{_MONTH})\.?\s{{1,3}}(?P<day>\d{{1,2}})\b)",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"\bas\s{1,3}of\s{1,3}(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s{0,3}(?P<half>[ap])\.?m\.?",
    re.IGNORECASE,
)
# A weekday named in an article is within the week before its date line.
MAX_DAYS_BACK = 6


def as_of(sentence: str, published: str) -> str:
    """ISO date (and time) the sentence's figure holds for; "" if it is the article's date."""
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return ""
    when = _WHEN.search(sentence)
    moment = _day(when, day) if when else day
    clock = _CLOCK.search(sentence)
    if clock:
        hour = int(clock["hour"]) % 12 + (12 if clock["half"].lower() == "p" else 0)
        return f"{moment.isoformat()}T{hour:02d}:{int(clock['minute'] or 0):02d}"
    return moment.isoformat() if moment != day else ""


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
