"""Project configuration: `[tool.factcheck]` in pyproject.toml, or `.factcheck.toml`.

Found by walking up from the current folder, as black finds its settings;
the nearest folder holding either file wins, `.factcheck.toml` first.
Relative paths in it are relative to the file.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import InputError

KEYS = {"registry", "fail-on", "ignore", "format"}
FAIL_ON = ("contradicted", "disputed", "unverified")


@dataclass(frozen=True)
class Config:
    path: str = ""
    registry: str = ""
    fail_on: str = ""
    ignore: tuple[str, ...] = ()
    format: str = ""
    warnings: tuple[str, ...] = field(default=())


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        dedicated = folder / ".factcheck.toml"
        if dedicated.is_file():
            return dedicated
        project = folder / "pyproject.toml"
        if project.is_file() and _has_section(project):
            return project
    return None


def _has_section(path: Path) -> bool:
    try:
        return "[tool.factcheck]" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def load_config(start: Path | None = None) -> Config:
    path = find_config(start)
    if path is None:
        return Config()
    if sys.version_info >= (3, 11):  # imported here: most look-ups have no configuration
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read configuration: {exc}", str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"TOML syntax: {exc}", str(path)) from exc
    table = data.get("tool", {}).get("factcheck", {}) if path.name == "pyproject.toml" else data
    return parse_config(table, path)


def parse_config(table: dict[str, Any], path: Path) -> Config:
    where = str(path)
    warnings = tuple(f"{where}: unknown key '{k}' ignored" for k in table if k not in KEYS)
    registry = _string(table, "registry", where)
    fail_on = _string(table, "fail-on", where)
    if fail_on and fail_on not in FAIL_ON:
        raise InputError(f"'fail-on' must be one of {', '.join(FAIL_ON)}", where, field="fail-on")
    ignore = table.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(i, str) for i in ignore):
        raise InputError("'ignore' must be a list of entry ids", where, field="ignore")
    if registry and not Path(registry).is_absolute():
        registry = str(path.parent / registry)
    return Config(
        where, registry, fail_on, tuple(ignore), _string(table, "format", where), warnings
    )


def _string(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise InputError(f"'{key}' must be a string", where, field=key)
    return value
