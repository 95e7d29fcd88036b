"""Small text helpers shared by the figure reader, the quotation matcher and retrieval."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Curly quotes, primes and dashes folded to their plain forms.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)


class LazyPattern:
    """A regular expression compiled on its first use: `PATTERN()` is the compiled
    pattern. One compiled at import is paid for by every command that imports its
    module (up to a millisecond for a long one), even one that never runs the code
    using it: a figure look-up imports the quotation modules but seldom reads a
    quotation."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    def __call__(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    @property
    def compiled(self) -> bool:
        return self._compiled is not None


def fold(text: str) -> str:
    """Plain quotes, dashes and spaces, same length as the input (offsets survive)."""
    return text.translate(_FOLD)


WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

# A capital letter in a name pattern: ASCII, Latin-1 ("Óscar") and Latin
# Extended-A ("Łukasz"); that last block's small letters, in the same range, all
# but never open a word of English copy.
CAPITAL = "[A-ZÀ-ÖØ-ÞĀ-Ž]"
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "it's",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "no",
        "than",
        "then",
        "so",
        "such",
        "also",
        "into",
        "over",
        "about",
        "after",
        "before",
        "since",
        "until",
        "up",
        "out",
        "if",
        "about",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "said",
        "says",
        "say",
        "told",
        "tell",
        "according",
        "per",
        "one",
        "two",
        "very",
        # Determiners: "each 32 storeys high" says nothing of what is counted.
        "each",
        "every",
        "both",
        "any",
        "another",
        "other",
        "more",
        "most",
        "some",
    ]
)


# Forms that no suffix rule takes back to their verb, each to the stem its regular
# forms get ("won" with "winning", "lost" with "losses"): English, not any story's.
# Forms that are often other words ("left", "saw", "found") are left out.
_IRREGULAR_FORMS = {
    "win": "won", "loss": "lose loses losing lost", "rise": "rose risen rising",
    "fall": "fell fallen", "take": "took taken taking takes", "make": "made making makes",
    "pay": "paid", "sell": "sold", "buy": "bought", "hold": "held", "spend": "spent",
    "lead": "led", "grow": "grew grown", "give": "gave given giving gives",
    "strike": "struck striking strikes", "sink": "sank sunk", "fly": "flew flown",
    "bring": "brought", "build": "built", "come": "came coming comes",
    "begin": "began begun", "break": "broke broken", "speak": "spoke spoken",
    "steal": "stole stolen", "tell": "told", "fight": "fought", "flee": "fled",
    "keep": "kept", "meet": "met", "send": "sent", "stand": "stood", "seek": "sought",
    "draw": "drew drawn", "drive": "drove driven driving drives", "know": "knew known",
    "write": "wrote written writing writes", "throw": "threw thrown",
    "freeze": "froze frozen freezing freezes", "swear": "swore sworn", "wear": "wore worn",
    "withdraw": "withdrew withdrawn", "shake": "shook shaken", "choose": "chose chosen",
}  # fmt: skip
IRREGULAR = {form: base for base, forms in _IRREGULAR_FORMS.items() for form in forms.split()}
for _base in _IRREGULAR_FORMS:  # the base itself, where its own suffix rules differ
    IRREGULAR.setdefault(_base, _base)


@lru_cache(maxsize=65_536)  # a text repeats its words; a batch repeats its vocabulary
def stem(word: str) -> str:
    """A light stem: lower case, no possessive, no plural or common verb ending.

    Good enough to meet "agreements"/"agreement" and "signed"/"sign"; the same
    function runs on both sides, so a crude stem still compares fairly.
    """
    w = fold(word).lower()
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
    irregular = IRREGULAR.get(w)
    if irregular is not None:
        return irregular
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 6 and w.endswith("oes"):  # "tornadoes", "potatoes"; not "shoes"
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 7 and w.endswith(("kage", "ppage")):  # "blockage", "leakage", "stoppage"
        return _undoubled(w[:-3])
    if len(w) > 5 and w.endswith("ing"):
        w = _undoubled(w[:-3])
    elif len(w) > 4 and w.endswith("ed"):
        w = _undoubled(w[:-2])
    return w


def _undoubled(w: str) -> str:
    """ "winn" of "winning" is "win", "stopp" of "stopped" is "stop"; not "add"
    or "fall", whose doubled letter is their own."""
    if len(w) > 2 and w[-1] == w[-2] and w[-1] in "bgmnpt":
        return w[:-1]
    return w


def slip_of_keys(a: str, b: str, shortest: int) -> bool:
    """Whether one word is the other with two neighbouring letters swapped
    ("McCaffery"/"McCaffrey") or one letter doubled ("Mahommes"), both at least
    `shortest` letters long: the slips of a hurried source, or one name in two
    transliterations ("Rabie"/"Rabei"). A letter replaced by another makes another
    name ("Harlow"/"Harrow"), and is not one."""
    if min(len(a), len(b)) < shortest:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    long, short = (a, b) if len(a) > len(b) else (b, a)
    if len(long) != len(short) + 1:
        return False
    k = next((k for k in range(len(short)) if long[k] != short[k]), len(short))
    return long[k] == long[k - 1] and long[:k] + long[k + 1 :] == short if k > 0 else False


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def content_stems(text: str) -> set[str]:
    """Stems of the words that carry meaning: no stopwords, no digits."""
    return {stem(w) for w in words(text) if w.lower() not in STOPWORDS and _DIGIT.search(w) is None}


_DIGIT = re.compile(r"\d")


def phrase_in(phrase_stems: list[str], text_stems: list[str]) -> bool:
    """Whether a run of stems occurs, in order and contiguous, in a text.

    A text is asked about once per number in it, and a scanned paragraph may hold
    thousands: a search through the text each time would make a paragraph's cost
    grow with the square of its length. So each run length's set of runs is made
    once per text (the last text asked about is kept) and a question is one look-up.
    """
    n = len(phrase_stems)
    if n == 0:
        return False
    return tuple(phrase_stems) in _runs(text_stems, n)


_RUNS: list[tuple[list[str], dict[int, frozenset[tuple[str, ...]]], int]] = []


def _runs(text_stems: list[str], n: int) -> frozenset[tuple[str, ...]]:
    # One entry, replaced whole: the list itself is kept, so its identity is its key.
    kept = _RUNS[0] if _RUNS and _RUNS[0][0] is text_stems else None
    if kept is None or len(kept[0]) != kept[2]:
        kept = (text_stems, {}, len(text_stems))
        _RUNS[:] = [kept]
    by_length = kept[1]
    found = by_length.get(n)
    if found is None:
        found = by_length[n] = frozenset(
            tuple(text_stems[i : i + n]) for i in range(len(text_stems) - n + 1)
        )
    return found


def keyword_groups_met(groups: Iterable[str], text_stems: list[str]) -> bool:
    """Every group ("border|frontier") must have one alternative in the text."""
    for group in groups:
        if not any(phrase_in(stems(alt), text_stems) for alt in group.split("|")):
            return False
    return True


def blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each [start, end) span turned to spaces; newlines and offsets kept."""
    chars = list(text)
    for start, end in spans:
        for k in range(start, end):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
