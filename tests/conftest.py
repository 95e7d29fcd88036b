from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.model import Registry
from factcheck.registry import load_registry, shipped_registry

HERE = Path(__file__).parent
ROOT = HERE.parent


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry(ROOT / "quotes.toml")


@pytest.fixture(scope="session")
def mini() -> Registry:
    return load_registry(HERE / "fixtures" / "mini.toml")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    for candidate in (ROOT.parent / "shared" / "seeds", ROOT / "seeds"):
        if candidate.is_dir():
            return candidate
    pytest.skip("the seed articles (../shared/seeds) are not beside this checkout")


__all__ = ["shipped_registry"]
