"""Encodings fail safe: a few bad bytes keep a UTF-8 report (with a warning), and only Vietnamese is read as legacy."""

from __future__ import annotations

import random

import pytest
from helpers.convert import cp1258_bytes

from report_extract.api import extract_text
from report_extract.ingest.encodings import (
    NotTextError,
    decode_bytes,
    decode_legacy,
    encode_tcvn3,
    encode_vni,
)
from report_extract.ingest.reader import read_document_bytes

REPORT = (
    "BÁO CÁO KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2022\n"
    "Trong năm, Đảng bộ xã kết nạp 14 đảng viên mới, nâng tổng số lên 326 đảng viên sinh hoạt ở 21 chi bộ.\n"
    "Hội Liên hiệp Phụ nữ vận động 1.250 hội viên tham gia tiết kiệm; Đoàn Thanh niên tổ chức 37 buổi sinh hoạt.\n"
    "Xã đã hỗ trợ xây dựng 9 căn nhà cho hộ nghèo với tổng kinh phí 450 triệu đồng; 85 hộ được vay vốn ưu đãi.\n"
    "Phong trào văn hóa, văn nghệ được duy trì, có 12 câu lạc bộ với hơn 600 thành viên.\n"
)
"""A short report written for these tests: eight figures the rules classify, in every line but the heading."""

# Stray bytes as they turn up in real files, each put before a word (never inside a figure or its noun).
STRAYS = (
    ("năm, Đảng", b"\xff"),  # a byte no UTF-8 text ever holds
    ("tiết kiệm", b"\x93"),  # half of a Windows-1252 quote pair
    ("cho hộ", b"\x9d"),  # a C1 control byte on its own
    ("văn hóa", b"\xe1\xbb"),  # a multi-byte letter cut short
    ("Trong", b"\xc3"),
)


def damaged(strays) -> bytes:
    """REPORT in UTF-8 with each stray byte sequence inserted before its anchor."""
    data = REPORT.encode("utf-8")
    for anchor, stray in strays:
        at = data.index(anchor.encode("utf-8"))
        data = data[:at] + stray + data[at:]
    return data


def classified(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.indicator) for q in extract_text(text).quantities if q.indicator != "other"]


def test_the_report_has_figures_to_lose():
    assert len(classified(REPORT)) == 8


def test_clean_utf8_carries_no_warning():
    result = read_document_bytes(REPORT.encode("utf-8"), "bao-cao.txt")
    assert (result.status, result.encoding, result.warning) == ("ok", "utf-8", None)


@pytest.mark.parametrize("count", [1, 5])
def test_utf8_with_stray_bytes_stays_utf8_with_a_warning(count):
    data = damaged(STRAYS[:count])
    result = read_document_bytes(data, "bao-cao.txt")
    assert (result.status, result.encoding, result.error) == ("ok", "utf-8", None)
    assert result.text.count("\ufffd") == count
    assert result.text.replace("\ufffd", "") == REPORT
    first = min(data.index(stray + anchor.encode("utf-8")) for anchor, stray in STRAYS[:count])
    noun = "sequence" if count == 1 else "sequences"
    assert result.warning == f"{count} invalid byte {noun} in UTF-8 text replaced by U+FFFD (first at byte {first})"
    assert classified(result.text) == classified(REPORT)


def test_windows_1252_quote_pair_in_utf8():
    data = REPORT.encode("utf-8").replace("tiết kiệm".encode(), b"\x93" + "tiết kiệm".encode() + b"\x94")
    result = read_document_bytes(data, "bao-cao.txt")
    assert (result.status, result.encoding) == ("ok", "utf-8")
    assert "\ufffdtiết kiệm\ufffd" in result.text
    assert result.warning is not None and result.warning.startswith("2 invalid byte sequences")
    assert classified(result.text) == classified(REPORT)


def test_mostly_ascii_text_with_a_stray_byte_stays_utf8():
    """No accented letter to vouch for UTF-8, and no Vietnamese word for a legacy encoding: still text."""
    data = b"Bao cao nam 2022: ket nap 14 dang vien moi, \x93tong so\x94 326 dang vien.\n"
    result = read_document_bytes(data, "bao-cao.txt")
    assert (result.status, result.encoding) == ("ok", "utf-8")
    assert result.text == "Bao cao nam 2022: ket nap 14 dang vien moi, \ufffdtong so\ufffd 326 dang vien.\n"
    assert result.warning is not None


def test_bad_byte_after_a_utf8_bom_is_reported_too():
    data = b"\xef\xbb\xbf" + damaged(STRAYS[:1])
    result = read_document_bytes(data, "bao-cao.txt")
    assert (result.status, result.encoding) == ("ok", "utf-8-sig")
    first = data.index(b"\xff")
    assert result.warning == f"1 invalid byte sequence in UTF-8 text replaced by U+FFFD (first at byte {first})"


@pytest.mark.parametrize("size", [64, 256, 4096, 65536])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_bytes_without_nul_are_not_text(size, seed):
    data = bytes(byte for byte in random.Random(seed).randbytes(2 * size) if byte)[:size]
    result = read_document_bytes(data, "bao-cao.txt")
    assert (result.status, result.text) == ("error", "")
    assert result.error == (
        "not a text document: the bytes are not UTF-8 and do not read as Vietnamese in TCVN3, VNI or Windows-1258"
    )


def test_legacy_decoding_needs_vietnamese_words():
    """Every byte decodes in TCVN3, so a decoding that merely succeeds proves nothing."""
    with pytest.raises(NotTextError):
        decode_legacy(bytes(byte for byte in random.Random(4).randbytes(2048) if byte))
    with pytest.raises(NotTextError):  # UTF-8 Vietnamese is mojibake in every legacy table
        decode_legacy(REPORT.encode("utf-8"))


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [(encode_tcvn3, "tcvn3"), (encode_vni, "vni"), (cp1258_bytes, "cp1258")],
    ids=["tcvn3", "vni", "cp1258"],
)
def test_genuine_legacy_files_still_decode_as_their_encoding(encode, encoding):
    for text in (REPORT, REPORT.splitlines()[1], "Việt Nam"):
        decoded = decode_bytes(encode(text))
        assert (decoded.encoding, decoded.text, decoded.warning) == (encoding, text, None)


@pytest.mark.parametrize("count", [1, 5])
def test_a_web_page_with_stray_bytes_stays_utf8_with_a_warning(count):
    page = ("<html><head><title>Báo cáo</title></head><body><article>"
            + "".join(f"<p>{line}</p>" for line in REPORT.splitlines()) + "</article></body></html>")
    data = page.encode("utf-8")
    for anchor, stray in STRAYS[:count]:
        at = data.index(anchor.encode("utf-8"))
        data = data[:at] + stray + data[at:]
    result = read_document_bytes(data, "bao-cao.html")
    assert (result.status, result.format, result.encoding) == ("ok", "html", "utf-8")
    assert result.warning and result.warning.startswith(f"{count} invalid byte")
    assert classified(result.text) == classified(REPORT)


def test_a_stray_byte_inside_a_word_keeps_the_figure_and_its_noun():
    data = REPORT.encode("utf-8").replace("1.250 hội viên".encode(), "1.250 h".encode() + b"\xff" + "ội viên".encode())
    result = read_document_bytes(data, "bao-cao.txt")
    assert "1.250 h\ufffdội viên" in result.text
    assert classified(result.text) == classified(REPORT)
    damaged_figure, clean_figure = (next(q for q in extract_text(text).quantities if q.value == 1250)
                                    for text in (result.text, REPORT))
    assert damaged_figure.noun == clean_figure.noun and damaged_figure.indicator == clean_figure.indicator
