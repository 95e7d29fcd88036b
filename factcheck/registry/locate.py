"""Where each table and key of a TOML registry starts, by line.

tomllib gives values but no positions; validation messages must name the
line. A registry's layout is simple (arrays of tables, one level of nested
reports), so a line scan of the headers and keys is enough.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")

Path = tuple[object, ...]


def index_lines(text: str) -> dict[Path, int]:
    """Map ("figures", 3) and ("figures", 3, "reports", 0, "value") to 1-based lines."""
    lines: dict[Path, int] = {}
    counters: dict[str, int] = {}
    current: Path = ()
    in_multiline = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
            in_multiline = not in_multiline
            if not in_multiline:
                continue
        if in_multiline:
            continue
        header = _HEADER.match(line)
        if header:
            current = _enter(header.group(1), counters, current)
            lines.setdefault(current, number)
            continue
        if _TABLE.match(line):
            current = (_TABLE.match(line).group(1),)  # type: ignore[union-attr]
            lines.setdefault(current, number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((*current, key.group(1)), number)
    return lines


def _enter(name: str, counters: dict[str, int], current: Path) -> Path:
    parts = name.split(".")
    if len(parts) == 1:
        index = counters.get(name, -1) + 1
        counters[name] = index
        # a new parent restarts the numbering of its children
        for key in [k for k in counters if k.startswith(name + ".")]:
            del counters[key]
        return (name, index)
    parent, child = parts[0], ".".join(parts[1:])
    parent_index = counters.get(parent, 0)
    key = f"{parent}.{child}"
    index = counters.get(key, -1) + 1
    counters[key] = index
    return (parent, parent_index, child, index)


def line_of(lines: dict[Path, int], path: Path) -> int:
    """The line of `path`, or of its nearest enclosing table."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 0
