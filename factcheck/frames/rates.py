"""How often a figure holds: its period.

"$9.6 billion of cargo each day" is a day's worth, not the whole; "90 ships per
day" is a pace, not the 532 ships that crossed. A claim's figure and a source's
with different periods (or one with a period, the other without) are different
figures, not evidence against each other. The words are English, not any
story's, so they live here as data.
"""

from __future__ import annotations

import re

# Each word for a period, and the period it names.
PERIODS: dict[str, str] = {
    "day": "day",
    "daily": "day",
    "week": "week",
    "weekly": "week",
    "month": "month",
    "monthly": "month",
    "year": "year",
    "yearly": "year",
    "annual": "year",
    "annually": "year",
    "hour": "hour",
    "hourly": "hour",
}
# After the number, a few words on: "each day", "per week", "a year", "annually";
# not "a day earlier", "a year ago", "a day when": those date it. (An adjective
# before it, "average hourly earnings rose 13 cents", names what is counted, and
# eight words off in a source's longer clause: no period is read there.)
_AFTER = re.compile(
    r"(?P<lead>(?:[^\S\n]{1,3}[^\s.;:!?]{1,30}){0,4}?)[^\S\n]{1,3}"
    r"(?:(?P<article>each|a|an|per|every)[^\S\n]{1,3}(?P<unit>day|week|month|year|hour)"
    r"|(?P<adverb>daily|weekly|monthly|annually|yearly|hourly))\b"
    r"(?![^\S\n]{1,3}(?:ago|earlier|later|after|before|since|when|that|of|or)\b)",
    re.IGNORECASE,
)
# Words before "a year" that make it a span, not a period: "for over a year".
_SPAN_BEFORE = frozenset(
    {"for", "over", "in", "within", "than", "under", "about", "nearly", "almost", "after",
     "before", "past", "of", "once", "twice", "half", "least", "up", "to"}
)  # fmt: skip
# In a hand-written subject ("gas a year under the new deal").
_ANYWHERE = re.compile(
    r"\b(?:each|a|an|per|every)[^\S\n]{1,3}(?P<unit>day|week|month|year|hour)\b",
    re.IGNORECASE,
)


def period_of(after: str) -> str:
    """The period of a number, from its own words `after` it, or ""."""
    found = _AFTER.match(after)
    if found is None:
        return ""
    lead = found.group("lead").split()
    if found.group("article") in ("a", "an") and lead and lead[-1].lower() in _SPAN_BEFORE:
        return ""
    return _period(found)


def periods_in(text: str) -> frozenset[str]:
    """Every period a text names ("" for none)."""
    return frozenset(_period(m) for m in _ANYWHERE.finditer(text))


def _period(found: re.Match[str]) -> str:
    return PERIODS[(found.group("unit") or found.groupdict().get("adverb") or "").lower()]


def period_conflict(ours: str, theirs: frozenset[str]) -> str:
    """Why a claim's figure and an entry's are not one: their periods differ, and
    the entry's reports and subject agree on theirs ("" when none conflict)."""
    if len(theirs) != 1 or ours in theirs:
        return ""
    (their,) = theirs
    if ours and their:
        return f"the claim gives a {ours}'s figure; the sources a {their}'s"
    if ours:
        return f"the claim gives it per {ours}; the sources give no period"
    return f"the sources give it per {their}; the claim gives no period"
