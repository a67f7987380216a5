"""The letterhead and the reporting unit, from the examples their vocabularies carry
(rules/letterhead.yml, rules/units.yml), and in each format a formal report comes in."""
from __future__ import annotations

import datetime
from pathlib import Path

import docx
import pytest
import yaml

from report_extract.api import extract_text
from report_extract.ingest import read_document
from report_extract.letterhead import read_letterhead
from report_extract.normalize import normalize
from report_extract.rules import load_rules

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"
RULES = load_rules()
LETTERHEAD = yaml.safe_load((RULES_DIR / "letterhead.yml").read_text(encoding="utf-8"))
UNITS = yaml.safe_load((RULES_DIR / "units.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", LETTERHEAD["examples"], ids=lambda e: e["body"][-1])
def test_letterhead_example(example):
    found = read_letterhead(normalize(example["text"]).text, RULES)
    assert found is not None
    assert list(found.body) == example["body"]
    assert found.title == example["title"]
    issued = example["issued"]
    assert found.issued == (datetime.date.fromisoformat(str(issued)) if issued else None)


@pytest.mark.parametrize("text", LETTERHEAD["counter_examples"])
def test_letterhead_counter_example(text):
    assert read_letterhead(normalize(text).text, RULES) is None


@pytest.mark.parametrize("example", UNITS["examples"], ids=lambda e: e["unit"])
def test_unit_example(example):
    unit = extract_text(example["text"], RULES).unit
    assert unit is not None and unit.name == example["unit"]
    if "key" in example:
        assert unit.key == example["key"]


@pytest.mark.parametrize("text", UNITS["counter_examples"])
def test_unit_counter_example(text):
    assert extract_text(text, RULES).unit is None


def test_spellings_of_one_unit_share_a_key_and_different_units_do_not():
    keyed = [e for e in UNITS["examples"] if "key" in e]
    by_key: dict[str, set[str]] = {}
    for example in keyed:
        by_key.setdefault(example["key"], set()).add(example["unit"])
    assert any(len(names) > 1 for names in by_key.values())  # the vocabulary has such pairs to check
    keys = [extract_text(e["text"], RULES).unit.key for e in keyed]
    assert len(set(keys)) == len(by_key)


def _formal_docx(path: Path) -> Path:
    """A .docx as offices make them: letterhead and closing as borderless one-row tables."""
    document = docx.Document()
    head = document.add_table(rows=1, cols=2)
    head.cell(0, 0).text = "UBND HUYỆN ĐÔNG SƠN"
    head.cell(0, 0).add_paragraph("PHÒNG VĂN HÓA VÀ THÔNG TIN")
    head.cell(0, 0).add_paragraph("Số: 21/BC-VHTT")
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    head.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    head.cell(0, 1).add_paragraph("Đông Sơn, ngày 14 tháng 12 năm 2024")
    for line in ["BÁO CÁO", "Tổng kết công tác văn hóa, thông tin năm 2024", "và phương hướng, nhiệm vụ năm 2025",
                 "Kính gửi: Ủy ban nhân dân huyện Đông Sơn", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024",
                 "1. Công tác tuyên truyền", "Năm 2024, Phòng đã tổ chức 12 đợt tuyên truyền và 5 hội thi.",
                 "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025", "Phấn đấu tổ chức 15 đợt tuyên truyền."]:
        document.add_paragraph(line)
    closing = document.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:"
    closing.cell(0, 0).add_paragraph("- 16 xã, thị trấn;")
    closing.cell(0, 1).text = "TRƯỞNG PHÒNG"
    document.save(path)
    return path


def test_a_docx_letterhead_table_reads_as_columns_and_names_the_issuing_body(tmp_path):
    text = read_document(_formal_docx(tmp_path / "bao-cao.docx")).text
    assert text.startswith("UBND HUYỆN ĐÔNG SƠN\nPHÒNG VĂN HÓA VÀ THÔNG TIN\nSố: 21/BC-VHTT\nCỘNG HÒA")
    extraction = extract_text(text, RULES)
    assert extraction.unit.name == "Phòng Văn hóa và Thông tin huyện Đông Sơn"  # not the addressee
    assert (extraction.period.year, extraction.period.span) == (2024, "year")
    assert extraction.layout.letterhead.issued == datetime.date(2024, 12, 14)
    assert extraction.layout.letterhead.title == ("Tổng kết công tác văn hóa, thông tin năm 2024 "
                                                  "và phương hướng, nhiệm vụ năm 2025")
    found = [(text[q.start:q.end], extraction.layout.section_at(q.start)) for q in extraction.quantities]
    # the plan's 15 and the recipients' 16 are not results; the number and dates never are
    assert found == [
        ("12 đợt tuyên truyền", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024 > 1. Công tác tuyên truyền"),
        ("5 hội thi", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024 > 1. Công tác tuyên truyền"),
    ]


def test_columns_side_by_side_on_shared_lines_read_as_the_same_letterhead():
    text = ("HUYỆN ỦY VĨNH CỬU                    ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "BAN DÂN VẬN\n"
            "*\n"
            "Số: 88-BC/BDVHU             Vĩnh Cửu, ngày 20 tháng 12 năm 2023\n"
            "BÁO CÁO\nKết quả công tác dân vận năm 2023\n"
            "Năm 2023, Ban Dân vận đã phối hợp với Hội Nông dân huyện tổ chức 8 hội nghị.")
    extraction = extract_text(text, RULES)
    assert extraction.layout.letterhead.body == ("HUYỆN ỦY VĨNH CỬU", "BAN DÂN VẬN")
    assert extraction.unit.name == "Ban Dân vận Huyện ủy Vĩnh Cửu"
    assert extraction.unit.key == "dan van|huyen|vinhx cuwur" and extraction.unit.province == "Đồng Nai"


def test_a_news_write_up_has_no_letterhead_and_no_sections():
    text = ("HỘI NÔNG DÂN XÃ TÂN HÒA TỔNG KẾT CÔNG TÁC HỘI NĂM 2023\n"
            "Sáng 12/12, Hội Nông dân xã Tân Hòa tổ chức hội nghị tổng kết. Năm 2023, Hội kết nạp 47 hội viên mới.")
    extraction = extract_text(text, RULES)
    assert extraction.layout.letterhead is None and extraction.layout.section_at(len(text) - 5) is None
    assert extraction.unit.name == "Hội Nông dân xã Tân Hòa"
    assert [text[q.start:q.end] for q in extraction.quantities] == ["47 hội viên mới"]


def test_a_title_names_the_period_and_the_date_line_does_not():
    text = ("HỘI LHPN HUYỆN KIM SƠN\nSố: 12-BC/HPN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Kim Sơn, ngày 08 tháng 01 năm 2025\nBÁO CÁO\nSơ kết công tác Hội 6 tháng cuối năm 2024\n"
            "Trong kỳ, Hội kết nạp 35 hội viên mới; năm 2025 phấn đấu kết nạp thêm.")
    period = extract_text(text, RULES).period
    assert (period.year, period.span) == (2024, "half_year")


def test_the_pdf_sample_reads_its_letterhead_title_date_and_sections():
    """The formal sample printed to PDF by LibreOffice: its letterhead columns come as lines."""
    from report_extract.api import extract_file

    doc, rows = extract_file(Path(__file__).resolve().parents[1] / "samples" / "formal-hoi-phu-nu-kim-hoa-2024.pdf")
    assert (doc["unit"], doc["unit_key"], doc["unit_level"]) == (
        "Hội LHPN huyện Kim Hòa", "lhpn|huyen|kim hoaf", "huyện")
    assert doc["province"] == "Nghệ An"  # from the parent line "HỘI LHPN TỈNH NGHỆ AN"
    assert doc["title"].startswith("Tổng kết công tác Hội và phong trào phụ nữ năm 2024")
    assert doc["issued"] == datetime.date(2024, 12, 16) and (doc["year"], doc["period"]) == (2024, "year")
    assert rows and all(r["section"] and r["section"].startswith("I. KẾT QUẢ") for r in rows)


def test_a_province_named_after_a_person_counts_only_as_a_city():
    from report_extract.gazetteer import named_province

    assert named_province("học tập và làm theo tư tưởng Hồ Chí Minh; Đoàn TNCS Hồ Chí Minh") is None
    assert named_province("Thành Đoàn TP. Hồ Chí Minh tổ chức") == "Hồ Chí Minh"
