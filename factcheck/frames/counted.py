"""What a bare count counts when no noun follows it: "raised the death toll to 205".

A count is usually named by the noun after it ("205 people"). Reporters also
write a running total as a noun before the number, joined by a verb and "to"
or "at": "the toll rose to 205", "the tally stood at 95". One rule for claims
and ingest, so that both file such a count under the same noun.
"""

from __future__ import annotations

import re

# Nouns that count people alike, whatever else they say of them: "242 people",
# "242 individuals", "242 souls on board" are one count; what happened to them,
# and where, is the frame's to tell.
PEOPLE_NOUNS = ("people", "persons", "individuals", "souls")
# A workforce counted in jobs or in the people who hold them: "cut 17,500 jobs"
# and "the layoffs will affect approximately 17,500 employees" are one figure.
WORKFORCE_NOUNS = ("jobs", "employees", "workers", "staff", "staffers", "positions")


# "August's job gain was revised to 159,000", "seat losses reached 40": a change
# in a count named by its noun before "gain" or "loss", a few words on the verb.
_GAIN_OF = re.compile(
    r"\b(?P<noun>[a-z][\w-]{1,30})[^\S\n]{1,3}(?:gains?|loss(?:es)?|cuts?)\b"
    r"(?:[^\S\n]{1,3}[^\s.;:!?]{1,30}){0,4}?"
    r"[^\S\n]{1,3}(?:to|at|of|was|were|reached|hit|totalled|totaled)[^\S\n]{1,3}$",
    re.IGNORECASE,
)


def counted_alike(noun: str) -> tuple[str, ...]:
    """The nouns that count what `noun` counts, itself first."""
    for alike in (PEOPLE_NOUNS, WORKFORCE_NOUNS):
        if noun.lower() in alike:
            return (noun, *(n for n in alike if n != noun.lower()))
    return (noun,)


# Nouns that name a running total of something counted elsewhere in the story.
TOTALS = ("toll", "tally")
# The total, then up to a dozen words without a clause break, then the joiner.
_BEFORE = re.compile(
    r"\b(?P<noun>" + "|".join(TOTALS) + r")\b(?:[^\S\n]{1,3}[^\s.;:!?]{1,40}){0,12}?"
    r"[^\S\n]{1,3}(?:to|at|of|reached|hit|was|is)[^\S\n]{1,3}$",
    re.IGNORECASE,
)
# What may follow a bare count: the end of a clause, or a word that starts another
# phrase ("to 205 on Friday", "to 205 as the government …"); never a noun.
_BARE_AFTER = re.compile(
    r"\s{0,3}(?:$|[.,;:!?)—–]|(?:on|in|at|by|as|after|with|and|but|while|since|late|early)\b)",
    re.IGNORECASE,
)
REACH = 120  # characters before the number in which the total is named


def counted_before(text: str, start: int, end: int) -> str:
    """The total a bare count is the value of ("toll"), or ""."""
    return total_before(text, start, end)[0]


def total_before(text: str, start: int, end: int) -> tuple[str, int]:
    """The total a bare count is the value of, and where in `text` it is named."""
    if not _BARE_AFTER.match(text, end):
        return "", -1
    lo = max(0, start - REACH)
    before = text[lo:start]
    found = _BEFORE.search(before) or _NUMBER_OF.search(before)
    if found is not None:
        return found["noun"].lower(), lo + found.start("noun")
    gain = _GAIN_OF.search(before)
    if gain is None:
        return "", -1
    noun = gain["noun"].lower()  # "job gains": a count of jobs
    return (noun if noun.endswith("s") else noun + "s"), lo + gain.start("noun")


# "The number of unemployed people, at 6.8 million", "the number of flights was
# 30", "its total of cancelled flights since Friday reached 4,700", "the tailback
# of ships had reached 425": the count is of the plural after a word for how many
# ("number of", "total of", "backlog of"), a few words of when or where allowed
# before the verb.
_NUMBER_OF = re.compile(
    r"\b(?:number|total|count|backlog|tailback|queue|line|fleet|convoy)[^\S\n]{1,3}"
    r"of[^\S\n]{1,3}(?:the[^\S\n]{1,3})?"
    r"(?:[a-z][\w-]{0,30}[^\S\n]{1,3}){0,2}?"
    r"(?P<noun>[a-z][\w-]{0,30}s|people)\b,?"
    r"(?:[^\S\n]{1,3}(?:since|in|on|at|by|this|last|[A-Z][\w’'-]{0,30})){0,4}?"
    r"(?:[^\S\n]{1,3}(?:had|has|have))?"
    r"[^\S\n]{1,3}(?:was|is|stood[^\S\n]{1,3}at|at|rose[^\S\n]{1,3}to|fell[^\S\n]{1,3}to"
    r"|grew[^\S\n]{1,3}to|reached|reaching|hit)"
    r"[^\S\n]{1,3}$",
    re.IGNORECASE,
)
