"""How many workers a run starts by default: the cores it may use, not the host's."""
from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from report_extract.cli import app
from report_extract.engines import _cgroup_cpu_limit, usable_cores


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
