"""A file past what one document may cost is a too_large row naming the limit, read without
the gigabytes its parser would have taken."""
from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from helpers import REPORT
from helpers.convert import to_docx

from report_extract.ingest import read_document
from report_extract.limits import (
    MAX_HTML_DEPTH,
    MAX_HTML_TAGS,
    MAX_NUMBERS,
    MAX_TEXT_CHARS,
    MAX_TEXT_FILE_BYTES,
)

_PARAGRAPH = b'<w:p><w:r><w:t xml:space="preserve">N\xc4\x83m 2023 k\xe1\xba\xbft n\xe1\xba\xa1p 12 h\xe1\xbb\x99i vi\xc3\xaan</w:t></w:r></w:p>'


def _docx_with_body(path: Path, body: bytes, times: int, work: Path) -> Path:
    """A real .docx (made by python-docx) whose body is `body` repeated `times` times, written
    as it is inflated: a 400 MB part is never held in memory, and zips to a few hundred KB."""
    base = zipfile.ZipFile(to_docx(REPORT, work / "base.docx"))
    head, _, tail = base.read("word/document.xml").partition(b"<w:body>")
    tail = b"<w:body>" + tail[tail.index(b"<w:sectPr"):]
    block = body * max(1, (1 << 20) // len(body))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as docx:
        for info in base.infolist():
            if info.filename != "word/document.xml":
                docx.writestr(info, base.read(info.filename))
                continue
            with docx.open("word/document.xml", "w", force_zip64=True) as part:
                part.write(head + b"<w:body>")
                written = 0
                while written < times:
                    n = min(len(block) // len(body), times - written)
                    part.write(block[: n * len(body)])
                    written += n
                part.write(tail)
    return path


def _peak_rss_of_tree(cmd: list[str], limit: int) -> tuple[int, subprocess.CompletedProcess]:
    """Run `cmd`, sampling the resident memory of it and its children every 20 ms; the tree is
    killed past `limit` bytes (the test then fails fast instead of swapping)."""
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while child.poll() is None:
        pids = [child.pid, *_descendants(child.pid)]
        total = sum(_rss(pid) for pid in pids)
        peak = max(peak, total)
        if total > limit:
            for pid in pids:
                subprocess.run(["kill", "-9", str(pid)], check=False)
        time.sleep(0.02)
    out, err = child.communicate()
    return peak, subprocess.CompletedProcess(cmd, child.returncode, out, err)


def _descendants(pid: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = [p for p, pp in parents.items() if pp == parent]
        found += children
        frontier += children
    return found


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="samples memory in /proc")
def test_a_docx_inflating_to_400_mb_is_too_large_and_the_run_stays_under_1_gb(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    bomb = _docx_with_body(inputs / "bom.docx", _PARAGRAPH, 400_000_000 // len(_PARAGRAPH), tmp_path)
    (inputs / "thuong.txt").write_text("Năm 2023, Hội kết nạp 120 hội viên mới.\n", encoding="utf-8")
    assert bomb.stat().st_size < 2_000_000
    cmd = [sys.executable, "-c", "import sys; from report_extract.cli import app; sys.argv[0] = 'report-extract'; app()",
           "run", str(inputs), "--out", str(tmp_path / "out"), "--jobs", "2"]
    peak, done = _peak_rss_of_tree(cmd, limit=1_000_000_000)
    assert done.returncode == 0, done.stderr[-2000:]
    docs = {d["source"]: d for d in pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()}
    assert docs["thuong.txt"]["status"] == "ok"
    assert (docs["bom.docx"]["status"], docs["bom.docx"]["error"]) == (
        "too_large", "word/document.xml inflates past 64 MB (limit for one part)")
    assert peak < 1_000_000_000, f"the run's processes together peaked at {peak / 1e6:.0f} MB"
    print(f"peak of the run's processes together: {peak / 1e6:.0f} MB")


def test_a_docx_part_that_lies_about_its_size_is_not_inflated_past_it(tmp_path):
    """The zip says 1 KB, the part inflates to 100 MB: zipfile stops at the declared size (then
    finds the checksum wrong), and so does the limit's own count of inflated bytes."""
    path = _docx_with_body(tmp_path / "noi-doi.docx", _PARAGRAPH, 100_000_000 // len(_PARAGRAPH), tmp_path)
    data = bytearray(path.read_bytes())
    entry = data.rindex(b"PK\x01\x02", 0, data.index(b"word/document.xml", data.index(b"PK\x01\x02")))
    data[entry + 24:entry + 28] = (1000).to_bytes(4, "little")  # central directory: uncompressed size
    path.write_bytes(bytes(data))
    started = time.perf_counter()
    result = read_document(path)
    assert result.status == "error" and "corrupt" in result.error
    assert time.perf_counter() - started < 2


def test_a_docx_part_with_millions_of_elements_is_too_large(tmp_path):
    """20 MB of empty paragraphs: under the size limit, but 3.3 million lxml elements."""
    path = _docx_with_body(tmp_path / "rong.docx", b"<w:p/>", 20_000_000 // 6, tmp_path)
    result = read_document(path)
    assert (result.status, result.error) == ("too_large",
                                             "word/document.xml has more than 2,000,000 XML elements (limit for one part)")


def test_deeply_nested_html_is_too_large(tmp_path):
    depth = MAX_HTML_DEPTH + 1
    (tmp_path / "long.html").write_text(
        "<html><body>" + "<div>" * depth + "Năm 2023 kết nạp 12 hội viên" + "</div>" * depth + "</body></html>",
        encoding="utf-8")
    result = read_document(tmp_path / "long.html")
    assert (result.status, result.error) == ("too_large", "the page nests elements more than 512 deep (limit for one page)")


def test_html_with_unclosed_paragraphs_and_line_breaks_is_not_deep(tmp_path):
    """Tags that never nest (<br>, <img>) or whose end may be left out (<p>, <li>) do not count."""
    (tmp_path / "trang.html").write_text(
        "<html><body><div>" + "<p>Năm 2023 kết nạp 12 hội viên<br><img src=a.png>" * 2000 + "</div></body></html>",
        encoding="utf-8")
    assert read_document(tmp_path / "trang.html").status == "ok"


def test_html_with_too_many_tags_is_too_large(tmp_path):
    (tmp_path / "nhieu.html").write_text("<html><body>" + "<p>12 hội viên</p>" * (MAX_HTML_TAGS // 2 + 1)
                                         + "</body></html>", encoding="utf-8")
    result = read_document(tmp_path / "nhieu.html")
    assert (result.status, result.error) == ("too_large", "the page has more than 200,000 tags (limit for one page)")


def test_a_text_past_the_character_limit_is_too_large(tmp_path):
    line = "Hội tổ chức sinh hoạt chuyên đề cho hội viên các chi hội trong toàn huyện.\n"
    (tmp_path / "dai.txt").write_text(line * (MAX_TEXT_CHARS // len(line) + 1), encoding="utf-8")
    result = read_document(tmp_path / "dai.txt")
    assert result.status == "too_large"
    assert result.error.startswith("the text is 10,000,0") and "(limit 10,000,000 for one document)" in result.error


def test_a_text_file_too_large_to_decode_is_refused_unread(tmp_path):
    (tmp_path / "to.txt").write_bytes(b"a" * (MAX_TEXT_FILE_BYTES + 1))
    result = read_document(tmp_path / "to.txt")
    assert (result.status, result.format) == ("too_large", "txt")
    assert "limit 32 MB for a text or web page" in result.error


def test_a_line_dense_with_figures_is_too_large(tmp_path):
    """A 4 MB line of "1.234 ha, " took extraction to 2 GB; past MAX_NUMBERS it is not extracted."""
    (tmp_path / "so.txt").write_text("Năm 2023: " + "1.234 ha, " * (MAX_NUMBERS + 1), encoding="utf-8")
    result = read_document(tmp_path / "so.txt")
    assert (result.status, result.error) == ("too_large", "the text has more than 50,000 numbers (limit for one document)")


def test_an_ordinary_report_is_within_every_limit(tmp_path):
    docx = read_document(to_docx(REPORT, tmp_path / "bao-cao.docx"))
    assert (docx.status, docx.text) == ("ok", REPORT)
    (tmp_path / "bao-cao.txt").write_text(REPORT * 200, encoding="utf-8")  # ~40 pages
    assert read_document(tmp_path / "bao-cao.txt").status == "ok"
