"""The on-disk index's search counts groups of rare words from each word's rows
(kept per process); it must find the rows FTS5 finds when asked for every group
of that many words in one query, as the index first did."""

from __future__ import annotations

import random
import sqlite3
import sys
from itertools import combinations
from pathlib import Path

import pytest

from factcheck.matching.store import StoredIndex, build_store, most_shared
from factcheck.registry.loader import load_registry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from gen_registry import generate


def by_groups(
    db: sqlite3.Connection, table: str, rare: list[str], limit: int, dimension: str | None = None
) -> list[int]:
    """The reference: one FTS5 query per group size, each with LIMIT, largest first."""
    if dimension is None:
        sql, extra = f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?", ()
    else:
        sql = (
            f"SELECT w.rowid FROM {table} AS w CROSS JOIN figures AS f ON f.id = w.rowid"
            f" WHERE {table} MATCH ? AND f.dimension = ? LIMIT ?"
        )
        extra = (dimension,)
    found: dict[int, None] = {}
    for size in range(len(rare), 0, -1):
        query = " OR ".join(
            "(" + " AND ".join(f'"{w}"' for w in group) + ")" for group in combinations(rare, size)
        )
        found.update((r, None) for (r,) in db.execute(sql, (query, *extra, limit)))
        if len(found) >= limit:
            return list(found)[:limit]
    return list(found)


def test_most_shared_finds_what_one_query_per_group_size_finds() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{k}" for k in range(30)]  # few words: rows share many of them
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(words)")
    for rowid in rng.sample(range(1, 5_000), 1_500):  # gaps: row numbers are not places
        words = rng.sample(vocabulary, rng.randint(1, 8))
        db.execute("INSERT INTO t(rowid, words) VALUES(?, ?)", (rowid, " ".join(words)))
    for _ in range(300):
        rare = rng.sample(vocabulary, rng.randint(1, 4))
        limit = rng.choice([1, 5, 12, 32, 200])
        postings = [
            [r for (r,) in db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", (w,))]
            for w in rare
        ]
        assert most_shared(postings, limit) == by_groups(db, "t", rare, limit), (rare, limit)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> StoredIndex:
    folder = tmp_path_factory.mktemp("store")
    toml = folder / "registry.toml"
    generate(3_000, toml, progress=False)
    build_store(load_registry(toml), folder / "index.sqlite")
    return StoredIndex(folder / "index.sqlite")


@pytest.mark.parametrize("table", ["wording", "figure"])
def test_the_index_search_finds_the_rows_of_the_group_queries(
    stored: StoredIndex, table: str
) -> None:
    rng = random.Random(table)
    db = stored.db
    terms = [t for (t,) in db.execute(f"SELECT term FROM {table}_terms ORDER BY term")]
    dimensions = [d for (d,) in db.execute("SELECT DISTINCT dimension FROM figures ORDER BY 1")]
    for _ in range(200):
        words = set(rng.sample(terms, rng.randint(1, 7)))
        dimension = rng.choice([*dimensions, "no-such"]) if table == "figure" else None
        limit = 32 if table == "figure" else 12
        marks = ",".join("?" * len(words))
        rare = [
            t
            for (t,) in db.execute(
                f"SELECT term FROM {table}_terms WHERE term IN ({marks}) ORDER BY docs, term LIMIT 4",
                sorted(words),
            )
        ]
        want = by_groups(db, f"{table}_words", rare, limit, dimension)
        got = stored._search_rows(f"{table}_words", f"{table}_terms", words, limit, dimension)
        assert got == want, (sorted(words), dimension)


def test_words_fts5_folds_are_searched_as_fts5_finds_them(tmp_path: Path) -> None:
    """FTS5 folds "é" to "e": a search for "sanchez" also finds the figure of
    "Sánchez". Such words are answered by FTS5, every other one from its list."""
    names = ["Sánchez", "Sanchez", "Müller", "Muller", "Ørsted", "Zürich"]
    lines = ['schema = 1\n[[sources]]\nid = "s1"\noutlet = "Daily"\ntitle = "T"\n']
    for k in range(60):
        name, other = names[k % len(names)], names[(k * 5 + 1) % len(names)]
        sentence = f"{name} counted {k + 10} boats near {other} harbour."
        lines.append(
            f'[[figures]]\nid = "f{k}"\nsubject = "boats {name}"\nkeywords = ["boats"]\nvalue = {k + 10}\n'
            f'unit = "boats"\n[[figures.reports]]\nsource = "s1"\nvalue = {k + 10}\n'
            f'text = "{k + 10} boats"\nsentence = "{sentence}"\n'
        )
    toml = tmp_path / "registry.toml"
    toml.write_text("\n".join(lines), encoding="utf-8")
    build_store(load_registry(toml), tmp_path / "index.sqlite")
    stored = StoredIndex(tmp_path / "index.sqlite")
    db = stored.db
    odd = {t for (t,) in db.execute("SELECT term FROM figure_odd")}
    assert {"sánchez", "sanchez", "müller", "muller"} <= odd
    assert "harbour" not in odd and "boat" not in odd
    terms = [t for (t,) in db.execute("SELECT term FROM figure_terms ORDER BY term")]
    (dimension,) = db.execute("SELECT DISTINCT dimension FROM figures").fetchone()
    rng = random.Random(3)
    for _ in range(100):
        words = set(rng.sample(terms, rng.randint(1, 4)))
        marks = ",".join("?" * len(words))
        rare = [
            t
            for (t,) in db.execute(
                f"SELECT term FROM figure_terms WHERE term IN ({marks}) ORDER BY docs, term LIMIT 4",
                sorted(words),
            )
        ]
        want = by_groups(db, "figure_words", rare, 5, dimension)
        assert stored._search_rows("figure_words", "figure_terms", words, 5, dimension) == want
