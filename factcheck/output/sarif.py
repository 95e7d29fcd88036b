"""SARIF 2.1.0: one result per contradicted, disputed or unreadable finding.

Rules are the verdicts (FC001 contradicted, FC002 disputed, FC003 unreadable); the registry
entry and the evidence go in each result's properties. Columns count
Unicode code points, as the run declares.
"""

from __future__ import annotations

import json
from typing import TextIO

from factcheck import __version__
from factcheck.model import Finding, Verdict

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES = {
    Verdict.CONTRADICTED: (
        "FC001",
        "contradicted",
        "error",
        "The claim conflicts with every source in the registry.",
    ),
    Verdict.DISPUTED: (
        "FC002",
        "disputed",
        "warning",
        "The claim agrees with some sources and conflicts with others.",
    ),
    Verdict.ERROR: (
        "FC003",
        "unreadable",
        "error",
        "The draft cannot be read reliably here (a quotation mark never closed).",
    ),
}


def _rule(verdict: Verdict) -> dict[str, object]:
    rid, name, level, text = RULES[verdict]
    return {
        "id": rid,
        "name": name,
        "shortDescription": {"text": text},
        "defaultConfiguration": {"level": level},
    }


def _result(f: Finding) -> dict[str, object]:
    rid, _, level, _ = RULES[f.verdict]
    return {
        "ruleId": rid,
        "ruleIndex": list(RULES).index(f.verdict),
        "level": level,
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": f.path},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                    },
                }
            }
        ],
        "properties": {
            "entry": f.part.entry,
            "kind": f.part.kind,
            "reasons": list(f.part.reasons),
            "evidence": [e.to_dict() for e in f.part.evidence],
        },
    }


def sarif_log(findings: list[Finding]) -> dict[str, object]:
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "rules": [_rule(v) for v in RULES],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f) for f in findings if f.verdict in RULES],
            }
        ],
    }


def render_findings(findings: list[Finding], stream: TextIO, **_: object) -> None:
    stream.write(json.dumps(sarif_log(findings), ensure_ascii=False, indent=2) + "\n")
