"""Read a Markdown or plain-text draft as an editor does: prose blocks with
their exact place in the file.

markdown-it-py finds the structure (headings, lists, blockquotes, tables,
code blocks, HTML); what is not prose inside a block (inline code, HTML,
link targets) is blanked so that offsets still map back to the file.
Front matter is blanked before parsing, keeping line numbers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.draft.simple import simple_pieces
from factcheck.text import blank_spans

_FRONT = {"---": "---", "+++": "+++"}
_BACKTICKS = re.compile(r"`+")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>")
_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^<>\s]*>")
_URL = re.compile(r"\bhttps?://[^\s<>()\"]+")
_PROSE = ("paragraph_open", "heading_open", "th_open", "td_open")
DIRECTIVE = re.compile(r"<!--\s*factcheck:\s*(ignore|off|on)\b([^>]*?)-->", re.IGNORECASE)


@dataclass(frozen=True)
class LineMap:
    """Where line `index` of a block's text starts: in the block and in the file."""

    offset: int  # into the block text
    line: int  # 1-based line in the file
    column: int  # 0-based column in the file


@dataclass(frozen=True)
class Block:
    """A run of prose (paragraph, heading, cell) and how to place its characters."""

    text: str  # prose with non-prose blanked
    raw: str  # as written
    lines: tuple[LineMap, ...]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the file of a character of `text`.

        A binary search: a block of many lines is asked once per finding."""
        at = bisect_right(self.lines, offset, key=lambda lm: lm.offset) - 1
        current = self.lines[max(at, 0)]
        return current.line, current.column + (offset - current.offset) + 1


# Levels of nesting markdown-it parses (its default, 20, silently dropped a list
# ten items deep); a blockquote can be read some 98 deep, a list item some 48.
MAX_NESTING = 100


@dataclass(frozen=True)
class TooDeep:
    """Where the draft nests deeper than MAX_NESTING: what is inside is not read."""

    line: int


@dataclass(frozen=True)
class Directive:
    line: int
    action: str  # ignore, off, on
    entries: tuple[str, ...]


def blank_front_matter(source: str) -> str:
    """Blank a leading YAML (---) or TOML (+++) front matter block, keeping its lines."""
    lines = source.split("\n")
    fence = lines[0].strip() if lines else ""
    if fence not in _FRONT:
        return source
    for end in range(1, len(lines)):
        if lines[end].strip() == _FRONT[fence]:
            return "\n" * end + "\n" + "\n".join(lines[end + 1 :])
    return source


def mask_inline(text: str) -> str:
    """Blank inline code, HTML, link targets and bare URLs, keeping offsets."""
    patterns = (_TAG, _LINK_TARGET, _AUTOLINK, _URL)
    spans = [m.span() for p in patterns for m in p.finditer(text)]
    return blank_spans(text, [*code_spans(text), *comment_spans(text), *spans])


# Code spans and comments are found by scanning, not by a regular expression: the
# obvious patterns backtrack without end on a line of unmatched backticks or "<!--".


def code_spans(text: str) -> list[tuple[int, int]]:
    """Inline code as CommonMark reads it: a run of backticks up to the next run of
    the same length; a run with no partner is literal text."""
    runs = [m.span() for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for k, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(k)
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(runs):
        start, end = runs[k]
        same = by_length[end - start]
        at = bisect_right(same, k)
        if at < len(same):
            closer = runs[same[at]]
            spans.append((start, closer[1]))
            k = same[at] + 1
        else:
            k += 1
    return spans


def comment_spans(text: str) -> list[tuple[int, int]]:
    """HTML comments; one never closed runs to the end, as it does for a browser."""
    spans: list[tuple[int, int]] = []
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            spans.append((start, len(text)))
            break
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


_LINE_END = re.compile(r"\r\n?")
_UNSAFE = re.compile("[\0\ud800-\udfff]")  # what the parser rewrites as U+FFFD, or cannot take


def read_blocks(source: str) -> Iterator[Block | Directive | TooDeep]:
    """Prose blocks and suppression directives, in the order they stand in the file."""
    # markdown-it ends a line at \r\n, \r or \n, and so do editors: count lines alike.
    # Line ends first: front matter is blanked line for line, and a lone \r in it
    # is a line too.
    text = blank_front_matter(_LINE_END.sub("\n", source))
    # The parser turns U+0000 into U+FFFD (CommonMark asks it to): so do the lines
    # its pieces are found in, or a piece holding one is not found where it is. A
    # lone surrogate (an editor's buffer over LSP may hold one) would stop the
    # parser's link handling, which encodes to UTF-8: U+FFFD too, one for one.
    text = _UNSAFE.sub("\ufffd", text)
    file_lines = text.split("\n")
    pieces = simple_pieces(text, file_lines)
    if pieces is not None:  # only paragraphs and headings: no parser needed
        for content, first, end in pieces:
            yield from _prose(content, first, end, file_lines)
        return
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    tokens = md.parse(text)
    deepest = max((t for t in tokens if t.map is not None), key=lambda t: t.level, default=None)
    if deepest is not None and deepest.level >= MAX_NESTING - 2:  # the parser stopped there
        yield TooDeep(deepest.map[0] + 1 if deepest.map else 1)
    for i, tok in enumerate(tokens):
        if tok.type == "html_block":
            yield from _directives(tok.content, (tok.map or [0, 0])[0] + 1)
        elif (
            tok.type == "inline" and tok.map is not None and i > 0 and tokens[i - 1].type in _PROSE
        ):
            yield from _prose(tok.content, tok.map[0], tok.map[1], file_lines)


def _prose(
    content: str, first: int, end: int, file_lines: list[str]
) -> Iterator[Block | Directive]:
    """A paragraph's or heading's directives, then its block (none if it is blank)."""
    yield from _directives(content, first + 1)
    block = _block(content, first, file_lines, end)
    if block is not None:
        yield block


def _directives(content: str, line: int) -> Iterator[Directive]:
    for m in DIRECTIVE.finditer(content):
        entries = tuple(m.group(2).split()) if m.group(1).lower() == "ignore" else ()
        yield Directive(line + content[: m.start()].count("\n"), m.group(1).lower(), entries)


def _block(content: str, first_line: int, file_lines: list[str], end_line: int) -> Block | None:
    maps: list[LineMap] = []
    offset = 0
    skipped = 0
    for k, piece in enumerate(content.split("\n")):
        index = first_line + k + skipped
        if k == 0 and piece:
            # The parser trims the block, and so drops leading lines it takes for
            # blank: a form feed, or a blockquote's '>' and a U+2029 (JavaScript's
            # whitespace, not CommonMark's). The first piece is on the first line of
            # the block that holds it.
            skipped = _line_holding(piece.lstrip(" \t"), file_lines, index, end_line) - index
            index += skipped
        source_line = file_lines[index] if index < len(file_lines) else ""
        maps.append(LineMap(offset, index + 1, _column(piece, source_line)))
        offset += len(piece) + 1
    if not content.strip():
        return None
    return Block(mask_inline(content), content, tuple(maps))


def _line_holding(piece: str, file_lines: list[str], first: int, end: int) -> int:
    for index in range(first, min(end, len(file_lines))):
        if piece in file_lines[index]:
            return index
    return first


def _column(piece: str, line: str) -> int:
    """Where a piece of the parser's content starts on its line of the file."""
    found = line.find(piece) if piece else 0
    if found >= 0:
        return found
    # The parser turned a tab before the text into spaces: the text is where it is.
    bare = piece.lstrip(" \t")
    if bare and (found := line.find(bare)) >= 0:
        return found - (len(piece) - len(bare))
    # It rewrote the line (escapes): fall back to the line's indent (CommonMark's:
    # spaces and tabs, not all that Python's strip() takes)
    return len(line) - len(line.lstrip(" \t"))
