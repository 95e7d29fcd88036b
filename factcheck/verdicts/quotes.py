"""The verdict on quoted words: are they a source's words, and whose?"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from factcheck.matching.index import Index, Wording
from factcheck.model import Evidence, Part, Quotation, Speaker, Verdict
from factcheck.quotations.align import (
    ADD,
    DROP,
    GAPPED_DROP,
    SUB,
    Alignment,
    Op,
    align,
    one_letter_apart,
    verbatim,
)
from factcheck.quotations.names import initials_of, spelt_alike
from factcheck.quotations.normalize import QWord, quote_words, real_words
from factcheck.quotations.speakers import BEFORE_NAMES, Attribution
from factcheck.text import STOPWORDS

# Below these, a near miss is too little to call the words a misquotation of
# an entry rather than different words altogether.
MIN_WORDS_FOR_ALTERATION = 4
MIN_SIMILARITY = 0.6
MIN_CONTENT_MATCHES = 2
# The longer the quotation, the less of it needs to stand in a source's wording to
# be that wording rather than a coincidence (unrelated passages of twenty words or
# more share well under a fifth of their words in order): a passage of that length
# that shares half is the source's passage reworded, such as another translation.
MIN_WORDS_LONG = 20
MIN_SIMILARITY_LONG = 0.5
MIN_CONTENT_LONG = 8


def min_similarity(typed_count: int) -> float:
    return MIN_SIMILARITY_LONG if typed_count >= MIN_WORDS_LONG else MIN_SIMILARITY


def _max_changes_share(typed_count: int) -> float:
    # With similarity = 1 - changes / max(typed words, kept + changes), a similarity
    # of m needs changes <= (1 - m) / m of the typed words: 2/3 for m = 0.6.
    m = min_similarity(typed_count)
    return (1 - m) / m


# Fewer words than this could be anyone's ("aggressive", "a new era"):
# a different speaker is not evidence of misattribution.
MIN_WORDS_FOR_SPEAKER = 4


@dataclass(frozen=True)
class QuoteMatch:
    wording: Wording
    alignment: Alignment
    typed_count: int

    @property
    def exact(self) -> bool:
        return self.alignment.cost == 0 and self.alignment.matched > 0

    @property
    def similarity(self) -> float:
        return self.alignment.similarity(self.typed_count)


def best_match(typed: list[QWord], index: Index, speaker: str) -> QuoteMatch | None:
    """The wording the typed words are closest to; the attributed speaker breaks ties."""
    count = len(real_words(typed))
    if count == 0:
        return None
    wanted = Counter(w.norm for w in real_words(typed))
    bounded = []
    for w in index.candidates(typed):
        # A wording much shorter than the typed words can be neither exact nor similar
        # enough: skipping it keeps a megabyte-long unclosed quotation from aligning.
        if len(w.words) < min_similarity(count) * count:
            continue
        # Each typed word the wording lacks costs at least one change, whatever the
        # alignment: a floor that is cheap to count, where aligning is not. (A word
        # typed twice and printed once is not counted: the floor stays a floor.)
        norms = w.norms
        floor = sum(n for norm, n in wanted.items() if norm not in norms)
        if floor <= _max_changes_share(count) * count:  # else it could never be similar enough
            bounded.append((floor, w))
    bounded.sort(key=lambda item: item[0])

    def key(m: QuoteMatch) -> tuple[float, int, int, int]:
        other_speaker = int(bool(speaker) and m.wording.quotation.speaker != speaker)
        # Among equally many changes, one a misspelling explains is the likelier source.
        unexplained = sum(1 for op in m.alignment.changes if not _typo(op))
        return (m.alignment.cost, unexplained, other_speaker, -m.alignment.matched)

    best: QuoteMatch | None = None
    for floor, w in bounded:
        if best is not None and floor > best.alignment.cost:
            break  # no wording left can do better than the best one aligned
        match = QuoteMatch(w, align(typed, list(w.words)), count)
        if best is None or key(match) < key(best):
            best = match
        if key(best) == (0, 0, 0, -count):
            break  # every typed word kept, by the speaker named: nothing can beat it
    return best


def quote_part(
    text: str, start: int, end: int, attribution: Attribution | None, index: Index
) -> Part:
    typed = quote_words(text[start:end])
    speaker_id = attribution.speaker if attribution else ""
    match = best_match(typed, index, speaker_id)
    base = Part(
        "quotation",
        text[start:end],
        start,
        end,
        Verdict.UNVERIFIED,
        speaker=attribution.name if attribution else "",
    )
    if match is not None and not (match.exact or _altered(match, typed) or _misspelt(match)):
        match = _gapped(match, typed)
    if match is None:
        return base
    quotation = match.wording.quotation
    alignment = _within_wording(match)
    if alignment is None:
        return _beyond(base, quotation)
    reasons = [] if match.exact else _reworded(match) + _change_reasons(alignment)
    wrong_speaker = _wrong_speaker(attribution, quotation, match.typed_count, index)
    if wrong_speaker:
        reasons.append(wrong_speaker)
    renderings = _renderings(typed, quotation, index)
    verdict = Verdict.CONTRADICTED if (wrong_speaker or not match.exact) else Verdict.SUPPORTED
    if verdict is Verdict.SUPPORTED:
        reasons.append(_supported_reason(index, quotation, renderings))
    return Part(
        kind="quotation",
        text=base.text,
        start=start,
        end=end,
        verdict=verdict,
        entry=quotation.id,
        score=match.similarity,
        reasons=tuple(reasons),
        evidence=tuple(_evidence(index, quotation, renderings)),
        speaker=base.speaker,
    )


def _within_wording(match: QuoteMatch) -> Alignment | None:
    """The alignment without typed words before the wording's first word or after
    its last: the source printed only part of a longer quotation, so words beyond
    it are unknown to the registry, not changed. None when those are the only
    changes (the quotation can then be neither confirmed nor faulted)."""
    ops = list(match.alignment.ops)
    words = match.wording.words
    on_source = [k for k, op in enumerate(ops) if op.source is not None]
    if not on_source or match.exact:
        return match.alignment
    first, last = on_source[0], on_source[-1]
    lead = ops[first].source is words[0] and all(op.kind == ADD for op in ops[:first])
    tail = ops[last].source is words[-1] and all(op.kind == ADD for op in ops[last + 1 :])
    kept = ops[first if lead else 0 : last + 1 if tail else len(ops)]
    if len(kept) == len(ops):
        return match.alignment
    trimmed = Alignment(tuple(kept))
    return trimmed if trimmed.cost else None


def _beyond(base: Part, quotation: Quotation) -> Part:
    reason = f"the sources print only part of these words ({quotation.id}); the rest is not in the registry"
    return Part(
        base.kind,
        base.text,
        base.start,
        base.end,
        Verdict.UNVERIFIED,
        reasons=(reason,),
        speaker=base.speaker,
        nearest=quotation.id,
    )


def _altered(match: QuoteMatch, typed: list[QWord]) -> bool:
    content = sum(1 for op in match.alignment.ops if _content_kept(op))
    long = match.typed_count >= MIN_WORDS_LONG
    return (
        match.typed_count >= MIN_WORDS_FOR_ALTERATION
        and match.similarity >= min_similarity(match.typed_count)
        and content >= (MIN_CONTENT_LONG if long else MIN_CONTENT_MATCHES)
    )


def _content_kept(op: Op) -> bool:
    """Whether `op` keeps a word that carries meaning: any word of four letters or
    more, or a three-letter one that is no function word ("man", "war", not "the")."""
    if op.kind != "equal" or op.typed is None:
        return False
    norm = op.typed.norm
    return len(norm) > 3 or (len(norm) == 3 and norm.isalpha() and norm not in STOPWORDS)


# A long quotation most of whose words stand in a source's wording in order, the
# rest of it left out or changed, is that wording altered ("… the love and support
# of my family than I am angry at the outcome" against "… the love and support I
# experienced this last week from Melissa, my family, … than I am disappointed by
# the outcome"): so many words in order are no coincidence.
MIN_WORDS_GAPPED = 8
MIN_KEPT_GAPPED = 0.8
MIN_CONTENT_GAPPED = 4


def _gapped(match: QuoteMatch, typed: list[QWord]) -> QuoteMatch | None:
    """The match aligned with words left out cheap, when it is such a quotation."""
    if match.typed_count < MIN_WORDS_GAPPED:
        return None
    loose = align(typed, list(match.wording.words), drop=GAPPED_DROP)
    content = sum(1 for op in loose.ops if _content_kept(op))
    if loose.matched < MIN_KEPT_GAPPED * match.typed_count or content < MIN_CONTENT_GAPPED:
        return None
    return QuoteMatch(match.wording, loose, match.typed_count)


def _misspelt(match: QuoteMatch) -> bool:
    """Words too few to call altered ("best frend") that are the source's words with a
    letter wrong: a misspelt quotation, which the diff shows, not an unknown one. An
    "s" more or less at a word's end ("best friends") is another form of the word,
    not a slip of the keys, and leaves short words unverified as before."""
    changes = match.alignment.changes
    return (
        match.typed_count >= 2
        and match.alignment.matched >= 1
        and 0 < len(changes) <= max(1, match.typed_count // 4)
        and all(op.kind == SUB and _typo(op) and not _final_s(op) for op in changes)
    )


def _final_s(op: Op) -> bool:
    a, b = (op.typed.norm if op.typed else ""), (op.source.norm if op.source else "")
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer == shorter + "s" or longer == shorter + "'s"


def _wrong_speaker(
    attribution: Attribution | None, quotation: Quotation, words: int, index: Index
) -> str:
    if attribution is None or attribution.pronoun:
        return ""
    misnamed = _misnamed(attribution.name, quotation, index)
    if misnamed or words < MIN_WORDS_FOR_SPEAKER:
        return misnamed
    if attribution.speaker == quotation.speaker:
        return ""
    speaker = index.registry.speakers.get(quotation.speaker)
    if speaker is not None and speaker.kind == "description":
        return ""  # the sources do not say who spoke: the claim's name may be right
    if (
        speaker is not None
        and not attribution.speaker
        and _one_of_theirs(attribution.name, speaker)
    ):
        return ""  # "Keir said": a word of the speaker's own name
    if speaker is not None and _spelt_as_theirs(attribution.name, speaker):
        return ""  # "Rabie said" of Ossama Rabei's words: one name, spelt two ways
    if speaker is not None and _their_initials(attribution.name, speaker):
        return ""  # "the CMA said" of the Competition and Markets Authority's words
    return f"attributed to {attribution.name}; the speaker is {_speaker_name(index, quotation)}"


def _one_of_theirs(name: str, speaker: Speaker) -> bool:
    """Whether a name the registry does not know is words of the speaker's names."""
    theirs = {w for called in (speaker.name, *speaker.aliases) for w in called.split()}
    written = [w for w in name.split() if w not in BEFORE_NAMES]
    return bool(written) and all(w in theirs for w in written)


def _spelt_as_theirs(name: str, speaker: Speaker) -> bool:
    written = " ".join(w for w in name.split() if w not in BEFORE_NAMES)
    return speaker.kind == "person" and any(
        spelt_alike(written, called) for called in (speaker.name, *speaker.aliases)
    )


def _their_initials(name: str, speaker: Speaker) -> bool:
    written = name.split()[-1] if name.split() else ""
    return speaker.kind != "person" and any(
        initials_of(written, called) for called in (speaker.name, *speaker.aliases)
    )


def _misnamed(name: str, quotation: Quotation, index: Index) -> str:
    """ "said Jonas Deibe" of Anton Deibe's words: the speaker's surname after a
    given name none of the speaker's names starts like is the wrong name,
    however few the words (the surname alone resolves to the speaker, so the
    name would pass as theirs)."""
    speaker = index.registry.speakers.get(quotation.speaker)
    if speaker is None or speaker.kind != "person":
        return ""
    written = [w for w in name.split() if w not in BEFORE_NAMES]
    # Given names only: a surname's initial ("Vera Varga" of Elena Varga) is no
    # sign that the given name is theirs.
    theirs = [w for called in (speaker.name, *speaker.aliases) for w in called.split()[:-1]]
    if len(written) < 2 or written[-1] != speaker.name.split()[-1]:
        return ""
    given = written[0].rstrip(".")
    # A given name with the initial of one of theirs may be that name, shortened
    # or as a nickname ("Joe" and "Joseph"), or its initial ("A. Deibe").
    if given in theirs or any(w[:1] == given[:1] for w in theirs):
        return ""
    return f"attributed to {name}; the speaker is {speaker.name}"


def _speaker_name(index: Index, quotation: Quotation) -> str:
    speaker = index.registry.speakers.get(quotation.speaker)
    if speaker is None:
        return quotation.speaker
    if speaker.kind == "description":
        return f"a speaker the sources do not name ({speaker.name.lower()})"
    return f"the {speaker.name}" if speaker.kind == "document" else speaker.name


def _supported_reason(index: Index, quotation: Quotation, renderings: list[bool]) -> str:
    who = _speaker_name(index, quotation)
    if all(renderings):
        return f"the words of {who}, as the sources print them"
    printing = [r.source for r, ok in zip(quotation.reports, renderings, strict=False) if ok]
    return f"the words of {who} as {', '.join(printing)} prints them; other sources word it differently"


def _typo(op: Op) -> bool:
    return bool(op.typed and op.source and one_letter_apart(op.typed.norm, op.source.norm))


def _reworded(match: QuoteMatch) -> list[str]:
    """A summary first when the passage is reworded throughout, where a list of its
    changes alone would not say what they add up to."""
    if match.similarity >= MIN_SIMILARITY:
        return []
    kept = match.alignment.matched
    return [
        f"worded differently throughout: {kept} of its {match.typed_count} words as the source prints them"
    ]


# Past this many, the changes of a reworded passage are a list nobody reads.
MAX_CHANGE_REASONS = 8


def _change_reasons(alignment: Alignment) -> list[str]:
    """Plain words for each change, runs of one kind merged: "'must' where the source has 'should'"."""
    reasons: list[str] = []
    runs = _runs(alignment.ops)
    for kind, run in runs[:MAX_CHANGE_REASONS]:
        typed = " ".join(op.typed.text for op in run if op.typed)
        source = " ".join(op.source.text for op in run if op.source)
        if kind == SUB:
            note = " (one letter differs)" if len(run) == 1 and _typo(run[0]) else ""
            reasons.append(f"'{typed}' where the source has '{source}'{note}")
        elif kind == ADD:
            reasons.append(f"'{typed}' is not in the source")
        elif kind == DROP:
            reasons.append(f"leaves out '{source}'")
    if len(runs) > MAX_CHANGE_REASONS:
        reasons.append(f"and {len(runs) - MAX_CHANGE_REASONS} more changes")
    return reasons


def _runs(ops: tuple[Op, ...]) -> list[tuple[str, list[Op]]]:
    runs: list[tuple[str, list[Op]]] = []
    for op in ops:
        if op.kind not in (SUB, ADD, DROP):
            runs.append(("", []))
            continue
        if runs and runs[-1][0] == op.kind:
            runs[-1][1].append(op)
        else:
            runs.append((op.kind, [op]))
    return [(k, r) for k, r in runs if k]


def _renderings(typed: list[QWord], quotation: Quotation, index: Index) -> list[bool]:
    """For each report of the quotation: do the typed words stand in it?"""
    return [verbatim(typed, list(w.words), w.norms) for w in index.wordings_of(quotation.id)]


def _evidence(index: Index, quotation: Quotation, agrees: list[bool]) -> list[Evidence]:
    return [
        index.registry.evidence(report.source, report.sentence, report.text, ok)
        for report, ok in zip(quotation.reports, agrees, strict=False)
    ]
