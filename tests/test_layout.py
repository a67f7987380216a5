"""Headings and their levels, and the parts of a formal report whose figures are not results."""
from __future__ import annotations

import pytest

from report_extract.api import extract_text
from report_extract.layout import heading_level, part_spans
from report_extract.rules import load_rules

RULES = load_rules()


@pytest.mark.parametrize("line, level", [
    ("PHẦN THỨ HAI", 1), ("Phần thứ nhất: KẾT QUẢ", 1), ("A. KẾT QUẢ ĐẠT ĐƯỢC", 1), ("B- NHIỆM VỤ", 1),
    ("I. KẾT QUẢ THỰC HIỆN", 2), ("II- HẠN CHẾ", 2), ("2. Công tác tuyên truyền", 3), ("2.1. Hội viên", 4),
    ("a) Tuyên truyền miệng", 5), ("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", 1),
    ("Năm 2023, Hội kết nạp 120 hội viên mới.", None), ("2023", None), ("", None),
    ("1. " + "Công tác tuyên truyền được đẩy mạnh với nhiều hình thức phong phú, " * 3, None),
])
def test_heading_levels(line, level):
    assert heading_level(line + "\nTiếp theo.", 0) == level


FORMAL = """ĐẢNG CỘNG SẢN VIỆT NAM
HỘI NÔNG DÂN HUYỆN ĐÔNG SƠN
Số: 45-BC/HND

BÁO CÁO
Tổng kết công tác Hội năm 2023 và phương hướng, nhiệm vụ năm 2024

I. KẾT QUẢ CÔNG TÁC NĂM 2023
1. Công tác tuyên truyền
Năm 2023, Hội tổ chức 18 lớp tập huấn cho 1.240 hội viên.
2. Phát triển hội viên
Kết nạp 310 hội viên mới.
II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024
1. Tuyên truyền
Tổ chức 20 lớp tập huấn cho hội viên.
2. Phát triển hội viên
Kết nạp 350 hội viên mới trong năm 2024.
III. KIẾN NGHỊ, ĐỀ XUẤT
Đề nghị Hội Nông dân tỉnh hỗ trợ 5 mô hình kinh tế tập thể.

Nơi nhận:
- Hội Nông dân tỉnh (b/c);
- 13 cơ sở Hội trực thuộc;
- Lưu VP.

TM. BAN THƯỜNG VỤ
CHỦ TỊCH
"""


def test_a_formal_reports_plan_proposals_and_recipients_hold_no_results():
    values = [q.value for q in extract_text(FORMAL, RULES).quantities]
    assert values == [18, 1240, 310]
    parts = sorted((FORMAL[start:end].split("\n", 1)[0], rule)
                   for start, end, rule in part_spans(FORMAL, RULES))
    assert parts == [("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", "part.plan"), ("III. KIẾN NGHỊ, ĐỀ XUẤT", "part.proposals"),
                     ("Nơi nhận:", "part.recipients")]


def test_a_news_write_up_has_no_parts():
    news = ("Sáng 15/12, Hội Nông dân huyện Đông Sơn tổ chức hội nghị tổng kết công tác năm 2023, triển khai "
            "phương hướng, nhiệm vụ năm 2024. Năm 2023, Hội kết nạp 310 hội viên mới, tổ chức 18 lớp tập huấn.\n"
            "Phương hướng năm 2024 được hội nghị thống nhất thông qua sau khi các đại biểu thảo luận, góp ý sôi nổi "
            "cho báo cáo; Hội đã vận động 1.240 hội viên đăng ký thi đua sản xuất, kinh doanh giỏi trong năm qua.")
    assert part_spans(news, RULES) == []


@pytest.mark.parametrize("convert", ["to_docx", "to_pdf", "to_html"])
def test_the_parts_hold_in_every_format(tmp_path, convert):
    """The same formal report as Word, PDF and a web page: the same results, no plan figures."""
    from helpers import convert as converters

    from report_extract.api import extract_file

    path = getattr(converters, convert)(FORMAL, tmp_path / f"bao-cao.{convert[3:]}")
    doc, rows = extract_file(path, rules=RULES)
    assert doc["status"] == "ok", doc["error"]
    assert [row["value"] for row in rows] == [18, 1240, 310]


def test_a_heading_wrapped_over_two_lines_in_capitals_opens_one_part():
    text = ("PHẦN I: KẾT QUẢ NHỮNG THÁNG ĐẦU NĂM 2018\nHuyện ủy kết nạp 200 đảng viên mới.\n"
            "PHẦN II: PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ GIẢI PHÁP NHỮNG THÁNG\nCUỐI NĂM 2018\n"
            "- Tổ chức 19 lớp tập huấn cho 1.361 lượt cán bộ.")
    extraction = extract_text(text)
    assert [text[q.start:q.end] for q in extraction.quantities] == ["200 đảng viên mới"]
