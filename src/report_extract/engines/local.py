"""A pool of worker processes on this machine (or none, for --jobs 1).

A pool that a dead worker broke is replaced (`engines.map_in_batches` does the dead
worker's tasks again), instead of hanging as `multiprocessing.Pool` does.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, TypeVar

from . import WorkerDied, map_in_batches

T = TypeVar("T")
R = TypeVar("R")

_WINDOW_PER_WORKER = 3  # batches in flight per worker: enough to keep it busy, never a backlog


class LocalEngine:
    def __init__(self, jobs: int):
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None
        # fork shares the loaded rules and segmenter model with the workers for free
        self._context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else None)

    def map(self, fn: Callable[[T], R], tasks: Iterable[T], lost: Callable[[T], R]) -> Iterator[R]:
        """Results in task order; `lost(task)` stands for a task whose worker died twice."""
        if self.jobs == 1:
            return map(fn, tasks)
        return map_in_batches(self._submit, fn, tasks, lost, _WINDOW_PER_WORKER * self.jobs)

    def _submit(self, *call) -> Callable[[], R]:
        """Start `call` on the pool (replacing a pool found broken); what waits for its result."""
        pool = self._running_pool()
        try:
            future = pool.submit(*call)
        except BrokenProcessPool:
            self._replace(pool)
            pool = self._running_pool()
            future = pool.submit(*call)

        def wait() -> R:
            try:
                return future.result()
            except BrokenProcessPool:
                self._replace(pool)
                raise WorkerDied from None
        return wait

    def _running_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=self._context)
        return self._pool

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Drop the pool a dead worker broke (once, however many of its tasks report it)."""
        if self._pool is broken:
            broken.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
