"""The edge of scan --fix / --diff: files written, diff printed, summary on stderr."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from factcheck.cli.common import exit_status, note, stdout
from factcheck.cli.fixing import plan, summary, unified_diff, write_fix
from factcheck.errors import ExitCode, InputError
from factcheck.model import Finding


def run_fixes(
    read: list[tuple[str, str, list[Finding]]],
    rescan: Callable[[str, str], list[Finding]],
    apply: bool,
    failed: int,
    fail_on: str,
) -> ExitCode:
    """Fix (or show the fixes for) each file; the exit status counts what is left."""
    out = stdout()
    left: list[Finding] = []
    changed = fixed = 0
    for path, text, findings in read:
        fix = plan(path, text, findings, partial(_swap, rescan, path))
        if fix.edits and apply:
            try:
                write_fix(fix)
            except InputError as exc:
                note(f"factcheck: error: {exc}")
                failed += 1
                left.extend(f for f in findings if f.verdict.value in ("contradicted", "disputed"))
                continue
        elif fix.edits:
            out.write(unified_diff(fix))
        for line in summary(fix, applied=apply):
            note(line)
        changed += bool(fix.edits)
        fixed += len(fix.edits)
        left.extend(fix.left)
    verb = "fixed" if apply else "would fix"
    note(
        f"{verb} {fixed} finding{'s' if fixed != 1 else ''} in {changed} file"
        f"{'s' if changed != 1 else ''}; {len(left)} left"
    )
    if failed:
        return ExitCode.ERROR
    return exit_status([f.verdict for f in left], fail_on) if apply else _diff_status(read, fail_on)


def _diff_status(read: list[tuple[str, str, list[Finding]]], fail_on: str) -> ExitCode:
    # Nothing was changed: the findings stand as scan would report them.
    return exit_status([f.verdict for _, _, found in read for f in found], fail_on)


def _swap(rescan: Callable[[str, str], list[Finding]], path: str, text: str) -> list[Finding]:
    return rescan(text, path)
