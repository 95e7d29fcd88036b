"""check, quote, conflicts, sources, batch and registry check."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import click

from factcheck.cli.common import (
    AppState,
    UserError,
    exit_status,
    fail_on_option,
    note,
    resolve_fail_on,
    resume_collection,
    stdout,
    use_color,
)
from factcheck.errors import ExitCode, FactcheckError

pass_state = click.make_pass_decorator(AppState)
text_or_json = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)


def cpu_count() -> int:
    """The cores this process may use (a container's share, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def emit(fmt: str, as_json: Callable[[], object], as_lines: Callable[[], list[str]]) -> None:
    """Write a view as indented JSON or as (coloured on a terminal) text lines."""
    from factcheck.output.text import Printer

    if fmt == "json":
        import json

        click.echo(json.dumps(as_json(), ensure_ascii=False, indent=2))
    else:
        Printer(stdout(), use_color(sys.stdout)).lines(as_lines())


@click.command()
@click.argument("claim")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "claimreview"]),
    default="text",
    show_default=True,
    help="claimreview: schema.org ClaimReview JSON-LD.",
)
@fail_on_option
@pass_state
def check(state: AppState, claim: str, fmt: str, fail_on: str | None) -> None:
    """Say whether CLAIM agrees with the sources, with reasons and evidence.

    CLAIM - reads the claim from stdin.

    \b
    Example:
      factcheck check "Putin told Xi that Russia would supply 20 bcm of gas."
    """
    from factcheck.output import result_writer
    from factcheck.verdicts.engine import check as check_claim

    result = check_claim(_claim_argument(claim), state.registry)
    writer = result_writer(
        fmt, stdout(), color=use_color(sys.stdout), single=True, registry=state.registry
    )
    writer.begin()
    writer.write(result)
    writer.end()
    sys.exit(exit_status([result.verdict], resolve_fail_on(state, fail_on)))


def _claim_argument(claim: str) -> str:
    """CLAIM as batch would take it: - reads stdin; empty or over the limit is an error."""
    from factcheck.limits import MAX_CLAIM

    if claim == "-":
        claim = sys.stdin.read(MAX_CLAIM + 1)
    if not claim.strip():
        raise UserError("CLAIM: the claim is empty; nothing to check")
    if len(claim) > MAX_CLAIM:
        raise UserError(
            f"CLAIM: the claim has more than {MAX_CLAIM:,} characters, the limit; "
            "for an article use 'factcheck scan'"
        )
    return claim


@click.command()
@click.argument("words")
@click.option(
    "--limit",
    default=3,
    show_default=True,
    type=click.IntRange(1, 50),
    help="How many quotations at most.",
)
@text_or_json
@pass_state
def quote(state: AppState, words: str, limit: int, fmt: str) -> None:
    """Find the quotations closest to WORDS, with a word diff against each source.

    Exit status 1 when no quotation comes close.

    \b
    Example:
      factcheck quote "Russia's legitimate security concerns should be taken seriously"
    """
    from factcheck.cli.views import quote_json, quote_lines
    from factcheck.quotations.lookup import find_quotations

    found = find_quotations(words, state.registry, limit)
    emit(fmt, lambda: quote_json(found), lambda: quote_lines(words, found))
    sys.exit(ExitCode.CLEAN if found else ExitCode.FINDINGS)


@click.command()
@text_or_json
@pass_state
def conflicts(state: AppState, fmt: str) -> None:
    """List every figure whose sources disagree, each side's value and sentence.

    \b
    Example:
      factcheck conflicts
    """
    from factcheck.cli.views import conflict_json, conflict_lines, series_json, series_lines
    from factcheck.verdicts.conflicts import find_conflicts
    from factcheck.verdicts.series import find_series

    registry, _ = state.listing()
    found = find_conflicts(registry)
    series = find_series(registry)
    emit(
        fmt,
        lambda: conflict_json(found, registry) + series_json(series, registry),
        lambda: (
            (conflict_lines(found, registry) if found or not series else [])
            + series_lines(series, registry)[0 if found else 1 :]
        ),
    )
    note(f"{len(found)} entries with disagreeing sources")
    if series:
        note(f"{len(series)} figures reported over time (series, not disputes)")


@click.command()
@text_or_json
@pass_state
def sources(state: AppState, fmt: str) -> None:
    """List the registry's sources and how many entries each backs.

    \b
    Example:
      factcheck sources
    """
    from factcheck.cli.views import source_json, source_lines

    registry, counts = state.listing()
    emit(fmt, lambda: source_json(registry, counts), lambda: source_lines(registry, counts))


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "table", "json", "claimreview"]),
    default="jsonl",
    show_default=True,
    help="claimreview: schema.org ClaimReview JSON-LD, one review per row.",
)
@click.option(
    "--input-format",
    type=click.Choice(["auto", "jsonl", "csv", "text"]),
    default="auto",
    show_default=True,
    help="How PATH is written (auto: by its name, else by its first line).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes (default 0: one per core). Output order never changes.",
)
@click.option(
    "--dask",
    metavar="ADDRESS",
    default=None,
    help="Check on a Dask cluster: a scheduler (tcp://HOST:8786), or local[:N] "
    "for N local worker processes. Needs factcheck[dask].",
)
@fail_on_option
@pass_state
def batch(
    state: AppState,
    path: str,
    fmt: str,
    input_format: str,
    jobs: int,
    dask: str | None,
    fail_on: str | None,
) -> None:
    """Check every claim in PATH (JSONL, CSV or one claim a line; - for stdin).

    One output row per input row, in order, flushed as it goes. A row that
    cannot be read gets verdict "error" and the run goes on; the exit status
    is then 2.

    \b
    Example:
      factcheck batch claims.jsonl --format csv > verdicts.csv
    """
    from factcheck.cli.batch_run import run_batch, stop_interrupted

    try:
        registry = state.registry
    except KeyboardInterrupt:  # while the registry loads (or is indexed, once): stop now
        stop_interrupted(0, None)
    try:
        verdicts, errors = run_batch(
            path, registry, fmt, input_format, jobs or cpu_count(), dask=dask
        )
    except FactcheckError as exc:
        raise UserError(str(exc)) from exc
    sys.exit(exit_status(verdicts, resolve_fail_on(state, fail_on), errors=errors > 0))


@click.group()
def registry() -> None:
    """Work with the registry file.

    \b
    Example:
      factcheck registry check quotes.toml
    """


@registry.command("check")
@click.argument("path", required=False)
@pass_state
def registry_check(state: AppState, path: str | None) -> None:
    """Validate a registry and list every problem as file:line [field]: message.

    Without PATH, checks the registry the other commands would use.

    \b
    Example:
      factcheck registry check quotes.toml
    """
    from factcheck.registry import read_registry

    resume_collection()  # a registry of a million entries is read whole
    target = path or state.registry_path()
    try:
        loaded, problems = read_registry(target)
    except FactcheckError as exc:
        raise UserError(str(exc)) from exc
    for problem in problems:
        click.echo(str(problem))
    if problems:
        note(f"{target}: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        sys.exit(ExitCode.ERROR)
    note(
        f"{target}: no problems ({len(loaded.sources)} sources, {len(loaded.speakers)} speakers, "
        f"{len(loaded.quotations)} quotations, {len(loaded.figures)} figures)"
    )


@click.command()
@click.option("--path", "show_path", is_flag=True, help="Print where the schema file is instead.")
def schema(show_path: bool) -> None:
    """Print the JSON Schema of check, quote, batch and scan JSON output.

    One file, versioned in its name and $id (output-1.json): a field may be
    added within a version; one removed, renamed or retyped makes version 2.
    Each output's own schema is under $defs: check, batch, batch-row, scan,
    scan-row, quote.

    \b
    Example:
      factcheck schema > factcheck-output.schema.json
    """
    from factcheck.schema import OUTPUT_SCHEMA

    if show_path:
        click.echo(str(OUTPUT_SCHEMA))
    else:
        click.echo(OUTPUT_SCHEMA.read_text(encoding="utf-8"), nl=False)
