"""The drafts a scan of files and folders covers: folders searched as ruff and Vale do."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import InputError

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
# Folders nobody keeps drafts in, and which can be huge: skipped as ruff skips them.
SKIPPED = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


def expand(paths: Iterable[str], exclude: Iterable[str] = ()) -> tuple[list[str], list[InputError]]:
    """Files as given (- too); each folder replaced by its drafts, sorted, minus `exclude`
    (globs matched against a path or any part of it) and hidden folders. A folder with
    no drafts is a problem to report, not a reason to stop."""
    patterns = tuple(exclude)
    out: list[str] = []
    problems: list[InputError] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = _drafts(Path(path), patterns)
            if not found:
                suffixes = ", ".join(DRAFT_SUFFIXES)
                problems.append(InputError(f"no drafts ({suffixes}) in this folder", path))
            out.extend(found)
        elif not _excluded(path, patterns):
            out.append(path)
    return out, problems


def _drafts(folder: Path, patterns: tuple[str, ...]) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIPPED
            and not _excluded(os.path.join(root, d), patterns)
        )
        for name in sorted(files):
            full = os.path.join(root, name)
            if name.lower().endswith(DRAFT_SUFFIXES) and not _excluded(full, patterns):
                found.append(full)
    return found


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    parts = Path(path).parts
    return any(
        fnmatch.fnmatch(path, p) or any(fnmatch.fnmatch(part, p) for part in parts)
        for p in patterns
    )
