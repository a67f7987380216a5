"""--out: only an output of this tool is ever replaced, one run at a time, and faults lose nothing."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from helpers.processes import alive, children
from typer.testing import CliRunner

from report_extract import publish
from report_extract.api import run
from report_extract.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
runner = CliRunner()
CLI = [sys.executable, "-c", "import sys; from report_extract.cli import app; sys.argv[0]='report-extract'; app()"]

REPORT = ("Năm 2023, Hội Nông dân huyện Đông Sơn đã tổ chức 15 lớp tập huấn cho 1.200 hội viên, "
          "kết nạp 340 hội viên mới.\n")


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under `folder` with a digest of its bytes: equal snapshots, untouched folder."""
    found = {}
    for parent, subfolders, names in os.walk(folder):
        for name in subfolders:
            found[os.path.relpath(os.path.join(parent, name), folder) + "/"] = "dir"
        for name in names:
            path = os.path.join(parent, name)
            found[os.path.relpath(path, folder)] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return found


def reports(folder: Path, n: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"r{i}.txt").write_text(REPORT.replace("15 lớp", f"{15 + i} lớp"), encoding="utf-8")
    return folder


def invoke(*args: str):
    return runner.invoke(app, ["run", *map(str, args)])


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".staging-" in p.name or ".previous" in p.name)


def test_a_folder_of_the_users_files_is_refused_and_left_as_it_was(tmp_path):
    inputs = reports(tmp_path / "in")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "plan.docx").write_bytes(b"not ours")
    (notes / "sub").mkdir()
    (notes / "sub" / "a.txt").write_text("x")
    before = snapshot(notes)
    result = invoke(inputs, "--out", notes)
    assert result.exit_code == 2
    assert f"--out {notes} is an existing folder that this tool did not write" in result.output
    assert snapshot(notes) == before
    assert leftovers(tmp_path) == []


def test_the_input_folder_and_a_folder_containing_an_input_are_refused(tmp_path):
    inputs = reports(tmp_path / "in" / "2023")
    for out in (inputs, tmp_path / "in"):
        before = snapshot(tmp_path / "in")
        result = invoke(inputs, "--out", out)
        assert result.exit_code == 2, result.output
        assert "is an input folder or contains the input" in result.output
        assert snapshot(tmp_path / "in") == before
    one_file = inputs / "r0.txt"
    result = invoke(one_file, "--out", inputs)  # a folder that holds a file named as input
    assert result.exit_code == 2 and "contains the input" in result.output


def test_the_current_folder_and_the_root_are_refused(tmp_path, monkeypatch):
    inputs = reports(tmp_path / "in")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    for out in (".", str(tmp_path), "/"):
        result = invoke(inputs, "--out", out)
        assert result.exit_code == 2, (out, result.output)
        assert "current folder" in result.output or "root of the file system" in result.output
    assert list(work.iterdir()) == [] and leftovers(tmp_path) == []


def test_an_existing_file_given_as_out_is_refused_and_kept(tmp_path):
    inputs = reports(tmp_path / "in")
    target = tmp_path / "results.xlsx"
    target.write_bytes(b"a spreadsheet")
    result = invoke(inputs, "--out", target)
    assert result.exit_code == 2 and "is an existing file, not a folder" in result.output
    assert target.read_bytes() == b"a spreadsheet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "results.xlsx"]


def test_a_symbolic_link_as_out_is_refused(tmp_path):
    inputs = reports(tmp_path / "in")
    run([inputs], tmp_path / "real")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    result = invoke(inputs, "--out", tmp_path / "link")
    assert result.exit_code == 2 and "is a symbolic link" in result.output


def test_new_empty_and_earlier_outputs_are_written_and_rewritten(tmp_path):
    inputs = reports(tmp_path / "in")
    fresh = tmp_path / "a" / "b" / "out"
    assert invoke(inputs, "--out", fresh).exit_code == 0
    manifest = json.loads((fresh / publish.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["program"] == "report-extract" and manifest["inputs"] == [str(inputs)]
    assert set(manifest["files"]) == {"documents.parquet", "yearly.parquet", "indicators/year=2023/part-0.parquet"}
    empty = tmp_path / "empty"
    empty.mkdir()
    assert invoke(inputs, "--out", empty).exit_code == 0 and publish.is_output(empty)
    (inputs / "r3.txt").write_text(REPORT, encoding="utf-8")
    result = invoke(inputs, "--out", fresh)
    assert result.exit_code == 0 and "4 files (3 unchanged)" in result.output
    assert pq.read_table(fresh / "documents.parquet").num_rows == 4
    assert leftovers(fresh.parent) == [] and leftovers(tmp_path) == []


def test_an_output_written_before_manifests_is_recognised_and_replaced(tmp_path):
    inputs = reports(tmp_path / "in")
    out = tmp_path / "out"
    run([inputs], out)
    (out / publish.MANIFEST).unlink()  # what version 0.1 left: the three tables alone
    assert publish.is_output(out)
    assert invoke(inputs, "--out", out).exit_code == 0
    assert (out / publish.MANIFEST).is_file()


def test_files_a_user_put_into_an_output_stop_the_run_and_are_kept(tmp_path):
    inputs = reports(tmp_path / "in")
    out = tmp_path / "out"
    run([inputs], out)
    (out / "my-notes.txt").write_text("mine")
    before = snapshot(out)
    result = invoke(inputs, "--out", out)
    assert result.exit_code == 2 and "holds files this tool did not write (my-notes.txt)" in result.output
    assert snapshot(out) == before


def test_a_replaced_output_loses_only_the_files_its_manifest_lists(tmp_path):
    """A file dropped into an output after the check survives the swap, beside it."""
    inputs = reports(tmp_path / "in")
    out = tmp_path / "out"
    run([inputs], out)
    with publish.claimed_output(out, [inputs]) as claimed:
        (out / "late.txt").write_text("mine")
        claimed.staging.joinpath("documents.parquet").write_bytes(b"")
        claimed.publish("1", [inputs])
    kept = [p for p in tmp_path.iterdir() if p.name.startswith(".out.previous-")]
    assert len(kept) == 1 and [p.name for p in kept[0].iterdir()] == ["late.txt"]
    assert any("did not write" in note for note in claimed.notes)


def _as_an_ordinary_user(monkeypatch) -> None:
    """Root may delete in read-only folders; an ordinary user may not. Tests that run as root
    get the ordinary user's rule, so that what they check holds for both."""
    if os.geteuid() != 0:
        return

    def guarded(real):
        def call(path, *args, **kwargs):
            if not os.stat(os.path.dirname(os.path.abspath(path))).st_mode & 0o200:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real(path, *args, **kwargs)
        return call

    monkeypatch.setattr(os, "unlink", guarded(os.unlink))
    monkeypatch.setattr(os, "rmdir", guarded(os.rmdir))


def test_a_read_only_previous_output_is_replaced_and_later_runs_work(tmp_path, monkeypatch):
    inputs = reports(tmp_path / "in")
    out = tmp_path / "out"
    run([inputs], out)
    for parent, _, names in os.walk(out):
        for name in names:
            os.chmod(os.path.join(parent, name), 0o444)
    for parent, subfolders, _ in os.walk(out, topdown=False):
        for name in subfolders:
            os.chmod(os.path.join(parent, name), 0o555)
    os.chmod(out, 0o555)
    _as_an_ordinary_user(monkeypatch)
    for _ in range(2):
        result = invoke(inputs, "--out", out, "--no-incremental")
        assert result.exit_code == 0, result.output
        assert leftovers(tmp_path) == []


def test_a_second_run_on_a_locked_output_is_refused_naming_the_first(tmp_path):
    inputs = reports(tmp_path / "in")
    out = tmp_path / "out"
    with publish.claimed_output(out, [inputs]):
        second = subprocess.run([*CLI, "run", str(inputs), "--out", str(out)], capture_output=True, text=True,
                                timeout=300)
    assert second.returncode == 2
    assert second.stderr.startswith(f"error: another report-extract run (pid {os.getpid()}, started ")
    assert f"is writing {out}; wait for it to finish or give another --out" in second.stderr
    assert not out.exists() and leftovers(tmp_path) == []


def test_two_runs_at_once_leave_one_complete_output(tmp_path):
    inputs = reports(tmp_path / "in", 300)
    out = tmp_path / "out"
    runs = [subprocess.Popen([*CLI, "run", str(inputs), "--out", str(out), "--jobs", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    codes = sorted(child.wait(timeout=300) for child in runs)
    assert codes in ([0, 0], [0, 2]), [child.stderr.read() for child in runs]  # 0, 0: one after the other
    assert pq.read_table(out / "documents.parquet").num_rows == 300
    assert pq.read_table(out / "indicators").num_rows == 300 * 3
    assert leftovers(tmp_path) == []


def test_the_lock_of_a_killed_run_does_not_outlive_it(tmp_path):
    inputs = reports(tmp_path / "in", 300)
    out = tmp_path / "out"
    child = subprocess.Popen([*CLI, "run", str(inputs), "--out", str(out), "--jobs", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while not list(tmp_path.glob(".out.staging-*")) and time.time() < deadline:
        time.sleep(0.02)
    child.kill()
    child.wait()
    result = invoke(inputs, "--out", out)
    assert result.exit_code == 0, result.output
    assert pq.read_table(out / "documents.parquet").num_rows == 300 and leftovers(tmp_path) == []


@pytest.mark.parametrize("signum, code, jobs, whole_group", [
    (signal.SIGTERM, 143, 1, False), (signal.SIGINT, 130, 1, False),
    (signal.SIGTERM, 143, 2, False), (signal.SIGINT, 130, 2, True),  # Ctrl-C in a terminal: the whole group
])
def test_a_stopped_run_says_so_keeps_the_previous_output_and_leaves_nothing(tmp_path, signum, code, jobs,
                                                                           whole_group):
    inputs = reports(tmp_path / "in", 6000)
    out = tmp_path / "out"
    run([SAMPLES], out)
    before = snapshot(out)
    child = subprocess.Popen([*CLI, "run", str(inputs), "--out", str(out), "--jobs", str(jobs)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 60
    while len(children(child.pid)) < jobs and time.time() < deadline:  # extraction under way
        time.sleep(0.05)
    time.sleep(0.5)
    workers = children(child.pid)
    assert len(workers) >= jobs and child.poll() is None
    if whole_group:
        os.killpg(child.pid, signum)
    else:
        child.send_signal(signum)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == code, stderr
    assert "interrupted" in stderr and "previous output is kept" in stderr and "Traceback" not in stderr
    assert snapshot(out) == before and leftovers(tmp_path) == []
    deadline = time.time() + 5
    while any(alive(pid) for pid in workers) and time.time() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)


def test_an_interrupted_run_does_not_wait_for_the_files_in_flight(tmp_path):
    """SIGTERM while every worker is deep in a file: the run ends now, not when the files are done."""
    inputs = reports(tmp_path / "in", 4)
    code = textwrap.dedent(f"""
        import sys, time
        import report_extract.api as api
        from report_extract.cli import app

        def slow(task):
            time.sleep(120)

        api._extract_task = slow
        sys.argv[0] = "report-extract"
        app(["run", {str(inputs)!r}, "--out", {str(tmp_path / "out")!r}, "--jobs", "2"])
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while len(children(child.pid)) < 2 and time.time() < deadline:
        time.sleep(0.05)
    workers = children(child.pid)
    time.sleep(0.5)
    started = time.time()
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=60)
    assert time.time() - started < 10 and child.returncode == 143, stderr
    assert not any(alive(pid) for pid in workers)
    assert not (tmp_path / "out").exists() and leftovers(tmp_path) == []


def test_a_full_disk_is_one_sentence_and_the_previous_output_stays(tmp_path, monkeypatch):
    inputs = reports(tmp_path / "in")
    out = tmp_path / "out"
    run([SAMPLES], out)
    before = snapshot(out)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    result = invoke(inputs, "--out", out)
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: cannot write the output in {tmp_path}: no space left on device; "
                                     "the previous output is kept")
    assert snapshot(out) == before and leftovers(tmp_path) == []
    monkeypatch.undo()
    assert invoke(inputs, "--out", out).exit_code == 0


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB file system of its own (tmpfs), where the machine lets the tests mount one (root)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a small file system here (needs root)")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=True)


def test_a_disk_that_fills_up_during_a_run_keeps_the_previous_output(small_disk, tmp_path):
    inputs = reports(tmp_path / "in", 2000)
    out = small_disk / "out"
    run([SAMPLES], out)
    before = snapshot(out)
    free = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(b"x" * (free.f_bavail * free.f_frsize - 60_000))
    result = invoke(inputs, "--out", out)
    assert result.exit_code == 2, result.output
    assert result.output.strip().startswith("error: cannot write ") and "no space left on device" in result.output
    assert result.output.strip().endswith("the previous output is kept")
    assert snapshot(out) == before and leftovers(small_disk) == []
    (small_disk / "filler").unlink()
    assert invoke(inputs, "--out", out).exit_code == 0


def test_a_read_only_file_system_is_one_sentence_and_the_output_stays(small_disk, tmp_path):
    inputs = reports(tmp_path / "in")
    out = small_disk / "out"
    run([inputs], out)
    before = snapshot(out)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = invoke(inputs, "--out", out)
    assert result.exit_code == 2
    assert result.output.strip() == f"error: cannot write in {small_disk}: read-only file system"
    assert snapshot(out) == before


def test_a_folder_that_cannot_be_written_is_one_sentence(tmp_path, monkeypatch):
    inputs = reports(tmp_path / "in")
    real_mkdir = Path.mkdir

    def read_only(self, *args, **kwargs):
        if ".staging-" in self.name:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only)
    result = invoke(inputs, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output.strip() == f"error: cannot write in {tmp_path}: read-only file system; " \
                                    "the previous output is kept"


def test_a_damaged_previous_output_is_noted_and_extracted_again(tmp_path):
    inputs = reports(tmp_path / "in")
    out = tmp_path / "out"
    run([inputs], out)
    fresh = tmp_path / "fresh"
    run([inputs], fresh)
    part = out / "indicators" / "year=2023" / "part-0.parquet"
    os.chmod(part, 0o644)
    part.write_bytes(part.read_bytes()[:100])  # cut short: its footer is gone
    result = invoke(inputs, "--out", out)
    assert result.exit_code == 0, result.output
    assert "could not be read" in result.output and "0 unchanged" in result.output
    assert pq.read_table(out / "documents.parquet").equals(pq.read_table(fresh / "documents.parquet"))


def test_a_previous_output_missing_rows_is_extracted_again(tmp_path):
    """Rows that vanished from a partition are not silently dropped from the new output."""
    inputs = reports(tmp_path / "in")
    out = tmp_path / "out"
    run([inputs], out)
    part = out / "indicators" / "year=2023" / "part-0.parquet"
    table = pq.read_table(part)
    pq.write_table(table.slice(0, table.num_rows - 2), part)
    summary = run([inputs], out)
    assert summary.n_reused == 0 and any("could not be read back" in note for note in summary.notes)
    assert pq.read_table(out / "indicators").num_rows == table.num_rows


def test_a_run_killed_between_its_two_renames_is_repaired_by_the_next(tmp_path):
    inputs = reports(tmp_path / "in")
    out = tmp_path / "out"
    run([inputs], out)
    before = snapshot(out)
    os.rename(out, tmp_path / ".out.previous-999999")  # the old output moved aside, the new one never came
    with publish.claimed_output(out, [inputs]):
        assert snapshot(out) == before
    assert leftovers(tmp_path) == []


def test_a_folder_beside_out_that_looks_like_staging_but_is_not_ours_is_kept(tmp_path):
    inputs = reports(tmp_path / "in")
    stranger = tmp_path / ".out.staging-1"
    stranger.mkdir()
    (stranger / "keep.txt").write_text("mine")
    assert invoke(inputs, "--out", tmp_path / "out").exit_code == 0
    assert (stranger / "keep.txt").read_text() == "mine"
