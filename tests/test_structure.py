"""Breakdowns, period and reporting unit."""
from __future__ import annotations

import pytest

from report_extract.api import extract_text
from report_extract.segment import _MAX_SENTENCE, sentence_spans
from report_extract.structure import _MAX_PARENTHESIS, _parentheses


def parts(text: str):
    ex = extract_text(text)
    t = ex.normalized.text
    return {t[q.start:q.end]: (t[ex.quantities[q.parent].start:ex.quantities[q.parent].end] if q.parent is not None else None)
            for q in ex.quantities}, ex


def test_parenthesis_breakdown_that_adds_up():
    found, ex = parts("Ban hành 64 văn bản (trong đó 42 kế hoạch, 12 báo cáo, 10 công văn).")
    assert found == {"64 văn bản": None, "42 kế hoạch": "64 văn bản", "12 báo cáo": "64 văn bản",
                     "10 công văn": "64 văn bản"}
    assert ex.parts_checks == {0: "equal"}


def test_partial_breakdown_is_flagged_less():
    found, ex = parts("tiếp nhận 6.061 hồ sơ, trong đó đã giải quyết 5.581 hồ sơ.")
    assert found["5.581 hồ sơ"] == "6.061 hồ sơ"
    assert ex.parts_checks == {0: "less"}


def test_parts_exceeding_their_total_stay_unlinked():
    found, ex = parts("xảy ra 27 vụ phạm pháp hình sự; trong đó có 34 vụ về kinh tế và 10 vụ về ma túy.")
    assert found["34 vụ"] is None and found["10 vụ"] is None
    assert ex.parts_checks == {0: "exceed"}


# A report saved as one long line without sentence ends (a flattened table), opened by a "("
# that is never closed: what is measured in sentences and parentheses must stay bounded,
# or the work per figure grows with the length of the line.
_BREAKDOWN = "ban hành 64 văn bản (trong đó 42 kế hoạch, 12 báo cáo, 10 công văn)"
_LONG_LINE = "Phụ lục (số liệu " + " ".join(f"xã {i} có {i} hộ" for i in range(1, 800)) + " " + _BREAKDOWN


def test_a_stray_parenthesis_on_a_long_line_leaves_later_breakdowns_as_they_are():
    assert len(_LONG_LINE) > 5 * _MAX_PARENTHESIS
    found, ex = parts(_LONG_LINE)
    alone, _ = parts(_BREAKDOWN)
    assert {k: v for k, v in found.items() if k in alone} == alone
    assert all(end - start <= _MAX_PARENTHESIS for start, end, _ in _parentheses(_LONG_LINE).items)


def test_a_text_without_sentence_ends_is_cut_at_spaces_into_bounded_sentences():
    spans = sentence_spans(_LONG_LINE)
    assert len(spans) > 1 and all(end - start <= _MAX_SENTENCE for start, end in spans)
    assert all(_LONG_LINE[start - 1] == " " for start, _ in spans[1:])  # cut between words
    assert " ".join(_LONG_LINE[start:end] for start, end in spans) == _LONG_LINE


def test_change_in_parenthesis_is_not_a_part():
    found, _ = parts("toàn tỉnh có 2.411 chi hội (tăng 540 chi hội so với năm 2022).")
    assert found["540 chi hội"] is None


def test_parts_inherit_the_indicator_of_their_total():
    ex = extract_text("năm 2018 đã phát triển mới được 108 đảng viên (trong đó, có 57 đảng viên nữ).")
    assert [q.indicator for q in ex.quantities] == ["new_members", "new_members"]


@pytest.mark.parametrize("text,year,span", [
    ("Hội nghị tổng kết công tác Hội năm 2023, triển khai nhiệm vụ năm 2024.", 2023, "year"),
    ("Sơ kết 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2022.", 2022, "half_year"),
    ("đánh giá tình hình trong 9 tháng đầu năm 2025", 2025, "months"),
    ("Hội tổ chức Đại hội lần thứ 8 nhiệm kỳ 2017-2022.", 2017, "term"),
    ("Trong nhiệm kỳ (2015-2020) huyện đã kết nạp 1.500 đảng viên.", 2020, "term"),
    ("sơ kết thực hiện Nghị quyết giai đoạn 2020-2023", 2023, "multi_year"),
    # a part of a year named without its year is read in the year the text was written
    ("Ngày 16/09/2019. Trong quý III, thư viện đón 50.600 lượt bạn đọc; bổ sung sách năm 2018.", 2019, "quarter"),
    # an anniversary's range of dates is no dateline; a date written with dots is one
    ("Kỷ niệm ngày thành lập Hội (06/6/1941 - 06/6/2024), sáng ngày 09.6.2024, Hội sơ kết 6 tháng đầu năm.",
     2024, "half_year"),
    ("Trong năm 2021, 3 đại lý bị đình chỉ hoạt động trong thời gian 2 tháng.", 2021, "year"),
])
def test_period(text, year, span):
    period = extract_text(text).period
    assert (period.year, period.span) == (year, span)


@pytest.mark.parametrize("text,unit", [
    ("UBND xã Chư Drăng tổ chức hội nghị. Ủy ban nhân dân xã Chư Drăng đã tổng kết.", "Ủy ban nhân dân xã Chư Drăng"),
    ("Hội Nông dân huyện tổ chức hội nghị. Quang cảnh hội nghị Hội ND huyện Triệu Phong.", "Hội Nông dân huyện Triệu Phong"),
    ("Ban Dân vận Huyện ủy Lục Ngạn vừa thông qua danh sách đề nghị Ban Dân vận Tỉnh ủy biểu dương.",
     "Ban Dân vận Huyện ủy Lục Ngạn"),
    ("Chủ tịch UBND tỉnh dự. Công an huyện Đại Lộc vừa tổ chức hội nghị tổng kết.", "Công an huyện Đại Lộc"),
    # a department named by its sector is a unit of its own, not its People's Committee
    ("Sáng 20/12, Sở Tư pháp tỉnh Hà Giang tổ chức hội nghị tổng kết công tác năm 2023. Dự hội nghị có lãnh đạo "
     "UBND tỉnh.", "Sở Tư pháp tỉnh Hà Giang"),
    ("Phòng Giáo dục và Đào tạo huyện Kim Sơn đã tổng kết năm học; Phó Chủ tịch UBND huyện Kim Sơn dự.",
     "Phòng Giáo dục và Đào tạo huyện Kim Sơn"),
    ("Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn vừa tổ chức hội nghị tổng kết.",
     "Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn"),
    ("Đài Truyền thanh - Truyền hình huyện Kiến Xương tổ chức hội nghị tổng kết công tác năm 2022.",
     "Đài Truyền thanh - Truyền hình huyện Kiến Xương"),
    # a number that is part of the name, not a figure about it
    ("Cụm thi đua số 4 tổ chức hội nghị tổng kết phong trào thi đua năm 2021.", "Cụm thi đua số 4"),
])
def test_unit(text, unit):
    assert extract_text(text).unit.name == unit


def test_items_labelled_by_their_kind_split_the_list_head_and_are_filed_like_it():
    found, ex = parts("Năm 2023 xử lý 8 trường hợp vi phạm, với hình thức khiển trách 3, cảnh cáo 1, khai trừ 4.")
    assert found == {"8 trường hợp": None, "3": "8 trường hợp", "1": "8 trường hợp", "4": "8 trường hợp"}
    assert [(q.noun, q.indicator) for q in ex.quantities] == [
        ("trường hợp", "cases_handled"), ("khiển trách", "cases_handled"), ("cảnh cáo", "cases_handled"),
        ("khai trừ", "cases_handled")]


def test_a_part_filed_by_its_own_clause_keeps_its_indicator():
    found, ex = parts("Hội hiện có 1.424 hội viên, trong đó 6 tháng đầu năm kết nạp được 29 hội viên.")
    assert found["29 hội viên"] == "1.424 hội viên"
    assert [q.indicator for q in ex.quantities] == ["members", "new_members"]


@pytest.mark.parametrize("text,shares", [
    ("Toàn huyện có 2.150 cán bộ, trong đó 81,2% có trình độ đại học.", {"81,2%": "2.150 cán bộ"}),
    ("Vụ mùa gieo cấy 246 ha, trong đó lúa chất lượng cao chiếm 70% diện tích, lúa lai là 30% diện tích.",
     {"70%": "246 ha", "30%": "246 ha"}),
    ("Tiếp nhận 645 vụ việc, trong đó hòa giải thành 470 vụ việc, đạt 76%.", {"76%": None}),
    ("Có 3.204 tổ hợp tác, trong đó thành lập mới 10 tổ, đạt 100% kế hoạch.", {"100%": None}),
    ("Tiếp nhận 645 vụ việc, trong đó hòa giải thành 470 vụ việc, chiếm 73%.", {"73%": None}),
    ("Kết nạp 8 đảng viên, xếp loại đảng viên: 28 đảng viên hoàn thành xuất sắc, chiếm 11%.", {"11%": None}),
])
def test_shares_right_after_a_marker_or_after_chiem_split_the_total(text, shares):
    found, _ = parts(text)
    assert {share: found[share] for share in shares} == shares


@pytest.mark.parametrize("text,links", [
    ("Năm 2023, Hội ban hành 64 văn bản. Trong đó có 42 kế hoạch, 12 báo cáo và 10 công văn.",
     {"42 kế hoạch": "64 văn bản", "10 công văn": "64 văn bản"}),
    ("Xử phạt tổng số tiền 237 triệu đồng. Trong đó, có 3 cơ quan báo chí bị phạt 120 triệu đồng.",
     {"3 cơ quan": None, "120 triệu đồng": "237 triệu đồng"}),
    ("Năm 2023 xây dựng 35 công trình, cụ thể: 02 nhà văn hóa, 05 cầu dân sinh, 04 sân bê tông.",
     {"02 nhà văn hóa": "35 công trình", "04 sân": "35 công trình"}),
    ("Hội tổ chức 24 hội nghị như: 10 hội nghị chuyên đề, 14 hội nghị tập huấn.", {"14 hội nghị": "24 hội nghị"}),
    ("Hội có tổng số 3.120, trong đó 1.200 hội viên nữ.", {"1.200 hội viên": "3.120"}),
])
def test_breakdowns_announced_across_a_sentence_or_by_cu_the_and_nhu(text, links):
    found, _ = parts(text)
    assert {part: found[part] for part in links} == links


def test_a_total_labelled_before_its_number_counts_the_noun_of_its_label():
    ex = extract_text("Năm nay nâng tổng số hội viên lên 1.410; Hội có tổng số 3.120, trong đó 1.200 hội viên nữ.")
    assert [(q.value, q.noun) for q in ex.quantities] == [(1410, "hội viên"), (3120, "hội viên"), (1200, "hội viên")]
