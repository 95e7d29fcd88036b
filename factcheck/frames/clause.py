"""The clause a number stands in: the words that can tell what it counts.

A sentence often carries two figures ("A has 3, while B has 5"); words of
the other clause must not decide what this number is about. Commas alone do
not end a clause (an apposition or a list belongs to it); a semicolon, a
sentence end, a comma or conjunction that opens a contrast, and an "and"
followed by another number do; so do a ", with" phrase after the number and
an "and" that opens a second predicate ("and was delivered …").
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(
    r"[;!?]"
    # A sentence end, not "U.S.", "2.5" or a middle initial ("Harold J. Daggett").
    r"|(?<!\b(?-i:[A-Z]))\.(?=[\"'”’)\]]*\s+[\"“'‘(]*[A-Z0-9])"
    r"|\b(?:while|whereas|although|though)\b"
    r"|,[ \t]?(?:but|and|yet)\b"
    # "… the deadliest since 1948, when 176 people were killed": another moment's clause.
    r"|,[ \t]?when\b"
    # "Shares slid 12% after the chipmaker said it would lay off over 15%", "Labour
    # wins as the Conservatives fall to 121 seats": a subject and its verb after
    # "as", "after" or "before" open a clause of their own, with its own figures
    # ("as his vote share plummeted by 25%", "before it was suspended" stay with
    # whom the pronoun means).
    r"|\b(?:as|after|before|because)(?=[ \t](?:the[ \t])?(?!(?:his|her|its|their|it|he|she|they|we|I|you)\b)[^\W\d][\w-]{1,29}"
    r"(?:[ \t][^\W\d][\w-]{1,29})?[ \t](?:said|says|told|[a-z]{2,20}ed|was|were|is|are|has|had|have"
    r"|fell|falls?|rose|rises?|won|wins|lost|grew|took)\b)"
    # "… rejected the contract and 96% approved the strike": a number after "and"
    # is a new subject (a range, "between 8 and 10", is one figure and unaffected).
    r"|\b(?:while|but)\s(?=[$€£]?\d)"
    r"|\b(?P<and>and)\s(?=[$€£]?\d)",
    re.IGNORECASE,
)

# A verb after "and" and its number: "and 96% approved the strike" opens a clause,
# "31 cents per share and $14.35 billion in revenue" only lists a second object.
_VERB_AHEAD = re.compile(
    r"\b(?:[a-z]{2,20}ed|was|were|is|are|has|have|had|will|would|could|may|might|"
    r"rose|fell|won|lost|grew|took|made|paid|sold|held|spent|came|went|left)\b",
    re.IGNORECASE,
)
_CLAUSE_AHEAD = 80  # how far an "and" looks for its number's verb


# How far either side of a number a clause may reach. Real clauses are far shorter;
# the bound keeps a paragraph of ten thousand numbers linear (each looks only here).
REACH = 400


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the clause around text[start:end]."""
    lo, hi = max(0, start - REACH), min(len(text), end + REACH)
    for m in _BOUNDARY.finditer(text, lo, hi):
        if m.group("and") and not _opens_a_clause(text, m.end()):
            continue
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    # "The committee voted 11 to 1, with Governor Michelle Bowman favoring a
    # quarter-point cut": a "with" phrase after the number brings in someone
    # else. (One holding the number keeps the clause before it: "Paiporta
    # suffered the most deaths, with about 40 people falling victim".)
    joined = _WITH_AFTER.search(text, end, hi)
    hi = joined.start() if joined else hi
    # "… had logged 41,000 flight hours and was delivered to Air India in 2014":
    # a second predicate of the subject says nothing of the number before it.
    second = _PREDICATE_AFTER.search(text, end, hi)
    return lo, second.start() if second else hi


def _opens_a_clause(text: str, at: int) -> bool:
    """Whether the number at `at`, after an "and", has a verb of its own before
    the phrase ends."""
    ahead = text[at : at + _CLAUSE_AHEAD]
    stop = _PHRASE_END.search(ahead)
    return _VERB_AHEAD.search(ahead[: stop.start()] if stop else ahead) is not None


_PHRASE_END = re.compile(r"[,;:!?]|\.(?!\d)")


_WITH_AFTER = re.compile(r",[ \t]?with\b", re.IGNORECASE)
_PREDICATE_AFTER = re.compile(
    r"\band[ \t]+(?:was|were|is|are|has|have|had|will|would)\b", re.IGNORECASE
)


# A comma-bounded aside that opens with a relative word ("…, which was based at
# Haneda, …", "…, except the one where the collision took place, …") describes
# the noun before it, not what happened at the clause's number.
_ASIDE = re.compile(r",\s*(?:which|who|whom|whose|where|except)\b[^,;.!?]*,", re.IGNORECASE)


def without_asides(text: str, start: int, end: int) -> str:
    """`text` with the relative asides that do not hold text[start:end] blanked
    (offsets kept): their words are another noun's frame."""

    def blank(m: re.Match[str]) -> str:
        if m.start() < end and start < m.end():
            return m.group()
        return ", " + " " * (len(m.group()) - 2)

    return _ASIDE.sub(blank, text)


def aside_start(text: str, start: int, end: int) -> int:
    """Where the relative aside holding text[start:end] opens (its comma), or -1."""
    lo = max(0, start - REACH)
    for m in _ASIDE.finditer(text, lo, min(len(text), end + REACH)):
        if m.start() < start and end <= m.end():
            return m.start()
    return -1
