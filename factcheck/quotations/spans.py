"""Find the quoted passages in a text.

Double quotes, straight or curly, open and close a quotation; single quotes
inside are part of it ("no 'forbidden' areas"). Curly single quotes are a
quotation of their own only where no double quote is open (British style).
An opening mark that never closes quotes to the end of the text, as a
quotation continued into the next paragraph does.

A straight single quote is an apostrophe far more often than a quotation mark
(don't, Xi's, the '90s, rock 'n' roll, the leaders' summit), so it quotes only
where it cannot be one: it opens after a space, the start or an opening
bracket and before a letter or digit (not an elided year, '90s), closes in the
same paragraph after a letter or punctuation and before a space, punctuation
or the end (not a plural possessive, "leaders' summit"), with no other opening
straight single quote between, around two words or more. One that does not
close is an apostrophe, not a quotation running on.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.text import LazyPattern, blank_spans

OPEN_CURLY, CLOSE_CURLY = "“", "”"
LOW_OPEN = "„"
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
STRAIGHT_SINGLE = "'"
MIN_STRAIGHT_SINGLE_WORDS = 2  # 'n' of rock 'n' roll, 'em: one word is an elision
_ELIDED_YEAR = LazyPattern(r"\d\d?s?\b")  # the '90s, class of '24


# A named tuple, not a frozen dataclass: every look-up makes the class at import
# (a dataclass costs about a millisecond) and scan builds many of them.
class QuoteSpan(NamedTuple):
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
_OPENER = re.compile(f'[{OPEN_CURLY}{LOW_OPEN}"{SINGLE_OPEN}{STRAIGHT_SINGLE}]')
# Compiled on first use: most claims and sentences open no quotation.
_STOPS = {
    CLOSE_CURLY: LazyPattern(f'[{CLOSE_CURLY}"{OPEN_CURLY}]'),
    '"': LazyPattern(f'["{CLOSE_CURLY}]'),
    SINGLE_CLOSE: LazyPattern(f"[{SINGLE_CLOSE}\n]"),
    STRAIGHT_SINGLE: LazyPattern(f'[{STRAIGHT_SINGLE}\n"{OPEN_CURLY}{CLOSE_CURLY}]'),
}
_NOT_A_QUOTATION = -2  # _find_close: the mark was an apostrophe after all


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
        if j == _NOT_A_QUOTATION or (j >= 0 and not _plausible(text, i, j)):
            i += 1
            continue
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
    if ch == STRAIGHT_SINGLE and _straight_single_opens(text, i):
        return STRAIGHT_SINGLE
    return None


def _straight_single_opens(text: str, i: int) -> bool:
    if i + 1 >= len(text) or not text[i + 1].isalnum():
        return False
    return _opens_here(text, i) and not _ELIDED_YEAR().match(text, i + 1)


def _straight_single_closes(text: str, j: int) -> bool:
    """After a word or punctuation, before a space, punctuation or the end."""
    return not text[j - 1].isspace() and not text[j + 1 : j + 2].isalnum()


def _possessive(text: str, j: int) -> bool:
    """ "leaders' summit": an s, the mark, a space and a word in lower case."""
    return text[j - 1] == "s" and text[j + 1 : j + 2] == " " and text[j + 2 : j + 3].islower()


def _plausible(text: str, i: int, j: int) -> bool:
    """A straight single-quoted passage is a quotation only around two words or more."""
    if text[i] != STRAIGHT_SINGLE:
        return True
    words = [w for w in text[i + 1 : j].split() if any(c.isalpha() for c in w)]
    return len(words) >= MIN_STRAIGHT_SINGLE_WORDS


def _find_close(text: str, start: int, close: str) -> int:
    if close == STRAIGHT_SINGLE:
        return _find_straight_single_close(text, start)
    stops = _STOPS[close]()
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


def _find_straight_single_close(text: str, start: int) -> int:
    """The closing straight single quote, or _NOT_A_QUOTATION at the paragraph's end, a
    double quote, another opening straight single quote or the end of the text. A
    plural possessive's mark closes only if no other mark does ("'no limits'
    partnership", but "'The leaders' summit is historic,' he said")."""
    stops = _STOPS[STRAIGHT_SINGLE]()
    j, possessive = start, _NOT_A_QUOTATION
    while True:
        found = stops.search(text, j)
        if found is None:
            return possessive
        j = found.start()
        ch = text[j]
        if ch == STRAIGHT_SINGLE:
            if _straight_single_closes(text, j):
                if not _possessive(text, j):
                    return j
                if possessive == _NOT_A_QUOTATION:
                    possessive = j
            elif _straight_single_opens(text, j):
                return possessive
        elif ch != "\n" or text.startswith("\n\n", j):
            return possessive
        j += 1


def _single_closes(text: str, j: int) -> bool:
    """A ’ closes a single-quoted passage unless it is an apostrophe (Russia’s)."""
    return j + 1 >= len(text) or not text[j + 1].isalpha()


def _ends_word(text: str, j: int) -> bool:
    return j > 0 and not text[j - 1].isspace() and (j + 1 >= len(text) or not text[j + 1].isalnum())


def mask_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """The text with quoted passages blanked out (offsets unchanged)."""
    return blank_spans(text, ((s.start, s.end) for s in spans))
