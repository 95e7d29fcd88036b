"""The data model: frozen dataclasses shared by every part of factcheck.

Nothing here does I/O or knows about the command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum


class Verdict(str, Enum):
    """What the registry says of a claim (or of one part of it)."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    DISPUTED = "disputed"
    UNVERIFIED = "unverified"
    ERROR = "error"  # input that could not be read: a batch row, a quotation never closed

    def __str__(self) -> str:
        return self.value


# How much a verdict weighs when the parts of one claim are combined:
# one contradicted part makes the whole claim contradicted.
SEVERITY = {
    Verdict.UNVERIFIED: 0,
    Verdict.SUPPORTED: 1,
    Verdict.DISPUTED: 2,
    Verdict.CONTRADICTED: 3,
    Verdict.ERROR: 4,
}


@dataclass(frozen=True)
class Source:
    """One published article."""

    id: str
    outlet: str
    title: str = ""
    author: str = ""
    date: str = ""
    file: str = ""
    url: str = ""


@dataclass(frozen=True)
class Speaker:
    """A person or a document that words are attributed to."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    # or "document", "organisation", or "description": one the sources describe
    # but do not name ("a juror", "the lobbyist nonprofit"), who may be anyone.
    kind: str = "person"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class QuoteReport:
    """How one source renders a quotation."""

    source: str
    text: str
    sentence: str


@dataclass(frozen=True)
class Quotation:
    id: str
    speaker: str  # a Speaker id
    text: str
    reports: tuple[QuoteReport, ...]
    said: str = ""
    line: int = 0  # where the entry starts in the registry file


@dataclass(frozen=True)
class Quantity:
    """A figure read from text: a value, its unit and the range it stands for.

    `lo`/`hi` are in the unit's base (metres, days, …); for kinds compared by
    equality (ordinals, years, dates) `lo == hi == value`.
    """

    value: float
    unit: str  # canonical unit name: "km", "percent", "ordinal", or a count noun
    dimension: str  # "length", "count:troop", "ordinal", …
    qualifier: str  # "exact", "over", "about", …
    lo: float
    hi: float
    text: str = ""  # the words it was read from
    start: int = 0
    end: int = 0
    # Stems of the words right after the number: what a bare count counts.
    following: tuple[str, ...] = ()

    def describe(self) -> str:
        from factcheck.figures.units import describe_quantity

        return describe_quantity(self)


@dataclass(frozen=True)
class FigureReport:
    """The value one source gives for a figure, and where."""

    source: str
    quantity: Quantity
    sentence: str
    text: str = ""  # the figure as printed
    as_of: str = ""  # the moment the value holds for, ISO; "" means the source's date


@dataclass(frozen=True)
class Figure:
    id: str
    subject: str
    keywords: tuple[str, ...]
    quantity: Quantity
    reports: tuple[FigureReport, ...]
    unit_aliases: tuple[str, ...] = ()
    line: int = 0
    series: bool = False  # a value that changes over time (a toll, a count)

    def reported(self) -> tuple[Quantity, ...]:
        """Each source's value, or the entry's own where no source gives one."""
        return tuple(r.quantity for r in self.reports) or (self.quantity,)


@dataclass(frozen=True)
class Evidence:
    """One source's word on the matched entry."""

    source: str
    outlet: str
    date: str
    sentence: str
    says: str = ""  # the value or wording this source gives
    agrees: bool | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "outlet": self.outlet,
            "date": self.date,
            "says": self.says,
            "agrees": self.agrees,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Part:
    """The verdict on one quotation or one figure found in a claim."""

    kind: str  # "figure" or "quotation"
    text: str  # the words of the claim it is about
    start: int  # offsets into the claim
    end: int
    verdict: Verdict
    entry: str = ""
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    speaker: str = ""  # for quotations: whom the claim attributes the words to
    # For an unverified figure: the entry it came nearest, not used (the reason says why).
    nearest: str = ""
    outdated: str = ""  # for a series: the as-of date of the earlier value it matches


@dataclass(frozen=True)
class Result:
    """The verdict on a whole claim: the most severe of its parts."""

    claim: str
    verdict: Verdict
    parts: tuple[Part, ...] = ()
    entry: str = ""
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    id: str = ""
    message: str = ""
    nearest: tuple[str, ...] = ()  # unverified: entries come near and not used (see reasons)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "claim": self.claim,
            "verdict": self.verdict.value,
            "entry": self.entry,
            "score": round(self.score, 3),
            "reasons": list(self.reasons),
            "evidence": [e.to_dict() for e in self.evidence],
            "parts": [part_dict(p) for p in self.parts],
            **({"message": self.message} if self.message else {}),
            **({"nearest": list(self.nearest)} if self.nearest else {}),
            **({"outdated": self._outdated()} if self._outdated() else {}),
        }

    def _outdated(self) -> dict[str, str]:
        """For a claim judged by a series: the earlier report its figure matches."""
        for p in self.parts:
            if p.outdated and p.verdict is self.verdict:
                judged = p.evidence[-1].date if p.evidence else ""
                return {"matches_report_of": p.outdated, "compared_with_report_of": judged}
        return {}


@dataclass(frozen=True)
class Finding:
    """A checked claim at a place in a draft."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    part: Part
    context: str = ""  # the sentence it was found in

    @property
    def verdict(self) -> Verdict:
        return self.part.verdict

    @property
    def message(self) -> str:
        return finding_message(self.part)

    def to_dict(self) -> dict[str, object]:
        p = self.part
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "kind": p.kind,
            "text": p.text,
            "verdict": p.verdict.value,
            "entry": p.entry,
            "score": round(p.score, 3),
            "message": self.message,
            "reasons": list(p.reasons),
            "evidence": [e.to_dict() for e in p.evidence],
            **({"nearest": p.nearest} if p.nearest else {}),
        }


def part_dict(part: Part) -> dict[str, object]:
    """One part of a claim as JSON: what `Result.to_dict()` lists under "parts"."""
    return {
        "kind": part.kind,
        "text": part.text,
        "start": part.start,
        "end": part.end,
        "verdict": part.verdict.value,
        "entry": part.entry,
        "score": round(part.score, 3),
        "reasons": list(part.reasons),
        "evidence": [e.to_dict() for e in part.evidence],
        **({"speaker": part.speaker} if part.speaker else {}),
    }


def finding_message(part: Part) -> str:
    """One line saying what is wrong (or right) with a part."""
    what = f"{part.kind} “{' '.join(part.text.split())}”"
    if part.verdict is Verdict.ERROR:
        return f"{part.kind}: {'; '.join(part.reasons)}"
    if part.verdict is Verdict.UNVERIFIED:
        if part.nearest and part.reasons:
            return f"{what}: unverified: {part.reasons[0]}"
        return f"{what}: nothing in the registry is about it"
    head = f"{what}: {part.verdict.value}"
    if part.entry:
        head += f" ({part.entry})"
    if part.reasons:
        head += ": " + "; ".join(part.reasons)
    return head


@dataclass(frozen=True)
class Registry:
    """Everything the published sources said, ready to match against."""

    path: str
    # Mappings: a very large registry serves them from its on-disk index, entry by entry.
    sources: Mapping[str, Source] = field(default_factory=dict)
    speakers: Mapping[str, Speaker] = field(default_factory=dict)
    quotations: tuple[Quotation, ...] = ()
    figures: tuple[Figure, ...] = ()

    @classmethod
    def load(cls, path: str | None = None) -> Registry:
        """Read and validate a registry file. Without a path, the one the command line
        would use: $FACTCHECK_REGISTRY, the configured one, quotes.toml here or in a
        folder above, else the shipped one."""
        from factcheck.config import load_config
        from factcheck.registry import find_registry, load_registry

        if path is None:
            path = str(find_registry(None, load_config().registry or None))
        return load_registry(path)

    def evidence(
        self, source: str, sentence: str, says: str, agrees: bool | None = None
    ) -> Evidence:
        """A source's word on an entry, with the outlet and date the registry gives it."""
        known = self.sources.get(source)
        outlet, date = (known.outlet, known.date) if known else ("", "")
        return Evidence(source, outlet, date, sentence, says, agrees)

    def entry_ids(self) -> list[str]:
        return [q.id for q in self.quotations] + [f.id for f in self.figures]
