"""merge(): a Proposal written into the registry's TOML, keeping its comments and layout.

Pure: the registry's text in, the new text out (tomlkit edits the document
rather than rewriting it). The caller validates and writes the result.
"""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import AoT, Table

from factcheck.ingest.propose import FigureReport, Proposal, QuoteReport
from factcheck.model import Source, Speaker


def merge(registry_text: str, proposal: Proposal) -> str:
    doc = tomlkit.parse(registry_text)
    indent = next(
        (_report_indent(t["reports"]) for k in ("quotations", "figures") for t in doc.get(k, [])),
        "",
    )
    if "schema" not in doc:
        doc.add("schema", 1)
    _append(doc, "sources", _source_table(proposal.source))
    for speaker in proposal.speakers:
        _append(doc, "speakers", _speaker_table(speaker))
    for q in proposal.quotations:
        report = _quote_report(q, proposal.source.id)
        if q.new:
            _indent(report, indent)
            _append(doc, "quotations", _new_quotation(q, report))
        else:
            _add_report(_entry(doc, "quotations", q.entry), report)
    for f in proposal.figures:
        report = _figure_report(f, proposal.source.id)
        if f.new:
            _indent(report, indent)
            _append(doc, "figures", _new_figure(f, report))
        else:
            _add_report(_entry(doc, "figures", f.entry), report)
    return tomlkit.dumps(doc).rstrip("\n") + "\n"


def _append(doc: Any, key: str, table: Table) -> None:
    if key not in doc:
        doc.add(tomlkit.nl())
        doc.add(key, tomlkit.aot())
    _spaced(doc[key], table)


def _add_report(entry: Any, report: Table) -> None:
    _indent(report, _report_indent(entry["reports"]))
    _spaced(entry["reports"], report)


def _report_indent(reports: Any) -> str:
    """How this registry indents its reports (the shipped one by two spaces)."""
    return str(reports[-1].trivia.indent) if len(reports) else ""


def _indent(table: Table, indent: str) -> None:
    table.trivia.indent = indent
    for key in table:
        item: Any = table.item(key)  # a plain value here: tables hold no sub-tables yet
        item.trivia.indent = indent


def _spaced(tables: Any, table: Table) -> None:
    """Append `table` with a blank line after it, as a person would write it."""
    if len(tables) and not tables[-1].as_string().endswith("\n\n"):
        tables[-1].add(tomlkit.nl())  # the file's last table had no blank line after it
    table.add(tomlkit.nl())
    tables.append(table)


def _entry(doc: Any, key: str, entry_id: str) -> Any:
    for table in doc[key]:
        if table.get("id") == entry_id:
            return table
    raise KeyError(entry_id)  # propose() only reports entries the registry holds


def _table(**fields: object) -> Table:
    table = tomlkit.table()
    for name, value in fields.items():
        if value not in ("", None, (), []):
            table.add(name, list(value) if isinstance(value, tuple) else value)
    return table


def _source_table(s: Source) -> Table:
    return _table(
        id=s.id,
        outlet=s.outlet,
        title=s.title,
        author=s.author,
        date=tomlkit.date(s.date) if s.date else "",  # a TOML date, as editors write them
        file=s.file,
        url=s.url,
    )


def _speaker_table(sp: Speaker) -> Table:
    kind = sp.kind if sp.kind != "person" else ""
    return _table(id=sp.id, name=sp.name, aliases=sp.aliases, kind=kind)


def _quote_report(q: QuoteReport, source: str) -> Table:
    return _table(source=source, text=q.text if not q.new else "", sentence=q.sentence)


def _new_quotation(q: QuoteReport, report: Table) -> Table:
    table = _table(id=q.entry, speaker=q.speaker, text=q.text)
    reports = tomlkit.aot()
    reports.append(report)
    table.add("reports", reports)
    return table


def _figure_report(f: FigureReport, source: str) -> Table:
    qualifier = f.qualifier if f.qualifier != "exact" else ""
    return _table(
        source=source,
        value=f.value,
        qualifier=qualifier,
        as_of=f.as_of,
        text=f.text,
        sentence=f.sentence,
    )


def _new_figure(f: FigureReport, report: Table) -> Table:
    qualifier = f.qualifier if f.qualifier != "exact" else ""
    table = _table(id=f.entry, subject=f.subject)
    # Written even when empty: no keywords says "the frame alone decides".
    table.add("keywords", list(f.keywords))
    for name, value in _table(value=f.value, unit=f.unit, qualifier=qualifier).items():
        table.add(name, value)
    if f.series:
        table.add("series", True)
    reports: AoT = tomlkit.aot()
    reports.append(report)
    table.add("reports", reports)
    return table
