"""schema.org ClaimReview in JSON-LD: the form fact-checkers publish and exchange.

One ClaimReview per claim (`check`, `batch`) or per finding (`scan`), in a JSON
array (`check` writes one object). The review is rated on a 1–5 scale with the
verdict as `alternateName`: contradicted 1, disputed 3, supported 5; an
unverified claim or an unreadable row has no `ratingValue`, only its name.
`itemReviewed` is the Claim: its author is the registry's speaker for a
quotation, else the outlet that first reported the figure; its appearances
are the registry's sources (and, for `scan`, the draft's place).
"""

from __future__ import annotations

import datetime
import json
from typing import Any, TextIO

from factcheck.model import Evidence, Finding, Registry, Result, Verdict
from factcheck.output.base import BaseResultWriter

CONTEXT = "https://schema.org"
WORST, BEST = 1, 5
RATINGS: dict[Verdict, tuple[int | None, str]] = {
    Verdict.CONTRADICTED: (1, "Contradicted by the sources"),
    Verdict.DISPUTED: (3, "The sources disagree"),
    Verdict.SUPPORTED: (5, "Supported by the sources"),
    Verdict.UNVERIFIED: (None, "Unverified: no source found"),
    Verdict.ERROR: (None, "Not checked: the input could not be read"),
}
REVIEWER = "factcheck"  # the organisation publishing; editors rename it before publishing


def claim_review(
    claim: str,
    verdict: Verdict,
    reasons: tuple[str, ...],
    evidence: tuple[Evidence, ...],
    entry: str,
    registry: Registry | None,
    today: datetime.date,
    where: dict[str, object] | None = None,
) -> dict[str, object]:
    """One ClaimReview object. Pure: `today` is the review's publication date."""
    value, name = RATINGS[verdict]
    rating: dict[str, object] = {"@type": "Rating", "alternateName": name}
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST, worstRating=WORST)
    item: dict[str, object] = {"@type": "Claim"}
    author = _claim_author(entry, evidence, registry)
    if author:
        item["author"] = author
    appearances = [_appearance(e, registry) for e in evidence]
    if where:
        appearances.insert(0, where)
    if appearances:
        item["appearance"] = appearances
    review: dict[str, object] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "datePublished": today.isoformat(),
        "author": {"@type": "Organization", "name": REVIEWER},
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if reasons:
        review["reviewBody"] = " ".join(reasons)
    return review


def _claim_author(
    entry: str, evidence: tuple[Evidence, ...], registry: Registry | None
) -> dict[str, object] | None:
    if registry is not None and entry:
        from factcheck.matching.index import index_for

        q = index_for(registry).quotation(entry)
        if q is not None and q.speaker in registry.speakers:
            speaker = registry.speakers[q.speaker]
            kind = "Person" if speaker.kind == "person" else "Organization"
            return {"@type": kind, "name": speaker.name}
    if evidence:  # a figure: first said by the outlets that reported it
        return {"@type": "Organization", "name": evidence[0].outlet}
    return None


def _appearance(e: Evidence, registry: Registry | None) -> dict[str, object]:
    work: dict[str, object] = {
        "@type": "CreativeWork",
        "publisher": {"@type": "Organization", "name": e.outlet},
    }
    source = registry.sources.get(e.source) if registry is not None else None
    if source is not None and source.url:
        work["url"] = source.url
    if source is not None and source.title:
        work["headline"] = source.title
    if e.date:
        work["datePublished"] = e.date
    work["text"] = e.sentence
    return work


class ResultWriter(BaseResultWriter):
    def begin(self) -> None:
        self.reviews: list[dict[str, object]] = []
        self.today = datetime.date.today()

    def write(self, result: Result) -> None:
        registry: Any = self.options.get("registry")
        self.reviews.append(
            claim_review(
                result.claim or f"(row {result.id}, unreadable)",
                result.verdict,
                result.reasons or ((result.message,) if result.message else ()),
                result.evidence,
                result.entry,
                registry,
                self.today,
            )
        )

    def end(self) -> None:
        single = self.options.get("single") and len(self.reviews) == 1
        _dump(self.reviews[0] if single else self.reviews, self.stream)


def render_findings(findings: list[Finding], stream: TextIO, **options: Any) -> None:
    registry = options.get("registry")
    today = datetime.date.today()
    reviews = [
        claim_review(
            f.context or f.part.text,
            f.verdict,
            f.part.reasons,
            f.part.evidence,
            f.part.entry,
            registry,
            today,
            {"@type": "CreativeWork", "name": f"{f.path}:{f.line}:{f.column}", "text": f.part.text},
        )
        for f in findings
    ]
    _dump(reviews, stream)


def _dump(data: object, stream: TextIO) -> None:
    stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    stream.flush()
