"""Who won a tally: "the Chiefs beat the 49ers 25-22" has the Chiefs winning.

A score is compared as its two numbers, whichever way round it is printed; the
sides it belongs to are read from the words around it, for the few ways a
result is written: a verb of winning between the two names ("X beat Y", "X
rallied to beat Y"), a win "over" or "against" the loser ("X scored a 25-22
victory against Y"), and a loss "to" the winner ("Y lost to X"). A claim that
gives the win to the side a source says lost contradicts that source, however
the numbers agree. When either side cannot be read, nothing is said.
"""

from __future__ import annotations

import re

from factcheck.frames.frame import name_key
from factcheck.text import STOPWORDS

# A team's or a person's name: capitalised words, and words such as "49ers".
# Each word starts at a word boundary, so that a long run of letters or digits is
# tried once, not from every one of its characters (linear time on any input).
_WORD = r"\b(?:[A-Z][\w.'’-]{0,30}|\d{1,3}[a-z]{1,10})\b"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,4}}"
_WON = (
    r"beat|beats|beating|defeat|defeats|defeated|defeating|edged|edges|edging|topped|"
    r"tops|downed|downs|routed|routs|outlasted|outlasts|stunned|stuns|overcame|blanked|"
    r"crushed|thrashed|trounced|upset|upsets"
)
_VERB = re.compile(rf"(?P<w>{_NAME})\s+(?:[a-z]+\s+){{0,3}}?(?:{_WON})\s+(?:the\s+)?(?P<l>{_NAME})")
_OVER = re.compile(  # "X scored a comeback 25-22 overtime victory against Y"
    rf"(?P<w>{_NAME})\s+(?:[\w-]+\s+){{0,3}}?\d{{1,3}}[-–]\d{{1,3}}\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:win|victory|triumph)\s+(?:over|against)\s+(?:the\s+)?(?P<l>{_NAME})"
)
_LOST = re.compile(rf"(?P<l>{_NAME})\s+(?:lost|fell|bowed)\s+to\s+(?:the\s+)?(?P<w>{_NAME})")


def sides(text: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The winner's and the loser's name words, or None when not written."""
    for pattern in (_VERB, _OVER, _LOST):
        m = pattern.search(text)
        if m:
            return _words(m["w"]), _words(m["l"])
    return None


def swapped(claim: str, source: str) -> bool:
    """Whether the claim has the source's loser winning against its winner."""
    ours, theirs = sides(claim), sides(source)
    if ours is None or theirs is None:
        return False
    return bool(ours[0] & theirs[1]) and bool(ours[1] & theirs[0]) and not ours[0] & theirs[0]


def same_sides(claim: str, source: str) -> bool:
    ours, theirs = sides(claim), sides(source)
    return ours is not None and theirs is not None and bool(ours[0] & theirs[0])


def _words(name: str) -> frozenset[str]:
    return frozenset(k for w in name.split() if (k := name_key(w)) not in STOPWORDS)
