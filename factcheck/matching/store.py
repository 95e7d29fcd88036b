"""An index on disk for registries too large to load per look-up.

A million entries take a minute to decode, so a large registry is indexed
once into SQLite: every wording and figure is a row of JSON (registry/codec.py,
never a pickle: a planted file can hold only data); an FTS5 table finds the
wordings worth comparing, and each word's figures of a dimension, kept as
packed row numbers (FigurePostings), the figures. A claim's rarest words (by how many
rows hold them) retrieve a short list; the engine then scores only that
list with the same alignment and overlap it uses in memory. Sources and
speakers are read one at a time when a verdict cites them.

StoredIndex offers what the engine asks of an Index: candidates(),
wordings_of(), figure_candidates(), quotation(), speakers and registry.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import chain, combinations
from pathlib import Path
from typing import Any, TypeVar

from factcheck.matching.index import (
    FigureInfo,
    Index,
    Wording,
    figure_info,
    lower_words,
    people,
)
from factcheck.model import Quotation, Registry
from factcheck.quotations.names import SpeakerIndex, surname_of
from factcheck.quotations.normalize import QWord, quote_words, real_words
from factcheck.registry import codec
from factcheck.text import STOPWORDS

MAX_CANDIDATES = 12  # wordings aligned per quotation, as in memory
MAX_FIGURES = 32  # figures scored per number, all of the number's dimension
RARE_WORDS = 4  # query words used, rarest first: 15 intersections at most
PROGRESS_EVERY = 50_000
# Decoded rows and search results kept per process: a batch meets the same few
# entries again and again, and decoding a row costs more than finding it.
CACHE_ROWS = 20_000
# Posting lists (a rare word's rows) kept per process, in row numbers in all: about
# 8 bytes each.
CACHE_POSTINGS = 4_000_000
# A dimension this rare is searched row by row when FTS5 answers a search (a word
# whose FTS5 matches are not its own rows: see figure_odd), about 0.1 ms a row.
FEW_FIGURES = 48
# Figures' row numbers a build holds before writing them out as parts of the words'
# lists (figure_posts): 4 bytes each, so memory stays flat whatever the size.
FLUSH_POSTINGS = 4_000_000
T = TypeVar("T")
_TOKENIZE = '''"unicode61 tokenchars '_'"'''  # the FTS5 tables' tokenizer

_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE sources(id TEXT PRIMARY KEY, blob BLOB);
CREATE TABLE speakers(id TEXT PRIMARY KEY, blob BLOB);
CREATE TABLE wordings(id INTEGER PRIMARY KEY, quotation TEXT, blob BLOB);
CREATE TABLE figures(id INTEGER PRIMARY KEY, dimension TEXT, blob BLOB);
CREATE VIRTUAL TABLE wording_words USING fts5(words, tokenize={_TOKENIZE});
CREATE VIRTUAL TABLE figure_words USING fts5(words, tokenize={_TOKENIZE});
CREATE TABLE wording_terms(term TEXT PRIMARY KEY, docs INTEGER) WITHOUT ROWID;
CREATE TABLE figure_terms(term TEXT PRIMARY KEY, docs INTEGER) WITHOUT ROWID;
CREATE TABLE speaker_names(key TEXT, rank INTEGER, name TEXT, speaker TEXT, surname TEXT);
CREATE TABLE people(key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE figure_posts(term TEXT, dimension TEXT, rows BLOB);
CREATE TABLE figure_odd(term TEXT PRIMARY KEY) WITHOUT ROWID;
"""


def put_speaker_names(db: sqlite3.Connection, names: SpeakerIndex) -> None:
    """Each speaker's names by their first word, so that a look-up reads only the
    names whose first word the claim holds (a registry of ten million entries has
    200,000 speakers: reading every name cost more than the look-up), and by the
    surname of a full name."""
    db.executemany(
        "INSERT INTO speaker_names VALUES(?, ?, ?, ?, ?)",
        (
            (key, rank, name, sid, surname_of(name) or None)
            for key, rank, name, sid in names.entries()
        ),
    )
    db.execute("CREATE INDEX speaker_names_by_key ON speaker_names(key)")
    db.execute("CREATE INDEX speaker_names_by_surname ON speaker_names(surname)")
    db.executemany("INSERT INTO people VALUES(?)", ((w,) for w in sorted(people(names))))


def token(word: str) -> str:
    """A word as one FTS5 token: letters, digits and underscores only."""
    lower = word.lower()
    if lower.isalnum():  # nearly every word: nothing to replace
        return lower
    return "".join(c if c.isalnum() else "_" for c in word.lower())


class FigurePostings:
    """Each word's figures of each dimension as packed row numbers in ascending order
    (table figure_posts; codec.encode_rows): a search reads four such lists, where
    asking FTS5 walked every row of the words and checked each one's dimension.

    A build adds rows in row order and writes what it holds every FLUSH_POSTINGS
    row numbers, so a word's list is the parts of its rows in rowid order. A word
    whose FTS5 matches are not exactly its own rows (FTS5 folds "é" to "e", so
    "sanchez" also finds "sánchez") is listed in figure_odd, and FTS5 answers
    searches for it, as it answered every search before these lists."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.lists: dict[tuple[str, str], array[int]] = {}
        self.held = 0
        self.terms: set[str] = set()

    def add(self, first: int, local: Mapping[tuple[str, str], Sequence[int]]) -> None:
        """Rows numbered from `first`, by (word, dimension): their offsets from it."""
        lists = self.lists
        for key, offsets in local.items():
            rows = lists.get(key)
            if rows is None:
                rows = lists[key] = array("i")
                self.terms.add(key[0])
            rows.extend(map(first.__add__, offsets))
            self.held += len(offsets)
        if self.held >= FLUSH_POSTINGS:
            self.flush()

    def flush(self) -> None:
        self.db.executemany(
            "INSERT INTO figure_posts VALUES(?, ?, ?)",
            ((t, d, codec.encode_rows(rows)) for (t, d), rows in self.lists.items()),
        )
        self.lists.clear()
        self.held = 0

    def finish(self) -> None:
        self.flush()
        self.db.execute("CREATE INDEX figure_posts_by_term ON figure_posts(term, dimension)")
        odd = odd_terms(self.db, self.terms)
        self.db.executemany("INSERT INTO figure_odd VALUES(?)", ((t,) for t in sorted(odd)))


def odd_terms(db: sqlite3.Connection, terms: Iterable[str]) -> set[str]:
    """The words whose FTS5 matches may hold rows without them: every word that is not
    plain ASCII (FTS5's tokenizer folds and splits it), and each token it folds to."""
    odd = {t for t in terms if not t.isascii()}
    if not odd:
        return odd
    db.execute(f"CREATE VIRTUAL TABLE temp.fold USING fts5(w, tokenize={_TOKENIZE})")
    db.executemany("INSERT INTO temp.fold(w) VALUES(?)", ((t,) for t in sorted(odd)))
    db.execute("CREATE VIRTUAL TABLE temp.fold_terms USING fts5vocab(temp, fold, row)")
    odd.update(str(t) for (t,) in db.execute("SELECT term FROM temp.fold_terms"))
    db.execute("DROP TABLE temp.fold_terms")
    db.execute("DROP TABLE temp.fold")
    return odd


def build_store(
    registry: Registry, path: Path, progress: Callable[[str], None] | None = None
) -> None:
    """Write the index of `registry` to `path` (a new file; the caller renames it)."""
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        _put_small(db, registry)
        _put_wordings(db, registry, progress)
        _put_figures(db, registry, progress)
        # What a figure's frame needs of the whole registry (see matching.index.frame_words).
        db.execute(
            "INSERT INTO meta VALUES('lower_words', ?)", (" ".join(sorted(lower_words(registry))),)
        )
        db.execute("INSERT INTO meta VALUES('complete', 1)")
        db.commit()
    finally:
        db.close()


def _dump(data: codec.Data) -> bytes:
    return codec.dumps(data)


def _undump(decode: Callable[[codec.Data], T], blob: object) -> T:
    """A row's value; a damaged or planted row raises DecodeError, never runs code."""
    if not isinstance(blob, bytes):
        raise codec.DecodeError("a row that is not JSON bytes")
    value: T = codec.guarded(decode, codec.loads(blob))
    return value


def _put_small(db: sqlite3.Connection, registry: Registry) -> None:
    db.executemany(
        "INSERT INTO sources VALUES(?, ?)",
        ((k, _dump(codec.encode_source(v))) for k, v in registry.sources.items()),
    )
    db.executemany(
        "INSERT INTO speakers VALUES(?, ?)",
        ((k, _dump(codec.encode_speaker(v))) for k, v in registry.speakers.items()),
    )
    names = SpeakerIndex(registry.speakers.values())
    put_speaker_names(db, names)
    db.execute("INSERT INTO meta VALUES('path', ?)", (registry.path,))


def _put_wordings(
    db: sqlite3.Connection, registry: Registry, progress: Callable[[str], None] | None
) -> None:
    rowid = 0
    total = len(registry.quotations)
    docs: Counter[str] = Counter()
    for n, quotation in enumerate(registry.quotations, start=1):
        for r, report in enumerate(quotation.reports):
            rowid += 1
            words = tuple(quote_words(report.text))
            wording = Wording(quotation, r, words)
            terms = {token(w.norm) for w in real_words(list(words))}
            docs.update(terms)
            db.execute(
                "INSERT INTO wordings VALUES(?, ?, ?)",
                (rowid, quotation.id, _dump(codec.encode_wording(wording))),
            )
            db.execute(
                "INSERT INTO wording_words(rowid, words) VALUES(?, ?)", (rowid, " ".join(terms))
            )
        if progress and n % PROGRESS_EVERY == 0:
            progress(f"indexed {n:,} of {total:,} quotations")
    db.execute("CREATE INDEX wordings_by_quotation ON wordings(quotation)")
    db.executemany("INSERT INTO wording_terms VALUES(?, ?)", docs.items())


def _put_figures(
    db: sqlite3.Connection, registry: Registry, progress: Callable[[str], None] | None
) -> None:
    total = len(registry.figures)
    docs: Counter[str] = Counter()
    postings = FigurePostings(db)
    for n, figure in enumerate(registry.figures, start=1):
        info = figure_info(figure)
        terms = {token(w) for w in info.vocabulary}
        docs.update(terms)
        # The dimension is a column (figures_by_dimension), checked on the rows a
        # search finds; as an FTS5 token it was a posting list of a quarter of all rows.
        words = " ".join(sorted(terms))
        db.execute(
            "INSERT INTO figures VALUES(?, ?, ?)",
            (n, figure.quantity.dimension, _dump(codec.encode_figure_info(info))),
        )
        db.execute("INSERT INTO figure_words(rowid, words) VALUES(?, ?)", (n, words))
        postings.add(n, {(t, figure.quantity.dimension): (0,) for t in terms})
        if progress and n % PROGRESS_EVERY == 0:
            progress(f"indexed {n:,} of {total:,} figures")
    postings.finish()
    db.execute("CREATE INDEX figures_by_dimension ON figures(dimension)")
    db.executemany("INSERT INTO figure_terms VALUES(?, ?)", docs.items())


def is_complete(path: Path) -> bool:
    """Whether `path` is a finished index of ours (a damaged file is not)."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone()
            if db.execute("SELECT 1 FROM meta WHERE key = 'lower_words'").fetchone() is None:
                return False  # built before figures had frames
            db.execute("SELECT term FROM wording_terms LIMIT 1").fetchone()
            db.execute("SELECT key FROM speaker_names LIMIT 1").fetchone()  # built before it
            db.execute("SELECT key FROM people LIMIT 1").fetchone()
            db.execute("SELECT term FROM figure_odd LIMIT 1").fetchone()  # built before them
            return row is not None and row[0] == 1
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return False


def _stderr(message: str) -> None:
    import sys

    sys.stderr.write(f"factcheck: {message}\n")


class _Rows(Mapping[str, T]):
    """Sources or speakers, read from the index one at a time."""

    def __init__(self, store: StoredIndex, table: str, decode: Callable[[codec.Data], T]) -> None:
        self.store, self.table, self.decode = store, table, decode
        self.seen: dict[str, T] = {}  # a verdict cites the same few sources again and again

    def _memory(self) -> Mapping[str, T]:
        found: Mapping[str, T] = getattr(self.store.memory.registry, self.table)
        return found

    def __getitem__(self, key: str) -> T:
        if key in self.seen:
            return self.seen[key]
        if self.store.fallback is None:
            try:
                row = self.store.db.execute(
                    f"SELECT blob FROM {self.table} WHERE id = ?", (key,)
                ).fetchone()
                if row is None:
                    raise KeyError(key)
                value: T = _undump(self.decode, row[0])
                _remember(self.seen, key, value)
                return value
            except (sqlite3.DatabaseError, codec.DecodeError) as exc:
                self.store.damaged(exc)
        return self._memory()[key]

    def __iter__(self) -> Iterator[str]:
        if self.store.fallback is None:
            try:
                rows = self.store.db.execute(f"SELECT id FROM {self.table}").fetchall()
                return (r[0] for r in rows)
            except sqlite3.DatabaseError as exc:
                self.store.damaged(exc)
        return iter(self._memory())

    def __len__(self) -> int:
        return sum(1 for _ in self)


class StoredIndex(Index):
    """The engine's index, served from an SQLite file built by build_store()."""

    def __init__(self, path: Path, warn: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.warn = warn
        self.fallback: Index | None = None  # the registry in memory, once the file fails
        self._db: sqlite3.Connection | None = None
        self._pid = os.getpid()
        self._figure_total: int | None = None
        self._decoded: dict[str, dict[int, Any]] = {}
        self._by_quotation: dict[str, list[Wording]] = {}
        self._postings: dict[tuple[str, str], array[int]] = {}
        self._posting_total = 0
        self._few: dict[str, list[int] | None] = {}
        self._figure_docs_of: dict[str, int] = {}
        self._searched: dict[tuple[str, frozenset[str], int, str | None], list[int]] = {}
        thin = Registry(
            path=str(self._meta("path")),
            sources=_Rows(self, "sources", codec.decode_source),
            speakers=_Rows(self, "speakers", codec.decode_speaker),
        )
        super().__init__(registry=thin, speakers=StoredSpeakers(self))
        # A registry large enough for a file of its own holds many stories: no
        # headlines name them all (and listing its sources would cost a look-up).
        self.title_keys = frozenset()

    def __getstate__(self) -> dict[str, Any]:  # to batch workers: they reopen the file
        # The per-process caches stay behind: each worker fills its own.
        caches = ["_decoded", "_by_quotation", "_searched", "_figure_docs_of"]
        fresh: dict[str, Any] = {name: {} for name in [*caches, "_postings", "_few"]}
        counts = {"_posting_total": 0}
        return {**self.__dict__, "_db": None, "warn": None, **counts, **fresh}

    def damaged(self, exc: Exception) -> None:
        """The file failed mid-run (a damaged page): say so once, remove it so the
        next run indexes afresh, and answer from the registry in memory from now on."""
        if self.fallback is not None:
            return
        (self.warn or _stderr)(
            f"index {self.path} is damaged ({exc}); removed it, answering from the registry"
        )
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        from factcheck.matching.index import build_index
        from factcheck.registry.loader import load_registry

        memory = load_registry(self.registry.path)
        self.fallback = build_index(memory)

    @property
    def memory(self) -> Index:
        assert self.fallback is not None, "damaged() sets it first"
        return self.fallback

    def _guard(self, query: Callable[[], T], otherwise: Callable[[Index], T]) -> T:
        if self.fallback is None:
            try:
                return query()
            except (sqlite3.DatabaseError, codec.DecodeError) as exc:
                self.damaged(exc)
        return otherwise(self.memory)

    @property
    def db(self) -> sqlite3.Connection:
        # A connection must not cross a fork: a batch worker opens its own.
        if self._db is None or self._pid != os.getpid():
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            self._pid = os.getpid()
        return self._db

    def rows(self, sql: str, args: list[str]) -> list[Any] | None:
        """The rows of a query; None once the file has failed (the registry in
        memory answers from then on)."""
        if self.fallback is None:
            try:
                return self.db.execute(sql, args).fetchall()
            except sqlite3.DatabaseError as exc:
                self.damaged(exc)
        return None

    def _meta(self, key: str) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def candidates(self, typed: list[QWord]) -> list[Wording]:
        return self._guard(lambda: self._candidates(typed), lambda m: m.candidates(typed))

    def _candidates(self, typed: list[QWord]) -> list[Wording]:
        words = {token(w.norm) for w in real_words(typed) if w.norm not in STOPWORDS}
        rows = self._search("wording_words", "wording_terms", words, MAX_CANDIDATES)
        return self._load("wordings", rows, codec.decode_wording)

    def wordings_of(self, quotation_id: str) -> list[Wording]:
        return self._guard(
            lambda: self._wordings_of(quotation_id), lambda m: m.wordings_of(quotation_id)
        )

    def _wordings_of(self, quotation_id: str) -> list[Wording]:
        cache = self._by_quotation
        if quotation_id not in cache:
            found = self.db.execute(
                "SELECT blob FROM wordings WHERE quotation = ? ORDER BY id", (quotation_id,)
            )
            _remember(cache, quotation_id, [_undump(codec.decode_wording, r[0]) for r in found])
        return list(cache[quotation_id])

    def quotation(self, quotation_id: str) -> Quotation | None:
        found = self.wordings_of(quotation_id)
        return found[0].quotation if found else None

    def figure_candidates(self, dimension: str, content: set[str]) -> list[FigureInfo]:
        return self._guard(
            lambda: self._figure_candidates(dimension, content),
            lambda m: m.figure_candidates(dimension, content),
        )

    def _figure_candidates(self, dimension: str, content: set[str]) -> list[FigureInfo]:
        words = {token(w) for w in content}
        rows = self._search("figure_words", "figure_terms", words, MAX_FIGURES, dimension)
        infos = self._load("figures", rows, codec.decode_figure_info)
        return [i for i in infos if i.figure.quantity.dimension == dimension]

    def figure_weights(self, words: set[str]) -> dict[str, float]:
        by_term = {token(w): w for w in words}
        if not by_term:
            return {}
        if self._figure_total is None:
            self._figure_total = int(self.db.execute("SELECT count(*) FROM figures").fetchone()[0])
        docs = self._figure_docs_of
        unknown = sorted(t for t in by_term if t not in docs)
        if unknown:
            marks = ",".join("?" * len(unknown))
            found = dict(
                self.db.execute(
                    f"SELECT term, docs FROM figure_terms WHERE term IN ({marks})", unknown
                )
            )
            for t in unknown:
                _remember(docs, t, found.get(t, 0))
        total = self._figure_total
        return {by_term[t]: math.log(1 + total / docs[t]) for t in sorted(by_term) if docs[t]}

    def frame_words(self) -> tuple[frozenset[str], AbstractSet[str]]:
        if self._frame_words is None:
            lower = frozenset(str(self._meta("lower_words") or "").split())
            # The speakers' name words, kept by the build and asked one word at a
            # time: 200,000 speakers' words cost more to read than the look-up.
            self._frame_words = (lower, NameWords(self))
        return self._frame_words

    def _search(
        self, table: str, terms: str, words: set[str], limit: int, dimension: str | None = None
    ) -> list[int]:
        """Rows holding the most of the claim's rarest words, never a scan of every row.

        Ranking every row that holds any of the words costs time in proportion to
        the registry. Instead, rows holding all four rarest words come first, then
        any three, then any two, then any one, each group in row order and at most
        `limit` of it. A figure search keeps only rows of the number's `dimension`,
        and counts the groups from each rare word's rows of it (kept per process).
        """
        key = (table, frozenset(words), limit, dimension)
        found = self._searched.get(key)
        if found is None:
            found = self._search_rows(table, terms, words, limit, dimension)
            _remember(self._searched, key, found)
        return found

    def _search_rows(
        self, table: str, terms: str, words: set[str], limit: int, dimension: str | None
    ) -> list[int]:
        words = {w for w in words if w.strip("_")}
        if not words:
            return []
        marks = ",".join("?" * len(words))
        rare = [
            t[0]
            for t in self.db.execute(
                f"SELECT term FROM {terms} WHERE term IN ({marks}) ORDER BY docs, term LIMIT ?",
                [*sorted(words), RARE_WORDS],
            )
        ]
        if dimension is None or self._odd(rare):
            return self._by_groups(table, rare, limit, dimension)
        return most_shared([self._posting(t, dimension) for t in rare], limit)

    def _odd(self, rare: list[str]) -> bool:
        """Whether FTS5 must answer for one of these words (see FigurePostings)."""
        if not rare:
            return False
        marks = ",".join("?" * len(rare))
        return bool(
            self.db.execute(f"SELECT 1 FROM figure_odd WHERE term IN ({marks})", rare).fetchone()
        )

    def _by_groups(
        self, table: str, rare: list[str], limit: int, dimension: str | None
    ) -> list[int]:
        """One FTS5 query per group size (any `size` of the rare words), each
        stopping at `limit` rows; most searches end at two words, long before the
        words' rows do. The same rows, in the same order, as most_shared."""
        sql, extra = self._match_sql(table, dimension)
        if sql is None:
            return []
        found: dict[int, None] = {}
        for size in range(len(rare), 0, -1):
            query = " OR ".join(
                "(" + " AND ".join(f'"{w}"' for w in group) + ")"
                for group in combinations(rare, size)
            )
            found.update((r, None) for (r,) in self.db.execute(sql, (query, *extra, limit)))
            if len(found) >= limit:
                return list(found)[:limit]
        return list(found)

    def _match_sql(self, table: str, dimension: str | None) -> tuple[str | None, tuple[Any, ...]]:
        """The query a MATCH expression and a limit complete, and its other arguments."""
        if dimension is None:
            return f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?", ()
        few = self._dimension_rows(dimension)
        if few is None:
            # CROSS JOIN: FTS5 leads, in rowid order, and each row found is checked.
            sql = (
                f"SELECT w.rowid FROM {table} AS w CROSS JOIN figures AS f ON f.id = w.rowid"
                f" WHERE {table} MATCH ? AND f.dimension = ? LIMIT ?"
            )
            return sql, (dimension,)
        if not few:
            return None, ()
        # A dimension few figures have (a date, an ordinal): the words' rows would be
        # walked to their end to find them, so FTS5 is asked about those rows alone.
        marks = ",".join("?" * len(few))
        sql = (
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid IN ({marks})"
            " ORDER BY rowid LIMIT ?"
        )
        return sql, tuple(few)

    def _dimension_rows(self, dimension: str) -> list[int] | None:
        """The figures of `dimension` when there are at most FEW_FIGURES, else None."""
        if dimension not in self._few:
            rows = self.db.execute(
                "SELECT id FROM figures WHERE dimension = ? ORDER BY id LIMIT ?",
                (dimension, FEW_FIGURES + 1),
            )
            ids = [r[0] for r in rows]
            self._few[dimension] = ids if len(ids) <= FEW_FIGURES else None
        return self._few[dimension]

    def _posting(self, term: str, dimension: str) -> Sequence[int]:
        """The figures of `dimension` holding `term`, in row order; kept per process."""
        key = (term, dimension)
        found = self._postings.get(key)
        if found is None:
            parts = self.db.execute(
                "SELECT rows FROM figure_posts WHERE term = ? AND dimension = ? ORDER BY rowid",
                (term, dimension),
            )
            # The build wrote the list in parts, each after the one before.
            found = codec.decode_rows(*(blob for (blob,) in parts))
            self._keep_posting(key, found)
        return found

    def _keep_posting(self, key: tuple[str, str], rows: array[int]) -> None:
        """Keep `rows`; past CACHE_POSTINGS row numbers in all the oldest lists go."""
        cache = self._postings
        self._posting_total += len(rows)
        while cache and self._posting_total > CACHE_POSTINGS:
            self._posting_total -= len(cache.pop(next(iter(cache))))
        cache[key] = rows

    def _load(self, table: str, rows: list[int], decode: Callable[[codec.Data], T]) -> list[T]:
        """The decoded rows, in the order asked; each decoded once per process."""
        cache: dict[int, Any] = self._decoded.setdefault(table, {})
        got = {r: cache[r] for r in rows if r in cache}
        missing = [r for r in rows if r not in got]
        if missing:
            marks = ",".join("?" * len(missing))
            found = self.db.execute(f"SELECT id, blob FROM {table} WHERE id IN ({marks})", missing)
            for r, blob in found:
                got[r] = _undump(decode, blob)
                _remember(cache, r, got[r])
        return [got[r] for r in rows if r in got]


class NameWords(AbstractSet[str]):
    """The name keys of the speakers' name words (index.people()), asked of the
    index's `people` table one word at a time; `|` adds words held in memory."""

    def __init__(self, store: StoredIndex, extra: frozenset[str] = frozenset()) -> None:
        self.store, self.extra = store, extra
        self.known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word in self.extra:
            return True
        if word not in self.known:
            rows = self.store.rows("SELECT 1 FROM people WHERE key = ?", [word])
            if rows is None:
                return word in people(self.store.memory.speakers)
            _remember(self.known, word, bool(rows))
        return self.known[word]

    def __or__(self, other: AbstractSet[Any]) -> NameWords:
        joined = NameWords(self.store, self.extra | frozenset(str(w) for w in other))
        joined.known = self.known  # the same answers from the same file
        return joined

    @classmethod
    def _from_iterable(cls, it: Iterable[Any]) -> frozenset[Any]:
        # The Set mixins build `-`, `&` and `^` results with this; the default
        # would pass the words as the store.
        return frozenset(it)

    def _all(self) -> frozenset[str]:
        rows = self.store.rows("SELECT key FROM people", [])
        found = (
            {str(r[0]) for r in rows} if rows is not None else people(self.store.memory.speakers)
        )
        return frozenset(found) | self.extra

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


class StoredSpeakers(SpeakerIndex):
    """The speakers' names, read from the index a few at a time: only those whose
    first word a text holds, each key once per process."""

    def __init__(self, store: StoredIndex) -> None:
        super().__init__(())
        self.store = store
        self._asked: set[str] = set()
        self._surname_of: dict[str, str] = {}

    def _entries_for(self, keys: set[str]) -> list[tuple[int, str, str]]:
        new = sorted(keys - self._asked)
        if new:
            rows = self._rows(
                "SELECT key, rank, name, speaker FROM speaker_names WHERE key IN "
                f"({','.join('?' * len(new))})",
                new,
            )
            if rows is None:
                return self.store.memory.speakers._entries_for(keys)
            for key, rank, name, sid in rows:
                self._by_key.setdefault(str(key), []).append((int(rank), str(name), str(sid)))
            self._asked.update(new)
        return super()._entries_for(keys)

    def by_surname(self, word: str) -> str:
        if word not in self._surname_of:
            rows = self._rows(
                "SELECT DISTINCT speaker FROM speaker_names WHERE surname = ? LIMIT 2", [word]
            )
            if rows is None:
                return self.store.memory.speakers.by_surname(word)
            self._surname_of[word] = str(rows[0][0]) if len(rows) == 1 else ""
        return self._surname_of[word]

    @property
    def registered_names(self) -> list[str]:
        rows = self._rows("SELECT name FROM speaker_names ORDER BY key, rank", [])
        if rows is None:
            return self.store.memory.speakers.registered_names
        return [str(r[0]) for r in rows]

    def _rows(self, sql: str, args: list[str]) -> list[Any] | None:
        return self.store.rows(sql, args)


def _remember(cache: dict[Any, Any], key: object, value: object) -> None:
    """Keep `value`; past CACHE_ROWS entries the oldest goes, so memory stays bounded."""
    if len(cache) >= CACHE_ROWS:
        del cache[next(iter(cache))]
    cache[key] = value


def most_shared(postings: list[Sequence[int]], limit: int) -> list[int]:
    """Rows in all of `postings` first, then in all but one, and so on down to
    one; each group in ascending row order and at most `limit` rows of it (as
    FTS5 answers an OR of every group of that many words with LIMIT); the
    first `limit` rows in all. Each posting list is in ascending order."""
    if not postings:
        return []
    found: dict[int, None] = {}
    if len(postings) > 1:
        counts = Counter(chain.from_iterable(postings))
        shared = sorted(r for r, n in counts.items() if n >= 2)
        for size in range(len(postings), 1, -1):
            group = [r for r in shared if counts[r] >= size][:limit]
            found.update(dict.fromkeys(group))
            if len(found) >= limit:
                return list(found)[:limit]
    # Any one word: the first `limit` rows of the union are among each list's first.
    firsts = sorted({r for rows in postings for r in rows[:limit]})[:limit]
    found.update(dict.fromkeys(firsts))
    return list(found)[:limit]
