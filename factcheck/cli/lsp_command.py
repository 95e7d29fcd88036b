"""factcheck lsp: the language server over stdio (needs the `lsp` extra)."""

from __future__ import annotations

import click

from factcheck.cli.common import AppState, UserError, resume_collection, user_error
from factcheck.errors import FactcheckError

pass_state = click.make_pass_decorator(AppState)


@click.command()
@click.option(
    "--stdio", is_flag=True, help="Talk over stdin/stdout (the default; editors pass it)."
)
@pass_state
def lsp(state: AppState, stdio: bool) -> None:
    """Run the language server: diagnostics, hovers and quick fixes in an editor.

    Speaks LSP over stdin/stdout. The registry is the one the other commands
    use (--registry, $FACTCHECK_REGISTRY, the config, quotes.toml here or
    above); it is re-read when its file changes.

    \b
    Example:
      factcheck --registry quotes.toml lsp
    """
    try:
        from factcheck.lsp.server import create_server
    except ImportError as exc:  # the extra is not installed
        raise UserError(
            f"the language server needs the lsp extra: pip install 'factcheck[lsp]' ({exc})"
        ) from exc
    try:
        path = state.registry_path()
    except FactcheckError as exc:
        raise user_error(exc) from exc
    resume_collection()  # a server runs for hours: its garbage must be collected
    create_server(path, tuple(state.config.ignore)).start_io()
