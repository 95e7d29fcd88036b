"""Read a registry file into the model, collecting every problem with its line.

`parse_registry` is pure (text in, registry and problems out); `read_registry`
adds the file reading. Every problem is an InputError naming file, line and
field, so `factcheck registry check` can list them all at once.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck.errors import InputError, RegistryError, RegistryProblems
from factcheck.figures.quantities import QuantityError, make_quantity
from factcheck.model import (
    Figure,
    FigureReport,
    Quotation,
    QuoteReport,
    Registry,
    Source,
    Speaker,
)
from factcheck.registry.locate import Path as KeyPath
from factcheck.registry.locate import index_lines, line_of
from factcheck.registry.reading import decode_registry, read_registry_bytes
from factcheck.suggest import did_you_mean

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

SCHEMA = 1
TOP_KEYS = {"schema", "sources", "speakers", "quotations", "figures"}
SPEAKER_KINDS = {"person", "document", "organisation"}
_DIGITS = re.compile(r"\d+")
MAX_MESSAGE = 300  # characters of one problem line: a value of a megabyte is cut
# An id is one word: reports cite it, `ignore` lists and suppression comments
# name it, and a space or a quotation mark in it would not survive those.
_ID = re.compile(r"\w[\w.:-]*")
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


class _Collector:
    """Gathers problems for one file, each placed at its line."""

    def __init__(self, path: str, lines: dict[KeyPath, int]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[InputError] = []

    def add(self, where: KeyPath, message: str) -> None:
        field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in where).lstrip(".")
        self.problems.append(
            InputError(message, self.path, line_of(self.lines, where), field=field)
        )

    def text(self, table: dict[str, Any], where: KeyPath, key: str, required: bool = True) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.add((*where, key), f"missing field '{key}'")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.add((*where, key), f"'{key}' must be a non-empty string")
            return ""
        return value

    def strings(self, table: dict[str, Any], where: KeyPath, key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.add((*where, key), f"'{key}' must be a list of non-empty strings")
            return ()
        return tuple(value)


def id_problem(value: str) -> str:
    """What is wrong with `value` as a source, speaker or entry id ("" if nothing)."""
    if _ID.fullmatch(value):
        return ""
    return f"id {value!r} is not one word of letters, digits and . _ - : (e.g. s005-gazette)"


def read_registry(path: str | Path) -> tuple[Registry, list[InputError]]:
    """Read and parse a registry file; raise RegistryError if it cannot be read at all."""
    name = str(path)
    return parse_registry(decode_registry(read_registry_bytes(path), name), name)


# The one problem an ingest may start from: the registry it fills is empty.
NOTHING_IN_IT = "the registry has no quotations and no figures"


def parse_registry(text: str, path: str = "<registry>") -> tuple[Registry, list[InputError]]:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, path, text) from exc
    except RecursionError as exc:  # arrays or inline tables nested hundreds deep
        line = _line_of_max(text, lambda t: t.count("[") + t.count("{"))
        raise RegistryError("TOML: arrays or tables nested too deeply to read", path, line) from exc
    except ValueError as exc:  # an integer of 4,301 digits or more
        line = _line_of_max(text, lambda t: max(map(len, _DIGITS.findall(t)), default=0))
        raise RegistryError("TOML: an integer of over 4,300 digits; not read", path, line) from exc
    col = _Collector(path, index_lines(text))
    _check_top(raw, col)
    sources = _build_all(raw, "sources", col, _source)
    speakers = _build_all(raw, "speakers", col, _speaker)
    known = _Known(set(sources), set(speakers))
    quotations = _build_list(raw, "quotations", col, lambda t, w: _quotation(t, w, col, known))
    figures = _build_list(raw, "figures", col, lambda t, w: _figure(t, w, col, known))
    _check_unique_ids(raw, col)
    registry = Registry(
        path=path,
        sources=sources,
        speakers=speakers,
        quotations=tuple(quotations),
        figures=tuple(figures),
    )
    if not quotations and not figures and not col.problems:
        col.add((), NOTHING_IN_IT)
    return registry, col.problems


def load_registry(path: str | Path | None = None) -> Registry:
    """Read a registry and raise RegistryProblems if anything in it is wrong."""
    from factcheck.registry.discover import find_registry

    registry, problems = read_registry(path if path is not None else find_registry())
    if problems:
        raise RegistryProblems(problems)
    return registry


def _line_of_max(text: str, measure: Callable[[str], int]) -> int:
    """The line (from 1) where `measure` is largest: where an unreadable value sits."""
    lines = text.splitlines() or [""]
    return max(range(len(lines)), key=lambda i: measure(lines[i])) + 1


def _toml_error(exc: Exception, path: str, text: str) -> RegistryError:
    message = str(exc)
    match = _TOML_POS.search(message)
    line, column = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    if "(at end of document)" in message:
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    message = _TOML_POS.sub("", message).replace("(at end of document)", "").strip()
    return RegistryError(f"TOML syntax: {message}", path, line, column)


class _Known:
    def __init__(self, sources: set[str], speakers: set[str]) -> None:
        self.sources = sources
        self.speakers = speakers


def _check_top(raw: dict[str, Any], col: _Collector) -> None:
    for key in raw:
        if key not in TOP_KEYS:
            col.add((key,), f"unknown top-level key '{key}'{did_you_mean(key, TOP_KEYS)}")
    schema = raw.get("schema", SCHEMA)
    if schema != SCHEMA:
        col.add(("schema",), f"schema {schema!r} is not supported (expected {SCHEMA})")


def _tables(
    raw: dict[str, Any], name: str, col: _Collector
) -> list[tuple[dict[str, Any], KeyPath]]:
    value = raw.get(name, [])
    if not isinstance(value, list):
        col.add((name,), f"'{name}' must be an array of tables ([[{name}]])")
        return []
    out: list[tuple[dict[str, Any], KeyPath]] = []
    for i, table in enumerate(value):
        if isinstance(table, dict):
            out.append((table, (name, i)))
        else:
            col.add((name, i), f"each entry of '{name}' must be a table")
    return out


def _build_list(
    raw: dict[str, Any],
    name: str,
    col: _Collector,
    build: Callable[[dict[str, Any], KeyPath], Any],
) -> list[Any]:
    built = (build(table, where) for table, where in _tables(raw, name, col))
    return [b for b in built if b is not None]


def _build_all(
    raw: dict[str, Any],
    name: str,
    col: _Collector,
    build: Callable[[dict[str, Any], KeyPath, _Collector], Any],
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for table, where in _tables(raw, name, col):
        item = build(table, where, col)
        if item is None:
            continue
        if id_problem(item.id):
            col.add((*where, "id"), id_problem(item.id))
        if item.id in out:
            col.add((*where, "id"), f"duplicate {name[:-1]} id '{item.id}'")
        out[item.id] = item
    return out


def _source(table: dict[str, Any], where: KeyPath, col: _Collector) -> Source | None:
    sid = col.text(table, where, "id")
    outlet = col.text(table, where, "outlet")
    date = table.get("date", "")
    if not isinstance(date, str):
        date = str(date)  # a TOML date
    extra = {
        k: col.text(table, where, k, required=False) for k in ("title", "author", "file", "url")
    }
    return Source(id=sid, outlet=outlet, date=date, **extra) if sid else None


def _speaker(table: dict[str, Any], where: KeyPath, col: _Collector) -> Speaker | None:
    sid = col.text(table, where, "id")
    name = col.text(table, where, "name")
    kind = table.get("kind", "person")
    if kind not in SPEAKER_KINDS:
        col.add((*where, "kind"), f"kind must be one of {', '.join(sorted(SPEAKER_KINDS))}")
    aliases = col.strings(table, where, "aliases")
    return Speaker(sid, name, aliases, str(kind)) if sid and name else None


def _reports(
    table: dict[str, Any], where: KeyPath, col: _Collector
) -> list[tuple[dict[str, Any], KeyPath]]:
    reports = table.get("reports")
    if not isinstance(reports, list) or not reports:
        col.add((*where, "reports"), "needs at least one [[…reports]] entry naming a source")
        return []
    out = []
    for j, rep in enumerate(reports):
        rwhere = (*where, "reports", j)
        if isinstance(rep, dict):
            out.append((rep, rwhere))
        else:
            col.add(rwhere, "each report must be a table")
    return out


def _source_ref(rep: dict[str, Any], where: KeyPath, col: _Collector, known: _Known) -> str:
    source = col.text(rep, where, "source")
    if source and source not in known.sources:
        hint = did_you_mean(source, known.sources)
        col.add((*where, "source"), f"unknown source id '{source}'{hint}")
    return source


def _quotation(
    table: dict[str, Any], where: KeyPath, col: _Collector, known: _Known
) -> Quotation | None:
    qid = col.text(table, where, "id")
    speaker = col.text(table, where, "speaker")
    if speaker and speaker not in known.speakers:
        hint = did_you_mean(speaker, known.speakers)
        col.add((*where, "speaker"), f"unknown speaker id '{speaker}'{hint}")
    text = col.text(table, where, "text")
    reports = []
    for rep, rwhere in _reports(table, where, col):
        source = _source_ref(rep, rwhere, col, known)
        wording = col.text(rep, rwhere, "text", required=False) or text
        sentence = col.text(rep, rwhere, "sentence")
        reports.append(QuoteReport(source, wording, sentence))
    said = table.get("said", "")
    line = line_of(col.lines, where)
    if not (qid and text and reports):
        return None
    return Quotation(qid, speaker, text, tuple(reports), str(said), line)


def _figure(table: dict[str, Any], where: KeyPath, col: _Collector, known: _Known) -> Figure | None:
    fid = col.text(table, where, "id")
    subject = col.text(table, where, "subject")
    keywords = col.strings(table, where, "keywords")
    if not keywords and "keywords" not in table:
        col.add(
            (*where, "keywords"),
            "missing field 'keywords' (what a claim must mention to be about this figure)",
        )
    unit = col.text(table, where, "unit")
    aliases = col.strings(table, where, "unit_aliases")
    quantity = _quantity(table, where, col, unit)
    reports = []
    for rep, rwhere in _reports(table, where, col):
        source = _source_ref(rep, rwhere, col, known)
        sentence = col.text(rep, rwhere, "sentence")
        printed = col.text(rep, rwhere, "text", required=False)
        if printed and sentence and printed not in sentence:
            col.add((*rwhere, "text"), "the printed figure does not occur in its sentence")
        rq = _quantity(rep, rwhere, col, str(rep.get("unit", unit)))
        as_of = _as_of(rep, rwhere, col)
        if rq is not None:
            reports.append(FigureReport(source, rq, sentence, printed, as_of))
    if not (fid and quantity and reports) or (not keywords and "keywords" not in table):
        return None
    series = table.get("series", False)
    if not isinstance(series, bool):
        col.add((*where, "series"), f"series must be true or false, not {series!r}")
        series = False
    return Figure(
        fid,
        subject,
        keywords,
        quantity,
        tuple(reports),
        aliases,
        line_of(col.lines, where),
        series or any(r.as_of for r in reports),
    )


_AS_OF = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$")


def _as_of(rep: dict[str, Any], where: KeyPath, col: _Collector) -> str:
    """A report's explicit as-of moment: a TOML date or datetime, or ISO text."""
    value = rep.get("as_of", "")
    text = value.isoformat() if hasattr(value, "isoformat") else value
    if not isinstance(text, str) or (text and not _AS_OF.match(text)):
        col.add((*where, "as_of"), f"as_of {value!r} is not a date (YYYY-MM-DD, time optional)")
        return ""
    return text.replace(" ", "T")


def _quantity(table: dict[str, Any], where: KeyPath, col: _Collector, unit: str) -> Any:
    if "value" not in table:
        col.add((*where, "value"), "missing field 'value'")
        return None
    value = table["value"]
    if isinstance(value, float) and not math.isfinite(value):  # nan, inf, 1e400
        col.add((*where, "value"), f"value {value} is not a finite number")
        return None
    try:
        return make_quantity(value, unit, str(table.get("qualifier", "exact")))
    except QuantityError as exc:
        message = str(exc)
        if len(message) > MAX_MESSAGE:  # a value of a megabyte: the line stays readable
            message = message[: MAX_MESSAGE - 1] + "…"
        col.add((*where, exc.field), message)
        return None
    except (ArithmeticError, ValueError):  # 10**400: no float holds it
        col.add((*where, "value"), f"value {str(value)[:40]}… is too large to read as a figure")
        return None


def _check_unique_ids(raw: dict[str, Any], col: _Collector) -> None:
    seen: dict[str, KeyPath] = {}
    for name in ("quotations", "figures"):
        entries = raw.get(name, [])
        if not isinstance(entries, list):
            continue
        for i, table in enumerate(entries):
            eid = table.get("id") if isinstance(table, dict) else None
            if not isinstance(eid, str) or not eid.strip():
                continue
            if id_problem(eid):
                col.add((name, i, "id"), id_problem(eid))
            if eid in seen:
                first = line_of(col.lines, seen[eid])
                col.add((name, i, "id"), f"duplicate entry id '{eid}' (first at line {first})")
            else:
                seen[eid] = (name, i)
