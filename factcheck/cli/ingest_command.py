"""factcheck ingest: add an article's quotations and figures to the registry."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import click

from factcheck.cli.common import (
    AppState,
    UserError,
    note,
    resume_collection,
    stdout,
    user_error,
)
from factcheck.cli.inputs import MAX_DRAFT_BYTES, read_text_input
from factcheck.errors import FactcheckError, InputError

pass_state = click.make_pass_decorator(AppState)
EMPTY_REGISTRY = (
    "# The registry: what published sources said. See factcheck's README.\nschema = 1\n"
)


def _check_date(ctx: click.Context, param: click.Parameter, value: str) -> str:
    import datetime

    try:
        return datetime.date.fromisoformat(value).isoformat() if value else ""
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD") from None


@click.command()
@click.argument("article", type=click.Path(allow_dash=True))
@click.option("--source-id", required=True, help="Id for the new source, e.g. s005-gazette.")
@click.option("--outlet", default="unnamed outlet", show_default=True)
@click.option("--title", default="")
@click.option("--author", default="")
@click.option("--date", default="", callback=_check_date, help="Publication date, YYYY-MM-DD.")
@click.option("--url", default="")
@click.option("--dry-run", is_flag=True, help="Print the change as a diff; write nothing.")
@pass_state
def ingest(
    state: AppState,
    article: str,
    source_id: str,
    outlet: str,
    title: str,
    author: str,
    date: str,
    url: str,
    dry_run: bool,
) -> None:
    """Add ARTICLE (text or Markdown) to the registry as a new source.

    Its quotations (with speakers) and figures become reports of the entries
    the registry already has, or new entries. The registry keeps its comments
    and layout and is written in one step; with --dry-run nothing is written.

    It writes the registry named by --registry, $FACTCHECK_REGISTRY or the
    configuration, or quotes.toml in this folder (never one found in a folder
    above), and says on stderr which file before writing it.

    \b
    Example:
      factcheck --registry quotes.toml ingest article.md --source-id s005-gazette --outlet "The Gazette" --dry-run
    """
    from factcheck.fileio import write_atomic
    from factcheck.ingest.jsonl_merge import merge_jsonl
    from factcheck.ingest.merge import merge
    from factcheck.ingest.propose import propose
    from factcheck.model import Source
    from factcheck.registry import parse_registry
    from factcheck.registry.loader import NOTHING_IN_IT, id_problem, is_jsonl

    resume_collection()  # reads and writes a whole registry, however large

    if id_problem(source_id):  # before anything is read: a bad id is the command's fault
        raise UserError(f"--source-id: {id_problem(source_id)}")
    path, named_by = _target(state)
    old = _registry_text(path)
    try:
        registry, problems = parse_registry(old, str(path))
        problems = [p for p in problems if not str(p).endswith(NOTHING_IN_IT)]
        if problems:
            raise user_error(problems[0])
        if source_id in registry.sources:
            raise UserError(f"{path}: source id {source_id!r} is already in the registry")
        text = read_text_input(article, "an article", MAX_DRAFT_BYTES)
    except FactcheckError as exc:
        raise user_error(exc) from exc
    from factcheck.ingest.asof import dateline

    name = "" if article == "-" else Path(article).name
    # Without --date, the article's own date line dates it (and its "on Thursday")
    source = Source(source_id, outlet, title, author, date or dateline(text), name, url)
    proposal = propose(text, registry, source)
    _refuse_a_copy(proposal, registry, path)
    # TOML is edited keeping its comments and layout; JSON Lines gains lines.
    new = merge_jsonl(old, proposal) if is_jsonl(path) else merge(old, proposal)
    _, after = _validated(new, str(path))
    if dry_run:
        stdout().writelines(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                new.splitlines(keepends=True),
                str(path),
                f"{path} (after ingest)",
            )
        )
    else:
        target = path.resolve() if path.is_symlink() else path
        link = f" (a link to {target})" if target != path else ""
        note(f"factcheck: writing {path}{link}" + (f", named by {named_by}" if named_by else ""))
        try:
            write_atomic(path, new)
        except OSError as exc:
            raise UserError(f"{path}: cannot write: {exc.strerror or exc}; left as it was") from exc
    note(_summary(proposal, registry, after, dry_run, path))


def _refuse_a_copy(proposal: object, registry: object, path: Path) -> None:
    from factcheck.ingest.propose import Proposal
    from factcheck.ingest.same import already_in
    from factcheck.model import Registry

    assert isinstance(proposal, Proposal) and isinstance(registry, Registry)
    found = already_in(proposal, registry)
    if found:
        sid, how = found
        raise UserError(
            f"{path}: this article is already in the registry as source '{sid}' ({how});"
            " nothing written"
        )


def _target(state: AppState) -> tuple[Path, str]:
    """The registry to write, and what named it ("" for --registry, which the user
    just typed). Looking-up commands may use a quotes.toml found in a folder above;
    a write goes only where the user, $FACTCHECK_REGISTRY or a configuration said,
    or to quotes.toml in this folder."""
    from factcheck.registry import shipped_registry
    from factcheck.registry.discover import ENV_VAR

    path = Path(state.registry_path())
    if state.registry_option:
        return path, ""
    if os.environ.get(ENV_VAR):
        return path, f"${ENV_VAR}"
    if state.config.registry:
        return path, state.config.path
    if path.resolve() == shipped_registry().resolve():
        raise UserError("no registry here to add to: give --registry PATH (it may be a new file)")
    if path.parent.resolve() != Path.cwd().resolve():
        raise UserError(
            f"no registry in this folder to add to ({path} is in a folder above); "
            "give --registry PATH"
        )
    return path, ""


def _registry_text(path: Path) -> str:
    from factcheck.registry.reading import decode_registry, read_registry_bytes

    if not os.path.lexists(path):  # a new registry file, started by this ingest
        from factcheck.registry.loader import is_jsonl

        return '{"schema": 1}\n' if is_jsonl(path) else EMPTY_REGISTRY
    try:
        # As every command reads it: a FIFO or a device is refused, never waited on.
        return decode_registry(read_registry_bytes(path), str(path))
    except FactcheckError as exc:
        raise user_error(exc) from exc


def _validated(text: str, path: str) -> tuple[str, object]:
    """The merged registry must pass `registry check`; if not, nothing is written."""
    from factcheck.registry import parse_registry

    try:
        registry, problems = parse_registry(text, path)
    except InputError as exc:
        raise UserError(f"the merged registry would not load ({exc}); nothing written") from exc
    if problems:
        raise UserError(
            f"the merged registry would have a problem ({problems[0]}); nothing written"
        )
    return text, registry


def _summary(proposal: object, before: object, after: object, dry_run: bool, path: Path) -> str:
    from factcheck.ingest.propose import Proposal
    from factcheck.model import Registry
    from factcheck.verdicts.conflicts import find_conflicts

    assert (
        isinstance(proposal, Proposal)
        and isinstance(before, Registry)
        and isinstance(after, Registry)
    )
    old_conflicts = {c.figure.id for c in find_conflicts(before)}
    new_conflicts = sorted(
        c.figure.id for c in find_conflicts(after) if c.figure.id not in old_conflicts
    )
    q_new = sum(q.new for q in proposal.quotations)
    f_new = sum(f.new for f in proposal.figures)
    q_more, f_more = len(proposal.quotations) - q_new, len(proposal.figures) - f_new
    lines = [
        f"{'would add' if dry_run else 'added'} source {proposal.source.id} to {path}: "
        f"{_n(len(proposal.quotations), 'quotation')} ({q_new} new, "
        f"{_n(q_more, 'more report')}), {_n(len(proposal.figures), 'figure')} ({f_new} new, "
        f"{_n(f_more, 'more report')}), {_n(len(proposal.speakers), 'new speaker')}"
    ]
    if new_conflicts:
        lines.append(f"new disagreements: {', '.join(new_conflicts)} (see: factcheck conflicts)")
    return "\n".join(lines)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
