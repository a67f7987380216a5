#!/usr/bin/env python3
"""Generate a synthetic corpus of Vietnamese work-summary reports for throughput benchmarks.

Each report imitates the genre the project reads: a yearly, half-year, 9-month or term
summary by a party committee, People's Committee or mass organisation, written either as
a news write-up of the summing-up conference or as a formal "báo cáo". Reports are built
from template pieces (headline, date line, opening paragraph naming the unit and period,
body sentences with figures, a target paragraph and page furniture) filled with random
but plausible figures, so the density of numbers (about one per 100-200 characters) and
the mix of hard cases (thousand separators, decimal commas, money, hedges, breakdowns,
fractions, number words, dates, document numbers) resemble real reports.

Units and places are invented. Output is deterministic for a given seed, and report i is
the same whatever n is, so a small corpus is a prefix of a large one.

usage: python benchmarks/generate_corpus.py OUT_DIR --n 10000 --seed 1
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, NamedTuple

MAX_FILES_PER_DIR = 1000
MIN_BYTES, MAX_BYTES = 2_000, 20_000
MIN_BODY, MAX_BODY = 5, 40            # figure sentences in the body
PROSE_PER_FIGURE_SENTENCE = (0, 1, 2, 2, 3, 3)   # drawn after each figure sentence

# --------------------------------------------------------------------------- vocabulary

PLACE_SYLLABLES = (
    "An", "Bình", "Cẩm", "Đông", "Đức", "Hòa", "Hưng", "Hiệp", "Hải", "Khánh", "Lâm",
    "Long", "Lộc", "Lợi", "Minh", "Mỹ", "Nam", "Phong", "Phú", "Phước", "Quang", "Sơn",
    "Tân", "Tây", "Thạnh", "Thành", "Thanh", "Thịnh", "Thuận", "Thủy", "Trung", "Vĩnh",
    "Xuân", "Yên", "Hồng", "Kim", "Ngọc", "Phúc", "Tiến", "Tường",
)
FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
                "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý")
MALE_NAMES = (("Văn", "Minh", "Hữu", "Quốc", "Đức", "Thanh"),
              ("Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong",
               "Phúc", "Quân", "Sơn", "Thắng", "Trung", "Tuấn"))
FEMALE_NAMES = (("Thị", "Thu", "Ngọc", "Kim", "Thanh", "Minh"),
                ("Hà", "Hạnh", "Hương", "Lan", "Mai", "Nga", "Tâm", "Thảo", "Vân", "Yến",
                 "Hằng", "Linh"))
NUMBER_WORDS = {2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám",
                9: "chín", 10: "mười"}
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
HEDGES = ("gần ", "hơn ", "trên ", "khoảng ", "hơn ", "trên ")
TIMES_OF_DAY = ("Sáng", "Chiều", "Sáng", "Chiều", "Ngày")
COMPANIES = ("Công ty TNHH May", "Công ty Cổ phần Gạch ngói", "Công ty TNHH Chế biến gỗ",
             "Công ty Cổ phần Thủy sản", "Công ty TNHH Giày da")

# The committee of the party at each administrative level, and the level under it.
COMMITTEE = {"xã": "Đảng ủy xã", "phường": "Đảng ủy phường", "thị trấn": "Đảng ủy thị trấn",
             "huyện": "Huyện ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy",
             "tỉnh": "Tỉnh ủy"}
YOUTH_UNION = {"xã": "Đoàn xã", "phường": "Đoàn phường", "huyện": "Huyện Đoàn",
               "thành phố": "Thành Đoàn", "tỉnh": "Tỉnh Đoàn"}
LOWER_LEVEL = {"xã": "thôn", "phường": "tổ dân phố", "thị trấn": "khu phố", "huyện": "xã",
               "thị xã": "phường", "thành phố": "phường", "tỉnh": "huyện"}
# Figures are drawn for a province and scaled down for smaller units.
LEVEL_SCALE = {"tỉnh": 1.0, "thành phố": 0.6, "thị xã": 0.45, "huyện": 0.45, "xã": 0.12,
               "phường": 0.12, "thị trấn": 0.12, "thôn": 0.04, "tổ dân phố": 0.04,
               "khu phố": 0.04}
BASE_LEVELS = ("xã", "phường", "thị trấn")
DISTRICT_LEVELS = ("huyện", "thị xã", "thành phố")


@dataclass(frozen=True)
class OrgType:
    """A kind of reporting organisation and the vocabulary its reports use."""

    slug: str            # folder name
    name: str            # format string over level, place, committee, youth
    subject: str         # who acts in the body sentences, over level and committee
    levels: tuple[str, ...]
    members: str         # what its members are called
    subunit: str         # its grassroots branches
    abbr: str            # suffix of its document numbers
    tags: frozenset[str]
    parent: str = "ĐẢNG CỘNG SẢN VIỆT NAM"      # upper line of a formal letterhead
    anniversary: tuple[str, str] | None = None  # (what is commemorated, founding date)


def _tags(*names: str) -> frozenset[str]:
    return frozenset(("all",) + names)


ORG_TYPES = (
    OrgType("ban-tuyen-giao", "Ban Tuyên giáo {committee} {place}", "Ban Tuyên giáo {committee}",
            DISTRICT_LEVELS + ("tỉnh",), "cán bộ, đảng viên", "tổ chức cơ sở đảng", "BTG",
            _tags("party", "prop", "tuyengiao"),
            anniversary=("Ngày truyền thống ngành Tuyên giáo của Đảng", "01/8/1930")),
    OrgType("ban-dan-van", "Ban Dân vận {committee} {place}", "Ban Dân vận {committee}",
            DISTRICT_LEVELS + ("tỉnh",), "cán bộ, đảng viên", "tổ chức cơ sở đảng", "BDV",
            _tags("party", "prop", "danvan"),
            anniversary=("Ngày truyền thống công tác dân vận của Đảng", "15/10/1930")),
    OrgType("uy-ban-kiem-tra", "Ủy ban Kiểm tra {committee} {place}", "Ủy ban Kiểm tra {committee}",
            DISTRICT_LEVELS + ("tỉnh",), "đảng viên", "tổ chức cơ sở đảng", "UBKT",
            _tags("party", "kiemtra"),
            anniversary=("Ngày truyền thống ngành Kiểm tra Đảng", "16/10/1948")),
    OrgType("dang-bo", "Đảng bộ {level} {place}", "Ban Chấp hành Đảng bộ",
            BASE_LEVELS + DISTRICT_LEVELS, "đảng viên", "chi bộ", "ĐU",
            _tags("party", "dang", "kiemtra"),
            anniversary=("Ngày thành lập Đảng Cộng sản Việt Nam", "03/02/1930")),
    OrgType("ubnd", "Ủy ban nhân dân {level} {place}", "UBND {level}",
            BASE_LEVELS + ("huyện",), "cán bộ, công chức", "thôn, tổ dân phố", "UBND",
            _tags("ubnd"), parent="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    OrgType("mttq", "Ủy ban MTTQ Việt Nam {level} {place}", "Ủy ban MTTQ Việt Nam {level}",
            BASE_LEVELS + DISTRICT_LEVELS, "đoàn viên, hội viên", "Ban Công tác Mặt trận", "MTTQ",
            _tags("mass", "mttq", "charity"), parent="MẶT TRẬN TỔ QUỐC VIỆT NAM",
            anniversary=("Ngày truyền thống Mặt trận Tổ quốc Việt Nam", "18/11/1930")),
    OrgType("hoi-nong-dan", "Hội Nông dân {level} {place}", "các cấp Hội",
            BASE_LEVELS + ("huyện", "tỉnh"), "hội viên", "chi hội", "HND",
            _tags("mass", "member", "prop", "nongdan"), parent="HỘI NÔNG DÂN VIỆT NAM",
            anniversary=("Ngày thành lập Hội Nông dân Việt Nam", "14/10/1930")),
    OrgType("hoi-phu-nu", "Hội Liên hiệp Phụ nữ {level} {place}", "các cấp Hội",
            BASE_LEVELS + ("huyện", "tỉnh"), "hội viên", "chi hội", "HPN",
            _tags("mass", "member", "prop", "phunu"), parent="HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM",
            anniversary=("Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam", "20/10/1930")),
    OrgType("hoi-cuu-chien-binh", "Hội Cựu chiến binh {level} {place}", "các cấp Hội",
            BASE_LEVELS + ("huyện", "tỉnh"), "hội viên", "chi hội", "CCB",
            _tags("mass", "member", "ccb"), parent="HỘI CỰU CHIẾN BINH VIỆT NAM",
            anniversary=("Ngày thành lập Hội Cựu chiến binh Việt Nam", "06/12/1989")),
    OrgType("doan-thanh-nien", "{youth} {place}", "các cấp bộ Đoàn",
            ("xã", "phường", "huyện", "thành phố", "tỉnh"), "đoàn viên", "chi đoàn", "ĐTN",
            _tags("mass", "member", "prop", "doan"), parent="ĐOÀN TNCS HỒ CHÍ MINH",
            anniversary=("Ngày thành lập Đoàn TNCS Hồ Chí Minh", "26/3/1931")),
    OrgType("hoi-chu-thap-do", "Hội Chữ thập đỏ {level} {place}", "các cấp Hội",
            BASE_LEVELS + ("huyện", "tỉnh"), "hội viên", "chi hội", "CTĐ",
            _tags("mass", "member", "charity", "ctd"), parent="HỘI CHỮ THẬP ĐỎ VIỆT NAM",
            anniversary=("Ngày thành lập Hội Chữ thập đỏ Việt Nam", "23/11/1946")),
    OrgType("hoi-khuyen-hoc", "Hội Khuyến học {level} {place}", "các cấp Hội",
            BASE_LEVELS + ("huyện", "tỉnh"), "hội viên", "chi hội", "HKH",
            _tags("mass", "member", "khuyenhoc"), parent="HỘI KHUYẾN HỌC VIỆT NAM",
            anniversary=("Ngày thành lập Hội Khuyến học Việt Nam", "17/02/1996")),
    OrgType("lien-doan-lao-dong", "Liên đoàn Lao động {level} {place}", "các cấp Công đoàn",
            DISTRICT_LEVELS + ("tỉnh",), "đoàn viên công đoàn", "công đoàn cơ sở", "LĐLĐ",
            _tags("mass", "member", "charity", "ldld"), parent="TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM",
            anniversary=("Ngày thành lập Công đoàn Việt Nam", "28/7/1929")),
)

SPANS = (("year", 50), ("half_year", 25), ("months", 15), ("term", 10))

# --------------------------------------------------------------------------- formatting


def fmt_int(value: int) -> str:
    """2737 -> '2.737' (Vietnamese thousand separator)."""
    return f"{value:,}".replace(",", ".")


def fmt_dec(value: float, places: int) -> str:
    """99.9 -> '99,9'; trailing zeros are dropped, as reports write them."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    return fmt_int(int(whole)) + ("," + frac if frac else "")


def cap1(text: str) -> str:
    """Upper-case the first character only."""
    return text[:1].upper() + text[1:]


def ascii_slug(text: str) -> str:
    """'Phú Thịnh' -> 'phu-thinh'."""
    folded = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    plain = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")
    return "-".join("".join(ch if ch.isalnum() else " " for ch in plain).split())


# --------------------------------------------------------------------------- one report


def round_figure(value: int) -> int:
    """Round to two significant figures, as hedged figures are ('gần 240.000')."""
    if value < 100:
        return value
    step = 10 ** (len(str(value)) - 2)
    return round(value / step) * step


class Report:
    """The unit, period and random figures of one synthetic report.

    Body sentences read `subject`, `level` and `scale`; `focus()` points them at a
    grassroots unit (a commune, a village branch) for the per-locality paragraphs.
    """

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.org = rng.choice(ORG_TYPES)
        self.home_level = rng.choice(self.org.levels)
        self.place = self.place_name()
        self.committee = COMMITTEE[self.home_level]
        self.unit = self.org_name(self.home_level, self.place)
        self.home_subject = self.org.subject.format(level=self.home_level,
                                                    committee=self.committee)
        self.members, self.subunit = self.org.members, self.org.subunit
        self.lower = LOWER_LEVEL[self.home_level]
        self.year = rng.randint(2015, 2025)
        self.span = rng.choices([s for s, _ in SPANS], [w for _, w in SPANS])[0]
        y = self.year
        self.period, self.period_short, self.next_period, self.work = {
            "year": (f"năm {y}", "năm", f"năm {y + 1}", "tổng kết"),
            "half_year": (f"6 tháng đầu năm {y}", "6 tháng", f"6 tháng cuối năm {y}", "sơ kết"),
            "months": (f"9 tháng đầu năm {y}", "9 tháng", f"3 tháng cuối năm {y}", "sơ kết"),
            "term": (f"nhiệm kỳ {y - 5} - {y}", "nhiệm kỳ", f"nhiệm kỳ {y} - {y + 5}", "tổng kết"),
        }[self.span]
        self.published = self.publication_date()
        self.new_members: int | None = None   # set when the headline names it
        self.used_prose: set[str] = set()
        self.focus(self.home_subject, self.home_level, LEVEL_SCALE[self.home_level])

    def focus(self, subject: str, level: str, scale: float) -> None:
        """Make the following sentences speak of this unit, with figures scaled down."""
        self.subject, self.level, self.scale = subject, level, scale

    def focus_locality(self) -> None:
        """Focus on a random grassroots unit below the reporting one."""
        place, lower = self.place_name(), self.lower
        slug = self.org.slug
        if lower in ("thôn", "tổ dân phố", "khu phố"):
            branch = {"doan-thanh-nien": "Chi đoàn", "dang-bo": "Chi bộ", "ubnd": "Ban điều hành",
                      "mttq": "Ban Công tác Mặt trận"}.get(slug, "Chi hội")
            name = f"{branch} {lower} {place}"
        elif slug in ("ban-tuyen-giao", "ban-dan-van", "uy-ban-kiem-tra", "dang-bo"):
            name = f"{COMMITTEE[lower]} {place}"
        elif slug == "lien-doan-lao-dong":
            name = f"Công đoàn {self.rng.choice(COMPANIES)} {place}"
        else:
            name = self.org_name(lower, place)
        self.focus(name, lower, LEVEL_SCALE[lower])

    def org_name(self, level: str, place: str) -> str:
        return self.org.name.format(level=level, place=place, committee=COMMITTEE[level],
                                    youth=YOUTH_UNION.get(level, "Đoàn"))

    # -- names and dates

    def place_name(self) -> str:
        first, second = self.rng.sample(PLACE_SYLLABLES, 2)
        return f"{first} {second}"

    def person(self) -> str:
        given = self.rng.choice((MALE_NAMES, FEMALE_NAMES))
        return " ".join((self.rng.choice(FAMILY_NAMES), self.rng.choice(given[0]),
                         self.rng.choice(given[1])))

    def publication_date(self) -> date:
        y, rng = self.year, self.rng
        if self.span == "year":
            start = date(y, 12, 10) if rng.random() < 0.6 else date(y + 1, 1, 5)
        elif self.span == "half_year":
            start = date(y, 6, 20)
        elif self.span == "months":
            start = date(y, 9, 22)
        else:
            start = date(y, 3, 1) + timedelta(days=rng.randint(0, 100))
        return start + timedelta(days=rng.randint(0, 25))

    @staticmethod
    def dmy(day: date) -> str:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"

    def doc_number(self) -> str:
        """A document reference such as 'Kế hoạch số 12/KH-UBND' (never a quantity)."""
        rng, abbr = self.rng, self.org.abbr
        return rng.choice((
            f"Kế hoạch số {rng.randint(1, 320)}/KH-{abbr}",
            f"Nghị quyết số {rng.randint(1, 60):02d}-NQ/TW",
            f"Chỉ thị {rng.randint(1, 40):02d}-CT/TW",
            f"Kết luận số {rng.randint(1, 90):02d}-KL/TW",
            f"Hướng dẫn số {rng.randint(1, 320)}-HD/{abbr}",
            f"Quyết định số {rng.randint(1, 320)}/QĐ-{abbr} ngày {rng.randint(1, 28)}/"
            f"{rng.randint(1, 12)}/{self.year}",
            "Nghị quyết 35 của Bộ Chính trị",
        ))

    # -- figures

    def value(self, lo: int, hi: int) -> int:
        """A random count in [lo, hi] scaled to the unit's size.

        The lower end never drops below min(lo, 5), which templates rely on for splits.
        """
        low = min(lo, max(5, int(lo * self.scale)))
        return self.rng.randint(low, max(low, int(hi * self.scale)))

    def n(self, lo: int, hi: int) -> str:
        """A count; small ones are sometimes zero-padded ('09 lớp')."""
        value = self.value(lo, hi)
        if value < 10 and self.rng.random() < 0.2:
            return f"{value:02d}"
        return fmt_int(value)

    def hn(self, lo: int, hi: int) -> str:
        """A count that is sometimes hedged and then rounded ('hơn 1.200')."""
        value = self.value(lo, hi)
        if self.rng.random() < 0.35:
            return self.rng.choice(HEDGES) + fmt_int(round_figure(value))
        return fmt_int(value)

    def word(self, lo: int = 2, hi: int = 5) -> str:
        """A small count written in words ('ba đợt')."""
        return NUMBER_WORDS[self.rng.randint(lo, hi)]

    def pct(self, lo: float = 80, hi: float = 100) -> str:
        value = self.rng.uniform(lo, hi)
        places = self.rng.choice((1, 2)) if hi <= 10 else self.rng.choice((0, 1, 1, 2))
        return fmt_dec(value, places) + (" %" if self.rng.random() < 0.05 else "%")

    def dec(self, lo: float, hi: float) -> str:
        return fmt_dec(self.rng.uniform(lo, max(lo, hi * self.scale)), 1)

    def frac(self, lo: int, hi: int) -> str:
        """'11/15': part of a whole, both figures."""
        whole = self.rng.randint(lo, hi)
        return f"{self.rng.randint(max(1, whole * 6 // 10), whole)}/{whole}"

    def money(self, lo: float, hi: float, hedge: bool = False) -> str:
        """An amount between lo and hi million đồng, written the ways reports write it.

        With hedge, sometimes prefixed by gần/hơn/trên/khoảng and then never to the đồng.
        """
        millions = lo * (max(lo, hi * self.scale) / lo) ** self.rng.random()
        prefix = self.rng.choice(HEDGES) if hedge and self.rng.random() < 0.4 else ""
        r = self.rng.random()
        if millions >= 1000:
            if r < 0.55:
                return f"{prefix}{fmt_dec(millions / 1000, 1)} tỷ đồng"
            billions, rest = int(millions // 1000), int(millions % 1000) // 10 * 10
            if r < 0.8 and rest:
                return f"{prefix}{billions} tỷ {rest} triệu đồng"
            return f"{prefix}{fmt_int(int(millions))} triệu đồng"
        if r < 0.55 or (prefix and r < 0.75):
            return f"{prefix}{fmt_int(max(1, int(millions)))} triệu đồng"
        if r < 0.75:
            return f"{fmt_dec(millions, 1)} triệu đồng"
        if r < 0.93 and not prefix:
            return f"{fmt_int(int(millions * 1000) * 1000)} đồng"
        return f"{prefix}{fmt_int(max(1, int(millions)))} triệu"

    def split(self, total: int, parts: int) -> list[int]:
        """Random positive parts that add up to total (total >= parts)."""
        cuts = sorted(self.rng.sample(range(1, total), parts - 1))
        return [b - a for a, b in zip([0] + cuts, cuts + [total])]

    def part_of(self, total: int) -> int:
        """A part strictly smaller than total (total >= 2)."""
        return self.rng.randint(max(1, total // 5), total - 1)

    def lead(self) -> str:
        return self.rng.choice(("", "", "", "Bên cạnh đó, ", "Ngoài ra, ", "Đồng thời, ",
                                f"Trong {self.period_short}, ", "Tính đến nay, "))

# --------------------------------------------------------------------------- body sentences
# A template takes a Report and returns one sentence, or None when it does not fit the
# report. TEMPLATES lists (tag, org_only, template): the tag says which organisations use
# it; org_only templates speak of the whole organisation and are used once, the others
# also serve the per-locality paragraphs.

Template = Callable[[Report], "str | None"]
ORG_ONLY, LOCAL = True, False


def with_lead(r: Report, body: str) -> str:
    """Prefix a sentence with a random connective ('Bên cạnh đó, ...')."""
    return r.lead() + body


def t_documents(r: Report) -> str:
    total = r.value(24, 160)
    a, b, c, d = r.split(total, 4)
    return (f"Trong {r.period}, {r.subject} đã ban hành và tham mưu ban hành {total} văn bản "
            f"(trong đó {a} kế hoạch, {b} báo cáo, {c} công văn, {d} hướng dẫn) để lãnh đạo, "
            f"chỉ đạo thực hiện nhiệm vụ chính trị được giao.")


def t_commend_list(r: Report) -> str:
    return (f"Về công tác thi đua, khen thưởng, {r.subject} đã khen thưởng: tập thể {r.n(5, 40)}, "
            f"cá nhân {r.n(10, 120)}; đề nghị cấp trên tặng Bằng khen cho tập thể {r.n(1, 9)}, "
            f"cá nhân {r.n(2, 20)}.")


def t_comparison(r: Report) -> str:
    before = r.rng.uniform(70, 92)
    change = r.rng.uniform(0.5, 6)
    return (f"Tỷ lệ {r.subunit} được xếp loại hoàn thành tốt nhiệm vụ trở lên đạt "
            f"{fmt_dec(before + change, 1)}%, tăng {fmt_dec(change, 1)}% so với năm {r.year - 1} "
            f"(năm {r.year - 1} đạt {fmt_dec(before, 1)}%).")


def t_anniversary(r: Report) -> str | None:
    if r.org.anniversary is None:
        return None
    what, founded = r.org.anniversary
    return (f"Hướng tới kỷ niệm {r.year - int(founded[-4:])} năm {what} ({founded} - "
            f"{founded[:-4]}{r.year}), {r.subject} đã tổ chức {r.n(3, 40)} buổi gặp mặt, tọa đàm "
            f"và {r.word()} hội thi tìm hiểu với {r.hn(300, 9000)} lượt người tham gia.")


def t_covid(r: Report) -> str | None:
    if not 2020 <= r.year <= 2022:
        return None
    return (f"Trong thời gian dịch Covid-19 diễn biến phức tạp, {r.subject} đã vận động "
            f"{r.hn(120, 4000)} lượt {r.members} tham gia các tổ phòng, chống dịch tại cộng "
            f"đồng, trao {r.n(50, 2500)} suất quà và {r.dec(1, 40)} tấn nhu yếu phẩm cho người dân "
            f"ở các khu cách ly.")


def t_opinions(r: Report) -> str:
    received = r.value(12, 600)
    return (f"Qua các kênh tiếp nhận, {r.subject} đã tổng hợp {fmt_int(received)} ý kiến, kiến "
            f"nghị của {r.members} và Nhân dân gửi cơ quan có thẩm quyền; đến nay đã có "
            f"{fmt_int(r.part_of(received))} ý kiến được trả lời, giải quyết.")


def t_training(r: Report) -> str:
    classes = r.value(3, 40)
    online = NUMBER_WORDS[min(10, max(2, r.part_of(classes)))]
    return (f"Thực hiện {r.doc_number()}, {r.subject} phối hợp mở {classes} lớp tập huấn, bồi "
            f"dưỡng nghiệp vụ cho {r.n(60, 4000)} học viên, đạt {r.pct(85, 120)} kế hoạch; trong "
            f"đó có {online} lớp tổ chức theo hình thức trực tuyến.")


def t_members(r: Report) -> str:
    new = r.new_members or r.value(20, 2500)
    return (f"Tính đến {r.dmy(r.published - timedelta(days=20))}, toàn {r.level} có "
            f"{r.n(400, 60000)} {r.members}, sinh hoạt tại {r.n(8, 400)} {r.subunit}; trong "
            f"{r.period_short} đã kết nạp {fmt_int(new)} {r.members} mới, đạt {r.pct(85, 130)} "
            f"chỉ tiêu được giao.")


def t_classification(r: Report) -> str:
    total = r.value(12, 90)
    a, b, c, d = r.split(total, 4) if r.rng.random() < 0.4 else r.split(total, 3) + [0]
    tail = f" và {d} chi bộ không hoàn thành nhiệm vụ" if d else \
        "; không có chi bộ không hoàn thành nhiệm vụ"
    return (f"Kết quả đánh giá, xếp loại năm {r.year}, qua phân loại {total} chi bộ trực thuộc: "
            f"{a} chi bộ hoàn thành xuất sắc nhiệm vụ, {b} chi bộ hoàn thành tốt nhiệm vụ, "
            f"{c} chi bộ hoàn thành nhiệm vụ{tail}.")


def t_discipline(r: Report) -> str:
    parts = sorted(r.split(r.value(3, 12), 3), reverse=True)
    listing = ", ".join(f"{label} {k}" for label, k in
                        zip(("khiển trách", "cảnh cáo", "cách chức"), parts))
    return (f"Qua kiểm tra khi có dấu hiệu vi phạm, đã thi hành kỷ luật {sum(parts)} đảng viên "
            f"({listing}); {r.word(2, 4)} tổ chức đảng bị nhắc nhở, rút kinh nghiệm.")


def t_new_party_members(r: Report) -> str:
    total = r.new_members or r.value(12, 400)
    return with_lead(r, (
        f"Đảng bộ kết nạp {fmt_int(total)} đảng viên mới, đạt {r.pct(90, 125)} chỉ tiêu; trong "
        f"đó {fmt_int(r.part_of(total))} đảng viên là đoàn viên thanh niên. Tổng số đảng viên "
        f"toàn Đảng bộ đến nay là {r.n(300, 12000)} đồng chí."))


def t_budget(r: Report) -> str:
    total = r.value(2_500, 90_000)
    return (f"Tổng thu ngân sách nhà nước trên địa bàn đạt {fmt_int(total)} triệu đồng, đạt "
            f"{r.pct(88, 135)} dự toán, trong đó thu ngân sách {r.level} hưởng theo phân cấp "
            f"{fmt_int(r.part_of(total))} triệu đồng; tổng chi ngân sách {r.n(2_000, 60_000)} "
            f"triệu đồng, đạt {r.pct(60, 98)} dự toán.")


def t_one_stop(r: Report) -> str:
    total = r.value(300, 25_000)
    on_time = r.rng.randint(total * 9 // 10, total)
    return (f"Bộ phận tiếp nhận và trả kết quả đã tiếp nhận {fmt_int(total)} hồ sơ thủ tục hành "
            f"chính, trong đó {fmt_int(on_time)} hồ sơ được giải quyết đúng và trước hạn; "
            f"{fmt_int(r.part_of(total))} hồ sơ được nộp trực tuyến, chiếm {r.pct(20, 85)}.")


def t_petitions(r: Report) -> str:
    received = r.value(10, 400)
    return (f"Tiếp nhận {fmt_int(received)} đơn khiếu nại, tố cáo, kiến nghị, phản ánh; đã giải "
            f"quyết {fmt_int(r.part_of(received))} đơn, đạt {r.pct(85, 100)}; tổ hòa giải ở cơ sở "
            f"hòa giải thành {r.frac(5, 80)} vụ việc.")


def t_women_funds(r: Report) -> str:
    total = r.value(60, 4000)
    return with_lead(r, (
        f"các chi hội vận động xây dựng các nguồn quỹ được {fmt_int(total)} triệu đồng, trong đó "
        f"quỹ tiết kiệm phụ nữ {fmt_int(r.rng.randint(total // 4, total // 2))} triệu đồng, quỹ "
        f"\"Mái ấm tình thương\" {fmt_int(r.rng.randint(total // 10, total // 3))} triệu đồng."))


def t_veterans(r: Report) -> str:
    total = r.value(300, 30_000)
    a, b, c = r.split(total, 3)
    return (f"Tổng số hội viên toàn {r.level} hiện nay là {fmt_int(total)} hội viên, gồm "
            f"{fmt_int(a)} hội viên tham gia kháng chiến chống Mỹ, {fmt_int(b)} hội viên thời kỳ "
            f"bảo vệ Tổ quốc và làm nhiệm vụ quốc tế, {fmt_int(c)} hội viên thời kỳ xây dựng "
            f"quân đội trong hòa bình.")


def t_good_farmers(r: Report) -> str:
    registered = r.value(400, 90000)
    return with_lead(r, (
        f"phong trào nông dân thi đua sản xuất, kinh doanh giỏi ở {r.subject} có "
        f"{fmt_int(registered)} hộ đăng ký, trong đó {fmt_int(r.part_of(registered))} hộ đạt "
        f"danh hiệu các cấp."))


def t_youth_party(r: Report) -> str:
    introduced = r.value(10, 600)
    return (f"Công tác phát triển đảng viên trong thanh niên được chú trọng: giới thiệu "
            f"{fmt_int(introduced)} đoàn viên ưu tú cho Đảng xem xét, trong đó có "
            f"{fmt_int(r.part_of(introduced))} đồng chí đã được kết nạp; có {r.n(10, 600)} thanh "
            f"niên lên đường nhập ngũ, đạt 100% chỉ tiêu.")


TEMPLATES: tuple[tuple[str, bool, Template], ...] = (
    # for every organisation
    ("all", ORG_ONLY, t_documents),
    ("all", LOCAL, t_commend_list),
    ("all", ORG_ONLY, t_comparison),
    ("all", ORG_ONLY, t_anniversary),
    ("all", ORG_ONLY, t_covid),
    ("all", LOCAL, t_opinions),
    ("all", LOCAL, t_training),
    ("all", LOCAL, lambda r: with_lead(r, (
        f"{r.subject} tổ chức {r.n(3, 60)} hội nghị, {r.word()} buổi tọa đàm và {r.n(5, 200)} "
        f"buổi sinh hoạt chuyên đề với {r.hn(200, 20000)} lượt {r.members} tham dự."))),
    ("all", ORG_ONLY, lambda r: (
        f"Nhân dịp {r.work} {r.period}, {r.subject} đã khen thưởng {r.n(3, 60)} tập thể và "
        f"{r.n(8, 180)} cá nhân có thành tích xuất sắc trong thực hiện các phong trào thi đua.")),
    ("all", ORG_ONLY, lambda r: with_lead(r, (
        f"trang fanpage và {r.n(3, 150)} nhóm Zalo của {r.subject} đã đăng tải {r.n(60, 3000)} "
        f"bài viết, thu hút {r.hn(5000, 900000)} lượt xem và {r.n(500, 60000)} lượt tương "
        f"tác."))),
    ("all", ORG_ONLY, lambda r: (
        f"Công tác chuyển đổi số được chú trọng: {r.pct(60, 100)} {r.subunit} đã lập nhóm Zalo "
        f"để trao đổi thông tin, {r.hn(150, 40000)} {r.members} được hướng dẫn cài đặt và sử "
        f"dụng ứng dụng VNeID.")),
    # member organisations and party bodies
    ("member", ORG_ONLY, t_members),
    ("mass", LOCAL, lambda r: (
        f"Thực hiện chức năng giám sát, phản biện xã hội, {r.subject} đã chủ trì {r.n(2, 40)} "
        f"cuộc giám sát, tham gia {r.n(3, 60)} cuộc kiểm tra cùng các ngành liên quan, qua đó "
        f"kiến nghị {r.n(4, 90)} nội dung.")),
    ("mass", ORG_ONLY, lambda r: (
        f"Hiện có {r.frac(6, 40)} {r.subunit} tổ chức sinh hoạt định kỳ vào ngày "
        f"{r.rng.randint(5, 25)} hằng tháng, {r.frac(6, 40)} {r.subunit} xây dựng được mô hình "
        f"điểm.")),
    ("mass", LOCAL, lambda r: with_lead(r, (
        f"{r.subject} duy trì {r.n(10, 300)} mô hình, câu lạc bộ hoạt động hiệu quả, trong đó "
        f"có {r.n(2, 9)} mô hình được thành lập mới trong {r.period_short}."))),
    ("party", ORG_ONLY, lambda r: (
        f"Việc học tập, quán triệt {r.doc_number()} được tổ chức tại {r.frac(8, 60)} "
        f"{r.subunit}, với {r.hn(400, 30000)} lượt cán bộ, đảng viên tham dự, đạt "
        f"{r.pct(90, 99.8)}.")),
    ("prop", LOCAL, lambda r: (
        f"Công tác tuyên truyền được đẩy mạnh với {r.n(4, 60)} đợt tuyên truyền, "
        f"{r.n(20, 900)} buổi tuyên truyền trực tiếp tại khu dân cư, thu hút "
        f"{r.hn(1000, 90000)} lượt người nghe; treo {r.n(50, 3000)} băng rôn, khẩu hiệu và cấp "
        f"phát {r.hn(500, 40000)} tờ rơi.")),
    # party
    ("dang", ORG_ONLY, t_new_party_members),
    ("dang", ORG_ONLY, t_classification),
    ("kiemtra", ORG_ONLY, t_discipline),
    ("kiemtra", LOCAL, lambda r: (
        f"{r.subject} đã tiến hành {r.n(6, 200)} cuộc kiểm tra đối với {r.n(4, 120)} tổ chức "
        f"đảng và {r.n(5, 300)} đảng viên; thực hiện {r.n(5, 150)} cuộc giám sát chuyên đề; "
        f"kiểm tra tài chính đảng tại {r.n(3, 60)} đơn vị.")),
    ("kiemtra", ORG_ONLY, lambda r: (
        f"Qua kiểm tra, phát hiện {r.n(2, 40)} trường hợp vi phạm, kiến nghị thu hồi "
        f"{r.money(20, 4000)} nộp ngân sách nhà nước.")),
    ("dang", LOCAL, lambda r: (
        f"{r.subject} đã xét, đề nghị trao Huy hiệu 30, 40, 45 năm tuổi Đảng cho {r.n(8, 300)} "
        f"đồng chí; thu đảng phí đạt {r.money(10, 900)}, đạt {r.pct(95, 115)} kế hoạch.")),
    # propaganda and mass mobilisation
    ("tuyengiao", ORG_ONLY, lambda r: (
        f"Ban phối hợp với Trung tâm Văn hóa - Thể thao và Truyền thanh {r.level} duy trì "
        f"{r.n(4, 60)} chuyên mục, phát sóng {r.n(300, 6000)} tin, {r.n(50, 900)} bài viết và "
        f"{r.n(6, 80)} phóng sự phản ánh đời sống chính trị, kinh tế, xã hội của địa phương.")),
    ("tuyengiao", ORG_ONLY, lambda r: (
        f"Bản tin sinh hoạt chi bộ phát hành đều đặn {r.n(6, 24)} số với {r.n(1500, 40000)} "
        f"cuốn; biên soạn {r.n(3, 20)} tập tài liệu tuyên truyền gửi đến tận chi bộ.")),
    ("tuyengiao", ORG_ONLY, lambda r: (
        f"Đội ngũ {r.n(20, 120)} báo cáo viên và {r.n(80, 1500)} tuyên truyền viên cơ sở được "
        f"cung cấp thông tin định hướng; mạng lưới {r.n(15, 200)} cộng tác viên dư luận xã hội "
        f"đã phản ánh {r.n(40, 900)} ý kiến, {r.n(5, 60)} vấn đề được dư luận quan tâm.")),
    ("tuyengiao", LOCAL, lambda r: (
        f"{r.subject} phối hợp mở {r.n(6, 40)} lớp bồi dưỡng chính trị với {r.n(300, 4000)} học "
        f"viên, trong đó có {r.word(2, 5)} lớp bồi dưỡng lý luận chính trị cho đảng viên "
        f"mới.")),
    ("danvan", LOCAL, lambda r: (
        f"{r.subject} xây dựng {r.n(20, 600)} mô hình \"Dân vận khéo\", trong đó {r.n(5, 60)} mô "
        f"hình được công nhận; tổ chức {r.n(6, 120)} cuộc đối thoại giữa người đứng đầu cấp "
        f"ủy, chính quyền với Nhân dân, tiếp nhận {r.n(30, 900)} ý kiến.")),
    ("danvan", ORG_ONLY, lambda r: (
        f"Ban tham mưu sơ kết 5 năm thực hiện Quy chế dân chủ ở cơ sở, tổ chức {r.n(4, 40)} hội "
        f"nghị với {r.hn(300, 8000)} lượt đại biểu tham dự.")),
    # People's Committee
    ("ubnd", ORG_ONLY, t_budget),
    ("ubnd", ORG_ONLY, t_one_stop),
    ("ubnd", ORG_ONLY, t_petitions),
    ("ubnd", LOCAL, lambda r: (
        f"Tổng diện tích gieo trồng của {r.subject} đạt {r.n(300, 25000)} ha, bằng "
        f"{r.pct(92, 108)} kế hoạch; năng suất lúa bình quân ước đạt "
        f"{fmt_dec(r.rng.uniform(48, 68), 1)} tạ/ha; tổng đàn gia súc, gia cầm "
        f"{r.hn(5000, 900000)} con.")),
    ("ubnd", LOCAL, lambda r: (
        f"Trên địa bàn {r.subject} xảy ra {r.n(3, 300)} vụ vi phạm trật tự an toàn xã hội, "
        f"giảm {r.n(1, 30)} vụ so với cùng kỳ; {r.n(1, 60)} vụ tai nạn giao thông làm "
        f"{r.word(2, 9)} người bị thương.")),
    ("ubnd", ORG_ONLY, lambda r: (
        f"Chi trả trợ cấp hằng tháng cho {r.n(80, 9000)} đối tượng bảo trợ xã hội với số tiền "
        f"{r.money(200, 60000)}; tỷ lệ người dân tham gia bảo hiểm y tế đạt {r.pct(86, 99.5)}.")),
    ("ubnd", ORG_ONLY, lambda r: (
        f"Giải quyết việc làm mới cho {r.n(60, 4000)} lao động, trong đó {r.n(5, 50)} lao động "
        f"đi làm việc ở nước ngoài theo hợp đồng; tỷ lệ hộ nghèo giảm còn {r.pct(0.5, 6)}.")),
    ("ubnd", LOCAL, lambda r: (
        f"{r.subject} hoàn thành {r.n(3, 60)} công trình xây dựng cơ bản với tổng vốn đầu tư "
        f"{r.money(800, 200000, hedge=True)}; bê tông hóa {r.dec(1, 30)} km đường giao thông "
        f"nông thôn.")),
    ("ubnd", ORG_ONLY, lambda r: (
        f"Giao {r.n(8, 600)} thanh niên nhập ngũ, đạt 100% chỉ tiêu; tổ chức huấn luyện cho "
        f"{r.n(40, 3000)} dân quân theo kế hoạch.")),
    # Fatherland Front and charity
    ("charity", LOCAL, lambda r: (
        f"Hưởng ứng tháng cao điểm \"Vì người nghèo\", {r.subject} vận động được "
        f"{r.money(50, 90000, hedge=True)}, trao {r.n(100, 20000)} suất quà cho hộ nghèo, gia "
        f"đình chính sách với tổng trị giá {r.money(30, 40000)}.")),
    ("mttq", LOCAL, lambda r: (
        f"Quỹ \"Vì người nghèo\" của {r.subject} hỗ trợ xây mới, sửa chữa {r.n(3, 400)} căn nhà "
        f"đại đoàn kết với tổng trị giá {r.money(150, 30000, hedge=True)}.")),
    ("mttq", LOCAL, lambda r: (
        f"{r.subject} vận động Nhân dân hiến {r.n(300, 90000)} m2 đất, đóng góp "
        f"{r.n(200, 40000)} ngày công và {r.money(50, 20000)} để làm {r.dec(0.5, 40)} km đường "
        f"giao thông nông thôn.")),
    ("mttq", ORG_ONLY, lambda r: (
        f"Có {r.frac(5, 120)} khu dân cư được công nhận danh hiệu khu dân cư văn hóa; "
        f"{r.n(800, 120000)} hộ gia đình đạt danh hiệu gia đình văn hóa, đạt {r.pct(85, 98)}.")),
    # farmers
    ("nongdan", LOCAL, t_good_farmers),
    ("nongdan", ORG_ONLY, lambda r: (
        f"Nguồn Quỹ Hỗ trợ nông dân do Hội quản lý đạt {r.money(500, 60000)}, tăng "
        f"{r.money(50, 3000)} so với cùng kỳ; hiện đang cho {r.n(5, 300)} dự án vay với "
        f"{r.n(20, 3000)} hộ hưởng lợi.")),
    ("nongdan", ORG_ONLY, lambda r: (
        f"Hội phối hợp với Ngân hàng Chính sách xã hội quản lý dư nợ ủy thác "
        f"{r.money(5000, 900000, hedge=True)} thông qua {r.n(10, 600)} tổ tiết kiệm và vay vốn, "
        f"với {r.n(300, 40000)} hộ còn dư nợ; tỷ lệ nợ quá hạn chỉ chiếm {r.pct(0.05, 1.5)}.")),
    ("nongdan", LOCAL, lambda r: (
        f"{r.subject} phối hợp mở {r.n(5, 300)} lớp tập huấn chuyển giao khoa học kỹ thuật cho "
        f"{r.hn(200, 30000)} lượt hội viên; cung ứng {r.n(20, 3000)} tấn phân bón trả chậm.")),
    # youth
    ("doan", LOCAL, lambda r: (
        f"Trong phong trào \"Thanh niên tình nguyện\", {r.subject} thực hiện {r.n(10, 400)} "
        f"công trình, phần việc thanh niên với tổng trị giá {r.money(100, 30000, hedge=True)}.")),
    ("doan", LOCAL, lambda r: (
        f"{r.subject} phát động {r.word(2, 6)} đợt ra quân \"Ngày Chủ nhật xanh\" với "
        f"{r.hn(300, 20000)} lượt đoàn viên tham gia, thu gom {r.hn(2, 300)} tấn rác thải, trồng "
        f"{r.n(200, 30000)} cây xanh.")),
    ("doan", ORG_ONLY, t_youth_party),
    ("doan", LOCAL, lambda r: (
        f"{r.subject} tổ chức {r.word(2, 6)} lớp tập huấn kỹ năng sống, phòng, chống đuối nước "
        f"cho {r.n(80, 3000)} thiếu nhi; tiếp nhận {r.n(50, 5000)} đơn vị máu qua các đợt hiến "
        f"máu tình nguyện.")),
    # women
    ("phunu", LOCAL, t_women_funds),
    ("phunu", LOCAL, lambda r: (
        f"Từ các nguồn vốn, {r.subject} đã giúp {r.n(5, 900)} hộ hội viên thoát nghèo, "
        f"{r.word(2, 9)} hộ thoát cận nghèo; hỗ trợ {r.n(20, 5000)} ngày công và "
        f"{r.n(10, 3000)} con giống cho phụ nữ có hoàn cảnh khó khăn.")),
    ("phunu", ORG_ONLY, lambda r: (
        f"Cuộc vận động xây dựng gia đình \"5 không, 3 sạch\" có {r.n(400, 60000)} hộ đăng ký, "
        f"đạt {r.pct(85, 99)}; Hội tổ chức {r.n(6, 300)} buổi truyền thông về bình đẳng giới, "
        f"phòng, chống bạo lực gia đình với {r.hn(300, 40000)} lượt hội viên, phụ nữ tham "
        f"dự.")),
    ("phunu", LOCAL, lambda r: (
        f"{r.subject} hỗ trợ {r.n(3, 200)} ý tưởng khởi nghiệp và {r.n(5, 300)} mô hình sinh kế "
        f"của phụ nữ với tổng số tiền {r.money(30, 8000)}.")),
    # veterans
    ("ccb", ORG_ONLY, t_veterans),
    ("ccb", LOCAL, lambda r: (
        f"{r.subject} có {r.n(30, 9000)} hội viên đạt danh hiệu sản xuất, kinh doanh giỏi; "
        f"{r.n(3, 300)} doanh nghiệp, trang trại của cựu chiến binh tạo việc làm cho "
        f"{r.n(40, 9000)} lao động với thu nhập bình quân {fmt_dec(r.rng.uniform(4, 12), 1)} "
        f"triệu đồng/người/tháng.")),
    ("ccb", LOCAL, lambda r: (
        f"{r.subject} duy trì {r.n(10, 600)} tổ tự quản về an ninh trật tự, tham gia hòa giải "
        f"thành {r.n(5, 400)} vụ việc; tổ chức {r.n(10, 300)} buổi nói chuyện truyền thống cho "
        f"{r.hn(500, 40000)} lượt học sinh, đoàn viên.")),
    # red cross, study promotion, trade unions
    ("ctd", LOCAL, lambda r: (
        f"{r.subject} tổ chức {r.word(2, 6)} đợt hiến máu tình nguyện, tiếp nhận "
        f"{r.n(200, 20000)} đơn vị máu; mở {r.n(2, 60)} lớp tập huấn sơ cấp cứu cho "
        f"{r.n(50, 3000)} tình nguyện viên.")),
    ("ctd", LOCAL, lambda r: (
        f"Chương trình \"Tết Nhân ái\" của {r.subject} đã trao {r.hn(300, 40000)} suất quà, trị "
        f"giá {r.money(100, 30000)} cho người nghèo, nạn nhân chất độc da cam.")),
    ("khuyenhoc", LOCAL, lambda r: (
        f"Quỹ khuyến học của {r.subject} đạt {r.money(100, 40000)}; trao {r.n(50, 9000)} suất "
        f"học bổng trị giá {r.money(50, 9000)} cho học sinh nghèo vượt khó.")),
    ("khuyenhoc", ORG_ONLY, lambda r: (
        f"Toàn {r.level} công nhận {r.n(500, 90000)} gia đình học tập, {r.n(20, 900)} dòng họ "
        f"học tập, {r.n(5, 300)} cộng đồng học tập và {r.n(5, 500)} đơn vị học tập.")),
    ("ldld", LOCAL, lambda r: (
        f"{r.subject} tổ chức {r.n(3, 200)} hội nghị đối thoại tại nơi làm việc, thương lượng "
        f"ký kết {r.n(2, 150)} bản thỏa ước lao động tập thể, đạt {r.pct(60, 95)} số đơn vị có "
        f"tổ chức công đoàn.")),
    ("ldld", LOCAL, lambda r: (
        f"Chương trình \"Tết Sum vầy\" của {r.subject} trao {r.hn(500, 60000)} suất quà trị giá "
        f"{r.money(200, 60000)}; hỗ trợ xây dựng {r.n(2, 60)} \"Mái ấm Công đoàn\"; tham gia "
        f"{r.n(5, 200)} cuộc kiểm tra việc thực hiện chính sách đối với người lao động.")),
)

POSITIVE = (
    "Công tác phối hợp với các cơ quan, ban, ngành được duy trì chặt chẽ, thường xuyên.",
    "Nhìn chung, các chỉ tiêu cơ bản đều đạt và vượt kế hoạch đề ra, góp phần giữ vững ổn "
    "định chính trị trên địa bàn.",
    "Nội dung, hình thức hoạt động tiếp tục được đổi mới theo hướng thiết thực, hướng mạnh về "
    "cơ sở.",
    "Công tác kiểm tra, đôn đốc được thực hiện thường xuyên, kịp thời chấn chỉnh những thiếu "
    "sót ở cơ sở.",
    "Việc ứng dụng công nghệ thông tin trong quản lý, điều hành từng bước được nâng lên.",
    "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định.",
    "Các phong trào thi đua yêu nước được phát động sâu rộng, tạo khí thế phấn khởi trong "
    "{members} và Nhân dân.",
    "Sự lãnh đạo, chỉ đạo sát sao của {committee} là yếu tố quyết định những kết quả nêu trên.",
    "Một số mô hình hay, cách làm sáng tạo đã được nhân rộng, mang lại hiệu quả thiết thực.",
    "Chất lượng sinh hoạt ở nhiều {subunit} có chuyển biến rõ nét, nền nếp, kỷ cương được giữ "
    "vững.",
    "Công tác nắm bắt tâm tư, nguyện vọng của {members} được quan tâm, kịp thời phản ánh với "
    "cấp ủy, chính quyền.",
    "Các hoạt động đều được triển khai đúng kế hoạch, bảo đảm tiết kiệm, hiệu quả.",
)
TOPICS = (
    "Công tác tuyên truyền, giáo dục chính trị tư tưởng", "Công tác xây dựng tổ chức",
    "Công tác phát triển {members}", "Công tác kiểm tra, giám sát", "Công tác thi đua, khen thưởng",
    "Công tác an sinh xã hội", "Công tác cải cách hành chính", "Công tác chuyển đổi số",
    "Công tác phối hợp với các ngành, đoàn thể", "Việc chăm lo đời sống {members}",
    "Phong trào bảo vệ môi trường", "Phong trào xây dựng nông thôn mới",
    "Công tác phòng, chống tệ nạn xã hội", "Công tác đền ơn đáp nghĩa",
    "Công tác giảm nghèo bền vững", "Công tác đào tạo, bồi dưỡng cán bộ",
    "Việc thực hiện quy chế dân chủ ở cơ sở", "Công tác nắm bắt dư luận xã hội",
    "Hoạt động của các câu lạc bộ, tổ, nhóm", "Việc giữ gìn bản sắc văn hóa ở khu dân cư",
)
VERDICTS = (
    "được triển khai đồng bộ, đạt nhiều kết quả tích cực",
    "tiếp tục được quan tâm chỉ đạo, có chuyển biến rõ nét",
    "được thực hiện nghiêm túc, đúng quy trình, quy định",
    "có nhiều đổi mới cả về nội dung lẫn hình thức",
    "được cấp ủy, chính quyền địa phương ghi nhận, đánh giá cao",
    "góp phần quan trọng vào việc hoàn thành nhiệm vụ chính trị của địa phương",
    "được duy trì thường xuyên, bám sát tình hình thực tế ở cơ sở",
    "tạo sự đồng thuận cao trong {members} và Nhân dân",
    "từng bước đi vào chiều sâu, thiết thực và hiệu quả hơn",
    "được lồng ghép với các phong trào thi đua, các cuộc vận động lớn",
    "còn gặp một số khó khăn nhưng cơ bản hoàn thành kế hoạch đề ra",
    "nhận được sự hưởng ứng tích cực của đông đảo {members}",
    "được chỉ đạo sát sao, kịp thời tháo gỡ khó khăn, vướng mắc",
    "bảo đảm đúng tiến độ, chất lượng theo kế hoạch",
    "phát huy được vai trò của người đứng đầu và sự tham gia của Nhân dân",
)
CONNECTIVES = ("",) * 12 + ("Bên cạnh đó, ", "Nhìn chung, ", "Đáng chú ý, ", "Mặt khác, ",
                            "Qua đó, ")
LIMITATIONS = (
    "Hoạt động của một số {subunit} còn lúng túng, nội dung sinh hoạt chưa phong phú, chưa thu "
    "hút đông đảo {members} tham gia.",
    "Đội ngũ cán bộ cơ sở phần lớn còn kiêm nhiệm, kinh nghiệm công tác chưa nhiều.",
    "Việc nắm bắt tình hình tư tưởng có lúc, có nơi chưa kịp thời.",
    "Nguồn kinh phí hoạt động còn hạn chế, ảnh hưởng đến việc triển khai một số nhiệm vụ.",
    "Thời tiết diễn biến bất thường, giá vật tư nông nghiệp tăng cao đã tác động không nhỏ đến "
    "đời sống Nhân dân.",
    "Công tác thông tin, báo cáo ở một vài đơn vị chưa kịp thời, số liệu đôi khi chưa sát thực "
    "tế.",
    "Việc nhân rộng các mô hình điển hình còn chậm, chưa tương xứng với tiềm năng của địa "
    "phương.",
)

GOALS = (
    "{n} {members} được học tập, quán triệt các nghị quyết mới",
    "100% {subunit} xếp loại hoàn thành tốt nhiệm vụ trở lên",
    "mở ít nhất {small} lớp tập huấn, bồi dưỡng cho cán bộ cơ sở",
    "không có {subunit} xếp loại yếu kém",
    "{pct}% {members} tham gia sinh hoạt đầy đủ",
    "xây dựng thêm {small} mô hình mới, hiệu quả",
)
MEMBER_GOAL = "kết nạp {n} {members} mới"


def next_sentence(r: Report, pool: list[Template],
                  refill: list[Template]) -> str | None:
    """Pop templates until one fits the report; refill the pool (shuffled) when empty.

    Returns None when the pool runs out and there is nothing to refill it with.
    """
    while True:
        if not pool:
            if not refill:
                return None
            pool.extend(refill)
            r.rng.shuffle(pool)
        sentence = pool.pop()(r)
        if sentence:
            return cap1(sentence)


def prose(r: Report, sentences: tuple[str, ...]) -> str:
    """A sentence without figures, as real reports mix them in."""
    return r.rng.choice(sentences).format(subunit=r.subunit, members=r.members,
                                          committee=r.committee)


def assessment(r: Report) -> str:
    """A sentence without figures on a field of work, not yet used in this report."""
    rng = r.rng
    for _ in range(6):
        if rng.random() < 0.25:
            sentence = prose(r, POSITIVE)
        else:
            topic = rng.choice(TOPICS).format(members=r.members)
            sentence = f"{topic} {rng.choice(VERDICTS)}.".format(members=r.members)
        if sentence not in r.used_prose:
            break
    r.used_prose.add(sentence)
    connective = rng.choice(CONNECTIVES)
    return connective + sentence[0].lower() + sentence[1:] if connective else sentence


def target_paragraph(r: Report) -> str:
    """Targets for the next period (figures that are not results)."""
    goals = r.rng.sample(GOALS, r.rng.randint(2, 3))
    if r.org.tags & {"member", "dang"}:
        goals.insert(0, MEMBER_GOAL)
    filled = [g.format(n=fmt_int(r.rng.randint(20, 3000)), members=r.members, subunit=r.subunit,
                       small=r.rng.randint(3, 30), pct=r.rng.choice((90, 95, 98, 100)))
              for g in goals]
    return (f"{cap1(r.next_period)}, {r.home_subject} tập trung thực hiện tốt các nhiệm vụ trọng "
            f"tâm, phấn đấu " + "; ".join(filled) + ".")


def body(r: Report, target_bytes: int, max_bytes: int, formal: bool) -> list[str]:
    """Paragraphs of figure sentences (mixed with prose) until about target_bytes.

    Never more than max_bytes, and at least MIN_BODY figure sentences.

    The first paragraphs speak of the whole organisation, using each of its templates
    once; after that each paragraph reports on one grassroots unit.
    """
    rng = r.rng
    org_pool = [t for tag, _, t in TEMPLATES if tag in r.org.tags]
    rng.shuffle(org_pool)
    local_templates = [t for tag, org_only, t in TEMPLATES
                       if tag in r.org.tags and not org_only]
    local_pool: list[Template] = []
    lines = ["1. Kết quả thực hiện các nhiệm vụ trọng tâm"] if formal else []
    paragraph: list[str] = []
    size, count, local_started = 0, 0, False
    while count < MAX_BODY and (count < MIN_BODY or size < target_bytes):
        sentence = next_sentence(r, org_pool, [])
        if sentence is None:
            if not paragraph:
                if formal and not local_started:
                    lines.append("2. Kết quả ở cơ sở")
                r.focus_locality()
                local_started = True
            sentence = next_sentence(r, local_pool, local_templates)
        for _ in range(rng.choice(PROSE_PER_FIGURE_SENTENCE)):
            sentence += " " + assessment(r)
        sentence_bytes = len(sentence.encode()) + 1
        if count >= MIN_BODY and size + sentence_bytes > max_bytes:
            break
        paragraph.append(sentence)
        count += 1
        size += sentence_bytes
        if len(paragraph) >= rng.randint(2, 5) or (org_pool == [] and not local_started):
            lines += [" ".join(paragraph), ""]
            paragraph = []
    if paragraph:
        lines += [" ".join(paragraph), ""]
    r.focus(r.home_subject, r.home_level, LEVEL_SCALE[r.home_level])
    return lines


# --------------------------------------------------------------------------- assembling


def news_head(r: Report) -> list[str]:
    """Headline, date line and opening paragraph of a news write-up."""
    rng = r.rng
    headline = r.unit + {"year": f" tổng kết công tác năm {r.year}",
                         "half_year": f" sơ kết công tác 6 tháng đầu năm {r.year}",
                         "months": f" đánh giá kết quả 9 tháng đầu năm {r.year}",
                         "term": f" tổng kết nhiệm kỳ {r.year - 5} - {r.year}"}[r.span]
    if r.org.tags & {"member", "dang"} and rng.random() < 0.35:
        r.new_members = r.value(30, 3000)
        headline = f"{r.unit}: kết nạp {fmt_int(r.new_members)} {r.members} mới trong {r.period}"
    pub = r.published
    clock = f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
    date_line = rng.choice((
        f"Cập nhật: {r.dmy(pub)} {clock}",
        f"{WEEKDAYS[pub.weekday()]}, {r.dmy(pub)}, {clock} [GMT+7]",
        r.dmy(pub),
        f"Ngày đăng: {r.dmy(pub)} | Lượt xem: {fmt_int(rng.randint(5, 9000))}",
    ))
    meeting = pub - timedelta(days=rng.randint(1, 4))
    guest_title = rng.choice((f"Phó Bí thư {r.committee}", f"Phó Chủ tịch UBND {r.home_level}",
                              f"Ủy viên Ban Thường vụ {r.committee}",
                              f"Chủ tịch Ủy ban MTTQ Việt Nam {r.home_level}"))
    opening = (f"{rng.choice(TIMES_OF_DAY)} {meeting.day}/{meeting.month}, {r.unit} tổ chức hội "
               f"nghị {r.work} công tác {r.period}, triển khai phương hướng, nhiệm vụ "
               f"{r.next_period}. Dự hội nghị có đồng chí {r.person()}, {guest_title} cùng "
               f"{r.n(40, 300)} đại biểu là cán bộ chủ chốt các {r.lower}.")
    if r.new_members:
        opening += (f" Trong {r.period}, {r.subject} đã kết nạp {fmt_int(r.new_members)} "
                    f"{r.members} mới, góp phần củng cố, phát triển tổ chức.")
    return [headline, "", date_line, "", opening, ""]


def report_head(r: Report) -> list[str]:
    """Letterhead, number, place and date, and title of a formal report."""
    pub, y = r.published, r.year
    title = {"year": f"Tổng kết công tác năm {y}, phương hướng, nhiệm vụ năm {y + 1}",
             "half_year": f"Sơ kết công tác 6 tháng đầu năm {y}, nhiệm vụ 6 tháng cuối năm",
             "months": f"Kết quả thực hiện nhiệm vụ 9 tháng đầu năm {y}, nhiệm vụ 3 tháng "
                       f"cuối năm",
             "term": f"Tổng kết nhiệm kỳ {y - 5} - {y}, phương hướng nhiệm kỳ {y} - {y + 5}",
             }[r.span]
    serial = r.rng.randint(1, 400)
    number = f"{serial}/BC-{r.org.abbr}" if r.org.slug == "ubnd" else f"{serial}-BC/{r.org.abbr}"
    return [r.org.parent, r.unit.upper(), f"Số: {number}",
            f"{r.place}, ngày {pub.day:02d} tháng {pub.month:02d} năm {pub.year}", "",
            "BÁO CÁO", title, "",
            f"Thực hiện {r.doc_number()}, {r.unit} báo cáo kết quả thực hiện nhiệm vụ "
            f"{r.period} như sau:", "", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", ""]


def news_tail(r: Report) -> list[str]:
    """Leader's remarks, targets, byline and page furniture of a news write-up."""
    rng = r.rng
    limitation = prose(r, LIMITATIONS)
    lines = [f"Phát biểu chỉ đạo tại hội nghị, đồng chí {r.person()} ghi nhận những kết quả "
             f"nổi bật mà {r.subject} đạt được trong {r.period}, đồng thời chỉ ra hạn chế: "
             f"{limitation[0].lower()}{limitation[1:]}", "",
             target_paragraph(r), "", f"{r.person()} - {r.unit}", ""]
    lines.append(rng.choice((
        f"Lượt xem: {fmt_int(rng.randint(3, 20000))}",
        f"Đang truy cập: {rng.randint(2, 300)} | Tổng lượt truy cập: "
        f"{fmt_int(rng.randint(10_000, 9_000_000))}",
        f"Đường dây nóng: 0{rng.randint(203, 299)}.{rng.randint(3500, 3999)}."
        f"{rng.randint(100, 999)}",
    )))
    if rng.random() < 0.5:
        lines += ["Tin liên quan:",
                  f"- {r.place_name()}: ra mắt mô hình \"Tổ liên gia an toàn phòng cháy\"",
                  f"- Hội nghị Ban Chấp hành mở rộng lần thứ {rng.randint(2, 12)}, khóa "
                  f"{rng.choice(('VIII', 'IX', 'X', 'XI', 'XII'))}"]
    return lines


def report_tail(r: Report) -> list[str]:
    """Shortcomings, targets for the next period, distribution list and signature."""
    signer = "TM. ỦY BAN NHÂN DÂN" if r.org.slug == "ubnd" else "T/M BAN THƯỜNG VỤ"
    shortcomings = " ".join(s.format(subunit=r.subunit, members=r.members)
                            for s in r.rng.sample(LIMITATIONS, 2))
    return ["II. HẠN CHẾ, NGUYÊN NHÂN", shortcomings, "",
            f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ {r.next_period.upper()}", target_paragraph(r), "",
            "Nơi nhận:", f"- Thường trực {r.committee} (b/c);", "- Các đồng chí Ủy viên BCH;",
            "- Lưu VP.", "", signer, r.person()]


def build_report(rng: random.Random) -> tuple[Report, str]:
    """Return (report, text) for one synthetic report; target size 2-20 KB, log-uniform."""
    r = Report(rng)
    formal = rng.random() < 0.35
    head = report_head(r) if formal else news_head(r)
    tail = report_tail(r) if formal else news_tail(r)
    target = int(MIN_BYTES * (MAX_BYTES / MIN_BYTES) ** rng.random())
    fixed = sum(len(line.encode()) + 1 for line in head + tail)
    lines = head + body(r, target - fixed, MAX_BYTES - fixed - 100, formal) + tail
    return r, "\n".join(lines) + "\n"


class CorpusStats(NamedTuple):
    """What generate() wrote."""

    files: int
    bytes: int


def generate(out_dir: str, n: int, seed: int = 1) -> CorpusStats:
    """Write n reports under out_dir/YEAR/ORG[-k]/ (at most 1000 files a folder).

    Report i depends only on (seed, i). Returns the number of files and bytes written.
    """
    per_dir: Counter[str] = Counter()
    made_dirs: set[str] = set()
    total = 0
    for i in range(n):
        r, text = build_report(random.Random(f"{seed}:{i}"))
        group = f"{r.year}/{r.org.slug}"
        k = per_dir[group] // MAX_FILES_PER_DIR
        per_dir[group] += 1
        folder = os.path.join(out_dir, group + (f"-{k}" if k else ""))
        if folder not in made_dirs:
            os.makedirs(folder, exist_ok=True)
            made_dirs.add(folder)
        name = f"{i:06d}-{ascii_slug(r.home_level)}-{ascii_slug(r.place)}-{r.span}.txt"
        data = text.encode("utf-8")
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        total += len(data)
    return CorpusStats(n, total)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--n", type=int, default=10_000, help="number of reports (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    start = time.perf_counter()
    stats = generate(args.out_dir, args.n, args.seed)
    seconds = time.perf_counter() - start
    print(f"wrote {stats.files} files, {stats.bytes / 1e6:.1f} MB "
          f"(avg {stats.bytes / max(stats.files, 1) / 1000:.1f} KB) to {args.out_dir} "
          f"in {seconds:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
