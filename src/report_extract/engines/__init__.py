"""Where extraction runs: a local process pool, or an existing Dask cluster.

An engine maps a picklable function over tasks and yields the results in task order, so
every engine produces the same tables byte for byte; only the writing process touches
the output.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


def make_engine(name: str, jobs: int, scheduler: str | None = None) -> Engine:
    """`local` (process pool of `jobs` workers) or `dask` (at `scheduler`, else a local cluster)."""
    if name == "local":
        from .local import LocalEngine

        return LocalEngine(jobs)
    if name == "dask":
        from .dask import DaskEngine

        return DaskEngine(jobs, scheduler)
    raise ValueError(f"unknown engine {name!r}: use 'local' or 'dask'")
