"""Output formats, one module each, behind two small interfaces:

- row writers for claim results (`check`, `batch`): `begin()`, `write(result)`, `end()`;
- finding renderers for drafts (`scan`): `render(findings, stream)`.

Modules are imported only when their format is asked for.
"""

from __future__ import annotations

import importlib
from typing import Any

RESULT_FORMATS = {
    "text": "factcheck.output.text",
    "json": "factcheck.output.json_format",
    "jsonl": "factcheck.output.jsonl",
    "csv": "factcheck.output.csv_format",
    "table": "factcheck.output.table",
    "claimreview": "factcheck.output.claimreview",
}
FINDING_FORMATS = {
    "text": "factcheck.output.text",
    "json": "factcheck.output.json_format",
    "jsonl": "factcheck.output.jsonl",
    "github": "factcheck.output.github",
    "sarif": "factcheck.output.sarif",
    "claimreview": "factcheck.output.claimreview",
}


def result_writer(name: str, stream: Any, **options: Any) -> Any:
    return importlib.import_module(RESULT_FORMATS[name]).ResultWriter(stream, **options)


def finding_renderer(name: str) -> Any:
    return importlib.import_module(FINDING_FORMATS[name]).render_findings
