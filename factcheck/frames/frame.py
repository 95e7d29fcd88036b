"""A figure's frame: the clause it stands in, its meaningful words and its names.

The names (capitalised words that are not sentence openers) are the frame's
modifiers of place and entity: "died in Harlow", "Kazakhstan's border". Days
and months are left to the figure's time (a report's as-of date), not here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from factcheck.figures.numbers import NUMBER_WORDS, ORDINAL_WORDS
from factcheck.figures.reader import read_figures
from factcheck.figures.units import MONTHS, WEEKDAYS
from factcheck.frames.clause import REACH, clause_span
from factcheck.frames.fates import EXPECTING, EXPECTING_ALL
from factcheck.frames.rates import period_of
from factcheck.model import Quantity
from factcheck.text import CAPITAL, STOPWORDS, content_stems, fold, slip_of_keys, stem, stems

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’.-][^\W_]+)*")
_NAME_AFTER = re.compile(rf"\s(?:{CAPITAL}[\w'’-]*\s?){{1,4}}")
_NAME_RUN = rf"(?:(?:{CAPITAL}[\w’'.-]*|[a-z]+(?=\s+{CAPITAL}))\s+){{0,8}}{CAPITAL}[\w’'.-]*"
_REPORTING = "said|says|told|reported|reports|measured|estimated|counted|announced|confirmed"
# "…,” said Mia Ortiz" names who said it; "Authorities said Paiporta … suffered
# the most deaths" names what they said it of: a verb after a subject of its own
# is followed by what it reports, so the name after it is a sayer only where the
# verb follows a comma or a quotation's end.
ATTRIBUTION = re.compile(
    rf"\b(?i:according\s+to)\s+(?:the\s+)?{_NAME_RUN}"
    rf"|(?<=[,”\"’'])[ \t]?(?:{_REPORTING})\s+{_NAME_RUN}"
    rf"|(?:{CAPITAL}[\w’'-]*\s+){{1,4}}(?:{_REPORTING})\b"
)
_POSSESSIVE = re.compile(r"['’]s$")
# A number run on into letters no reader takes for a unit or an ordinal is a
# name ("the 49ers", "the 76ers"): the figure reader leaves it out, so it is
# read here. One letter after the digits ("1970s", "5G") is not enough.
_NUMBERED = re.compile(r"(?<![\w.,])\d{1,4}[^\W\d_]{2,12}\b")
# A middle initial, with or without its dot ("Harold J. Daggett", "Harold J Daggett").
_INITIAL = re.compile(r"[A-Z]\.?\s+[A-Z][a-z]")
_FIRST_NAME_BEFORE = re.compile(r"[A-Z][a-z]+\s$")
_NUMBER = re.compile(r"\d[\d,]*")
LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Capitalised at a sentence's or clause's opening for grammar's sake, not as a name.
_OPENERS = ".!?:;\"“('‘"


# A named tuple, not a frozen dataclass: every look-up makes the class at import
# (a dataclass costs about a millisecond) and scan builds many of them.
class Frame(NamedTuple):
    """What the words around a number say it is about."""

    text: str
    stems: tuple[str, ...]
    content: frozenset[str]
    names: frozenset[str]  # as written, without a possessive
    # Stems of the name a number stands in front of ("2022 Winter Olympic Games"):
    # such a number belongs to the name, and the name says what it is about.
    name_after: tuple[str, ...] = ()
    # Other numbers of the clause ("the 38th since 2013"): a frame's time or place.
    numbers: frozenset[str] = frozenset()
    # Stems of the few words either side of the number: what happened to what it
    # counts ("people were rescued"), not to another count of the clause.
    near: frozenset[str] = frozenset()
    # How often it holds ("each day", "annual"): see rates.py.
    per: str = ""
    # Whether it is a figure someone expected, not one that came about (fates.py).
    expected: bool = False

    @property
    def name_stems(self) -> frozenset[str]:
        return frozenset(stem(n) for n in self.names)


def read_frame(
    text: str,
    start: int,
    end: int,
    common: frozenset[str] = frozenset(),
    neighbours: Sequence[tuple[int, int]] = (),
    sayers: bool = False,
) -> Frame:
    """The frame of the number at text[start:end].

    `common`: words known to be ordinary words (written in lower case
    elsewhere), so that one opening a sentence is not taken for a name.
    `neighbours`: the other figures of the text; in a clause holding two
    ("rejected it with 94.6% and voted to strike with 96%"), the words nearer
    the other one are its frame, not this one's.
    `sayers`: whether the names of whoever said it count ("said Satoshi Yamake,
    59"): for an age, the speaker is who the number is about.
    """
    lo, hi = clause_span(text, start, end)
    clause = text[lo:hi]
    own_lo, own_hi = own_span(text, start, end, neighbours, (lo, hi))
    # The number's own words ("February" of "February 4") say nothing of what it is about.
    around = f"{text[own_lo:start]} {text[end:own_hi]}"
    beside = _beside(text[own_lo:start], text[end:own_hi])
    near = frozenset(content_stems(beside))
    return Frame(
        text=clause,
        stems=tuple(stems(clause)),
        content=frozenset(content_stems(around)),
        names=frozenset(names_in(around, common, sayers)),
        name_after=tuple(stems(m.group())) if (m := _NAME_AFTER.match(text, end)) else (),
        # A month is the time of the number's own words, not of its neighbour's
        # ("fell to 4.1%, from 4.2% in August").
        numbers=other_numbers(text[lo:start] + " " + text[end:hi]) | months_in(around),
        near=near,
        per=period_of(text[end:own_hi]),
        expected=bool(EXPECTING.search(beside)) or _expected_opening(text, lo, start),
    )


def _expected_opening(text: str, lo: int, start: int) -> bool:
    """Whether the words that open the number's clause before any number make
    all its figures expectations ("The consensus was 31 cents per share and
    $14.35 billion in revenue")."""
    first = _DIGIT.search(text, lo, start)
    return EXPECTING_ALL.search(text, lo, first.start() if first else start) is not None


_DIGIT = re.compile(r"\d")


def own_span(
    text: str,
    start: int,
    end: int,
    neighbours: Sequence[tuple[int, int]],
    clause: tuple[int, int],
) -> tuple[int, int]:
    """The part of the number's clause whose words are its own: up to where the
    words of the figures beside it begin (`neighbours`, as for read_frame)."""
    lo, hi = clause
    own_lo = max(
        [
            lo,
            *(
                _boundary(text, e, start)
                for s, e in neighbours
                if lo <= s and e <= start and not _change_from(text, s, e, start)
            ),
        ]
    )
    own_hi = min([hi, *(_boundary(text, end, s) for s, e in neighbours if s >= end and e <= hi)])
    return own_lo, own_hi


_FROM = re.compile(r"\bfrom[^\S\n]{1,3}$", re.IGNORECASE)
_TO = re.compile(r"[^\S\n]{1,3}to[^\S\n]{1,3}")


def _change_from(text: str, s: int, e: int, start: int) -> bool:
    """ "raised from two hours to 25 hours": the later end of a change is a value
    of what changed, so the words before the change are its frame too."""
    return bool(_TO.fullmatch(text, e, start) and _FROM.search(text, max(0, s - 8), s))


_JOINER = re.compile(r"\b(?:and|but|while|whereas)\b|[,;]", re.IGNORECASE)


def _boundary(text: str, first_end: int, second_start: int) -> int:
    """Where the words of one figure end and the next one's begin: at the last
    joining word between them ("17 passengers were injured | and four were
    taken to hospital": what happened follows what it happened to), else at the
    last comma, else halfway."""
    joins = list(_JOINER.finditer(text, first_end, second_start))
    words = [m for m in joins if m.group()[0].isalpha()]
    if words:
        return words[-1].start()
    if joins:
        return joins[-1].end()
    # Halfway, moved to the space after it: "787 had logged 41,000" must not cut
    # "logged" in two.
    half = (first_end + second_start) // 2
    space = text.find(" ", half, second_start)
    return space if space != -1 else half


NEAR_WORDS = 4


def _beside(before: str, after: str) -> str:
    return " ".join([*before.split()[-NEAR_WORDS:], "…", *after.split()[:NEAR_WORDS]])


# Numbers used in passing (a year, a date, an ordinal) say what they are by the
# words before them: "in 1834, winning only 121 seats" is no year of seats.
IN_PASSING = frozenset({"ordinal", "calendar-year", "date"})


def words_ahead(after: str, limit: int, dimension: str) -> list[str]:
    """Up to `limit` words of `after` (the text after a number) that are still
    its own: for a number in passing, none past another number or a participle."""
    ahead = after.split()[:limit]
    if dimension not in IN_PASSING:
        return ahead  # "171 Marrow 737 Max 9 planes": the name's numbers are its own
    # "On July 2, divers found the boys" is what happened that day; "in 1834,
    # winning only 121 seats" is what the subject did since.
    participle = _PARTICIPLE.search(after)
    ahead = (after[: participle.start()] if participle else after).split()[:limit]
    return ahead[: next((k for k, w in enumerate(ahead) if _DIGIT.search(w)), len(ahead))]


_PARTICIPLE = re.compile(r"[,;:][^\S\n]{1,3}[a-z]{2,20}ing\b")


def other_numbers(text: str) -> frozenset[str]:
    return frozenset(m.group().replace(",", "") for m in _NUMBER.finditer(text))


# "in Wales", "in the Castilla-La Mancha region": a place a figure holds for.
_IN_PLACE = re.compile(
    rf"\b(?:[Ii]n|[Aa]cross)[^\S\n]{{1,3}}(?:the[^\S\n]{{1,3}})?(?P<place>{CAPITAL}[\w’'-]{{1,30}})"
)
PLACE_REACH = 40  # characters after the number in which its place is named
_PHRASE_BREAK = re.compile(r"[,;:(—–]")


def names_a_place(text: str) -> bool:
    """Whether `text` gives a place with "in" or "across" ("In the Harlow …")."""
    return _IN_PLACE.search(text) is not None


def place_after(text: str, end: int) -> str:
    """The place the number's own phrase gives after it ("12 seats in Wales"), or
    "": not an aside's ("45,000 machinists, most of them in Washington"), nor a
    time ("in September")."""
    hit = _IN_PLACE.search(text, end, end + PLACE_REACH)
    if hit is None or _PHRASE_BREAK.search(text, end, hit.start()):
        return ""
    return hit.group("place") if names_in(hit.group("place")) else ""


def months_in(text: str) -> frozenset[str]:
    """The months `text` names ("in September"), marked, to stand among a frame's
    numbers: they pin it to a time as a year does."""
    return frozenset(f"{MONTH_MARK}{m.group(1)[:3].lower()}" for m in _MONTH_NAME.finditer(text))


# A month among a frame's numbers: "month:sep". Capitalised only ("may" the verb).
MONTH_MARK = "month:"
_MONTH_NAME = re.compile(
    r"\b(Jan(?:uary)?|Feb(?:ruary)?|March|Apr(?:il)?|June|July|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)


def names_in(text: str, common: frozenset[str] = frozenset(), sayers: bool = False) -> list[str]:
    """Capitalised words that name something: not stopwords, days, months, or
    openers, and (unless `sayers`) not whoever the figure is attributed to
    ("according to Cal Fire", "Roe said"): who gave a figure is not what it is about."""
    found: list[str] = []
    if not sayers:
        text = ATTRIBUTION.sub(lambda m: " " * len(m.group()), text)
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        low = _POSSESSIVE.sub("", fold(word)).lower().rstrip(".")
        if low in STOPWORDS or low in _CALENDAR:  # "Tuesday's floods" name no place
            continue
        if (low in common or _function_word(low)) and _opens(text, m.start()):
            continue
        if _middle_initial(text, m.start()):
            continue  # the initial says no more than the name
        # "Putin-Xi" names two; each may be a person the registry knows.
        found.extend(p for p in _POSSESSIVE.sub("", word).split("-") if p)
    found.extend(m.group() for m in _NUMBERED.finditer(text) if not read_figures(m.group()))
    found.extend(_numbered_names(text))
    return found


# A capitalised word and the number that names one of it: "Max 9", "Terminal 5".
_NAME_NUMBER = re.compile(rf"\b{CAPITAL}[\w'’-]*\s(\d{{1,4}})\b(?![.,:]?\d)")


def _numbered_names(text: str) -> list[str]:
    """ "Boeing 737", "Max 9": a name with its number, which tells it from
    another of the name ("Max 8") where the word alone does not; a number the
    reader takes as a figure ("Tuesday 15 people") is none."""
    found = list(_NAME_NUMBER.finditer(text))
    if not found:
        return []
    taken = [(q.start, q.end) for q in read_figures(text)]
    return [
        m.group()
        for m in found
        if not any(a < m.end(1) and m.start(1) < b for a, b in taken)
        and m.group().split()[0].lower() not in STOPWORDS
    ]


# Words that open a sentence for grammar's sake and are never a name, even where
# the registry never writes them in lower case ("Under Thursday's deal",
# "Allegedly, the offer …"): prepositions, and adverbs by their endings.
PREPOSITIONS = frozenset(
    {"above", "across", "against", "amid", "among", "around", "behind", "below", "beside",
     "besides", "between", "beyond", "despite", "during", "like", "near", "off", "onto",
     "past", "through", "throughout", "toward", "towards", "under", "unlike", "upon", "via",
     "within", "without"}
)  # fmt: skip
_ADVERB_ENDINGS = ("edly", "ately", "ously", "ally", "ily", "fully", "ently", "antly")
MIN_ADVERB = 7  # "Italy", "Kelly" and "Sally" are names, not adverbs


# Plural nouns of people by what they do ("Investigators", "Officials",
# "Firefighters"): long enough that few surnames end so ("Rogers", "Peters").
_AGENT_PLURALS = ("ors", "ists", "ials", "ents", "ants", "ers")
MIN_AGENT_PLURAL = 9


def _function_word(low: str) -> bool:
    # A number word opening a sentence ("Fourteen of the injured …") is the number.
    return (
        low in PREPOSITIONS
        or all(part in NUMBER_WORDS or part in ORDINAL_WORDS for part in low.split("-"))
        or (len(low) >= MIN_ADVERB and low.endswith(_ADVERB_ENDINGS))
        or (len(low) >= MIN_AGENT_PLURAL and low.endswith(_AGENT_PLURALS))
    )


def _middle_initial(text: str, at: int) -> bool:
    return bool(_INITIAL.match(text, at)) and bool(
        _FIRST_NAME_BEFORE.search(text, max(0, at - 40), at)
    )


def _opens(text: str, at: int) -> bool:
    """Whether a word at `at` opens a sentence, clause or quotation."""
    before = text[max(0, at - 3) : at].rstrip()
    return not before or before[-1] in _OPENERS


@lru_cache(maxsize=65_536)  # every candidate figure compares its names with the claim's
def name_key(word: str) -> str:
    """A name as compared: lower case, no dots or possessive ("U.S." and "US" meet)."""
    low = fold(word).lower()
    if low.endswith("'s"):
        low = low[:-2]
    return low.replace(".", "").replace("'", "")


@lru_cache(maxsize=65_536)
def same_name(first: str, second: str) -> bool:
    """Whether two names are one, allowing a demonym's ending ("Russia"/"Russian",
    "China"/"Chinese") but not another name ("Harlow"/"Harrow")."""
    a, b = name_key(first), name_key(second)
    if a == b or _misspelt(a, b):
        return True
    short = min(len(a), len(b))
    if short < 4 or len(a) == len(b):  # a demonym adds letters: "Iran" is not "Iraq"
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    # What each adds beyond the shared start must be a demonym's ending and a
    # dropped vowel or two: "Austria" and "Australia" share five letters, too.
    rests = sorted((a[common:], b[common:]), key=len)
    return common >= min(5, short - 1) and len(rests[0]) <= 2 and rests[1] in _DEMONYM_ENDINGS


_DEMONYM_ENDINGS = frozenset(
    ["", "n", "an", "ian", "ns", "ans", "ians", "ese", "ish", "i", "ic", "s", "y", "stan", "istan"]
)


# Below this length a slip of the keys makes another name ("Mali"/"Mail").
MIN_MISSPELT = 6


def _misspelt(a: str, b: str) -> bool:
    """A long name with a slip of the keys (see text.slip_of_keys)."""
    return slip_of_keys(a, b, MIN_MISSPELT)


def same_kind(a: Quantity, b: Quantity) -> bool:
    """The same unit and, for counts, the same counted noun; a count that names
    none counts what the other does ("six titles each, followed by the 49ers
    with five each"), since a writer leaves out only a noun already said."""
    if a.unit != b.unit or a.dimension != b.dimension:
        return False
    return a.dimension != "count" or a.following[:1] == b.following[:1] or elided(a) or elided(b)


_DISTRIBUTIVE = frozenset({"each", "apiece"})


def elided(q: Quantity) -> bool:
    """Whether a count names nothing it counts ("five each", "four apiece")."""
    if q.dimension != "count":
        return False
    return not q.following or (len(q.following) == 1 and q.following[0] in _DISTRIBUTIVE)


def nearest_of_kind(k: int, figures: Sequence[Quantity]) -> list[Quantity]:
    """The nearest figure of figures[k]'s kind before it and after it, if within
    a clause's reach. Figures are in text order; the walk stops at the reach, so
    a paragraph of many numbers costs each number a few steps, not all of them."""
    q, found = figures[k], []
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(figures) and abs(figures[j].start - q.start) <= REACH:
            if same_kind(figures[j], q):
                found.append(figures[j])
                break
            j += step
    return found


def lender(k: int, figures: Sequence[Quantity], text: str) -> Quantity | None:
    """ "Seventeen passengers were injured and four were taken to hospital", "six
    titles each, followed by the Owls with five each": the count before
    figures[k] in `text` whose noun it leaves out, if it names none (with none
    before, the one just after "and"); none for a running total ("the toll rose
    to 205"), which names its own."""
    from factcheck.frames.counted import counted_before

    q = figures[k]
    if not elided(q) or counted_before(text, q.start, q.end):
        return None
    near = nearest_of_kind(k, figures)
    before = [f for f in near if f.start < q.start]
    if before:
        return before[0] if not elided(before[0]) else None
    # "a majority of 174 and a projected total of 412 seats": with none before, the
    # count just after "and" lends its noun forward.
    after = [f for f in near if f.start > q.end]
    if after and not elided(after[0]) and _LENDS_FORWARD.fullmatch(text, q.end, after[0].start):
        return after[0]
    return None


# What may stand between a bare count and the next count it takes its noun from:
# "and", and a few words of no clause of their own ("and a projected total of").
_LENDS_FORWARD = re.compile(r"[^\S\n]{1,3}and(?:[^\S\n]{1,3}[a-z][\w-]{0,20}){0,5}[^\S\n]{1,3}")


# What joins a figure to the same figure in another unit: "27kg (60lb)",
# "4,209 km, or 2,615 miles".
_RESTATED = re.compile(
    r"[^\S\n]{0,3}(?:\(|,?[^\S\n]{1,3}or[^\S\n]{1,3}|[^\S\n]{0,3}/[^\S\n]{0,3})"
    r"(?:(?:about|some|roughly)[^\S\n]{1,3})?"
)


def restates(k: int, figures: Sequence[Quantity], text: str) -> bool:
    """Whether figures[k] is the figure before it again in another unit (a
    measure, not a count: "27kg (60lb)"), so no figure of its own."""
    if k == 0:
        return False
    q, before = figures[k], figures[k - 1]
    if q.dimension != before.dimension or q.dimension == "count" or q.unit == before.unit:
        return False
    return _RESTATED.fullmatch(text, before.end, q.start) is not None


def with_its_noun(k: int, figures: Sequence[Quantity], text: str) -> Quantity:
    """figures[k], counting what its lender counts when it names nothing itself:
    what the claim's side and ingest's side both match, so that the four of
    "… were injured and four were taken to hospital" meet the same entry."""
    before = lender(k, figures, text)
    return figures[k] if before is None else replace(figures[k], following=before.following)


def neighbour_spans(k: int, figures: Sequence[Quantity]) -> list[tuple[int, int]]:
    """Where the nearest figures of figures[k]'s kind stand: read_frame's
    `neighbours`, so two percentages in one clause share it out, while a count
    of homes beside a count of businesses is told apart by its noun."""
    return [(o.start, o.end) for o in nearest_of_kind(k, figures)]
