"""The figure reader: a table of phrases with their values, units and ranges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.figures.ranges import agree
from factcheck.figures.reader import read_figures
from factcheck.figures.units import date_value

KM, MI = 1000.0, 1609.344

# phrase, value, unit, dimension, qualifier
TABLE = [
    ("100,000 troops", 100000, "", "count", "exact"),
    ("100 000 troops", 100000, "", "count", "exact"),
    ("one hundred thousand troops", 100000, "", "count", "exact"),
    ("sixteen agreements", 16, "", "count", "exact"),
    ("twenty-five leaders", 25, "", "count", "exact"),
    ("100k people", 100000, "", "count", "exact"),
    ("$100bn", 100e9, "USD", "money:USD", "exact"),
    ("US$100 billion a year", 100e9, "USD", "money:USD", "exact"),
    ("€5m", 5e6, "EUR", "money:EUR", "exact"),
    ("10 bcm", 10, "bcm", "volume", "exact"),
    ("10 billion cubic metres", 10e9, "m3", "volume", "exact"),
    ("10 billion cubic meters", 10e9, "m3", "volume", "exact"),
    ("a 4,209 km border", 4209, "km", "length", "exact"),
    ("2,615 miles", 2615, "mi", "length", "exact"),
    ("38th", 38, "ordinal", "ordinal", "exact"),
    ("third-biggest", 3, "ordinal", "ordinal", "exact"),
    ("twenty-first century", 21, "ordinal", "ordinal", "exact"),
    ("60%", 60, "percent", "percent", "exact"),
    ("60 percent", 60, "percent", "percent", "exact"),
    ("60 per cent", 60, "percent", "percent", "exact"),
    ("a thirty-year contract", 30, "years", "duration", "exact"),
    ("a 30-year contract", 30, "years", "duration", "exact"),
    ("three days", 3, "days", "duration", "exact"),
    ("almost two years", 2, "years", "duration", "nearly"),
    ("over 100,000 troops", 100000, "", "count", "over"),
    ("more than 20 leaders", 20, "", "count", "over"),
    ("some 100,000 troops", 100000, "", "count", "about"),
    ("about 4,200 km", 4200, "km", "length", "about"),
    ("roughly 60 percent", 60, "percent", "percent", "about"),
    ("nearly 30 times", 30, "", "count", "nearly"),
    ("fewer than 50 people", 50, "", "count", "under"),
    ("up to 12 days", 12, "days", "duration", "at most"),
    ("at least 7 ships", 7, "", "count", "at least"),
    ("in 2001", 2001, "calendar-year", "calendar-year", "exact"),
    ("until February 20", date_value(0, 2, 20), "date", "date", "exact"),
    ("on 20 February 2022", date_value(2022, 2, 20), "date", "date", "exact"),
    ("June 16, 2021", date_value(2021, 6, 16), "date", "date", "exact"),
]


@pytest.mark.parametrize(("phrase", "value", "unit", "dimension", "qualifier"), TABLE)
def test_phrase_reads_as(
    phrase: str, value: float, unit: str, dimension: str, qualifier: str
) -> None:
    found = read_figures(phrase)
    assert len(found) == 1, found
    q = found[0]
    assert (q.value, q.unit, q.dimension, q.qualifier) == (value, unit, dimension, qualifier)
    assert phrase[q.start : q.end] == q.text


def test_tens_of_thousands_is_a_range() -> None:
    (q,) = read_figures("tens of thousands of troops")
    assert (q.lo, q.hi, q.qualifier) == (10000, 100000, "vague")
    assert q.following[0] == "troop"


def test_decades_and_bare_one_are_not_figures() -> None:
    assert read_figures("the 1950s honeymoon") == []
    assert read_figures("one of the leaders") == []


def _one(phrase: str):  # type: ignore[no-untyped-def]
    (q,) = read_figures(phrase)
    return q


@pytest.mark.parametrize(
    ("claimed", "source", "agrees"),
    [
        ("about 4,200 km", "4,209 km", True),
        ("2,600 miles", "4,209 km", True),
        ("2,615 mi", "4,209 km", True),
        ("4,300 km", "4,209 km", False),
        ("about 4,300 km", "4,209 km", False),
        ("4,209 miles", "4,209 km", False),
        ("12 billion cubic metres", "10 bcm", False),
        ("10 billion cubic metres", "10 bcm", True),
        ("300,000", "over 100,000", False),
        ("more than 100,000", "some 100,000", True),
        ("more than 100,000", "tens of thousands of", False),
        ("25 leaders", "more than 20 leaders", True),
        ("50 leaders", "more than 20 leaders", False),
        ("thirty years", "30-year", True),
        ("seven decades", "70 years", True),
        ("February 20", "February 20, 2022", True),
        ("February 21", "February 20", False),
    ],
)
def test_agreement(claimed: str, source: str, agrees: bool) -> None:
    a, b = _one(claimed), _one(source)
    assert a.dimension == b.dimension
    assert agree(a.dimension, (a.lo, a.hi), (b.lo, b.hi)) is agrees


def test_units_convert_to_the_same_base() -> None:
    km, mi = _one("4,209 km"), _one("2,615 miles")
    assert km.lo < 4209 * KM < km.hi
    assert mi.lo < 2615 * MI < mi.hi


@given(st.integers(min_value=1, max_value=10**9))
def test_numerals_with_separators_read_back(n: int) -> None:
    for text in (f"{n:,}", f"{n:,}".replace(",", " "), str(n)):
        found = read_figures(f"there were {text} ships")
        assert [q.value for q in found] in ([n], [])  # a bare 4-digit number may be a year
        if found:
            assert found[0].dimension in ("count", "calendar-year")


@given(st.integers(min_value=0, max_value=99))
def test_number_words_read_back(n: int) -> None:
    ones = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    words = ones[n] if n < 20 else tens[n // 10 - 2] + (f"-{ones[n % 10]}" if n % 10 else "")
    found = read_figures(f"{words} ships")
    if n <= 1:
        return  # "zero ships" and "one ships" are not read as figures on their own
    assert [q.value for q in found] == [n]


@given(st.text())
def test_arbitrary_text_never_raises_and_positions_lie_inside(text: str) -> None:
    for q in read_figures(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.lo <= q.hi


# Figures as reporters write them (issue 16): phrase, dimension, qualifier, and
# the range of base-unit values it reads to (feet in metres, mph in km/h, times
# in minutes after midnight, shares in percent).
FT, MPH = 0.3048, 1.609344
MUST_READ = [
    ("a million troops", "count", "exact", 975_000, 1_025_000),
    ("half a million people", "count", "exact", 487_500, 512_500),
    ("a dozen agreements", "count", "exact", 11.7, 12.3),
    ("a hundred ships", "count", "exact", 97.5, 102.5),
    ("a third of the budget", "percent", "exact", 100 / 3 - 0.5, 100 / 3 + 0.5),
    ("two fifths of voters", "percent", "exact", 39.5, 40.5),
    ("one in five adults", "percent", "exact", 19.5, 20.5),
    ("1M people", "count", "exact", 975_000, 1_025_000),
    ("2.5bn people", "count", "exact", 2.45e9, 2.55e9),
    ("$1.2bn", "money:USD", "exact", 1.17e9, 1.23e9),
    ("€300m", "money:EUR", "exact", 292.5e6, 307.5e6),
    ("10bcm", "volume", "exact", 9.75e9, 10.25e9),
    ("5,000-plus troops", "count", "at least", 5000, 7500),
    ("8-10 feet", "length", "range", 8 * FT, 10 * FT),
    ("8 to 10 feet", "length", "range", 8 * FT, 10 * FT),
    ("between 8 and 10 feet", "length", "range", 8 * FT, 10 * FT),
    ("February 4-20", "date", "range", date_value(0, 2, 4), date_value(0, 2, 20)),
    ("2021–22", "calendar-year", "range", 2021, 2022),
    ("as many as 500 people", "count", "at most", 250, 500),
    ("up to 500 people", "count", "at most", 250, 500),
    ("no fewer than 500 people", "count", "at least", 500, 750),
    ("more than 15 people", "count", "over", 15.375, 22.5),
    ("fewer than 50 people", "count", "under", 25, 50),
    ("fewer than 15 people", "count", "under", 7.5, 14.625),
    ("at 8:30 p.m.", "time-of-day", "exact", 20 * 60 + 30, 20 * 60 + 30),
    ("at 11:07 GMT", "time-of-day", "exact", 11 * 60 + 7, 11 * 60 + 7),
    ("as of 6 a.m.", "time-of-day", "exact", 6 * 60, 6 * 60),
    ("107 km/h", "speed", "exact", 106.5, 107.5),
    ("65 mph", "speed", "exact", 64.5 * MPH, 65.5 * MPH),
    ("About 40 ships", "count", "about", 35, 45),
    ("at 8:30 the talks began", "time-of-day", "exact", 8 * 60 + 30, 8 * 60 + 30),
    ("In 2001", "calendar-year", "exact", 2001, 2001),
]

# Text with digits or number words that holds no figure at all.
MUST_NOT_READ = [
    "as reported.[^1] The talks",
    "a Category 3 storm",
    "Route 1 was closed",
    "Terminal 5 reopened",
    "1. The first point\n2. The next",
    "the Boeing 737 jets",
    "one of the leaders",
    "the 1950s honeymoon",
]


@pytest.mark.parametrize(("phrase", "dimension", "qualifier", "lo", "hi"), MUST_READ)
def test_reporters_forms_read_to_their_range(
    phrase: str, dimension: str, qualifier: str, lo: float, hi: float
) -> None:
    found = read_figures(phrase)
    assert len(found) == 1, found
    q = found[0]
    assert (q.dimension, q.qualifier) == (dimension, qualifier)
    assert q.lo == pytest.approx(lo) and q.hi == pytest.approx(hi)
    assert phrase[q.start : q.end] == q.text


@pytest.mark.parametrize("phrase", MUST_NOT_READ)
def test_noise_reads_as_no_figure(phrase: str) -> None:
    kept = [q for q in read_figures(phrase) if q.dimension not in ("ordinal", "calendar-year")]
    assert kept == [], kept


def test_reporters_table_has_both_kinds_and_sound_rows() -> None:
    assert len(MUST_READ) >= 20 and len(MUST_NOT_READ) >= 5
    phrases = [row[0] for row in MUST_READ] + MUST_NOT_READ
    assert len(set(phrases)) == len(phrases)
    assert all(lo <= hi for _, _, _, lo, hi in MUST_READ)
    assert {"range", "at most", "at least", "over"} <= {row[2] for row in MUST_READ}


@pytest.mark.parametrize(
    ("claimed", "source", "agrees"),
    [
        ("15 people", "more than 15 people", False),
        ("16 people", "more than 15 people", True),
        ("100,000 troops", "over 100,000 troops", True),
        ("49 people", "fewer than 50 people", True),
        ("9 feet", "8 to 10 feet", True),
        ("12 feet", "8 to 10 feet", False),
        ("33 percent", "a third of", True),
        ("February 10", "February 4-20", True),
        ("February 21", "February 4-20", False),
        ("2022", "2021–22", True),
        ("2023", "2021–22", False),
        ("65 mph", "105 km/h", True),
        ("8:30 p.m.", "20:30 GMT", True),
        ("8:30 a.m.", "20:30 GMT", False),
    ],
)
def test_reporters_forms_agree(claimed: str, source: str, agrees: bool) -> None:
    a, b = _one(claimed), _one(source)
    assert a.dimension == b.dimension
    assert agree(a.dimension, (a.lo, a.hi), (b.lo, b.hi)) is agrees
