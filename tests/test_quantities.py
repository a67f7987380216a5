"""Quantities in sentences of the genre: values, nouns, hedges, and what is not a quantity."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from report_extract.api import extract_text
from report_extract.numbers import NUMBER_WORDS
from report_extract.quantities import _line_before, word_numeral_spans


def figures(text: str):
    ex = extract_text(text)
    return [(q.value, q.noun, q.qualifier) for q in ex.quantities]


@pytest.mark.parametrize("text,value,noun", [
    ("phát sóng 2.737 tin trên sóng phát thanh", 2737, "tin"),
    ("đạt 99,9% kế hoạch", 99.9, "%"),
    ("mở 09lớp bồi dưỡng", 9, "lớp"),
    ("giải ngân 1,5 triệu đồng", 1_500_000, "đồng"),
    ("thu ngân sách 8 tỷ 500 triệu đồng", 8_500_000_000, "đồng"),
    ("quỹ hội có 44,962.000 đ", 44_962_000, "đồng"),
    ("tỷ lệ đạt 55 %", 55, "%"),
    ("có 11/15 chi hội duy trì", 11, "chi hội"),
    ("hỗ trợ 100 triệu cho hộ nghèo", 100_000_000, "đồng"),
    ("trao hơn 140 ngàn suất quà", 140_000, "suất quà"),
    ("hiến 3.760 m2 đất", 3760, "m2"),
    ("tổ chức hai lớp tập huấn", 2, "lớp"),
    ("mở mười hai lớp", 12, "lớp"),
    ("quyên góp một trăm linh năm suất quà", 105, "suất quà"),
    ("đóng góp 380 ngày công", 380, "ngày công"),
])
def test_value_and_noun(text, value, noun):
    found = figures(text)
    assert len(found) == 1, found
    assert found[0][0] == pytest.approx(value)
    assert found[0][1] == noun


@pytest.mark.parametrize("text,qualifier", [
    ("thu hút gần 1.000 người", "approx"), ("khoảng 50 hộ", "approx"), ("hơn 547 bài viết", "over"),
    ("trên 4,3 tỷ đồng", "over"), ("dưới 2% hộ nghèo", "under"), ("ít nhất 30 hộ", "at_least"),
    ("ước đạt 153 tỷ đồng", "approx"), ("ước đạt hơn 37 tỷ đồng", "over"), ("xấp xỉ 20 tỷ đồng", "approx"),
    ("trên dưới 50 người", "approx"), ("chưa đến 100 hộ", "under"), ("có từ 60% số hộ trở lên", "at_least"),
    ("phát hiện ít hơn 24 vụ", "exact"), ("kết nạp 24 hội viên", "exact"),
])
def test_hedges(text, qualifier):
    found = figures(text)
    assert [f[2] for f in found] == [qualifier]


@pytest.mark.parametrize("text", [
    "Sáng ngày 29/6/2022, hội tổ chức hội nghị",          # dates
    "Hội nghị tổng kết công tác năm 2023",                # years
    "lúc 10:54 ngày 07/07/2020",                         # times
    "thực hiện Kết luận số 01-KL/TW của Ban Bí thư",     # document numbers
    "triển khai Kế hoạch số 12/KH-UBND",
    "Đại hội lần thứ XXII, khóa XIII",                   # ordinals, congress numbers
    "tổ chức Hội nghị lần thứ 8",
    "Trưởng BCĐ 35 huyện",                               # names carrying numbers
    "sinh hoạt tại Khu phố 3, phường Phước Trung",
    "phòng, chống dịch Covid-19 trên địa bàn",
    "ứng dụng công nghệ 4.0 vào cải cách hành chính",
    "giai đoạn 2020 - 2025",                             # year ranges
    "kỷ niệm 94 năm ngày thành lập Hội",                 # durations naming events
    "đạt danh hiệu 5 năm liền",
    "Năm 2024, Hội phấn đấu kết nạp 3.500 hội viên.",    # targets
    "Điện thoại: 0259.3822.456",                         # phone numbers
    "ảnh: a272e0729db75ee907a6.jpg",                     # file names
    "Lượt xem: 558",                                     # page furniture
    "Đang truy cập: 25",
    "Tổng lượt truy cập: 1.234.567",
    "lãnh đạo một số đoàn thể, một trong những đơn vị",  # "một" as an article
    "thu hút hàng trăm người tham gia",                  # "hàng trăm" is not a number
    "sinh hoạt vào ngày 10 hằng tháng",                  # schedules
    "cuộc vận động “5 không, 3 sạch”",                    # slogans
])
def test_not_quantities(text):
    assert figures(text) == []


def test_earlier_period_quoted_for_comparison_is_not_a_quantity():
    text = "Năm 2019, toàn huyện kết nạp 250 đảng viên mới. Trước đó vào năm 2018, Đảng bộ có 95% chi bộ trong sạch."
    assert [f[:2] for f in figures(text)] == [(250, "đảng viên mới")]


def test_label_before_number_lists():
    text = "giảm 42 hội viên (do từ trần 41, chuyển nơi khác 01). Khen thưởng: tập thể 12, cá nhân 35."
    assert [f[:2] for f in figures(text)] == [(42, "hội viên"), (41, "hội viên"), (1, "hội viên"),
                                             (12, "tập thể"), (35, "cá nhân")]


def test_a_label_naming_the_kind_of_item_is_its_noun():
    text = "Năm 2023 có 6 đảng viên bị kỷ luật, với hình thức khiển trách 4, cảnh cáo 2."
    assert [f[:2] for f in figures(text)] == [(6, "đảng viên"), (4, "khiển trách"), (2, "cảnh cáo")]


def test_offsets_point_into_the_original_text():
    text = "Năm 2023, Hội đã phát triển 2.737 tin và hơn 547 bài viết; mở 09lớp cho 2.108 học viên."
    ex = extract_text(text)
    for q in ex.quantities:
        start, end = ex.normalized.span_to_original(q.start, q.end)
        assert text[start:end] == ex.normalized.text[q.start:q.end]
    assert [ex.normalized.text[q.start:q.end] for q in ex.quantities] == [
        "2.737 tin", "547 bài viết", "09lớp", "2.108 học viên"]


_NUMBER_WORD_PATTERN = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WORD_NUMERAL_REGEX = re.compile(rf"\b(?:{_NUMBER_WORD_PATTERN})(?:[ \t]+(?:{_NUMBER_WORD_PATTERN}))*\b")
_SYLLABLES = ["hai", "ba", "năm", "mươi", "trăm", "linh", "một", "bản", "hội", "viên", "bảy", "tư", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SYLLABLES), st.sampled_from([" ", "  ", "\t", ", ", "\n", "", "_", "2"])),
                max_size=12))
def test_word_numeral_runs_are_the_regex_definition(parts):
    """The str.find scanner finds exactly what `\\b(?:word)(?:[ \\t]+(?:word))*\\b` finds."""
    text = "".join(syllable + gap for syllable, gap in parts)
    assert word_numeral_spans(text) == [m.span() for m in _WORD_NUMERAL_REGEX.finditer(text)]


class _RecordingText(str):
    """A text that notes the bounds of every backward search made in it."""

    searches: list

    def rfind(self, sub, start=None, end=None):
        self.searches.append((start, end))
        return super().rfind(sub, start, end)


@pytest.mark.parametrize("text,pos,context", [
    ("Năm qua\nhội có 12", 15, "hội có "),  # never into the line above
    ("x" * 200 + "12", 200, "x" * 80),  # at most 80 characters
    ("có 12", 3, "có "),
])
def test_the_context_before_a_figure_stays_on_its_line_and_within_reach(text, pos, context):
    recording = _RecordingText(text)
    recording.searches = []
    assert _line_before(recording, pos) == context
    # The line start is sought only within reach: a report of one long line (a flattened
    # table) costs time in proportion to its length, not to its square.
    assert all(end - start <= 80 for start, end in recording.searches)


def test_a_long_digit_run_does_not_cost_the_report_its_figures():
    assert figures("Hội có 12 hội viên. Mã tài liệu " + "7" * 5000 + ".") == [(12, "hội viên", "exact")]


def test_words_of_a_page_run_together_are_no_noun():
    assert [f[:2] for f in figures("Kết nạp mới hơn 48,5 ngàn hội viên\n590 liên quanGốc\n(ĐN) - Năm 2016")] == [
        (48500, "hội viên")]
