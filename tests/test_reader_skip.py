"""The figure reader skips tokens no reader starts at (reader._CAN_START,
_WORD_STARTS): it reads the same figures as asking every reader at every token."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.figures import reader
from factcheck.figures.numbers import ONES, ORDINAL_WORDS, TENS
from factcheck.figures.units import MONTHS


class _Everything:
    """A set holding every word: the reader without the skip."""

    def __contains__(self, item: object) -> bool:
        return True


WORDS = sorted(
    {*ONES, *TENS, *ORDINAL_WORDS, *MONTHS, "a", "an", "half", "quarter", "of", "the", "per"}
    | {"million", "bn", "dozen", "tens", "thousands", "hundreds", "some", "about", "more"}
    | {"than", "up", "to", "between", "and", "from", "km", "miles", "percent", "point", "points"}
    | {"p.m.", "a.m.", "GMT", "voted", "people", "troops", "Route", "Street", "In", "Paris", "s"}
)
PIECES = [*WORDS, *(w.capitalize() for w in WORDS), "1,200", "4.5", "12", "2024", "90", "7"]
PIECES += ["$", "€", "%", "-", "–", "/", ":", ".", ",", "'", "^", "(", ")", " ", " ", " ", "\n"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join)
glued = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _unskipped(text: str) -> list[object]:
    kinds, words = reader._CAN_START, reader._WORD_STARTS
    reader._CAN_START = reader._WORD_STARTS = _Everything()  # type: ignore[assignment]
    try:
        return list(reader.read_figures(text))
    finally:
        reader._CAN_START, reader._WORD_STARTS = kinds, words


@given(st.one_of(texts, glued, st.text(max_size=40)))
@settings(max_examples=1500)
@example("Between eight and ten of the 12 members voted 11 to 1 on March 3, 2024 at 8:30 p.m.")
@example("half a million troops, a third of them, up to 40 km, $1.2bn and 3 quarters")
def test_skipping_reads_the_same_figures(text: str) -> None:
    assert reader.read_figures(text) == _unskipped(text)


def test_the_skip_skips() -> None:
    # Most words of prose start no figure: the test above compares two different runs.
    assert "bridge" not in reader._WORD_STARTS and "punct" not in reader._CAN_START
    assert "a" in reader._WORD_STARTS and "march" in reader._WORD_STARTS
