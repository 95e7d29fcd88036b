"""Which registry figure, if any, a figure in a claim is about.

A number only matches a figure about the same thing: the same dimension
(a length is not a count), for a count the same counted noun ("100,000
spectators" is not the troop figure), and every keyword group the registry
gives for that figure ("a 4,209 km pipeline" is not the border). Among the
figures left, the one whose sources' wording shares most with the claim wins.
"""

from __future__ import annotations

from factcheck.matching.index import FigureInfo, Index
from factcheck.model import Quantity
from factcheck.text import keyword_groups_met

NOUN_WINDOW = 4  # a count's noun may follow a few adjectives: "100,000 Russian troops"


def find_figure(
    q: Quantity, claim_stems: list[str], claim_content: set[str], index: Index
) -> tuple[FigureInfo, float] | None:
    best: tuple[FigureInfo, float] | None = None
    for info in index.figure_candidates(q.dimension, claim_content):
        if q.dimension == "count" and not counts_same_thing(q, info):
            continue
        if not keyword_groups_met(info.figure.keywords, claim_stems):
            continue
        score = overlap(claim_content, info.vocabulary)
        if best is None or score > best[1]:
            best = (info, score)
    return best


def counts_same_thing(q: Quantity, info: FigureInfo) -> bool:
    window = list(q.following[:NOUN_WINDOW])
    for noun in info.nouns:
        n = len(noun)
        if any(window[i : i + n] == list(noun) for i in range(len(window) - n + 1)):
            return True
    return False


def overlap(claim_content: set[str], vocabulary: frozenset[str]) -> float:
    """Share of the claim's meaningful words that the figure's sources also use."""
    if not claim_content:
        return 0.0
    return len(claim_content & vocabulary) / len(claim_content)
