"""Split prose into sentences, never inside a quotation.

A small splitter rather than a library: it must keep exact offsets, know
that a quotation may hold several sentences, and not stop at "Mr." or
"U.S."; sentence-splitting packages cost more to import than a whole check.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from factcheck.quotations.spans import QuoteSpan

_LAST_WORD = re.compile(r"[\w.]{1,20}$")
# (?<!…) starts a match only where a run of stops begins: without it a line of
# dots is retried from every dot, and the time grows with its square.
_END = re.compile(r"(?<![.!?])[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "gen",
        "col",
        "lt",
        "rep",
        "gov",
        # Ranks and offices abbreviated before a name ("Rear Adm. John Mauger").
        "adm",
        "capt",
        "cmdr",
        "maj",
        "sgt",
        "cpl",
        "pvt",
        "det",
        "insp",
        "supt",
        "rev",
        "hon",
        "atty",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "rs",  # rupees before the amount: "Rs. 615 crore"
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)


def split_sentences(text: str, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`."""
    bounds: list[tuple[int, int]] = []
    starts = [q.start for q in quotes]  # find_quotes gives them in order, never overlapping
    start = 0
    for m in _END.finditer(text):
        cut = m.end()
        if _inside(cut - 1, quotes, starts) or _abbreviation(text, m.start()):
            continue
        if text[start:cut].strip():
            bounds.append((start, cut))
        start = cut
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def _inside(offset: int, quotes: list[QuoteSpan], starts: list[int]) -> bool:
    k = bisect_right(starts, offset - 1) - 1  # the last quotation opening before offset
    return k >= 0 and offset < quotes[k].end - 1


def _abbreviation(text: str, dot: int) -> bool:
    # Only the word before the dot matters: never search the whole text before it.
    word = _LAST_WORD.search(text, max(0, dot - 20), dot)
    if word is None:
        return False
    if len(word.group()) == 1 and word.group().isupper():
        return True  # a middle initial: "Dennis A. Daggett"
    low = word.group().lower().rstrip(".")
    if low in ("a.m", "p.m"):
        # "at 5:47 p.m. The ministry said": a clock time ends a sentence before
        # a word that opens one, and only there ("5 p.m. Tuesday" goes on).
        return _OPENER.match(text, dot + 1) is None
    return low in _ABBREVIATIONS


_OPENER = re.compile(
    r"\s{1,8}[\"“‘(]?(?:The|A|An|He|She|It|They|We|I|This|These|Those|His|Her|Its|Their|But)\b"
)
