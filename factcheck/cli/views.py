"""Text and JSON views of look-ups, conflicts and sources (no I/O here)."""

from __future__ import annotations

from factcheck.model import Evidence, FigureReport, Registry
from factcheck.output.text import esc, evidence_lines
from factcheck.quotations.align import ADD, DROP, EQUAL, SUB, Alignment
from factcheck.quotations.lookup import QuoteLookup
from factcheck.verdicts.conflicts import Conflict, source_counts
from factcheck.verdicts.series import Series


def diff_markup(alignment: Alignment) -> str:
    """A word diff: [-source words-] taken out, {+typed words+} put in."""
    out = []
    for op in alignment.ops:
        if op.kind == EQUAL and op.typed:
            out.append(esc(op.typed.text))
        elif op.kind == SUB and op.typed and op.source:
            out.append(f"[red]\\[-{esc(op.source.text)}-][/][green]{{+{esc(op.typed.text)}+}}[/]")
        elif op.kind == ADD and op.typed:
            out.append(f"[green]{{+{esc(op.typed.text)}+}}[/]")
        elif op.kind == DROP and op.source:
            out.append(f"[red]\\[-{esc(op.source.text)}-][/]")
    return " ".join(out)


def diff_json(alignment: Alignment) -> list[dict[str, str]]:
    return [
        {
            "op": op.kind,
            "typed": op.typed.text if op.typed else "",
            "source": op.source.text if op.source else "",
        }
        for op in alignment.ops
    ]


def quote_lines(words: str, found: list[QuoteLookup]) -> list[str]:
    if not found:
        return [f"no quotation in the registry is close to “{esc(words)}”"]
    out: list[str] = []
    for q in found:
        if out:
            out.append("")
        flag = "[green]exact[/]" if q.exact else "[yellow]differs[/]"
        out.append(
            f"[bold]{esc(q.quotation.id)}[/] · {esc(q.speaker)} · score {q.score:.2f} · {flag}"
        )
        if q.worded_differently:
            out.append("  [yellow]the sources word it differently[/]")
        for r in q.renderings:
            out.append(f"  {esc(r.source)}: “{esc(r.text)}”")
            if r.alignment.cost:
                out.append(f"    diff: {diff_markup(r.alignment)}")
    return out


def quote_json(found: list[QuoteLookup]) -> list[dict[str, object]]:
    return [
        {
            "entry": q.quotation.id,
            "speaker": q.speaker,
            "score": round(q.score, 3),
            "exact": q.exact,
            "worded_differently": q.worded_differently,
            "renderings": [
                {
                    "source": r.source,
                    "text": r.text,
                    "sentence": r.sentence,
                    "changes": r.alignment.cost,
                    "diff": diff_json(r.alignment),
                }
                for r in q.renderings
            ],
        }
        for q in found
    ]


def _side_evidence(side: tuple[FigureReport, ...], registry: Registry) -> list[Evidence]:
    return [registry.evidence(r.source, r.sentence, r.text or r.quantity.describe()) for r in side]


def conflict_lines(found: list[Conflict], registry: Registry) -> list[str]:
    out: list[str] = []
    for c in found:
        if out:
            out.append("")
        out.append(f"[bold]{esc(c.figure.id)}[/]: {esc(c.figure.subject)}")
        for n, side in enumerate(c.sides, start=1):
            out.append(f"  side {n}:")
            out.extend(evidence_lines(_side_evidence(side, registry), indent="    "))
    return out or ["no entry's sources disagree"]


_REPORT_KEYS = ("source", "outlet", "says", "sentence")


def _report_dicts(reports: tuple[FigureReport, ...], registry: Registry) -> list[dict[str, object]]:
    """A group of reports (a side of a dispute, a moment of a series) as JSON."""
    return [{k: e.to_dict()[k] for k in _REPORT_KEYS} for e in _side_evidence(reports, registry)]


def conflict_json(found: list[Conflict], registry: Registry) -> list[dict[str, object]]:
    return [
        {
            "entry": c.figure.id,
            "subject": c.figure.subject,
            "sides": [_report_dicts(side, registry) for side in c.sides],
        }
        for c in found
    ]


def series_lines(found: list[Series], registry: Registry) -> list[str]:
    """A value over time, as a series: each as-of date and what its reports say."""
    out: list[str] = []
    for s in found:
        out.append("")
        out.append(f"[bold]{esc(s.figure.id)}[/]: {esc(s.figure.subject)} (series)")
        for day, reps in s.moments:
            out.append(f"  as of {esc(day or 'an unknown date')}:")
            out.extend(evidence_lines(_side_evidence(reps, registry), indent="    "))
    return out


def series_json(found: list[Series], registry: Registry) -> list[dict[str, object]]:
    return [
        {
            "entry": s.figure.id,
            "subject": s.figure.subject,
            "series": [
                {"as_of": day, "reports": _report_dicts(reps, registry)} for day, reps in s.moments
            ],
        }
        for s in found
    ]


def source_lines(registry: Registry, counts: dict[str, tuple[int, int]] | None = None) -> list[str]:
    counts = source_counts(registry) if counts is None else counts
    out = []
    for sid, s in registry.sources.items():
        quotes, figures = counts.get(sid, (0, 0))
        title = f" “{esc(s.title)}”" if s.title else ""
        out.append(
            f"[bold]{esc(sid)}[/] · {esc(s.outlet)} · {s.date or 'undated'}{title}: "
            f"{quotes} quotations, {figures} figures"
        )
    return out


def source_json(
    registry: Registry, counts: dict[str, tuple[int, int]] | None = None
) -> list[dict[str, object]]:
    counts = source_counts(registry) if counts is None else counts
    return [
        {
            "id": sid,
            "outlet": s.outlet,
            "title": s.title,
            "author": s.author,
            "date": s.date,
            "file": s.file,
            "quotations": counts.get(sid, (0, 0))[0],
            "figures": counts.get(sid, (0, 0))[1],
        }
        for sid, s in registry.sources.items()
    ]
