"""What `conflicts` and `sources` list, read from a large registry's on-disk index.

Both commands go through every entry, and a registry of millions of entries
does not fit in memory. The index keeps what they need (matching/bulk.py):
the figures with more than one report, the only ones whose sources can
disagree or form a series, and how many quotations and figures each source
backs. The commands then run as on a registry in memory, on those alone.
"""

from __future__ import annotations

import sqlite3

from factcheck.matching.index import index_for
from factcheck.matching.store import StoredIndex
from factcheck.model import Registry, Source
from factcheck.registry import codec

Counts = dict[str, tuple[int, int]]


def stored_listing(registry: Registry) -> tuple[Registry, Counts] | None:
    """The registry's sources (in file order), its figures with several reports and
    each source's counts; None for a registry in memory, or an index built before
    these were kept (the caller reads the whole file then)."""
    if registry.quotations or registry.figures:
        return None
    index = index_for(registry)
    if not isinstance(index, StoredIndex):
        return None
    try:
        db = sqlite3.connect(f"file:{index.path}?mode=ro", uri=True)
        try:
            return _read(db, registry)
        finally:
            db.close()
    except (sqlite3.DatabaseError, codec.DecodeError):
        return None


def _read(db: sqlite3.Connection, registry: Registry) -> tuple[Registry, Counts]:
    sources: dict[str, Source] = {}
    for sid, blob in db.execute("SELECT id, blob FROM sources ORDER BY rowid"):
        sources[sid] = codec.guarded(codec.decode_source, codec.loads(blob))
    figures = tuple(
        codec.guarded(codec.decode_figure_info, codec.loads(blob)).figure
        for (blob,) in db.execute(
            "SELECT f.blob FROM several s JOIN figures f ON f.id = s.figure ORDER BY s.figure"
        )
    )
    counts = {sid: (q, f) for sid, q, f in db.execute("SELECT * FROM backs")}
    listed = Registry(
        path=registry.path, sources=sources, speakers=registry.speakers, figures=figures
    )
    return listed, counts
