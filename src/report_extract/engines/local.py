"""A pool of worker processes on this machine (or none, for --jobs 1)."""
from __future__ import annotations

import multiprocessing
from collections import deque
from typing import Callable, Iterable, Iterator, TypeVar

from . import TASKS_PER_MESSAGE, batches, run_batch

T = TypeVar("T")
R = TypeVar("R")

_WINDOW_PER_WORKER = 3  # chunks in flight per worker: enough to keep it busy, never a backlog


class LocalEngine:
    def __init__(self, jobs: int):
        self.jobs = max(1, jobs)
        self._pool = None
        if self.jobs > 1:
            # fork shares the loaded rules and segmenter model with the workers for free
            context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
            self._pool = context.Pool(self.jobs, maxtasksperchild=2000)

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        """Results in task order. At most a small window of tasks is in flight, so results
        never pile up in memory when the writer is slower than the workers."""
        if self._pool is None:
            yield from map(fn, tasks)
            return
        in_flight: deque = deque()
        for chunk in batches(tasks, TASKS_PER_MESSAGE):
            in_flight.append(self._pool.apply_async(run_batch, (fn, chunk)))
            if len(in_flight) >= _WINDOW_PER_WORKER * self.jobs:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
