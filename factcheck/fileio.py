"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """A FIFO, a device or a socket where a file was expected: reading it could
    hang (a FIFO) or never end (/dev/zero)."""


def read_regular(path: str | Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of the regular file at `path` (one more than the
    limit tells the caller it is too large). Opened without blocking, so that a
    FIFO is refused rather than waited on."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            kind = (
                "a FIFO"
                if stat.S_ISFIFO(mode)
                else "a socket"
                if stat.S_ISSOCK(mode)
                else "a device"
            )
            raise NotRegularFile(f"{kind}, not a regular file")
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(limit + 1)
    finally:
        os.close(fd)


STALE_SECONDS = 600  # a temporary file this old is no write in progress: a killed one


def remove_stale_temps(target: Path) -> list[Path]:
    """Remove the temporary files a killed writer (kill -9, a power cut) left beside
    `target`; one still being written by another run is younger and stays."""
    import time

    removed = []
    now = time.time()
    for tmp in target.parent.glob(f".{target.name}.*.tmp"):
        try:
            if now - tmp.lstat().st_mtime > STALE_SECONDS:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then rename
    it over `path` in one step: readers see the old file or the new, never a mix."""
    # Through a symlink to the file it names: replacing the link with a file would
    # leave the file it pointed to (in a shared folder, a repository) unchanged.
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    remove_stale_temps(target)
    import tempfile  # here: reading, which every look-up does, never needs it (5 ms)

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)  # keep the file's permissions
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
