"""The command line: click at the edge, the core underneath."""

from __future__ import annotations

import sys

import click

from factcheck import __version__
from factcheck.cli.common import AppState, silence_stdout
from factcheck.errors import ExitCode


@click.group(
    context_settings={
        "help_option_names": ["-h", "--help"],
        "terminal_width": 80,
        "max_content_width": 80,
    }
)
@click.option(
    "--registry",
    "registry",
    metavar="PATH",
    default=None,
    help="Registry file (default: $FACTCHECK_REGISTRY, the configured one, "
    "quotes.toml here or above, else the shipped one).",
)
@click.version_option(__version__, prog_name="factcheck")
@click.pass_context
def cli(ctx: click.Context, registry: str | None) -> None:
    """Check claims, quotations and drafts against a registry of published sources.

    \b
    Examples:
      factcheck check "Russia shares a 4,209 km border with China."
      factcheck quote "no limits to how far and deep"
      factcheck scan draft.md
      factcheck batch claims.jsonl --format jsonl
    """
    ctx.obj = AppState(registry_option=registry)


def _register() -> None:
    from factcheck.cli import commands, ingest_command, scan_command

    for command in (*commands.COMMANDS, scan_command.scan, ingest_command.ingest):
        cli.add_command(command)


_register()


def main() -> None:
    """Entry point: results on stdout; a closed pipe or Ctrl-C never shows a traceback."""
    try:
        cli.main(prog_name="factcheck", standalone_mode=True)
    except BrokenPipeError:
        silence_stdout()
        sys.exit(ExitCode.CLEAN)
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted", err=True)
        sys.exit(ExitCode.ERROR)
