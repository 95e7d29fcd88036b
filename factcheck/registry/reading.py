"""Reading a registry file's bytes, with the errors a user can act on.

Separate from the loader so that a look-up served from the cache reads the
file (to hash it) without importing the TOML parser.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.errors import RegistryError
from factcheck.fileio import NotRegularFile, read_regular

# Ten times the largest registry measured (benchmarks: 500 MB, a million entries);
# what is larger is a wrong file, and reading it would exhaust memory first.
MAX_REGISTRY_BYTES = 4 * 1024**3


def read_registry_bytes(path: str | Path) -> bytes:
    name, p = str(path), Path(path)
    if not p.exists():
        raise RegistryError("no such registry file", name)
    if p.is_dir():
        raise RegistryError("is a folder, not a registry file", name)
    try:
        data = read_regular(p, MAX_REGISTRY_BYTES)
    except NotRegularFile as exc:
        raise RegistryError(f"{exc}; not read as a registry", name) from exc
    except OSError as exc:
        raise RegistryError(f"cannot read: {exc.strerror}", name) from exc
    if len(data) > MAX_REGISTRY_BYTES:
        raise RegistryError(f"larger than {MAX_REGISTRY_BYTES // 1024**3} GB; not read", name)
    return data


def decode_registry(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RegistryError("not UTF-8 text", name, line) from exc
