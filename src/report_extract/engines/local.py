"""A pool of worker processes on this machine, also for --jobs 1.

Every file is extracted in a worker, whose address space is capped, so that a parser that
crashes or a file that takes all memory costs that file only: a pool that a dead worker broke
is replaced (`engines.map_in_batches` does the dead worker's tasks again), instead of hanging
as `multiprocessing.Pool` does. Workers die with the main process, even when it is killed.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ..limits import WORKER_MEMORY_HEADROOM
from . import WorkerDied, map_in_batches

T = TypeVar("T")
R = TypeVar("R")

_WINDOW_PER_WORKER = 3  # batches in flight per worker: enough to keep it busy, never a backlog
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class LocalEngine:
    def __init__(self, jobs: int):
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None
        self._aborted = False
        # fork shares the loaded rules and segmenter model with the workers for free
        self._context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else None)

    def map(self, fn: Callable[[T], R], tasks: Iterable[T], lost: Callable[[T], R]) -> Iterator[R]:
        """Results in task order; `lost(task)` stands for a task whose worker died twice."""
        return map_in_batches(self._submit, fn, tasks, lost, _WINDOW_PER_WORKER * self.jobs)

    def _submit(self, *call) -> Callable[[], Any]:
        """Start `call` on the pool (replacing a pool found broken); what waits for its result."""
        pool = self._running_pool()
        try:
            future = pool.submit(*call)
        except BrokenProcessPool:
            self._replace(pool)
            pool = self._running_pool()
            future = pool.submit(*call)

        def wait() -> Any:
            try:
                return future.result()
            except BrokenProcessPool:
                self._replace(pool)
                raise WorkerDied from None
        return wait

    def _running_pool(self) -> ProcessPoolExecutor:
        if self._aborted:
            raise RuntimeError("the run was stopped: no more files are extracted")
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=self._context, initializer=start_worker,
                                             initargs=(os.getpid(), WORKER_MEMORY_HEADROOM))
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

    def abort(self) -> None:
        """Kill the workers rather than wait for their batches: a run that is interrupted
        (Ctrl-C, SIGTERM) or failed should end now, not after its largest file in flight."""
        self._aborted = True
        if self._pool is not None:
            for child in multiprocessing.active_children():
                child.kill()
            # not waited for: the pool's threads may be stuck on pipes to the killed workers
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def start_worker(parent: int, headroom: int) -> None:
    """In each worker before its first task: die with `parent`, and cap the address space at
    what the worker inherited plus `headroom`, so that a file that needs more fails alone
    (MemoryError, or the worker's death) instead of the machine running out of memory."""
    # Ctrl-C reaches every process of the terminal's group: the main process alone decides
    # what an interruption means (it ends the workers); SIGTERM simply ends a worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        # killed when the parent dies, even by SIGKILL: a worker waiting for tasks on its pipe
        # would otherwise live on, holding its memory
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the line above took effect
            os._exit(1)
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = _address_space() + headroom
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space() -> int:
    """Bytes of address space this process has mapped (VmSize): shared pages of the segmenter
    model and rules count in it, though fork does not copy them."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmSize in /proc/self/status")
