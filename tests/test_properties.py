"""Properties that hold for every input: nothing raises, every position lies inside.

Run by pytest these are quick tests; `python tools/fuzz.py`
runs the same property bodies (FUZZ_TARGETS) in-process on every core, on a
million inputs of its own making (the README records how many were tried).
Crashes found that way become the explicit examples below.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.batch import read_rows, split_lines
from factcheck.draft.scan import scan_text
from factcheck.errors import RegistryError
from factcheck.limits import MAX_CLAIM
from factcheck.model import Registry
from factcheck.registry.loader import parse_registry
from factcheck.verdicts.engine import check

HERE = Path(__file__).parent
MINI_TEXT = (HERE / "fixtures" / "mini.toml").read_text(encoding="utf-8")
MINI = Registry.load(str(HERE / "fixtures" / "mini.toml"))

# Drafts built from what drafts are made of, so that the fuzzer reaches quotations,
# figures, speakers and Markdown constructs rather than only random code points.
PIECES = [
    "The bridge is 1,200 metres long.",
    "“This bridge will open the harbour to the whole colourful valley,” Varga said.",
    '"We used twice as much steel," said Tomas Berg.',
    "In all, 600 workers built the bridge.",
    "he said",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "\n\n",
    "\n",
    "# ",
    "> ",
    "- ",
    "```\n",
    "`",
    "<!-- factcheck: ignore -->",
    "<!-- factcheck: off -->",
    "<!--",
    "---\n",
    "| a | b |\n| - | - |\n",
    "[link](http://x.y)",
    "Mr.",
    "...",
    "…",
    "about ",
    "tens of thousands of ",
    "$4bn",
    "12%",
    " ",
    # What ingest reads beside a number: totals, gains, losses, initials, bodies.
    "the death toll rose to ",
    "daily losses were estimated at ",
    "job gains were revised up to ",
    "the tailback of ships had reached ",
    "Rs. 5 crore",
    "ISRO Chairman S Somanath said",
    "the Harbour and Ports Authority (HPA) stated",
    "quoted Berg as saying that ",
]
drafts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=40).map("".join),
)


@given(drafts)
@example("“\n\n“")
@example("\x0c\r0")  # found by Hypothesis: a lone \r did not end a line
@example('“0\n"')  # found by tools/fuzz.py: a quotation closed on the next line ended past it
@example("<!-- factcheck: off -->\n\n“open")
@example("\x1f\n0")  # found by tools/fuzz.py: Python's strip() takes \x1f for whitespace
# found by the million-input run: the parser turns U+0000 into U+FFFD, so a line
# holding one was not found and its column fell back to Python's idea of indent
@example("\x1f\x001")
@example("0\n\x0b\x000")
@example("F\r “\x00")
@example("\x85\x001")
@example("<Ri:\ud825\udd59>")  # a lone surrogate in an autolink: UnicodeEncodeError
@example('- ‘\n\t"')  # the parser turned the tab into spaces: the line was not found
@example(">\u2029\r丮„|")  # the parser took '>' and U+2029 for a blank line: one line off
@example("[](\udb53\udfff")  # the same in a link destination
@example("* C\r\t‘")
@example("* \u2029\nY—\\3")
@example(">\xa0\r12%")
@example("---\n\rd\n---\n0286")  # a lone \r inside front matter was not a line
def test_scan_never_raises_and_every_finding_lies_inside_the_draft(text: str) -> None:
    # Lines as editors, GitHub and SARIF count them: \n, \r\n or \r ends one; a form
    # feed or U+2028 does not (str.splitlines would count those too).
    lines = re.split(r"\r\n|\r|\n", text)
    for f in scan_text(text, MINI, "d.md"):
        assert 1 <= f.line <= f.end_line <= len(lines)
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1
        assert (f.line, f.column) <= (f.end_line, f.end_column)
        assert f.message


# Claims built from the pieces claims are made of: numbers of every shape and
# length, quotation marks, speakers and the registry's own sentences.
CLAIM_PIECES = [
    *PIECES,
    "1e400",
    "9" * 400,
    "1" * 4400,
    "0.",
    ".5",
    "1,2,3,4",
    "½",
    "٣",
    "km",
    " million",
    " billion",
    "-",
    "–",
    "per cent",
    "Tomas Berg said",
    "Varga",
    "\udfff",
    "\x00",
]
claims = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.one_of(st.sampled_from(CLAIM_PIECES), st.integers().map(str), st.text(max_size=4)),
        max_size=30,
    ).map("".join),
).map(lambda text: text[:MAX_CLAIM])


@given(claims)
def test_check_never_raises_and_every_part_lies_inside_the_claim(claim: str) -> None:
    result = check(claim, MINI)
    assert result.verdict
    for part in result.parts:
        assert 0 <= part.start <= part.end <= len(claim)


@given(st.lists(st.text(), max_size=20), st.sampled_from(["jsonl", "csv", "text"]))
@example(["[" * 5000 + "\n"], "jsonl")
@example(["\r0"], "csv")  # found by tools/fuzz.py: csv refused the header line
@example(["\ufeff"], "jsonl")  # found by tools/fuzz.py: a byte-order mark alone was a row
@example(["\ufeff"], "text")
@example(['{"claim": ' + "1" * 5000 + "}\n"], "jsonl")
@example(["claim\n", '"' + "x" * 200_000 + '"\n'], "csv")
def test_batch_rows_never_raise_and_keep_one_row_per_line(lines: list[str], fmt: str) -> None:
    lines = split_lines("\n".join(lines))
    rows = list(read_rows(lines, fmt, "c"))
    if fmt in ("jsonl", "text"):
        # one row per line that has anything on it (CSV cells may span lines)
        assert len(rows) == sum(1 for line in lines if line.replace("\ufeff", "").strip())
    for row in rows:
        assert row.error or row.claim.strip()


def mutations() -> st.SearchStrategy[str]:
    """The fixture registry with a few characters cut out or typed in."""

    @st.composite
    def mutate(draw: st.DrawFn) -> str:  # a mutated registry
        text = MINI_TEXT
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(text)))
            if draw(st.booleans()):
                text = text[:at] + text[at + draw(st.integers(1, 20)) :]
            else:
                text = text[:at] + draw(st.text(max_size=6)) + text[at:]
        return text

    return mutate()


@given(st.one_of(st.text(), mutations()))
def test_registry_loader_reports_problems_and_never_raises_anything_else(text: str) -> None:
    try:
        _, problems = parse_registry(text, "r.toml")
    except RegistryError as exc:
        assert str(exc).startswith("r.toml")
        return
    for p in problems:
        assert str(p).startswith("r.toml")
        assert not p.line or 1 <= p.line <= text.count("\n") + 1  # 0: the whole file


# What tools/fuzz.py runs: each property's body, without Hypothesis around it.
FUZZ_TARGETS = {
    "check": test_check_never_raises_and_every_part_lies_inside_the_claim,
    "scan": test_scan_never_raises_and_every_finding_lies_inside_the_draft,
    "batch rows": test_batch_rows_never_raise_and_keep_one_row_per_line,
    "registry loading": test_registry_loader_reports_problems_and_never_raises_anything_else,
}


@given(drafts)
@example("Rabie stated that the canal’s daily losses were estimated at $12 to $15 million.")
def test_ingest_never_raises_and_what_it_proposes_passes_registry_check(text: str) -> None:
    from factcheck.ingest.merge import merge
    from factcheck.ingest.propose import propose
    from factcheck.model import Source

    proposal = propose(text, EMPTY, Source("s", "S", "", "", "2024-06-01", "", ""))
    merged = merge("schema = 1\n", proposal)
    problems = parse_registry(merged, "new.toml")[1]
    # A text with nothing to propose makes an empty registry, which is its own problem.
    assert [p for p in problems if "no quotations and no figures" not in str(p)] == []


EMPTY = parse_registry("schema = 1\n", "new.toml")[0]
