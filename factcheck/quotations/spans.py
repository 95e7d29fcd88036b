"""Find the quoted passages in a text.

Double quotes, straight or curly, open and close a quotation; single quotes
inside are part of it ("no 'forbidden' areas"). Curly single quotes are a
quotation of their own only where no double quote is open (British style).
An opening mark that never closes quotes to the end of the text, as a
quotation continued into the next paragraph does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text import blank_spans

OPEN_CURLY, CLOSE_CURLY = "“", "”"
LOW_OPEN = "„"
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # the opening mark
    end: int  # just after the closing mark (or end of text)
    content_start: int
    content_end: int
    closed: bool = True


def _opens_here(text: str, i: int) -> bool:
    """A straight double quote opens when it follows a space, a bracket or the start."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:;/"


# The only characters either loop stops at: jumping to them with a regular
# expression, rather than stepping through every character, is what keeps a
# draft's scan fast.
_OPENER = re.compile(f'[{OPEN_CURLY}{LOW_OPEN}"{SINGLE_OPEN}]')
_STOPS = {
    CLOSE_CURLY: re.compile(f'[{CLOSE_CURLY}"{OPEN_CURLY}]'),
    '"': re.compile(f'["{CLOSE_CURLY}]'),
    SINGLE_CLOSE: re.compile(f"[{SINGLE_CLOSE}\n]"),
}


def find_quotes(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    i, n = 0, len(text)
    while i < n:
        found = _OPENER.search(text, i)
        if found is None:
            break
        i = found.start()
        close = _closer_for(text, i)
        if close is None:
            i += 1
            continue
        j = _find_close(text, i + 1, close)
        if j < 0:
            spans.append(QuoteSpan(i, n, i + 1, n, closed=False))
            break
        if j > i + 1:
            spans.append(QuoteSpan(i, j + 1, i + 1, j))
        i = j + 1
    return spans


def _closer_for(text: str, i: int) -> str | None:
    ch = text[i]
    if ch in (OPEN_CURLY, LOW_OPEN):
        return CLOSE_CURLY
    if ch == '"' and _opens_here(text, i):
        return '"'
    if ch == SINGLE_OPEN and (i == 0 or not text[i - 1].isalnum()):
        return SINGLE_CLOSE
    return None


def _find_close(text: str, start: int, close: str) -> int:
    stops = _STOPS[close]
    j = start
    while True:
        found = stops.search(text, j)
        if found is None:
            return -1
        j = found.start()
        ch = text[j]
        # Mixed marks close each other ("…” as typed or pasted): never a quotation
        # running on for paragraphs, masking every figure in them.
        if (
            ch == close
            or (close == CLOSE_CURLY and ch == '"')
            or (close == '"' and ch == CLOSE_CURLY)
        ):
            if close != SINGLE_CLOSE or _single_closes(text, j):
                return j
        elif close == CLOSE_CURLY and ch == OPEN_CURLY and _ends_word(text, j):
            return j  # a mis-typed closing mark: “best friend“
        elif ch == "\n" and text.startswith("\n\n", j) and close == SINGLE_CLOSE:
            return -1
        j += 1


def _single_closes(text: str, j: int) -> bool:
    """A ’ closes a single-quoted passage unless it is an apostrophe (Russia’s)."""
    return j + 1 >= len(text) or not text[j + 1].isalpha()


def _ends_word(text: str, j: int) -> bool:
    return j > 0 and not text[j - 1].isspace() and (j + 1 >= len(text) or not text[j + 1].isalnum())


def mask_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """The text with quoted passages blanked out (offsets unchanged)."""
    return blank_spans(text, ((s.start, s.end) for s in spans))
