"""factcheck's benchmarks: each measured side by side with its yardstick, in one run.

    python benchmarks/run.py            # the full run; writes benchmarks/RESULTS.md
    python benchmarks/run.py --smoke    # seconds: tiny sizes, prints only (CI runs this)
    python benchmarks/run.py --only index,dask   # some benchmarks; prints only
    python benchmarks/run.py --only index10m --data /big/disk   # ten million entries

`index10m` (not part of the full run: it needs some 15 GB of disk and most of an
hour) generates a registry of ten million entries (`--index10m-entries`), builds
its index once, and times a warm look-up on it against the shipped registry's.

Needs the test environment plus `pip install proselint matplotlib` (proselint
for the draft yardstick, matplotlib for the growth plot; each is skipped with
a note when missing). Every figure is a median of repeated wall-clock runs of
the real command in a subprocess, with output to a file, so that import time,
start-up and writing are all counted, as a user would feel them.

Every module is byte-compiled first, as `pip install` leaves an installed
package: with PYTHONDONTWRITEBYTECODE set, an editable install would otherwise
compile factcheck's source on every run while its yardsticks load their .pyc.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from gen_registry import SHIPPED, generate, vocabulary  # noqa: E402

PY = sys.executable
FACTCHECK = [PY, "-m", "factcheck"]
FLOOR = [PY, "-c", "import click, rich.console, rapidfuzz.process, tomllib"]
FIGURE_CLAIM = "Russia shares a 4,209 km border with China."
QUOTE_CLAIM = 'Wang Yi said "Russia\'s reasonable security concerns should be taken seriously"'


@dataclass
class Row:
    name: str
    ours: str
    yardstick: str
    ratio: float | None
    target: str
    met: bool | None
    note: str = ""


@dataclass
class Settings:
    repeat: int
    draft_words: int
    archive_words: int
    claims: int
    sizes: list[int]
    jobs: int
    index_sizes: list[int]
    big_draft_words: int = 170_000  # about 1 MB
    big_repeat: int = 3
    scale_claims: int = 2_000
    index10m_entries: int = 10_000_000


FULL = Settings(
    repeat=11,
    draft_words=5_000,
    archive_words=500_000,
    claims=100_000,
    sizes=[1_000, 10_000, 100_000, 1_000_000],
    jobs=0,
    index_sizes=[1_000_000],
)
SMOKE = Settings(
    repeat=3,
    draft_words=300,
    archive_words=2_000,
    claims=300,
    sizes=[1_000],
    jobs=0,
    index_sizes=[1_000],
    big_draft_words=2_000,
    big_repeat=1,
    scale_claims=300,
    index10m_entries=2_000,
)
OPT_IN = {"index10m"}  # run only when named in --only


def timed(
    cmd: list[str],
    out: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
) -> float:
    """Wall seconds of one run; stdout to `out` (or nowhere)."""
    sink = out.open("w") if out else subprocess.DEVNULL
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=sink, stderr=subprocess.PIPE, env=env, timeout=timeout)
    finally:
        if out:
            sink.close()  # type: ignore[union-attr]
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:6])} exited {proc.returncode}: {proc.stderr[-400:]!r}")
    return elapsed


def median(
    cmd: list[str], n: int, env: dict[str, str] | None = None, out: Path | None = None
) -> float:
    return statistics.median(timed(cmd, out, env) for _ in range(n))


def alternating(a: list[str], b: list[str], n: int, env: dict[str, str]) -> tuple[float, float]:
    """Medians of two commands run in turns, so that machine noise falls on both."""
    ta, tb = [], []
    for _ in range(n):
        ta.append(timed(a, env=env))
        tb.append(timed(b, env=env))
    return statistics.median(ta), statistics.median(tb)


# --- generated inputs -------------------------------------------------------------


def registry_sentences() -> list[str]:
    text = SHIPPED.read_text(encoding="utf-8")
    return [
        json.loads(f'"{m}"') for m in re.findall(r'^\s*sentence = "((?:[^"\\]|\\.)*)"', text, re.M)
    ]


def perturb(rng: random.Random, sentence: str) -> str:
    """A claim an editor might write: the source's sentence, sometimes with a number
    changed, a word dropped, or an unrelated sentence instead."""
    roll = rng.random()
    if roll < 0.3:
        return re.sub(r"\d[\d,]*", lambda m: f"{rng.randint(2, 90):,}", sentence, count=1)
    if roll < 0.5:
        words = sentence.split()
        plain = [k for k, w in enumerate(words) if not set(w) & set('"“”‘’')]
        if len(words) > 4 and plain:  # never a word carrying a quotation mark
            del words[rng.choice(plain)]
        return " ".join(words)
    return sentence


def make_draft(words: int, rng: random.Random) -> str:
    sentences = registry_sentences()
    vocab = vocabulary(SHIPPED.read_text(encoding="utf-8"))
    out, count = ["# Generated draft", ""], 0
    while count < words:
        paragraph = []
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.4:
                s = perturb(rng, rng.choice(sentences))
            else:
                s = " ".join(rng.choices(vocab, k=rng.randint(8, 24))).capitalize() + "."
            paragraph.append(s)
            count += len(s.split())
        out += [" ".join(paragraph), ""]
    return "\n".join(out)


def make_claims(n: int, rng: random.Random, path: Path) -> None:
    sentences = registry_sentences()
    with path.open("w", encoding="utf-8") as f:
        for k in range(n):
            claim = perturb(rng, rng.choice(sentences))
            f.write(json.dumps({"id": str(k), "claim": claim}, ensure_ascii=False) + "\n")


# --- the benchmarks -----------------------------------------------------------------


def bench_lookup(s: Settings, env: dict[str, str]) -> list[Row]:
    timed([*FACTCHECK, "check", FIGURE_CLAIM], env=env)  # warm the registry cache
    rows = []
    for label, claim in (("figure", FIGURE_CLAIM), ("quotation", QUOTE_CLAIM)):
        ours, floor = alternating([*FACTCHECK, "check", claim], FLOOR, s.repeat, env)
        ratio = ours / floor
        rows.append(
            Row(
                f"look-up, {label} claim (`check`)",
                f"{ours * 1000:.0f} ms",
                f"imports floor {floor * 1000:.0f} ms",
                ratio,
                "≤ 1.25×",
                ratio <= 1.25,
            )
        )
    return rows


def timed_cpu(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, with any processes it forks) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed(cmd, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def scan_against_proselint(
    draft: Path, n: int, env: dict[str, str], proselint: str | None
) -> tuple[tuple[float, float], tuple[float, float] | None]:
    """Median wall and CPU seconds of `scan` and of `proselint check`, run in turns so
    that a burst of other work falls on both."""
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for _ in range(n):
        ours.append(timed_cpu([*FACTCHECK, "scan", str(draft)], env))
        if proselint:
            theirs.append(timed_cpu([proselint, "check", str(draft)], env))

    def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)

    return medians(ours), (medians(theirs) if theirs else None)


def draft_row(
    name: str, ours: tuple[float, float], theirs: tuple[float, float] | None, target: float
) -> Row:
    """A scan row: wall-clock ratio (the target's), with CPU times beside, which a
    machine shared with other work leaves closer to the truth."""
    mine = f"{ours[0] * 1000:.0f} ms (CPU {ours[1] * 1000:.0f} ms)"
    if theirs is None:
        return Row(name, mine, "proselint not installed", None, f"≤ {target}×", None)
    ratio = ours[0] / theirs[0]
    return Row(
        name,
        mine,
        f"proselint {theirs[0] * 1000:.0f} ms (CPU {theirs[1] * 1000:.0f} ms; "
        f"CPU ratio {ours[1] / theirs[1]:.2f}×, load average {os.getloadavg()[0]:.1f})",
        ratio,
        f"≤ {target}×",
        ratio <= target,
    )


def bench_draft(s: Settings, env: dict[str, str], work: Path, rng: random.Random) -> list[Row]:
    draft = work / "draft.md"
    draft.write_text(make_draft(s.draft_words, rng), encoding="utf-8")
    # Beside this interpreter first: a venv's tools are there, whether or not its
    # bin folder is on PATH.
    here = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    proselint = shutil.which("proselint", path=here)
    timed([*FACTCHECK, "scan", str(draft)], env=env)  # warm the registry cache
    ours, theirs = scan_against_proselint(draft, s.repeat, env, proselint)
    rows = [draft_row(f"scan, {s.draft_words:,}-word draft", ours, theirs, 0.7)]
    big = work / "big-draft.md"
    big.write_text(make_draft(s.big_draft_words, rng), encoding="utf-8")
    size = f"{big.stat().st_size / 1e6:.1f} MB"
    ours_big, theirs_big = scan_against_proselint(big, s.big_repeat, env, proselint)
    rows.append(draft_row(f"scan, {size} draft", ours_big, theirs_big, 0.3))
    archive = work / "archive.md"
    archive.write_text(make_draft(s.archive_words, rng), encoding="utf-8")
    words = len(archive.read_text(encoding="utf-8").split())
    took = timed([*FACTCHECK, "scan", str(archive)], env=env)
    rows.append(
        Row(
            f"scan, {words:,}-word archive",
            f"{words / took:,.0f} words/s",
            f"{took:.1f} s",
            None,
            "report",
            None,
        )
    )
    return rows


def bench_lsp(s: Settings, env: dict[str, str], work: Path, rng: random.Random) -> list[Row]:
    """`factcheck lsp` answering a change of the draft, warm, against `scan` of it."""
    name = f"lsp, change of a {s.draft_words:,}-word draft, warm"
    try:
        from lsp_bench import change_seconds
    except ImportError:
        return [Row(name, "pygls not installed", "", None, "< 50 ms", None)]
    draft = work / "lsp-draft.md"
    draft.write_text(make_draft(s.draft_words, rng), encoding="utf-8")
    scan = median([*FACTCHECK, "scan", str(draft)], s.repeat, env)
    ours = change_seconds(draft, s.repeat * 3, {**env, "FACTCHECK_REGISTRY": str(SHIPPED)})
    return [
        Row(
            name,
            f"{ours * 1000:.1f} ms",
            f"`scan` as a process {scan * 1000:.0f} ms",
            ours / scan,
            "< 50 ms",
            ours < 0.050,
        )
    ]


def bench_batch(s: Settings, env: dict[str, str], work: Path, rng: random.Random) -> list[Row]:
    claims = work / "claims.jsonl"
    make_claims(s.claims, rng, claims)
    jobs = ["--jobs", str(s.jobs)] if s.jobs else []
    ours = timed([*FACTCHECK, "batch", str(claims), *jobs], work / "ours.jsonl", env)
    theirs = timed(
        [PY, str(HERE / "baseline_matcher.py"), str(SHIPPED), str(claims)],
        work / "theirs.jsonl",
        env,
    )
    one = timed([*FACTCHECK, "batch", str(claims), "--jobs", "1"], work / "j1.jsonl", env)
    two = timed([*FACTCHECK, "batch", str(claims), "--jobs", "2"], work / "j2.jsonl", env)
    same = (work / "j1.jsonl").read_bytes() == (work / "j2.jsonl").read_bytes()
    return [
        Row(
            f"batch, {s.claims:,} claims, --jobs 2 against --jobs 1",
            f"--jobs 2 {s.claims / two:,.0f} claims/s ({two:.1f} s)",
            f"--jobs 1 {s.claims / one:,.0f} claims/s ({one:.1f} s)",
            one / two,
            "≥ 1.7× (throughput), same output",
            one / two >= 1.7 and same,
        ),
        Row(
            f"batch, {s.claims:,} claims, all cores",
            f"{s.claims / ours:,.0f} claims/s ({ours:.1f} s)",
            f"extractOne {s.claims / theirs:,.0f} claims/s ({theirs:.1f} s)",
            ours / theirs,
            "≤ 1.0×",
            ours / theirs <= 1.0,
        ),
    ]


def bench_dask(s: Settings, env: dict[str, str], work: Path) -> list[Row]:
    """batch on one and two Dask worker processes (a LocalCluster) against --jobs 1
    and --jobs 2: the overhead of the cluster, its scaling, and the goal (two
    workers at 85% of --jobs 2 or better)."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return []  # the dask extra is not installed: nothing to compare
    claims = work / "claims.jsonl"  # bench_batch wrote it
    n = s.claims
    run = [*FACTCHECK, "batch", str(claims)]
    j1 = timed([*run, "--jobs", "1"], work / "j1.jsonl", env)
    j2 = timed([*run, "--jobs", "2"], work / "j2.jsonl", env)
    one = timed([*run, "--dask", "local:1"], work / "d1.jsonl", env)
    two = timed([*run, "--dask", "local:2"], work / "d2.jsonl", env)
    same = all(
        (work / "j2.jsonl").read_bytes() == (work / f).read_bytes()
        for f in ("j1.jsonl", "d1.jsonl", "d2.jsonl")
    )
    return [
        Row(
            f"batch on Dask, {n:,} claims, 1 worker",
            f"{n / one:,.0f} claims/s ({one:.1f} s)",
            f"--jobs 1 {n / j1:,.0f} claims/s ({j1:.1f} s): overhead {one / j1 - 1:+.0%}",
            j1 / one,
            "report",
            None,
        ),
        Row(
            f"batch on Dask, {n:,} claims, 2 workers",
            f"{n / two:,.0f} claims/s ({two:.1f} s; scaling {one / (2 * two):.0%} of 2× one worker)",
            f"--jobs 2 {n / j2:,.0f} claims/s ({j2:.1f} s)",
            j2 / two,
            "≥ 0.85× (throughput)",
            j2 / two >= 0.85 and same,
        ),
    ]


def bench_scale(
    s: Settings, env: dict[str, str], work: Path, shipped_lookup: float
) -> tuple[list[Row], list[dict[str, float]]]:
    rows, growth = [], []
    claims = work / "scale-claims.jsonl"
    make_claims(s.scale_claims, random.Random(0), claims)
    batch = [*FACTCHECK, "--registry", str(SHIPPED), "batch", str(claims)]
    timed(batch, env=env)  # the shipped registry's cache, warm
    shipped_rate = s.scale_claims / statistics.median(timed(batch, env=env) for _ in range(3))
    growth.append({"entries": 0, "lookup_ms": shipped_lookup * 1000, "claims_per_s": shipped_rate})
    for n in s.sizes:
        path = work / f"registry-{n}.toml"
        generate(n, path, progress=False)
        cmd = [*FACTCHECK, "--registry", str(path), "check", FIGURE_CLAIM]
        first, peak_kb = with_peak_memory(cmd, env)
        lookup = median(cmd, s.repeat, env)
        took = statistics.median(
            timed([*FACTCHECK, "--registry", str(path), "batch", str(claims)], env=env)
            for _ in range(3)
        )
        rate = s.scale_claims / took
        cache_files = Path(env["FACTCHECK_CACHE_DIR"]).glob("*.*")
        cache_mb = max((f.stat().st_size for f in cache_files), default=0) / 1e6  # this one's
        peak_mb = peak_kb / 1024
        ratio = lookup / shipped_lookup
        growth.append({"entries": n, "lookup_ms": lookup * 1000, "claims_per_s": rate})
        rows.append(
            Row(
                f"scale, {n:,} entries",
                f"look-up {lookup * 1000:.0f} ms (first run {first:.1f} s)",
                f"shipped {shipped_lookup * 1000:.0f} ms; index {cache_mb:,.0f} MB on disk; "
                f"first run peak memory {peak_mb:,.0f} MB",
                ratio,
                "≤ 2×",
                ratio <= 2,
            )
        )
        want = 0.9 if n <= 100_000 else 0.7
        rows.append(
            Row(
                f"scale, {n:,} entries, batch of {s.scale_claims:,} claims",
                f"{rate:,.0f} claims/s",
                f"shipped registry {shipped_rate:,.0f} claims/s",
                rate / shipped_rate,
                f"≥ {want}× (throughput)",
                rate / shipped_rate >= want,
            )
        )
        path.unlink()
    return rows, growth


def with_peak_memory(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    took, peak, _ = with_usage(cmd, env)
    return took, peak


def with_usage(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident memory (kB) and CPU seconds of this one run. The
    memory is the sum over the process and its children (an index build's workers),
    sampled every 0.1 s on Linux; elsewhere the largest single process, from wait4.
    The CPU time counts the children too: on a shared machine it says what the
    wall clock cannot."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    if not hasattr(os, "wait4"):  # Windows: time only
        proc.wait()
        return time.perf_counter() - start, 0.0, 0.0
    peak, sample = 0, Path("/proc").is_dir()
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG if sample else 0)
        if pid:
            break
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.1)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:6])} exited {proc.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    # wait4's ru_maxrss counts the memory the child had at fork, this benchmark's
    # own (hundreds of MB once it has generated a large registry): the sampled
    # tree is the run's own, where there is one.
    return time.perf_counter() - start, float(peak if sample else usage.ru_maxrss), cpu


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants now (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue  # it ended meanwhile
    return total


def bench_index(s: Settings, env: dict[str, str], work: Path) -> list[Row]:
    """Building the on-disk index: time and peak memory (all processes), TOML and
    JSON Lines, against the goal for ten million entries (under 15 min, under 2 GB)."""
    rows = []
    for n in s.index_sizes:
        for suffix in ("toml", "jsonl"):
            path = work / f"index-{n}.{suffix}"
            generate(n, path, progress=False)
            cache = work / f"index-cache-{n}-{suffix}"
            cmd = [*FACTCHECK, "--registry", str(path), "check", FIGURE_CLAIM]
            took, peak_kb, cpu = with_usage(cmd, {**env, "FACTCHECK_CACHE_DIR": str(cache)})
            scaled = took * 10_000_000 / n  # what ten million would take at this rate
            size_mb = path.stat().st_size / 1e6
            rows.append(
                Row(
                    f"index build, {n:,} entries ({suffix}, {size_mb:,.0f} MB)",
                    f"{took:,.0f} s ({cpu:,.0f} CPU s), peak memory {peak_kb / 1024:,.0f} MB "
                    "(all processes)",
                    f"at this rate 10M: {scaled / 60:,.0f} min",
                    None,
                    "10M < 15 min, < 2 GB",
                    scaled < 900 and peak_kb < 2 * 1024 * 1024,
                )
            )
            path.unlink()
            shutil.rmtree(cache, ignore_errors=True)
    return rows


def bench_index10m(
    s: Settings, env: dict[str, str], work: Path, data: Path | None, formats: list[str]
) -> list[Row]:
    """The issue's goal at full size: ten million entries index in under 15 minutes
    with under 2 GB of memory (all processes), and a warm look-up on them costs at
    most 1.5× one on the shipped registry. The generated registry is kept in `data`
    (if given) for the next run; the index is always built afresh."""
    n, rows = s.index10m_entries, []
    folder = data or work
    folder.mkdir(parents=True, exist_ok=True)
    shipped_env = {**env, "FACTCHECK_CACHE_DIR": str(work / "index10m-shipped-cache")}
    for suffix in formats:
        path = folder / f"registry-{n}.{suffix}"
        if not path.exists():
            _say(f"generating {path} ({n:,} entries)")
            part = path.with_name(f"{path.stem}.part{path.suffix}")  # its suffix: its format
            generate(n, part, progress=False)
            part.rename(path)
        cache = work / f"index10m-cache-{suffix}"
        shutil.rmtree(cache, ignore_errors=True)
        big_env = {**env, "FACTCHECK_CACHE_DIR": str(cache)}
        _say(f"indexing {path} ({path.stat().st_size / 1e9:,.1f} GB)")
        cmd = [*FACTCHECK, "--registry", str(path), "check", FIGURE_CLAIM]
        took, peak_kb, cpu = with_usage(cmd, big_env)
        index_mb = sum(f.stat().st_size for f in cache.glob("*.sqlite")) / 1e6
        rows.append(
            Row(
                f"index build, {n:,} entries ({suffix}, {path.stat().st_size / 1e6:,.0f} MB)",
                f"{took / 60:,.1f} min ({cpu:,.0f} CPU s), peak memory {peak_kb / 1024:,.0f} MB "
                f"(all processes); index {index_mb:,.0f} MB",
                f"at this rate 10M: {took * 10_000_000 / n / 60:,.1f} min",
                None,
                "< 15 min, < 2 GB (at 10M)",
                took * 10_000_000 / n < 900 and peak_kb < 2 * 1024 * 1024,
            )
        )
        for label, claim in (("figure", FIGURE_CLAIM), ("quotation", QUOTE_CLAIM)):
            rows.append(_warm_lookup(s, n, suffix, label, claim, path, big_env, shipped_env))
        shutil.rmtree(cache, ignore_errors=True)
        if data is None:
            path.unlink()
    return rows


def _warm_lookup(
    s: Settings,
    n: int,
    suffix: str,
    label: str,
    claim: str,
    path: Path,
    big_env: dict[str, str],
    shipped_env: dict[str, str],
) -> Row:
    """A look-up on the big registry against one on the shipped registry, in turns
    (wall clock and CPU seconds, medians): the CPU ratio says what a shared machine's
    wall clock cannot."""
    big = [*FACTCHECK, "--registry", str(path), "check", claim]
    small = [*FACTCHECK, "--registry", str(SHIPPED), "check", claim]
    timed(big, env=big_env)
    timed(small, env=shipped_env)  # both caches warm
    walls: dict[str, list[float]] = {"big": [], "small": []}
    cpus: dict[str, list[float]] = {"big": [], "small": []}
    for _ in range(s.repeat):
        for key, cmd, e in (("big", big, big_env), ("small", small, shipped_env)):
            took, _, cpu = with_usage(cmd, e)
            walls[key].append(took)
            cpus[key].append(cpu)
    wall = {k: statistics.median(v) for k, v in walls.items()}
    cpu = {k: statistics.median(v) for k, v in cpus.items()}
    ratio = cpu["big"] / cpu["small"]
    return Row(
        f"look-up on {n:,} entries ({suffix}), {label} claim, warm",
        f"{wall['big'] * 1000:.0f} ms ({cpu['big'] * 1000:.0f} ms CPU)",
        f"shipped {wall['small'] * 1000:.0f} ms ({cpu['small'] * 1000:.0f} ms CPU); "
        f"wall {wall['big'] / wall['small']:.2f}×",
        ratio,
        "≤ 1.5× (CPU)",
        ratio <= 1.5,
    )


def _say(message: str) -> None:
    print(f"run.py: {message}", file=sys.stderr, flush=True)


def growth_table(growth: list[dict[str, float]]) -> str:
    """Look-up time and batch throughput by registry size (0: the shipped registry)."""
    lines = [
        "| registry entries | look-up | batch throughput | batch, against shipped |",
        "| --- | --- | --- | --- |",
    ]
    shipped = growth[0]["claims_per_s"] if growth else 0.0
    for g in growth:
        name = "shipped" if not g["entries"] else f"{g['entries']:,.0f}"
        share = g["claims_per_s"] / shipped if shipped else 0.0
        lines.append(
            f"| {name} | {g['lookup_ms']:.0f} ms | {g['claims_per_s']:,.0f} claims/s | {share:.2f}× |"
        )
    return "\n".join(lines)


def plot(growth: list[dict[str, float]], out: Path) -> str:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "matplotlib not installed: no plot"
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.5))
    growth = [g for g in growth if g["entries"]]  # the shipped registry has no place on a log axis
    xs = [g["entries"] for g in growth]
    a.plot(xs, [g["lookup_ms"] for g in growth], marker="o")
    a.set(xscale="log", xlabel="registry entries", ylabel="look-up (ms)", title="Look-up time")
    a.set_ylim(bottom=0)
    b.plot(xs, [g["claims_per_s"] for g in growth], marker="o", color="tab:green")
    b.set(xscale="log", xlabel="registry entries", ylabel="claims / s", title="Batch throughput")
    b.set_ylim(bottom=0)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    return f"![growth]({out.name})"


# --- report ---------------------------------------------------------------------------


def machine() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem = f", {kb / 2**20:.0f} GiB"
    except (OSError, AttributeError):
        pass
    return f"{platform.system()} {platform.machine()}, {cpus} cores{mem}, Python {platform.python_version()}"


def table(rows: list[Row]) -> str:
    lines = [
        "| benchmark | factcheck | yardstick | ratio | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "–"
        met = {True: "yes", False: "**no**", None: "–"}[r.met]
        lines.append(f"| {r.name} | {r.ours} | {r.yardstick} | {ratio} | {r.target} | {met} |")
    return "\n".join(lines)


def byte_compile() -> None:
    """factcheck's modules and the installed packages, each compiled once."""
    import factcheck

    for folder in {Path(factcheck.__file__).parent, Path(sysconfig.get_paths()["purelib"])}:
        compileall.compile_dir(folder, quiet=1, workers=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes; print only")
    parser.add_argument("--sizes", help="registry sizes for the scale run, e.g. 1000,10000")
    parser.add_argument("--index-sizes", help="registry sizes for the index build, e.g. 10000000")
    parser.add_argument("--only", help="run only these benchmarks, e.g. index,dask")
    parser.add_argument(
        "--index10m-entries", type=int, help="entries for --only index10m (default 10,000,000)"
    )
    parser.add_argument(
        "--index10m-formats", default="toml,jsonl", help="registry formats for index10m"
    )
    parser.add_argument("--data", type=Path, help="where index10m keeps its generated registry")
    args = parser.parse_args()
    s = SMOKE if args.smoke else FULL
    if args.sizes:
        s.sizes = [int(x) for x in args.sizes.split(",")]
    if args.index_sizes:
        s.index_sizes = [int(x) for x in args.index_sizes.split(",")]
    if args.index10m_entries:
        s.index10m_entries = args.index10m_entries
    only = set(args.only.split(",")) if args.only else None
    extra = {"data": args.data, "formats": args.index10m_formats.split(",")}
    rng = random.Random(2022)
    byte_compile()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {**os.environ, "FACTCHECK_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1"}
        env.pop("FACTCHECK_REGISTRY", None)
        rows, growth = run_all(
            s,
            env,
            work,
            rng,
            lambda name: name in only if only is not None else name not in OPT_IN,
            extra,
        )
    print(f"machine: {machine()}\n")
    print(table(rows))
    print()
    print(growth_table(growth))
    if not args.smoke and only is None:  # a partial run prints, and leaves RESULTS.md be
        picture = (
            plot(growth, HERE / "growth.png") if len(growth) > 2 else "too few sizes for a plot"
        )
        write_results(rows, growth_table(growth) + "\n\n" + picture)
    return 0


def run_all(
    s: Settings,
    env: dict[str, str],
    work: Path,
    rng: random.Random,
    wanted: Any,
    extra: dict[str, Any] | None = None,
) -> tuple[list[Row], list[dict[str, float]]]:
    rows: list[Row] = []
    growth: list[dict[str, float]] = []
    if wanted("lookup"):
        rows += bench_lookup(s, env)
    if wanted("draft"):
        rows += bench_draft(s, env, work, rng)
    if wanted("lsp"):
        rows += bench_lsp(s, env, work, rng)
    if wanted("batch"):
        rows += bench_batch(s, env, work, rng)
    if wanted("dask"):
        if not (work / "claims.jsonl").exists():
            make_claims(s.claims, rng, work / "claims.jsonl")
        rows += bench_dask(s, env, work)
    if wanted("scale"):
        shipped = median([*FACTCHECK, "check", FIGURE_CLAIM], s.repeat, env)
        scale_env = {**env, "FACTCHECK_CACHE_DIR": str(work / "scale-cache")}
        scale_rows, growth = bench_scale(s, scale_env, work, shipped)
        rows += scale_rows
    if wanted("index"):
        rows += bench_index(s, env, work)
    if wanted("index10m"):
        extra = extra or {}
        rows += bench_index10m(s, env, work, extra.get("data"), extra.get("formats", ["jsonl"]))
    return rows, growth


def write_results(rows: list[Row], picture: str) -> None:
    text = (
        (HERE / "RESULTS.md").read_text(encoding="utf-8") if (HERE / "RESULTS.md").exists() else ""
    )
    notes = text.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in text else "\n"
    body = (
        "# Benchmark results\n\n"
        f"Measured by `python benchmarks/run.py` on {time.strftime('%Y-%m-%d')}: {machine()}.\n\n"
        f"{table(rows)}\n\n{picture}\n\n<!-- notes -->{notes}"
    )
    from factcheck.fileio import write_atomic

    write_atomic(HERE / "RESULTS.md", body)


if __name__ == "__main__":
    raise SystemExit(main())
