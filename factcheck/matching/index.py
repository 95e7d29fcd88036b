"""What the engine precomputes once per registry: tokenised wordings, an
inverted index for candidate retrieval, and the figures grouped by dimension.

Retrieval keeps matching cheap as the registry grows: a claim is aligned
word by word only against the few wordings that share its rarest words,
never against every entry.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from factcheck.frames.counted import counted_alike
from factcheck.model import Figure, Quotation, Registry
from factcheck.quotations.names import SpeakerIndex
from factcheck.quotations.normalize import QWord, quote_words, real_words
from factcheck.text import content_stems, stems

MAX_CANDIDATES = 12


@dataclass(frozen=True)
class Wording:
    """One source's rendering of a quotation, ready to align."""

    quotation: Quotation
    report_index: int
    words: tuple[QWord, ...]

    @cached_property
    def norms(self) -> frozenset[str]:
        """The distinct word forms of the wording, for a cheap first comparison."""
        return frozenset(w.norm for w in self.words)


# A named tuple, not a frozen dataclass: every look-up makes the class at import
# (a dataclass costs about a millisecond) and decodes one for each cached figure.
class FigureInfo(NamedTuple):
    figure: Figure
    nouns: tuple[tuple[str, ...], ...]  # stem runs naming what a count counts
    vocabulary: frozenset[str]


@dataclass
class Index:
    registry: Registry
    wordings: list[Wording] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    by_quotation: dict[str, list[Wording]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    figures: dict[str, list[FigureInfo]] = field(default_factory=dict)
    speakers: SpeakerIndex = field(default_factory=lambda: SpeakerIndex(()))
    _figure_docs: tuple[Counter[str], int] | None = field(default=None, repr=False)
    _frame_words: tuple[frozenset[str], AbstractSet[str]] | None = field(default=None, repr=False)
    # Name keys that the story's headlines use (see matching.figures.title_names).
    title_keys: frozenset[str] | None = field(default=None, repr=False)
    # Read from the cache on first use: a claim of figures alone never decodes
    # the wordings (a few milliseconds of every look-up).
    _pending: Callable[[], QuotationPart] | None = field(default=None, repr=False)

    def quotations_ready(self) -> None:
        """Decode the quotation part now, if it is still waiting in its cached form."""
        if self._pending is not None:
            load, self._pending = self._pending, None
            self.wordings, self.postings, self.by_quotation, self.idf = load()

    def __getstate__(self) -> dict[str, object]:
        self.quotations_ready()  # a worker process gets the decoded part, not a closure
        return dict(self.__dict__)

    def wordings_of(self, quotation_id: str) -> list[Wording]:
        self.quotations_ready()
        return self.by_quotation.get(quotation_id, [])

    def figure_candidates(self, dimension: str, content: set[str]) -> list[FigureInfo]:
        """Figures a claim's number might be about (here: every one of its dimension)."""
        return self.figures.get(dimension, [])

    def figure_docs(self) -> tuple[Counter[str], int]:
        """In how many figures' vocabularies each word stands, and how many figures."""
        if self._figure_docs is None:
            docs: Counter[str] = Counter()
            for infos in self.figures.values():
                for info in infos:
                    docs.update(info.vocabulary)
            total = sum(len(infos) for infos in self.figures.values())
            self._figure_docs = (docs, total)
        return self._figure_docs

    def figure_weights(self, words: set[str]) -> dict[str, float]:
        """How distinctive each word is among the registry's figures (rarer, heavier)."""
        docs, total = self.figure_docs()
        return {w: math.log(1 + total / docs[w]) for w in words if docs.get(w)}

    def frame_words(self) -> tuple[frozenset[str], AbstractSet[str]]:
        """Words the registry writes in lower case (so a capitalised one opening a
        sentence is no name), and the words of its speakers' names (a set asked
        only whether it holds a word: an index on disk reads it a word at a time)."""
        if self._frame_words is None:
            self._frame_words = (lower_words(self.registry), people(self.speakers))
        return self._frame_words

    def quotation(self, quotation_id: str) -> Quotation | None:
        self.quotations_ready()
        found = self.by_quotation.get(quotation_id)
        return found[0].quotation if found else None

    def candidates(self, typed: list[QWord]) -> list[Wording]:
        """Wordings sharing the most (rarest) words with the typed words."""
        self.quotations_ready()
        scores: dict[int, float] = defaultdict(float)
        for norm in {w.norm for w in real_words(typed)}:
            weight = self.idf.get(norm, 0.0)
            for k in self.postings.get(norm, ()):
                scores[k] += weight
        best = sorted(scores.items(), key=lambda item: -item[1])[:MAX_CANDIDATES]
        return [self.wordings[k] for k, _ in best]


# wordings, postings, wordings by quotation id, idf
QuotationPart = tuple[
    list[Wording], dict[str, list[int]], dict[str, list[Wording]], dict[str, float]
]


def quotation_part(registry: Registry) -> QuotationPart:
    """Every source's wording of every quotation, and the inverted index over them."""
    wordings: list[Wording] = []
    by_quotation: dict[str, list[Wording]] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    for quotation in registry.quotations:
        for r, report in enumerate(quotation.reports):
            k = len(wordings)
            words = tuple(quote_words(report.text))
            wording = Wording(quotation, r, words)
            wordings.append(wording)
            by_quotation.setdefault(quotation.id, []).append(wording)
            for norm in {w.norm for w in real_words(list(words))}:
                postings[norm].append(k)
    total = max(len(wordings), 1)
    idf = {norm: math.log(1 + total / len(ks)) for norm, ks in postings.items()}
    return wordings, dict(postings), by_quotation, idf


def build_index(registry: Registry) -> Index:
    index = Index(registry, speakers=SpeakerIndex(registry.speakers.values()))
    index.wordings, index.postings, index.by_quotation, index.idf = quotation_part(registry)
    for figure in registry.figures:
        info = figure_info(figure)
        index.figures.setdefault(figure.quantity.dimension, []).append(info)
    # Computed now, so that they are kept with the index in the cache.
    index.figure_docs()
    index.frame_words()
    return index


def figure_info(figure: Figure) -> FigureInfo:
    # An alias with no words (punctuation only) would match after any number.
    names = (*counted_alike(figure.quantity.unit), *figure.unit_aliases)
    nouns = tuple(noun for noun in (tuple(stems(name)) for name in names) if noun)
    text = " ".join(
        [figure.subject, *(k.replace("|", " ") for k in figure.keywords)]
        + [r.sentence for r in figure.reports]
    )
    return FigureInfo(figure, nouns, frozenset(content_stems(text)))


def lower_words(registry: Registry) -> frozenset[str]:
    """Every word the registry's sentences write in lower case."""
    from factcheck.frames.frame import LOWER_WORD

    texts = [f.subject for f in registry.figures]
    texts += [r.sentence for f in registry.figures for r in f.reports]
    texts += [r.sentence for q in registry.quotations for r in q.reports]
    return frozenset(w for t in texts for w in LOWER_WORD.findall(t))


def people(speakers: SpeakerIndex) -> frozenset[str]:
    """Name keys of every word of every speaker's names."""
    from factcheck.frames.frame import name_key

    return frozenset(name_key(w) for name in speakers.registered_names for w in name.split())


_CACHE: dict[int, tuple[Registry, Index]] = {}


def index_for(registry: Registry) -> Index:
    """The index of a registry, built on first use and kept for the process."""
    hit = _CACHE.get(id(registry))
    if hit is not None and hit[0] is registry:
        return hit[1]
    index = build_index(registry)
    remember_index(registry, index)
    return index


def remember_index(registry: Registry, index: Index) -> None:
    """Use `index` for `registry` from now on (one read from the on-disk cache)."""
    _CACHE[id(registry)] = (registry, index)
