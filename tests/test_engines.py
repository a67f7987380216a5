"""How many workers a run starts (the cores it may use, never more than files), and what a
worker may cost: one file, whatever happens in it, and nothing once the run is gone."""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import pytest
from helpers.processes import alive, children
from typer.testing import CliRunner

from report_extract.api import _extract_task as _real_extract_task
from report_extract.api import run
from report_extract.cli import app
from report_extract.engines import _cgroup_cpu_limit, usable_cores
from report_extract.limits import WORKER_MEMORY_HEADROOM


def _write(root, files: dict[str, str]):
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content)
    return root


@pytest.mark.parametrize("files, limit", [
    ({"cpu.max": "max 100000\n"}, None),  # cgroup v2, no limit
    ({"cpu.max": "150000 100000\n"}, 2),  # 1.5 CPUs: two workers
    ({"cpu.max": "100000 100000\n"}, 1),
    ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),  # cgroup v1, no limit
    ({"cpu/cpu.cfs_quota_us": "300000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 3),
    ({}, None),  # no cgroup files (not Linux, or not mounted)
    ({"cpu.max": "garbage\n"}, None),
])
def test_a_container_cpu_limit_is_read_from_the_cgroup_files(tmp_path, files, limit):
    assert _cgroup_cpu_limit(_write(tmp_path, files)) == limit


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="CPU affinity is Linux's")
@pytest.mark.parametrize("cpu_max, cores", [("max 100000", 8), ("200000 100000", 2), ("1600000 100000", 8)])
def test_usable_cores_are_the_affinity_capped_by_the_limit(tmp_path, monkeypatch, cpu_max, cores):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(8)))
    assert usable_cores(_write(tmp_path, {"cpu.max": cpu_max})) == cores


def test_fewer_than_one_job_is_refused_with_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "out"), "--jobs", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '--jobs'" in result.output
    assert not (tmp_path / "out").exists()


# --- workers: one per file at most, in a capped process that dies with the run ---------------

_TEXT = "Năm 2023, Hội kết nạp 120 hội viên mới.\n"


def _inputs(root: Path, names: list[str]) -> Path:
    root.mkdir()
    for name in names:
        (root / name).write_text(_TEXT, encoding="utf-8")
    return root


def _documents(out: Path) -> dict[str, dict]:
    import pyarrow.parquet as pq

    return {doc["source"]: doc for doc in pq.read_table(out / "documents.parquet").to_pylist()}


def _run_in_child(code: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=False, capture_output=True, text=True,
                          timeout=timeout)


def test_a_parser_crash_with_one_job_costs_that_file_only(tmp_path):
    """--jobs 1 (a 1-CPU container) extracts in a worker too: a SIGSEGV there is one file's
    error row, not the end of the run."""
    inputs = _inputs(tmp_path / "in", ["a.txt", "crash.txt", "c.txt"])
    done = _run_in_child(f"""
        import os, signal
        import report_extract.api as api

        real = api._extract_task

        def crash_on_one(task):
            if task[1] == "crash.txt":
                os.kill(os.getpid(), signal.SIGSEGV)
            return real(task)

        api._extract_task = crash_on_one
        api.run([{str(inputs)!r}], {str(tmp_path / "out")!r}, jobs=1)
    """)
    assert done.returncode == 0, done.stderr[-2000:]
    docs = _documents(tmp_path / "out")
    assert {source: doc["status"] for source, doc in docs.items()} == {"a.txt": "ok", "crash.txt": "error",
                                                                        "c.txt": "ok"}
    assert "died" in docs["crash.txt"]["error"]


_ALLOCATED: list[bytearray] = []


def _extract_or_take_all_memory(task):
    if task[1] == "greedy.txt":
        _ALLOCATED.append(bytearray(WORKER_MEMORY_HEADROOM + (1 << 30)))  # never touched: no real memory
    return _real_extract_task(task)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the address-space cap is set on Linux")
def test_a_file_past_the_memory_cap_gets_an_error_row_and_the_others_are_extracted(tmp_path, monkeypatch):
    from report_extract import api

    monkeypatch.setattr(api, "_extract_task", _extract_or_take_all_memory)
    inputs = _inputs(tmp_path / "in", ["a.txt", "greedy.txt", "c.txt"])
    summary = api.run([inputs], tmp_path / "out", jobs=1)
    docs = _documents(tmp_path / "out")
    assert {source: doc["status"] for source, doc in docs.items()} == {"a.txt": "ok", "greedy.txt": "error",
                                                                        "c.txt": "ok"}
    assert "out of memory" in docs["greedy.txt"]["error"]
    assert summary.n_quantities == 2 and not _ALLOCATED  # and the allocation never happened here


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; PR_SET_PDEATHSIG is Linux's")
def test_killing_the_run_ends_its_workers(tmp_path):
    inputs = _inputs(tmp_path / "in", ["a.txt", "b.txt", "c.txt"])
    code = textwrap.dedent(f"""
        import time
        import report_extract.api as api

        def slow(task):
            time.sleep(60)

        api._extract_task = slow
        api.run([{str(inputs)!r}], {str(tmp_path / "out")!r}, jobs=2)
    """)
    run = subprocess.Popen([sys.executable, "-c", code])
    workers: set[int] = set()
    try:
        deadline = time.time() + 60
        while len(workers := children(run.pid)) < 2 and time.time() < deadline:
            time.sleep(0.05)
        assert len(workers) == 2, "the run did not start its workers"
        time.sleep(0.5)  # they are past their start and waiting on a task
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        deadline = time.time() + 5
        while any(alive(pid) for pid in workers) and time.time() < deadline:
            time.sleep(0.05)
        assert not any(alive(pid) for pid in workers), "workers outlived the killed run"
    finally:
        for pid in workers | children(run.pid) | {run.pid}:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def test_no_more_workers_than_files(tmp_path, monkeypatch):
    """--jobs 1000 over 3 files starts 3 workers, not 1,000 (each holds ~130 MB)."""
    started = []
    real_start = multiprocessing.process.BaseProcess.start

    def counted_start(process):
        started.append(process)
        if len(started) > 10:
            raise RuntimeError("more than 10 workers started for 3 files")
        real_start(process)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", counted_start)
    inputs = _inputs(tmp_path / "in", ["a.txt", "b.txt", "c.txt"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # 3 workers may be more than this machine's cores
        summary = run([inputs], tmp_path / "out", jobs=1000)
    assert summary.n_documents == 3 and summary.n_quantities == 3
    assert 1 <= len(started) <= 3


def test_more_workers_than_cores_only_with_a_warning(tmp_path, monkeypatch):
    from report_extract import engines

    monkeypatch.setattr(engines, "usable_cores", lambda: 1)
    inputs = _inputs(tmp_path / "in", ["a.txt", "b.txt", "c.txt"])
    with pytest.warns(RuntimeWarning, match="2 workers for 1 usable cores"):
        summary = run([inputs], tmp_path / "out", jobs=2)
    assert summary.n_quantities == 3
