"""The language server, driven over stdio by pygls's own LanguageClient, as an editor would."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from factcheck.draft.fixes import apply_edits
from factcheck.draft.scan import scan_text
from factcheck.registry import load_registry

ROOT = Path(__file__).parent.parent
DRAFT = (ROOT / "examples" / "draft.md").read_text(encoding="utf-8")
TYPO = "Andrew Small said the visit would be “significant in a normal contxt”.\n"


class Editor:
    """A client that remembers the last diagnostics published for each document."""

    def __init__(self) -> None:
        self.client = LanguageClient("test-editor", "1")
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.arrived = asyncio.Event()
        self.versions: list[int | None] = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.diagnostics[params.uri] = list(params.diagnostics)
            self.versions.append(params.version)
            self.arrived.set()

    async def start(self, registry: Path, options: dict[str, Any] | None = None) -> None:
        await self.client.start_io(
            sys.executable, "-m", "factcheck", "--registry", str(registry), "lsp", "--stdio"
        )
        await self.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                initialization_options={"debounce": 0, **(options or {})},
            )
        )
        self.client.initialized(types.InitializedParams())

    async def wait(self, action: Callable[[], object]) -> None:
        self.arrived.clear()
        action()
        await asyncio.wait_for(self.arrived.wait(), 30)

    async def open(self, uri: str, text: str) -> None:
        item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        await self.wait(
            lambda: self.client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        )

    async def replace_all(self, uri: str, text: str, version: int) -> None:
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        params = types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version), [change]
        )
        await self.wait(lambda: self.client.text_document_did_change(params))

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def run(test: Callable[[Editor], Awaitable[None]], registry: Path, **options: Any) -> None:
    async def body() -> None:
        editor = Editor()
        await editor.start(registry, options)
        try:
            await test(editor)
        finally:
            await editor.stop()

    asyncio.run(body())


@pytest.fixture()
def registry_file(tmp_path: Path) -> Path:
    path = tmp_path / "quotes.toml"
    shutil.copy(ROOT / "quotes.toml", path)
    return path


def spans(diagnostics: list[types.Diagnostic]) -> list[tuple[int, int, int, int, str]]:
    return sorted(
        (
            d.range.start.line + 1,
            d.range.start.character + 1,
            d.range.end.line + 1,
            d.range.end.character + 1,
            d.message,
        )
        for d in diagnostics
    )


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (all on ASCII-free-of-surrogates text here: UTF-16 = code points)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    out = text
    for e in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        a = starts[e.range.start.line] + e.range.start.character
        b = starts[e.range.end.line] + e.range.end.character
        out = out[:a] + e.new_text + out[b:]
    return out


def test_diagnostics_are_scans_findings(registry_file: Path, tmp_path: Path) -> None:
    uri = from_fs_path(str(tmp_path / "draft.md")) or ""
    scanned = scan_text(DRAFT, load_registry(registry_file))
    expected = sorted(
        (f.line, f.column, f.end_line, f.end_column, f.message)
        for f in scanned
        if f.verdict.value in ("contradicted", "disputed", "error")
    )
    assert expected  # the example draft has problems to show

    async def test(editor: Editor) -> None:
        await editor.open(uri, DRAFT)
        assert spans(editor.diagnostics[uri]) == expected
        severities = {d.message: d.severity for d in editor.diagnostics[uri]}
        contradicted = next(m for m in severities if ": contradicted" in m)
        disputed = next(m for m in severities if ": disputed" in m)
        assert severities[contradicted] == types.DiagnosticSeverity.Error
        assert severities[disputed] == types.DiagnosticSeverity.Warning

    run(test, registry_file)


def test_unverified_is_off_unless_asked(registry_file: Path, tmp_path: Path) -> None:
    uri = from_fs_path(str(tmp_path / "draft.md")) or ""
    text = "The mayor said the bridge would cost “an utterly unrecorded sum of money” soon.\n"

    async def quiet(editor: Editor) -> None:
        await editor.open(uri, text)
        assert editor.diagnostics[uri] == []

    async def loud(editor: Editor) -> None:
        await editor.open(uri, text)
        assert [d.severity for d in editor.diagnostics[uri]] == [
            types.DiagnosticSeverity.Information
        ]

    run(quiet, registry_file)
    run(loud, registry_file, unverified=True)


def test_hover_shows_verdict_reasons_and_sources(registry_file: Path, tmp_path: Path) -> None:
    uri = from_fs_path(str(tmp_path / "draft.md")) or ""

    async def test(editor: Editor) -> None:
        await editor.open(uri, DRAFT)
        gas = next(d for d in editor.diagnostics[uri] if "20 bcm" in d.message)
        hover = await editor.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), gas.range.start)
        )
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        value = hover.contents.value
        assert "contradicted" in value and "far-east-gas-deal" in value
        assert "the source says 10 billion cubic metres" in value
        assert "**The Globe**" in value and "10 billion cubic metres of natural gas" in value
        nothing = await editor.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(5, 0))
        )
        assert nothing is None

    run(test, registry_file)


async def _actions(editor: Editor, uri: str, d: types.Diagnostic) -> list[types.CodeAction]:
    got = await editor.client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri), d.range, types.CodeActionContext([d])
        )
    )
    return [a for a in got or [] if isinstance(a, types.CodeAction)]


def _fixed(text: str, uri: str, action: types.CodeAction) -> str:
    assert action.edit is not None and action.edit.changes is not None
    return apply(text, list(action.edit.changes[uri]))


def test_code_actions_fix_wording_figure_and_suppress(registry_file: Path, tmp_path: Path) -> None:
    uri = from_fs_path(str(tmp_path / "draft.md")) or ""
    text = DRAFT + "\n" + TYPO

    async def test(editor: Editor) -> None:
        await editor.open(uri, text)
        by_text = {d.message: d for d in editor.diagnostics[uri]}
        typo = next(d for m, d in by_text.items() if "contxt" in m)
        wording = [a for a in await _actions(editor, uri, typo) if a.is_preferred]
        assert len(wording) == 1
        fixed = _fixed(text, uri, wording[0])
        assert "“significant in a normal context”." in fixed.splitlines()[-1]
        gas = next(d for m, d in by_text.items() if "20 bcm" in m)
        figure = [a for a in await _actions(editor, uri, gas) if a.is_preferred]
        assert "a deal for 10 billion cubic metres of gas" in _fixed(text, uri, figure[0])
        # The sources disagree on the number of agreements: no figure to put in.
        disputed = next(d for m, d in by_text.items() if "“16”" in m)
        assert not [a for a in await _actions(editor, uri, disputed) if a.is_preferred]
        ignore = next(a for a in await _actions(editor, uri, gas) if not a.is_preferred)
        suppressed = _fixed(text, uri, ignore)
        assert "<!-- factcheck: ignore far-east-gas-deal -->\nThe leaders signed" in suppressed
        # Each fixed text, sent back, no longer has that finding; the others stay.
        await editor.replace_all(uri, suppressed, 2)
        messages = [d.message for d in editor.diagnostics[uri]]
        assert not any("20 bcm" in m for m in messages) and any("“16”" in m for m in messages)
        await editor.replace_all(uri, fixed, 3)
        assert not any("contxt" in d.message for d in editor.diagnostics[uri])

    run(test, registry_file)


def test_registry_changes_are_followed(registry_file: Path, tmp_path: Path) -> None:
    uri = from_fs_path(str(tmp_path / "draft.md")) or ""
    good = registry_file.read_text(encoding="utf-8")

    async def test(editor: Editor) -> None:
        await editor.open(uri, DRAFT)
        assert any("20 bcm" in d.message for d in editor.diagnostics[uri])
        broken = good + "\n[[figures]]\nid = \n"
        registry_file.write_text(broken, encoding="utf-8")
        change = types.FileEvent(
            from_fs_path(str(registry_file)) or "", types.FileChangeType.Changed
        )
        notify = types.DidChangeWatchedFilesParams([change])
        await editor.wait(lambda: editor.client.workspace_did_change_watched_files(notify))
        [problem] = editor.diagnostics[uri]
        assert str(registry_file) in problem.message
        assert f":{len(broken.splitlines())}" in problem.message
        # Without any notice from the editor: the next change finds the new mtime.
        fixed = good.replace("10 billion cubic metres of natural gas", "20 bcm of natural gas")
        registry_file.write_text(fixed, encoding="utf-8")
        await editor.replace_all(uri, DRAFT + "\n", 2)
        messages = [d.message for d in editor.diagnostics[uri]]
        assert messages and not any("20 bcm" in m for m in messages)

    run(test, registry_file)


def test_lsp_without_the_extra_says_what_to_install(tmp_path: Path) -> None:
    # Run with pygls hidden: one clear line, exit status 2, no traceback.
    hide = tmp_path / "pygls"
    hide.mkdir()
    (hide / "__init__.py").write_text("raise ImportError('pygls hidden for the test')\n")
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "lsp"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert "pip install 'factcheck[lsp]'" in proc.stderr and "Traceback" not in proc.stderr
    assert apply_edits("abc", []) == "abc"


def test_readme_editor_setups_start_this_server() -> None:
    import json
    import re

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    helix = re.search(r"\*\*Helix\*\*.*?```toml\n(.*?)```", readme, re.S)
    assert helix is not None
    config = tomllib.loads(helix.group(1))
    server = config["language-server"]["factcheck"]
    assert [server["command"], *server["args"]] == ["factcheck", "lsp", "--stdio"]
    assert "factcheck" in config["language"][0]["language-servers"]
    neovim = re.search(r"```lua\n(.*?)```", readme, re.S)
    assert neovim is not None and '{ "factcheck", "lsp", "--stdio" }' in neovim.group(1)
    vscode = re.search(r"\*\*VS Code\*\*.*?```json\n(.*?)```", readme, re.S)
    assert vscode is not None
    settings = json.loads(vscode.group(1))
    assert settings["glspc.server.commandArguments"] == ["lsp", "--stdio"]


def test_changes_in_quick_succession_are_checked_once(registry_file: Path, tmp_path: Path) -> None:
    uri = from_fs_path(str(tmp_path / "draft.md")) or ""

    async def test(editor: Editor) -> None:
        await editor.open(uri, DRAFT)
        editor.versions.clear()
        for version in (2, 3, 4):
            change = types.TextDocumentContentChangeWholeDocument(text=DRAFT + "x" * version)
            editor.client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(uri=uri, version=version), [change]
                )
            )
        editor.arrived.clear()
        await asyncio.wait_for(editor.arrived.wait(), 30)
        await asyncio.sleep(0.5)  # time for any later publication to arrive
        assert editor.versions == [4]

    run(test, registry_file, debounce=200)
