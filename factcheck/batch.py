"""Batch input: claims from JSON Lines, CSV or plain text, one row per line.

Pure parsing: the caller reads the file. A row that cannot be read becomes
an error row, so the run goes on and the output keeps one row per input row.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from factcheck.limits import MAX_CLAIM
from factcheck.suggest import did_you_mean

# csv refuses cells over 128 kB with an exception; a long cell is an error row instead.
CSV_FIELD_LIMIT = 16 * 1024 * 1024


@dataclass(frozen=True)
class Row:
    id: str
    claim: str
    line: int
    error: str = ""


def sniff_format(name: str, first_line: str) -> str:
    lower = name.lower()
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith((".txt", ".text", ".md")):
        return "text"
    stripped = first_line.lstrip("\ufeff").strip()
    if stripped.startswith("{"):
        return "jsonl"
    if "claim" in [c.strip().lower() for c in stripped.split(",")] and "," in stripped:
        return "csv"
    return "text"


def split_lines(text: str) -> list[str]:
    """Lines as JSON Lines and CSV mean them: only \n ends one. (str.splitlines would
    also cut at a form feed or U+2028, which a JSON string may hold.)"""
    lines = [line + "\n" for line in text.split("\n")]
    if lines[-1] == "\n":
        lines.pop()  # the text ended with a line end, or was empty
    return lines


def read_rows(lines: Iterable[str], fmt: str, path: str = "<stdin>") -> Iterator[Row]:
    if fmt == "jsonl":
        yield from _jsonl(lines, path)
    elif fmt == "csv":
        yield from _csv(lines, path)
    else:
        yield from _text(lines)


def _printable(text: str) -> str:
    """`text` with lone surrogates (JSON's "\\udfff") written as escapes: no output
    format can encode them."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _checked(row_id: str, claim: object, line: int, where: str) -> Row:
    row_id = _printable(row_id)
    if isinstance(claim, str) and any("\ud800" <= c <= "\udfff" for c in claim):
        return Row(
            row_id,
            _printable(claim[:80]),
            line,
            f"{where}: field 'claim' holds a lone surrogate, not text",
        )
    if not isinstance(claim, str):
        return Row(row_id, "", line, f"{where}: field 'claim' is missing or not a string")
    if not claim.strip():
        return Row(row_id, claim, line, f"{where}: field 'claim' is empty")
    if len(claim) > MAX_CLAIM:
        return Row(
            row_id,
            claim[:80] + "…",
            line,
            f"{where}: field 'claim' has {len(claim):,} characters; the limit is {MAX_CLAIM:,}",
        )
    return Row(row_id, claim, line)


def _jsonl(lines: Iterable[str], path: str) -> Iterator[Row]:
    for number, raw in enumerate(lines, start=1):
        if _blank(raw):
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield Row(str(number), "", number, f"{where}:{exc.colno}: not valid JSON: {exc.msg}")
            continue
        except (ValueError, RecursionError) as exc:  # a 5,000-digit number; [[[[…]]]] nested deep
            yield Row(str(number), "", number, f"{where}: not readable JSON: {_short(exc)}")
            continue
        if not isinstance(data, dict):
            yield Row(
                str(number), "", number, f"{where}: expected a JSON object with a 'claim' field"
            )
            continue
        row_id = data.get("id")
        yield _checked(
            str(row_id) if row_id is not None else str(number), data.get("claim"), number, where
        )


def _csv(lines: Iterable[str], path: str) -> Iterator[Row]:
    previous_limit = csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        yield from _csv_rows(list(lines), path)
    finally:
        csv.field_size_limit(previous_limit)


def _csv_rows(lines: list[str], path: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO("".join(lines)))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield Row("1", "", 1, f"{path}:1: not readable CSV: {exc}")
        return
    if header is None:
        return
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "claim" not in names:
        yield Row(
            "1",
            "",
            1,
            f"{path}:1: the CSV header has no 'claim' column (it has: {', '.join(names)})"
            + did_you_mean("claim", names),
        )
        return
    ci = names.index("claim")
    ii = names.index("id") if "id" in names else None
    number, base, rows = 1, 0, 0
    while True:
        number += 1  # the line the record starts on: a quoted cell may span lines
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Row(str(number), "", number, f"{path}:{number}: not readable CSV: {exc}")
            number = base + getattr(reader, "line_num", number)
            continue
        start, number = number, base + getattr(reader, "line_num", number)
        rows += 1
        if number > start and "".join(lines[start - 1 : number]).count('"') % 2:
            # A quote never closed runs to the end of the file: report it, and read
            # the lines it swallowed as rows of their own.
            yield Row(
                str(start), "", start,
                f"{path}:{start}: a quoted cell opened on this line is never closed",
            )  # fmt: skip
            base = number = start
            reader = csv.reader(io.StringIO("".join(lines[start:])))
            continue
        if not any(cell.strip() for cell in record):
            continue
        row_id = record[ii] if ii is not None and ii < len(record) and record[ii] else str(start)
        claim = record[ci] if ci < len(record) else None
        yield _checked(row_id, claim, start, f"{path}:{start}")
    if not rows:
        yield Row("1", "", 1, f"{path}:1: the CSV has a header and no rows; nothing to check")


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 80 else text[:79] + "…"


def _text(lines: Iterable[str]) -> Iterator[Row]:
    for number, raw in enumerate(lines, start=1):
        if not _blank(raw):
            yield _checked(str(number), raw.strip(" \t\r\n\ufeff"), number, f"line {number}")


def _blank(line: str) -> bool:
    """Nothing on the line but spaces and byte-order marks: not a row."""
    return not line.replace("\ufeff", "").strip()
