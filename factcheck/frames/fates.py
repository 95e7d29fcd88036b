"""What happened to what is counted: the predicate of a count's frame.

"12 people were rescued" and "12 people died" count the same noun, in the same
place, on the same day, and are different figures. A count of people (or
homes) in a news report is nearly always of one of a few fates; the words for
each are English, not any story's, so they live here as data. A claim whose
clause names one fate and an entry whose words name only others are about
different figures: not evidence against each other.
"""

from __future__ import annotations

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


def fates_in(words: AbstractSet[str]) -> frozenset[str]:
    """The fates a frame's stems name."""
    return frozenset(_FATE_OF[w] for w in words if w in _FATE_OF)


def fate_conflict(claimed: AbstractSet[str], entry: AbstractSet[str]) -> str:
    """ "the claim says rescued; the sources say killed" when each side names a
    fate and none is the other's, else ""."""
    ours, theirs = fates_in(claimed), fates_in(entry)
    if not ours or not theirs or ours & theirs:
        return ""
    return f"the claim says {', '.join(sorted(ours))}; the sources say {', '.join(sorted(theirs))}"
