"""`quote` look-ups: the quotations closest to some words, with a word diff
against each source's wording."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.matching.index import index_for
from factcheck.model import Quotation, Registry
from factcheck.quotations.align import Alignment, align
from factcheck.quotations.normalize import quote_words, real_words

MIN_SIMILARITY = 0.3


@dataclass(frozen=True)
class Rendering:
    source: str
    text: str
    sentence: str
    alignment: Alignment
    similarity: float


@dataclass(frozen=True)
class QuoteLookup:
    quotation: Quotation
    speaker: str
    score: float
    renderings: tuple[Rendering, ...]

    @property
    def worded_differently(self) -> bool:
        return len({r.text for r in self.quotation.reports}) > 1

    @property
    def exact(self) -> bool:
        return any(r.alignment.cost == 0 and r.alignment.matched for r in self.renderings)


def find_quotations(words: str, registry: Registry, limit: int = 3) -> list[QuoteLookup]:
    index = index_for(registry)
    typed = quote_words(words)
    count = len(real_words(typed))
    if count == 0:
        return []
    seen: dict[str, QuoteLookup] = {}
    for wording in index.candidates(typed):
        quotation = wording.quotation
        if quotation.id in seen:
            continue
        renderings = []
        for w in index.wordings_of(quotation.id):
            a = align(typed, list(w.words))
            report = quotation.reports[w.report_index]
            renderings.append(
                Rendering(report.source, report.text, report.sentence, a, a.similarity(count))
            )
        speaker = registry.speakers.get(quotation.speaker)
        score = max(r.similarity for r in renderings)
        seen[quotation.id] = QuoteLookup(
            quotation, speaker.name if speaker else quotation.speaker, score, tuple(renderings)
        )
    found = sorted(seen.values(), key=lambda q: -q.score)
    return [q for q in found if q.score >= MIN_SIMILARITY][:limit]
