"""Units, their dimensions and conversion factors, as data.

A figure is compared in its dimension's base unit (metres, cubic metres,
days, …), so "2,615 miles" and "4,209 km" meet. A count ("100,000 troops")
has no unit in this table: what it counts is the noun, and two counts only
compare when they count the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.model import Quantity

# canonical unit -> (dimension, factor to the dimension's base unit)
UNITS: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0),
    "m": ("length", 1.0),
    "cm": ("length", 0.01),
    "mm": ("length", 0.001),
    "mi": ("length", 1609.344),
    "ft": ("length", 0.3048),
    "bcm": ("volume", 1e9),
    "m3": ("volume", 1.0),
    "tonnes": ("mass", 1000.0),
    "kg": ("mass", 1.0),
    "lb": ("mass", 0.45359237),
    "oz": ("mass", 0.028349523125),
    "percent": ("percent", 1.0),
    # A percentage point is a difference of two percentages, not a share: "cut by
    # half a point" is never compared with "unemployment at 4.4%". A basis point
    # is a hundredth of one: "50 basis points" is "0.5 percentage point".
    "pp": ("percentage-points", 1.0),
    "bp": ("percentage-points", 0.01),
    "minutes": ("duration", 1 / 1440),
    "hours": ("duration", 1 / 24),
    "days": ("duration", 1.0),
    "weeks": ("duration", 7.0),
    "months": ("duration", 30.4375),
    "years": ("duration", 365.25),
    "decades": ("duration", 3652.5),
    "centuries": ("duration", 36525.0),
    "USD": ("money:USD", 1.0),
    "EUR": ("money:EUR", 1.0),
    "GBP": ("money:GBP", 1.0),
    "CNY": ("money:CNY", 1.0),
    "RUB": ("money:RUB", 1.0),
    "JPY": ("money:JPY", 1.0),
    "INR": ("money:INR", 1.0),
    "km/h": ("speed", 1.0),
    "mph": ("speed", 1.609344),
    "knots": ("speed", 1.852),
    "time": ("time-of-day", 1.0),
    "ordinal": ("ordinal", 1.0),
    "calendar-year": ("calendar-year", 1.0),
    "date": ("date", 1.0),
    "tally": ("tally", 1.0),
    # A person's (or a thing's) age: "39", "a 17-year-old", "aged 27 to 56". Not a
    # duration: "the 28-year-old quarterback" is not "28 years after the merger".
    "years old": ("age", 1.0),
}

# Dimensions compared by equality rather than by overlapping ranges.
EXACT_DIMENSIONS = frozenset({"ordinal", "calendar-year", "date", "time-of-day", "tally"})

# How units are written after a number, lower-cased, longest first where it matters.
# Each key is a tuple of words (a hyphen compound like "30-year" arrives as one word).
SURFACE: dict[tuple[str, ...], str] = {}


def _add(unit: str, *forms: str) -> None:
    for form in forms:
        SURFACE[tuple(form.split())] = unit


_add("km", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers")
_add("m", "metre", "metres", "meter", "meters")
_add("cm", "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_add("mm", "mm", "millimetre", "millimetres", "millimeter", "millimeters")
_add("mi", "mi", "mile", "miles")
_add("ft", "ft", "foot", "feet")
# Speeds before lengths matter not: the longest written form is tried first.
_add("km/h", "km / h", "kph", "km/h", "kmh", "kilometres per hour", "kilometers per hour")
_add("mph", "mph", "miles per hour", "mi / h")
_add("knots", "knot", "knots")
_add("bcm", "bcm", "bcm/y", "bcma")
_add("m3", "cubic metres", "cubic meters", "cubic metre", "cubic meter", "m3", "m³")
_add("tonnes", "tonne", "tonnes", "ton", "tons")
_add("kg", "kg", "kilogram", "kilograms", "kilogramme", "kilogrammes")
# "pounds" of weight; a scale word makes them money ("5 million pounds", below).
_add("lb", "lb", "lbs", "pound", "pounds")
_add("oz", "oz", "ounce", "ounces")
_add("percent", "%", "percent", "per cent", "pc")
_add("pp", "percentage points", "percentage point")
_add("bp", "basis point", "basis points", "bp", "bps")
_add("minutes", "minute", "minutes", "min", "mins")
_add("hours", "hour", "hours", "hr", "hrs")
_add("days", "day", "days")
_add("weeks", "week", "weeks")
_add("months", "month", "months")
_add("years", "year", "years", "yr", "yrs")
_add("years old", "year old", "years old", "year olds", "years olds")
_add("decades", "decade", "decades")
_add("centuries", "century", "centuries")
_add("USD", "dollar", "dollars", "usd")
_add("EUR", "euro", "euros", "eur")
_add("GBP", "gbp", "sterling")
_add("CNY", "yuan", "renminbi", "cny", "rmb")
_add("RUB", "rouble", "roubles", "ruble", "rubles", "rub")
_add("INR", "rupee", "rupees", "inr")

MAX_UNIT_WORDS = max(len(k) for k in SURFACE)
# Words before a number that make it an age ("aged 39", "whose ages ranged from").
# Like a unit, they say how a figure is measured, not what it is about.
AGE_CUES = frozenset({"aged", "age", "ages"})

# Symbols written before the number.
CURRENCY_PREFIX = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₽": "RUB", "₹": "INR"
}  # fmt: skip
# Currencies written as a word before the number, a space between: "Rs 615 crore",
# "Rs. 215 crore", "INR 500". Case matters: "rs" and "Inr" are no currency.
CURRENCY_WORDS = {"Rs": "INR", "INR": "INR"}

# Scale words and suffixes: "10 billion", "$100bn", "100k".
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    # The Indian system: a lakh is 100,000, a crore 10 million ("Rs 615 crore").
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
# "m" is million after a currency symbol ("$5m"), metres otherwise ("8,849 m").
CURRENCY_ONLY_SCALES = {"m": 1e6, "b": 1e9}


def dimension_of(unit: str) -> str:
    """The dimension of a canonical unit; anything else is a counted noun."""
    if unit in UNITS:
        return UNITS[unit][0]
    return "count"


def factor_of(unit: str) -> float:
    return UNITS[unit][1] if unit in UNITS else 1.0


def canonical_unit(words: tuple[str, ...]) -> str | None:
    return SURFACE.get(tuple(w.lower() for w in words))


MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
MONTH_NAMES = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# A tally ("voted 11 to 1", "a 10-2 vote", "6-6") is one figure of two whole
# numbers, the larger first (a side's loss is the other's win), each below this.
TALLY_BASE = 1000


def tally_value(a: int, b: int) -> float:
    """Both sides of a tally in one number, so that two tallies agree only when
    both sides do."""
    return float(max(a, b) * TALLY_BASE + min(a, b))


def split_tally(value: float) -> tuple[int, int]:
    return int(value) // TALLY_BASE, int(value) % TALLY_BASE


def date_value(year: int, month: int, day: int) -> float:
    """Dates are encoded as YYYYMMDD; a missing part is 0."""
    return float(year * 10000 + month * 100 + day)


def split_date(value: float) -> tuple[int, int, int]:
    v = int(value)
    return v // 10000, (v // 100) % 100, v % 100


def format_date(value: float) -> str:
    year, month, day = split_date(value)
    text = MONTH_NAMES[month] if 1 <= month <= 12 else ""
    if day:
        text = f"{text} {day}"
    if year:
        text = f"{text}, {year}" if day else f"{text} {year}"
    return text.strip()


def format_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def describe_quantity(q: Quantity) -> str:
    """A figure in plain words, as an editor would write it."""
    if q.unit == "date":
        return format_date(q.value)
    if q.unit == "calendar-year":
        return str(int(q.value))
    if q.unit == "ordinal":
        return ordinal_words(int(q.value))
    if q.unit == "tally":
        return "{}–{}".format(*split_tally(q.value))
    if q.unit == "time":
        return f"{int(q.value) // 60:02d}:{int(q.value) % 60:02d}"
    if q.qualifier == "range":
        unit = _UNIT_NAMES.get(q.unit, q.unit)
        lo, hi = q.lo / factor_of(q.unit), q.hi / factor_of(q.unit)
        return f"{format_number(lo)}–{format_number(hi)} {unit}".strip()
    prefix = {
        "exact": "",
        "about": "about ",
        "over": "more than ",
        "at least": "at least ",
        "nearly": "nearly ",
        "under": "fewer than " if dimension_of(q.unit) == "count" else "less than ",
        "at most": "up to ",
    }.get(q.qualifier, "")
    if q.qualifier == "vague":
        return q.text or f"{format_number(q.lo)}–{format_number(q.hi)} {q.unit}".strip()
    number = _scaled(q.value)
    if q.unit.startswith(("USD", "EUR", "GBP", "CNY", "RUB", "JPY", "INR")):
        return f"{prefix}{q.unit} {number}"
    unit = _UNIT_NAMES.get(q.unit, q.unit)
    return f"{prefix}{number} {unit}".strip()


_UNIT_NAMES = {
    "percent": "percent",
    "m3": "cubic metres",
    "pp": "percentage points",
    "bp": "basis points",
}


def _scaled(value: float) -> str:
    for word, factor in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= factor and (value / factor) == round(value / factor, 2):
            return f"{format_number(value / factor)} {word}"
    return format_number(value)


def ordinal_words(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# The hours of the two times of day named in words.
NAMED_HOURS = {"noon": 12, "midnight": 0}


def hour_of(hour: int, half: str) -> int:
    """An hour of a 12-hour clock ("6", "p" of "6 p.m.") on the 24-hour one."""
    return hour % 12 + (12 if half.lower() == "p" else 0)
