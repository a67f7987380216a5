"""A pool of worker processes on this machine (or none, for --jobs 1)."""
from __future__ import annotations

import multiprocessing
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class LocalEngine:
    def __init__(self, jobs: int):
        self.jobs = max(1, jobs)
        self._pool = None
        if self.jobs > 1:
            # fork shares the loaded rules and segmenter model with the workers for free
            context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
            self._pool = context.Pool(self.jobs, maxtasksperchild=2000)

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        if self._pool is None:
            return map(fn, tasks)
        return self._pool.imap(fn, tasks, chunksize=8)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
