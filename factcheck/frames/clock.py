"""Whether a clock time in a text is a figure of its own or the moment of another.

"The train struck the truck at 12:42 p.m." states when something happened:
a figure, to be checked. "4,900 acres as of 7:40 p.m." and "by 6 p.m. the
fire was 50% contained" date another figure, and "officials said Saturday
around 7 p.m." says when something was said: none of these is checked as a
time. One rule for claims, drafts and ingest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.figures.units import WEEKDAYS
from factcheck.model import Quantity

_EVENT = re.compile(
    r"\b(?:at|around|about|approximately|since|shortly\s+(?:after|before))\s+$", re.IGNORECASE
)
_SAID = re.compile(
    r"\b(?:said|says|reported|announced|told\s+\w+)\s+(?:\w+\s+){0,2}"
    r"(?:at|around|about|approximately)\s+$",
    re.IGNORECASE,
)
REACH = 40  # characters before the time in which its preposition stands


WORDS_AFTER_COUNT = 3


def event_time(text: str, q: Quantity, figures: Sequence[Quantity]) -> bool:
    """Whether the time `q` is when something happened, not the moment of a count."""
    before = text[max(0, q.start - REACH) : q.start]
    if not _EVENT.search(before) or _SAID.search(before):
        return False
    # "4,900 acres at 7:40 p.m.": a time just after a count dates that count.
    return not any(
        f.dimension != "time-of-day"
        and f.end <= q.start
        and len(text[f.end : q.start].split()) <= WORDS_AFTER_COUNT
        for f in figures
    )


_WEEKDAY = "(" + "|".join(WEEKDAYS) + ")"
# Bounded: a run of white space is never read twice over (tests/test_regex_time.py).
_DAY_AFTER = re.compile(rf"[\s,]{{1,4}}(?:on\s{{1,4}})?{_WEEKDAY}\b", re.IGNORECASE)
_DAY_BEFORE = re.compile(
    rf"\b{_WEEKDAY}(?:['’]s)?[\s,]{{1,4}}(?:\w{{1,20}}\s{{1,4}})?(?:(?:at|around)\s{{1,4}})?$",
    re.IGNORECASE,
)


def day_beside(text: str, start: int, end: int) -> str:
    """The weekday written with a clock time ("12:01 a.m. Tuesday", "on Monday at
    9 p.m."), in lower case, or "": a moment's day, part of the moment."""
    after = _DAY_AFTER.match(text, end)
    if after:
        return after.group(1).lower()
    before = _DAY_BEFORE.search(text, max(0, start - REACH), start)
    return before.group(1).lower() if before else ""
