"""The parsed-registry cache: used when valid, rebuilt when stale or damaged, never trusted blindly."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from factcheck.model import Verdict
from factcheck.registry import cache, loader
from factcheck.verdicts.engine import check

MINI = Path(__file__).parent / "fixtures" / "mini.toml"
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
    assert len(list(folder.glob("*.pickle"))) == 1
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
    (file,) = folder.glob("*.pickle")
    file.write_bytes(damage(file.read_bytes()))
    assert cache.read_cache(file, str(registry)) is None
    assert cache.load_registry_cached(registry) == expected
    assert cache.read_cache(file, str(registry)) is not None  # rewritten whole


def test_edited_registry_is_parsed_afresh(setup: tuple[Path, Path]) -> None:
    registry, folder = setup
    cache.load_registry_cached(registry)
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("value = 1200", "value = 1300"),
        encoding="utf-8",
    )
    edited = cache.load_registry_cached(registry)
    assert check(CLAIM, edited).verdict is Verdict.CONTRADICTED
    assert len(list(folder.glob("*.pickle"))) == 2


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
    assert len(list(folder.glob("*.pickle"))) == cache.KEEP


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
