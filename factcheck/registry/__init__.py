"""The registry: reading, validating and finding `quotes.toml`.

Names are imported on first use (PEP 562), so that a look-up served from the
cache never imports the TOML loader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.registry.discover import find_registry, shipped_registry
    from factcheck.registry.loader import load_registry, parse_registry, read_registry

_LAZY = {
    "find_registry": "factcheck.registry.discover",
    "shipped_registry": "factcheck.registry.discover",
    "load_registry": "factcheck.registry.loader",
    "parse_registry": "factcheck.registry.loader",
    "read_registry": "factcheck.registry.loader",
}

__all__ = ["find_registry", "load_registry", "parse_registry", "read_registry", "shipped_registry"]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'factcheck.registry' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_LAZY[name]), name)
