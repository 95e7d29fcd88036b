"""The parsed-registry cache: used when valid, rebuilt when stale or damaged, never trusted blindly."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from factcheck.model import Verdict
from factcheck.registry import cache, loader
from factcheck.registry.codec import DecodeError
from factcheck.verdicts.engine import check

ROOT = Path(__file__).parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini.toml"
SHIPPED = ROOT / "factcheck" / "data" / "quotes.toml"
CLAIM = "The bridge is 1,200 metres long."


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    registry = tmp_path / "quotes.toml"
    shutil.copy(MINI, registry)
    return registry, folder


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("parsed although a valid cache was there")

    monkeypatch.setattr(loader, "parse_registry", refuse)


def test_second_load_comes_from_the_cache(
    setup: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    registry, folder = setup
    first = cache.load_registry_cached(registry)
    assert len(list(folder.glob("*.json"))) == 1
    _no_parsing(monkeypatch)
    second = cache.load_registry_cached(registry)
    assert second == first
    assert check(CLAIM, second).verdict == check(CLAIM, first).verdict


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[:-10],  # truncated
        lambda raw: raw[:-1] + bytes([raw[-1] ^ 0xFF]),  # one byte flipped
        lambda raw: b"not a cache at all",
        lambda raw: b"",
    ],
    ids=["truncated", "flipped byte", "foreign", "empty"],
)
def test_damaged_cache_is_ignored_and_rebuilt(setup: tuple[Path, Path], damage) -> None:  # type: ignore[no-untyped-def]
    registry, folder = setup
    expected = cache.load_registry_cached(registry)
    (file,) = folder.glob("*.json")
    file.write_bytes(damage(file.read_bytes()))
    with pytest.raises(DecodeError):
        cache.read_cache(file, str(registry))
    said: list[str] = []
    assert cache.load_registry_cached(registry, warn=said.append) == expected
    assert len(said) == 1 and "damaged" in said[0] and str(file) in said[0]
    assert cache.read_cache(file, str(registry)) is not None  # rewritten whole
    said.clear()
    cache.load_registry_cached(registry, warn=said.append)
    assert said == []  # said once: the next run is served quietly


def test_edited_registry_is_parsed_afresh(setup: tuple[Path, Path]) -> None:
    registry, folder = setup
    cache.load_registry_cached(registry)
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("value = 1200", "value = 1300"),
        encoding="utf-8",
    )
    edited = cache.load_registry_cached(registry)
    assert check(CLAIM, edited).verdict is Verdict.CONTRADICTED
    assert len(list(folder.glob("*.json"))) == 2


def test_a_cache_that_cannot_be_written_costs_only_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))
    assert cache.load_registry_cached(MINI).sources


def test_no_cache_when_turned_off(
    setup: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    registry, folder = setup
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    cache.load_registry_cached(registry)
    assert not folder.exists()


def test_old_cache_files_are_pruned(setup: tuple[Path, Path]) -> None:
    registry, folder = setup
    text = registry.read_text(encoding="utf-8")
    for n in range(cache.KEEP + 3):
        registry.write_text(text + f"\n# edit {n}\n", encoding="utf-8")
        cache.load_registry_cached(registry)
    assert len(list(folder.glob("*.json"))) == cache.KEEP


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux shortcut only")
def test_linux_cache_folder_is_where_platformdirs_puts_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from platformdirs import user_cache_dir

    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    for xdg in ("", "/tmp/xdg-cache-test"):
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
        assert cache.cache_dir() == Path(user_cache_dir("factcheck", appauthor=False))


# --- the on-disk index of large registries --------------------------------------------


@pytest.fixture
def stored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every registry indexed on disk, as a large one would be."""
    monkeypatch.setattr(cache, "STORE_MIN_BYTES", 1)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _claims() -> list[str]:
    """The example claims (the broken row left out) and quotations checked every way."""
    claims = []
    for line in (ROOT / "examples" / "claims.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            claims.append(json.loads(line)["claim"])
        except ValueError:
            continue
    return [
        *claims,
        'Wang Yi said "Russia\'s legitimate security concerns should be taken seriously"',
        '"no limits to how far and deep" Xi said of the friendship',
        "Putin told Xi that Russia would supply 20 bcm of gas.",
        "Russia has massed some 100,000 troops near Ukraine.",
    ]


def test_stored_index_gives_the_same_results_as_memory(stored: Path) -> None:
    from factcheck.draft.scan import scan_text
    from factcheck.registry import load_registry

    memory = load_registry(SHIPPED)
    disk = cache.load_registry_cached(SHIPPED)
    assert not disk.quotations and list(stored.glob("*.sqlite"))  # served from the index
    for claim in _claims():
        assert check(claim, disk).to_dict() == check(claim, memory).to_dict(), claim
    draft = (ROOT / "examples" / "draft.md").read_text(encoding="utf-8")
    assert scan_text(draft, disk, "d.md") == scan_text(draft, memory, "d.md")


def test_stored_index_agrees_with_memory_on_a_generated_registry(
    stored: Path, tmp_path: Path
) -> None:
    """Random vocabulary and many figures: where the two retrievals could part."""
    import random

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_registry import generate
    from run import make_claims

    from factcheck.registry import load_registry

    path, claims = tmp_path / "r.toml", tmp_path / "c.jsonl"
    generate(3_000, path, progress=False)
    make_claims(2_000, random.Random(7), claims)
    memory, disk = load_registry(path), cache.load_registry_cached(path)
    assert not disk.quotations  # served from the index

    def judged(claim: str, registry: object) -> object:
        # Verdicts, entries and evidence; the hint naming the nearest entry of an
        # unverified number may differ (README, Known limitations).
        result = check(claim, registry)  # type: ignore[arg-type]
        return result.verdict, [(p.entry, p.verdict, p.evidence) for p in result.parts]

    for line in claims.read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)["claim"]
        assert judged(claim, disk) == judged(claim, memory), claim


def test_damaged_index_is_rebuilt(stored: Path) -> None:
    cache.load_registry_cached(SHIPPED)
    (db,) = stored.glob("*.sqlite")
    db.write_bytes(db.read_bytes()[:4096])  # a crash or a full disk mid-write
    registry = cache.load_registry_cached(SHIPPED)
    assert (
        check("Russia shares a 4,209 km border with China.", registry).verdict is Verdict.SUPPORTED
    )


def test_edited_large_registry_is_indexed_afresh(stored: Path, tmp_path: Path) -> None:
    registry = tmp_path / "quotes.toml"
    shutil.copy(MINI, registry)
    cache.load_registry_cached(registry)
    text = registry.read_text(encoding="utf-8").replace("value = 1200", "value = 1300")
    registry.write_text(text, encoding="utf-8")
    assert check(CLAIM, cache.load_registry_cached(registry)).verdict is Verdict.CONTRADICTED
    assert len(list(stored.glob("*.sqlite"))) == 2


def test_first_indexing_reports_progress(stored: Path) -> None:
    heard: list[str] = []
    cache.load_registry_cached(SHIPPED, progress=heard.append)
    assert heard[0].startswith("indexing ") and heard[-1] == "index ready"
    heard.clear()
    cache.load_registry_cached(SHIPPED, progress=heard.append)
    assert heard == []  # the second run finds the index


def test_commands_that_list_everything_still_see_everything(stored: Path) -> None:
    from click.testing import CliRunner

    from factcheck.cli import cli

    args = ["--registry", str(SHIPPED)]
    conflicts = CliRunner().invoke(cli, [*args, "conflicts"], catch_exceptions=False)
    assert "troops-near-ukraine:" in conflicts.stdout  # a conflict of the shipped registry
    assert list(stored.glob("*.sqlite"))  # the look-up cache was the on-disk index
    sources = CliRunner().invoke(cli, [*args, "sources"], catch_exceptions=False)
    assert "s003-globe" in sources.stdout and "quotations" in sources.stdout


def test_batch_workers_on_the_on_disk_index_match_one_process(stored: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from factcheck.cli import cli

    claims = tmp_path / "claims.jsonl"
    rows = [json.dumps({"id": str(k), "claim": c}) for k, c in enumerate(_claims() * 100)]
    claims.write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["--registry", str(SHIPPED), "batch", str(claims)]
    one = CliRunner().invoke(cli, [*args, "--jobs", "1"], catch_exceptions=False)
    two = CliRunner().invoke(cli, [*args, "--jobs", "2"], catch_exceptions=False)
    assert one.stdout == two.stdout and one.stdout.count("\n") == len(rows)


class _Planted:
    """Runs code when unpickled: what an attacker would plant in a cache folder."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return (os.system, ("touch PLANTED_RAN",))


@pytest.mark.parametrize("checksum", [True, False], ids=["valid checksum", "no checksum"])
def test_a_planted_cache_file_runs_nothing_and_is_reported(
    setup: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checksum: bool
) -> None:
    import pickle

    registry, folder = setup
    expected = cache.load_registry_cached(registry)
    (file,) = folder.glob("*.json")
    payload = pickle.dumps(_Planted())
    digest = cache.blake2b(payload).digest()[:32] if checksum else b"x" * 32
    file.write_bytes(cache.MAGIC + digest + payload)  # even with the hash recomputed
    monkeypatch.chdir(tmp_path)
    said: list[str] = []
    assert cache.load_registry_cached(registry, warn=said.append) == expected
    assert not (tmp_path / "PLANTED_RAN").exists()
    assert len(said) == 1 and str(file) in said[0]


def test_a_planted_json_of_the_wrong_shape_is_reported(setup: tuple[Path, Path]) -> None:
    registry, folder = setup
    expected = cache.load_registry_cached(registry)
    (file,) = folder.glob("*.json")
    payload = b'{"registry": {"path": 1}, "index": []}'
    file.write_bytes(cache.MAGIC + cache.blake2b(payload).digest()[:32] + payload)
    said: list[str] = []
    assert cache.load_registry_cached(registry, warn=said.append) == expected
    assert len(said) == 1 and "damaged" in said[0]


def test_a_folder_others_can_write_is_refused(setup: tuple[Path, Path]) -> None:
    registry, folder = setup
    folder.mkdir(mode=0o700)
    folder.chmod(0o777)
    said: list[str] = []
    assert cache.load_registry_cached(registry, warn=said.append).sources
    assert len(said) == 1 and "writable by other users" in said[0]
    assert list(folder.iterdir()) == []  # nothing read from it, nothing written


def test_cache_files_and_folder_are_private(setup: tuple[Path, Path]) -> None:
    registry, folder = setup
    cache.load_registry_cached(registry)
    assert folder.stat().st_mode & 0o777 == 0o700
    for file in folder.iterdir():
        assert file.stat().st_mode & 0o777 == 0o600, file


def test_nothing_in_the_package_unpickles() -> None:
    """No pickle.load(s) anywhere: whatever is read back from disk is decoded as data."""
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in (ROOT / "factcheck").rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "pickle" in line and ("import" in line or "loads" in line or "load(" in line)
    ]
    assert found == []


def test_the_index_holds_no_pickles(stored: Path) -> None:
    import sqlite3

    cache.load_registry_cached(SHIPPED)
    (db,) = stored.glob("*.sqlite")
    assert db.stat().st_mode & 0o777 == 0o600
    con = sqlite3.connect(db)
    for table in ("sources", "speakers", "wordings", "figures"):
        for (blob,) in con.execute(f"SELECT blob FROM {table}"):
            json.loads(blob)  # plain JSON, every row
    con.close()


@pytest.mark.parametrize("failure", ["read-only", "full"])
def test_an_index_that_cannot_be_written_is_said_once_and_answers(
    stored: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    import errno
    import sqlite3
    import tempfile

    from factcheck.matching import bulk

    # Permissions cannot make a folder read-only to root (CI may be root): the OS's
    # answer is given instead, at the call that meets it.
    def read_only(*_: object, **__: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    def full(*_: object, **__: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    if failure == "read-only":
        monkeypatch.setattr(tempfile, "mkstemp", read_only)
    else:
        monkeypatch.setattr(bulk, "stream_store", full)
    said: list[str] = []
    heard: list[str] = []
    registry = cache.load_registry_cached(SHIPPED, progress=heard.append, warn=said.append)
    assert registry.quotations  # answered from the registry in memory
    assert len(said) == 1 and "cannot write the index" in said[0], said
    if failure == "read-only":
        assert not any("once" in m for m in heard)  # no indexing claimed that never happens
    assert not list(stored.glob("*.tmp")) and not list(stored.glob(".*.tmp"))


def test_an_index_damaged_inside_answers_from_the_registry_and_says_so_once(
    stored: Path,
) -> None:
    claim = "Russia shares a 4,209 km border with China."
    cache.load_registry_cached(SHIPPED)
    (db,) = stored.glob("*.sqlite")
    raw = bytearray(db.read_bytes())
    for page in range(8192, len(raw), 4096):  # damaged pages past the header
        raw[page : page + 8] = b"\xff" * 8  # no page type SQLite knows
    db.write_bytes(bytes(raw))
    said: list[str] = []
    registry = cache.load_registry_cached(SHIPPED, warn=said.append)
    assert check(claim, registry).verdict is Verdict.SUPPORTED
    assert len(said) == 1 and "damaged" in said[0], said
    said.clear()
    registry = cache.load_registry_cached(SHIPPED, warn=said.append)  # indexed afresh
    assert check(claim, registry).verdict is Verdict.SUPPORTED and said == []


def test_the_cache_keeps_every_field_of_the_model() -> None:
    # A field the codec forgot would make a cached look-up differ from a fresh one
    # (a series read back as a dispute): every registry fixture must round-trip.
    from factcheck.registry.codec import dumps, loads, registry_from_data, registry_to_data

    for fixture in sorted((Path(__file__).parent / "fixtures").glob("*.toml")):
        registry, problems = loader.parse_registry(
            fixture.read_text(encoding="utf-8"), str(fixture)
        )
        if problems:
            continue
        again = registry_from_data(loads(dumps(registry_to_data(registry))))
        assert again.figures == registry.figures, fixture.name
        assert again.quotations == registry.quotations, fixture.name


def test_an_edit_keeping_size_and_modification_time_is_seen(stored: Path, tmp_path: Path) -> None:
    import os

    registry = tmp_path / "quotes.toml"
    shutil.copy(MINI, registry)
    assert check(CLAIM, cache.load_registry_cached(registry)).verdict is Verdict.SUPPORTED
    before = registry.stat()
    text = registry.read_text(encoding="utf-8").replace("value = 1200", "value = 1300")
    registry.write_text(text, encoding="utf-8")  # same size
    os.utime(registry, ns=(before.st_atime_ns, before.st_mtime_ns))  # same modification time
    assert registry.stat().st_size == before.st_size
    assert check(CLAIM, cache.load_registry_cached(registry)).verdict is Verdict.CONTRADICTED


def test_a_claim_checked_again_reads_nothing_more_from_the_index(stored: Path) -> None:
    """Decoded rows, searches and word counts are kept per process: a batch meets
    the same entries again and again, and decoding costs more than finding."""
    from factcheck.matching.index import index_for

    registry = cache.load_registry_cached(SHIPPED)
    index = index_for(registry)
    claims = [
        "Russia shares a 4,209 km border with China.",
        'Wang Yi said "Russia\'s legitimate security concerns should be taken seriously"',
    ]
    first = [check(c, registry).to_dict() for c in claims]
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)  # type: ignore[attr-defined]
    assert [check(c, registry).to_dict() for c in claims] == first
    assert statements == []


def test_a_claim_of_figures_never_decodes_the_cached_quotations(
    setup: tuple[Path, Path],
) -> None:
    from factcheck.matching.index import index_for

    registry, _ = setup
    cache.load_registry_cached(registry)  # writes the cache
    loaded = cache.load_registry_cached(registry)  # reads it
    index = index_for(loaded)
    check("The bridge is 1,300 metres long.", loaded)
    assert index._pending is not None  # the wordings are still waiting, undecoded
    assert index.wordings_of(loaded.quotations[0].id)  # and are there when needed
    assert index._pending is None


def test_a_planted_quotation_part_is_made_again_from_the_registry() -> None:
    from factcheck.matching.index import build_index
    from factcheck.registry import load_registry
    from factcheck.registry.codec import index_from_data, index_to_data

    registry = load_registry(str(ROOT / "tests" / "fixtures" / "mini.toml"))
    data = index_to_data(build_index(registry))
    data["wordings"][0][2] = "not a list of words"
    index = index_from_data(data, registry)
    first = registry.quotations[0]
    assert [w.quotation.id for w in index.wordings_of(first.id)] == [first.id] * len(first.reports)
