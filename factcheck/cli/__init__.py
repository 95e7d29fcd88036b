"""The command line: click at the edge, the core underneath."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from factcheck import __version__
from factcheck.cli.common import AppState, pause_collection, silence_stdout
from factcheck.errors import ExitCode


class LazyGroup(click.Group):
    """Imports a command's module only when that command runs (or help lists it):
    a look-up never pays for scan's Markdown reader or ingest's TOML writer."""

    def __init__(self, *args: Any, lazy: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy  # command name -> "module:attribute"

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy and name not in self.commands:
            module, attr = self.lazy[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attr), name)
        return super().get_command(ctx, name)


COMMANDS = {
    "check": "factcheck.cli.commands:check",
    "quote": "factcheck.cli.commands:quote",
    "conflicts": "factcheck.cli.commands:conflicts",
    "sources": "factcheck.cli.commands:sources",
    "batch": "factcheck.cli.commands:batch",
    "registry": "factcheck.cli.commands:registry",
    "scan": "factcheck.cli.scan_command:scan",
    "ingest": "factcheck.cli.ingest_command:ingest",
    "lsp": "factcheck.cli.lsp_command:lsp",
    "schema": "factcheck.cli.commands:schema",
}


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings={
        "help_option_names": ["-h", "--help"],
        "terminal_width": 80,
        "max_content_width": 80,
    },
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


def main() -> None:
    """Entry point: results on stdout; a closed pipe or Ctrl-C never shows a traceback."""
    pause_collection()
    try:
        cli.main(prog_name="factcheck", standalone_mode=True)
    except BrokenPipeError:
        silence_stdout()
        sys.exit(ExitCode.CLEAN)
    except OSError as exc:  # inputs say their own errors: what is left is the output
        silence_stdout()  # (a full disk, /dev/full); a flush at exit would fail again
        click.echo(f"factcheck: cannot write the output: {exc.strerror or exc}", err=True)
        sys.exit(ExitCode.ERROR)
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted", err=True)
        sys.exit(ExitCode.ERROR)
