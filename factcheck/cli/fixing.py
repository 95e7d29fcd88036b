"""scan --fix and --diff: the fix core's edits, written atomically or shown as a diff."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.draft.fixes import Edit, fixes
from factcheck.errors import InputError
from factcheck.model import Finding, Verdict

BOM = b"\xef\xbb\xbf"
PROBLEMS = (Verdict.CONTRADICTED, Verdict.DISPUTED)


@dataclass(frozen=True)
class FileFix:
    path: str
    text: str  # as read
    fixed: str
    edits: tuple[Edit, ...]
    left: tuple[Finding, ...]  # problems with no unambiguous fix


def plan(
    path: str,
    text: str,
    findings: Iterable[Finding],
    rescan: Callable[[str], list[Finding]],
) -> FileFix:
    """The fixes for a file's problems; what is left is what a scan of the fixed text
    still finds (a misquotation also misattributed keeps its wrong speaker)."""
    from factcheck.draft.fixes import apply_edits

    edits = tuple(fixes(text, [f for f in findings if f.verdict in PROBLEMS]))
    fixed = apply_edits(text, edits)
    left = tuple(f for f in (rescan(fixed) if edits else findings) if f.verdict in PROBLEMS)
    return FileFix(path, text, fixed, edits, left)


def unified_diff(fix: FileFix) -> str:
    lines = difflib.unified_diff(
        fix.text.splitlines(keepends=True),
        fix.fixed.splitlines(keepends=True),
        fromfile=f"a/{fix.path}",
        tofile=f"b/{fix.path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def write_fix(fix: FileFix) -> None:
    """Write the fixed text over the file, atomically, unless it changed since it was read."""
    from factcheck.fileio import write_atomic

    try:
        with open(fix.path, "rb") as f:
            now = f.read()
    except OSError as exc:
        raise InputError(f"cannot read again before fixing: {exc.strerror}", fix.path) from exc
    bom = BOM if now.startswith(BOM) else b""
    if now[len(bom) :].decode("utf-8", errors="replace") != fix.text:
        raise InputError("changed while it was checked; not fixed", fix.path)
    write_atomic(fix.path, bom + fix.fixed.encode("utf-8"))


def summary(fix: FileFix, applied: bool) -> list[str]:
    """One line a change and one a problem left, for stderr."""
    verb = "fixed" if applied else "would fix"
    out = [
        f"{fix.path}:{e.finding.line}:{e.finding.column}: {verb} {e.finding.part.kind} "
        f"“{e.finding.part.text}” → “{e.new}”"
        for e in fix.edits
    ]
    out += [
        f"{fix.path}:{f.line}:{f.column}: left {f.verdict.value} {f.part.kind} "
        f"“{' '.join(f.part.text.split())}”: no unambiguous fix"
        for f in fix.left
    ]
    return out
