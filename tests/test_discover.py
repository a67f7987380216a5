"""Every entry under an input gets a row, and nothing blocks: names that are not UTF-8,
dangling links, folders and files that cannot be read, named pipes, links out of the inputs."""
from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from report_extract.api import doc_id_for, extract_file, run
from report_extract.cli import app
from report_extract.ingest.discover import discover, printable

REPORT = "Năm 2023, Hội Nông dân xã kết nạp 120 hội viên mới, mở 3 lớp tập huấn cho 250 lượt hội viên."
OTHER = "Năm 2022, Đoàn Thanh niên tổ chức 12 buổi sinh hoạt chuyên đề."
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_links = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
runner = CliRunner()


def documents(out: Path) -> dict[str, dict]:
    return {d["source"]: d for d in pq.read_table(out / "documents.parquet").to_pylist()}


def sources(found) -> list[str]:
    return [f.source for f in found]


def write(path: Path, text: str = REPORT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cli_in_subprocess(*args: str) -> subprocess.CompletedProcess:
    """The CLI in its own process, so that a read that blocks fails the test instead of hanging it."""
    code = "import sys; from report_extract.cli import app; sys.argv[0] = 'report-extract'; app()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, check=False)


# --- names that are not UTF-8 ------------------------------------------------------


@pytest.fixture
def latin1_tree(tmp_path) -> Path:
    """A folder as a Windows zip unpacked on Linux leaves it: names in a legacy code page."""
    root = tmp_path / "in"
    root.mkdir()
    folder = os.path.join(os.fsencode(root), b"th\xe1ng 6")
    try:
        os.mkdir(folder)
        with open(os.path.join(folder, b"b\xe1o c\xe1o.txt"), "wb") as fh:
            fh.write(REPORT.encode("utf-8"))
    except (OSError, UnicodeError) as exc:
        pytest.skip(f"this file system refuses names that are not UTF-8: {exc}")
    write(root / "tổng kết.txt", OTHER)
    return root


def test_a_name_that_is_not_utf8_is_read_and_shown_with_escapes(latin1_tree, tmp_path):
    [latin, plain] = discover([latin1_tree])  # sorted by name: "th…" before "tổ…"
    assert (plain.source, plain.status) == ("tổng kết.txt", "ok")
    assert (latin.source, latin.status) == ("th\\xe1ng 6/b\\xe1o c\\xe1o.txt", "ok")
    assert os.fsencode(latin.path).endswith(b"/th\xe1ng 6/b\xe1o c\xe1o.txt")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(latin1_tree), "--out", str(out), "--strict"])
    assert result.exit_code == 0, result.output
    docs = documents(out)
    doc = docs["th\\xe1ng 6/b\\xe1o c\\xe1o.txt"]
    assert (doc["status"], doc["doc_id"]) == ("ok", doc_id_for(doc["source"])) and doc["n_quantities"] >= 2
    assert docs["tổng kết.txt"]["status"] == "ok"
    again = runner.invoke(app, ["run", str(latin1_tree), "--out", str(tmp_path / "fresh"), "--no-incremental"])
    assert again.exit_code == 0 and documents(tmp_path / "fresh") == docs  # same source and doc_id every run


def test_a_file_named_directly_with_a_name_that_is_not_utf8(latin1_tree):
    path = Path(os.fsdecode(os.path.join(os.fsencode(latin1_tree), b"th\xe1ng 6", b"b\xe1o c\xe1o.txt")))
    assert sources(discover([path])) == ["b\\xe1o c\\xe1o.txt"]
    doc, rows = extract_file(path)
    assert doc["source"] == "b\\xe1o c\\xe1o.txt" and doc["status"] == "ok" and rows


def test_printable_names_are_valid_utf8_and_distinct():
    names = ["b\udce1o.txt", "b\udce0o.txt", "báo.txt", "b\ud800o.txt"]
    shown = [printable(name) for name in names]
    assert shown[:3] == ["b\\xe1o.txt", "b\\xe0o.txt", "báo.txt"]
    for text in shown:
        text.encode("utf-8")
    assert len(set(shown)) == len(shown)


# --- dangling links ------------------------------------------------------------------


@needs_links
def test_a_dangling_link_gets_a_row_and_fails_strict(tmp_path):
    inputs = tmp_path / "in"
    write(inputs / "tốt.txt")
    (inputs / "Hội Nông dân").mkdir()
    (inputs / "Hội Nông dân" / "báo cáo.txt").symlink_to("đã xóa.txt")
    (inputs / "ảnh.jpg").symlink_to("không có.jpg")  # an unsupported name: skipped, as a file would be
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(inputs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    docs = documents(out)
    assert set(docs) == {"tốt.txt", "Hội Nông dân/báo cáo.txt"}
    dangling = docs["Hội Nông dân/báo cáo.txt"]
    assert dangling["status"] == "error" and dangling["error"] == "dangling symbolic link to đã xóa.txt"
    assert "1 not read" in result.stdout
    strict = runner.invoke(app, ["run", str(inputs), "--out", str(out), "--strict"])
    assert strict.exit_code == 1
    assert "Hội Nông dân/báo cáo.txt: error: dangling symbolic link" in strict.stderr


@needs_links
def test_a_dangling_link_named_directly_gets_a_row(tmp_path):
    (tmp_path / "mất.txt").symlink_to(tmp_path / "không có.txt")
    [found] = discover([tmp_path / "mất.txt"])
    assert (found.source, found.status) == ("mất.txt", "error")
    assert found.error.startswith("dangling symbolic link to ")
    with pytest.raises(FileNotFoundError):
        discover([tmp_path / "không có.txt"])  # a missing input is still an error of the command


@needs_links
def test_a_file_turned_into_a_dangling_link_is_neither_reused_nor_dropped(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "out"
    report = write(inputs / "báo cáo.txt")
    write(inputs / "khác.txt", OTHER)
    run([inputs], out)
    report.unlink()
    report.symlink_to("đã chuyển đi.txt")
    for _ in range(2):
        summary = run([inputs], out)
        assert (summary.n_documents, summary.n_reused) == (2, 1)
        doc = documents(out)["báo cáo.txt"]
        assert doc["status"] == "error" and "dangling" in doc["error"] and doc["n_quantities"] == 0


# --- folders and files that cannot be read ------------------------------------------


def refuse_listing(monkeypatch, folder: Path) -> None:
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(folder):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def refuse_reading(monkeypatch, file: Path) -> None:
    real = os.open

    def open_(path, flags, *args, **kwargs):
        if os.fspath(path) == os.fspath(file):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)


def test_a_folder_that_cannot_be_listed_gets_a_row(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    write(inputs / "tốt.txt")
    write(inputs / "Hội Phụ nữ" / "Bí mật" / "báo cáo.txt")
    refuse_listing(monkeypatch, inputs / "Hội Phụ nữ" / "Bí mật")
    summary = run([inputs], tmp_path / "out")
    docs = documents(tmp_path / "out")
    assert set(docs) == {"tốt.txt", "Hội Phụ nữ/Bí mật/"}
    assert docs["Hội Phụ nữ/Bí mật/"]["status"] == "error"
    assert docs["Hội Phụ nữ/Bí mật/"]["error"] == "permission denied: cannot list this folder"
    assert [d["source"] for d in summary.failures] == ["Hội Phụ nữ/Bí mật/"]
    again = run([inputs], tmp_path / "out")  # not taken for a deleted folder, nor reused
    assert (again.n_documents, again.n_reused) == (2, 1) and "Hội Phụ nữ/Bí mật/" in documents(tmp_path / "out")


def test_an_input_folder_that_cannot_be_listed_is_named_by_its_name(tmp_path, monkeypatch):
    folder = tmp_path / "Báo cáo 2023"
    write(folder / "a.txt")
    refuse_listing(monkeypatch, folder)
    [found] = discover([folder])
    assert (found.source, found.status, found.error) == ("Báo cáo 2023/", "error",
                                                         "permission denied: cannot list this folder")


def test_a_file_that_cannot_be_read_gets_a_plain_row_and_is_not_reused(tmp_path, monkeypatch):
    inputs, out = tmp_path / "in", tmp_path / "out"
    report = write(inputs / "báo cáo.txt")
    write(inputs / "khác.txt", OTHER)
    run([inputs], out)
    refuse_reading(monkeypatch, report)
    for _ in range(2):
        summary = run([inputs], out)
        assert (summary.n_documents, summary.n_reused) == (2, 1)
        doc = documents(out)["báo cáo.txt"]
        assert (doc["status"], doc["error"]) == ("error", "permission denied: cannot read this file")
        assert doc["bytes"] is None and doc["sha256"] is None


@pytest.mark.skipif(AS_ROOT, reason="run as root: permissions deny nothing (the tests above simulate them)")
def test_real_permissions_on_a_folder_and_a_file(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "out"
    write(inputs / "tốt.txt")
    locked_file = write(inputs / "khóa.txt")
    locked_folder = inputs / "Khóa"
    write(locked_folder / "báo cáo.txt")
    run([inputs], out)  # readable at first: the rerun has published rows to be tempted by
    locked_file.chmod(0)
    locked_folder.chmod(0)
    try:
        result = runner.invoke(app, ["run", str(inputs), "--out", str(out), "--strict"])
    finally:
        locked_folder.chmod(0o755)
        locked_file.chmod(0o644)
    assert result.exit_code == 1, result.output
    docs = documents(out)
    assert docs["khóa.txt"]["error"] == "permission denied: cannot read this file"
    assert docs["Khóa/"]["error"] == "permission denied: cannot list this folder"
    assert docs["tốt.txt"]["status"] == "ok"


# --- named pipes ------------------------------------------------------------------------


@needs_fifo
def test_named_pipes_get_rows_and_nothing_blocks(tmp_path):
    inputs = tmp_path / "in"
    write(inputs / "tốt.txt")
    os.mkfifo(inputs / "ống.txt")
    os.mkfifo(inputs / "ống.bin")  # not a document name: skipped, as any such file
    os.mkfifo(tmp_path / "gọi thẳng.txt")
    out = tmp_path / "out"
    done = cli_in_subprocess("run", str(inputs), str(tmp_path / "gọi thẳng.txt"), "--out", str(out), "--strict")
    assert done.returncode == 1, done.stderr
    docs = documents(out)
    assert set(docs) == {"tốt.txt", "ống.txt", "gọi thẳng.txt"}
    for name in ("ống.txt", "gọi thẳng.txt"):
        assert (docs[name]["status"], docs[name]["error"]) == ("error", "not a regular file (a named pipe)")


@needs_fifo
def test_a_file_swapped_for_a_named_pipe_after_the_check_cannot_block(tmp_path, monkeypatch):
    """The type is checked again on the opened file: a pipe put in place after the check
    (simulated: the check is told it is a regular file) is still not read."""
    pipe = tmp_path / "báo cáo.txt"
    os.mkfifo(pipe)
    real = os.stat
    regular = os.stat(write(tmp_path / "thật.txt"))
    monkeypatch.setattr(os, "stat", lambda path, *a, **k: regular if os.fspath(path) == str(pipe) else real(path, *a, **k))
    result: list = []
    reader = threading.Thread(target=lambda: result.append(extract_file(pipe)), daemon=True)
    reader.start()
    reader.join(30)
    if reader.is_alive():  # let the blocked reader go before failing
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a named pipe blocked")
    [(doc, rows)] = result
    assert (doc["status"], doc["error"], rows) == ("error", "not a regular file (a named pipe)", [])


# --- links leading outside the inputs --------------------------------------------------


@pytest.fixture
def linked_out(tmp_path) -> Path:
    inputs = tmp_path / "in"
    write(inputs / "tốt.txt")
    write(inputs / "Hội Nông dân" / "báo cáo.txt")
    outside = tmp_path / "ngoài"
    write(outside / "lưu trữ.txt", OTHER)
    write(outside / "Năm 2022" / "tổng kết.txt", OTHER + " Tổng kết.")
    (outside / "Năm 2022" / "vòng").symlink_to(outside / "Năm 2022")  # a loop of links, walked once
    (inputs / "lưu trữ.txt").symlink_to(outside / "lưu trữ.txt")
    (inputs / "Kho").symlink_to(outside / "Năm 2022")
    (inputs / "cùng chỗ.txt").symlink_to(inputs / "Hội Nông dân" / "báo cáo.txt")  # inside: read, once
    (inputs / "Hội cũ").symlink_to(inputs / "Hội Nông dân")  # inside: its files are read where they are
    return inputs


@needs_links
def test_links_out_of_the_inputs_are_not_followed_by_default(linked_out):
    found = {f.source: f for f in discover([linked_out])}
    assert list(found) == ["cùng chỗ.txt", "Kho/", "lưu trữ.txt", "tốt.txt"]
    assert found["cùng chỗ.txt"].status == "ok"
    for source in ("Kho/", "lưu trữ.txt"):
        assert found[source].status == "skipped"
        assert found[source].error.startswith("symbolic link not followed: it leads outside the input folders")
        assert "--follow-links" in found[source].error


@needs_links
def test_links_out_of_the_inputs_are_followed_when_asked(linked_out):
    found = discover([linked_out], follow_links=True)
    assert sources(found) == ["cùng chỗ.txt", "Kho/tổng kết.txt", "lưu trữ.txt", "tốt.txt"]
    assert {f.status for f in found} == {"ok"}


@needs_links
def test_follow_links_on_the_command_line(linked_out, tmp_path):
    out = tmp_path / "out"
    default = runner.invoke(app, ["run", str(linked_out), "--out", str(out), "--strict"])
    assert default.exit_code == 1  # a link not followed leaves documents unread
    assert documents(out)["Kho/"]["status"] == "skipped"
    followed = runner.invoke(app, ["run", str(linked_out), "--out", str(out), "--strict", "--follow-links"])
    assert followed.exit_code == 0, followed.output
    docs = documents(out)
    assert set(docs) == {"cùng chỗ.txt", "Kho/tổng kết.txt", "lưu trữ.txt", "tốt.txt"}
    assert docs["lưu trữ.txt"]["status"] == "ok" and docs["lưu trữ.txt"]["n_quantities"] >= 1


@needs_links
def test_a_bad_entry_reached_from_two_inputs_gets_one_row(tmp_path):
    inputs = tmp_path / "in"
    (inputs / "Đoàn").mkdir(parents=True)
    (inputs / "Đoàn" / "mất.txt").symlink_to("không có.txt")
    assert sources(discover([inputs, inputs / "Đoàn"])) == ["Đoàn/mất.txt"]
