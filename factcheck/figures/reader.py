"""Read every figure in a text: numerals, number words, money, percentages,
durations, ordinals, calendar years and dates, with their qualifiers.

The reader is a small hand-written scanner over tokens rather than a units
library: it must know journalistic forms ("some 100,000", "a 30-year
contract", "$100bn", "third-biggest") that general unit parsers do not, and
it runs on every look-up, where importing a large library would cost more
than the whole check (see the README's Performance notes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from factcheck.figures.numbers import (
    ONES,
    ORDINAL_SUFFIX,
    ORDINAL_WORDS,
    TENS,
    parse_digits,
    parse_number_words,
)
from factcheck.figures.ranges import MAX_QUALIFIER_WORDS, QUALIFIERS, RANGE, VAGUE, interval
from factcheck.figures.units import (
    AGE_CUES,
    CURRENCY_ONLY_SCALES,
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    MAX_UNIT_WORDS,
    MONTHS,
    SCALES,
    WEEKDAYS,
    canonical_unit,
    date_value,
    dimension_of,
    factor_of,
    hour_of,
    tally_value,
)
from factcheck.model import Quantity
from factcheck.text import STOPWORDS, LazyPattern, stem

# Bounded, non-nested patterns: nothing here can backtrack badly.
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<sym>US\$|[$€£¥₽₹%])"
    r"|(?P<dash>[-‐‑–—])"
    r"|(?P<punct>[^\s\w])"
)
MAX_TEXT = 2_000_000  # characters read at most from one text
# A numeral longer than this is no figure anyone checks, and from 309 digits no
# float holds it (from 4,301, no int() reads it): it is left unread.
MAX_NUMERAL = 40
_VAGUE_FIRST = frozenset(words[0] for words in VAGUE)
_QUALIFIER_WORDS = frozenset(w for words in QUALIFIERS for w in words)
# "a third of", "two fifths of": the parts a whole is cut into, singular and plural.
_PARTS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4} | {
    word + suffix: n
    for word, n in ORDINAL_WORDS.items()
    if 3 <= n <= 10 and word not in ("fourth",)
    for suffix in ("", "s")
}
_FRACTION_FIRST = frozenset(ONES) | {"a"}
_UNIT_FRACTION_FIRST = frozenset({"a", "an", "half", "quarter", "three"})
_RANGE_WORDS = frozenset({"to", "-", "‐", "‑", "–", "—"})
_CLOCK_ZONES = frozenset({"gmt", "utc", "bst", "cet", "est", "edt", "pst", "pdt", "msk"})
# "half a percentage point", "a quarter-point", "three-quarters of a mile": a
# fraction of one unit. After such a word a bare "point" is a percentage point.
_UNIT_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}
_POINTS = frozenset({"point", "points"})
# Words that make "11 to 1" or "2-3" a tally (a vote, a score), not two counts or a range.
_TALLY_CUES = frozenset(
    {"vote", "votes", "voted", "voting", "ruled", "ruling", "decision", "verdict", "margin",
     "tally", "score", "scored", "won", "win", "wins", "lost", "loss", "beat", "defeat",
     "defeated", "victory", "split", "draw", "drew", "majority"}
)  # fmt: skip
# "1600 Pennsylvania Avenue", "11157 W. Larch Road": a house number, no figure.
_STREETS = frozenset(
    {"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "drive", "dr",
     "lane", "ln", "way", "court", "ct", "place", "pl", "highway", "hwy", "parkway",
     "pkwy", "terrace", "circle", "square", "crescent", "close"}
)  # fmt: skip
_COMPASS = frozenset({"n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west"})
# Before a place name, a preposition makes "In Paiporta 80 people" a count, not a name.
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "across", "around", "throughout"})
_PLURALS_WITHOUT_S = frozenset({"people", "men", "women", "children", "dead", "police"})
# Capitalised words a hyphened number does not name ("Mid-2024", "March-5").
_NOT_NAME_HEADS = (
    frozenset({"mid", "pre", "post", "late", "early", "circa"})
    | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(ONES) | frozenset(TENS)
)  # fmt: skip

# Verbs that follow a count whose noun the sentence said before it.
_VERB_AFTER = frozenset(
    {"were", "was", "are", "is", "had", "have", "has", "remain", "remained", "remains"}
)
# A preposition right after a bare number starts where or when, not what it
# counts ("including 12 in Wales"). Not "of" ("17 of the passengers").
_WHERE_OR_WHEN_AFTER = frozenset({"in", "at", "on", "across", "from", "during", "since"})
# Capitalised words after a number that make a person's name ("Tony Blair").
MIN_NAME_WORDS = 2

# Ages: the words that make the number after them one ("aged 39", "at the age of
# 39", "whose ages ranged from 27 to 56"), and how a bare one is written after a
# name ("Genki Miyamoto, 39, reported", "Harold Daggett is 78.").
_AGE_UNIT = "years old"
# Verbs whose "up" goes with them, not with "to": "revised up to 144,000" is no bound.
_REVISED = frozenset({"revised", "revise", "revises", "raised", "marked", "moved", "bumped"})
# Spans of time a describing word may stand before ("nine harrowing days").
_SPAN_UNITS = frozenset({"minutes", "hours", "days", "weeks", "months", "years"})
_SPAN_ADJECTIVES = frozenset(
    {"more", "extra", "full", "straight", "whole", "long", "short", "additional", "further"}
)
_ADJECTIVE_ENDINGS = ("ing", "ful", "ous", "ive")
_AGE_SPAN_WORDS = frozenset({"between", "from"})
_AGE_VERBS = frozenset({"ranged", "ranging", "range"})
MAX_AGE = 120
_STATES_AGE = frozenset({"is", "was", "turns", "turned"})
_WILL = frozenset({"will", "would"})  # "will be 57": an age to come is still an age
# The fractions written after a whole number ("6 1/2 years"); others are dates or scores.
_FRACTIONS = frozenset({("1", "2"), ("1", "4"), ("3", "4"), ("1", "3"), ("2", "3")})
_CLAUSE_ENDS = frozenset({",", ".", ";", ")", "!", "?", "—", "–"})
# Before a one-word name, these make it a place or a thing ("the toll in Valencia is 62").
_NOT_A_PERSON_BEFORE = _PLACE_PREPOSITIONS | frozenset({"of", "for", "to", "on", "by", "with"})
_ARTICLES = frozenset({"the", "a", "an"})
# Capitals glued to a number that scale it ("1M", "5K", "2B", "1T"); any other
# is part of a name ("11A", "5G").
_SCALE_CAPITALS = frozenset("MKBT")
# "by 55,000 to 144,000" is a change and the level it reaches, not a range, when
# the level is more than this many times the change ("by 25 to 50 basis points"
# is a range).
CHANGE_RATIO = 2.0
# Words after which the nouns are another phrase's, not what a count counts.
_JOINS_ANOTHER = frozenset({"and", "or", "but", "while", "whereas"})
# More than any score or vote side: "787-8" names a model.
MAX_TALLY_SIDE = 450
# Nouns a number names one of ("Flight 1282", "gate 23"), not counts.
_ID_NOUNS = frozenset(
    {"flight", "route", "runway", "interstate", "highway", "gate", "platform", "pier",
     "berth", "section", "article", "chapter", "seat", "row"}
)  # fmt: skip
# Four digits after a name that may be the year it names ("Tokyo 2020").
MIN_NAMED_YEAR, MAX_NAMED_YEAR = 1800, 2100
# What stands before the first word of a sentence (or of a quotation or a heading).
_SENTENCE_OPENS_AFTER = frozenset({".", "!", "?", ":", "“", '"', "#", "(", "["})
# Words a year follows without naming a thing: "Summer 2024", "Christmas 2023".
_BEFORE_A_YEAR = frozenset(
    {"spring", "summer", "autumn", "fall", "winter", "christmas", "easter", "fiscal", "fy",
     "through", "during", "between", "circa", "late", "early", "mid", "class", "census"}
)  # fmt: skip
# Capitalised only for opening a sentence: "All 379 passengers", "Only 12 homes".
_NOT_NAME_WORDS = frozenset(
    {"all", "only", "just", "almost", "roughly", "approximately", "around", "exactly",
     "still", "now", "including", "nearly"}
)  # fmt: skip
# After these, "over" and a span of time is more than it ("lived there for over 14
# years"); after anything else it is the span a figure is spread across.
_MORE_THAN_AFTER = frozenset(
    {"for", "of", "in", "after", "than", "lasted", "lasting", "last", "took", "spent",
     "waited", "since", "within", "is", "was", "be", "been", "are", "were"}
)  # fmt: skip
MAX_ASIDE_WORDS = 8  # "Anton Deibe, a passenger, is 17": the aside between name and verb

# Every figure starts at a digit or at one of these words (_Scanner.run's readers:
# a number or ordinal in words, a vague amount, a fraction, "a million", "half a
# million"). A text with none of them holds no figure, and is not tokenized.
_STARTS = (
    set(ONES) | set(TENS) | set(ORDINAL_WORDS) | set(_VAGUE_FIRST) | set(_PARTS)
    | {"half", "hundred", "thousand", "million", "billion", "dozen"}
)  # fmt: skip
_DIGIT = re.compile(r"\d")
# The tokens _Scanner.run's readers can start at: a numeral, a currency symbol, or
# one of these words (a month for a date, a vague amount's first word, a fraction's,
# a number's or an ordinal's); at any other token each of them returns None.
_CAN_START = frozenset({"num", "sym", "word"})
_WORD_STARTS = (
    _STARTS
    | set(MONTHS)
    | _VAGUE_FIRST
    | _UNIT_FRACTION_FIRST
    | _FRACTION_FIRST
    | {"a"}
    | {w.lower() for w in CURRENCY_WORDS}
)
# The words, compiled on first use: a long alternation costs a millisecond to
# compile, and a look-up of a claim with a digit in it never needs it.
_MAY_HOLD_WORDS = LazyPattern(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(w) for w in sorted(_STARTS, key=len, reverse=True))
    + r")(?![^\W\d_])"
)


class Token(NamedTuple):
    """One token of a text being read. A named tuple, not a frozen dataclass: a
    draft makes thousands, and a tuple is built several times faster."""

    kind: str
    text: str
    start: int
    end: int
    glued: bool  # no white space before it
    low: str = ""  # the text in lower case, computed once: every reader step asks for it


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    last_end = -1
    for m in _TOKEN.finditer(text[:MAX_TEXT]):
        kind = m.lastgroup or "punct"
        word = m.group()
        if kind == "num" and len(word) > MAX_NUMERAL:
            kind = "long"
        tokens.append(Token(kind, word, m.start(), m.end(), m.start() == last_end, word.lower()))
        last_end = m.end()
    return tokens


@dataclass
class _Read:
    """A number read at some tokens, before its unit is known."""

    value: float
    precision: float
    first: int  # index of its first token (a currency symbol included)
    next: int  # index of the first token after it
    ordinal: bool = False
    currency: str = ""
    from_words: bool = False
    upper: float = 0.0  # the upper end of a range ("8 to 10"), else 0
    qualifier: str = ""  # one the number itself carries ("5,000-plus"), else none
    scale: float = 1.0  # the factor of a scale word after it ("15 million"), else 1


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)

    def tok(self, i: int) -> Token | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def low(self, i: int) -> str:
        t = self.tok(i)
        return t.low if t else ""

    def run(self) -> list[Quantity]:
        found: list[Quantity] = []
        i = 0
        while i < len(self.toks):
            kind = self.toks[i].kind
            if kind not in _CAN_START or (kind == "word" and self.toks[i].low not in _WORD_STARTS):
                i += 1  # no reader below starts here: most tokens of a sentence
                continue
            # The new readers are asked only where they could start: a scan calls
            # this once a token.
            got = None
            if kind == "num":
                got = self._noise(i) or self._in_a_name(i) or self._clock(i) or self._tally(i)
            got = got or self._date(i) or self._vague(i)
            if got is None and kind == "word" and self.toks[i].low in _UNIT_FRACTION_FIRST:
                got = self._unit_fraction(i)
            if got is None and kind == "word" and self.toks[i].low in _FRACTION_FIRST:
                got = self._fraction(i)
            got = got or self._number(i)
            if got is None:
                i += 1
                continue
            quantity, nxt = got
            if quantity is not None and not self._inside_a_word(nxt, quantity):
                found.append(quantity)
            i = max(nxt, i + 1)
        return found

    # --- dates ---------------------------------------------------------
    def _month(self, i: int) -> int:
        t = self.tok(i)
        if t is None or t.kind != "word" or t.low not in MONTHS:
            return 0
        if t.text[0].islower():  # "may" the verb, "march" the walk
            return 0
        return MONTHS[t.low]

    def _day(self, i: int) -> int:
        t = self.tok(i)
        if t is None or t.kind != "num" or not t.text.isdigit():
            return 0
        day = int(t.text)
        return day if 1 <= day <= 31 else 0

    def _year(self, i: int) -> int:
        t = self.tok(i)
        if t is None or t.kind != "num" or not t.text.isdigit() or len(t.text) != 4:
            return 0
        return int(t.text)

    def _date(self, i: int) -> tuple[Quantity | None, int] | None:
        month = self._month(i)
        if month:
            j = i + 1
            if self.low(j) == "." and self.tok(j) and self.toks[j].glued:
                j += 1
            day = self._day(j)
            k = j + 1
            if day and self._glued_word(k) and ORDINAL_SUFFIX.match(self.low(k)):
                k += 1  # "January 5th"
            if day and not self._glued_word(k):
                last = self._day(k + 1) if self.low(k) in _RANGE_WORDS else 0
                if last > day:
                    k += 2
                year = 0
                if self.low(k) == "," and self._year(k + 1):
                    year, k = self._year(k + 1), k + 2
                elif self._year(k):
                    year, k = self._year(k), k + 1
                return self._make_date(i, k, year, month, day, last if last > day else 0), k
            year = self._year(j)
            if year:
                return self._make_date(i, j + 1, year, month, 0), j + 1
            return None
        day = self._day(i)
        month = self._month(i + 1) if day else 0
        if day and month:
            k = i + 2
            year = self._year(k)
            if year:
                k += 1
            return self._make_date(i, k, year, month, day), k
        return None

    def _inside_a_word(self, k: int, q: Quantity) -> bool:
        """Whether letters no reader took as a unit run on from the number's end
        ("the 49ers", "76ers"), or one capital that is no scale ("seat 11A", "5G"):
        the number is part of a name, not a figure. One small letter is left
        alone ("10x", "300m" are read as before)."""
        t = self.tok(k)
        if t is None or t.kind != "word" or not t.glued or t.start != q.end:
            return False
        return len(t.text) > 1 or (t.text.isupper() and t.text not in _SCALE_CAPITALS)

    def _glued_word(self, i: int) -> bool:
        t = self.tok(i)
        return bool(t and t.glued and t.kind == "word")

    def _make_date(
        self, first: int, nxt: int, year: int, month: int, day: int, last: int = 0
    ) -> Quantity:
        value = date_value(year, month, day)
        q = self._quantity(value, 1.0, "date", "exact", first, nxt, first)
        if last:
            q = Quantity(**{**q.__dict__, "qualifier": RANGE, "hi": date_value(year, month, last)})
        return q

    # --- what is not a figure ------------------------------------------
    def _noise(self, i: int) -> tuple[Quantity | None, int] | None:
        """Footnote markers ("[^1]") and list numbers ("1. ", "2) " opening a line)."""
        t = self.toks[i]
        if t.kind != "num":
            return None
        before = self.tok(i - 1)
        if before is not None and before.text == "^" and t.glued:
            return None, i + 1
        after = self.tok(i + 1)
        if (
            after is not None
            and after.text in ".)"
            and after.glued
            and self.text[t.start - 1 : t.start] in ("", "\n")
            and self.text[after.end : after.end + 1] in (" ", "\t")
            and t.text.isdigit()
        ):
            return None, i + 2
        return None

    def _in_a_name(self, i: int) -> tuple[Quantity | None, int] | None:
        """ "MH17", "G20", "t0" (glued to a word), "COVID-19", "I-580", "F-16"
        (hyphened to a capitalised word): a number that names something. So is
        a house number."""
        t, before = self.toks[i], self.tok(i - 1)
        if not t.glued or before is None:
            return self._address(i)
        if before.kind == "word":
            return None, i + 1
        word = self.tok(i - 2)
        if (
            before.kind == "dash"
            and before.glued
            and word is not None
            and word.kind == "word"
            and word.text[0].isupper()
            and word.low not in _NOT_NAME_HEADS
        ):
            return None, i + 1
        return None

    def _address(self, i: int) -> tuple[Quantity | None, int] | None:
        """ "1600 Pennsylvania Avenue", "11157 W. Larch Road": a whole number, an
        optional compass point, capitalised words and a street word."""
        if not self.toks[i].text.isdigit() or len(self.toks[i].text) > 5:
            return None
        j = i + 1
        compass = self.tok(j)
        if compass is not None and compass.low in _COMPASS and compass.text[0].isupper():
            j += 2 if self.low(j + 1) == "." else 1
        for k in range(j, j + 3):
            w = self.tok(k)
            if w is None or w.kind != "word" or not w.text[0].isupper():
                return None
            if k > j and w.low in _STREETS and not self._plural_noun(k + 1):
                return None, k + 1  # "500 Wall Street jobs" counts jobs
        return None

    def _plural_noun(self, i: int) -> bool:
        """A lower-case plural at token i: "people", "jobs" (not "this", "status")."""
        t = self.tok(i)
        if t is None or t.kind != "word" or not t.text.islower():
            return False
        if t.low in _PLURALS_WITHOUT_S:
            return True
        return (
            t.low.endswith("s")
            and not t.low.endswith(("ss", "us", "is"))
            and t.low not in STOPWORDS
        )

    def _named(self, read: _Read) -> bool:
        """A bare small whole number right after a capitalised noun is part of a name:
        "Category 3", "Route 1", "Terminal 5". Sentence-opening words that are
        qualifiers, stop words, months or weekdays ("About 40", "On Thursday 30")
        do not count."""
        t = self.toks[read.first]
        before = self.tok(read.first - 1)
        if before is not None and before.low in _ID_NOUNS and t.text.isdigit() and not t.glued:
            return True  # "flight 1282", "route 9": a number that names one
        return (
            t.kind == "num"
            and t.text.isdigit()
            and (len(t.text) <= 3 or self._names_a_year(read))
            and before is not None
            and before.kind == "word"
            and not t.glued
            and before.text[0].isupper()
            and (not before.text.isupper() or self._ampersand(read.first - 1))
            and not self._counted_after_place(read)
            and before.low not in STOPWORDS
            and before.low not in _QUALIFIER_WORDS
            and before.low not in MONTHS
            and before.low not in WEEKDAYS
            and before.low not in ONES
            # "Deibe's 17-year-old son" is an age; "Boeing’s 787 Dreamliner" a name.
            and (not before.low.endswith(("'s", "’s")) or self._capital_at(read.next))
            and before.low not in _NOT_NAME_WORDS  # "All 379 passengers"
        )

    def _names_a_year(self, read: _Read) -> bool:
        """ "Model 1282": four digits after a capitalised word inside a sentence
        name a thing, unless they could be a year of it ("the Beijing 2022 Winter
        Games", "Christmas 2023"); and not after the word that opens it."""
        k = read.first - 1
        t, opener = self.tok(k), self.tok(k - 1)
        return (
            not MIN_NAMED_YEAR <= read.value <= MAX_NAMED_YEAR
            and t is not None
            and t.low not in _BEFORE_A_YEAR
            and opener is not None
            and opener.text not in _SENTENCE_OPENS_AFTER
        )

    def _capital_at(self, i: int) -> bool:
        t = self.tok(i)
        return t is not None and t.kind == "word" and t.text[0].isupper() and not t.glued

    def _ampersand(self, i: int) -> bool:
        """ "S&P 500", "AT&T": capitals joined by "&" are a name, not an acronym."""
        amp = self.tok(i - 1)
        return amp is not None and amp.text == "&" and self.toks[i].glued

    def _counted_after_place(self, read: _Read) -> bool:
        """ "In Paiporta 80 people died": after a preposition, a capitalised word
        and a number, a plural noun makes the number a count, not part of a name."""
        return self.low(read.first - 2) in _PLACE_PREPOSITIONS and self._plural_noun(read.next)

    # --- tallies -------------------------------------------------------
    def _tally(self, i: int) -> tuple[Quantity | None, int] | None:
        """ "voted 11 to 1", "an 11-1 vote", "10-2", "a 2-2 draw": one figure with
        both sides. A hyphen makes one when the first side is not smaller (else it
        is a range, "8-10"); "to", or a smaller first side, needs a vote or score
        word near it ("lost 2-3")."""
        a = self._side(i)
        if a < 0 or self.low(i - 1) == "from" or self._glued_sym(i):
            return None
        k, hyphened = i + 2, self._glued_dash(i + 1)
        if hyphened and self.low(i + 2) == "to" and self._glued_dash(i + 3):
            k = i + 4  # "an 11-to-1 vote"
        elif not hyphened and self.low(i + 1) != "to":
            return None
        b = self._side(k)
        if b < 0 or self.toks[k].glued != hyphened:
            return None
        if self._glued_dash(k + 1) or self._unit_after(k + 1)[0] is not None:
            return None  # "10-2-2024", "6-4 feet"
        cue = any(self.low(x) in _TALLY_CUES for x in (i - 3, i - 2, i - 1, k + 1, k + 2))
        if not cue and (not hyphened or a < b):
            return None
        if hyphened and not cue and a > MAX_TALLY_SIDE:
            return None, k + 1  # "Boeing 787-8", "737-800": a model, no score or vote
        q = self._quantity(tally_value(a, b), 1.0, "tally", "exact", i, k + 1, i)
        return q, k + 1

    def _side(self, i: int) -> int:
        t = self.tok(i)
        if t is None or t.kind != "num" or not t.text.isdigit() or len(t.text) > 3:
            return -1
        return int(t.text)

    def _glued_dash(self, i: int) -> bool:
        t = self.tok(i)
        return bool(t and t.kind == "dash" and t.glued)

    def _glued_sym(self, i: int) -> bool:
        before = self.tok(i - 1)
        return bool(before and before.kind == "sym" and self.toks[i].glued)

    # --- times of day --------------------------------------------------
    def _clock(self, i: int) -> tuple[Quantity | None, int] | None:
        """ "8:30 p.m.", "11:07 GMT", "6 a.m.": minutes after midnight, never two numbers."""
        if "." in self.toks[i].text:
            return self._dotted_clock(i)
        hour = self._small(i, 24)
        if hour < 0:
            return None
        k = i + 1
        minute = 0
        two_digits = len(self.toks[k + 1].text) == 2 if k + 1 < len(self.toks) else False
        if self.low(k) == ":" and self.toks[k].glued and two_digits:
            minute = self._small(k + 1, 59)
            if minute < 0:
                return None
            k += 2
        elif self.low(k) == ":":
            return None
        meridiem, k2 = self._meridiem(k)
        if meridiem == "" and k == i + 1:
            return None  # a bare number: not a time
        if meridiem in ("am", "pm"):
            if hour > 12:
                return None
            hour = hour_of(hour, meridiem[0])
        value = float(hour * 60 + minute)
        return self._quantity(value, 1.0, "time", "exact", i, k2, i), k2

    def _dotted_clock(self, i: int) -> tuple[Quantity | None, int] | None:
        """ "11.30pm", "9.15 a.m.": the British clock, only with a.m./p.m. or a zone
        (a bare 11.30 is a number)."""
        hour_text, _, minute_text = self.toks[i].text.partition(".")
        if len(hour_text) > 2 or len(minute_text) != 2:
            return None
        hour, minute = int(hour_text), int(minute_text)
        meridiem, k = self._meridiem(i + 1)
        if not meridiem or minute > 59 or hour > (12 if meridiem != "zone" else 23):
            return None
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        return self._quantity(float(hour * 60 + minute), 1.0, "time", "exact", i, k, i), k

    def _small(self, i: int, most: int) -> int:
        t = self.tok(i)
        if t is None or t.kind != "num" or not t.text.isdigit() or len(t.text) > 2:
            return -1
        n = int(t.text)
        return n if n <= most else -1

    def _meridiem(self, k: int) -> tuple[str, int]:
        low = self.low(k)
        if low in ("am", "pm"):
            return low, k + 1
        if low in ("a", "p") and self.low(k + 1) == "." and self.low(k + 2) == "m":
            end = k + 4 if self.low(k + 3) == "." and self.toks[k + 3].glued else k + 3
            return low + "m", end
        if low in _CLOCK_ZONES:
            return "zone", k + 1
        return "", k

    # --- fractions -----------------------------------------------------
    def _unit_fraction(self, i: int) -> tuple[Quantity | None, int] | None:
        """ "half a percentage point", "a quarter-point cut", "three-quarters of a
        mile", "half an hour": a fraction of one unit ("two and a half" is not)."""
        j = i + 1 if self.toks[i].low in ("a", "an") else i
        part, j = self._part_word(j)
        before = i - 2 if self.low(i - 1) in ("a", "an") else i - 1
        if not part or self.low(before) == "and":
            return None  # "two and a half years": "a half" is not a figure of its own
        if self.low(j) == "of" and self.low(j + 1) in ("a", "an"):
            j += 2
        elif self.low(j) in ("a", "an") or (self._glued_dash(j) and self._glued_word(j + 1)):
            j += 1  # "half a point", "a half-point"
        unit, nxt = self._unit_words(j)
        if unit is None and self.low(j) in _POINTS:
            unit, nxt = "pp", j + 1  # "a quarter point": of a percentage
        if unit is None or self.low(j) == "%":
            return None
        # Rounded to its own step, as a numeral to its last digit: "at least a
        # quarter point" reaches a half point, and "half a point" is 0.5 ± 2.5%.
        step = 0.25 if part != 0.5 else 0.5
        qualifier, qstart = self._qualifier(i)
        return self._quantity(part, step, unit, qualifier, i, nxt, qstart), nxt

    def _part_word(self, j: int) -> tuple[float, int]:
        """ "half", "quarter", "three-quarters", "three quarters": the fraction, and
        the token after it (0 when none starts at j)."""
        low = self.low(j)
        if low in _UNIT_FRACTIONS:
            return _UNIT_FRACTIONS[low], j + 1
        if low == "three":
            k = j + 2 if self._glued_dash(j + 1) else j + 1
            if self.low(k) in ("quarter", "quarters"):
                return 0.75, k + 1
        return 0.0, j

    def _unit_words(self, j: int) -> tuple[str | None, int]:
        """The unit at token j, written with spaces ("basis points") or hyphens
        ("basis-point", "percentage-point")."""
        words = [self.low(j)]
        k = j + 1
        while self._glued_dash(k) and self._glued_word(k + 1) and len(words) < MAX_UNIT_WORDS:
            words.append(self.low(k + 1))
            k += 2
        for n in range(len(words), 1, -1):
            unit = canonical_unit(tuple(words[:n]))
            if unit is not None:
                return unit, j + 2 * n - 1
        return self._unit_after(j)

    def _fraction(self, i: int) -> tuple[Quantity | None, int] | None:
        """ "a third of", "two fifths of", "one in five": a share, in percent."""
        low = self.toks[i].low
        count = 1 if low in ("a", "one") else ONES.get(low, 0)
        if not count:
            return None
        part = _PARTS.get(self.low(i + 1), 0)
        if part and self.low(i + 2) == "of":
            share, nxt = 100.0 * count / part, i + 2
        elif self.low(i + 1) == "in" and self.low(i + 2) in ONES:
            whole = ONES[self.low(i + 2)]
            if whole <= count:
                return None
            share, nxt = 100.0 * count / whole, i + 3
        else:
            return None
        return self._quantity(share, 1.0, "percent", "exact", i, nxt, i), nxt

    # --- vague amounts -------------------------------------------------
    def _vague(self, i: int) -> tuple[Quantity | None, int] | None:
        if self.toks[i].low not in _VAGUE_FIRST:
            return None
        for size in (3, 1):
            words = tuple(self.low(i + k) for k in range(size))
            if words in VAGUE:
                lo, hi = VAGUE[words]
                nxt = i + size
                after = nxt + 1 if self.low(nxt) == "of" else nxt
                q = Quantity(
                    value=lo,
                    unit="",
                    dimension="count",
                    qualifier="vague",
                    lo=lo,
                    hi=hi,
                    text=self.text[self.toks[i].start : self.toks[nxt - 1].end],
                    start=self.toks[i].start,
                    end=self.toks[nxt - 1].end,
                    following=self._following(after),
                )
                return q, nxt
        return None

    # --- numbers -------------------------------------------------------
    def _number(self, i: int) -> tuple[Quantity | None, int] | None:
        read = self._read_number(i)
        if read is None:
            return None
        self._and_a_fraction(read)
        self._range(read)
        if self._idiom(read):
            return None, read.next + 4  # "one-on-one", "two-by-two"
        if not read.upper and not read.currency:
            part = self._part_of_whole(read)
            if part is not None:
                return part
            if self._named(read) and self._bare(read):
                return None, read.next
        return self._with_unit(read), read.next

    def _and_a_fraction(self, read: _Read) -> None:
        """Add the fraction written after a whole number: "six and a half years",
        "6 1/2 years", "2 3/4 miles"."""
        if read.ordinal or read.upper or read.scale != 1 or read.value != int(read.value):
            return
        j = read.next
        if (self.low(j), self.low(j + 1), self.low(j + 2)) == ("and", "a", "half"):
            read.value, read.precision, read.next = read.value + 0.5, 0.5, j + 3
            return
        top, bar, bottom = self.tok(j), self.tok(j + 1), self.tok(j + 2)
        if (
            top is not None and bar is not None and bottom is not None
            and not top.glued and top.kind == "num" and bar.text == "/" and bar.glued
            and bottom.kind == "num" and bottom.glued
            and (top.text, bottom.text) in _FRACTIONS
        ):  # fmt: skip
            read.value += int(top.text) / int(bottom.text)
            read.precision, read.next = 0.25, j + 3

    def _idiom(self, read: _Read) -> bool:
        """A number, a hyphened little word and another: "one-on-one", "two-by-two"."""
        j = read.next
        return (
            self._glued_dash(j)
            and self._glued_word(j + 1)
            and self.low(j + 1) in STOPWORDS
            and self._glued_dash(j + 2)
            and bool(self.tok(j + 3) and self.toks[j + 3].glued)
        )

    def _part_of_whole(self, read: _Read) -> tuple[Quantity | None, int] | None:
        """ "Nine of the 12 members", "10 out of 19 officials": the figure is the part,
        counting what the whole counts; the whole is no figure of its own."""
        j = read.next
        if self.low(j) == "out" and self.low(j + 1) == "of":  # "five out of the six"
            j += 1
        if self.low(j) != "of" or read.ordinal or read.value != int(read.value):
            return None
        if read.from_words and read.value <= 1:
            return None  # "one of the 12 members": the 12 is the figure
        k = j + 2 if self.low(j + 1) in ("the", "its", "their", "those") else j + 1
        nxt = self.tok(k)
        if nxt is None or nxt.kind not in ("num", "word"):
            return None
        whole = self._read_number(k)
        if whole is None or whole.ordinal or whole.currency or whole.value <= read.value:
            return None
        if self._is_year(whole, whole.next) or self._unit_after(whole.next)[0] is not None:
            return None  # "5 of 2024", "3 of the 10 km"
        q = self._count(read, whole.next, self._following(whole.next))
        return q, whole.next

    def _bare(self, read: _Read) -> bool:
        """Nothing after the number makes it a measure."""
        j = read.next
        if self.low(j) in _RANGE_WORDS:
            return True
        return self._unit_after(j)[0] is None

    def _range(self, read: _Read) -> None:
        """ "8-10", "8 to 10", "between 8 and 10": one figure with two ends."""
        j = read.next
        between = self.low(read.first - 1) == "between"
        joiner = self.low(j)
        if not (joiner in _RANGE_WORDS or (between and joiner == "and")):
            return
        if joiner == "to" and self.low(read.first - 1) == "from" and not self._age_cue(read.first):
            return  # "rose from 5 to 7": a change, whose later end is the figure
        nxt = self.tok(j + 1)
        currency = nxt is not None and (
            (nxt.kind == "sym" and nxt.text in CURRENCY_PREFIX) or nxt.text in CURRENCY_WORDS
        )
        if nxt is None or not (nxt.kind == "num" or currency) or read.ordinal:
            return
        second = self._read_number(j + 1)
        # "$12 to $15 million", "$5 to 10 million": one currency, at one end or both.
        if second is None or second.ordinal or second.currency not in ("", read.currency):
            return
        if read.scale == 1 and read.value * second.scale < second.value:
            # "12 to 15 million": the scale word is both ends', not just the last's.
            read.value *= second.scale
            read.precision *= second.scale
        upper = second.value
        if self._is_year_span(read, second):
            upper = read.value - read.value % 100 + second.value
        if upper <= read.value:
            return  # "3-2", a score; "10 to 8"
        if (
            joiner == "to"
            and self.low(read.first - 1) == "by"
            and upper > CHANGE_RATIO * read.value
        ):
            return  # "revised up by 55,000 to 144,000": the change, then the level
        read.upper = upper
        read.next = second.next
        if between:
            read.first -= 1

    def _is_year_span(self, read: _Read, second: _Read) -> bool:
        """ "2021–22": a two-digit end after a calendar year."""
        first = self.toks[read.first]
        last = self.toks[second.first]
        return (
            first.kind == "num"
            and len(first.text) == 4
            and 1000 <= read.value <= 2199
            and len(last.text) == 2
        )

    def _read_number(self, i: int) -> _Read | None:
        t = self.toks[i]
        currency = ""
        first = i
        if t.kind == "sym" and t.text in CURRENCY_PREFIX:
            nxt = self.tok(i + 1)
            if nxt is None or nxt.kind != "num" or not nxt.glued:
                return None
            currency = CURRENCY_PREFIX[t.text]
            if self.low(i - 1) == "us" and t.glued:  # "US $"
                first = i - 1
            i += 1
            t = self.toks[i]
        elif t.kind == "word" and t.text in CURRENCY_WORDS:
            at = i + 2 if self.low(i + 1) == "." and self.toks[i + 1].glued else i + 1
            nxt = self.tok(at)
            if nxt is None or nxt.kind != "num":
                return None
            currency, i = CURRENCY_WORDS[t.text], at
            t = self.toks[i]
        if t.kind == "num":
            parsed = parse_digits(t.text)
            if parsed is None:
                return None
            read = _Read(parsed[0], parsed[1], first, i + 1, currency=currency)
            if ORDINAL_SUFFIX.match(self.low(i + 1)) and self.toks[i + 1].glued:
                read.ordinal = True
                read.next = i + 2
            return self._scaled(read)
        if t.kind == "word":
            return self._read_words(i)
        return None

    def _read_words(self, i: int) -> _Read | None:
        low = self.toks[i].low
        # "twenty-first", "third"
        if low in TENS and self.low(i + 1) == "-" and self.low(i + 2) in ORDINAL_WORDS:
            return _Read(TENS[low] + ORDINAL_WORDS[self.low(i + 2)], 1, i, i + 3, ordinal=True)
        if low in ORDINAL_WORDS:
            return _Read(ORDINAL_WORDS[low], 1, i, i + 1, ordinal=True, from_words=True)
        if low == "half" and self.low(i + 1) == "a" and self.low(i + 2) in SCALES:
            factor = SCALES[self.low(i + 2)]
            return _Read(factor / 2, factor / 10, i, i + 3, from_words=True)
        if low not in ONES and low not in TENS and low != "a":
            return None  # no cardinal starts here: most words of a text
        # Collect number words, letting "twenty-five" through its hyphen.
        words: list[str] = []
        index: list[int] = []
        j = i
        while j < len(self.toks):
            tok = self.toks[j]
            if tok.kind == "word":
                words.append(tok.text)
                index.append(j)
            elif not (tok.kind == "dash" and tok.glued and words and words[-1].lower() in TENS):
                break
            j += 1
            if len(words) > 12:
                break
        parsed = parse_number_words(words)
        if parsed is None:
            return None
        value, precision, used = parsed
        read = _Read(value, precision, i, index[used - 1] + 1, from_words=True)
        return self._scaled(read)

    def _scaled(self, read: _Read) -> _Read:
        if read.ordinal:
            return read
        t = self.tok(read.next)
        if t is None or t.kind != "word":
            return read
        low = t.low
        factor = SCALES.get(low)
        if factor is None and read.currency and t.glued:
            factor = CURRENCY_ONLY_SCALES.get(low)
        if factor is None and t.glued and t.text == "M":  # "1M": "1m" is a metre
            factor = 1e6
        if factor is None or (low == "k" and not t.glued):
            return read
        if low in ("thousand", "million", "billion", "trillion") and read.from_words:
            return read  # already read by the number-word parser
        read.value *= factor
        read.precision *= factor
        read.scale = factor
        read.next += 1
        return read

    # --- units -----------------------------------------------------------
    def _with_unit(self, read: _Read) -> Quantity | None:
        if read.ordinal:
            return self._quantity(
                read.value, 1, "ordinal", "exact", read.first, read.next, read.first
            )
        if read.currency:
            return self._finish(read, read.currency, read.next)
        j = read.next
        # Hyphen compounds: "30-year", "five-day", "5,400-word", "15-nation".
        dash, word = self.tok(j), self.tok(j + 1)
        if (
            dash
            and word
            and dash.kind == "dash"
            and dash.glued
            and word.kind == "word"
            and word.glued
        ):
            if word.low == "plus":  # "5,000-plus": at least
                read.qualifier = "at least"
                return self._count(read, j + 2, self._following(j + 2))
            unit, nxt = self._unit_words(j + 1)  # "30-year", "25-basis-point"
            if unit is not None:
                return self._finish(read, unit, nxt)
            return self._count(read, j + 2, (stem(word.text),))
        unit, nxt = self._unit_after(j)
        if unit == "lb" and self.low(j).startswith("pound") and self.low(j - 1) in SCALES:
            unit = "GBP"  # "5 million pounds" is money, "a 63-pound plug" weight
        if unit == "years" and self._glued_dash(nxt) and self.low(nxt + 1) == "old":
            unit, nxt = _AGE_UNIT, nxt + 2  # "a 38 years-old volunteer": an age
        if unit is None:
            unit, nxt = self._span_past_an_adjective(j)
        if unit is not None:
            return self._finish(read, unit, self._unit_range(read, unit, nxt))
        if self._is_age(read, j):
            return self._finish(read, _AGE_UNIT, j)
        if self._is_decade(j):
            return None  # "the 1950s": a period, not a figure
        if self._is_year(read, j):
            q = self._quantity(read.value, 1, "calendar-year", "exact", read.first, j, read.first)
            if read.upper:
                q = Quantity(**{**q.__dict__, "qualifier": RANGE, "hi": read.upper})
            return q
        if read.from_words and read.value <= 1:
            return None  # "one of", "a dozen"-less "a": too common to be a figure
        return self._count(read, j, self._following(j))

    # --- ages ------------------------------------------------------------
    def _is_age(self, read: _Read, j: int) -> bool:
        """A bare number that is an age by the words before it ("aged 27 to 56"),
        or a whole number after a name, between commas or stated ("is 78")."""
        if read.ordinal or self._age_cue(read.first):
            return not read.ordinal
        t = self.toks[read.first]
        if read.upper or not t.text.isdigit() or not 0 < read.value <= MAX_AGE:
            return False
        after = self.tok(j)
        ends = after is None or after.text in _CLAUSE_ENDS
        if not ends and after is not None and after.low not in ("when", "and"):
            return False  # "Harlow, 3 people": what follows is counted
        before = read.first - 1
        if self.low(before) == ",":  # "Genki Miyamoto, 39, reported"
            return ends and self._names_end(before - 1)
        if self.low(before) == "be" and self.low(before - 1) in _WILL:
            before -= 1  # "Bankman-Fried will be 57 when he gets out"
        return self.low(before) in _STATES_AGE | _WILL and self._person_before(before - 1)

    def _age_cue(self, first: int) -> bool:
        k = first - 1
        if self.low(k) in _AGE_SPAN_WORDS:
            k -= 1
        if self.low(k) in _AGE_VERBS:  # "ages ranged from"
            k -= 1
        elif self.low(k) == "of" and self.low(k - 1) == "age":  # "at the age of"
            return True
        return self.low(k) in AGE_CUES

    def _names_end(self, k: int) -> bool:
        """Whether token k is the last word of a name: capitalised, and not a
        day, month or little word ("On Tuesday, 15, …")."""
        t = self.tok(k)
        return (
            t is not None
            and t.kind == "word"
            and t.text[0].isupper()
            and t.low not in STOPWORDS
            and t.low not in MONTHS
            and t.low not in WEEKDAYS
        )

    def _person_before(self, k: int) -> bool:
        """Whether the words before a stated age end in a person's name: two
        capitalised words ("Harold Daggett is 78"), or one that no preposition
        makes a place ("the toll in Valencia is 62"), past an aside ("Anton
        Deibe, a passenger, is 17") unless the aside is the name ("The captain,
        Genki Miyamoto, is 39")."""
        if self.low(k) == ",":
            k = k - 1 if self._names_end(k - 1) else self._before_aside(k)
        if not self._names_end(k):
            return False
        return self._names_end(k - 1) or self.low(k - 1) not in _NOT_A_PERSON_BEFORE | _ARTICLES

    def _before_aside(self, k: int) -> int:
        """The token before the comma that opens the aside closed at token k, or -1."""
        for m in range(k - 1, max(k - MAX_ASIDE_WORDS, 0) - 1, -1):
            if self.low(m) == ",":
                return m - 1
        return -1

    def _span_past_an_adjective(self, j: int) -> tuple[str | None, int]:
        """ "nine harrowing days", "three more weeks": a span of time past one word
        that only describes it (never "two school buses", whose noun is counted)."""
        word = self.tok(j)
        if word is None or word.kind != "word" or not word.text.islower():
            return None, j
        if word.low not in _SPAN_ADJECTIVES and not word.low.endswith(_ADJECTIVE_ENDINGS):
            return None, j
        unit, nxt = self._unit_after(j + 1)
        return (unit, nxt) if unit in _SPAN_UNITS and nxt == j + 2 else (None, j)

    def _unit_range(self, read: _Read, unit: str, nxt: int) -> int:
        """ "4.75% to 5%", "4.75%-5.00%", "8 feet to 10 feet": a range whose ends
        both carry the unit; where it ends (else `nxt`, and `read` unchanged)."""
        if read.upper or self.low(nxt) not in _RANGE_WORDS or self.low(read.first - 1) == "from":
            return nxt  # "rose from 5% to 7%": a change, not a range
        after = self.tok(nxt + 1)
        if after is None or after.kind != "num":
            return nxt
        second = self._read_number(nxt + 1)
        if second is None or second.ordinal or second.currency or second.value <= read.value:
            return nxt
        their_unit, end = self._unit_after(second.next)
        if their_unit != unit:
            return nxt
        read.upper = second.value
        read.next = end  # the scan goes on after the second end, which is read
        return end

    def _unit_after(self, j: int) -> tuple[str | None, int]:
        for size in range(MAX_UNIT_WORDS, 0, -1):
            toks = [self.tok(j + k) for k in range(size)]
            if any(t is None for t in toks):
                continue
            words = tuple(t.low for t in toks if t is not None)
            unit = canonical_unit(words)
            if unit is not None:
                return unit, j + size
        return None, j

    def _is_decade(self, j: int) -> bool:
        t = self.tok(j)
        return bool(t and t.glued and t.low in ("s", "'s"))

    def _is_year(self, read: _Read, j: int) -> bool:
        t = self.toks[read.first]
        return (
            not read.from_words
            and t.kind == "num"
            and t.text.isdigit()
            and len(t.text) == 4
            and 1000 <= read.value <= 2199
            and self._qualifier(read.first)[0] == "exact"
        )

    def _count(self, read: _Read, nxt: int, following: tuple[str, ...]) -> Quantity:
        return self._finish(read, "", nxt, following)

    def _finish(
        self, read: _Read, unit: str, nxt: int, following: tuple[str, ...] = ()
    ) -> Quantity:
        qualifier, qstart = self._qualifier(read.first)
        if qualifier == "over" and self._across(qstart, unit):
            qualifier, qstart = "exact", read.first
        if qualifier == "exact" and self.low(nxt) == "or" and self.low(nxt + 1) == "more":
            qualifier = "at least"
        if read.qualifier:
            qualifier = read.qualifier
        dimension = dimension_of(unit) if unit else "count"
        q = self._quantity(read.value, read.precision, unit, qualifier, read.first, nxt, qstart)
        if read.upper:
            factor = factor_of(unit)
            lo, hi = read.value * factor, read.upper * factor
            q = Quantity(**{**q.__dict__, "qualifier": RANGE, "lo": lo, "hi": hi})
        if dimension == "count":
            q = Quantity(**{**q.__dict__, "dimension": "count", "following": following})
        return q

    def _across(self, qstart: int, unit: str) -> bool:
        """ "A 77% raise over six years": "over" a span of time after what is
        spread across it means during, not more than ("for over 14 years")."""
        if self.low(qstart) != "over" or dimension_of(unit) != "duration":
            return False
        before = self.tok(qstart - 1)
        return (
            before is not None
            and before.kind in ("word", "sym")
            and before.low not in _MORE_THAN_AFTER
        )

    def _quantity(
        self,
        value: float,
        precision: float,
        unit: str,
        qualifier: str,
        first: int,
        nxt: int,
        qstart: int,
    ) -> Quantity:
        dimension = dimension_of(unit) if unit else "count"
        lo, hi = interval(value, precision, qualifier, dimension)
        factor = factor_of(unit)
        start = self.toks[qstart].start
        end = self.toks[nxt - 1].end if nxt - 1 < len(self.toks) else len(self.text)
        return Quantity(
            value=value,
            unit=unit,
            dimension=dimension,
            qualifier=qualifier,
            lo=lo * factor,
            hi=hi * factor,
            text=self.text[start:end],
            start=start,
            end=end,
        )

    def _qualifier(self, first: int) -> tuple[str, int]:
        """The qualifier written just before a number, and where it starts."""
        for size in range(MAX_QUALIFIER_WORDS, 0, -1):
            lo = first - size
            if lo < 0:
                continue
            toks = self.toks[lo:first]
            if any(t.kind != "word" for t in toks):
                continue
            key = tuple(t.low for t in toks)
            if key == ("up", "to") and self.low(lo - 1) in _REVISED:
                return "exact", first  # "revised up to 144,000": upward, to a level
            if key in QUALIFIERS:
                return QUALIFIERS[key], lo
        return "exact", first

    def _following(self, j: int, limit: int = 4) -> tuple[str, ...]:
        """Stems of the words after a bare number: what it probably counts. None
        when a verb follows it ("and four were taken to hospital"): the words
        after are what happened to it, and what it counts was said before."""
        if (
            self.low(j) in _VERB_AFTER
            or self.low(j) in _WHERE_OR_WHEN_AFTER
            or self._name_follows(j)
        ):
            return ()
        out: list[str] = []
        while len(out) < limit:
            t = self.tok(j)
            if t is not None and t.kind == "num" and self._in_a_name_run(j):
                j += 1  # "171 Boeing 737 Max 9 planes": the name's number, not a figure
                continue
            if t is None or t.kind in ("num", "sym") or (t.kind == "punct" and t.text not in ".'’"):
                break
            if t.low in _JOINS_ANOTHER:
                break  # "killing two aboard and a person in the truck": not persons
            if t.kind == "word" and t.low not in STOPWORDS:
                out.append(stem(t.text))
            j += 1
        return tuple(out)

    def _name_follows(self, j: int) -> bool:
        """ "the 419 Tony Blair won in 1997": a person's name after the number, not
        what it counts. A plural ("5 Democrats") or a name before a noun ("30
        Boeing machinists") still counts something."""
        k = j
        while (t := self.tok(k)) is not None and t.kind == "word" and t.text[0].isupper():
            k += 1
        if k - j < MIN_NAME_WORDS or self.toks[k - 1].low.endswith("s"):
            return False
        after = self.tok(k)
        return (
            after is None
            or after.kind != "word"
            or after.low in STOPWORDS
            or not after.low.endswith("s")
        )

    def _in_a_name_run(self, j: int) -> bool:
        """Whether the number at token j ends or stands inside a name ("Boeing
        737 Max", "Max 9 planes"): after a capitalised word, before a word."""
        before, after = self.tok(j - 1), self.tok(j + 1)
        return (
            before is not None
            and before.kind == "word"
            and before.text[0].isupper()
            and not self.toks[j].glued
            and after is not None
            and after.kind == "word"
        )


def read_figures(text: str) -> list[Quantity]:
    """Every figure in `text`, in order, with character offsets into it."""
    if not _DIGIT.search(text) and not _MAY_HOLD_WORDS().search(text.lower()):
        return []  # most sentences of a draft: no token could start a figure
    return _Scanner(text).run()


def read_value(text: str) -> Quantity | None:
    """The single figure a registry value such as "tens of thousands" stands for."""
    found = read_figures(text)
    return found[0] if found else None
