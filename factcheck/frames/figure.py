"""The frame of a registry figure: its subject, keywords and each report's clause."""

from __future__ import annotations

from typing import NamedTuple

from factcheck.figures.ranges import AGE
from factcheck.frames.clause import aside_start, clause_span, without_asides
from factcheck.frames.frame import (
    Frame,
    months_in,
    names_in,
    other_numbers,
    read_frame,
    words_ahead,
)
from factcheck.frames.rates import periods_in
from factcheck.model import Figure, Quantity
from factcheck.text import content_stems, fold, stems

WINDOW = 8


# A named tuple, not a frozen dataclass: every look-up makes the class at import
# (a dataclass costs about a millisecond) and scan builds many of them.
class FigureFrame(NamedTuple):
    content: frozenset[str]  # the meaningful words of subject, keywords and report clauses
    names: frozenset[str]  # the names the subject and the words next to each number give
    given: frozenset[str]  # stems a claim must use anyway: the counted noun, the keywords
    about: frozenset[str] = frozenset()  # the meaningful words of subject and keywords
    numbers: frozenset[str] = frozenset()  # other numbers of subject and report clauses
    near: frozenset[str] = frozenset()  # subject, keywords and the words next to each number
    # Every name of the subject and the report clauses: a claim naming one of them
    # names nothing new ("the Dali" when the source's far words name the ship).
    all_names: frozenset[str] = frozenset()
    # The few words either side of each report's number (Frame.near): its fate.
    beside: frozenset[str] = frozenset()
    # The names anywhere in a report's sentence but nearer another figure of its
    # kind: what the sentence is about when the number's clause names nothing.
    far_names: frozenset[str] = frozenset()
    # The periods of its subject and reports ("each day"; "" for a report of none).
    per: frozenset[str] = frozenset()
    # Whether a report gives it as an expectation ("$12.94 billion expected").
    expected: bool = False


def figure_frame(figure: Figure, common: frozenset[str] = frozenset()) -> FigureFrame:
    keywords = " ".join(k.replace("|", " ") for k in figure.keywords)
    content = set(content_stems(f"{figure.subject} {keywords}"))
    sayers = figure.quantity.dimension == AGE  # "said Satoshi Yamake, 59": his age
    names = set(names_in(figure.subject, common, sayers))
    numbers = set(other_numbers(figure.subject) | months_in(figure.subject))
    near = set(content)
    all_names = set(names)
    beside: set[str] = set()
    far: set[str] = set()
    per = set(periods_in(figure.subject))
    expected = False
    for report in figure.reports:
        at = _locate(report.sentence, report.text)
        sentence = without_asides(report.sentence, *at)
        frame = read_frame(sentence, *at, common, sayers=sayers)
        # An aside's names may still be named by a claim; its words are not the frame.
        # The names nearer another figure of its kind are that one's ("The S&P 500
        # gained 0.4% and the Nasdaq Composite added 0.7%"): a claim naming them
        # names something else. Read again only where either is so.
        others = _neighbours(report.sentence, *at)
        whole = (
            frame
            if sentence == report.sentence and not others
            else read_frame(report.sentence, *at, common, others, sayers)
        )
        all_names |= whole.names
        far |= _sentence_names(report.sentence, at, others, common, sayers)
        content |= frame.content
        if report.sentence:
            per.add(whole.per)
        numbers |= frame.numbers
        beside |= frame.near
        expected |= whole.expected  # its own words, not its neighbour's
        window = _window(sentence, *at, figure.quantity.dimension)
        near |= content_stems(window)
        names.update(names_in(window, common, sayers))
    given = set(stems(keywords))
    for unit in (figure.quantity.unit, *figure.unit_aliases):
        given.update(stems(unit))
    return FigureFrame(
        frozenset(content),
        frozenset(names),
        frozenset(given),
        frozenset(content_stems(f"{figure.subject} {keywords}")),
        frozenset(numbers),
        frozenset(near),
        frozenset(all_names | names),
        frozenset(beside),
        frozenset(far),
        frozenset(per),
        expected,
    )


def _sentence_names(
    sentence: str,
    at: tuple[int, int],
    others: list[tuple[int, int]],
    common: frozenset[str],
    sayers: bool,
) -> set[str]:
    """ "Homes were left without water as far as Malaga, where a train derailed
    although none of the nearly 300 passengers were hurt": the sentence's names,
    less those nearer another figure of the report's kind, which are its."""
    found = set(names_in(sentence, common, sayers))
    for start, end in others:
        found -= read_frame(sentence, start, end, common, [at], sayers).names
    return found


def _neighbours(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the nearest other figures of the report's kind stand in its sentence."""
    from factcheck.figures.reader import read_figures
    from factcheck.frames.frame import neighbour_spans

    found = read_figures(sentence)
    k = next(
        (k for k, q in enumerate(found) if q.start <= start < q.end or start <= q.start < end), -1
    )
    return neighbour_spans(k, found) if k >= 0 else []


def printed_beside(
    figure: Figure, common: frozenset[str] = frozenset()
) -> list[tuple[Quantity, Frame]]:
    """The other figures its report sentences print ("Seven of the train's eight
    cars" gives the seven beside the entry's eight), each with its own frame
    there. Read only for the figure a match chose, not for every candidate's."""
    from factcheck.figures.reader import read_figures
    from factcheck.frames.frame import neighbour_spans

    found = []
    for report in figure.reports:
        start, end = _locate(report.sentence, report.text)
        printed = read_figures(report.sentence)
        for k, q in enumerate(printed):
            if q.end <= start or q.start >= end:
                others = neighbour_spans(k, printed)
                found.append((q, read_frame(report.sentence, q.start, q.end, common, others)))
    return found


def _window(sentence: str, start: int, end: int, dimension: str = "") -> str:
    """The words of the number's clause within WINDOW words of it: a long
    sentence's far words (a second place, a second actor) are not its frame."""
    lo, hi = clause_span(sentence, start, end)
    before = sentence[lo:start].split()[-WINDOW:]
    opened = aside_start(sentence, start, end)
    if opened > lo:
        # "Five of the six coast guard members on board the other aircraft, whose
        # ages ranged from 27 to 56, …": the aside describes the noun before it.
        before = sentence[lo:opened].split()[-WINDOW:] + sentence[opened:start].split()
    after = words_ahead(sentence[end:hi], WINDOW, dimension)
    return " ".join([*before, "…", *after])


def _locate(sentence: str, printed: str) -> tuple[int, int]:
    """Where a report's figure stands in its sentence (the whole sentence if not found)."""
    if printed:
        at = fold(sentence).lower().find(fold(printed).lower())
        if at >= 0:
            return at, at + len(printed)
    return 0, len(sentence)
