"""A scan's memos change how often a part is judged, never what it says."""

from __future__ import annotations

from pathlib import Path

from factcheck.draft.scan import scan_text
from factcheck.matching.index import index_for
from factcheck.registry import load_registry
from factcheck.verdicts.engine import PartMemo, analyse

MINI = load_registry(Path(__file__).parent / "fixtures" / "mini.toml")

# The same quoted words at other offsets, after other speakers and under a pronoun;
# the same figures in sentences whose quotations differ.
SENTENCES = [
    '"This bridge will open the harbour to the whole valley," Varga said.',
    'Later, "This bridge will open the harbour to the whole valley," Berg said.',
    'He said "This bridge will open the harbour to the whole valley" again.',
    'Varga said "we used twice as much steel" and the bridge is 1,300 metres long.',
    'Berg said "we used twice as much steel" and the bridge is 1,300 metres long.',
    'As Berg said, "we used twice as much steel" for it.',
    "The bridge is 1,200 metres long and 450 workers built it.",
    "The bridge is 1,200 metres long and 450 workers built it.",
]


def test_parts_from_the_memo_are_the_parts_judged_afresh() -> None:
    index = index_for(MINI)
    memo = PartMemo()
    speaker_fresh = speaker_memo = None
    for sentence in SENTENCES:
        fresh, speaker_fresh = analyse(sentence, index, speaker_fresh)
        remembered, speaker_memo = analyse(sentence, index, speaker_memo, memo)
        assert remembered == fresh, sentence
        assert speaker_memo == speaker_fresh
    # It was asked again for words it had judged: the test would pass without a memo.
    assert len(memo.quoted) < sum(s.count('"') // 2 for s in SENTENCES)
    assert len(memo.masked) < len(SENTENCES)


def test_a_scan_places_remembered_parts_where_they_stand() -> None:
    draft = "\n\n".join(SENTENCES)
    findings = scan_text(draft, MINI)
    quoted = [f for f in findings if f.part.kind == "quotation"]
    lines = draft.split("\n")
    for f in quoted:
        assert lines[f.line - 1][f.column - 1 :].startswith(f.part.text)
    assert len({f.line for f in quoted}) == 6
