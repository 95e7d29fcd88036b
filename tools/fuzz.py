"""Fuzz check, scan, batch rows and the registry loader, in-process, on every core.

    python tools/fuzz.py [--inputs N] [--jobs J] [--chunk C] [--target T] [--seed S]

Feeds N generated inputs per target (default 250,000) to the bodies of the
property tests in tests/test_properties.py (FUZZ_TARGETS), in chunks of C
inputs with a seed each, on J worker processes (default: every core). The
inputs are made here with `random`, not by Hypothesis: drawing an input
through Hypothesis cost five times what checking it did, and a million
would not fit in half an hour. They are built from what each input is made
of (the properties' pieces of drafts and claims, batch syntax, the fixture
registry with characters cut out or typed in) and random code points of
every kind, lone surrogates and controls included. The same seed gives the
same inputs. A failing input is cut down to a small one that fails the same
way and printed: add it to the tests as an @example.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

# Code points by kind: mostly ASCII, with the characters parsers trip on.
ALPHABETS = [
    (40, [chr(c) for c in range(0x20, 0x7F)]),
    (8, list("0123456789.,-–—%$€£½¼٣०")),
    (8, list("\n\r\t \x0c\x0b\x1f\x00\x85\u2028\u2029\u00a0\u200b\ufeff")),
    (8, list("\"'“”‘’«»„‚`[]{}()<>#*_|\\=+@")),
    (6, [chr(c) for c in range(0xA0, 0x250)]),
    (4, [chr(c) for c in range(0x300, 0x370)]),  # combining marks
    (3, [chr(c) for c in range(0x4E00, 0x4E80)] + ["😀", "𝟘", "\U0010ffff"]),
    (3, [chr(c) for c in range(0xD800, 0xE000, 37)] + ["\udfff", "\ud800"]),
]
# One flat pool, each kind as often as its weight: one draw per character.
POOL = [chars[k % len(chars)] for weight, chars in ALPHABETS for k in range(weight * 60)]
BATCH_PIECES = [
    '{"claim": "',
    '", "id": "',
    '"}',
    "{",
    "}",
    "[",
    "]",
    '"',
    ",",
    ":",
    "null",
    "\\u",
    "\\udfff",
    "\\",
    "claim",
    "claim,id",
    "id,claim",
    "\n",
    "\r\n",
    "1e400",
    "9" * 400,
]


@dataclass(frozen=True)
class Chunk:
    target: str
    seed: int
    inputs: int


@dataclass(frozen=True)
class Outcome:
    target: str
    tried: int
    seconds: float
    cpu: float  # CPU seconds: on a shared machine, wall time says little
    failures: tuple[str, ...]  # each: the exception and the smallest failing input found


def text(rng: random.Random, most: int) -> str:
    size = min(most, int(rng.expovariate(1 / max(1, most / 8))))
    return "".join(rng.choices(POOL, k=size))


def pieces(rng: random.Random, parts: list[str], most: int, odd: int = 5) -> str:
    """Up to `most` of `parts`, with random text and numbers among them."""
    out = []
    for _ in range(rng.randint(0, most)):
        roll = rng.random()
        if roll < 0.7:
            out.append(rng.choice(parts))
        elif roll < 0.8:
            out.append(str(rng.randint(-(10**12), 10**12)))
        else:
            out.append(text(rng, odd))
    return "".join(out)


def claim_input(rng: random.Random) -> tuple[object, ...]:
    from test_properties import CLAIM_PIECES

    from factcheck.limits import MAX_CLAIM

    made = text(rng, 200) if rng.random() < 0.3 else pieces(rng, CLAIM_PIECES, 30, 4)
    return (made[:MAX_CLAIM],)


def draft_input(rng: random.Random) -> tuple[object, ...]:
    from test_properties import PIECES

    return (text(rng, 2000) if rng.random() < 0.3 else pieces(rng, PIECES, 40),)


def batch_input(rng: random.Random) -> tuple[object, ...]:
    lines = [
        text(rng, 40) if rng.random() < 0.3 else pieces(rng, BATCH_PIECES, 12)
        for _ in range(rng.randint(0, 20))
    ]
    return (lines, rng.choice(["jsonl", "csv", "text"]))


def registry_input(rng: random.Random) -> tuple[object, ...]:
    from test_properties import MINI_TEXT

    if rng.random() < 0.2:
        return (text(rng, 400),)
    made = MINI_TEXT
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(made))
        if rng.random() < 0.5:
            made = made[:at] + made[at + rng.randint(1, 20) :]
        else:
            made = made[:at] + text(rng, 6) + made[at:]
    return (made,)


MAKERS: dict[str, Callable[[random.Random], tuple[object, ...]]] = {
    "check": claim_input,
    "scan": draft_input,
    "batch rows": batch_input,
    "registry loading": registry_input,
}


def run_chunk(chunk: Chunk) -> Outcome:
    """`chunk.inputs` inputs of one target; a failure is kept and the run goes on."""
    from test_properties import FUZZ_TARGETS

    body = FUZZ_TARGETS[chunk.target].hypothesis.inner_test
    make = MAKERS[chunk.target]
    rng = random.Random(f"{chunk.target}/{chunk.seed}")
    failures: list[str] = []
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(chunk.inputs):
        args = make(rng)
        try:
            body(*args)
        except Exception as exc:  # a crash found: reported with its input, never raised
            if len(failures) < 3:
                small = shrink(body, args, type(exc))
                failures.append(f"{type(exc).__name__}: {exc!s:.300}\n  input: {small!r:.2000}")
    return Outcome(
        chunk.target,
        chunk.inputs,
        time.perf_counter() - start,
        time.process_time() - cpu,
        tuple(failures),
    )


def shrink(
    body: Callable[..., None], args: tuple[object, ...], kind: type[BaseException]
) -> tuple[object, ...]:
    """A smaller input that raises the same kind of exception: the first string
    argument with pieces cut out while it still does (halves, then quarters...)."""
    first = args[0]
    if not isinstance(first, str):
        return args
    current, step = first, max(1, len(first) // 2)
    while step >= 1:
        cut = False
        for at in range(0, len(current), step):
            trial = current[:at] + current[at + step :]
            if _fails(body, (trial, *args[1:]), kind):
                current, cut = trial, True
                break
        if not cut:
            step //= 2
    return (current, *args[1:])


def _fails(body: Callable[..., None], args: tuple[object, ...], kind: type[BaseException]) -> bool:
    try:
        body(*args)
    except kind:
        return True
    except Exception:
        return False
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=250_000, help="inputs per target")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--chunk", type=int, default=10_000, help="inputs per seed")
    parser.add_argument("--target", action="append", choices=list(MAKERS), help="(repeatable)")
    parser.add_argument("--seed", type=int, default=0, help="first seed (another run, others)")
    args = parser.parse_args()
    targets = args.target or list(MAKERS)
    chunks = [
        Chunk(target, seed, min(args.chunk, args.inputs - start))
        for target in targets
        for seed, start in enumerate(range(0, args.inputs, args.chunk), start=args.seed)
    ]
    tried: dict[str, int] = defaultdict(int)
    seconds: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)
    failures: dict[str, list[str]] = defaultdict(list)
    began = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        for done in as_completed([pool.submit(run_chunk, c) for c in chunks]):
            out = done.result()
            tried[out.target] += out.tried
            seconds[out.target] += out.seconds
            cpu[out.target] += out.cpu
            for failure in out.failures:
                failures[out.target].append(failure)
                print(f"fuzz: {out.target} failed: {failure}", file=sys.stderr, flush=True)
    wall = time.perf_counter() - began
    for target in targets:
        print(
            f"{target}: {tried[target]:,} inputs, {len(failures[target])} failing, "
            f"{seconds[target]:,.0f} s in workers ({cpu[target]:,.0f} s of CPU)"
        )
    total, crashes = sum(tried.values()), sum(len(f) for f in failures.values())
    print(
        f"fuzz: {total:,} inputs in {wall / 60:,.1f} min on {args.jobs} workers; {crashes} failing"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
