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

MAX_CLAIM = 10_000  # characters; a longer "claim" is a pasted article, not a claim


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


def read_rows(lines: Iterable[str], fmt: str, path: str = "<stdin>") -> Iterator[Row]:
    if fmt == "jsonl":
        yield from _jsonl(lines, path)
    elif fmt == "csv":
        yield from _csv(lines, path)
    else:
        yield from _text(lines)


def _checked(row_id: str, claim: object, line: int, where: str) -> Row:
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
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield Row(str(number), "", number, f"{where}:{exc.colno}: not valid JSON: {exc.msg}")
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
    reader = csv.reader(io.StringIO("".join(lines)))
    header = next(reader, None)
    if header is None:
        return
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "claim" not in names:
        yield Row(
            "1",
            "",
            1,
            f"{path}:1: the CSV header has no 'claim' column (it has: {', '.join(names)})",
        )
        return
    ci = names.index("claim")
    ii = names.index("id") if "id" in names else None
    for number, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue
        row_id = record[ii] if ii is not None and ii < len(record) and record[ii] else str(number)
        claim = record[ci] if ci < len(record) else None
        yield _checked(row_id, claim, number, f"{path}:{number}")


def _text(lines: Iterable[str]) -> Iterator[Row]:
    for number, raw in enumerate(lines, start=1):
        claim = raw.strip().lstrip("\ufeff")
        if claim:
            yield _checked(str(number), claim, number, f"line {number}")
