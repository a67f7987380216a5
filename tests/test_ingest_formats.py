"""Each input form of the same report reads back as the same text, with format and encoding reported right."""

from __future__ import annotations

import unicodedata

import docx
import pytest
from helpers import ALPHABET_LINE, HEADING, PARAGRAPHS, REPORT
from helpers.convert import (
    cp1258_bytes,
    to_cp1258,
    to_docx,
    to_html,
    to_pdf,
    to_tcvn3,
    to_utf16,
    to_vni,
)

from report_extract.ingest import read_document
from report_extract.ingest.encodings import encode_tcvn3, encode_vni
from report_extract.ingest.pdf import join_wrapped_lines


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


def assert_ok(result, format: str, encoding: str) -> None:
    assert (result.status, result.error) == ("ok", None)
    assert (result.format, result.encoding) == (format, encoding)


def test_sample_uses_every_vietnamese_letter():
    vowels = "aăâeêioôơuưy"
    tones = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    letters = {unicodedata.normalize("NFC", v + t) for v in vowels for t in tones} | {"đ"}
    letters |= {letter.upper() for letter in letters}
    assert len(letters) == 146
    assert letters <= set(ALPHABET_LINE)


# --- plain text in every encoding ---------------------------------------------


@pytest.mark.parametrize(
    ("write", "encoding"),
    [
        (lambda text, path: path.write_bytes(text.encode("utf-8")), "utf-8"),
        (lambda text, path: path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")), "utf-8-sig"),
        (lambda text, path: to_utf16(text, path), "utf-16-le"),
        (lambda text, path: to_utf16(text, path, byte_order="big"), "utf-16-be"),
        (lambda text, path: to_utf16(text, path, bom=False), "utf-16-le"),
        (lambda text, path: to_utf16(text, path, byte_order="big", bom=False), "utf-16-be"),
        (to_cp1258, "cp1258"),
        (to_tcvn3, "tcvn3"),
        (to_vni, "vni"),
    ],
    ids=["utf8", "utf8-bom", "utf16le", "utf16be", "utf16le-nobom", "utf16be-nobom", "cp1258", "tcvn3", "vni"],
)
def test_text_file_in_each_encoding_reads_back_exactly(tmp_path, write, encoding):
    path = tmp_path / "bao-cao.txt"
    write(REPORT, path)
    result = read_document(path)
    assert_ok(result, "txt", encoding)
    assert result.text == REPORT


@pytest.mark.parametrize("write", [to_cp1258, to_tcvn3, to_vni], ids=["cp1258", "tcvn3", "vni"])
def test_each_legacy_encoding_is_told_apart_on_a_single_sentence(tmp_path, write):
    path = write(PARAGRAPHS[0], tmp_path / "cau.txt")
    assert read_document(path).text == PARAGRAPHS[0]


def test_cp1258_file_is_composed_to_nfc(tmp_path):
    raw = cp1258_bytes("Việt Nam")
    assert len(raw) > len("Việt Nam"), "the fixture must carry a combining tone byte"
    (tmp_path / "a.txt").write_bytes(raw)
    assert read_document(tmp_path / "a.txt").text == "Việt Nam"


def test_pure_ascii_is_reported_as_ascii(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Bao cao nam 2023: 64 van ban.\n")
    assert_ok(read_document(tmp_path / "a.txt"), "txt", "ascii")


def test_markdown_keeps_its_format_and_crlf_becomes_lf(tmp_path):
    (tmp_path / "a.md").write_bytes("# Báo cáo\r\n\r\n- 64 văn bản\r\n".encode())
    result = read_document(tmp_path / "a.md")
    assert_ok(result, "md", "utf-8")
    assert result.text == "# Báo cáo\n\n- 64 văn bản\n"


def test_known_legacy_spellings_decode(tmp_path):
    """Strings as they appear in real legacy files, independent of our own encoder."""
    (tmp_path / "tcvn3.txt").write_bytes(
        "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc".encode("latin-1")
    )
    (tmp_path / "vni.txt").write_bytes(
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc".encode("cp1252")
    )
    expected_tcvn3 = "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"
    expected_vni = "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"
    assert (read_document(tmp_path / "tcvn3.txt").encoding, read_document(tmp_path / "tcvn3.txt").text) == (
        "tcvn3",
        expected_tcvn3,
    )
    assert (read_document(tmp_path / "vni.txt").encoding, read_document(tmp_path / "vni.txt").text) == (
        "vni",
        expected_vni,
    )


def test_large_legacy_file_is_decoded_in_full(tmp_path):
    text = "\n".join([REPORT] * 1500)  # about 1.5 MB: detection samples the start, decoding covers all
    path = to_vni(text, tmp_path / "lon.txt")
    result = read_document(path)
    assert result.encoding == "vni"
    assert result.text == text


# --- docx ------------------------------------------------------------------------


def test_docx_paragraphs_one_per_line(tmp_path):
    result = read_document(to_docx(REPORT, tmp_path / "bao-cao.docx"))
    assert_ok(result, "docx", "docx")
    assert result.text == REPORT


@pytest.mark.parametrize(("font", "encoding"), [(".VnTime", "docx+tcvn3"), ("VNI-Times", "docx+vni")])
def test_docx_runs_in_legacy_fonts_are_decoded(tmp_path, font, encoding):
    path = to_docx(REPORT, tmp_path / "cu.docx", font=font)
    raw = "\n".join(p.text for p in docx.Document(path).paragraphs)
    assert raw != REPORT, "the fixture must hold legacy look-alike characters"
    result = read_document(path)
    assert_ok(result, "docx", encoding)
    assert result.text == REPORT


def test_docx_legacy_font_inherited_from_the_paragraph_style(tmp_path):
    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTime"
    document.add_paragraph(encode_tcvn3(PARAGRAPHS[0]).decode("latin-1"))
    document.save(tmp_path / "style.docx")
    result = read_document(tmp_path / "style.docx")
    assert_ok(result, "docx", "docx+tcvn3")
    assert result.text == PARAGRAPHS[0]


@pytest.mark.parametrize(
    ("mojibake", "encoding"),
    [
        (encode_tcvn3(PARAGRAPHS[0]).decode("latin-1"), "docx+tcvn3"),
        (encode_vni(REPORT).decode("cp1252"), "docx+vni"),
    ],
    ids=["tcvn3", "vni"],
)
def test_docx_legacy_text_without_font_names_is_repaired(tmp_path, mojibake, encoding):
    result = read_document(to_docx(mojibake, tmp_path / "mat-font.docx"))
    assert result.encoding == encoding
    assert result.text == (PARAGRAPHS[0] if encoding == "docx+tcvn3" else REPORT)


def test_docx_unicode_text_in_a_legacy_font_is_left_alone(tmp_path):
    result = read_document(to_docx_with_font_only(REPORT, tmp_path / "a.docx", ".VnTime"))
    assert_ok(result, "docx", "docx")
    assert result.text == REPORT


def to_docx_with_font_only(text, path, font):
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph().add_run(line).font.name = font
    document.save(path)
    return path


def test_docx_tables_in_reading_order_rows_as_lines(tmp_path):
    document = docx.Document()
    document.add_paragraph("Kết quả chủ yếu:")
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(
        table.rows, [("Chỉ tiêu", "Số lượng"), ("Tin phát sóng", "2.737"), ("", "")], strict=True
    ):
        row.cells[0].text, row.cells[1].text = label, value
    nested = table.cell(1, 0).add_table(rows=1, cols=2)
    nested.cell(0, 0).text, nested.cell(0, 1).text = "trong đó", "547 bài"
    document.add_paragraph("Đạt 99,9% kế hoạch.")
    document.save(tmp_path / "bang.docx")
    assert read_document(tmp_path / "bang.docx").text == (
        "Kết quả chủ yếu:\nChỉ tiêu | Số lượng\nTin phát sóng trong đó | 547 bài | 2.737\nĐạt 99,9% kế hoạch."
    )


def test_docx_hyperlink_text_is_kept(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Xem ")
    link = docx.oxml.parse_xml(
        '<w:hyperlink xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:r><w:t>Kế hoạch số 64</w:t></w:r></w:hyperlink>"
    )
    paragraph._p.append(link)
    paragraph.add_run(" của Huyện ủy.")
    document.save(tmp_path / "link.docx")
    assert read_document(tmp_path / "link.docx").text == "Xem Kế hoạch số 64 của Huyện ủy."


# --- pdf -------------------------------------------------------------------------


def test_pdf_same_words_and_wrapped_lines_rejoined(tmp_path):
    result = read_document(to_pdf(REPORT, tmp_path / "bao-cao.pdf"))
    assert_ok(result, "pdf", "pdf")
    assert words(result.text) == words(REPORT)
    lines = unicodedata.normalize("NFC", result.text).split("\n")
    assert HEADING in lines
    for paragraph in PARAGRAPHS:
        assert paragraph in lines


@pytest.mark.parametrize("position", ["header", "footer"])
def test_pdf_over_several_pages_drops_page_numbers(tmp_path, position):
    text = "\n".join([*PARAGRAPHS] * 12)
    result = read_document(to_pdf(text, tmp_path / "dai.pdf", page_numbers=position))
    assert result.status == "ok"
    assert words(result.text) == words(text)


@pytest.mark.parametrize(
    ("printed", "joined"),
    [
        (["mở 09 lớp, ban hành 12", "báo cáo và 42 kế hoạch."], "mở 09 lớp, ban hành 12 báo cáo và 42 kế hoạch."),
        (
            ["I. KẾT QUẢ ĐẠT ĐƯỢC", "Năm 2023, Ban đã ban hành 64 văn bản."],
            "I. KẾT QUẢ ĐẠT ĐƯỢC\nNăm 2023, Ban đã ban hành 64 văn bản.",
        ),
        (["Các chỉ tiêu đạt:", "- 2.737 tin", "- 547 bài"], "Các chỉ tiêu đạt:\n- 2.737 tin\n- 547 bài"),
        (["Phát sóng tin, bài", "1. Công tác tuyên truyền"], "Phát sóng tin, bài\n1. Công tác tuyên truyền"),
        (["Đoạn một hết ở đây.", "", "Đoạn hai."], "Đoạn một hết ở đây.\n\nĐoạn hai."),
        (["mở lớp bồi dưỡng cho", "2.108 học viên"], "mở lớp bồi dưỡng cho 2.108 học viên"),
        (["Kết quả:", "Năm 2023 tốt."], "Kết quả:\nNăm 2023 tốt."),
        (
            ["phát sóng tin và bài viết trên đài truyền thanh huyện đạt 2.737 tin;", "547 bài."],
            "phát sóng tin và bài viết trên đài truyền thanh huyện đạt 2.737 tin; 547 bài.",
        ),
    ],
    ids=[
        "figure-unit",
        "capitals-heading",
        "bullets",
        "numbered-heading",
        "blank-line",
        "next-starts-with-figure",
        "colon-then-capital",
        "full-line-semicolon-then-figure",
    ],
)
def test_pdf_line_joining_rules(printed, joined):
    assert join_wrapped_lines(printed) == joined


def test_pdf_long_line_then_capital_is_a_continuation_short_line_is_not():
    long_line = "Ban Thường vụ Huyện ủy chỉ đạo các cơ quan báo chí, đài truyền thanh và"
    assert join_wrapped_lines([long_line, "Ủy ban Mặt trận phối hợp tuyên truyền."]) == (
        long_line + " Ủy ban Mặt trận phối hợp tuyên truyền."
    )
    assert join_wrapped_lines([long_line, long_line + " hết câu.", "Tóm tắt", "Năm 2023 đạt kết quả."]) == (
        f"{long_line} {long_line} hết câu.\nTóm tắt\nNăm 2023 đạt kết quả."
    )



def test_pdf_a_part_heading_never_carries_on_a_full_line_before_it():
    """Texts cut short leave a full last line: the next part's heading still starts a line."""
    full = "Ban Thường vụ Huyện ủy chỉ đạo các cơ quan báo chí, đài truyền thanh và các chi bộ cơ sở kết"
    for heading in ["PHẦN II: PHƯƠNG HƯỚNG, NHIỆM VỤ", "Phần thứ hai", "B. MỤC TIÊU, NHIỆM VỤ NĂM 2024",
                    "PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024"]:
        assert join_wrapped_lines([full, full, heading, "Tổ chức 15 lớp."]).split("\n")[1:] == [
            heading, "Tổ chức 15 lớp."], heading

# --- html ------------------------------------------------------------------------


def test_html_article_text_without_menu_counters_footer_or_script(tmp_path):
    result = read_document(to_html(REPORT, tmp_path / "tin.html"))
    assert_ok(result, "html", "utf-8")
    assert result.text == REPORT
    for noise in ("Trang chủ", "truy cập", "4.567.890", "Bản quyền", "Liên kết", "Cổng thông tin", "Hôm nay"):
        assert noise not in result.text


@pytest.mark.parametrize("charset", ["windows-1258", None], ids=["declared", "sniffed"])
def test_html_in_windows_1258(tmp_path, charset):
    path = tmp_path / "tin.htm"
    to_html(REPORT, path, charset=charset)
    if charset is None:
        path.write_bytes(cp1258_bytes(path.read_bytes().decode("utf-8")))
    result = read_document(path)
    assert_ok(result, "html", "cp1258")
    assert result.text == REPORT


def test_html_inline_markup_entities_tables_and_counter_lines(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><body><div id='noi-dung'><p>Phát sóng <b>2.737</b>&nbsp;tin, <i>hơn</i> 547 bài.</p>"
        "<table><tr><th>Chỉ tiêu</th><th>Số lượng</th></tr><tr><td>Lớp học</td><td>09</td></tr></table>"
        "<p>Đang truy cập: 45</p><p>Hôm nay: 1.024</p><div>Tổng lượt truy cập | 4.567.890</div><p>Online 7</p>"
        "<p>Hôm nay, Ban tổ chức hội nghị.</p><br>Dòng cuối</div></body></html>",
        encoding="utf-8",
    )
    assert read_document(tmp_path / "a.html").text == (
        "Phát sóng 2.737 tin, hơn 547 bài.\nChỉ tiêu | Số lượng\nLớp học | 09\nHôm nay, Ban tổ chức hội nghị.\nDòng cuối"
    )


def test_html_without_article_container_still_drops_marked_page_furniture(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><body><header>Cổng thông tin</header><div class='menu-top'>Trang chủ | Giới thiệu</div>"
        "<div><p>Năm 2023 phát sóng 2.737 tin.</p><p>Mở 09 lớp bồi dưỡng.</p></div>"
        "<div id='thong-ke-truy-cap'>Đang xem 12</div><footer>Bản quyền 2023</footer></body></html>",
        encoding="utf-8",
    )
    assert read_document(tmp_path / "a.html").text == "Năm 2023 phát sóng 2.737 tin.\nMở 09 lớp bồi dưỡng."


def test_html_unmarked_blocks_beside_the_article_are_left_out(tmp_path):
    article = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    (tmp_path / "a.html").write_text(
        f"<html><body><div>Tin mới: Hội nghị 12 chi bộ</div><article>{article}</article>"
        "<div>Số 5 đường Lê Lợi, điện thoại 0299 3 123 456</div></body></html>",
        encoding="utf-8",
    )
    assert read_document(tmp_path / "a.html").text == "\n".join(PARAGRAPHS)


def test_html_wrapper_named_like_a_sidebar_is_kept_when_it_holds_the_text(tmp_path):
    article = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    (tmp_path / "a.html").write_text(
        f"<html><body><div class='layout-with-sidebar'><div id='noi-dung'>{article}</div>"
        "<div class='sidebar'>Liên kết</div></div></body></html>",
        encoding="utf-8",
    )
    assert read_document(tmp_path / "a.html").text == "\n".join(PARAGRAPHS)


def test_html_listing_page_without_main_container_keeps_body_text(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><body><h1>Thông báo</h1><div>Hội nghị tổng kết ngày 15/12/2023.</div></body></html>", encoding="utf-8"
    )
    assert read_document(tmp_path / "a.html").text == "Thông báo\nHội nghị tổng kết ngày 15/12/2023."


# --- mislabelled files -----------------------------------------------------------


def test_html_saved_as_txt_is_read_as_html(tmp_path):
    path = tmp_path / "tin.txt"
    path.write_bytes(to_html(REPORT, tmp_path / "tin.html").read_bytes())
    result = read_document(path)
    assert result.format == "html"
    assert result.text == REPORT


def test_docx_named_pdf_is_read_as_docx(tmp_path):
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(to_docx(REPORT, tmp_path / "x.docx").read_bytes())
    result = read_document(path)
    assert_ok(result, "docx", "docx")
    assert result.text == REPORT


def test_pdf_named_txt_is_read_as_pdf(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(to_pdf(REPORT, tmp_path / "x.pdf").read_bytes())
    assert read_document(path).format == "pdf"


def test_text_named_docx_is_read_as_text(tmp_path):
    path = to_tcvn3(REPORT, tmp_path / "bao-cao.docx")
    result = read_document(path)
    assert_ok(result, "txt", "tcvn3")
    assert result.text == REPORT


def test_utf16_named_html_with_markup_is_html(tmp_path):
    page = (
        to_html(REPORT, tmp_path / "x.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="utf-16"')
    )
    to_utf16(page, tmp_path / "tin.txt")
    result = read_document(tmp_path / "tin.txt")
    assert (result.format, result.encoding, result.text) == ("html", "utf-16-le", REPORT)
