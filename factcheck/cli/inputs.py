"""Reading a user's file (or stdin) as UTF-8 text, or one clear InputError."""

from __future__ import annotations

import sys

from factcheck.errors import InputError
from factcheck.fileio import NotRegularFile, read_regular

MB = 1024 * 1024
# A draft of 10 MB is some 1.7 million words, forty books: a wrong file, not an article.
MAX_DRAFT_BYTES = 10 * MB
# A claims file is an archive; 512 MB is some five million claims.
MAX_CLAIMS_BYTES = 512 * MB


def read_text_input(path: str, what: str, limit: int, empty_ok: bool = False) -> str:
    """The text at `path` (- for stdin); `what` names it in errors ("a draft", "claims")."""
    name = "<stdin>" if path == "-" else path
    try:
        data = sys.stdin.buffer.read(limit + 1) if path == "-" else read_regular(path, limit)
    except NotRegularFile as exc:
        raise InputError(f"{exc}; not read as {what}", name) from exc
    except FileNotFoundError as exc:
        raise InputError("no such file", name) from exc
    except IsADirectoryError as exc:
        raise InputError(f"is a folder, not {what}", name) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from exc
    if len(data) > limit:
        raise InputError(f"larger than {limit // MB} MB, too large for {what}; not read", name)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(f"binary file (NUL byte), not {what}", name, line)
    if not data.strip() and not empty_ok:
        raise InputError("empty file; nothing to check", name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError("not UTF-8 text", name, line, column) from exc
