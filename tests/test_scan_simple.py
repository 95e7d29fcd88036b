"""The parser-free reading of a draft of paragraphs and headings (draft/simple.py)
gives markdown-it's blocks exactly, or declines."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.utils import MD_TRIM_CHARS

from factcheck.draft import markdown, simple
from factcheck.draft.markdown import MAX_NESTING, Directive, read_blocks
from factcheck.draft.simple import simple_pieces

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from run import make_draft

PROSE = ("paragraph_open", "heading_open", "th_open", "td_open")


def parser_pieces(text: str) -> list[tuple[str, int, int]]:
    """What read_blocks takes from markdown-it's tokens: each prose block's content
    and lines."""
    tokens = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").parse(text)
    return [
        (t.content, t.map[0], t.map[1])
        for i, t in enumerate(tokens)
        if t.type == "inline" and t.map is not None and i > 0 and tokens[i - 1].type in PROSE
    ]


# Line starts and pieces that make markdown-it read another kind of block, or cut a
# heading or a paragraph otherwise, beside words.
STARTS = [*"# #\t-*+>=_<[|`~:0.)1", "## ", "### a #", "1. ", "2) ", "10.5 ", "“", '"', "'"]
STARTS += ["\u00a0", "\u2028", "\u3000", "\x0c", "\x1c", "#\t", "#######", "---", "===", "a"]
STARTS += ["•", "—", "!", "\\", "&amp;", "$", "(", "*a*", "_a_", "~a", ":a", "+a", "1)a", "\u200b"]
WORDS = ["Word", "word ", " ", "  ", "\t", "#", "|", "<!-- x -->", "a|b", "é", "\u2029", ".", ""]
lines = st.tuples(st.sampled_from(STARTS), st.lists(st.sampled_from(WORDS), max_size=4)).map(
    lambda t: t[0] + "".join(t[1])
)
texts = st.one_of(
    st.lists(st.one_of(lines, st.just("")), max_size=12).map("\n".join),
    st.text(alphabet="a #-=\n\t.1)\u00a0|\u2028", max_size=40),
)


@given(texts)
@settings(max_examples=1500)
@example("# Title\nSome words.\n\nMore words  \nand a line.\n")
@example("Words\n# Heading\nwords")
@example("# Heading   \n\n\nA\u2028\n")
def test_simple_reading_is_the_parsers_or_declines(text: str) -> None:
    pieces = simple_pieces(text, text.split("\n"))
    if pieces is not None:
        assert pieces == parser_pieces(text)


def test_it_reads_a_draft_of_paragraphs_and_decides_nothing_else() -> None:
    draft = make_draft(3_000, random.Random(5))
    assert simple_pieces(draft, draft.split("\n")) == parser_pieces(draft)
    assert len(simple_pieces(draft, draft.split("\n")) or []) > 20
    for other in ("- a list item", "> a quotation", "    code", "1. first", "Title\n===", "| a |"):
        text = draft + "\n\n" + other + "\n"
        assert simple_pieces(text, text.split("\n")) is None, other


def test_the_blocks_are_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    draft = make_draft(2_000, random.Random(6)) + "\n\nWith <!-- factcheck: ignore x --> it.\n"
    fast = list(read_blocks(draft))
    monkeypatch.setattr(markdown, "simple_pieces", lambda text, lines: None)
    assert list(read_blocks(draft)) == fast
    assert any(isinstance(b, Directive) for b in fast)


def test_trimmed_as_the_parser_trims() -> None:
    assert simple._TRIM == MD_TRIM_CHARS


def test_every_draft_in_the_project_is_read_as_the_parser_reads_it() -> None:
    root = Path(__file__).resolve().parent.parent
    drafts = [p for p in root.rglob("*.md") if ".venv" not in p.parts]
    read = 0
    for path in drafts:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        pieces = simple_pieces(text, text.split("\n"))
        if pieces is not None:
            assert pieces == parser_pieces(text), path
            read += 1
    assert read >= 3  # the eval drafts of paragraphs alone, at least


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Dennis A. Daggett said so. He left.", ["Dennis A. Daggett said so.", "He left."]),
        ("It hit at 5:47 p.m. The port said so.", ["It hit at 5:47 p.m.", "The port said so."]),
        ("It hit at 5 p.m. Tuesday in Elm.", ["It hit at 5 p.m. Tuesday in Elm."]),
        ("Mr. Berg met Anna K. Kowal.", ["Mr. Berg met Anna K. Kowal."]),
        # A rank abbreviated before a name ends no sentence.
        ("Coast Guard Rear Adm. Ana Kowal spoke.", ["Coast Guard Rear Adm. Ana Kowal spoke."]),
        (
            "Capt. Tomas Berg and Sgt. Ana Kowal left.",
            ["Capt. Tomas Berg and Sgt. Ana Kowal left."],
        ),
        # Nor does the rupee's abbreviation before an amount.
        ("The total is Rs. 615 crore. It rose.", ["The total is Rs. 615 crore.", "It rose."]),
    ],
)
def test_a_sentence_ends_after_a_clock_not_after_an_initial(
    text: str, sentences: list[str]
) -> None:
    from factcheck.draft.sentences import split_sentences

    assert [text[a:b].strip() for a, b in split_sentences(text, [])] == sentences
