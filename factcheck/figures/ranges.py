"""What range of true values a written figure stands for, and when two agree.

Writers round, and qualify: "about 4,200 km" is a rounding of 4,209 km,
"more than 100,000" is not 300,000. Each written figure becomes an interval
of values it is consistent with; two figures agree when their intervals
overlap. The rules, in one place so they can be read and argued with:

- exact "4,200": rounded to its last significant digit, but never more
  loosely than 2.5% either way ("10" is 9.75–10.25, not 5–15);
- "about/some/around/roughly": the same rounding without the 2.5% cap
  (still at most 15%) and at least 2% either way;
- "nearly/almost": up to 10% (or one rounding step) below, never above;
- "over/more than/at least": above, by at most half again or one rounding
  step, whichever is more ("more than 20" is 20–30);
- "under/less than/up to": the mirror image;
- vague ("tens of thousands"): the decade it names;
- ordinals, calendar years and dates compare exactly.
"""

from __future__ import annotations

from factcheck.figures.units import EXACT_DIMENSIONS, split_date

EXACT_SLACK = 0.025
ABOUT_MIN = 0.02
ABOUT_MAX = 0.15
NEARLY = 0.10
OVER = 0.5

VAGUE = {
    ("dozens",): (24.0, 100.0),
    ("scores",): (40.0, 100.0),
    ("hundreds",): (100.0, 1000.0),
    ("thousands",): (1e3, 1e4),
    ("tens", "of", "thousands"): (1e4, 1e5),
    ("hundreds", "of", "thousands"): (1e5, 1e6),
    ("millions",): (1e6, 1e7),
    ("tens", "of", "millions"): (1e7, 1e8),
    ("hundreds", "of", "millions"): (1e8, 1e9),
    ("billions",): (1e9, 1e10),
}

QUALIFIERS: dict[tuple[str, ...], str] = {
    ("more", "than"): "over",
    ("over",): "over",
    ("above",): "over",
    ("exceeding",): "over",
    ("in", "excess", "of"): "over",
    ("upwards", "of"): "over",
    ("just", "over"): "over",
    ("well", "over"): "over",
    ("at", "least"): "at least",
    ("no", "fewer", "than"): "at least",
    ("no", "less", "than"): "at least",
    ("some",): "about",
    ("about",): "about",
    ("around",): "about",
    ("roughly",): "about",
    ("approximately",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("circa",): "about",
    ("close", "to"): "about",
    ("nearly",): "nearly",
    ("almost",): "nearly",
    ("just", "under"): "nearly",
    ("just", "shy", "of"): "nearly",
    ("less", "than"): "under",
    ("fewer", "than"): "under",
    ("under",): "under",
    ("below",): "under",
    ("up", "to"): "at most",
    ("as", "many", "as"): "at most",
    ("as", "much", "as"): "at most",
    ("at", "most"): "at most",
    ("no", "more", "than"): "at most",
}
QUALIFIER_NAMES = frozenset(QUALIFIERS.values()) | {"exact", "vague"}
# Read from text only ("8 to 10 feet"): its interval is the two ends as written.
RANGE = "range"
AGE = "age"  # the dimension of "years old" (figures/units.py)
# Qualifiers that give only one end of a value ("more than 15", "up to 25").
LOWER_BOUNDS = frozenset({"over", "at least"})
UPPER_BOUNDS = frozenset({"under", "at most"})
BOUNDS = LOWER_BOUNDS | UPPER_BOUNDS
MAX_QUALIFIER_WORDS = max(len(k) for k in QUALIFIERS)


def interval(value: float, precision: float, qualifier: str, dimension: str) -> tuple[float, float]:
    """The values a figure written as `value` (rounded to `precision`) stands for."""
    if dimension in EXACT_DIMENSIONS or (dimension == AGE and qualifier == "exact"):
        return value, value  # an age is said in whole years: "39" is not "38.6"
    v = abs(value)
    step = precision / 2
    if qualifier == "about":
        half = max(min(step, ABOUT_MAX * v), ABOUT_MIN * v)
        return v - half, v + half
    if qualifier == "nearly":
        return v - max(min(step, ABOUT_MAX * v), NEARLY * v), v
    # "More than 15" leaves out 15 itself, so it starts where a written 15 ends.
    # A round bound ("over 100,000") does not: "100,000 troops" is a rounding of it.
    open_end = min(step, EXACT_SLACK * v) if v and precision <= 1 else 0.0
    if qualifier == "over":
        return v + open_end, v + max(precision, OVER * v)
    if qualifier == "at least":
        return v, v + max(precision, OVER * v)
    if qualifier == "under":
        return max(0.0, v - max(precision, OVER * v)), v - open_end
    if qualifier == "at most":
        return max(0.0, v - max(precision, OVER * v)), v
    half = min(step, EXACT_SLACK * v) if v else step
    return v - half, v + half


def agree(dimension: str, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two figures of one dimension can both be true."""
    if dimension == AGE:
        return _ages_agree(a, b)
    if dimension in EXACT_DIMENSIONS and (a[0] != a[1] or b[0] != b[1]):
        return _spans_meet(dimension, a, b)
    if dimension == "date":
        return dates_agree(a[0], b[0])
    if dimension in EXACT_DIMENSIONS:
        return a[0] == b[0]
    return max(a[0], b[0]) < min(a[1], b[1])


def _ages_agree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """A span of ages ("aged 27 to 56") is a group's youngest and oldest, not an
    uncertainty: another span is another group. One age agrees with a span that
    holds it ("a 40-year-old" among those "aged 40 to 77")."""
    if a[0] != a[1] and b[0] != b[1]:
        return a == b
    return max(a[0], b[0]) <= min(a[1], b[1])


def dates_agree(x: float, y: float) -> bool:
    """Dates agree on every part both of them give (a date without a year fits any year)."""
    return all(p == q or not p or not q for p, q in zip(split_date(x), split_date(y), strict=True))


def _spans_meet(dimension: str, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """A span of years or dates ("2021–22", "February 4-20") meets what it contains.

    A date without a year is compared by month and day only.
    """
    if dimension == "date" and not (split_date(a[0])[0] and split_date(b[0])[0]):
        a = (a[0] % 10000, a[1] % 10000)
        b = (b[0] % 10000, b[1] % 10000)
    return max(a[0], b[0]) <= min(a[1], b[1])
