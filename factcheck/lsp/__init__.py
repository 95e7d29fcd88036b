"""factcheck as a Language Server: the scan core's findings as diagnostics, hovers and
quick fixes in any editor that speaks LSP. Needs the `lsp` extra (pygls, lsprotocol)."""
