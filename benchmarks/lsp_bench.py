"""The language server answering a change of a draft, warm: the time from the editor's
didChange to the diagnostics it publishes, over stdio with pygls's own client."""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path


async def _changes(draft: Path, repeat: int, env: dict[str, str]) -> list[float]:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient
    from pygls.uris import from_fs_path

    client = LanguageClient("benchmark", "1")
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        arrived.set()

    await client.start_io(sys.executable, "-m", "factcheck", "lsp", env=env)
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(), initialization_options={"debounce": 0}
        )
    )
    client.initialized(types.InitializedParams())
    uri = from_fs_path(str(draft)) or ""
    text = draft.read_text(encoding="utf-8")
    arrived.clear()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
    )
    await asyncio.wait_for(arrived.wait(), 120)
    took = []
    for k in range(repeat):
        # What typing does: " x" typed at the end of the first paragraph, then deleted
        # (an empty insertion would change nothing, and be answered from the memo).
        line = text.split("\n").index("", 2) - 1
        column = len(text.split("\n")[line])
        typed = k % 2 == 0
        end = column if typed else column + 2
        change = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(line, column), types.Position(line, end)),
            text=" x" if typed else "",
        )
        arrived.clear()
        start = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=k + 2), [change]
            )
        )
        await asyncio.wait_for(arrived.wait(), 120)
        took.append(time.perf_counter() - start)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return took


def change_seconds(draft: Path, repeat: int, env: dict[str, str]) -> float:
    """Median seconds from a change sent to its diagnostics received, warm."""
    return statistics.median(asyncio.run(_changes(draft, repeat, env)))
