"""Split prose into sentences, never inside a quotation.

A small splitter rather than a library: it must keep exact offsets, know
that a quotation may hold several sentences, and not stop at "Mr." or
"U.S."; sentence-splitting packages cost more to import than a whole check.
"""

from __future__ import annotations

import re

from factcheck.quotations.spans import QuoteSpan

_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
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
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
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
    start = 0
    for m in _END.finditer(text):
        cut = m.end()
        if _inside(cut - 1, quotes) or _abbreviation(text, m.start()):
            continue
        if text[start:cut].strip():
            bounds.append((start, cut))
        start = cut
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def _inside(offset: int, quotes: list[QuoteSpan]) -> bool:
    return any(q.start < offset < q.end - 1 for q in quotes)


def _abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[:dot])
    return bool(word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS)
