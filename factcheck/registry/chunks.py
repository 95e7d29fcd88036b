"""A registry file cut into parts that can be read one at a time, in any order.

A tomllib parse of a whole file holds all of it, several times its size, in
memory: a registry of ten million entries does not fit. Its top-level arrays
of tables (`[[quotations]]`, `[[figures]]`, …) are independent of one
another, so the file is cut at those headers into chunks of a few thousand
entries, each a byte range with its first line and, for TOML, how many
tables of each array come before it: a chunk read alone names the same line
and the same `quotations[12345]` in its problems as the whole file would.

A JSON Lines registry is cut at line ends. Cutting reads the file once in
blocks and keeps no more than one block in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.registry.loader import is_jsonl

TABLES = ("sources", "speakers", "quotations", "figures")
ENTRIES_PER_CHUNK = 2_000
BLOCK = 8 * 1024 * 1024
_HEADER = re.compile(
    rb'^[ \t]*\[\[[ \t]*"?(sources|speakers|quotations|figures)"?[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$',
    re.M,
)


class CannotSplit(Exception):
    """The file's layout is not one header per entry (a table continued after another
    array's header, an array written inline): it is read whole instead."""


# Sources and speakers are read first (every entry names some); quotations and figures after.
GROUPS = {"sources": "small", "speakers": "small", "quotations": "entries", "figures": "entries"}


@dataclass(frozen=True)
class Chunk:
    start: int  # byte offset in the file
    end: int
    first_line: int  # the line (from 1) the chunk starts on
    group: str  # "small", "entries"; "head" before the first header; "lines" in JSON Lines
    # TOML: for each array in the chunk, how many of its tables come before, and in it.
    tables: tuple[tuple[str, int, int], ...] = ()


def split_registry(path: Path, per_chunk: int = ENTRIES_PER_CHUNK) -> Iterator[Chunk]:
    if is_jsonl(path):
        return _split_lines(path, per_chunk)
    return _split_toml(path, per_chunk)


def read_chunk(path: Path, chunk: Chunk) -> bytes:
    with path.open("rb") as f:
        f.seek(chunk.start)
        return f.read(chunk.end - chunk.start)


def _blocks(path: Path) -> Iterator[tuple[int, bytes]]:
    """The file in blocks that end at a line end, each with its offset."""
    offset, rest = 0, b""
    with path.open("rb") as f:
        while True:
            data = f.read(BLOCK)
            if not data:
                break
            data = rest + data
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                rest = data
                continue
            yield offset, data[:cut]
            offset += cut
            rest = data[cut:]
    if rest:
        yield offset, rest


def _split_lines(path: Path, per_chunk: int) -> Iterator[Chunk]:
    line = 1
    for offset, block in _blocks(path):
        start = 0
        while start < len(block):
            end = _nth_line_end(block, start, per_chunk)
            yield Chunk(offset + start, offset + end, line, "lines")
            line += block.count(b"\n", start, end)
            start = end


def _nth_line_end(block: bytes, start: int, n: int) -> int:
    end = start
    for _ in range(n):
        found = block.find(b"\n", end)
        if found < 0:
            return len(block)
        end = found + 1
    return end


class _Cutter:
    """Headers seen so far, gathered into chunks of one group each."""

    def __init__(self, per_chunk: int) -> None:
        self.per_chunk = per_chunk
        self.seen = dict.fromkeys(TABLES, 0)
        self.group, self.start, self.line = "head", 0, 1
        self.bases: dict[str, int] = {}
        self.total = 0
        self.quotes = [0, 0]  # triple quotes of each kind since the file began

    def starts(self, table: str) -> bool:
        """Whether a header of `table` starts a new chunk (and so needs its line)."""
        return GROUPS[table] != self.group or self.total >= self.per_chunk

    def header(self, table: str, at: int, line: int) -> Chunk | None:
        """A header at byte `at`: the chunk it closes, if it starts a new one."""
        done = None
        if self.starts(table):
            done = self.close(at)
            self.group, self.start, self.line = GROUPS[table], at, line
            self.bases, self.total = {}, 0
        self.bases.setdefault(table, self.seen[table])
        self.seen[table] += 1
        self.total += 1
        return done

    def count_quotes(self, block: bytes, start: int, end: int) -> None:
        self.quotes[0] += block.count(b'"""', start, end)
        self.quotes[1] += block.count(b"'''", start, end)

    def in_string(self) -> bool:
        return bool(self.quotes[0] % 2 or self.quotes[1] % 2)

    def close(self, at: int) -> Chunk | None:
        if at == self.start:
            return None
        tables = tuple((t, b, self.seen[t] - b) for t, b in self.bases.items())
        return Chunk(self.start, at, self.line, self.group, tables)


def _split_toml(path: Path, per_chunk: int) -> Iterator[Chunk]:
    cut = _Cutter(per_chunk)
    line, end = 1, 0
    for offset, block in _blocks(path):
        pos = 0
        if not cut.in_string() and b'"""' not in block and b"'''" not in block:
            # No multi-line string: every header-like line is a header, and only
            # a chunk's first header needs its line (counting at each costs a
            # third of the build's time before the first worker starts).
            yield from _split_plain(cut, block, offset, line)
            line += block.count(b"\n")
            end = offset + len(block)
            continue
        for match in _HEADER.finditer(block):
            line += block.count(b"\n", pos, match.start())
            cut.count_quotes(block, pos, match.start())
            pos = match.start()
            if cut.in_string():
                continue  # a header-like line inside a multi-line string
            done = cut.header(match.group(1).decode(), offset + pos, line)
            if done is not None:
                yield done
        line += block.count(b"\n", pos)
        cut.count_quotes(block, pos, len(block))
        end = offset + len(block)
    last = cut.close(end)
    if last is not None:
        yield last


def _split_plain(cut: _Cutter, block: bytes, offset: int, line: int) -> Iterator[Chunk]:
    """The headers of a block with no triple quote; `line` is the block's first."""
    pos = 0
    for match in _HEADER.finditer(block):
        table = match.group(1).decode()
        if cut.starts(table):
            line += block.count(b"\n", pos, match.start())
            pos = match.start()
        done = cut.header(table, offset + match.start(), line)
        if done is not None:
            yield done
