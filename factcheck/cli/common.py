"""What every command shares: the registry, colour, exit status, errors."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any, TextIO

import click

from factcheck.config import Config, load_config
from factcheck.errors import ExitCode, FactcheckError, InputError, RegistryProblems
from factcheck.model import SEVERITY, Registry, Verdict

FAIL_ON_CHOICES = ["contradicted", "disputed", "unverified"]


class UserError(click.ClickException):
    """A domain error, shown as one line, exit status 2."""

    exit_code = ExitCode.ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"factcheck: error: {self.format_message()}", err=True)


def user_error(exc: FactcheckError) -> UserError:
    if isinstance(exc, RegistryProblems):
        lines = [str(p) for p in exc.problems]
        more = (
            f" (and {len(lines) - 1} more; run 'factcheck registry check')"
            if len(lines) > 1
            else ""
        )
        return UserError(lines[0] + more)
    return UserError(str(exc))


class _Collection:
    paused = False  # main() turned garbage collection off while the command starts


def pause_collection() -> None:
    """No garbage collection while the command starts. What start-up makes (modules,
    classes, the registry and its index) lives until the process ends: sweeping it
    again and again as it is made cost some 5% of a look-up's CPU time."""
    _Collection.paused = True
    gc.disable()


def resume_collection() -> None:
    """Garbage collection back on, once the command has started: from here it works
    item by item (sentences, claims, edits) or for long (a first index of a large
    registry, the language server), and what it drops must be collected. What
    start-up made is frozen out of the sweeps, since it lives to the end."""
    if _Collection.paused:
        _Collection.paused = False
        gc.freeze()
        gc.enable()


@dataclass
class AppState:
    registry_option: str | None = None
    _config: Config | None = None
    _registry: Registry | None = field(default=None, repr=False)

    @property
    def config(self) -> Config:
        if self._config is None:
            try:
                self._config = load_config()
            except InputError as exc:
                raise user_error(exc) from exc
            for warning in self._config.warnings:
                click.echo(f"factcheck: warning: {warning}", err=True)
        return self._config

    def registry_path(self) -> str:
        from factcheck.registry import find_registry

        return str(find_registry(self.registry_option, self.config.registry or None))

    @property
    def full_registry(self) -> Registry:
        """Every entry in memory, for commands that go through them all (`conflicts`,
        `sources`): a large registry's cached form holds its entries on disk."""
        registry = self.registry
        if registry.quotations or registry.figures:
            return registry
        from factcheck.registry import load_registry

        try:
            return load_registry(self.registry_path())
        except FactcheckError as exc:
            raise user_error(exc) from exc

    def listing(self) -> tuple[Registry, dict[str, tuple[int, int]] | None]:
        """What `conflicts` and `sources` go through: from a large registry's index,
        its figures with several reports and each source's counts; else every entry."""
        from factcheck.matching.listing import stored_listing

        found = stored_listing(self.registry)
        return found if found is not None else (self.full_registry, None)

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            from factcheck.registry.cache import load_registry_cached

            try:
                self._registry = load_registry_cached(self.registry_path(), progress=_progress)
            except FactcheckError as exc:
                raise user_error(exc) from exc
            resume_collection()
        return self._registry


def _progress(message: str) -> None:
    """A first, slow indexing run: no longer start-up."""
    resume_collection()
    note(f"factcheck: {message}")


def use_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def stdout() -> TextIO:
    return sys.stdout


def exit_status(verdicts: Iterable[Verdict], fail_on: str, errors: bool = False) -> ExitCode:
    """2 when input rows failed; 1 when a verdict other than supported is at least
    as severe as `fail_on` (so --fail-on unverified fails anything not supported)."""
    if errors:
        return ExitCode.ERROR
    threshold = SEVERITY[Verdict(fail_on or "contradicted")]
    passing = (Verdict.SUPPORTED, Verdict.ERROR)
    if any(v not in passing and SEVERITY[v] >= threshold for v in verdicts):
        return ExitCode.FINDINGS
    return ExitCode.CLEAN


def silence_stdout() -> None:
    """After a closed pipe: Python would report it again when it flushes at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def note(message: str) -> None:
    """A summary or progress line: stderr, never mixed into results."""
    click.echo(message, err=True)


def fail_on_option(f: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--fail-on",
        type=click.Choice(FAIL_ON_CHOICES),
        default=None,
        help="Exit 1 on this verdict or worse (default: contradicted).",
    )(f)


def resolve_fail_on(state: AppState, value: str | None) -> str:
    return value or state.config.fail_on or "contradicted"
