"""factcheck scan: check every quotation and figure in drafts."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from typing import TextIO

import click

from factcheck.cli.common import (
    AppState,
    UserError,
    exit_status,
    fail_on_option,
    note,
    resolve_fail_on,
    stdout,
    use_color,
)
from factcheck.cli.inputs import MAX_DRAFT_BYTES, read_text_input
from factcheck.cli.scan_paths import expand
from factcheck.errors import ExitCode, InputError
from factcheck.model import Finding, Verdict

FORMATS = ["text", "json", "jsonl", "github", "sarif", "claimreview"]
pass_state = click.make_pass_decorator(AppState)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: text, or the configured one).",
)
@click.option(
    "--show",
    type=click.Choice(["problems", "supported", "all"]),
    default="problems",
    show_default=True,
    help="Text format: which findings to list.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Write the unambiguous fixes into the files (the sources' wording or figure).",
)
@click.option(
    "--diff", is_flag=True, help="Show the fixes --fix would make, as a diff; write nothing."
)
@click.option(
    "--exclude",
    "exclude",
    multiple=True,
    metavar="GLOB",
    help="In folders, skip paths matching GLOB (repeatable), e.g. 'drafts/old/*'.",
)
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write the results to FILE (atomically) instead of stdout.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="Processes for a long draft, one per 100,000 characters at most "
    "(default 0: one per idle core). Findings never change.",
)
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr; errors still shown.")
@fail_on_option
@pass_state
def scan(
    state: AppState,
    files: tuple[str, ...],
    fmt: str | None,
    show: str,
    fix: bool,
    diff: bool,
    exclude: tuple[str, ...],
    output: str | None,
    jobs: int,
    quiet: bool,
    fail_on: str | None,
) -> None:
    """Check every quotation and figure in Markdown or text drafts (- for stdin).

    A folder is searched for .md, .markdown and .txt drafts, skipping hidden
    folders and --exclude matches.

    Text output lists problems as path:line:col verdict message; json and
    jsonl list every checked claim, supported ones included. --fix puts the
    sources' exact wording or agreed figure in place of a wrong one and lists
    on stderr what it changed and what it left.

    \b
    Examples:
      factcheck scan draft.md --format github
      factcheck scan draft.md --diff
      factcheck scan drafts/ --exclude 'archive/*' -o report.json --format json
    """
    from factcheck.draft.ahead import default_jobs
    from factcheck.draft.scan import is_plain_text, scan_text
    from factcheck.output import finding_renderer

    registry = state.registry
    fmt = fmt or state.config.format or "text"
    if fmt not in FORMATS:
        raise click.BadParameter(f"unknown format {fmt!r} in configuration", param_hint="format")
    if (fix or diff) and "-" in files:
        raise click.BadParameter("cannot fix stdin; name the files", param_hint="--fix/--diff")
    if fix and diff:
        raise click.BadParameter("--diff previews --fix: give one of them", param_hint="--diff")
    expanded, problems = expand(files, exclude)
    for problem in problems:
        note(f"factcheck: error: {problem}")
    files = tuple(expanded)
    findings: list[Finding] = []
    read: list[tuple[str, str, list[Finding]]] = []
    failed = len(problems)
    for path in files:
        try:
            text = read_text_input(path, "a draft", MAX_DRAFT_BYTES, empty_ok=True)
        except InputError as exc:
            note(f"factcheck: error: {exc}")
            failed += 1
            continue
        name = "<stdin>" if path == "-" else path
        found = scan_text(
            text,
            registry,
            name,
            state.config.ignore,
            plain=is_plain_text(path),
            jobs=jobs or default_jobs(),
        )
        findings.extend(found)
        read.append((path, text, found))
    if fix or diff:
        from factcheck.cli.fix_command import run_fixes

        sys.exit(
            run_fixes(
                read,
                lambda text, path: scan_text(
                    text, registry, path, state.config.ignore, plain=is_plain_text(path)
                ),
                apply=fix,
                failed=failed,
                fail_on=resolve_fail_on(state, fail_on),
            )
        )
    shown = {
        "problems": (Verdict.ERROR, Verdict.CONTRADICTED, Verdict.DISPUTED),
        "supported": (Verdict.ERROR, Verdict.CONTRADICTED, Verdict.DISPUTED, Verdict.SUPPORTED),
        "all": tuple(Verdict),
    }[show]
    render(
        output,
        lambda stream, color: finding_renderer(fmt)(
            findings, stream, color=color, show=shown, registry=registry
        ),
    )
    if read and not quiet:  # when nothing could be read, the error lines say it all
        note(_summary(findings, len(read), failed))
    code = exit_status([f.verdict for f in findings], resolve_fail_on(state, fail_on))
    unreadable = failed or any(f.verdict is Verdict.ERROR for f in findings)
    sys.exit(ExitCode.ERROR if unreadable else code)


def _summary(findings: list[Finding], scanned: int, failed: int) -> str:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.verdict.value] = counts.get(f.verdict.value, 0) + 1
    order = ["error", "contradicted", "disputed", "supported", "unverified"]
    parts = ", ".join(f"{counts[v]} {v}" for v in order if v in counts) or "nothing to check"
    files = f"{scanned} file{'s' if scanned != 1 else ''}"
    tail = f"; {failed} could not be read" if failed else ""
    return f"{files} scanned: {parts}{tail}"


def render(output: str | None, write: Callable[[TextIO, bool], None]) -> None:
    """The results on stdout, or into `output` written atomically (never half a report)."""
    if output is None:
        write(stdout(), use_color(sys.stdout))
        return
    from factcheck.fileio import write_atomic

    buffer = io.StringIO()
    write(buffer, False)
    try:
        write_atomic(output, buffer.getvalue())
    except OSError as exc:
        raise UserError(f"{output}: cannot write: {exc.strerror}") from exc
