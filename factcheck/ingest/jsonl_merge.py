"""merge_jsonl(): a Proposal written into a JSON Lines registry, line by line.

Pure, as merge() is for TOML: the registry's text in, the new text out. Every
line the user wrote stays as it was, except the line of an entry that gains a
report, which is that line's object with the report added to its "reports"
(its keys in their order). New sources, speakers and entries are lines
appended at the end, with the fields merge() writes into a TOML registry, so
that both registries read back the same (a test compares them).
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.ingest.propose import FigureReport, Proposal, QuoteReport
from factcheck.model import Source, Speaker


def merge_jsonl(registry_text: str, proposal: Proposal) -> str:
    lines = registry_text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the text ended with a line end
    more: dict[str, list[dict[str, Any]]] = {}  # entry id -> its new reports
    added: list[dict[str, Any]] = [_source(proposal.source)]
    added += [_speaker(sp) for sp in proposal.speakers]
    sid = proposal.source.id
    for q in proposal.quotations:
        report = _quote_report(q, sid)
        if q.new:
            added.append({"type": "quotation", **_fields(id=q.entry, speaker=q.speaker,
                                                         text=q.text), "reports": [report]})  # fmt: skip
        else:
            more.setdefault(q.entry, []).append(report)
    for f in proposal.figures:
        report = _figure_report(f, sid)
        if f.new:
            added.append(_new_figure(f, report))
        else:
            more.setdefault(f.entry, []).append(report)
    if more:
        done: set[str] = set()
        edited = [_with_reports(line, more, done, quick=True) for line in lines]
        if done != set(more):  # an entry written with escaped keys ("\u0069d"): look closer
            done.clear()
            edited = [_with_reports(line, more, done, quick=False) for line in lines]
        lines = edited
    end = "\r" if lines and lines[0].endswith("\r") else ""  # a file of CRLF lines stays one
    lines += [_dumps(table) + end for table in added]
    return "\n".join(lines) + "\n"


def _with_reports(
    line: str, more: dict[str, list[dict[str, Any]]], done: set[str], quick: bool
) -> str:
    """The line, or, when it is an entry gaining reports, its object with them added
    (`done` records which). `quick`: decode only lines that spell out "id"."""
    if quick and '"id"' not in line:  # most lines: not decoded at all
        return line
    try:
        table = json.loads(line)
    except ValueError:
        return line  # the registry was valid before: this is not an entry's line
    if not isinstance(table, dict) or table.get("type") not in ("quotation", "figure"):
        return line
    entry = str(table.get("id"))
    if entry not in more:
        return line
    done.add(entry)
    table["reports"] = [*table.get("reports", []), *more[entry]]
    return _dumps(table) + ("\r" if line.endswith("\r") else "")


def _dumps(table: dict[str, Any]) -> str:
    return json.dumps(table, ensure_ascii=False)


def _fields(**fields: object) -> dict[str, Any]:
    """The fields that have a value, as merge()'s tables leave empty ones out."""
    return {
        k: list(v) if isinstance(v, tuple) else v
        for k, v in fields.items()
        if v not in ("", None, (), [])
    }


def _source(s: Source) -> dict[str, Any]:
    return {"type": "source", **_fields(id=s.id, outlet=s.outlet, title=s.title,
                                        author=s.author, date=s.date, file=s.file, url=s.url)}  # fmt: skip


def _speaker(sp: Speaker) -> dict[str, Any]:
    kind = sp.kind if sp.kind != "person" else ""
    return {"type": "speaker", **_fields(id=sp.id, name=sp.name, aliases=sp.aliases, kind=kind)}


def _quote_report(q: QuoteReport, source: str) -> dict[str, Any]:
    return _fields(source=source, text=q.text if not q.new else "", sentence=q.sentence)


def _figure_report(f: FigureReport, source: str) -> dict[str, Any]:
    qualifier = f.qualifier if f.qualifier != "exact" else ""
    return _fields(source=source, value=f.value, qualifier=qualifier, as_of=f.as_of,
                   text=f.text, sentence=f.sentence)  # fmt: skip


def _new_figure(f: FigureReport, report: dict[str, Any]) -> dict[str, Any]:
    qualifier = f.qualifier if f.qualifier != "exact" else ""
    # Written even when empty, as in TOML: no keywords says "the frame alone decides".
    table = {
        "type": "figure",
        **_fields(id=f.entry, subject=f.subject),
        "keywords": list(f.keywords),
    }
    table |= _fields(value=f.value, unit=f.unit, qualifier=qualifier)
    if f.series:
        table["series"] = True
    table["reports"] = [report]
    return table
