"""Where extraction runs: a local process pool, or an existing Dask cluster.

An engine maps a picklable function over tasks and yields the results in task order, so
every engine produces the same tables byte for byte; only the writing process touches
the output.
"""
from __future__ import annotations

import math
import os
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Tasks sent to a worker at a time: a task (one report) takes milliseconds, a message to a
# worker or a Dask task costs about as much, so 32 (about a fifth of a second) go together.
TASKS_PER_MESSAGE = 32


class Engine(Protocol):
    def map(self, fn: Callable[[T], R], tasks: Iterable[T], lost: Callable[[T], R]) -> Iterator[R]:
        """`fn` over `tasks`, results in task order; `lost(task)` for a task whose worker died."""

    def close(self) -> None:
        """Release the workers once their work is done (idempotent)."""

    def abort(self) -> None:
        """Stop the workers at once, dropping the work in flight (the run is ending)."""


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last may be shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_batch(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    """`fn` over a batch, in a worker: one message there and back for many small tasks."""
    return [fn(task) for task in batch]


class WorkerDied(Exception):
    """The worker running a call died (killed for memory, a crash in a parser)."""


# Starts `fn(*args)` in a worker; returns what waits for its result (raising WorkerDied).
Submit = Callable[..., Callable[[], R]]


def map_in_batches(submit: Submit, fn: Callable[[T], R], tasks: Iterable[T], lost: Callable[[T], R],
                   window: int) -> Iterator[R]:
    """`fn` over `tasks`, sent in batches with at most `window` batches in flight (results
    never pile up when the writer is slower than the workers), results in task order.

    A dead worker must not end or hang the run: the tasks of a batch whose worker died (or ran
    out of the memory it may use) are done again one at a time, and one that does it again is
    `lost(task)`.
    """
    in_flight: deque[tuple[list[T], Callable[[], list[R]]]] = deque()
    for batch in batches(tasks, TASKS_PER_MESSAGE):
        in_flight.append((batch, submit(run_batch, fn, batch)))
        if len(in_flight) >= window:
            yield from _batch_results(submit, fn, *in_flight.popleft(), lost)
    while in_flight:
        yield from _batch_results(submit, fn, *in_flight.popleft(), lost)


def _batch_results(submit: Submit, fn: Callable[[T], R], batch: list[T], wait: Callable[[], list[R]],
                   lost: Callable[[T], R]) -> list[R]:
    try:
        return wait()
    except (WorkerDied, MemoryError):
        return [_alone(submit, fn, task, lost) for task in batch]


def _alone(submit: Submit, fn: Callable[[T], R], task: T, lost: Callable[[T], R]) -> R:
    """One task by itself in a worker: if it kills that worker too, it is the culprit."""
    try:
        return submit(fn, task)()
    except (WorkerDied, MemoryError):
        return lost(task)


def usable_cores(cgroup: Path = Path("/sys/fs/cgroup")) -> int:
    """The cores this process may run on: its CPU affinity, capped by a container's CPU limit.

    `os.cpu_count()` counts the host's cores: a job limited to 2 CPUs on a 64-core node
    would start 64 workers, each with its own memory, taking turns on 2 CPUs. The limit is
    cgroup v2's `cpu.max` ("150000 100000" allows 1.5 CPUs: 2 workers) or cgroup v1's
    `cpu.cfs_quota_us` / `cpu.cfs_period_us`.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    limit = _cgroup_cpu_limit(cgroup)
    return max(1, min(cores, limit) if limit else cores)


def _cgroup_cpu_limit(cgroup: Path) -> int | None:
    """Whole CPUs a cgroup CPU quota allows (rounded up), or None when there is none."""
    try:
        quota, period = (cgroup / "cpu.max").read_text().split()[:2]
    except (OSError, ValueError):
        try:
            quota = (cgroup / "cpu" / "cpu.cfs_quota_us").read_text().strip()
            period = (cgroup / "cpu" / "cpu.cfs_period_us").read_text().strip()
        except OSError:
            return None
    try:
        quota_us, period_us = int(quota), int(period)
    except ValueError:
        return None  # "max": no limit
    return math.ceil(quota_us / period_us) if quota_us > 0 and period_us > 0 else None


def make_engine(name: str, jobs: int, scheduler: str | None = None, tasks: int | None = None) -> Engine:
    """`local` (process pool of `jobs` workers) or `dask` (at `scheduler`, else a local cluster).

    Never more workers than `tasks` (one without a task only holds memory); more than
    the usable cores only as asked, with a warning: they would take turns on the cores.
    """
    jobs = max(1, min(jobs, tasks) if tasks is not None else jobs)
    cores = usable_cores()
    if jobs > cores and not scheduler:
        warnings.warn(f"{jobs} workers for {cores} usable cores: they take turns on the cores, each with "
                      f"its own memory; --jobs {cores} is as fast", RuntimeWarning, stacklevel=2)
    if name == "local":
        from .local import LocalEngine

        return LocalEngine(jobs)
    if name == "dask":
        from .dask import DaskEngine

        return DaskEngine(jobs, scheduler)
    raise ValueError(f"unknown engine {name!r}: use 'local' or 'dask'")
