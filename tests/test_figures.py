"""The figure reader: a table of phrases with their values, units and ranges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.figures.quantities import make_quantity
from factcheck.figures.ranges import agree
from factcheck.figures.reader import read_figures
from factcheck.figures.units import date_value
from factcheck.model import Verdict
from factcheck.text import stem

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
    ("on January 5th", date_value(0, 1, 5), "date", "date", "exact"),
    ("a 63-pound plug", 63, "lb", "mass", "exact"),
    ("weighing 150lbs", 150, "lb", "mass", "exact"),
    ("a 12-ounce can", 12, "oz", "mass", "exact"),
    # A scale word makes pounds money.
    ("it cost 5 million pounds", 5e6, "GBP", "money:GBP", "exact"),
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
        ("Rs 615 crore", "6.15 billion rupees", True),
        ("300,000", "over 100,000", False),
        ("more than 100,000", "some 100,000", True),
        ("more than 100,000", "tens of thousands of", False),
        ("25 leaders", "more than 20 leaders", True),
        ("50 leaders", "more than 20 leaders", False),
        ("thirty years", "30-year", True),
        ("seven decades", "70 years", True),
        ("February 20", "February 20, 2022", True),
        ("February 21", "February 20", False),
        # Forms reporters use: bounds, ranges, shares, speeds, clock times.
        ("15 people", "more than 15 people", False),
        ("16 people", "more than 15 people", True),
        # "About" a round number is loose, but not by a quarter: 200,000 is not 155,000.
        ("about 200,000 jobs", "around 150,000 jobs", False),
        ("about 200,000 jobs", "about 180,000 jobs", True),
        ("about 2,000 apartments", "nearly 2,000 apartments", True),
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
        # Fractions of a point, basis points, clock times without a space, tallies.
        ("50 basis points", "half a percentage point", True),
        ("75 basis points", "half a point", False),
        ("0.5 percentage point", "a half-point", True),
        ("a quarter point", "25 basis points", True),
        ("a quarter point", "half a percentage point", False),
        ("half a point", "at least a quarter point", True),
        ("three-quarters of a point", "at least a quarter point", False),
        ("three-quarters of a percentage point", "a 75-basis-point", True),
        ("11pm", "11 p.m.", True),
        ("11.30pm", "23:30 GMT", True),
        ("8am", "8 p.m.", False),
        ("voted 11 to 1", "an 11-1 vote", True),
        ("voted 10 to 2", "an 11-1 vote", False),
        ("a 6-6 draw", "a 6-5 win", False),
        ("lost 2-3", "won 3-2", True),
        # Ages: whole years; a span is a group's youngest and oldest.
        ("a 39-year-old", "Genki Miyamoto, 39,", True),
        ("a 41-year-old", "Genki Miyamoto, 39,", False),
        ("aged from 27 to 56", "whose ages ranged from 27 to 56", True),
        ("aged 27 to 65", "aged 27 to 56", False),
        ("a 40-year-old", "aged between 40 and 77", True),
        ("a 30-year-old", "aged between 40 and 77", False),
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
    ("8 feet to 10 feet", "length", "range", 8 * FT, 10 * FT),
    # A scale word or currency at the far end is both ends'.
    ("12 to 15 million dollars", "money:USD", "range", 12e6, 15e6),
    ("$12 to $15 million", "money:USD", "range", 12e6, 15e6),
    ("between $12 and $15 million", "money:USD", "range", 12e6, 15e6),
    ("$5 to 10 million", "money:USD", "range", 5e6, 10e6),
    ("$1 to $2", "money:USD", "range", 1, 2),
    ("a range of 4.75% to 5%", "percent", "range", 4.75, 5.0),
    ("the range to 4.75%-5.00%, and", "percent", "range", 4.75, 5.0),
    ("4.75 percent to 5 percent", "percent", "range", 4.75, 5.0),
    ("February 4-20", "date", "range", date_value(0, 2, 4), date_value(0, 2, 20)),
    ("2021–22", "calendar-year", "range", 2021, 2022),
    ("as many as 500 people", "count", "at most", 250, 500),
    ("up to 500 people", "count", "at most", 250, 500),
    # "revised up to" moves a figure up to a level: no bound.
    ("July was revised up to 144,000 jobs", "count", "exact", 143_500, 144_500),
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
    # Rupees before or after the number, and the Indian lakh and crore.
    ("The Rs 615 crore mission", "money:INR", "exact", 6.145e9, 6.155e9),
    ("around Rs. 215 crore", "money:INR", "about", 2.107e9, 2.193e9),
    ("a ₹615 crore mission", "money:INR", "exact", 6.145e9, 6.155e9),
    ("500 rupees", "money:INR", "exact", 487.5, 512.5),
    ("10 lakh people", "count", "exact", 975_000, 1_025_000),
    # A span of time past a word that describes it; an age with a hyphen astray.
    ("They spent nine harrowing days trapped.", "duration", "exact", 8.775, 9.225),
    ("Saman Kunan, a 38 years-old volunteer, died.", "age", "exact", 38, 38),
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


# More forms reporters use: (form, phrase, dimension, qualifier, lo, hi), in base
# units as above (a basis point a hundredth of a percentage point,
# a tally as larger side * 1000 + smaller side).
PT = 0.025  # the 2.5% an exact figure is rounded to at most
FORM_READS = [
    (
        "unit fraction",
        "rates rose by half a percentage point",
        "percentage-points",
        "exact",
        0.4875,
        0.5125,
    ),
    ("unit fraction", "a quarter point rise", "percentage-points", "exact", 0.24375, 0.25625),
    ("unit fraction", "a half-point hike", "percentage-points", "exact", 0.4875, 0.5125),
    (
        "unit fraction",
        "three-quarters of a percentage point",
        "percentage-points",
        "exact",
        0.73125,
        0.76875,
    ),
    ("unit fraction", "30 basis points", "percentage-points", "exact", 0.2925, 0.3075),
    ("unit fraction", "a 75-basis-point move", "percentage-points", "exact", 0.745, 0.755),
    (
        "unit fraction",
        "half an hour",
        "duration",
        "exact",
        0.5 / 24 * (1 - PT),
        0.5 / 24 * (1 + PT),
    ),
    (
        "unit fraction",
        "a quarter-mile",
        "length",
        "exact",
        0.25 * MI * (1 - PT),
        0.25 * MI * (1 + PT),
    ),
    ("unit fraction", "at least a half-point cut", "percentage-points", "at least", 0.5, 1.0),
    ("clock", "at 9.45pm", "time-of-day", "exact", 21 * 60 + 45, 21 * 60 + 45),
    ("clock", "by 7am", "time-of-day", "exact", 7 * 60, 7 * 60),
    ("clock", "from 10pm", "time-of-day", "exact", 22 * 60, 22 * 60),
    ("clock", "at 10.15 a.m.", "time-of-day", "exact", 10 * 60 + 15, 10 * 60 + 15),
    ("clock", "at 21:40", "time-of-day", "exact", 21 * 60 + 40, 21 * 60 + 40),
    ("tally", "the board voted 7 to 2", "tally", "exact", 7002, 7002),
    ("tally", "a 9-3 vote", "tally", "exact", 9003, 9003),
    ("tally", "a 5–4 ruling", "tally", "exact", 5004, 5004),
    ("tally", "it ended 4-4", "tally", "exact", 4004, 4004),
    ("tally", "lost 1-2", "tally", "exact", 2001, 2001),
    ("tally", "a 13-to-2 vote", "tally", "exact", 13002, 13002),
    ("part of a whole", "Seven of the 10 judges agreed", "count", "exact", 6.825, 7.175),
    ("part of a whole", "12 of 40 schools closed", "count", "exact", 11.7, 12.3),
    ("part of a whole", "Eleven people were hurt", "count", "exact", 10.725, 11.275),
    ("part of a whole", "Four of those who fled returned", "count", "exact", 3.9, 4.1),
    ("part of a whole", "five out of the six crew died", "count", "exact", 4.875, 5.125),
    ("name", "COVID-19 killed 300 people", "count", "exact", 292.5, 307.5),
    ("name", "The S&P 500 rose 2%", "percent", "exact", 1.95, 2.05),
    ("name", "by Mid-2023", "calendar-year", "exact", 2023, 2023),
    ("name", "the G7 met 3 times", "count", "exact", 2.925, 3.075),
    ("name", "All 379 passengers left", "count", "exact", 378.5, 379.5),
    # Four digits after a name may be the year it names.
    ("name", "before the Beijing 2022 Winter Games", "calendar-year", "exact", 2022, 2022),
    ("address", "200 Main Street workers", "count", "exact", 195, 205),
    ("address", "40 West officials", "count", "exact", 39, 41),
    ("place count", "In Torrent 35 people died", "count", "exact", 34.5, 35.5),
    ("place count", "At Dover 12 homes flooded", "count", "exact", 11.7, 12.3),
    ("age", "Genki Miyamoto, 39, reported", "age", "exact", 39, 39),
    ("age", "a 17-year-old passenger", "age", "exact", 17, 17),
    ("age", "28-year old Tsubasa Sawada", "age", "exact", 28, 28),
    ("age", "suspects aged between 40 and 77", "age", "range", 40, 77),
    ("age", "whose ages ranged from 27 to 56", "age", "range", 27, 56),
    ("age", "Harold Daggett is 78.", "age", "exact", 78, 78),
    ("age", "Tomas Berg will be 57 when he gets out.", "age", "exact", 57, 57),
    # A fraction written after a whole number belongs to it.
    (
        "fraction after a number",
        "a sentence of six and a half years",
        "duration",
        "exact",
        6.5 * 365.25 * 0.975,
        6.5 * 365.25 * 1.025,
    ),
    (
        "fraction after a number",
        "a walk of 2 3/4 miles",
        "length",
        "exact",
        2.75 * 1609.344 * 0.975,
        2.75 * 1609.344 * 1.025,
    ),
    ("age", "Anton Deibe, a passenger, is 17.", "age", "exact", 17, 17),
    ("age", "The captain, Genki Miyamoto, is 39.", "age", "exact", 39, 39),
    ("age", "she died at the age of 84", "age", "exact", 84, 84),
    ("age", "Deibe's 17-year-old son", "age", "exact", 17, 17),
    # A unit written onto the number is the unit; other letters make a name.
    ("glued letters", "491mm of rain", "length", "exact", 0.4905, 0.4915),
    ("glued letters", "5cm of snow", "length", "exact", 0.04875, 0.05125),
    ("glued letters", "24hrs later", "duration", "exact", 23.5 / 24, 24.5 / 24),
]
# Wrong readings: (form, phrase, dimension, value). No figure read from the phrase
# may have that dimension (and, when given, that value); a dimension of None
# means the phrase holds no figure at all (ordinals and years aside).
FORM_NOT = [
    ("unit fraction", "half of the town", None, None),
    ("unit fraction", "a quarter-final", None, None),
    ("unit fraction", "two and a half years", "duration", 0.5),  # not "a half year"
    ("unit fraction", "half a million people", "percentage-points", None),
    ("fraction after a number", "three and a half years", "count", None),
    ("fraction after a number", "rated 6 5/8 by the judges", "count", 6.625),  # no such fraction
    ("clock", "grew by 11.30 points", "time-of-day", None),
    ("clock", "a 3.45 ratio", "time-of-day", None),
    ("clock", "at 8.75pm", "time-of-day", None),
    ("tally", "8-10 feet", "tally", None),
    ("tally", "from 10 to 8 people", "tally", None),
    ("tally", "odds of 11 to 1", "tally", None),
    ("tally", "in 2021–22", "tally", None),
    ("tally", "a 4-1 vote", "count", None),
    ("tally", "the 10-2-2024 filing", "tally", None),
    ("part of a whole", "Seven of the 10 judges agreed", "count", 10),
    ("part of a whole", "12 of 40 schools closed", "count", 40),
    ("part of a whole", "nine out of 12 members", "count", 12),
    ("name", "the I-95 corridor", None, None),
    ("name", "Covid-19 cases", None, None),
    ("name", "an F-35 squadron", None, None),
    ("name", "flight MH370", None, None),
    ("name", "the G7 summit", None, None),
    ("name", "a t1 reading", None, None),
    ("name", "The S&P 500 fell", None, None),
    ("name", "the Nasdaq 100 index", None, None),
    ("name", "Site 200 was sealed", None, None),
    ("name", "Route 9 closed", None, None),
    ("name", "Alaska Airlines Flight 1282 landed", "calendar-year", None),
    ("name", "the jet, flight 1282, returned", "calendar-year", None),
    ("name", "a crowd at gate 23 waited", "count", None),
    ("name", "An Air India Boeing 787-8 Dreamliner crashed", "tally", None),
    ("name", "the first fatal crash of Boeing’s 787 Dreamliner", "count", None),
    ("name", "a one-on-one meeting", None, None),
    ("name", "face-to-face talks", None, None),
    ("name", "a step-by-step guide", None, None),
    ("address", "at 4410 N. Elm Street", None, None),
    ("address", "1200 Ocean Avenue", None, None),
    ("address", "221 Baker Street", None, None),
    ("place count", "At Terminal 5 the queue grew", None, None),
    ("place count", "the Airbus 380 jets", None, None),
    ("age", "In Paiporta, 62 people died", "age", None),
    ("age", "The toll in Valencia is 62.", "age", None),
    ("age", "On Tuesday, 15, were found", "age", None),
    ("age", "The death toll is 62.", "age", None),
    ("age", "prices rose from 27 to 56", "age", None),
    ("age", "a 30-year contract", "age", None),
    ("glued letters", "the 49ers won", None, None),
    ("glued letters", "a 76ers guard scored", None, None),
    ("glued letters", "he was seated in row 11A", None, None),
    ("glued letters", "5G towers went up", None, None),
]
FORMS = {
    "unit fraction", "clock", "tally", "part of a whole", "name", "address", "place count", "age",
    "glued letters", "fraction after a number",
}  # fmt: skip


@pytest.mark.parametrize(("form", "phrase", "dimension", "qualifier", "lo", "hi"), FORM_READS)
def test_form_reads_to_its_range(
    form: str, phrase: str, dimension: str, qualifier: str, lo: float, hi: float
) -> None:
    found = read_figures(phrase)
    assert len(found) == 1, found
    q = found[0]
    assert (q.dimension, q.qualifier) == (dimension, qualifier)
    assert q.lo == pytest.approx(lo) and q.hi == pytest.approx(hi)
    assert phrase[q.start : q.end] == q.text


@pytest.mark.parametrize(("form", "phrase", "dimension", "value"), FORM_NOT)
def test_form_is_not_misread(
    form: str, phrase: str, dimension: str | None, value: float | None
) -> None:
    found = read_figures(phrase)
    if dimension is None:
        assert [q for q in found if q.dimension not in ("ordinal", "calendar-year")] == []
    else:
        assert [q for q in found if q.dimension == dimension and value in (None, q.value)] == []


def test_every_form_has_examples_both_ways() -> None:
    assert {row[0] for row in FORM_READS} == FORMS == {row[0] for row in FORM_NOT}
    for form in FORMS:
        assert sum(row[0] == form for row in FORM_READS) >= 2, form
        assert sum(row[0] == form for row in FORM_NOT) >= 2, form
    phrases = [row[1] for row in FORM_READS] + [row[1] for row in FORM_NOT]
    assert len(set(phrases)) == len(phrases) - 2  # two rows of each table read one phrase


def test_part_counts_what_the_whole_counts() -> None:
    (q,) = read_figures("Seven of the 10 judges agreed")
    assert (q.value, q.following[0]) == (7, stem("judges"))


def test_tally_describes_both_sides() -> None:
    assert _one("the board voted 7 to 2").describe() == "7–2"
    assert _one("30 basis points").describe() == "30 basis points"


def test_a_point_is_no_share() -> None:
    assert _one("cut by half a point").dimension != _one("unemployment at 4.5%").dimension


@pytest.mark.parametrize(
    ("value", "unit", "claimed", "agrees"),
    [
        ("11–1", "tally", "voted 11 to 1", True),
        ("11-1", "tally", "a 10-2 vote", False),
        ("half a percentage point", "percentage points", "50 basis points", True),
        (50, "basis points", "a half-point", True),
        (0.25, "percentage points", "half a point", False),
        ("at least a quarter point", "percentage points", "a half-point", True),
    ],
)
def test_registry_values_of_the_new_forms(
    value: object, unit: str, claimed: str, agrees: bool
) -> None:
    source, claim = make_quantity(value, unit), _one(claimed)
    assert source.dimension == claim.dimension
    assert agree(source.dimension, (source.lo, source.hi), (claim.lo, claim.hi)) is agrees


@pytest.mark.parametrize("text", ["rose from 5% to 7%", "fell 3% to 2%", "grew 5% to 7 million"])
def test_two_figures_with_units_are_no_range(text: str) -> None:
    # A change ("from 5% to 7%"), a fall, or two units: each end is its own figure.
    assert len(read_figures(text)) == 2, read_figures(text)


# Who won a tally, as the words around it write it: (text, winner, loser), or
# None for a result whose sides are not written.
SIDES: list[tuple[str, str, str] | tuple[str, None, None]] = [
    ("The Chiefs beat the 49ers 25-22.", "chiefs", "49ers"),
    ("The Chiefs rallied to beat the San Francisco 49ers 25-22.", "chiefs", "49ers"),
    (
        "The Kansas City Chiefs scored a 25-22 overtime victory against the 49ers.",
        "chiefs",
        "49ers",
    ),
    ("Harlow United lost to Dunmore 2-1.", "dunmore", "harlow"),
    ("Dunmore won 2-1.", None, None),
    ("The vote was 11-1.", None, None),
]


@pytest.mark.parametrize(("text", "winner", "loser"), SIDES)
def test_sides_of_a_tally(text: str, winner: str | None, loser: str | None) -> None:
    from factcheck.figures.sides import sides

    found = sides(text)
    if winner is None:
        assert found is None
    else:
        assert found is not None and winner in found[0] and loser in found[1], found


def test_sides_have_examples_of_each_way_of_writing_a_result() -> None:
    assert any(w is None for _, w, _ in SIDES)
    assert {"beat", "against", "lost to"} <= {
        k for text, w, _ in SIDES if w for k in ("beat", "against", "lost to") if k in text
    }


TALLY = """schema = 1
[[sources]]
id = "a"
outlet = "A"
date = "2026-02-11"

[[figures]]
id = "final"
subject = "the final"
keywords = []
value = "25–22"
unit = "tally"
  [[figures.reports]]
  source = "a"
  value = "25–22"
  text = "25-22"
  sentence = "The Harlow Chiefs rallied to beat the Dunmore Miners 25-22 in the county final."
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The Harlow Chiefs beat the Dunmore Miners 25-22 in the county final.", Verdict.SUPPORTED),
        (
            "The Dunmore Miners beat the Harlow Chiefs 25-22 in the county final.",
            Verdict.CONTRADICTED,
        ),
        (
            "The Dunmore Miners lost to the Harlow Chiefs 25-22 in the county final.",
            Verdict.SUPPORTED,
        ),
        ("The Harlow Chiefs won the county final 25-22.", Verdict.SUPPORTED),
    ],
)
def test_a_score_with_the_win_given_to_the_loser_is_contradicted(
    claim: str, verdict: Verdict
) -> None:
    from factcheck.registry.loader import parse_registry
    from factcheck.verdicts.engine import check

    registry, problems = parse_registry(TALLY, "tally.toml")
    assert problems == []
    result = check(claim, registry)
    assert result.verdict is verdict, result.reasons


def test_a_final_score_is_no_running_total() -> None:
    from factcheck.ingest.propose import propose
    from factcheck.model import Source
    from factcheck.registry.loader import parse_registry

    empty, _ = parse_registry("schema = 1\n", "new.toml")
    source = Source("herald", "Herald", "", "", "2026-02-11", "", "")
    proposal = propose("The Harlow Chiefs beat the Dunmore Miners 25-22.", empty, source)
    (score,) = [f for f in proposal.figures if f.unit == "tally"]
    assert not score.series


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("a 77% raise over six years", "exact"),
        ("a deal worth $5bn over 10 years", "exact"),
        ("lived in the complex for over 14 years", "over"),
        ("The strike lasted over three days", "over"),
        ("Over 14 years, he", "over"),
    ],
)
def test_over_a_span_of_time_is_during_it_after_what_is_spread(text: str, qualifier: str) -> None:
    (span,) = [q for q in read_figures(text) if q.dimension == "duration"]
    assert span.qualifier == qualifier


def test_what_a_count_counts_stops_at_a_joining_word() -> None:
    two, *_ = read_figures("killing two aboard and a person in the truck")
    assert two.following == ("aboard",)


@pytest.mark.parametrize(
    ("text", "following"),
    [
        # A person's name after the number is not what it counts.
        ("less than the 419 Tony Blair won in 1997", ()),
        # A plural, or a name before the noun, still is.
        ("5 Democrats voted", ("democrat", "vot")),
        ("12 Premier League titles", ("premier", "league", "title")),
        ("30 Boeing machinists struck", ("boe", "machinist", "strike")),
    ],
)
def test_a_persons_name_after_a_count_is_not_what_it_counts(
    text: str, following: tuple[str, ...]
) -> None:
    assert read_figures(text)[0].following == following


@pytest.mark.parametrize(
    ("text", "following"),
    [
        # A place or a time right after a bare count is not what it counts.
        ("lost 251 seats, including 12 in Wales", ()),
        ("with 40 at the scene", ()),
        # A part of a whole still counts the whole's noun.
        ("17 of the passengers were hurt", ("passenger", "hurt")),
    ],
)
def test_a_preposition_after_a_bare_count_starts_where_not_what(
    text: str, following: tuple[str, ...]
) -> None:
    assert read_figures(text)[-1].following == following


def test_by_a_change_to_a_level_is_two_figures_not_a_range() -> None:
    change, level = read_figures("Marrow revised its count up by 55,000 to 144,000 jobs.")
    assert (change.value, level.value, level.lo) == (55000, 144000, 143500)
    (span,) = read_figures("It cut rates by 25 to 50 basis points.")
    assert (span.lo, span.hi) == (0.25, 0.5)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # A doubled consonant before -ing or -ed is the word's own single one.
        ("winning", "wins", True),
        ("stopped", "stop", True),
        ("committed", "commit", True),
        # A doubled letter of the word itself stays.
        ("adding", "add", True),
        ("falling", "fall", True),
        ("adding", "ad", False),
        # A noun of the act in -kage or -ppage meets its verb; not every -age word.
        ("blockage", "blocking", True),
        ("stoppage", "stopped", True),
        ("package", "pack", False),
        ("village", "vill", False),
    ],
)
def test_stems_meet_across_endings(a: str, b: str, same: bool) -> None:
    from factcheck.text import stem

    assert (stem(a) == stem(b)) is same


def test_only_a_describing_word_stands_between_a_number_and_its_span_of_time() -> None:
    # "school" names what is counted; "harrowing" only describes the days.
    (buses,) = read_figures("Two school buses waited.")
    assert (buses.dimension, buses.following[:1]) == ("count", ("school",))
    (days,) = read_figures("Three more weeks of talks.")
    assert (days.dimension, days.unit) == ("duration", "weeks")
