"""scan_text(): every quotation and figure of a draft, checked, at its place.

Pure: the draft's text in, findings out. Reading files is the caller's job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck.draft.ahead import Ahead, analyse_ahead
from factcheck.draft.markdown import MAX_NESTING, Block, Directive, TooDeep, read_blocks
from factcheck.draft.plain import read_plain_blocks
from factcheck.draft.sentences import split_sentences
from factcheck.matching.index import Index, index_for
from factcheck.model import Finding, Part, Registry, Verdict
from factcheck.quotations.spans import QuoteSpan, find_quotes
from factcheck.quotations.speakers import Attribution
from factcheck.verdicts.engine import PartMemo, analyse

OPENING_MARKS = ('"', "“", "„", "‘", "'")


@dataclass
class _Suppression:
    """What the draft's comments switch off: a range, the next block, or entries in it."""

    off: bool = False
    skip_next: bool = False
    entries_next: set[str] = field(default_factory=set)

    def apply(self, d: Directive) -> None:
        if d.action == "off":
            self.off = True
        elif d.action == "on":
            self.off = False
        elif d.entries:
            self.entries_next |= set(d.entries)
        else:
            self.skip_next = True

    def take(self) -> tuple[bool, set[str]]:
        """Whether the coming block is skipped, and which entries in it are."""
        skip, entries = self.off or self.skip_next, self.entries_next
        self.skip_next, self.entries_next = False, set()
        return skip, entries


# A block's verdicts, before they are placed: its parts (with the sentence each is in
# and where that sentence starts), the last speaker it names, its unclosed quotation.
Analysed = tuple[tuple[tuple[Part, int, str], ...], "Attribution | None", "QuoteSpan | None"]


class BlockMemo:
    """Blocks already analysed, by their text and the speaker before them: a server that
    scans a draft again after each keystroke analyses only the blocks that changed.
    Valid for one registry; a new registry needs a new memo."""

    def __init__(self, limit: int = 20_000) -> None:
        self.limit = limit
        self.seen: dict[tuple[str, Attribution | None], Analysed] = {}

    def get(self, key: tuple[str, Attribution | None]) -> Analysed | None:
        return self.seen.get(key)

    def put(self, key: tuple[str, Attribution | None], value: Analysed) -> None:
        if len(self.seen) >= self.limit:
            self.seen.clear()  # a crude bound: a memo is a cache, never the truth
        self.seen[key] = value


def scan_text(
    text: str,
    registry: Registry,
    path: str = "<draft>",
    ignore: Iterable[str] = (),
    memo: BlockMemo | None = None,
    plain: bool = False,
    jobs: int = 1,
) -> list[Finding]:
    """Check every quotation and figure in a Markdown draft, or (`plain`) a plain-text one.

    With `jobs` above 1, a long draft is cut into that many runs of blocks, all but
    the first analysed meanwhile by forked workers (draft/ahead.py): the same findings.
    """
    index = index_for(registry)
    ignored = set(ignore)
    findings: list[Finding] = []
    state = _Suppression()
    speaker: Attribution | None = None
    pending: list[Directive] = []
    unclosed: Finding | None = None
    sentences: SentenceMemo = {}
    parts = PartMemo()
    items = list(read_plain_blocks(text) if plain else read_blocks(text))
    # A server's scans, with their own memo, want no worker.
    aheads = _ahead(items, index, (sentences, parts), jobs) if memo is None and jobs > 1 else []
    for n, item in enumerate(items):
        if aheads and n == aheads[0].start:
            memo = aheads.pop(0).join(memo or BlockMemo())
        if isinstance(item, Directive):
            pending.append(item)
            continue
        if isinstance(item, TooDeep):
            findings.append(_too_deep(path, item))
            continue
        for d in pending:
            state.apply(d)
        pending = []
        skip, entries = state.take()
        if unclosed is not None and not _continues_quotation(item):
            findings.append(unclosed)
        # A suppressed block is still read: a speaker it names is who a later "he said" means.
        block_findings, speaker, unclosed = _scan_block(
            item, index, path, speaker, memo, (sentences, parts)
        )
        if skip:
            unclosed = None
        else:
            findings.extend(f for f in block_findings if f.part.entry not in ignored | entries)
    if unclosed is not None:
        findings.append(unclosed)
    return findings


def _ahead(
    items: list[Block | Directive | TooDeep],
    index: Index,
    seen: tuple[SentenceMemo, PartMemo],
    jobs: int,
) -> list[Ahead]:
    texts = [item.text if isinstance(item, Block) else None for item in items]
    return analyse_ahead(
        texts, lambda text, speaker: _analyse_block(text, index, speaker, *seen), jobs
    )


def is_plain_text(path: str) -> bool:
    """Whether a draft is read as plain text rather than Markdown: by its name."""
    return path.lower().endswith(".txt")


def _continues_quotation(block: Block) -> bool:
    """A quotation running on into the next paragraph reopens it with a quotation mark
    and leaves the previous one open: that is the convention, not a mistake."""
    return block.text.lstrip()[:1] in OPENING_MARKS


def _scan_block(
    block: Block,
    index: Index,
    path: str,
    speaker: Attribution | None,
    memo: BlockMemo | None,
    seen: tuple[SentenceMemo, PartMemo],
) -> tuple[list[Finding], Attribution | None, Finding | None]:
    """The block's findings, the last speaker it names, and its unclosed quotation mark."""
    key = (block.text, speaker)
    analysed = memo.get(key) if memo is not None else None
    if analysed is None:
        analysed = _analyse_block(block.text, index, speaker, *seen)
        if memo is not None:
            memo.put(key, analysed)
    parts, speaker, unclosed = analysed
    out = [_finding(block, path, p, start, sentence) for p, start, sentence in parts]
    return out, speaker, _unclosed_finding(block, path, unclosed) if unclosed else None


def _too_deep(path: str, item: TooDeep) -> Finding:
    reason = (
        f"lists or blockquotes nested more than {MAX_NESTING} levels deep from here "
        "are not read, so what they hold was not checked"
    )
    part = Part("nesting", "", 0, 1, Verdict.ERROR, reasons=(reason,))
    return Finding(path, item.line, 1, item.line, 2, part, "")


# A sentence's parts by its text and the speaker before it: analyse() depends on
# nothing else, and drafts repeat sentences (a standing line, a quotation
# recalled, an archive's boilerplate). Kept for one scan; bounded.
SentenceMemo = dict[tuple[str, "Attribution | None"], tuple[list[Part], "Attribution | None"]]
MAX_SENTENCES = 50_000


def _analyse_block(
    text: str,
    index: Index,
    speaker: Attribution | None,
    seen: SentenceMemo | None = None,
    judged: PartMemo | None = None,
) -> Analysed:
    quotes = find_quotes(text)
    out: list[tuple[Part, int, str]] = []
    memo: SentenceMemo = {} if seen is None else seen
    for start, end in split_sentences(text, quotes):
        sentence = text[start:end]
        key = (sentence, speaker)
        done = memo.get(key)
        if done is None:
            done = analyse(sentence, index, speaker, judged)
            if len(memo) >= MAX_SENTENCES:
                memo.clear()  # a crude bound, as for blocks
            memo[key] = done
        parts, speaker = done
        out.extend((p, start, sentence) for p in parts)
    unclosed = next((q for q in quotes if not q.closed), None)
    return tuple(out), speaker, unclosed


def _unclosed_finding(block: Block, path: str, span: QuoteSpan) -> Finding:
    mark = block.text[span.start]
    reason = (
        f"{mark} opened here is never closed, so where the quotation ends is a guess; "
        "the rest of the paragraph was checked as quoted words"
    )
    part = Part(
        "quotation mark", mark, span.start, span.start + 1, Verdict.ERROR, reasons=(reason,)
    )
    return _finding(block, path, part, 0, block.text[span.start : span.start + 80])


def _finding(block: Block, path: str, part: Part, base: int, sentence: str) -> Finding:
    line, column = block.position(base + part.start)
    # The span's last character, not counting line breaks: a quotation that closes at the
    # start of the next line still ends on the line where its words end.
    last = base + max(part.end - 1, part.start)
    while last > base + part.start and block.text[last] in "\r\n":
        last -= 1
    end_line, end_column = block.position(last)
    return Finding(path, line, column, end_line, end_column + 1, part, _context(sentence, part))


MAX_CONTEXT = 600  # characters of a sentence shown with a finding


def _context(sentence: str, part: Part) -> str:
    """The sentence, white space collapsed; of a very long one (a paragraph without
    a full stop), the stretch around the part: the whole of it for each of a
    thousand findings would make a paragraph cost the square of its length."""
    if len(sentence) > MAX_CONTEXT:
        half = MAX_CONTEXT // 2
        start = max(0, min(part.start - half, len(sentence) - MAX_CONTEXT))
        sentence = ("…" if start else "") + sentence[start : start + MAX_CONTEXT] + "…"
    return " ".join(sentence.split())
