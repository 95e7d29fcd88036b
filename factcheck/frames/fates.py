"""What happened to what is counted: the predicate of a count's frame.

"12 people were rescued" and "12 people died" count the same noun, in the same
place, on the same day, and are different figures. A count of people (or
homes) in a news report is nearly always of one of a few fates; the words for
each are English, not any story's, so they live here as data. A claim whose
clause names one fate and an entry whose words name only others are about
different figures: not evidence against each other.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

# Stems (text.stem) of the words that name each fate. "lives" is left out: "4,600
# people live in the estate" is no death toll.
FATES: dict[str, frozenset[str]] = {
    "killed": frozenset({"kill", "died", "die", "dying", "dead", "death", "fatality", "perish"}),
    "injured": frozenset({"injur", "injury", "wound", "hurt", "hospitaliz", "hospital"}),
    "missing": frozenset({"miss", "unaccount"}),
    "rescued": frozenset({"rescu", "rescue"}),
    "evacuated": frozenset({"evacuat", "evacuation", "evacuee"}),
    "arrested": frozenset({"arrest", "detain"}),
    "displaced": frozenset({"displac", "homeless"}),
    "destroyed": frozenset({"destroy", "destruction"}),
    "damaged": frozenset({"damag"}),
}
_FATE_OF = {word: fate for fate, words in FATES.items() for word in words}

# What a sum of money is, its fate: a loss is not a revenue, an investment or a
# worth. Asked of money alone: "15,000 jobs as losses mount" counts jobs.
MONEY_ROLES: dict[str, frozenset[str]] = {
    "lost": frozenset({"loss", "deficit"}),
    "revenue": frozenset({"revenue", "sale", "turnover"}),
    "profit": frozenset({"profit"}),
    "invested": frozenset({"invest", "investment"}),
    "valued": frozenset({"worth", "valuation"}),
}
_ROLE_OF = {word: role for role, words in MONEY_ROLES.items() for word in words}


def fates_in(words: AbstractSet[str], money: bool = False) -> frozenset[str]:
    """The fates a frame's stems name; of `money`, the roles of a sum."""
    of = _ROLE_OF if money else _FATE_OF
    return frozenset(of[w] for w in words if w in of)


def fate_conflict(claimed: AbstractSet[str], entry: AbstractSet[str], money: bool = False) -> str:
    """ "the claim says rescued; the sources say killed" when each side names a
    fate and none is the other's, else "". Of `money`, its roles ("lost", "revenue")."""
    ours, theirs = fates_in(claimed, money), fates_in(entry, money)
    if not ours or not theirs or ours & theirs:
        return ""
    return f"the claim says {', '.join(sorted(ours))}; the sources say {', '.join(sorted(theirs))}"


# Words that make a figure one somebody expected, not one that came about: "the
# $14.35 billion analysts had expected" is not the revenue reported. Words, not
# stems: "projected" is an expectation, a "project" is not.
_EXPECTING = r"expect(?:s|ed|ing)?|forecast(?:s|ed|ing)?|consensus|predict(?:s|ed|ing)?"
EXPECTING = re.compile(
    rf"\b(?:{_EXPECTING}|expectations?|predictions?|project(?:ed|ing|ions?))\b", re.IGNORECASE
)
# What makes every figure of a clause an expectation when it opens the clause
# ("The consensus was …", "Analysts expected …"); not a document's name
# ("Projections released after the meeting showed 10 of 19 officials favored …").
EXPECTING_ALL = re.compile(rf"\b(?:{_EXPECTING})\b", re.IGNORECASE)


def expectation_conflict(claimed: bool, entry: bool) -> str:
    """ "the claim's figure is an expectation; the sources' is not" (or the
    other way): whether each frame is expected (Frame.expected)."""
    if claimed == entry:
        return ""
    if claimed:
        return "the claim's figure is an expectation; the sources' is not"
    return "the sources' figure is an expectation; the claim's is not"
