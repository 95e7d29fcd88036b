"""Read a registry file into the model, collecting every problem with its line.

`parse_registry` is pure (text in, registry and problems out); `read_registry`
adds the file reading. Every problem is an InputError naming file, line and
field, so `factcheck registry check` can list them all at once.
"""

from __future__ import annotations

import json
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

try:  # tomli's compiled wheel reads twice as fast as the standard library's copy of it
    import tomli

    _toml_loads = tomli.loads
    _TOML_ERRORS: tuple[type[Exception], ...] = (tomllib.TOMLDecodeError, tomli.TOMLDecodeError)
except ImportError:  # pragma: no cover - a platform without the wheel
    _toml_loads = tomllib.loads
    _TOML_ERRORS = (tomllib.TOMLDecodeError,)

SCHEMA = 1
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# A JSON Lines entry's "type", and the TOML array of tables it belongs to.
JSONL_TYPES = {
    "source": "sources",
    "speaker": "speakers",
    "quotation": "quotations",
    "figure": "figures",
}
TOP_KEYS = {"schema", "sources", "speakers", "quotations", "figures"}
SPEAKER_KINDS = {"person", "document", "organisation", "description"}
_DIGITS = re.compile(r"\d+")
MAX_MESSAGE = 300  # characters of one problem line: a value of a megabyte is cut
# An id is one word: reports cite it, `ignore` lists and suppression comments
# name it, and a space or a quotation mark in it would not survive those.
_ID = re.compile(r"\w[\w.:-]*")
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
Located = tuple[dict[str, Any], KeyPath]  # a table and where it stands in the file


class Collector:
    """Gathers problems for one file, each placed at its line."""

    def __init__(self, path: str, lines: dict[KeyPath, int], skip: int = 0) -> None:
        self.path = path
        self.lines = lines
        # JSON Lines: the line names the entry, so a field leaves out its table and index.
        self.skip = skip
        self.problems: list[InputError] = []

    def add(self, where: KeyPath, message: str) -> None:
        self.problems.append(
            InputError(message, self.path, line_of(self.lines, where), field=self.field_of(where))
        )

    def field_of(self, where: KeyPath) -> str:
        shown = where[self.skip :]
        return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in shown).lstrip(".")

    def at(self, line: int, message: str, column: int = 0, field: str = "") -> None:
        self.problems.append(InputError(message, self.path, line, column, field))

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
    """A registry from its text: TOML, or JSON Lines when the path ends in .jsonl."""
    if is_jsonl(path):
        return parse_jsonl(text, path)
    raw = parse_toml(text, path)
    col = Collector(path, index_lines(text))
    _check_top(raw, col)
    registry = validate(_Tables(raw, col), col, path)
    return registry, col.problems


def parse_toml(text: str, path: str, first_line: int = 1) -> dict[str, Any]:
    """TOML text (all of a file, or a part starting at `first_line`) as a dict; a
    syntax error raises RegistryError at its line in the file."""
    try:
        return _toml_loads(text)
    except _TOML_ERRORS as exc:
        raise _toml_error(exc, path, text, first_line - 1) from exc
    except RecursionError as exc:  # arrays or inline tables nested hundreds deep
        line = _line_of_max(text, lambda t: t.count("[") + t.count("{")) + first_line - 1
        raise RegistryError("TOML: arrays or tables nested too deeply to read", path, line) from exc
    except ValueError as exc:  # an integer of 4,301 digits or more
        line = _line_of_max(text, lambda t: max(map(len, _DIGITS.findall(t)), default=0))
        line += first_line - 1
        raise RegistryError("TOML: an integer of over 4,300 digits; not read", path, line) from exc


def is_jsonl(path: str | Path) -> bool:
    return str(path).lower().endswith(JSONL_SUFFIXES)


def parse_jsonl(text: str, path: str = "<registry>") -> tuple[Registry, list[InputError]]:
    """A registry written as JSON Lines: one source, speaker, quotation or figure a
    line, each an object with a "type" and the fields its TOML table has."""
    col = Collector(path, {}, skip=2)
    # Split at line feeds only: a JSON string may hold a raw U+2028, which splitlines() cuts.
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    groups = jsonl_tables(lines, 1, col)
    registry = validate(lambda name: groups.get(name, []), col, path)
    return registry, col.problems


def jsonl_tables(lines: list[str], first_line: int, col: Collector) -> dict[str, list[Located]]:
    """Each line's object, grouped by the table its "type" names; a line that is not
    a JSON object of a known type is a problem at its line."""
    groups: dict[str, list[Located]] = {}
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        table = _json_line(line, number, col)
        if table is None:
            continue
        name = _jsonl_type(table, number, col)
        if name:
            where = (name, number)
            col.lines[where] = number
            groups.setdefault(name, []).append((table, where))
    return groups


def _json_line(line: str, number: int, col: Collector) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except RecursionError:
        col.at(number, "JSON: nested too deeply to read")
        return None
    except ValueError as exc:  # broken JSON, or an integer of over 4,300 digits
        message = getattr(exc, "msg", str(exc))
        col.at(number, f"JSON: {message}"[:MAX_MESSAGE], getattr(exc, "colno", 0))
        return None
    if not isinstance(value, dict):
        col.at(number, "each line must be a JSON object (one entry)")
        return None
    return value


def _jsonl_type(table: dict[str, Any], number: int, col: Collector) -> str:
    kind = table.get("type")
    if kind is None and set(table) == {"schema"}:
        if table["schema"] != SCHEMA:
            col.at(number, f"schema {table['schema']!r} is not supported (expected {SCHEMA})")
        return ""
    if kind is None:
        col.at(number, f"missing field 'type' (one of {', '.join(JSONL_TYPES)})", field="type")
        return ""
    if kind not in JSONL_TYPES:
        hint = did_you_mean(str(kind), set(JSONL_TYPES)) if isinstance(kind, str) else ""
        col.at(number, f"unknown type {kind!r}{hint}", field="type")
        return ""
    return JSONL_TYPES[kind]


class _Tables:
    """The tables of each array of a parsed TOML file, each read (and its
    problems said) once."""

    def __init__(self, raw: dict[str, Any], col: Collector) -> None:
        self.raw, self.col = raw, col
        self.read: dict[str, list[Located]] = {}

    def __call__(self, name: str) -> list[Located]:
        if name not in self.read:
            self.read[name] = _tables(self.raw, name, self.col)
        return self.read[name]


def validate(tables: Callable[[str], list[Located]], col: Collector, path: str) -> Registry:
    """Every table checked and built; the problems go to `col`."""
    sources = _build_all(tables("sources"), "sources", col, _source)
    speakers = _build_all(tables("speakers"), "speakers", col, _speaker)
    known = Known(set(sources), set(speakers))
    quotations, figures = validate_entries(tables, col, known)
    check_unique_ids([*tables("quotations"), *tables("figures")], col)
    registry = Registry(
        path=path,
        sources=sources,
        speakers=speakers,
        quotations=tuple(quotations),
        figures=tuple(figures),
    )
    if not quotations and not figures and not col.problems:
        col.add((), NOTHING_IN_IT)
    return registry


def validate_entries(
    tables: Callable[[str], list[Located]], col: Collector, known: Known
) -> tuple[list[Quotation], list[Figure]]:
    """The quotations and figures, checked against the known sources and speakers."""
    quotations = [q for t, w in tables("quotations") if (q := _quotation(t, w, col, known))]
    figures = [f for t, w in tables("figures") if (f := _figure(t, w, col, known))]
    return quotations, figures


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


def _toml_error(exc: Exception, path: str, text: str, before: int = 0) -> RegistryError:
    message = str(exc)
    match = _TOML_POS.search(message)
    line, column = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    if "(at end of document)" in message:
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    message = _TOML_POS.sub("", message).replace("(at end of document)", "").strip()
    return RegistryError(f"TOML syntax: {message}", path, line + before, column)


class Known:
    def __init__(self, sources: set[str], speakers: set[str]) -> None:
        self.sources = sources
        self.speakers = speakers


def _check_top(raw: dict[str, Any], col: Collector) -> None:
    for key in raw:
        if key not in TOP_KEYS:
            col.add((key,), f"unknown top-level key '{key}'{did_you_mean(key, TOP_KEYS)}")
    schema = raw.get("schema", SCHEMA)
    if schema != SCHEMA:
        col.add(("schema",), f"schema {schema!r} is not supported (expected {SCHEMA})")


def _tables(raw: dict[str, Any], name: str, col: Collector) -> list[Located]:
    value = raw.get(name, [])
    if not isinstance(value, list):
        col.add((name,), f"'{name}' must be an array of tables ([[{name}]])")
        return []
    out: list[Located] = []
    for i, table in enumerate(value):
        if isinstance(table, dict):
            out.append((table, (name, i)))
        else:
            col.add((name, i), f"each entry of '{name}' must be a table")
    return out


def _build_all(
    tables: list[Located],
    name: str,
    col: Collector,
    build: Callable[[dict[str, Any], KeyPath, Collector], Any],
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for table, where in tables:
        item = build(table, where, col)
        if item is None:
            continue
        if id_problem(item.id):
            col.add((*where, "id"), id_problem(item.id))
        if item.id in out:
            col.add((*where, "id"), f"duplicate {name[:-1]} id '{item.id}'")
        out[item.id] = item
    return out


def _source(table: dict[str, Any], where: KeyPath, col: Collector) -> Source | None:
    sid = col.text(table, where, "id")
    outlet = col.text(table, where, "outlet")
    date = table.get("date", "")
    if not isinstance(date, str):
        date = str(date)  # a TOML date
    extra = {
        k: col.text(table, where, k, required=False) for k in ("title", "author", "file", "url")
    }
    return Source(id=sid, outlet=outlet, date=date, **extra) if sid else None


def _speaker(table: dict[str, Any], where: KeyPath, col: Collector) -> Speaker | None:
    sid = col.text(table, where, "id")
    name = col.text(table, where, "name")
    kind = table.get("kind", "person")
    if kind not in SPEAKER_KINDS:
        col.add((*where, "kind"), f"kind must be one of {', '.join(sorted(SPEAKER_KINDS))}")
    aliases = col.strings(table, where, "aliases")
    return Speaker(sid, name, aliases, str(kind)) if sid and name else None


def _reports(
    table: dict[str, Any], where: KeyPath, col: Collector
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


def _source_ref(rep: dict[str, Any], where: KeyPath, col: Collector, known: Known) -> str:
    source = col.text(rep, where, "source")
    if source and source not in known.sources:
        hint = did_you_mean(source, known.sources)
        col.add((*where, "source"), f"unknown source id '{source}'{hint}")
    return source


def _quotation(
    table: dict[str, Any], where: KeyPath, col: Collector, known: Known
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


def _figure(table: dict[str, Any], where: KeyPath, col: Collector, known: Known) -> Figure | None:
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


def _as_of(rep: dict[str, Any], where: KeyPath, col: Collector) -> str:
    """A report's explicit as-of moment: a TOML date or datetime, or ISO text."""
    value = rep.get("as_of", "")
    text = value.isoformat() if hasattr(value, "isoformat") else value
    if not isinstance(text, str) or (text and not _AS_OF.match(text)):
        col.add((*where, "as_of"), f"as_of {value!r} is not a date (YYYY-MM-DD, time optional)")
        return ""
    return text.replace(" ", "T")


def _quantity(table: dict[str, Any], where: KeyPath, col: Collector, unit: str) -> Any:
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


def check_unique_ids(entries: list[Located], col: Collector) -> None:
    """Quotations and figures share one space of ids."""
    seen: dict[str, KeyPath] = {}
    for table, where in entries:
        eid = table.get("id")
        if not isinstance(eid, str) or not eid.strip():
            continue
        if id_problem(eid):
            col.add((*where, "id"), id_problem(eid))
        if eid in seen:
            first = line_of(col.lines, seen[eid])
            col.add((*where, "id"), f"duplicate entry id '{eid}' (first at line {first})")
        else:
            seen[eid] = where
