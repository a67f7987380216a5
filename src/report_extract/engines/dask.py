"""Run extraction on a Dask cluster (an existing engine: `pip install report-extract[dask]`).

Workers read the input files themselves, so on a real cluster the inputs must be on a
filesystem every worker sees under the same path. Files go out in batches (a report takes
milliseconds, a Dask task costs about as much to schedule), in a bounded window, and come
back in order; the client writes the tables, exactly as the local engine does.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from . import WorkerDied, map_in_batches

T = TypeVar("T")
R = TypeVar("R")

_WINDOW_PER_WORKER = 4  # batches in flight per worker: busy, yet no backlog of results


class DaskEngine:
    def __init__(self, jobs: int, scheduler: str | None = None):
        try:
            import dask
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # the optional extra is missing
            raise RuntimeError("the dask engine needs the extra: pip install 'report-extract[dask]'") from exc
        self._cluster: Any = None
        self._client: Any
        if scheduler:
            try:
                self._client = Client(scheduler)
            except OSError as exc:  # unreachable or not a scheduler: say so, not a traceback
                raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            # A cluster of our own has no dashboard to show its workers' profiles, and the
            # profiler keeps one a second (up to 1,000): on 50,000 reports each worker grew by
            # ~17 MB in four minutes with it, stayed flat without it.
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                self._cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                             dashboard_address=None)
            self._client = Client(self._cluster)
        workers = len(self._client.scheduler_info().get("workers", {})) or max(1, jobs)
        self._window = _WINDOW_PER_WORKER * workers

    def map(self, fn: Callable[[T], R], tasks: Iterable[T], lost: Callable[[T], R]) -> Iterator[R]:
        """Results in task order; `lost(task)` stands for a task that Dask gave up on because
        it kept killing workers."""
        return map_in_batches(self._submit, fn, tasks, lost, self._window)

    def _submit(self, *call) -> Callable[[], Any]:
        from dask.distributed import KilledWorker

        future = self._client.submit(*call, pure=False)

        def wait() -> Any:
            try:
                return future.result()
            except KilledWorker:
                raise WorkerDied from None
        return wait

    def abort(self) -> None:
        """Closing the client cancels its tasks; the cluster's own workers stop with it."""
        self.close()

    def close(self) -> None:
        """Idempotent: the run closes the engine as soon as the last result is in."""
        if self._client is None:
            return
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None
