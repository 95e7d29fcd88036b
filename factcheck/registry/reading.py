"""Reading a registry file's bytes, with the errors a user can act on.

Separate from the loader so that a look-up served from the cache reads the
file (to hash it) without importing the TOML parser.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.errors import RegistryError


def read_registry_bytes(path: str | Path) -> bytes:
    name, p = str(path), Path(path)
    if not p.exists():
        raise RegistryError("no such registry file", name)
    if p.is_dir():
        raise RegistryError("is a folder, not a registry file", name)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise RegistryError(f"cannot read: {exc.strerror}", name) from exc


def decode_registry(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RegistryError("not UTF-8 text", name, line) from exc
