"""The language server: the registry loaded once and kept warm, drafts scanned on open
and (debounced) on change, the registry re-read when its file changes."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from factcheck import __version__
from factcheck.draft.fixes import Edit, replacement, suppression
from factcheck.draft.scan import BlockMemo, is_plain_text, scan_text
from factcheck.errors import FactcheckError, InputError, RegistryProblems
from factcheck.lsp import convert
from factcheck.model import Finding, Registry

DEBOUNCE_SECONDS = 0.2


@dataclass
class Settings:
    unverified: bool = False  # unverified findings as information diagnostics
    debounce: float = DEBOUNCE_SECONDS

    def update(self, options: Any) -> None:
        if not isinstance(options, dict):
            return
        options = options.get("factcheck", options)
        if isinstance(options, dict):
            if isinstance(options.get("unverified"), bool):
                self.unverified = options["unverified"]
            if isinstance(options.get("debounce"), (int, float)):
                self.debounce = max(0.0, float(options["debounce"]) / 1000)


@dataclass
class WarmRegistry:
    """The registry in memory, read again only when its file's mtime changes."""

    path: str
    load: Callable[[str], Registry]
    registry: Registry | None = None
    problem: InputError | None = None
    mtime: float | None = None

    def current(self) -> Registry | None:
        try:
            mtime: float | None = os.stat(self.path).st_mtime_ns
        except OSError:
            mtime = None
        if mtime != self.mtime or (self.registry is None and self.problem is None):
            self.mtime = mtime
            self._read()
        return self.registry

    def _read(self) -> None:
        try:
            self.registry, self.problem = self.load(self.path), None
        except RegistryProblems as exc:
            self.registry, self.problem = None, exc.problems[0]
        except InputError as exc:
            self.registry, self.problem = None, exc
        except FactcheckError as exc:
            self.registry, self.problem = None, InputError(str(exc), self.path)


@dataclass
class Scanned:
    text: str
    registry: Registry | None
    findings: list[Finding]


class FactcheckServer(LanguageServer):
    def __init__(self, warm: WarmRegistry, ignore: tuple[str, ...] = ()) -> None:
        super().__init__("factcheck", __version__)
        self.warm = warm
        self.ignore = ignore
        self.settings = Settings()
        self.scanned: dict[str, Scanned] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.memo = BlockMemo()
        self.memo_for: Registry | None = None

    def scan(self, doc: TextDocument) -> Scanned:
        """The document's findings; scanned afresh only when its text or the registry changed."""
        registry = self.warm.current()
        cached = self.scanned.get(doc.uri)
        text = doc.source
        if cached is not None and cached.text == text and cached.registry is registry:
            return cached
        if registry is not self.memo_for:  # verdicts from another registry are stale
            self.memo, self.memo_for = BlockMemo(), registry
        findings = (
            []
            if registry is None
            else scan_text(
                text, registry, _path(doc.uri), self.ignore, self.memo, plain=_plain(doc)
            )
        )
        self.scanned[doc.uri] = Scanned(text, registry, findings)
        return self.scanned[doc.uri]

    def publish(self, uri: str) -> None:
        self.pending.pop(uri, None)
        doc = self.workspace.get_text_document(uri)
        scanned = self.scan(doc)
        if self.warm.problem is not None:
            diagnostics = [convert.registry_diagnostic(self.warm.problem)]
        else:
            lines, codec = doc.lines, doc.position_codec
            diagnostics = [
                convert.diagnostic(f, lines, codec)
                for f in scanned.findings
                if convert.shown(f, self.settings.unverified)
            ]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=doc.version)
        )

    def schedule(self, uri: str) -> None:
        """Publish after a pause in typing: each change restarts the wait."""
        if (handle := self.pending.pop(uri, None)) is not None:
            handle.cancel()
        if self.settings.debounce <= 0:
            self.publish(uri)
            return
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(self.settings.debounce, self.publish, uri)

    def republish_all(self) -> None:
        self.scanned.clear()
        for uri in list(self.workspace.text_documents):
            self.publish(uri)


def _plain(doc: TextDocument) -> bool:
    return doc.language_id == "plaintext" or is_plain_text(_path(doc.uri))


def _path(uri: str) -> str:
    return to_fs_path(uri) or uri


def create_server(registry_path: str, ignore: tuple[str, ...] = ()) -> FactcheckServer:
    from factcheck.registry.cache import load_registry_cached

    server = FactcheckServer(WarmRegistry(registry_path, load_registry_cached), ignore)
    _register(server)
    return server


def _register(server: FactcheckServer) -> None:
    @server.feature(types.INITIALIZE)
    def initialize(ls: FactcheckServer, params: types.InitializeParams) -> None:
        ls.settings.update(params.initialization_options)
        ls.warm.current()  # load now: the first draft opened is answered warm

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactcheckServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.scanned.pop(uri, None)
        if (handle := ls.pending.pop(uri, None)) is not None:
            handle.cancel()
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: FactcheckServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.warm.mtime = None  # read again whatever the clock says: a save can keep the mtime
        ls.warm.current()
        ls.republish_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: FactcheckServer, params: types.DidChangeConfigurationParams) -> None:
        ls.settings.update(params.settings)
        ls.republish_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactcheckServer, params: types.HoverParams) -> types.Hover | None:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        at = doc.position_codec.position_from_client_units(doc.lines, params.position)
        for f in ls.scan(doc).findings:
            if convert.contains(f, at.line, at.character):
                return types.Hover(
                    contents=types.MarkupContent(
                        kind=types.MarkupKind.Markdown, value=convert.hover_text(f)
                    ),
                    range=doc.position_codec.range_to_client_units(
                        doc.lines, convert.finding_range(f)
                    ),
                )
        return None

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: FactcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        wanted = doc.position_codec.range_from_client_units(doc.lines, params.range)
        text = doc.source
        actions = []
        for f in ls.scan(doc).findings:
            if not convert.shown(f, ls.settings.unverified) or not _overlaps(f, wanted):
                continue
            for edit in (replacement(text, f), suppression(text, f, plain=_plain(doc))):
                if edit is not None:
                    actions.append(_action(doc, text, edit))
        return actions


def _overlaps(f: Finding, r: Any) -> bool:
    start = (r.start.line, r.start.character)
    end = (r.end.line, r.end.character)
    return (f.line - 1, f.column - 1) <= end and start <= (f.end_line - 1, f.end_column - 1)


def _action(doc: TextDocument, text: str, edit: Edit) -> types.CodeAction:
    return types.CodeAction(
        title=edit.title,
        kind=types.CodeActionKind.QuickFix,
        is_preferred=edit.kind != "suppress",
        edit=types.WorkspaceEdit(
            changes={doc.uri: [convert.text_edit(text, edit, doc.lines, doc.position_codec)]}
        ),
    )
