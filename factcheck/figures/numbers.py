"""Numbers written in digits or in words, cardinal and ordinal."""

from __future__ import annotations

import re

ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
MULTIPLIERS = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}

ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
}

NUMBER_WORDS = frozenset(ONES) | frozenset(TENS) | frozenset(MULTIPLIERS) | {"dozen", "a", "and"}

# Digits with thousands separators (comma, space, thin or no-break space) or a decimal point.
_GROUPED = re.compile(r"^\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_SEPARATOR = re.compile(r"[,\u00a0\u202f\u2009 ]")


def parse_digits(text: str) -> tuple[float, float] | None:
    """Value and precision of a numeral: "4,200" -> (4200, 100); "1.5" -> (1.5, 0.1).

    The precision is the place of the last significant digit, which is what
    a writer rounded to. Trailing zeros of an integer are taken as rounding.
    """
    if _GROUPED.match(text):
        clean = _SEPARATOR.sub("", text)
    elif _PLAIN.match(text):
        clean = text
    else:
        return None
    if "." in clean:
        decimals = len(clean.split(".")[1])
        return float(clean), 10.0**-decimals
    value = int(clean)
    return float(value), float(trailing_precision(value))


def parse_number_words(tokens: list[str]) -> tuple[float, float, int] | None:
    """Read a cardinal from number words at the start of `tokens`.

    Returns (value, precision, number of tokens used), or None. Handles
    "sixteen", "twenty-five" (as "twenty", "five"), "one hundred thousand",
    "a hundred", "a dozen", "two and a half" is left alone.
    """
    total = 0
    current = 0
    used = 0
    seen_number = False
    for i, raw in enumerate(tokens):
        tok = raw.lower()
        if tok in ONES:
            current += ONES[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok == "hundred" and seen_number:
            current = max(current, 1) * 100
        elif tok in MULTIPLIERS and tok != "hundred" and seen_number:
            total += max(current, 1) * MULTIPLIERS[tok]
            current = 0
        elif tok == "dozen" and seen_number:
            current = max(current, 1) * 12
        elif tok == "a" and not seen_number and i + 1 < len(tokens):
            nxt = tokens[i + 1].lower()
            if nxt not in ("hundred", "thousand", "million", "billion", "dozen"):
                break
            current = 1
            used = i + 1
            seen_number = True  # "a million": the scale word that follows needs a number
            continue
        elif (
            tok == "and"
            and seen_number
            and i + 1 < len(tokens)
            and tokens[i + 1].lower() in ONES | TENS
        ):
            used = i + 1
            continue
        else:
            break
        seen_number = True
        used = i + 1
    if not seen_number:
        return None
    value = total + current
    return float(value), float(trailing_precision(value)), used


def ordinal_value(word: str) -> int | None:
    """ "third" -> 3, "twenty-first" is read by the caller as "twenty" + "first"."""
    return ORDINAL_WORDS.get(word.lower())


ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th)$", re.IGNORECASE)


def trailing_precision(value: int) -> int:
    """The place of the last non-zero digit: 4200 -> 100, 16 -> 1, 0 -> 1."""
    precision = 1
    while value and value % (precision * 10) == 0:
        precision *= 10
    return precision
