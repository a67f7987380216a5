"""A pool of worker processes on this machine (or none, for --jobs 1).

A worker that dies (killed for memory, or by a crash in a parser) must not hang or end the
run: the pool is started again, the tasks it had are done again one at a time, and the one
that kills its worker a second time is reported as lost.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, TypeVar

from . import TASKS_PER_MESSAGE, batches, run_batch

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
        """Results in task order; `lost(task)` stands for a task whose worker died twice. At
        most a small window of tasks is in flight, so results never pile up in memory when
        the writer is slower than the workers."""
        if self.jobs == 1:
            yield from map(fn, tasks)
            return
        in_flight: deque[tuple[list[T], ProcessPoolExecutor, Future]] = deque()
        for batch in batches(tasks, TASKS_PER_MESSAGE):
            in_flight.append((batch, *self._submit(run_batch, fn, batch)))
            if len(in_flight) >= _WINDOW_PER_WORKER * self.jobs:
                yield from self._results(fn, *in_flight.popleft(), lost)
        while in_flight:
            yield from self._results(fn, *in_flight.popleft(), lost)

    def _results(self, fn: Callable[[T], R], batch: list[T], pool: ProcessPoolExecutor, future: Future,
                 lost: Callable[[T], R]) -> list[R]:
        try:
            return future.result()
        except BrokenProcessPool:
            self._replace(pool)
            return [self._alone(fn, task, lost) for task in batch]

    def _alone(self, fn: Callable[[T], R], task: T, lost: Callable[[T], R]) -> R:
        """One task by itself in a worker: if it kills that worker too, it is the culprit."""
        pool, future = self._submit(fn, task)
        try:
            return future.result()
        except BrokenProcessPool:
            self._replace(pool)
            return lost(task)

    def _submit(self, *call) -> tuple[ProcessPoolExecutor, Future]:
        """The pool and the future of `call`; a pool found broken on submitting is replaced."""
        pool = self._running_pool()
        try:
            return pool, pool.submit(*call)
        except BrokenProcessPool:
            self._replace(pool)
            pool = self._running_pool()
            return pool, pool.submit(*call)

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
