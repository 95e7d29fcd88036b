"""The registry: reading, validating and finding `quotes.toml`."""

from factcheck.registry.discover import find_registry, shipped_registry
from factcheck.registry.loader import load_registry, parse_registry, read_registry

__all__ = ["find_registry", "load_registry", "parse_registry", "read_registry", "shipped_registry"]
