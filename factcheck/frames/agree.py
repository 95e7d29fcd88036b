"""Whether a claim's frame and a registry figure's frame are about one thing.

Shared words are weighed by how distinctive they are among the registry's
figures: "border" shared with the only border figure says much, "said" or
"Beijing", which many figures' sources use, says little. A claim that names
a place or entity the figure's sources do not, where those sources name a
different one, is about another figure: not evidence against this one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from factcheck.figures.units import AGE_CUES, SURFACE, WEEKDAYS
from factcheck.frames.fates import expectation_conflict, fate_conflict
from factcheck.frames.figure import FigureFrame
from factcheck.frames.frame import MONTH_MARK, Frame, name_key, same_name
from factcheck.frames.rates import period_conflict
from factcheck.text import stem

NUMBER_WEIGHT = 2.0
# Words of measure ("this year", "four years", "per cent") say how a figure is
# counted, never what it is about: "shares down 36% this year" is not the wage
# rise "over four years".
UNIT_WORDS = frozenset(stem(w) for form in SURFACE for w in form) | {stem(w) for w in AGE_CUES}


# A named tuple, not a frozen dataclass: every look-up makes the class at import
# (a dataclass costs about a millisecond) and scan builds many of them.
class Fit(NamedTuple):
    score: float  # weight of the words the claim's clause shares with the figure's frame
    extra: float  # the part of it beyond the counted noun and the keywords
    conflict: str  # why the frames name different things, or ""
    # For a number in front of a name: whether the name is what the figure is about.
    name_fits: bool | None = None
    named: float = 0.0  # the extra weight with shared names counted too
    # Whether the conflict is one of period ("per day" against a total) or of an
    # expectation against an outcome alone: that tells the frames apart without
    # casting doubt on the claim's subject.
    apart_only: bool = False


def fit(
    claim: Frame,
    figure: FigureFrame,
    weight: Callable[[str], float],
    people: AbstractSet[str] = frozenset(),
    money: bool = False,
    story: AbstractSet[str] | None = None,
) -> Fit:
    """How well a figure's frame fits the claim's; of `money`, what the sum is counts.
    `story` (for a count): name keys of the story itself, given when an entry
    naming nothing beside its number is to be told apart by its clause's names."""
    shared = claim.content & figure.content - UNIT_WORDS
    score = sum(weight(w) for w in shared)
    near = shared_near(claim, figure)
    # For a number used in passing, names say which entity, not what happened to it
    # (the day a Games opened is not the day they end): its extra leaves them out.
    named = sum(weight(w) for w in near)
    # A weekday dates a figure ("the department said Friday") but says nothing of
    # what it counts: it tells two of one kind apart, never makes one the claim's.
    extra = sum(weight(w) for w in near - claim.name_stems - _WEEKDAY_STEMS)
    # Another number both frames give ("since 2013") pins the frame as a rare word does.
    extra += NUMBER_WEIGHT * len(claim.numbers & figure.numbers)
    # A name the sources give beside the number is what it is about as much as
    # the subject's: "the 400-metre Ever Given" of "the 400-meter ship Ever Given".
    name_fits = (
        bool(set(claim.name_after) & (figure.about | {stem(n) for n in figure.names}))
        if claim.name_after
        else None
    )
    conflict = (
        name_conflict(claim.names, figure.names, people, figure.all_names, figure.far_names)
        # Nothing named beside the entry's count, but its clause names whose it is
        # ("Rishi Sunak's Conservatives …, winning only 121 seats"): a claim naming
        # only others ("and the Greens four seats") counts another thing.
        or (
            story is not None
            and not figure.names
            and bool(figure.all_names)  # naming nothing at all: the rule above
            and name_conflict(claim.names, figure.all_names, people | story)
        )
        or year_conflict(claim.numbers, figure.numbers)
        or month_conflict(claim.numbers, figure.numbers)
        or fate_conflict(claim.near, figure.beside, money)
    )
    apart = (
        ""
        if conflict
        else period_conflict(claim.per, figure.per)
        or expectation_conflict(claim.expected, figure.expected)
    )
    return Fit(score, extra, conflict or apart, name_fits, named, bool(apart))


_WEEKDAY_STEMS = frozenset(WEEKDAYS)


def shared_near(claim: Frame, figure: FigureFrame) -> frozenset[str]:
    """The claim's words beyond the figure's noun and keywords that stand next to
    its number in a source: a word far off in a long sentence does not make a
    number used in passing about the figure."""
    return (claim.content & figure.near) - figure.given - UNIT_WORDS


def year_conflict(claimed: frozenset[str], entry: frozenset[str]) -> str:
    """ "since 2013" is not "after 2014": both frames date the figure, differently."""
    ours, theirs = years_of(claimed), years_of(entry)
    if not ours or not theirs or ours & theirs:
        return ""
    return f"the claim's frame has {', '.join(sorted(ours))}; the sources' has {', '.join(sorted(theirs))}"


def month_conflict(claimed: frozenset[str], entry: frozenset[str]) -> str:
    """ "254,000 jobs in October" is not the figure of "254,000 jobs in September"."""
    ours, theirs = months_of(claimed), months_of(entry)
    if not ours or not theirs or ours & theirs:
        return ""
    return f"the claim's frame has {month_names(ours)}; the sources' has {month_names(theirs)}"


def years_of(numbers: frozenset[str]) -> set[str]:
    """The calendar years among a frame's numbers."""
    return {n for n in numbers if len(n) == 4 and n[:2] in ("19", "20")}


def months_of(numbers: frozenset[str]) -> set[str]:
    """The months among a frame's numbers (marked, see frame.months_in)."""
    return {n for n in numbers if n.startswith(MONTH_MARK)}


def month_names(marks: set[str]) -> str:
    """ "Aug, Jul": marked months as a reason prints them."""
    return ", ".join(sorted(m.removeprefix(MONTH_MARK).capitalize() for m in marks))


def name_conflict(
    claimed: Iterable[str],
    entry: Iterable[str],
    people: AbstractSet[str],
    anywhere: Iterable[str] = (),
    far: Iterable[str] = (),
) -> str:
    """ "names X; the sources name Y" when each side names something the other does not.

    `entry` are the names next to the entry's number; `anywhere`, names
    further off in its sources' clauses, which the claim may name too; `far`,
    names of its sources' sentences, which only a number naming nothing takes.
    People the registry knows as speakers (`people`: name keys of every word
    of their names) are left out: who announced a figure is not what it is about.
    """
    entry_names = [n for n in entry if name_key(n) not in people]
    known = [*entry_names, *anywhere]
    claimed = list(claimed)
    unknown = [n for n in claimed if name_key(n) not in people and not _known(n, known)]
    missing = [n for n in entry_names if not _known(n, claimed)]
    # "NTSB" and "National Transportation Safety Board" are one name.
    unknown = [
        n
        for n in unknown
        if not (_spelled_out(n, known) or _initial_of(n, known, claimed) or _clipped(n, known))
    ]
    missing = [
        n for n in missing if not (_spelled_out(n, claimed) or _initial_of(n, claimed, entry_names))
    ]
    if unknown and not known:
        # The sources name nothing: the claim's "Boone Hospital Center" is one
        # of what their "hospitals" count, not the whole of it. Unless their
        # sentence names it further off (`far`), for no other figure of the kind.
        far = list(far)
        if all(_known(n, far) for n in unknown):
            return ""
        return f"the claim names {', '.join(sorted(unknown))}; the sources name nothing"
    if not unknown or not missing:
        return ""
    return f"the claim names {', '.join(sorted(unknown))}; the sources name {', '.join(sorted(missing))}"


MIN_CLIPPED, MAX_CLIPPED = 3, 5


def _clipped(name: str, names: Iterable[str]) -> bool:
    """ "Fed" of "Federal", "Calif" of "California": a short name that begins a
    longer one of `names` is that name cut short."""
    low = name.rstrip(".").lower()
    if not (MIN_CLIPPED <= len(low) <= MAX_CLIPPED) or not low.isalpha() or name.isupper():
        return False
    return any(len(other) > len(low) + 1 and other.lower().startswith(low) for other in names)


MIN_ACRONYM, MAX_ACRONYM = 3, 6


def _acronym(name: str) -> str:
    letters = name.replace(".", "")
    ok = letters.isalpha() and letters.isupper() and MIN_ACRONYM <= len(letters) <= MAX_ACRONYM
    return letters if ok else ""


def _spelled_out(name: str, names: Iterable[str]) -> bool:
    """Whether `name` is an acronym whose every letter begins one of `names`."""
    letters = _acronym(name)
    initials = [n[:1].upper() for n in names if not _acronym(n)]
    return bool(letters) and all(initials.count(c) >= letters.count(c) for c in set(letters))


def _initial_of(word: str, acronyms: list[str], side: list[str]) -> bool:
    """Whether `word` is one of the words (among `side`) that an acronym spells out."""
    return any(
        word[:1].upper() in _acronym(a) and _spelled_out(a, side) for a in acronyms if _acronym(a)
    )


def _known(name: str, names: Iterable[str]) -> bool:
    return any(same_name(name, other) for other in names)
