"""Whether an article is already in the registry under another source id.

Pure: the proposal and the registry in, the existing source (and how it was
known) out. Ingesting the same article twice would count one article as two
sources that agree with each other.
"""

from __future__ import annotations

from factcheck.ingest.propose import Proposal
from factcheck.model import Registry

MIN_SENTENCES = 2  # one shared sentence is a quoted press release, not the same article


def already_in(proposal: Proposal, registry: Registry) -> tuple[str, str] | None:
    """(source id, how it is known) of the registry's copy of this article, if any."""
    url = _url(proposal.source.url)
    for source in registry.sources.values():
        if url and _url(source.url) == url:
            return source.id, "the same URL"
    mine = {_words(q.sentence) for q in proposal.quotations}
    mine |= {_words(f.sentence) for f in proposal.figures}
    if len(mine) < MIN_SENTENCES:
        return None
    for sid, theirs in _sentences_by_source(registry).items():
        if mine <= theirs:
            return sid, "every sentence it reports, word for word"
    return None


def _sentences_by_source(registry: Registry) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    reports = [(r.source, r.sentence) for q in registry.quotations for r in q.reports]
    reports += [(r.source, r.sentence) for f in registry.figures for r in f.reports]
    for source, sentence in reports:
        out.setdefault(source, set()).add(_words(sentence))
    return out


def _url(url: str) -> str:
    """A URL as written, less what does not change the page (case of the scheme and
    host, a trailing slash)."""
    url = url.strip().rstrip("/")
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}"


def _words(sentence: str) -> str:
    return " ".join(sentence.split())
