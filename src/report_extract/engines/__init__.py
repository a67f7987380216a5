"""Where extraction runs: a local process pool, or an existing Dask cluster.

An engine maps a picklable function over tasks and yields the results in task order, so
every engine produces the same tables byte for byte; only the writing process touches
the output.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Tasks sent to a worker at a time: a task (one report) takes milliseconds, a message to a
# worker or a Dask task costs about as much, so 32 (about a fifth of a second) go together.
TASKS_PER_MESSAGE = 32


class Engine(Protocol):
    def map(self, fn: Callable[[T], R], tasks: Iterable[T], lost: Callable[[T], R]) -> Iterator[R]:
        """`fn` over `tasks`, results in task order; `lost(task)` for a task whose worker died."""

    def close(self) -> None: ...


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


def make_engine(name: str, jobs: int, scheduler: str | None = None) -> Engine:
    """`local` (process pool of `jobs` workers) or `dask` (at `scheduler`, else a local cluster)."""
    if name == "local":
        from .local import LocalEngine

        return LocalEngine(jobs)
    if name == "dask":
        from .dask import DaskEngine

        return DaskEngine(jobs, scheduler)
    raise ValueError(f"unknown engine {name!r}: use 'local' or 'dask'")
