"""The parsed registry and its index, kept in the user's cache folder between runs.

Parsing TOML, validating every entry and tokenising every wording costs more
than a whole look-up, and the registry rarely changes between two look-ups.
So the parsed form is pickled under a name derived from the registry file's
content hash (and factcheck's version): an edited registry has a new hash and
is parsed afresh; the old file is never consulted.

A cache file is trusted only if its header and the BLAKE2 hash of its payload
check out: a truncated, corrupted or foreign file is ignored and rebuilt.
Writing it is atomic and best effort; a read-only or full disk only costs
speed. FACTCHECK_CACHE_DIR moves the folder; FACTCHECK_NO_CACHE=1 turns it off.
The cache is as private as the user's home: it is loaded with pickle, so it
is written only into the user's own cache folder.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.errors import RegistryProblems
from factcheck.matching.index import Index, build_index, remember_index
from factcheck.model import Registry
from factcheck.registry.reading import decode_registry, read_registry_bytes

try:  # hashlib's blake2b without loading OpenSSL's _hashlib: 2 ms of every look-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the builtin module
    from hashlib import blake2b

MAGIC = b"factcheck-registry-cache\n"
FORMAT = 3  # bump when what is pickled, or how a registry reads, changes
KEEP = 8  # cache files kept: a few registries, each in a few recent versions
# From this size a registry is indexed on disk (SQLite) rather than loaded whole
# (some 800 entries; the shipped registry is a fifth of it): unpickling costs
# grow with the registry, look-ups from the index hardly do.
STORE_MIN_BYTES = 400_000
Progress = Callable[[str], None]
PICKLED_MODULES = (
    "factcheck.model",
    "factcheck.matching.index",
    "factcheck.quotations.names",
    "factcheck.quotations.normalize",
    "factcheck.matching.store",
)


def load_registry_cached(path: str | Path, progress: Progress | None = None) -> Registry:
    """The registry at `path`, from the cache when its content was parsed before.

    A registry of STORE_MIN_BYTES or more is served from an on-disk index
    (matching/store.py): the Registry returned then holds sources and speakers
    read on demand and no quotations or figures; the engine finds them through
    the index. `progress` hears about a first, slow indexing run.
    """
    name = str(path)
    folder = cache_dir()
    if folder is not None and _size(path) >= STORE_MIN_BYTES:
        return _stored(Path(path), name, folder, progress)
    data = read_registry_bytes(path)
    if folder is None:
        return _parse(data, name)[0]
    file = folder / f"{cache_key(data, name)}.pickle"
    cached = read_cache(file, name)
    if cached is not None:
        remember_index(*cached)
        return cached[0]
    registry, index = _parse(data, name)
    if index is not None:
        write_cache(file, registry, index)
    return registry


def _size(path: str | Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # read_registry_bytes says what is wrong with it


def _stored(path: Path, name: str, folder: Path, progress: Progress | None) -> Registry:
    from factcheck.matching.store import StoredIndex, build_store, is_complete

    key, data = _known_key(path, name, folder)
    db = folder / f"{key}.sqlite"
    if not is_complete(db):  # missing, half-written by a crash, or damaged
        say = progress or (lambda _: None)
        size = len(data) if data is not None else _size(path)
        say(f"indexing {name} ({size / 1e6:,.0f} MB) once, for fast look-ups; reading it")
        data = data if data is not None else read_registry_bytes(path)
        registry = _parse(data, name, index=False)[0]
        say(f"read {len(registry.quotations):,} quotations and {len(registry.figures):,} figures")
        try:
            _build_atomic(registry, db, say, build_store)
        except OSError:
            return _parse(data, name)[0]  # an index that cannot be written: work in memory
        say("index ready")
    index = StoredIndex(db)
    remember_index(index.registry, index)
    return index.registry


def _build_atomic(registry: Registry, db: Path, say: Progress, build: Any) -> None:
    """Build into a temporary file beside the target, then rename: never half an index."""
    import tempfile

    db.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".tmp", dir=db.parent)
    os.close(fd)
    try:
        Path(tmp).unlink()
        build(registry, Path(tmp), say)
        os.replace(tmp, db)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _prune(db.parent)


def _known_key(path: Path, name: str, folder: Path) -> tuple[str, bytes | None]:
    """The content key of a large registry. Hashing hundreds of megabytes costs more
    than a look-up, so the key is remembered beside the file's size, modification
    time and inode; while those stay the same, the content is taken to be too."""
    st = os.stat(path)
    stamp = f"{st.st_size} {st.st_mtime_ns} {st.st_ino} {_code_fingerprint()}"
    memo = folder / f"stat-{blake2b(str(path.resolve()).encode(), digest_size=8).hexdigest()}"
    try:
        remembered, key = memo.read_text(encoding="utf-8").rsplit(" ", 1)
        if remembered == stamp and len(key) == 32:
            return key, None
    except (OSError, ValueError):
        pass
    data = read_registry_bytes(path)
    key = cache_key(data, name)
    try:
        from factcheck.fileio import write_atomic

        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(memo, f"{stamp} {key}")
    except OSError:
        pass
    return key, data


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
    """Content, path (reported in messages) and the code of the pickled classes:
    any change, a new key. An edited class must never meet an old pickle of itself."""
    h = blake2b(data, digest_size=16)
    h.update(f"\0{name}\0{__version__}\0{FORMAT}\0{_code_fingerprint()}".encode())
    return h.hexdigest()


def _code_fingerprint() -> str:
    """Size and modification time of each module whose classes are pickled."""
    stamps = []
    for module in PICKLED_MODULES:
        path = getattr(sys.modules.get(module), "__file__", None)
        try:
            st = os.stat(path) if path else None
        except OSError:
            st = None
        stamps.append(f"{st.st_size}:{st.st_mtime_ns}" if st else "?")
    return ",".join(stamps)


def read_cache(file: Path, name: str) -> tuple[Registry, Index] | None:
    """The cached pair, or None when the file is missing, damaged or not ours."""
    try:
        raw = file.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + 32
    if not raw.startswith(MAGIC) or len(raw) < head:
        return None
    digest, payload = raw[len(MAGIC) : head], raw[head:]
    if blake2b(payload).digest()[:32] != digest:
        return None  # truncated or altered: never unpickle it
    try:
        registry, index = pickle.loads(payload)
    except Exception:  # an old class layout; any failure means: rebuild
        return None
    if not isinstance(registry, Registry) or not isinstance(index, Index):
        return None
    if registry.path != name:
        return None
    return registry, index


def write_cache(file: Path, registry: Registry, index: Index) -> None:
    from factcheck.fileio import write_atomic

    payload = pickle.dumps((registry, index), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, MAGIC + blake2b(payload).digest()[:32] + payload)
        _prune(file.parent)
    except OSError:
        pass  # a cache that cannot be written only costs the next run its speed


def _prune(folder: Path) -> None:
    """Keep the newest KEEP cache files of each kind: each edit of a registry leaves
    one behind."""
    for pattern in ("*.pickle", "*.sqlite"):
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
