"""batch --dask on a real scheduler and real worker processes on loopback."""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from factcheck.registry import shipped_registry

BIN = Path(sys.executable).parent
FACTCHECK = [sys.executable, "-m", "factcheck"]


def _claims(path: Path, n: int) -> None:
    """Registry sentences, some changed, and a few unreadable rows."""
    text = Path(shipped_registry()).read_text(encoding="utf-8")
    sentences = [
        s
        for s in (
            line.partition("=")[2].strip(' "')
            for line in text.splitlines()
            if line.strip().startswith(("text", "sentence"))
        )
        if s
    ]
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            if i % 500 == 250:
                f.write("{not json\n")
                continue
            s = rng.choice(sentences)
            if i % 3 == 0:
                s = s.replace("1", "7")
            f.write(json.dumps({"id": f"c{i}", "claim": s}) + "\n")


def _run(
    args: list[str], env: dict[str, str], timeout: int = 60
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*FACTCHECK, *args], capture_output=True, env=env, timeout=timeout)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    e = dict(os.environ, FACTCHECK_CACHE_DIR=str(tmp_path_factory.mktemp("cache")))
    e.pop("FACTCHECK_NO_CACHE", None)
    return e


@pytest.fixture(scope="module")
def claims(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("claims") / "claims.jsonl"
    _claims(path, 2000)
    return path


@pytest.fixture(scope="module")
def local_run(claims: Path, env: dict[str, str]) -> bytes:
    done = _run(["batch", str(claims), "-j", "1"], env)
    assert done.returncode == 2, done.stderr  # the unreadable rows
    return done.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def cluster(
    tmp_path: Path, env: dict[str, str]
) -> Iterator[tuple[str, list[subprocess.Popen[bytes]]]]:
    dask = shutil.which("dask", path=str(BIN)) or "dask"
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = (tmp_path / "cluster.log").open("wb")
    procs = [
        subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stdout=log,
            stderr=log,
            env=env,
        )
    ]
    for _ in range(2):
        procs.append(
            subprocess.Popen(
                [
                    dask,
                    "worker",
                    address,
                    "--nworkers",
                    "1",
                    "--nthreads",
                    "1",
                    "--no-dashboard",
                    "--host",
                    "127.0.0.1",
                    "--local-directory",
                    str(tmp_path),
                ],
                stdout=log,
                stderr=log,
                env=env,
            )
        )
    try:
        _wait_for_workers(address, 2)
        yield address, procs[1:]
    finally:
        for p in reversed(procs):
            p.kill()
        for p in procs:
            p.wait(timeout=10)
        log.close()


def _wait_for_workers(address: str, n: int) -> None:
    from distributed import Client

    with Client(address, timeout=20) as client:
        client.wait_for_workers(n, timeout=30)


def test_local_cluster_output_is_byte_identical(
    claims: Path, env: dict[str, str], local_run: bytes
) -> None:
    done = _run(["batch", str(claims), "--dask", "local:2"], env, timeout=90)
    assert done.returncode == 2, done.stderr
    assert done.stdout == local_run


def test_scheduler_and_two_workers_byte_identical(
    claims: Path,
    env: dict[str, str],
    local_run: bytes,
    cluster: tuple[str, list[subprocess.Popen[bytes]]],
) -> None:
    address, _ = cluster
    done = _run(["batch", str(claims), "--dask", address, "--format", "jsonl"], env)
    assert done.stdout == local_run
    assert b"2000 claims" in done.stderr


def test_a_worker_killed_mid_run_loses_and_duplicates_no_row(
    claims: Path,
    env: dict[str, str],
    local_run: bytes,
    cluster: tuple[str, list[subprocess.Popen[bytes]]],
) -> None:
    address, workers = cluster
    big = claims.parent / "big.jsonl"
    big.write_bytes(claims.read_bytes() * 3)
    expected = _run(["batch", str(big), "-j", "1"], env).stdout
    run = subprocess.Popen(
        [*FACTCHECK, "batch", str(big), "--dask", address],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        bufsize=0,  # communicate() reads the pipe itself: nothing may wait in a buffer
    )
    assert run.stdout is not None
    first = run.stdout.readline()  # the cluster is at work: now one worker dies
    workers[0].kill()
    rest, err = run.communicate(timeout=60)
    out = first + rest
    assert out == expected, err
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert len(ids) == len(expected.splitlines())


def test_unreachable_scheduler_is_one_line_exit_2(claims: Path, env: dict[str, str]) -> None:
    quick = dict(env, FACTCHECK_DASK_TIMEOUT="2")
    done = _run(["batch", str(claims), "--dask", f"tcp://127.0.0.1:{_free_port()}"], quick)
    assert done.returncode == 2
    lines = done.stderr.decode().strip().splitlines()
    assert lines[-1].startswith("factcheck: error: cannot reach the Dask scheduler")
    assert "within 2 s" in lines[-1]
    assert b"Traceback" not in done.stderr


def test_bad_local_count_is_one_line_exit_2(claims: Path, env: dict[str, str]) -> None:
    done = _run(["batch", str(claims), "--dask", "local:x"], env)
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr and b"local:" in done.stderr


def test_python_api_bag_of_results() -> None:
    from factcheck.scale.dask_batch import check_bag

    bag = check_bag(["first claim here", "another claim"], str(shipped_registry()))
    results = bag.compute(scheduler="sync")
    assert [r.id for r in results] == ["1", "2"]
    assert all(r.verdict.value for r in results)


def test_a_task_returns_its_rows_written_as_a_local_worker_writes_them() -> None:
    # The client (a LocalCluster's scheduler too) only writes text: formatting every
    # row there kept a core busy that the workers needed.
    import io

    from factcheck.batch import Row
    from factcheck.cli.batch_run import Rendered, _Checker
    from factcheck.output import result_writer
    from factcheck.registry import load_registry
    from factcheck.scale.dask_batch import (
        Block,
        Texts,
        content_key,
        render_block,
        render_chunk,
        task_rows,
    )

    path = str(shipped_registry())
    rows = [Row("a", "Russia shares a 4,209 km border with China.", 1), Row("b", "", 2, "bad row")]
    done = render_chunk(rows, path, content_key(path), ("jsonl", False))
    writer = result_writer("jsonl", io.StringIO(), color=False, registry=load_registry(path))
    checker = _Checker(load_registry(path))
    assert all(isinstance(d, Rendered) for d in done)
    assert [d.text for d in done] == [writer.render(checker(r)) for r in rows]
    # What --dask submits: one object each way, never a bare list, which Dask sends
    # element by element.
    # element by element; and written rows as one string.
    block = render_block(Block(tuple(rows)), path, content_key(path), ("jsonl", False))
    assert type(block) is Texts and list(block.results()) == done
    colour = render_block(Block(tuple(rows)), path, content_key(path), ("table", True))
    assert type(colour) is Block  # a coloured table is written at the end, from Results
    assert [r.verdict for r in colour.results()] == [d.verdict for d in done]
    # Few rows: small tasks, for order and progress; many: large ones, a few a thread.
    assert task_rows(1_000, 2) == 64 and task_rows(100_000, 2) == 2_048
    assert task_rows(20_000, 2) == 1_250
