"""Read a plain-text draft: paragraphs between blank lines, every line prose.

Markdown's rules do not apply to a .txt file: an indented line is not code, a
leading "#" is not a heading, and nothing is blanked but URLs and suppression
comments, which are honoured as in Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.draft.markdown import DIRECTIVE, Block, Directive, LineMap, _directives
from factcheck.text import blank_spans

_LINE_END = re.compile(r"\r\n?")
_URL = re.compile(r"\bhttps?://[^\s<>()\"]+")


def read_plain_blocks(source: str) -> Iterator[Block | Directive]:
    """Paragraphs and suppression directives, in the order they stand in the file."""
    lines = _LINE_END.sub("\n", source).split("\n")
    paragraph: list[int] = []
    for number, line in enumerate([*lines, ""]):
        if line.strip():
            paragraph.append(number)
            continue
        if paragraph:
            yield from _paragraph(lines, paragraph)
            paragraph = []


def _paragraph(lines: list[str], numbers: list[int]) -> Iterator[Block | Directive]:
    raw = "\n".join(lines[n] for n in numbers)
    yield from _directives(raw, numbers[0] + 1)
    text = blank_spans(
        raw, [m.span() for m in DIRECTIVE.finditer(raw)] + [m.span() for m in _URL.finditer(raw)]
    )
    if not text.strip():
        return
    maps, offset = [], 0
    for n in numbers:
        maps.append(LineMap(offset, n + 1, 0))
        offset += len(lines[n]) + 1
    yield Block(text, raw, tuple(maps))
