"""Place names from the gazetteer package: a place is known as a place, a person's name is not one."""
from __future__ import annotations

import pytest

from report_extract.api import extract_text
from report_extract.gazetteer import known_place, place_names


def test_names_before_and_after_the_2025_reorganisation_are_known():
    names = place_names()
    assert {"triệu phong", "vĩnh cửu", "hòa an"} <= names  # districts, abolished on 1 July 2025
    assert {"hà nội", "quảng trị", "lào cai"} <= names  # provinces
    assert {"lê lợi", "trần phú"} <= names  # communes and wards named after people


@pytest.mark.parametrize("words, place", [
    ("Vĩnh Cửu Lê Quốc", "Vĩnh Cửu"),  # a person's name glued after the place
    ("Triệu Phong", "Triệu Phong"),
    ("Lê Lợi", "Lê Lợi"),  # a ward named after a person stays whole
    ("Yên Kim Thành", "Yên Kim Thành"),  # unknown to the data: kept as written
    ("Lâm Ngọc", "Lâm Ngọc"),  # a one-word name ("Lâm") never cuts a longer one
])
def test_known_place(words, place):
    assert " ".join(known_place(words.split())) == place


def test_a_persons_name_after_the_unit_is_not_part_of_it():
    text = ("Sáng 10/1, Hội Cựu chiến binh huyện Vĩnh Cửu Lê Quốc Hùng chủ trì hội nghị tổng kết công tác "
            "năm 2023. Hội Cựu chiến binh huyện Vĩnh Cửu đã kết nạp 120 hội viên mới.")
    assert extract_text(text).unit.name == "Hội Cựu chiến binh huyện Vĩnh Cửu"


def test_a_known_place_beats_a_longer_name_that_is_no_place():
    text = ("Sáng 19-12, Ban Tuyên giáo Huyện ủy Triệu Phong tổ chức hội nghị tổng kết công tác năm 2024. "
            "Dự hội nghị có đồng chí Trưởng ban Tuyên giáo Nguyễn Văn An Bình. Đại diện Ban Tuyên giáo Tỉnh ủy "
            "cùng dự. Năm 2024, Ban Tuyên giáo Huyện ủy đã tổ chức 15 lớp bồi dưỡng.")
    assert extract_text(text).unit.name == "Ban Tuyên giáo Huyện ủy Triệu Phong"


@pytest.mark.parametrize("text, unit", [
    # a person's full name after the unit is no place, however it is capitalised
    ("Phó Bí thư Đảng ủy Khối các cơ quan tỉnh Trần Thị Mai Anh cho biết, năm 2023 Đảng ủy Khối đã kết nạp "
     "120 đảng viên. Đảng bộ Khối có 45 tổ chức cơ sở đảng.", "Đảng ủy Khối các cơ quan tỉnh"),
    # a two-word name is a place, also one named after a person and unknown to the data (a village)
    ("Chi bộ thôn Trần Hưng tổ chức hội nghị tổng kết công tác năm 2023.", "Chi bộ thôn Trần Hưng"),
])
def test_a_persons_name_is_not_a_place(text, unit):
    assert extract_text(text).unit.name == unit
