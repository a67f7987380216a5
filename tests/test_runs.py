"""Batch runs: incremental and deterministic, atomic under a kill, robust to bad files, and
the same tables whichever engine and however many workers."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from report_extract.api import _extract_task as _real_extract_task
from report_extract.api import run

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate_corpus import generate  # noqa: E402


def tables(out: Path) -> dict:
    return {
        "indicators": ds.dataset(out / "indicators", format="parquet", partitioning="hive").to_table(),
        "documents": pq.read_table(out / "documents.parquet"),
        "yearly": pq.read_table(out / "yearly.parquet"),
    }


def assert_same_tables(a: Path, b: Path) -> None:
    left, right = tables(a), tables(b)
    for name in left:
        assert left[name].equals(right[name]), name


def copy_samples(target: Path) -> Path:
    """The six text samples: runs, reuse and engines are about files, not formats."""
    shutil.copytree(SAMPLES, target, ignore=shutil.ignore_patterns("formal-*"))
    return target


def test_rerun_reuses_unchanged_files_and_matches_a_fresh_run(tmp_path):
    inputs = copy_samples(tmp_path / "in")
    out = tmp_path / "out"
    first = run([inputs], out)
    assert first.n_reused == 0 and first.n_documents == 6
    again = run([inputs], out)
    assert again.n_reused == 6
    report = inputs / "hoi-phu-nu-tong-ket-2021.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("1.326", "1.327"), encoding="utf-8")
    (inputs / "ubnd-xa-9-thang-2024.md").unlink()
    changed = run([inputs], out)
    assert (changed.n_documents, changed.n_reused) == (5, 4)
    fresh = tmp_path / "fresh"
    run([inputs], fresh, incremental=False)
    assert_same_tables(out, fresh)
    files = sorted(path.relative_to(fresh) for path in fresh.rglob("*.parquet"))
    assert files == sorted(path.relative_to(out) for path in out.rglob("*.parquet"))
    for name in files:  # reused rows are copied as Arrow, extracted ones built from Python: same bytes
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    values = tables(out)["indicators"].column("value").to_pylist()
    assert 1327 in values and 1326 not in values


def test_reused_and_extracted_rows_reach_parquet_as_one_chunk_per_column(tmp_path, monkeypatch):
    """Parquet pages break where Arrow chunks do: rows read back from the previous output
    (Arrow) and rows just extracted (Python) must be written as one chunk per column, or a
    rerun would write other bytes than a fresh run once a column outgrows a page."""
    inputs, out = copy_samples(tmp_path / "in"), tmp_path / "out"
    run([inputs], out)
    report = inputs / "hoi-phu-nu-tong-ket-2021.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("1.326", "1.327"), encoding="utf-8")
    chunks = []
    write_table = pq.ParquetWriter.write_table

    def recording(writer, table, *args, **kwargs):
        chunks.append({table.column(i).num_chunks for i in range(table.num_columns)})
        return write_table(writer, table, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", recording)
    again = run([inputs], out)
    assert (again.n_documents, again.n_reused) == (6, 5)
    assert chunks and all(counts == {1} for counts in chunks)


def test_only_files_that_may_be_unchanged_are_hashed_to_decide_reuse(tmp_path, monkeypatch):
    """A first run, or a file of another size, needs no hash: the extraction reads it anyway."""
    import report_extract.api as api

    hashed = []
    real = api._sha256_of
    monkeypatch.setattr(api, "_sha256_of", lambda path: hashed.append(path.name) or real(path))
    inputs = copy_samples(tmp_path / "in")
    out = tmp_path / "out"
    run([inputs], out)
    assert hashed == []
    report = inputs / "hoi-phu-nu-tong-ket-2021.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = run([inputs], out)
    assert again.n_reused == 5
    assert len(hashed) == 5 and report.name not in hashed


def test_progress_counts_every_file_in_order_reused_or_extracted(tmp_path):
    inputs = copy_samples(tmp_path / "in")
    out = tmp_path / "out"
    run([inputs], out)
    (inputs / "ubnd-xa-9-thang-2024.md").unlink()
    seen = []
    summary = run([inputs], out, jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert summary.n_reused == 5
    assert seen == [(i, 5) for i in range(1, 6)]


def _double_or_die(task: int) -> int:
    if task == 3:
        os._exit(1)  # as a worker killed for memory, or crashed in a parser
    return task * 2


def _assert_the_killer_task_is_lost_in_place(engine) -> None:
    """70 tasks on `engine`, of which task 3 kills every worker it runs on."""
    try:
        results = list(engine.map(_double_or_die, range(70), lambda task: ("lost", task)))
    finally:
        engine.close()
    assert results == [0, 2, 4, ("lost", 3)] + [task * 2 for task in range(4, 70)]


def test_a_dead_worker_neither_hangs_nor_ends_the_run():
    """The other tasks of a dead worker's batches are done again; the one that kills its
    worker again is reported lost, in its place."""
    from report_extract.engines.local import LocalEngine

    _assert_the_killer_task_is_lost_in_place(LocalEngine(2))


def test_a_task_that_kills_dask_workers_is_reported_lost_in_its_place():
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.distributed")
    from report_extract.engines.dask import DaskEngine

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):  # give up at the first death
        _assert_the_killer_task_is_lost_in_place(DaskEngine(2))


def _extract_or_die(task: tuple[str, str, str]):
    if task[1].startswith("ubnd-"):
        os._exit(1)
    return _real_extract_task(task)


def test_a_file_that_kills_its_worker_is_reported_and_the_others_are_extracted(tmp_path, monkeypatch):
    import report_extract.api as api

    monkeypatch.setattr(api, "_extract_task", _extract_or_die)
    inputs = copy_samples(tmp_path / "in")
    summary = run([inputs], tmp_path / "out", jobs=2)
    docs = {d["source"]: d for d in tables(tmp_path / "out")["documents"].to_pylist()}
    lost = [source for source, doc in docs.items() if doc["status"] != "ok"]
    assert lost == ["ubnd-xa-9-thang-2024.md"] and "died" in docs[lost[0]]["error"]
    assert summary.n_documents == 6 and [d["source"] for d in summary.failures] == lost


def test_parallel_workers_give_the_same_tables(tmp_path):
    inputs = copy_samples(tmp_path / "in")
    run([inputs], tmp_path / "one", jobs=1)
    run([inputs], tmp_path / "two", jobs=2)
    assert_same_tables(tmp_path / "one", tmp_path / "two")


def test_extraction_in_a_fresh_process_loads_neither_arrow_nor_spacy():
    """Dask starts its workers as fresh processes: each one that only extracts should not pay
    for Arrow (about 40 MB) or spaCy, which only writing tables and showing results need."""
    code = ("import sys; from report_extract.api import extract_text; "
            "extraction = extract_text('Năm 2023, Hội kết nạp 120 hội viên mới.'); "
            "assert extraction.quantities, 'nothing extracted'; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'pyarrow', 'spacy', 'pandas'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_run_with_nothing_to_extract_does_not_load_the_segmenter(tmp_path):
    """A nightly run over an archive where no file changed only copies published rows: the
    word segmenter (~85 MB, ~0.5 s) is not loaded for it."""
    inputs, out = copy_samples(tmp_path / "in"), tmp_path / "out"
    code = ("import sys; from report_extract.api import run; "
            f"summary = run([{str(inputs)!r}], {str(out)!r}, jobs=2); "
            "print(summary.n_documents, summary.n_reused, 'underthesea' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert first.stdout.split() == ["6", "0", "True"]
    assert again.stdout.split() == ["6", "6", "False"]


def test_an_unreachable_dask_scheduler_is_a_clear_error(tmp_path):
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.distributed")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), \
            pytest.raises(RuntimeError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        run([copy_samples(tmp_path / "in")], tmp_path / "out", engine="dask", scheduler="tcp://127.0.0.1:9")
    assert not (tmp_path / "out").exists()


def test_the_local_dask_cluster_runs_its_workers_without_the_profiler():
    """The profiler keeps a profile a second in every worker, which no one sees without a
    dashboard: memory that grows through a long run."""
    pytest.importorskip("dask.distributed")
    from report_extract.engines.dask import DaskEngine

    engine = DaskEngine(2)
    try:
        profiling = engine._client.run(lambda dask_worker: "profile" in dask_worker.periodic_callbacks)
    finally:
        engine.close()
    assert list(profiling.values()) == [False, False]


def test_dask_engine_gives_the_same_tables(tmp_path):
    pytest.importorskip("dask.distributed")
    inputs = copy_samples(tmp_path / "in")
    run([inputs], tmp_path / "local", jobs=1)
    run([inputs], tmp_path / "dask", engine="dask", jobs=2)
    assert_same_tables(tmp_path / "local", tmp_path / "dask")
    for partition in (tmp_path / "dask" / "indicators").iterdir():
        assert len(list(partition.iterdir())) == 1  # one file per partition at this size


def test_a_killed_run_leaves_the_previous_output_and_the_next_run_completes(tmp_path):
    inputs = tmp_path / "in"
    generate(str(inputs), 300, 7)
    out = tmp_path / "out"
    run([copy_samples(tmp_path / "previous-inputs")], out)  # a previous, complete output
    before = tables(out)
    cmd = [sys.executable, "-c", "import sys; from report_extract.cli import app; sys.argv[0]='report-extract'; app()",
           "run", str(inputs), "--out", str(out), "--jobs", "1"]
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging = list(tmp_path.glob(".out.staging-*"))
    deadline = time.time() + 60
    while not staging and time.time() < deadline:  # wait until it is writing its tables
        time.sleep(0.05)
        staging = list(tmp_path.glob(".out.staging-*"))
    time.sleep(1.0)
    assert child.poll() is None, "the run finished before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    after = tables(out)
    for name in before:
        assert before[name].equals(after[name]), name
    assert not list(out.glob("*staging*")) and sorted(p.name for p in out.iterdir()) == [
        "documents.parquet", "indicators", "report-extract.json", "yearly.parquet"]
    summary = run([inputs], out)
    assert summary.n_documents == 300
    assert not list(tmp_path.glob(".out.staging-*"))
    run([inputs], tmp_path / "fresh", incremental=False)
    assert_same_tables(out, tmp_path / "fresh")


def test_bad_files_are_reported_and_good_files_are_unaffected(tmp_path):
    good = tmp_path / "good"
    nested = good / "Báo cáo 2023" / "Hội Nông dân xã"
    nested.mkdir(parents=True)
    shutil.copy(SAMPLES / "hoi-nong-dan-so-ket-6-thang-2024.txt", nested / "sơ kết 6 tháng.txt")
    shutil.copy(SAMPLES / "bao-cao-tuyen-giao-2023.txt", good / "tuyen-giao.txt")
    big = (SAMPLES / "doan-thanh-nien-tong-ket-2022.txt").read_text(encoding="utf-8")
    (good / "lon.txt").write_text(big * (5_000_000 // len(big.encode()) + 1), encoding="utf-8")
    assert (good / "lon.txt").stat().st_size > 5_000_000
    mixed = tmp_path / "mixed"
    shutil.copytree(good, mixed)
    (mixed / "empty.txt").write_bytes(b"")
    (mixed / "binary.pdf").write_bytes(bytes(range(256)) * 64)
    (mixed / "truncated.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40)
    (mixed / "page.txt").write_text("<html><body><article><p>Hội kết nạp 12 hội viên.</p></article></body></html>",
                                    encoding="utf-8")  # an HTML page saved as .txt
    (mixed / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    summary = run([mixed], tmp_path / "out-mixed", jobs=2)
    docs = {d["source"]: d for d in pq.read_table(tmp_path / "out-mixed" / "documents.parquet").to_pylist()}
    expected = {"Báo cáo 2023/Hội Nông dân xã/sơ kết 6 tháng.txt", "tuyen-giao.txt", "lon.txt", "empty.txt",
                "binary.pdf", "truncated.docx", "page.txt"}
    assert set(docs) == expected and summary.n_documents == len(expected)
    for name in ("empty.txt", "binary.pdf", "truncated.docx"):
        assert docs[name]["status"] != "ok" and docs[name]["error"], name
    assert docs["page.txt"]["format"] == "html" and docs["page.txt"]["n_quantities"] == 1
    run([good], tmp_path / "out-good", jobs=2)
    mixed_rows = tables(tmp_path / "out-mixed")["indicators"].to_pylist()
    good_rows = tables(tmp_path / "out-good")["indicators"].to_pylist()
    kept = {d["source"] for d in pq.read_table(tmp_path / "out-good" / "documents.parquet").to_pylist()}
    assert [r for r in mixed_rows if r["source"] in kept] == good_rows
