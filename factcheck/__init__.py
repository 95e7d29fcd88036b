"""factcheck: check claims, quotations and drafts against a registry of published sources.

The Python API has no click or Rich in it::

    from factcheck import Registry, check
    registry = Registry.load("quotes.toml")   # or Registry.load() for the default
    result = check("Russia shares a 4,209 km border with China.", registry)
    result.verdict   # Verdict.SUPPORTED
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Evidence",
    "Finding",
    "Part",
    "Registry",
    "Result",
    "Verdict",
    "check",
    "find_conflicts",
    "find_quotations",
    "scan_text",
]

if TYPE_CHECKING:
    from factcheck.draft.scan import scan_text
    from factcheck.model import Evidence, Finding, Part, Registry, Result, Verdict
    from factcheck.quotations.lookup import find_quotations
    from factcheck.verdicts.conflicts import find_conflicts
    from factcheck.verdicts.engine import check

_LAZY = {
    "Evidence": "factcheck.model",
    "Finding": "factcheck.model",
    "Part": "factcheck.model",
    "Registry": "factcheck.model",
    "Result": "factcheck.model",
    "Verdict": "factcheck.model",
    "check": "factcheck.verdicts.engine",
    "find_conflicts": "factcheck.verdicts.conflicts",
    "find_quotations": "factcheck.quotations.lookup",
    "scan_text": "factcheck.draft.scan",
}


def __getattr__(name: str) -> Any:
    # Imported on first use, so `import factcheck` (and the CLI) stays fast.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
