"""Build a Quantity from a registry's value, unit and qualifier."""

from __future__ import annotations

from factcheck.figures.numbers import trailing_precision
from factcheck.figures.ranges import QUALIFIER_NAMES, RANGE, interval
from factcheck.figures.reader import read_value
from factcheck.figures.units import UNITS, canonical_unit, dimension_of, factor_of
from factcheck.model import Quantity
from factcheck.text import stem, stems


class QuantityError(ValueError):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def make_quantity(value: object, unit: str, qualifier: str = "exact") -> Quantity:
    """A registry figure: a number, or words the figure reader understands."""
    if qualifier not in QUALIFIER_NAMES:
        raise QuantityError(
            f"qualifier {qualifier!r} is not one of {', '.join(sorted(QUALIFIER_NAMES))}",
            "qualifier",
        )
    if not unit or not unit.strip():
        raise QuantityError("missing unit", "unit")
    unit = registry_unit(unit)
    if isinstance(value, list):
        return _from_pair(value, unit)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise QuantityError(f"value {value!r} is neither a number nor a figure in words", "value")
    if isinstance(value, str):
        return _from_words(value, unit)
    return _from_number(float(value), unit, qualifier)


def registry_unit(written: str) -> str:
    """The canonical unit for any way the figure reader knows of writing it.

    An editor may write "%", "per cent" or "kilometres" in the registry; left
    as written, such a unit would be taken for a counted noun.
    """
    written = written.strip()
    if written in UNITS:
        return written
    unit = canonical_unit(tuple(written.split())) or written
    if unit not in UNITS and not stems(unit):
        raise QuantityError(f"unit {written!r} is neither a known unit nor a counted noun", "unit")
    return unit


def _from_number(value: float, unit: str, qualifier: str) -> Quantity:
    dimension = dimension_of(unit)
    precision = float(trailing_precision(int(value))) if value == int(value) else _decimals(value)
    lo, hi = interval(value, precision, qualifier, dimension)
    factor = factor_of(unit)
    following = (stem(unit),) if dimension == "count" else ()
    return Quantity(
        value, unit, dimension, qualifier, lo * factor, hi * factor, following=following
    )


def _from_pair(pair: list[object], unit: str) -> Quantity:
    """A source's range, `value = [8, 10]`: every value from one end to the other."""
    if len(pair) != 2 or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in pair
    ):
        raise QuantityError(f"a range value is two numbers, [low, high], not {pair!r}", "value")
    low, high = (float(v) for v in pair)  # type: ignore[arg-type]
    if not low < high:
        raise QuantityError(f"range {pair!r}: the low end must come first and be smaller", "value")
    return _spread(_from_number(low, unit, "exact"), low, high, unit)


def _spread(q: Quantity, low: float, high: float, unit: str) -> Quantity:
    factor = factor_of(unit)
    return Quantity(**{**q.__dict__, "qualifier": RANGE, "lo": low * factor, "hi": high * factor})


def _decimals(value: float) -> float:
    text = repr(value)
    return 10.0 ** -len(text.split(".")[1]) if "." in text else 1.0


def _from_words(text: str, unit: str) -> Quantity:
    read = read_value(text)
    if read is None:
        raise QuantityError(f"value {text!r} does not read as a figure", "value")
    dimension = dimension_of(unit)
    if read.dimension == "count" and dimension == "count":
        # "tens of thousands" of whatever the figure counts
        return Quantity(**{**read.__dict__, "unit": unit, "following": (stem(unit),)})
    if read.dimension == "count" and not read.unit and read.qualifier == RANGE:
        # "8 to 10" with unit "ft": the reader saw no unit, the registry gives it
        return _spread(_from_number(read.value, unit, "exact"), read.lo, read.hi, unit)
    if read.dimension != dimension:
        raise QuantityError(
            f"value {text!r} reads as {read.dimension}, but the unit {unit!r} is {dimension}",
            "value",
        )
    return read
