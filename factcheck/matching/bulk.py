"""Building the on-disk index from a registry file in bounded memory, in parallel.

The file is cut into chunks of a few thousand entries (registry/chunks.py).
Sources and speakers are read first, since every entry names some; then the
chunks of quotations and figures are read, validated and encoded by worker
processes, a few at a time, while this process writes their rows to SQLite
in file order. No process holds more than a few chunks: memory stays flat
whatever the registry's size. What needs the whole registry is kept small:
how many rows hold each word (a count per distinct word), the words written
in lower case, the speakers, and the entry ids, which go to a temporary
table so that SQL finds duplicates.

The rows, their ids and their order are those build_store() writes from a
registry in memory, so look-ups answer the same.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
import sqlite3
from collections import Counter, deque
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import InputError, RegistryError, RegistryProblems
from factcheck.frames.frame import LOWER_WORD
from factcheck.matching.index import figure_info
from factcheck.matching.store import (
    _SCHEMA,
    PROGRESS_EVERY,
    FigurePostings,
    put_speaker_names,
    token,
)
from factcheck.model import Figure, Quotation, Registry, Speaker
from factcheck.quotations.names import SpeakerIndex
from factcheck.quotations.normalize import GAP, word_parts
from factcheck.registry import codec
from factcheck.registry.chunks import (
    ENTRIES_PER_CHUNK,
    TABLES,
    CannotSplit,
    Chunk,
    read_chunk,
    split_registry,
)
from factcheck.registry.loader import (
    NOTHING_IN_IT,
    Collector,
    Known,
    Located,
    _check_top,
    _source,
    _speaker,
    id_problem,
    is_jsonl,
    jsonl_tables,
    parse_toml,
    validate_entries,
)
from factcheck.registry.locate import index_lines, line_of

Progress = Callable[[str], None]
# A word's FTS5 token, remembered: a registry has far fewer distinct words than words.
_token = functools.lru_cache(maxsize=1 << 18)(token)
ORDER = {"quotations": 0, "figures": 1}  # duplicate ids: the first is a quotation's


@dataclass
class _Read:
    """One chunk, read: its tables by array, and the problems found reading it."""

    tables: dict[str, list[Located]]
    col: Collector


@dataclass
class _Rows:
    """What a worker sends back for one chunk of quotations and figures."""

    wordings: list[tuple[str, bytes, str]] = field(default_factory=list)
    figures: list[tuple[str, bytes, str]] = field(default_factory=list)
    ids: list[tuple[str, int, int, int, str]] = field(default_factory=list)
    wording_docs: Counter[str] = field(default_factory=Counter)
    figure_docs: Counter[str] = field(default_factory=Counter)
    lower: set[str] = field(default_factory=set)
    problems: list[InputError] = field(default_factory=list)
    entries: int = 0
    backs: Counter[tuple[str, int]] = field(default_factory=Counter)  # (source, 0 or 1)
    several: list[int] = field(default_factory=list)  # figures (in the chunk) with 2+ reports
    # Each (word, dimension)'s figures, by offset in `figures`: grouped here, in
    # parallel, so that the writing process only shifts them to row numbers.
    figure_posts: dict[tuple[str, str], list[int]] = field(default_factory=dict)


def stream_store(
    source: Path,
    name: str,
    db_path: Path,
    progress: Progress | None = None,
    jobs: int = 0,
    per_chunk: int = ENTRIES_PER_CHUNK,
) -> None:
    """Index the registry file `source` into `db_path` (a new file; the caller renames
    it). Raises RegistryProblems or RegistryError for a bad registry, CannotSplit
    for a layout that must be read whole."""
    say = progress or (lambda _: None)
    jobs = jobs or _cores()
    db = sqlite3.connect(db_path)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA + LISTINGS)
        db.execute(
            "CREATE TEMP TABLE ids(eid TEXT, ord INTEGER, idx INTEGER, line INTEGER, field TEXT)"
        )
        problems, known, speakers, entry_chunks = _small(source, name, db, jobs, per_chunk)
        say(f"read {len(known.sources):,} sources and {len(speakers):,} speakers")
        problems += _entries(source, name, db, known, entry_chunks, jobs, say)
        say("looking for repeated ids")
        problems += _duplicates(db, source, name)
        if problems:
            problems.sort(key=lambda p: p.line)
            raise RegistryProblems(problems)
        names = SpeakerIndex(speakers)
        put_speaker_names(db, names)
        db.execute("INSERT INTO meta VALUES('path', ?)", (name,))
        db.execute("INSERT INTO meta VALUES('complete', 1)")
        db.commit()
    finally:
        db.close()


def _cores() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, cores or 1)


# --- reading a chunk (in a worker, or here) ---------------------------------------


def read_tables(source: Path, name: str, chunk: Chunk, small_only: bool = False) -> _Read:
    """A chunk's tables; with `small_only`, a JSON Lines chunk's sources and speakers
    (and whatever lines might be one), the entries left for the second reading."""
    data = read_chunk(source, chunk)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = chunk.first_line + data[: exc.start].count(b"\n")
        raise RegistryError("not UTF-8 text", name, line) from exc
    if chunk.group == "lines":
        col = Collector(name, {}, skip=2)
        rows = [line.removesuffix("\r") for line in text.split("\n")]
        if small_only:  # a blank line keeps the numbering
            rows = ["" if _surely_entry(row) else row for row in rows]
        return _Read(jsonl_tables(rows, chunk.first_line, col), col)
    raw = parse_toml(text, name, chunk.first_line)
    bases = {t: base for t, base, _ in chunk.tables}
    col = Collector(name, _Lines(text, chunk, bases))
    if chunk.group == "head":
        if set(raw) & set(TABLES):
            raise CannotSplit("an array of tables written inline")
        _check_top(raw, col)
        return _Read({}, col)
    if set(raw) != set(bases) or any(
        not isinstance(raw[t], list) or len(raw[t]) != n for t, _, n in chunk.tables
    ):
        raise CannotSplit("tables continued after another array's header")
    tables: dict[str, list[Located]] = {
        t: [(v, (t, bases[t] + i)) for i, v in enumerate(raw[t])] for t in bases
    }
    return _Read(tables, col)


# At the line's start only (a line indented is decoded): no backtracking over spaces.
_ENTRY_LINE = re.compile(r'\{[ \t]*"type"[ \t]*:[ \t]*"(?:quotation|figure)"')
_ESCAPED_LETTER = re.compile(r"\\u00[67]", re.I)  # "\u0074ype" is "type" too


def _surely_entry(line: str) -> bool:
    """A JSON line that is a quotation or a figure, whatever else it holds: its one
    "type" key comes first and is written plainly. Decoding each entry's line
    twice costs a twentieth of the build; a line this cannot tell is decoded."""
    return (
        _ENTRY_LINE.match(line) is not None
        and line.count('"type"') == 1
        and _ESCAPED_LETTER.search(line) is None
    )


class _Lines(dict[tuple[object, ...], int]):
    """Where each table of a chunk starts, found by a quick look at its headers; the
    line of every key (index_lines, three times slower) only once a problem asks."""

    def __init__(self, text: str, chunk: Chunk, bases: dict[str, int]) -> None:
        super().__init__()
        self.text, self.chunk, self.bases = text, chunk, bases
        self.full = False
        if not self._headers():
            self._all()

    def _headers(self) -> bool:
        seen = dict.fromkeys(self.bases, 0)
        line, pos, quotes = self.chunk.first_line, 0, 0
        for match in _TEXT_HEADER.finditer(self.text):
            line += self.text.count("\n", pos, match.start())
            quotes += _quotes(self.text, pos, match.start())
            pos = match.start()
            table = match.group(1)
            if quotes % 2 == 0 and table in seen:
                self[(table, self.bases[table] + seen[table])] = line
                seen[table] += 1
        return all(seen[t] == n for t, _, n in self.chunk.tables)

    def _all(self) -> None:
        shift = self.chunk.first_line - 1
        for path, number in index_lines(self.text).items():
            self.setdefault(_moved(path, self.bases), number + shift)
        self.full = True

    def __contains__(self, path: object) -> bool:
        if not self.full and isinstance(path, tuple) and len(path) > 2:
            self._all()
        return super().__contains__(path)


_TEXT_HEADER = re.compile(
    r'^[ \t]*\[\[[ \t]*"?(sources|speakers|quotations|figures)"?[ \t]*\]\]', re.M
)


def _quotes(text: str, start: int, end: int) -> int:
    """Triple quotes between two offsets: an odd count so far means inside a string."""
    return text.count('"""', start, end) + text.count("'''", start, end)


def _moved(path: tuple[object, ...], bases: dict[str, int]) -> tuple[object, ...]:
    """A path within the chunk as a path within the file: its index moved on."""
    if len(path) >= 2 and isinstance(path[1], int) and path[0] in bases:
        return (path[0], path[1] + bases[str(path[0])], *path[2:])
    return path


def _small_of(
    source: Path, name: str, chunk: Chunk
) -> tuple[list[Located], list[Located], list[InputError], dict[Any, int]]:
    """A chunk's sources and speakers (a JSON Lines chunk's problems wait for the
    second reading, so that each is said once)."""
    read = read_tables(source, name, chunk, small_only=True)
    problems = [] if chunk.group == "lines" else read.col.problems
    return read.tables.get("sources", []), read.tables.get("speakers", []), problems, read.col.lines


def _check_id(
    col: Collector, where: tuple[object, ...], sid: str, seen: Container[str], kind: str
) -> None:
    """The loader's rules for an id: one word, and not given twice."""
    if id_problem(sid):
        col.add((*where, "id"), id_problem(sid))
    if sid in seen:
        col.add((*where, "id"), f"duplicate {kind} id '{sid}'")


def _small(
    source: Path, name: str, db: sqlite3.Connection, jobs: int, per_chunk: int
) -> tuple[list[InputError], Known, list[Speaker], list[Chunk]]:
    """Sources and speakers, validated and written; the chunks left for entries."""
    entry_chunks: list[Chunk] = []
    wanted: list[Chunk] = []
    for chunk in split_registry(source, per_chunk):
        if chunk.group in ("entries", "lines"):
            entry_chunks.append(chunk)
        if chunk.group != "entries":
            wanted.append(chunk)
    problems: list[InputError] = []
    sources: set[str] = set()
    speakers: dict[str, Speaker] = {}
    work = functools.partial(_small_of, source, name)
    for found_sources, found_speakers, found, lines in _run(work, wanted, jobs):
        col = Collector(name, lines, skip=2 if is_jsonl(source) else 0)
        for table, where in found_sources:
            item = _source(table, where, col)
            if item is not None:
                _check_id(col, where, item.id, sources, "source")
                sources.add(item.id)
                _put(db, "sources", item.id, codec.encode_source(item))
        for table, where in found_speakers:
            spk = _speaker(table, where, col)
            if spk is not None:
                _check_id(col, where, spk.id, speakers, "speaker")
                speakers[spk.id] = spk
        problems += found + col.problems
    for spk in speakers.values():
        _put(db, "speakers", spk.id, codec.encode_speaker(spk))
    return problems, Known(sources, set(speakers)), list(speakers.values()), entry_chunks


def _put(db: sqlite3.Connection, table: str, key: str, data: codec.Data) -> None:
    # A later table of the same id replaces the first, as a dict keeps the last.
    db.execute(f"INSERT OR REPLACE INTO {table} VALUES(?, ?)", (key, codec.dumps(data)))


# --- quotations and figures ---------------------------------------------------------

_KNOWN: Known | None = None  # set before the workers fork: every entry chunk needs it


def _entry_rows(source: Path, name: str, chunk: Chunk) -> _Rows:
    assert _KNOWN is not None
    read = read_tables(source, name, chunk)
    quotations, figures = validate_entries(lambda t: read.tables.get(t, []), read.col, _KNOWN)
    rows = _Rows(problems=read.col.problems)
    for table_name in ("quotations", "figures"):
        for table, where in read.tables.get(table_name, []):
            eid = table.get("id")
            if isinstance(eid, str) and eid.strip():
                at = (*where, "id")
                if id_problem(eid):
                    read.col.add(at, id_problem(eid))
                rows.ids.append((eid, ORDER[table_name], int(where[1]),  # type: ignore[call-overload]
                                 line_of(read.col.lines, where), read.col.field_of(at)))  # fmt: skip
    for q in quotations:
        _add_quotation(rows, q)
    for f in figures:
        _add_figure(rows, f)
    rows.entries = len(quotations) + len(figures)
    return rows


def _add_quotation(rows: _Rows, quotation: Quotation) -> None:
    rows.backs.update((sid, 0) for sid in {r.source for r in quotation.reports})
    for r, report in enumerate(quotation.reports):
        # The words of real_words(quote_words()): neither a gap nor optional.
        words = word_parts(report.text)
        terms = {_token(norm) for norm, _, _, _, optional in words if norm != GAP and not optional}
        rows.wording_docs.update(terms)
        blob = codec.dumps(codec.wording_data(quotation, r))
        rows.wordings.append((quotation.id, blob, " ".join(terms)))
        rows.lower.update(LOWER_WORD.findall(report.sentence))


def _add_figure(rows: _Rows, figure: Figure) -> None:
    rows.backs.update((sid, 1) for sid in {r.source for r in figure.reports})
    if len(figure.reports) > 1:  # only these can have sources that disagree
        rows.several.append(len(rows.figures))
    info = figure_info(figure)
    terms = {_token(w) for w in info.vocabulary}
    rows.figure_docs.update(terms)
    dimension = figure.quantity.dimension
    words = " ".join(sorted(terms))
    offset = len(rows.figures)
    for t in terms:
        rows.figure_posts.setdefault((t, dimension), []).append(offset)
    rows.figures.append((dimension, codec.dumps(codec.encode_figure_info(info)), words))
    rows.lower.update(LOWER_WORD.findall(figure.subject))
    for report in figure.reports:
        rows.lower.update(LOWER_WORD.findall(report.sentence))


def _entries(
    source: Path,
    name: str,
    db: sqlite3.Connection,
    known: Known,
    chunks: list[Chunk],
    jobs: int,
    say: Progress,
) -> list[InputError]:
    global _KNOWN
    _KNOWN = known
    problems: list[InputError] = []
    wording_docs: Counter[str] = Counter()
    figure_docs: Counter[str] = Counter()
    lower: set[str] = set()
    backs: Counter[tuple[str, int]] = Counter()
    next_wording, next_figure, done, told = 1, 1, 0, 0
    postings = FigurePostings(db)
    try:
        for rows in _run(functools.partial(_entry_rows, source, name), chunks, jobs):
            problems += rows.problems
            _insert(db, "wording", next_wording, rows.wordings)
            _insert(db, "figure", next_figure, rows.figures)
            postings.add(next_figure, rows.figure_posts)
            db.executemany("INSERT INTO ids VALUES(?, ?, ?, ?, ?)", rows.ids)
            db.executemany(
                "INSERT INTO several VALUES(?)", ((next_figure + k,) for k in rows.several)
            )
            backs.update(rows.backs)
            next_wording += len(rows.wordings)
            next_figure += len(rows.figures)
            wording_docs.update(rows.wording_docs)
            figure_docs.update(rows.figure_docs)
            lower |= rows.lower
            done += rows.entries
            if done - told >= PROGRESS_EVERY:
                say(f"indexed {done:,} entries")
                told = done
    finally:
        _KNOWN = None
    if done == 0 and not problems:
        problems.append(InputError(NOTHING_IN_IT, name))
    say(f"indexed {done:,} entries; sorting the quotations' ids")
    db.execute("CREATE INDEX wordings_by_quotation ON wordings(quotation)")
    db.executemany("INSERT INTO wording_terms VALUES(?, ?)", wording_docs.items())
    postings.finish()
    db.execute("CREATE INDEX figures_by_dimension ON figures(dimension)")
    db.executemany("INSERT INTO figure_terms VALUES(?, ?)", figure_docs.items())
    db.execute("INSERT INTO meta VALUES('lower_words', ?)", (" ".join(sorted(lower)),))
    put_backs(db, backs)
    return problems


LISTINGS = """
CREATE TABLE backs(source TEXT PRIMARY KEY, quotations INTEGER, figures INTEGER);
CREATE TABLE several(figure INTEGER PRIMARY KEY);
"""


def put_backs(db: sqlite3.Connection, backs: Counter[tuple[str, int]]) -> None:
    """How many quotations and figures each source backs (`factcheck sources`)."""
    ids = {sid for sid, _ in backs}
    db.executemany(
        "INSERT INTO backs VALUES(?, ?, ?)",
        ((sid, backs[(sid, 0)], backs[(sid, 1)]) for sid in sorted(ids)),
    )


def put_listings(db_path: Path, registry: Registry) -> None:
    """The same tables for an index built from a registry in memory."""
    db = sqlite3.connect(db_path)
    try:
        db.executescript(LISTINGS)
        backs: Counter[tuple[str, int]] = Counter()
        for q in registry.quotations:
            backs.update((sid, 0) for sid in {r.source for r in q.reports})
        for f in registry.figures:
            backs.update((sid, 1) for sid in {r.source for r in f.reports})
        put_backs(db, backs)
        several = [(n,) for n, f in enumerate(registry.figures, start=1) if len(f.reports) > 1]
        db.executemany("INSERT INTO several VALUES(?)", several)
        db.commit()
    finally:
        db.close()


def _duplicates(db: sqlite3.Connection, source: Path, name: str) -> list[InputError]:
    """Quotations and figures share one space of ids: each repeat, with the first's line."""
    db.execute("CREATE INDEX temp.ids_by_id ON ids(eid, ord, idx)")
    found = db.execute(
        "SELECT eid, line, field FROM ids WHERE eid IN "
        "(SELECT eid FROM ids GROUP BY eid HAVING count(*) > 1) ORDER BY eid, ord, idx"
    ).fetchall()
    repeats, first, current = [], 0, None
    for eid, line, where in found:
        if eid != current:
            current, first = eid, line
            continue
        repeats.append((eid, line, where, first))
    at = _id_lines(source, {line for _, line, _, _ in repeats})
    return [
        InputError(f"duplicate entry id '{eid}' (first at line {first})", name, at[line], field=w)
        for eid, line, w, first in repeats
    ]


_ID_KEY = re.compile(r"^\s*id\s*=")


def _id_lines(source: Path, entries: set[int]) -> dict[int, int]:
    """The line of each entry's `id` key (the entry's own line in JSON Lines): one
    reading of the file, only when some id is repeated."""
    found = {line: line for line in entries}
    if not entries or is_jsonl(source):
        return found
    last, looking = max(entries), 0
    with source.open(encoding="utf-8", errors="replace") as f:
        for number, text in enumerate(f, start=1):
            if number in entries:
                looking = number
            elif looking and _ID_KEY.match(text):
                found[looking], looking = number, 0
            if number > last and not looking:
                break
    return found


# --- running chunks on worker processes ---------------------------------------------


def _insert(
    db: sqlite3.Connection, kind: str, first: int, rows: list[tuple[str, bytes, str]]
) -> None:
    """Rows of `kind` ("wording", "figure") numbered from `first`: each row's key
    and blob into its table, its words into the table FTS5 searches."""
    db.executemany(
        f"INSERT INTO {kind}s VALUES(?, ?, ?)",
        ((first + k, key, blob) for k, (key, blob, _) in enumerate(rows)),
    )
    db.executemany(
        f"INSERT INTO {kind}_words(rowid, words) VALUES(?, ?)",
        ((first + k, words) for k, (_, _, words) in enumerate(rows)),
    )


def _run(work: Callable[[Chunk], Any], chunks: Iterable[Chunk], jobs: int) -> Iterator[Any]:
    """`work` on each chunk, results in chunk order; at most two chunks a worker in
    flight, so that results never pile up faster than they are written."""
    items = list(chunks) if not isinstance(chunks, list) else chunks
    if jobs <= 1 or len(items) < 2:
        yield from map(work, items)
        return
    global _WORK
    _WORK = work
    ctx = multiprocessing.get_context("fork")  # the workers inherit `work` and what it needs
    with ctx.Pool(jobs) as pool:
        pending: deque[Any] = deque()
        for chunk in items:
            pending.append(pool.apply_async(_call, (chunk,)))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
    _WORK = None


_WORK: Callable[[Chunk], Any] | None = None


def _call(chunk: Chunk) -> Any:
    assert _WORK is not None
    return _WORK(chunk)


__all__ = ["CannotSplit", "stream_store"]
