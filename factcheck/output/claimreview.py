"""schema.org ClaimReview in JSON-LD: the form fact-checkers publish and exchange.

One ClaimReview per claim (`check`, `batch`) or per finding (`scan`), in a JSON
array (`check` writes one object). The review is rated on a 1–5 scale with the
verdict as `alternateName`: contradicted 1, disputed 3, supported 5; an
unverified claim or an unreadable row has no `ratingValue`, only its name.
`itemReviewed` is the Claim as schema.org means it: its author is the person
the claim is attributed to (the registry's speaker for a quotation; omitted
otherwise, since the sources reported the facts, not the claim under review),
and its appearance is where the claim was found (the draft's place, from
`scan`). The sources the verdict rests on are the review's `citation`.
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
    author = _claim_author(entry, registry)
    if author:
        item["author"] = author
    if where:
        item["appearance"] = [where]
    review: dict[str, object] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "datePublished": today.isoformat(),
        "author": {"@type": "Organization", "name": REVIEWER},
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if evidence:
        review["citation"] = [_cited(e, registry) for e in evidence]
    if reasons:
        review["reviewBody"] = " ".join(reasons)
    return review


def _claim_author(entry: str, registry: Registry | None) -> dict[str, object] | None:
    """Whom a quotation puts the words in the mouth of. A figure's claim has no
    author the registry knows: the outlets reported the true figure, so naming
    one would make it the author of the false claim."""
    if registry is None or not entry:
        return None
    from factcheck.matching.index import index_for

    q = index_for(registry).quotation(entry)
    if q is None or q.speaker not in registry.speakers:
        return None
    speaker = registry.speakers[q.speaker]
    if speaker.kind == "description":
        return None  # the sources do not name who said it
    kind = "Person" if speaker.kind == "person" else "Organization"
    return {"@type": kind, "name": speaker.name}


def _cited(e: Evidence, registry: Registry | None) -> dict[str, object]:
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
