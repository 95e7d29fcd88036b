"""Batch rows checked on a Dask cluster, written in input order.

Rows travel to workers in chunks; each worker process opens the registry (and its
on-disk index) once, by path, and keeps it. The registry is never shipped: a path
every worker can read is. A worker that dies loses its chunk to the scheduler,
which runs it again elsewhere; results are taken from completed futures only, one
per chunk, in order, so each row is written exactly once.

dask is imported here, and this module only when --dask is given.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from factcheck.batch import Row
from factcheck.errors import FactcheckError
from factcheck.model import Result

CHUNK = 64  # rows a task at least: the Python API's partitions, and a short batch's tasks
# A long batch's tasks are larger (up to MAX_CHUNK rows, some TASKS_PER_THREAD of
# them a worker thread): each task costs the scheduler, the client and the network
# a round trip, which at 64 rows kept two workers near 60% of `--jobs 2`.
MAX_CHUNK = 2_048
TASKS_PER_THREAD = 8
CONNECT_TIMEOUT = 15  # seconds to reach a scheduler; FACTCHECK_DASK_TIMEOUT overrides

# What a LocalCluster's workers are started with. The check holds the worker's one
# thread; the statistical profiler (a sample of that thread's stack every 10 ms, and
# the source lines it reads) and the disk counters cost its event loop CPU that a
# 2-core machine takes from the check. A remote cluster's workers keep their own.
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.disk": False,
    "distributed.admin.system-monitor.interval": "2s",
}

_loaded: dict[tuple[str, str], Any] = {}
_lock = threading.Lock()


class DaskError(FactcheckError):
    """The cluster could not be reached or used."""


@dataclass(frozen=True)
class Block:
    """A task's rows or its results, travelling as one object. Dask sends a bare
    list element by element (a header, a pickle and a metrics record each), which
    at 2,048 rows a task kept each worker's event loop busy a tenth of the time."""

    items: tuple[Any, ...]

    def results(self) -> tuple[Any, ...]:
        return self.items


@dataclass(frozen=True)
class Texts:
    """A task's rows already written: their verdicts, and their texts as one string.
    Unpickling a Rendered object a row cost the client (which also runs a local
    cluster's scheduler) some 60 µs a row; one string costs a copy."""

    verdicts: tuple[str, ...]  # each row's Verdict value
    text: str  # every row's text, one after another
    ends: tuple[int, ...]  # where each row's text ends in `text`

    def results(self) -> tuple[Any, ...]:
        from factcheck.cli.batch_run import Rendered
        from factcheck.model import Verdict

        starts = (0, *self.ends[:-1])
        return tuple(
            Rendered(Verdict(v), self.text[a:b])
            for v, a, b in zip(self.verdicts, starts, self.ends, strict=True)
        )


def content_key(path: str) -> str:
    """What a worker checks its copy of the registry against."""
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _checker(path: str, key: str) -> Any:
    """The checker of the registry at `path`, loaded once per worker process."""
    with _lock:  # a worker may run several threads; load once, not once per thread
        hit = _loaded.get((path, key))
        if hit is not None:
            return hit
        try:
            found = content_key(path)
        except OSError as exc:
            raise RuntimeError(
                f"a worker cannot read the registry {path}: {exc.strerror}"
            ) from None
        if found != key:
            raise RuntimeError(f"a worker's registry {path} differs from the one given")
        from factcheck.cli.batch_run import _Checker
        from factcheck.registry.cache import load_registry_cached

        try:
            checker = _Checker(load_registry_cached(path))
        except FactcheckError as exc:
            raise RuntimeError(f"a worker cannot load the registry: {exc}") from None
        _loaded[(path, key)] = checker
        return checker


def check_chunk(rows: list[Row], path: str, key: str) -> list[Result]:
    """One task: the rows' results, in their order (error rows stay error rows)."""
    check = _checker(path, key)
    with _lock:  # an on-disk index's connection belongs to one thread at a time
        return [check(row) for row in rows]


def render_chunk(rows: list[Row], path: str, key: str, output: tuple[str, bool]) -> list[Any]:
    """One task of `batch --dask`: each row's output already written (`output`: the
    format and whether in colour), as a local `--jobs` worker writes it, so that the
    client, which also hosts a LocalCluster's scheduler, only writes text."""
    from factcheck.cli.batch_run import Rendered
    from factcheck.output import result_writer

    checker = _checker(path, key)
    fmt, color = output
    writer = result_writer(fmt, io.StringIO(), color=color, registry=checker.registry)
    done: list[Any] = []
    with _lock:
        for row in rows:
            result = checker(row)
            text = writer.render(result)
            done.append(result if text is None else Rendered(result.verdict, text))
    return done


def render_block(rows: Block, path: str, key: str, output: tuple[str, bool]) -> Block | Texts:
    """render_chunk() on a Block of rows, what `batch --dask` submits: the rows' texts
    (Texts), or their Results in a Block where the format writes none per row."""
    from factcheck.cli.batch_run import Rendered

    done = render_chunk(list(rows.items), path, key, output)
    if not all(isinstance(d, Rendered) for d in done):
        return Block(tuple(done))
    ends, at = [], 0
    for d in done:
        at += len(d.text)
        ends.append(at)
    return Texts(tuple(d.verdict.value for d in done), "".join(d.text for d in done), tuple(ends))


def check_bag(claims: Any, registry_path: str) -> Any:
    """A dask bag of Results from a bag (or an iterable) of Rows or claim strings."""
    import dask.bag as db

    if not isinstance(claims, db.Bag):
        rows = [_as_row(c, n) for n, c in enumerate(claims, start=1)]
        claims = db.from_sequence(rows, partition_size=CHUNK)
    key = content_key(registry_path)
    return claims.map(_as_row, 0).map_partitions(_partition, registry_path, key)


def _as_row(claim: Row | str, number: int) -> Row:
    return claim if isinstance(claim, Row) else Row(id=str(number or ""), claim=claim, line=number)


def _partition(rows: Iterable[Row], path: str, key: str) -> list[Result]:
    return check_chunk(list(rows), path, key)


def parse_address(spec: str) -> tuple[str | None, int]:
    """`local`, `local:N` (a LocalCluster of N processes) or a scheduler address."""
    if spec == "local" or spec.startswith("local:"):
        count = spec.partition(":")[2]
        if count and not (count.isdigit() and int(count) > 0):
            raise DaskError(f"--dask {spec}: after 'local:' comes a number of workers")
        return None, int(count) if count else 0
    return spec, 0


def results_on_dask(
    rows: list[Row],
    registry_path: str,
    spec: str,
    workers: int,
    output: tuple[str, bool] = ("jsonl", False),
) -> Iterator[Any]:
    """Each row's result in input order, checked on the cluster `spec` names, already
    written in the `output` format where it allows (batch_run.Rendered)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskError("--dask needs the dask extra: pip install 'factcheck[dask]'") from None
    address, local = parse_address(spec)
    key = content_key(registry_path)
    timeout = _timeout()
    cluster = None
    try:
        if address is None:
            import dask

            with dask.config.set(LOCAL_CONFIG):  # the workers' nannies copy it
                cluster = LocalCluster(
                    n_workers=local or workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
            client = Client(cluster)
        else:
            client = Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise DaskError(
            f"cannot reach the Dask scheduler at {spec} within {timeout:g} s ({exc})"
        ) from None
    try:
        yield from _ordered(client, rows, registry_path, key, output)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _timeout() -> float:
    import os

    try:
        return float(os.environ.get("FACTCHECK_DASK_TIMEOUT", CONNECT_TIMEOUT))
    except ValueError:
        return CONNECT_TIMEOUT


def task_rows(total: int, threads: int) -> int:
    """Rows a task for a batch of `total` rows on `threads` worker threads."""
    return max(CHUNK, min(MAX_CHUNK, total // (TASKS_PER_THREAD * max(1, threads))))


def _ordered(
    client: Any, rows: list[Row], path: str, key: str, output: tuple[str, bool]
) -> Iterator[Any]:
    from distributed import as_completed

    size = task_rows(len(rows), sum(client.nthreads().values()))
    chunks = [rows[i : i + size] for i in range(0, len(rows), size)]
    futures = [
        client.submit(render_block, Block(tuple(c)), path, key, output, pure=False) for c in chunks
    ]
    position = {f.key: n for n, f in enumerate(futures)}
    done: dict[int, tuple[Any, ...]] = {}
    following = 0
    try:
        for future in as_completed(futures):
            try:
                done[position[future.key]] = future.result().results()
            except Exception as exc:  # raised in a worker: say it in one line
                raise DaskError(f"on the Dask cluster: {exc}") from None
            while following in done:
                yield from done.pop(following)
                following += 1
    finally:
        client.cancel(futures)
