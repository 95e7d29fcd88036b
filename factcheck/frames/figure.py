"""The frame of a registry figure: its subject, keywords and each report's clause."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.frames.frame import names_in, other_numbers, read_frame
from factcheck.model import Figure
from factcheck.text import content_stems, fold, stems


@dataclass(frozen=True)
class FigureFrame:
    content: frozenset[str]  # the meaningful words of subject, keywords and report clauses
    names: frozenset[str]  # the names those clauses give (place, entity)
    given: frozenset[str]  # stems a claim must use anyway: the counted noun, the keywords
    about: frozenset[str] = frozenset()  # the meaningful words of subject and keywords
    numbers: frozenset[str] = frozenset()  # other numbers of subject and report clauses


def figure_frame(figure: Figure, common: frozenset[str] = frozenset()) -> FigureFrame:
    keywords = " ".join(k.replace("|", " ") for k in figure.keywords)
    content = set(content_stems(f"{figure.subject} {keywords}"))
    names = set(names_in(figure.subject, common))
    numbers = set(other_numbers(figure.subject))
    for report in figure.reports:
        frame = read_frame(report.sentence, *_locate(report.sentence, report.text), common)
        content |= frame.content
        names |= frame.names
        numbers |= frame.numbers
    given = set(stems(keywords))
    for unit in (figure.quantity.unit, *figure.unit_aliases):
        given.update(stems(unit))
    about = frozenset(content_stems(f"{figure.subject} {keywords}"))
    return FigureFrame(
        frozenset(content), frozenset(names), frozenset(given), about, frozenset(numbers)
    )


def _locate(sentence: str, printed: str) -> tuple[int, int]:
    """Where a report's figure stands in its sentence (the whole sentence if not found)."""
    if printed:
        at = fold(sentence).lower().find(fold(printed).lower())
        if at >= 0:
            return at, at + len(printed)
    return 0, len(sentence)
