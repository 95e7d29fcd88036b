from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

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


# No per-example deadline: on a loaded machine the first example (which imports
# the quotation machinery) took over 200 ms, and a slow example is not a crash;
# the linear-time tests (test_scan_time, test_regex_time) are what time the code.
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests' parsed-registry cache lives in a temporary folder, not the user's."""
    os.environ["FACTCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
