"""The blocks of a Markdown draft that is only paragraphs and ATX headings, read
without markdown-it: importing and running the parser is a fifth of a short
draft's scan and an eighth of a long one's.

Exactly what markdown-it's CommonMark parser would find, or nothing. A line can
start another kind of block (code, a list, a quotation, HTML, a table, a link
definition, a rule, a setext underline) only with white space, a digit before
"." or ")", or one of a few marks; a draft with any such line, or with a
heading this reader does not cut as the parser does, is left to the parser.
Inline syntax never moves a block's bounds, and `_block` blanks it as before.
"""

from __future__ import annotations

import re

# A line that may be anything but a paragraph's or a simple heading's: one that
# starts with white space or a mark that can open another block ("#", ">", "-",
# "*", "+", "_", "=", "`", "~", "<", "[", "|", ":"), or a digit opening a list item.
# A simple heading (one to six "#", a space, then words holding no "#", whose
# closing-sequence rules are not copied here) is not such a line.
_NOT_SIMPLE = re.compile(
    r"^(?:(?!#{1,6} (?=\S)[^#\n]*$)(?:[^\S\n]|[#>\-+*_=`~<\[|:])|\d{1,9}[.)](?:[ \t]|$))",
    re.MULTILINE,
)
_HEADING = re.compile(r"#{1,6} ")
# CommonMark's white space and the Unicode spaces markdown-it trims a block by
# (markdown_it.common.utils.MD_TRIM_CHARS).
_TRIM = "".join(
    chr(c)
    for c in sorted(
        {9, 10, 11, 12, 13, 32, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000}
        | {*range(0x2000, 0x200B), 0x2028, 0x2029}
    )
)

# A prose block as the parser gives it: its content and its first and end lines.
Piece = tuple[str, int, int]


def simple_pieces(text: str, lines: list[str]) -> list[Piece] | None:
    """The paragraphs and headings of `text` (split into `lines`), or None when
    some line may start another kind of block."""
    if _NOT_SIMPLE.search(text):
        return None
    pieces: list[Piece] = []
    start = -1  # the first line of the paragraph being read, or -1
    for number, line in enumerate(lines):
        heading = _HEADING.match(line)
        if start >= 0 and (not line or heading):
            pieces.append(_paragraph(lines, start, number))
            start = -1
        if heading:
            pieces.append((line[heading.end() :].strip(_TRIM), number, number + 1))
        elif line and start < 0:
            start = number
    if start >= 0:
        pieces.append(_paragraph(lines, start, len(lines)))
    return pieces


def _paragraph(lines: list[str], start: int, end: int) -> Piece:
    return "\n".join(lines[start:end]).strip(_TRIM), start, end
