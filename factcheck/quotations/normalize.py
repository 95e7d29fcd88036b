"""Quotation words, normalised so that only a real change of words counts.

Case, punctuation, straight or curly quote marks and British or American
spelling ("ideologised"/"ideologized", "colour"/"color") are not misquotes.
Words in square brackets are an editor's insertion and may be left out
(letters in brackets glued to a word are the editor's change of that word:
"[T]here" is "There"), and so are words in parentheses, a reporter's gloss
inside the quotation ("still it (Vikram) will make a landing"); initials with
stops are one word ("U.S." is "US"); an ellipsis stands for words left out.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from factcheck.text import LazyPattern, fold

GAP = "…"

# Compiled on first use (text.LazyPattern): a figure look-up imports this module
# for the index, and never reads a quotation.
_TOKEN = LazyPattern(
    r"(?P<gap>\.\.\.|…)"
    # An editor's letters glued to a word are part of it: "[T]here", "appl[ies]".
    r"|(?P<glued>\[[^\W_]{1,4}\][^\W_]+(?:'[^\W_]+)*|[^\W_]+\[[^\W_]{1,4}\][^\W_]*)"
    # Initials with stops are one word: "U.S." is "US".
    r"|(?P<abbr>(?:[^\W\d_]\.){2,})"
    r"|(?P<word>[^\W_]+(?:'[^\W_]+)*(?:-[^\W_]+(?:'[^\W_]+)*)*)"
    r"|(?P<open>[\[(])|(?P<close>[\])])"
)
_MARKS = LazyPattern(r"[\[\].]")
# Hyphenated prefixes written solid in the other spelling: "co-ordination".
_SOLID_PREFIXES = frozenset(
    {"co", "re", "pre", "non", "anti", "multi", "inter", "semi", "sub", "de"}
)

# British to American endings; both sides of a comparison pass through the
# same rules, so an over-eager rule makes two spellings meet, never part.
_SPELLING = [
    (LazyPattern(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (LazyPattern(r"(?<=[a-z]{2})ys(e|ed|es|ing)$"), r"yz\1"),
    (LazyPattern(r"(?<=[a-z]{2}[^aeiou\W])our(s|ed|ing|ite|ites|able|ful)?$"), r"or\1"),
    (LazyPattern(r"(?<=[a-z]{2})tre(s)?$"), r"ter\1"),
    (LazyPattern(r"(?<=[a-z]{3})ogue(s)?$"), r"og\1"),
    (LazyPattern(r"(?<=[a-z]{2}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
    (LazyPattern(r"^(def|off|lic|pret)ence(s)?$"), r"\1ense\2"),
    (LazyPattern(r"^programme(s)?$"), r"program\1"),
]


class QWord(NamedTuple):
    """One word of a quotation. A named tuple, not a frozen dataclass: every look-up
    imports it and a cached index decodes thousands, and both are several times
    faster for a tuple."""

    norm: str  # the form compared
    text: str  # as written
    start: int
    end: int
    optional: bool = False  # inside [brackets]

    @property
    def is_gap(self) -> bool:
        return self.norm == GAP


@cache
def _spelling_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((pattern(), repl) for pattern, repl in _SPELLING)


@lru_cache(maxsize=65_536)  # every word of every claim passes here; most repeat
def spelling(word: str) -> str:
    for pattern, repl in _spelling_rules():
        new = pattern.sub(repl, word)
        if new != word:
            return new
    return word


@lru_cache(maxsize=65_536)  # an index build passes every word of the registry here
def normal_word(word: str) -> str:
    return spelling(word.lower().replace("'", ""))


# A word as QWord's fields: (norm, text, start, end, optional).
WordParts = tuple[str, str, int, int, bool]


def quote_words(text: str) -> list[QWord]:
    """The words of a quotation with their offsets in `text`."""
    return [QWord(*parts) for parts in word_parts(text)]


def word_parts(text: str) -> list[WordParts]:
    """quote_words() as plain tuples: an index build takes only the search terms of
    every quotation of the registry, and need not make a QWord of each word."""
    folded = fold(text)
    out: list[WordParts] = []
    depth = 0
    for m in _TOKEN().finditer(folded):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "gap":
            out.append((GAP, m.group(), m.start(), m.end(), False))
        elif kind in ("glued", "abbr"):
            plain = _MARKS().sub("", m.group())
            out.append((normal_word(plain), m.group(), m.start(), m.end(), depth > 0))
        elif "-" in (word := m.group()):
            out.extend(_split_hyphens(word, m.start(), depth > 0))
        elif ("'" in word or word[:1] in "Cc") and (full := _contraction(word.lower())):
            out.extend(_expanded(word, full, m.start(), depth > 0))
        else:  # nearly every word: one word, no hyphen to split at
            out.append((normal_word(word), word, m.start(), m.end(), depth > 0))
    return out


# Contractions are the same words written short: "We're confident that it's" is
# "We are confident that it is". A 's is expanded only after a pronoun or "that",
# "there", "here": after a name it is a possessive ("Russia's").
_SHORT = {"'re": "are", "'ve": "have", "'ll": "will", "'m": "am", "n't": "not"}
_IS_AFTER = frozenset(["it", "that", "there", "here", "he", "she", "what", "who", "where", "how"])
_IRREGULAR = {"won't": ("will", "not"), "can't": ("can", "not"), "shan't": ("shall", "not")}


@lru_cache(maxsize=4096)
def _contraction(word: str) -> tuple[str, str] | None:
    """The two words a contraction (lower case) stands for, or None."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word == "cannot":
        return ("can", "not")
    if word == "let's":
        return ("let", "us")
    for short, full in _SHORT.items():
        if word.endswith(short) and len(word) > len(short):
            return (word[: -len(short)], full)
    if word.endswith("'s") and word[:-2] in _IS_AFTER:
        return (word[:-2], "is")
    return None


def _expanded(word: str, full: tuple[str, str], start: int, optional: bool) -> list[WordParts]:
    """The contraction's two words: the first over its stem, the second (shown as the
    word it stands for, "'will' where the source has 'is'") over the rest."""
    cut = len(full[0]) if word.lower().startswith(full[0]) else word.find("'")
    return [
        (normal_word(full[0]), word[:cut], start, start + cut, optional),
        (normal_word(full[1]), full[1], start + cut, start + len(word), optional),
    ]


def _split_hyphens(word: str, start: int, optional: bool) -> list[WordParts]:
    parts = word.split("-")
    if len(parts) == 1 or parts[0].lower() in _SOLID_PREFIXES:
        return [(normal_word(word.replace("-", "")), word, start, start + len(word), optional)]
    out = []
    pos = start
    for part in parts:
        if part:
            out.append((normal_word(part), part, pos, pos + len(part), optional))
        pos += len(part) + 1
    return out


def real_words(words: list[QWord]) -> list[QWord]:
    """Words that must be matched: not gaps, not bracketed insertions."""
    return [w for w in words if not w.is_gap and not w.optional]
