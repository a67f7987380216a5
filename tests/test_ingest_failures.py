"""Bad input gives a status and a reason naming the problem, never an exception; discovery finds every document once."""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest
from helpers import REPORT
from helpers.convert import to_docx, to_html, to_pdf
from reportlab.pdfgen import canvas

from report_extract.ingest import SUPPORTED_SUFFIXES, discover, read_document


def random_bytes(size: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_empty_file(tmp_path, suffix):
    path = tmp_path / f"rong{suffix}"
    path.write_bytes(b"")
    result = read_document(path)
    assert (result.status, result.text) == ("empty", "")
    assert "empty" in result.error


@pytest.mark.parametrize("content", [b" \n\t\r\n  ", "\ufeff  \n".encode("utf-8"), "\ufeff \n".encode("utf-16-le")])
def test_whitespace_only_file(tmp_path, content):
    (tmp_path / "trang.txt").write_bytes(content)
    result = read_document(tmp_path / "trang.txt")
    assert result.status == "empty"
    assert "whitespace" in result.error


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".bin"])
def test_random_binary_is_an_error(tmp_path, suffix):
    path = tmp_path / f"rac{suffix}"
    path.write_bytes(random_bytes(4096))
    result = read_document(path)
    assert result.status == "error"
    assert result.error == "binary file, not a text document"


def test_image_named_pdf_names_the_missing_signature(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + random_bytes(2048))
    result = read_document(tmp_path / "scan.pdf")
    assert (result.status, result.format) == ("error", "pdf")
    assert "not a valid .pdf file" in result.error


def test_truncated_docx(tmp_path):
    whole = to_docx(REPORT, tmp_path / "x.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(whole[: len(whole) // 2])
    result = read_document(tmp_path / "cut.docx")
    assert (result.status, result.format) == ("error", "docx")
    assert result.error == "not a valid .docx file (zip archive is truncated or corrupt)"


def test_zip_without_word_document(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bao-cao.txt", "Năm 2023")
    (tmp_path / "nen.zip").write_bytes(buffer.getvalue())
    (tmp_path / "nen.docx").write_bytes(buffer.getvalue())
    assert read_document(tmp_path / "nen.zip").status == "unsupported"
    named_docx = read_document(tmp_path / "nen.docx")
    assert named_docx.status in ("error", "unsupported")
    assert "docx" in named_docx.error or "Word" in named_docx.error


def test_truncated_pdf(tmp_path):
    whole = to_pdf(REPORT, tmp_path / "x.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    result = read_document(tmp_path / "cut.pdf")
    assert (result.status, result.format) == ("error", "pdf")
    assert "truncated" in result.error


def test_pdf_header_with_garbage_body(tmp_path):
    (tmp_path / "hong.pdf").write_bytes(b"%PDF-1.7\n" + random_bytes(3000) + b"\n%%EOF\n")
    result = read_document(tmp_path / "hong.pdf")
    assert result.status == "error"
    assert "PDF" in result.error


def test_password_protected_pdf(tmp_path):
    pdf = canvas.Canvas(str(tmp_path / "khoa.pdf"), encrypt="mat-khau")
    pdf.drawString(72, 720, "Bao cao mat")
    pdf.save()
    result = read_document(tmp_path / "khoa.pdf")
    assert result.status == "error"
    assert "password" in result.error


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    """Encrypted against editing, not reading (an empty user password): AES needs cryptography."""
    from pypdf import PdfReader, PdfWriter

    pdf = canvas.Canvas(str(tmp_path / "mo.pdf"))
    pdf.drawString(72, 720, "Nam 2023 ket nap 120 hoi vien")
    pdf.save()
    writer = PdfWriter(clone_from=PdfReader(tmp_path / "mo.pdf"))
    writer.encrypt(user_password="", owner_password="x", algorithm="AES-128")
    writer.write(tmp_path / "chu.pdf")
    result = read_document(tmp_path / "chu.pdf")
    assert (result.status, result.text) == ("ok", "Nam 2023 ket nap 120 hoi vien")


def test_scanned_pdf_without_text_layer(tmp_path):
    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    pdf.rect(72, 72, 400, 600, fill=1)
    pdf.showPage()
    pdf.rect(100, 100, 300, 300)
    pdf.save()
    result = read_document(tmp_path / "scan.pdf")
    assert (result.status, result.format, result.text) == ("no_text", "pdf", "")
    assert result.error == "PDF has no text layer (scanned image?); run OCR first"


@pytest.mark.parametrize("name", ["cu.doc", "cu.docx", "cu.txt"])
def test_legacy_word_doc(tmp_path, name):
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + random_bytes(1024))
    result = read_document(tmp_path / name)
    assert result.status == "unsupported"
    assert result.error == "legacy Word .doc is not supported; save it as .docx"


def test_rtf_is_unsupported(tmp_path):
    (tmp_path / "a.doc").write_bytes(rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 .VnTime;}} B\'b8o c\'b8o}")
    result = read_document(tmp_path / "a.doc")
    assert result.status == "unsupported"
    assert "RTF" in result.error


def test_missing_file_and_directory_are_errors_not_exceptions(tmp_path):
    missing = read_document(tmp_path / "khong-co.txt")
    assert missing.status == "error"
    assert "cannot read file" in missing.error
    folder = read_document(tmp_path)
    assert folder.status == "error"


def test_docx_with_only_empty_paragraphs_is_empty(tmp_path):
    result = read_document(to_docx("\n\n", tmp_path / "rong.docx"))
    assert (result.status, result.format) == ("empty", "docx")


def test_html_with_only_page_furniture_is_empty(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><body><nav>Trang chủ</nav><div class='counter'>Đang truy cập: 5</div><script>x()</script></body></html>",
        encoding="utf-8",
    )
    result = read_document(tmp_path / "a.html")
    assert (result.status, result.format) == ("empty", "html")


# --- discover --------------------------------------------------------------------


@pytest.fixture
def report_tree(tmp_path) -> Path:
    root = tmp_path / "Báo cáo 2023"
    (root / "Hội Nông dân" / "Xã Tân Phú").mkdir(parents=True)
    (root / "Đoàn Thanh niên").mkdir()
    (root / ".git").mkdir()
    files = {
        "Tổng kết năm.docx": b"",
        "sơ kết 6 tháng.PDF": b"",
        "ghi chú.md": b"",
        "Hội Nông dân/báo cáo.txt": b"",
        "Hội Nông dân/tin bài.htm": b"",
        "Hội Nông dân/Xã Tân Phú/trang tin.html": b"",
        "Đoàn Thanh niên/kết quả.txt": b"",
        "Đoàn Thanh niên/ảnh.jpg": b"",
        "Đoàn Thanh niên/~$ết quả.docx": b"",
        "Đoàn Thanh niên/.ẩn.txt": b"",
        ".git/config.txt": b"",
        "bảng.xlsx": b"",
    }
    for name, content in files.items():
        (root / name).write_bytes(content)
    return root


def test_discover_walks_a_folder_with_spaces_and_vietnamese_names(report_tree):
    found = discover([report_tree])
    assert [source for _, source in found] == [
        "ghi chú.md",
        "Hội Nông dân/báo cáo.txt",
        "Hội Nông dân/tin bài.htm",
        "Hội Nông dân/Xã Tân Phú/trang tin.html",
        "sơ kết 6 tháng.PDF",
        "Tổng kết năm.docx",
        "Đoàn Thanh niên/kết quả.txt",
    ]
    for path, source in found:
        assert path == report_tree / source
        assert path.is_file()


def test_discover_lists_each_file_once_and_takes_named_files_as_given(report_tree):
    named = report_tree / "bảng.xlsx"
    nested = report_tree / "Hội Nông dân" / "báo cáo.txt"
    found = discover([named, report_tree, nested, report_tree / "Hội Nông dân"])
    sources = [source for _, source in found]
    assert sources[0] == "bảng.xlsx"
    assert len(found) == len({path.resolve() for path, _ in found}) == 8


def test_discover_order_is_deterministic(report_tree):
    assert discover([report_tree]) == discover([str(report_tree)])


def test_discover_missing_path_names_it(tmp_path):
    missing = tmp_path / "Không có" / "báo cáo.docx"
    with pytest.raises(FileNotFoundError) as error:
        discover([tmp_path, missing])
    assert str(missing) in str(error.value)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_discover_counts_a_symlinked_file_once(report_tree):
    (report_tree / "lien-ket.txt").symlink_to(report_tree / "Hội Nông dân" / "báo cáo.txt")
    found = discover([report_tree])
    assert sum(1 for path, _ in found if path.name in ("lien-ket.txt", "báo cáo.txt")) == 1


def test_html_fixture_reads_through_discover(tmp_path):
    to_html(REPORT, tmp_path / "tin.html")
    [(path, source)] = discover([tmp_path])
    assert (source, read_document(path).text) == ("tin.html", REPORT)
