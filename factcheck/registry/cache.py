"""The parsed registry and its index, kept in the user's cache folder between runs.

Parsing TOML, validating every entry and tokenising every wording costs more
than a whole look-up, and the registry rarely changes between two look-ups.
So the parsed form is kept, as JSON (registry/codec.py), under a name derived
from the registry file's
content hash (and factcheck's version): an edited registry has a new hash and
is parsed afresh; the old file is never consulted.

Nothing read back from the cache is unpickled: the codec builds only the
model's dataclasses from plain data, so a planted file cannot run code. A
cache file is used only if its header, the BLAKE2 hash of its payload and the
payload's shape check out; a truncated, corrupted, foreign or planted file is
reported once (`warn`), the look-up answers from the registry, and a fresh
file replaces it. A folder another user owns or can write is refused (and
said so): files in it could be swapped between two runs. Writing is atomic
and best effort: a read-only or full disk costs speed and one line on stderr.
FACTCHECK_CACHE_DIR moves the folder; FACTCHECK_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.errors import RegistryError, RegistryProblems
from factcheck.matching.index import Index, build_index, remember_index
from factcheck.model import Registry
from factcheck.registry.codec import (
    DecodeError,
    dumps,
    guarded,
    index_from_data,
    index_to_data,
    loads,
    registry_from_data,
    registry_to_data,
)
from factcheck.registry.reading import decode_registry, read_registry_bytes

try:  # hashlib's blake2b without loading OpenSSL's _hashlib: 2 ms of every look-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the builtin module
    from hashlib import blake2b

MAGIC = b"factcheck-registry-cache\n"
FORMAT = 6  # bump when what is stored, or how a registry reads, changes (4: JSON; 5: as_of, series, ranges; 6: irregular verb stems)
KEEP = 8  # cache files kept: a few registries, each in a few recent versions
# From this size a registry is indexed on disk (SQLite) rather than loaded whole
# (some 800 entries; the shipped registry is a fifth of it): decoding costs
# grow with the registry, look-ups from the index hardly do.
STORE_MIN_BYTES = 400_000
Progress = Callable[[str], None]
STORED_MODULES = (  # whose classes or encoding the cache holds
    "factcheck.model",
    "factcheck.matching.index",
    "factcheck.quotations.names",
    "factcheck.quotations.normalize",
    "factcheck.matching.store",
    "factcheck.registry.codec",
)
SUFFIX = ".json"
OLD_SUFFIXES = (".pickle",)  # earlier formats: removed unread


def _stderr(message: str) -> None:
    sys.stderr.write(f"factcheck: {message}\n")


def load_registry_cached(
    path: str | Path, progress: Progress | None = None, warn: Progress = _stderr
) -> Registry:
    """The registry at `path`, from the cache when its content was parsed before.

    A registry of STORE_MIN_BYTES or more is served from an on-disk index
    (matching/store.py): the Registry returned then holds sources and speakers
    read on demand and no quotations or figures; the engine finds them through
    the index. `progress` hears about a first, slow indexing run; `warn` hears,
    once, why the cache was not used (a damaged file, an unsafe folder, a full disk).
    """
    name = str(path)
    folder = cache_dir()
    if folder is not None:
        folder = usable_folder(folder, warn)
    if folder is not None and _size(path) >= STORE_MIN_BYTES:
        return _stored(Path(path), name, folder, progress, warn)
    data = read_registry_bytes(path)
    if folder is None:
        return _parse(data, name)[0]
    file = folder / f"{cache_key(data, name)}{SUFFIX}"
    try:
        cached = read_cache(file, name)
    except DecodeError as exc:
        warn(f"cache file {file} is damaged or not factcheck's ({exc}); not used, replacing it")
        cached = None
    if cached is not None:
        remember_index(*cached)
        return cached[0]
    registry, index = _parse(data, name)
    if index is not None:
        write_cache(file, registry, index, warn)
    return registry


def usable_folder(folder: Path, warn: Progress) -> Path | None:
    """`folder`, created private if missing; None (and a word why) when another user
    owns it or can write to it, or it cannot be made."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
    except OSError as exc:
        warn(f"cache folder {folder} cannot be used ({exc.strerror or exc}); not caching")
        return None
    getuid = getattr(os, "getuid", None)
    if getuid is not None and st.st_uid != getuid():
        warn(f"cache folder {folder} belongs to another user; not using it")
        return None
    if st.st_mode & 0o022:
        mode = oct(st.st_mode & 0o777)
        warn(f"cache folder {folder} is writable by other users (mode {mode}); not using it")
        return None
    return folder


def _size(path: str | Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # read_registry_bytes says what is wrong with it


def _stored(
    path: Path, name: str, folder: Path, progress: Progress | None, warn: Progress
) -> Registry:
    import sqlite3  # here, not at the top: 1 ms that a small registry's look-up never needs

    from factcheck.matching.store import StoredIndex, is_complete

    key = _known_key(path, name, folder)
    db = folder / f"{key}.sqlite"
    if db.exists() and not is_complete(db):  # half-written by a crash, or damaged
        warn(f"index {db} is damaged; not used, indexing afresh")
    if not is_complete(db):
        try:
            tmp = _claim_temp(db)
        except OSError as exc:
            warn(f"cannot write the index in {folder} ({exc.strerror or exc}); "
                 "answering from the registry without it")  # fmt: skip
            return _parse(read_registry_bytes(path), name)[0]
        say = progress or (lambda _: None)
        say(f"indexing {name} ({_size(path) / 1e6:,.0f} MB) once, for fast look-ups")
        try:
            _build_atomic(tmp, db, lambda out: index_file(path, name, out, say))
        except (OSError, sqlite3.Error) as exc:  # a full disk, a folder gone read-only
            warn(f"cannot write the index {db} ({exc}); answering from the registry without it")
            return _parse(read_registry_bytes(path), name)[0]
        say("index ready")
    try:
        index = StoredIndex(db, warn)
    except (sqlite3.DatabaseError, DecodeError) as exc:  # damaged where is_complete() cannot see
        warn(f"index {db} is damaged ({exc}); removed it, answering from the registry")
        db.unlink(missing_ok=True)
        return _parse(read_registry_bytes(path), name)[0]
    remember_index(index.registry, index)
    return index.registry


def index_file(path: Path, name: str, out: Path, say: Progress) -> None:
    """The on-disk index of the registry file at `path`, built streaming (in bounded
    memory, on every core); a file whose layout cannot be cut into independent
    tables is read whole instead."""
    from factcheck.matching.bulk import CannotSplit, put_listings, stream_store

    try:
        stream_store(path, name, out, say)
    except CannotSplit:
        from factcheck.matching.store import build_store

        out.unlink(missing_ok=True)
        registry = _parse(read_registry_bytes(path), name, index=False)[0]
        build_store(registry, out, say)
        put_listings(out, registry)


def _claim_temp(db: Path) -> Path:
    """A private temporary name beside the index: proves the folder writable before
    a first indexing run says it will happen."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".tmp", dir=db.parent)
    os.close(fd)
    return Path(tmp)


def _build_atomic(tmp: Path, db: Path, build: Callable[[Path], None]) -> None:
    """Build into a temporary file beside the target, then rename: never half an index."""
    try:
        build(tmp)  # into the private (0600) file mkstemp made
        os.chmod(tmp, 0o600)
        os.replace(tmp, db)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _prune(db.parent)


def _known_key(path: Path, name: str, folder: Path) -> str:
    """The content key of a large registry. Hashing hundreds of megabytes costs more
    than a look-up, so the key is remembered beside the file's size, modification
    time, change time and inode; while those stay the same, the content is taken to be too."""
    st = os.stat(path)
    # The change time too: an edit that keeps the size and sets the modification
    # time back (touch -d, a sync tool) still moves it, and no user can set it.
    stamp = f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino} {_code_fingerprint()}"
    memo = folder / f"stat-{blake2b(str(path.resolve()).encode(), digest_size=8).hexdigest()}"
    try:
        remembered, key = memo.read_text(encoding="utf-8").rsplit(" ", 1)
        if remembered == stamp and len(key) == 32:
            return key
    except (OSError, ValueError):
        pass
    key = file_key(path, name)
    try:
        from factcheck.fileio import write_atomic

        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(memo, f"{stamp} {key}")
    except OSError:
        pass
    return key


def file_key(path: Path, name: str) -> str:
    """cache_key() of the file's content, read in blocks: a registry of gigabytes is
    hashed without holding it."""
    h = blake2b(digest_size=16)
    try:
        with open(path, "rb") as f:
            while block := f.read(1 << 20):
                h.update(block)
    except OSError as exc:
        raise RegistryError(f"cannot read: {exc.strerror}", name) from exc
    return _finish_key(h, name)


def cache_dir() -> Path | None:
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return None
    if os.environ.get("FACTCHECK_CACHE_DIR"):
        return Path(os.environ["FACTCHECK_CACHE_DIR"])
    if sys.platform.startswith("linux"):
        # The XDG rule platformdirs applies on Linux, without its 7 ms import (it
        # pulls in tempfile and random) on every look-up; a test holds them equal.
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(xdg or Path.home() / ".cache").expanduser() / "factcheck"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck", appauthor=False))


def cache_key(data: bytes, name: str) -> str:
    """Content, path (reported in messages) and the code of the stored classes:
    any change, a new key. An edited class must never meet an old encoding of itself."""
    return _finish_key(blake2b(data, digest_size=16), name)


def _finish_key(h: Any, name: str) -> str:
    h.update(f"\0{name}\0{__version__}\0{FORMAT}\0{_code_fingerprint()}".encode())
    return str(h.hexdigest())


def _code_fingerprint() -> str:
    """Size and modification time of each module whose classes are stored."""
    stamps = []
    for module in STORED_MODULES:
        path = getattr(sys.modules.get(module), "__file__", None)
        try:
            st = os.stat(path) if path else None
        except OSError:
            st = None
        stamps.append(f"{st.st_size}:{st.st_mtime_ns}" if st else "?")
    return ",".join(stamps)


def read_cache(file: Path, name: str) -> tuple[Registry, Index] | None:
    """The cached pair, or None when there is no such file. A file that is there
    but damaged, foreign or planted raises DecodeError saying what is wrong."""
    try:
        if not file.is_file():  # a FIFO or device planted under the name: never opened
            if file.exists() or file.is_symlink():
                raise DecodeError("not a regular file")
            return None
        raw = file.read_bytes()
    except OSError as exc:
        raise DecodeError(f"unreadable: {exc.strerror or exc}") from None
    head = len(MAGIC) + 32
    if not raw.startswith(MAGIC) or len(raw) < head:
        raise DecodeError("no factcheck header")
    digest, payload = raw[len(MAGIC) : head], raw[head:]
    if blake2b(payload).digest()[:32] != digest:
        raise DecodeError("its checksum does not match: truncated or altered")
    data = loads(payload)
    registry = guarded(lambda d: registry_from_data(d["registry"]), data)
    index = guarded(lambda d: index_from_data(d["index"], registry), data)
    if registry.path != name:
        raise DecodeError("made for another registry path")
    return registry, index


def write_cache(file: Path, registry: Registry, index: Index, warn: Progress = _stderr) -> None:
    from factcheck.fileio import write_atomic

    payload = dumps({"registry": registry_to_data(registry), "index": index_to_data(index)})
    try:
        write_atomic(file, MAGIC + blake2b(payload).digest()[:32] + payload)
        _prune(file.parent)
    except OSError as exc:  # costs the next run its speed, and is said
        warn(f"cannot write the cache in {file.parent} ({exc.strerror or exc}); not cached")


def _prune(folder: Path) -> None:
    """Keep the newest KEEP cache files of each kind: each edit of a registry leaves
    one behind."""
    for old_format in OLD_SUFFIXES:
        for old in folder.glob(f"*{old_format}"):
            old.unlink(missing_ok=True)
    for pattern in (f"*{SUFFIX}", "*.sqlite"):
        files = sorted(folder.glob(pattern), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in files[KEEP:]:
            old.unlink(missing_ok=True)


def _parse(data: bytes, name: str, index: bool = True) -> tuple[Registry, Index | None]:
    from factcheck.registry.loader import parse_registry

    registry, problems = parse_registry(decode_registry(data, name), name)
    if problems:
        raise RegistryProblems(problems)
    if not index:
        return registry, None
    built = build_index(registry)
    remember_index(registry, built)
    return registry, built
