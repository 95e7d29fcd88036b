"""No regular expression in factcheck can backtrack catastrophically.

Every compiled pattern the package holds (module constants, tables of them,
and the speaker-name patterns built from a registry) is fed long runs of the
characters that make patterns backtrack, with and without a character that
makes the match fail at the end. A pattern whose time grows with the square
of its input takes seconds on these; a linear one takes milliseconds.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from pathlib import Path

import pytest

import factcheck
from factcheck.model import Registry
from factcheck.quotations.names import SpeakerIndex
from factcheck.text import LazyPattern

LENGTH = 20_000
BOUND = 0.25  # seconds for one pattern on one input; linear ones take under 0.04
UNITS = [
    *"a1 .,\n“”\"'`-–(:[<",
    "1,",
    "a.",
    "A ",
    "Mr ",
    "Aa ",
    "a,",
    ", ",
    "<!--",
    "<a",
    "](",
    "](a(",
    "http://",
    "<http:",
    "[[",
    "= ",
    "he ",
    "is",
    "$1",
]
TAILS = ["", "!", "\x00"]


def _collect(name: str, obj: object, found: dict[str, re.Pattern[str]], depth: int = 0) -> None:
    if isinstance(obj, re.Pattern):
        found[name] = obj
    elif isinstance(obj, LazyPattern):  # compiled on first use: tested all the same
        found[name] = obj()
    elif isinstance(obj, (list, tuple)) and depth < 2:
        for i, item in enumerate(obj):
            _collect(f"{name}[{i}]", item, found, depth + 1)
    elif isinstance(obj, dict) and depth < 2:
        for key, item in obj.items():
            _collect(f"{name}[{key!r}]", item, found, depth + 1)


def package_patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(factcheck.__path__, "factcheck."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            _collect(f"{info.name}.{attr}", value, found)
    return found


def speaker_patterns() -> dict[str, re.Pattern[str]]:
    index = SpeakerIndex(Registry.load().speakers.values())
    patterns = [index._pattern(name) for name in index.registered_names]
    return {f"speaker name {p.pattern[:30]}": p for p in patterns}


PATTERNS = {**package_patterns(), **speaker_patterns()}


def test_the_package_has_patterns_to_test() -> None:
    assert len(package_patterns()) >= 25 and speaker_patterns()


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_time_is_linear_on_adversarial_input(name: str) -> None:
    pattern = PATTERNS[name]
    for unit in UNITS:
        for tail in TAILS:
            text: str | bytes = unit * (LENGTH // len(unit)) + tail
            if isinstance(pattern.pattern, bytes):  # a pattern for file blocks
                text = str(text).encode("utf-8")
            started = time.perf_counter()
            pattern.search(text)  # type: ignore[arg-type]
            for _ in pattern.finditer(text):  # type: ignore[arg-type]
                pass
            pattern.sub(type(text)(), text)  # type: ignore[arg-type]
            elapsed = time.perf_counter() - started
            assert elapsed < BOUND, f"{name} took {elapsed:.2f}s on {unit!r}×{LENGTH}{tail!r}"


def test_every_pattern_is_a_module_constant_so_it_is_tested_here() -> None:
    # re.search(r"…", text) inside a function would escape the test above.
    inline = re.compile(r"\bre\.(?:search|match|fullmatch|sub|subn|findall|finditer|split)\(")
    root = Path(factcheck.__file__).parent
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for path in root.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if inline.search(line)
    ]
    assert offenders == []
