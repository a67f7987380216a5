#!/usr/bin/env python3
"""Wrap plain-text reports with gold into formal report files, to measure what the formal shape costs.

A folder of `NAME.txt` + `NAME.gold.json` (shared/corpus/dev, say) becomes a folder of `NAME.docx`
(or `.pdf`, or `.txt`) + `NAME.gold.json`, each text dressed as offices write a report
(shared/corpus/FORMAL-FILES.md):

1. the letterhead: the issuing body in capitals, under its parent when one can be derived safely
   from the gold unit ("Ban Tuyên giáo Huyện ủy X" -> HUYỆN ỦY X / BAN TUYÊN GIÁO; "Sở Tư pháp
   tỉnh X" -> UBND TỈNH X / SỞ TƯ PHÁP), a rule, the number (`Số: 45-BC/HND`, or a draft's blank
   one); beside it the motto (party bodies: ĐẢNG CỘNG SẢN VIỆT NAM) and the place and date;
2. BÁO CÁO and a title built from the gold period (which names the next period's year too), and
   sometimes a `Kính gửi:` addressee, a body that is not the unit;
3. a results heading, then the original text, every line a paragraph, every character kept;
4. a plan part (PHƯƠNG HƯỚNG, NHIỆM VỤ … / Phần thứ hai / NHIỆM VỤ, GIẢI PHÁP … / MỤC TIÊU …) of
   3-5 sentences with figures, sometimes proposals (KIẾN NGHỊ, ĐỀ XUẤT) with a figure: none of
   them results, none in the gold;
5. the closing: recipients (`Nơi nhận:`, "- 13 cơ sở hội trực thuộc;") beside the signature.

In .docx the letterhead and the closing are borderless tables of one row and two cells; in .txt
their columns come side by side on the same lines, separated by runs of spaces, or the left
column's lines before the right column's (both shapes occur in text taken from .doc and .pdf);
.pdf is the .docx converted by LibreOffice. Shapes vary deterministically with --seed and the
file name. The gold is copied with its "doc" changed to the new file name, so

    report-extract eval --gold OUT_FOLDER

scores the wrapped files against the same gold as the plain texts.

usage: python benchmarks/formal_wrap.py SRC_FOLDER OUT_FOLDER [--format docx|pdf|txt] [--seed N]
"""
from __future__ import annotations

import argparse
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------- the unit

_LEVEL = re.compile(r"(?<!\w)(thị trấn|thị xã|thành phố|xã|phường|huyện|quận|tỉnh|TP\.?)(?!\w)")
_COMMITTEE = re.compile(r"(?<!\w)(Huyện|Tỉnh|Thành|Quận|Thị|Đảng) (ủy|uỷ)(?!\w)")
_PARTY = re.compile(r"(?i)(?<!\w)(?:(?:huyện|tỉnh|thành|quận|thị|đảng) (?:ủy|uỷ)|đảng|chi bộ|ban tuyên giáo|"
                    r"dân vận|tổ chức|ubkt|(?:ủy|uỷ) ban kiểm tra)(?!\w)")
_MASS = re.compile(r"^(?:Hội(?! đồng)|Huyện [Đđ]oàn|Tỉnh [Đđ]oàn|Thành [Đđ]oàn|Đoàn|Liên đoàn|LĐLĐ|"
                   r"(?:Ủy|Uỷ) ban MTTQ|UBMTTQ|Ủy ban Mặt trận)")
_UNDER_PEOPLES_COMMITTEE = re.compile(r"^(?:Sở|Phòng|Đài)(?!\w)")  # departments of a People's Committee
_NAMED_COMMITTEE = re.compile(r"^(?:(?:Huyện|Tỉnh|Thành|Quận|Thị) (?:ủy|uỷ|[Đđ]oàn)|Đảng bộ) (?=\w)")
_NOT_PLACE = frozenset(("Đoàn", "Ban", "Hội", "Đảng", "Ủy", "Uỷ", "Sở", "Phòng", "Đài", "Cụm"))
_COMMITTEE_OF_LEVEL = {"huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy",
                       "TP": "Thành ủy", "TP.": "Thành ủy", "tỉnh": "Tỉnh ủy"}
_COMMITTEE_ABBR = {"Huyện": "HU", "Tỉnh": "TU", "Thành": "TU", "Quận": "QU", "Thị": "TU", "Đảng": "ĐU"}
_COMMUNE_LEVELS = ("xã", "phường", "thị trấn")


@dataclass
class Unit:
    """What the letterhead, number, date, addressee and signature need to know of the gold unit."""

    name: str                      # as in the gold, a parenthesis dropped
    org: str                       # the name before its level and place ("Hội Nông dân")
    level: str | None = None       # "huyện", "xã", "TP." … when a place name follows it
    place: str | None = None       # "Triệu Phong"
    locality: str = ""             # level and place and what follows ("huyện Triệu Phong")
    parent: list[str] = field(default_factory=list)   # letterhead lines above the body (derived safely)
    body: list[str] = field(default_factory=list)     # the issuing body, possibly over two lines
    party: bool = False
    mass: bool = False
    committee: str | None = None   # "Huyện ủy …" when the unit is or sits under a party committee
    committee_word: str = ""       # Huyện, Tỉnh, Thành, Quận, Thị, Đảng
    abbr: str = ""


def parse_unit(unit: str, rng: random.Random) -> Unit:
    name = re.sub(r"\s*\([^)]*\)", "", unit).strip()
    info = Unit(name=name, org=name, party=bool(_PARTY.search(name)), mass=bool(_MASS.search(name)))
    for match in _LEVEL.finditer(name):
        place = _capitalised_run(name[match.end():].split())
        if place:
            info.org = name[:match.start()].strip(" ,")
            info.level, info.place, info.locality = match.group(1), place, name[match.start():]
            break
    if info.place is None:
        named = _NAMED_COMMITTEE.match(name)
        info.place = _capitalised_run(name[named.end():].split()) if named else _trailing_place(name)
    committee = _COMMITTEE.search(name)
    info.committee_word = committee.group(1) if committee else ("Đảng" if name.startswith("Đảng bộ") else "")
    if committee and committee.start() > 0:
        # a body of a party committee: the committee is its parent ("HUYỆN ỦY X" / "BAN TUYÊN GIÁO")
        info.committee = name[committee.start():]
        info.parent = [info.committee.upper()]
        body = name[:committee.start()].strip().upper()
        info.body = _wrap(body, 32) if len(body) > 34 else [body]
        info.abbr = _initials(name[:committee.start()]) + _COMMITTEE_ABBR[committee.group(1)]
        return info
    if committee or name.startswith("Đảng bộ"):
        info.committee = name
        info.abbr = _COMMITTEE_ABBR[committee.group(1)] if committee else "ĐU"
        if name.startswith("Đảng bộ") and info.level and not info.org[len("Đảng bộ"):].strip() and rng.random() < 0.5:
            # "Đảng bộ huyện X" signs as its committee, HUYỆN ỦY X (the scorer reads both as one)
            level = info.level.rstrip(".")
            own = _COMMITTEE_OF_LEVEL.get(level, f"Đảng ủy {level}")
            info.body = [f"{own} {info.locality[len(info.level):].strip()}".upper()]
            return info
    else:
        info.abbr = _initials(info.org) if info.org else ""   # a bare place ("tỉnh Lào Cai"): no body to abbreviate
    if (_UNDER_PEOPLES_COMMITTEE.match(info.org) and info.level and info.locality == f"{info.level} {info.place}"
            and not info.party):
        # a department of a People's Committee: UBND TỈNH X / SỞ TƯ PHÁP
        level = info.locality.upper()
        info.parent = [f"UBND {level}"] if rng.random() < 0.6 else ["ỦY BAN NHÂN DÂN", level]
        info.body = [info.org.upper()]
        return info
    shape = rng.random()
    if info.org and info.level and shape < 0.45:
        info.body = [info.org.upper(), info.locality.upper()]     # ỦY BAN NHÂN DÂN / XÃ TÂN HÒA
    elif len(name) > 34 and shape < 0.8:
        info.body = _wrap(name.upper(), 32)
    else:
        info.body = [name.upper()]
    return info


def _capitalised_run(words: list[str]) -> str | None:
    """The place name that opens `words`: its capitalised words ("Triệu Phong", "Bà Rịa-Vũng Tàu")."""
    run = []
    for word in words:
        word = word.rstrip(",")
        if not word[:1].isupper() or word in _NOT_PLACE or sum(ch.isupper() for ch in word) > 2:
            break
        run.append(word)
        if word != words[len(run) - 1]:   # a comma ended the name
            break
    return " ".join(run) or None


def _trailing_place(name: str) -> str | None:
    """A place written without its level at the end of the name ("Sở TT&TT Hà Nội")."""
    run: list[str] = []
    for word in reversed(name.split()[1:]):
        if not word[:1].isupper() or word in _NOT_PLACE or sum(ch.isupper() for ch in word) > 1:
            break
        run.insert(0, word)
    place = " ".join(run)
    return place if place and place != "Việt Nam" else None


def _initials(org: str) -> str:
    org = re.sub(r"\s+(?:xã|phường|huyện|quận|tỉnh)$", "", org)   # "UBND huyện" is UBND
    letters = []
    for word in re.split(r"[\s,“”\"]+", org):
        if not word or word in ("và", "các", "cấp"):
            continue
        if sum(ch.isupper() for ch in word) > 1:
            letters.append("".join(ch for ch in word if ch.isupper()))
        else:
            letters.append(word[0].upper())
    text = "".join(letters)
    text = unicodedata.normalize("NFD", text.replace("Đ", "\0"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").replace("\0", "Đ")
    return re.sub(r"[^A-ZĐ]", "", text)[:8]


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


# --------------------------------------------------------------------------- the period

@dataclass
class Period:
    year: int
    span: str
    done: str          # "năm 2023", "6 tháng đầu năm 2024", "nhiệm kỳ 2012-2017"
    next: str          # "năm 2024", "6 tháng cuối năm 2024", "nhiệm kỳ 2017-2022"
    month: int         # the month a report of this period is dated in
    next_year: bool    # may be dated in January of the next year


def make_period(period: dict, text: str) -> Period:
    year, span = int(period["year"]), period.get("span") or "year"
    if span == "half_year":
        return Period(year, span, f"6 tháng đầu năm {year}", f"6 tháng cuối năm {year}", 6, False)
    if span == "months":
        found = re.search(r"(?<!\d)(\d{1,2}) tháng(?: đầu)? năm", text)
        months = int(found.group(1)) if found and 2 <= int(found.group(1)) <= 11 else None
        if months is None:
            return Period(year, span, f"những tháng đầu năm {year}", f"những tháng cuối năm {year}", 9, False)
        return Period(year, span, f"{months} tháng đầu năm {year}", f"{12 - months} tháng cuối năm {year}",
                      months, False)
    if span == "quarter":
        found = re.search(r"(?i)quý (I{1,3}|IV)\b", text)
        quarter = ("I", "II", "III", "IV").index(found.group(1).upper()) + 1 if found else 4
        following = f"quý {('I', 'II', 'III', 'IV')[quarter % 4]} năm {year + (quarter == 4)}"
        return Period(year, span, f"quý {('I', 'II', 'III', 'IV')[quarter - 1]} năm {year}", following,
                      3 * quarter, quarter == 4)
    if span in ("term", "multi_year"):
        word = "nhiệm kỳ" if span == "term" else "giai đoạn"
        found = re.search(rf"(?i){word}[^\d\n]{{0,12}}(\d{{4}}) ?[-–] ?{year}(?!\d)", text)
        start = int(found.group(1)) if found else year - (5 if span == "term" else 4)
        length = max(year - start, 1)
        # a term's successor starts in the year it ends (2020-2025, 2025-2030), a span of years the year after
        following = year if span == "term" else year + 1
        return Period(year, span, f"{word} {start}-{year}", f"{word} {following}-{following + length}", 12, True)
    return Period(year, span, f"năm {year}", f"năm {year + 1}", 12, True)


def title_lines(period: Period, rng: random.Random) -> list[str]:
    done, nxt = period.done, period.next
    if period.span in ("term", "multi_year"):
        shapes = [[f"Tổng kết {done}", f"và phương hướng, nhiệm vụ {nxt}"],
                  [f"Tổng kết công tác {done} và phương hướng, nhiệm vụ {nxt}"]]
        if period.span == "term":
            shapes.append([f"Kết quả thực hiện Nghị quyết Đại hội {done},", f"phương hướng, mục tiêu, nhiệm vụ {nxt}"])
    elif period.span == "year":
        shapes = [[f"Tổng kết công tác {done}", f"và phương hướng, nhiệm vụ {nxt}"],
                  [f"Kết quả thực hiện nhiệm vụ {done},", f"phương hướng, nhiệm vụ trọng tâm {nxt}"],
                  [f"Tình hình thực hiện nhiệm vụ {done} và phương hướng, nhiệm vụ {nxt}"],
                  [f"Công tác {done} và phương hướng, nhiệm vụ {nxt}"]]
    else:
        shapes = [[f"Sơ kết công tác {done}", f"và phương hướng, nhiệm vụ {nxt}"],
                  [f"Kết quả thực hiện nhiệm vụ {done},", f"nhiệm vụ trọng tâm {nxt}"],
                  [f"Kết quả công tác {done} và phương hướng, nhiệm vụ {nxt}"]]
    return rng.choice(shapes)


# --------------------------------------------------------------------------- the parts

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
MIDDLE = ("Văn", "Thị", "Minh", "Hữu", "Quốc", "Đức", "Thanh", "Ngọc", "Thu", "Xuân")
GIVEN = ("Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Hà", "Hạnh", "Hương", "Lan",
         "Mai", "Tâm", "Thảo", "Vân", "Sơn", "Thắng", "Tuấn")


def vn_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def plan_sentences(rng: random.Random, year: int, unit: Unit | None) -> list[str]:
    """Targets for the coming period, which ends in `year`, in the words of the unit's kind."""
    n = lambda lo, hi: vn_int(rng.randint(lo, hi))  # noqa: E731
    pool = [
        f"Thực hiện các chỉ tiêu chuyên môn đạt {rng.choice((90, 95, 98, 100))}% kế hoạch được giao.",
        f"Tổ chức {n(5, 30)} lớp tập huấn, bồi dưỡng nghiệp vụ cho {n(300, 2500)} lượt cán bộ.",
        f"Tuyên truyền, phổ biến {n(10, 60)} văn bản mới cho cán bộ, đảng viên và nhân dân.",
        f"Tổ chức {n(2, 8)} cuộc kiểm tra, giám sát chuyên đề theo chương trình năm {year}.",
    ]
    if unit is None or unit.party:
        pool += [
            f"Phấn đấu {rng.choice((90, 95, 100))}% chi bộ, đảng bộ cơ sở được xếp loại hoàn thành tốt nhiệm vụ.",
            f"Giới thiệu {n(5, 40)} quần chúng ưu tú cho Đảng xem xét kết nạp.",
            f"Kiểm tra {n(5, 25)} tổ chức đảng và {n(10, 60)} đảng viên khi có dấu hiệu vi phạm.",
        ]
    if unit is None or unit.mass:
        pool += [
            f"Phấn đấu kết nạp {n(20, 120)} hội viên mới, nâng tổng số hội viên lên {n(1200, 9000)} người.",
            f"Vận động xây dựng {n(3, 20)} nhà Đại đoàn kết với tổng kinh phí {n(150, 900)} triệu đồng.",
            f"Đến cuối năm {year} có thêm {n(3, 15)} mô hình kinh tế tập thể hoạt động hiệu quả.",
            f"Hoàn thành {n(10, 50)} công trình, phần việc thanh niên.",
        ]
    if unit is None or not (unit.party or unit.mass):
        pool += [
            f"Duy trì tỷ lệ {rng.choice((97, 98, 99, 100))}% hồ sơ được giải quyết đúng hạn.",
            f"Mở {n(3, 15)} lớp dạy nghề cho {n(100, 600)} lao động nông thôn.",
            f"Xây dựng mới {n(2, 12)} tuyến đường giao thông nông thôn với chiều dài {n(3, 20)} km.",
        ]
    return rng.sample(pool, rng.randint(3, 5))


def proposal_sentences(rng: random.Random, unit: Unit | None) -> list[str]:
    pool = [
        f"Đề nghị cấp trên hỗ trợ {vn_int(rng.randint(50, 500))} triệu đồng kinh phí hoạt động năm tới.",
        f"Đề nghị bố trí thêm {rng.randint(2, 6)} biên chế cho cơ quan để đáp ứng yêu cầu nhiệm vụ.",
    ]
    if unit and unit.mass:
        pool.append(f"Đề nghị hỗ trợ kinh phí hoạt động cho {rng.randint(8, 30)} chi hội cơ sở.")
    elif unit and not unit.party:
        pool.append(f"Đề nghị hỗ trợ {rng.randint(5, 20)} bộ máy vi tính cho bộ phận tiếp nhận và trả kết quả.")
    return rng.sample(pool, rng.randint(1, 2))


def addressee(unit: Unit, rng: random.Random) -> str | None:
    level = (unit.level or "").rstrip(".")
    higher = _COMMITTEE_OF_LEVEL.get(level) or _COMMITTEE_OF_LEVEL.get(unit.level or "")
    if unit.committee and unit.committee != unit.name:
        return f"Ban Thường vụ {unit.committee}"
    if unit.committee:
        if level in ("xã", "thị trấn"):
            return "Ban Thường vụ Huyện ủy"
        if level == "phường":
            return "Ban Thường vụ Thành ủy"
        if level == "tỉnh" or unit.committee_word == "Tỉnh":
            return "Ban Bí thư Trung ương Đảng"
        return "Ban Thường vụ Tỉnh ủy" if level or unit.committee_word in ("Huyện", "Quận", "Thị", "Thành") else None
    if not unit.place or not level:
        return None
    if level in _COMMUNE_LEVELS:
        options = ["Ủy ban nhân dân huyện", f"Đảng ủy {level} {unit.place}"]
        if unit.mass:
            options.append(f"Ban Thường vụ {unit.org} huyện")
        return rng.choice(options)
    if _UNDER_PEOPLES_COMMITTEE.match(unit.org):
        return f"Ủy ban nhân dân {unit.locality}"
    return rng.choice([f"Ban Thường vụ {higher} {unit.place}", f"Thường trực {higher} {unit.place}"])


def signature(unit: Unit, rng: random.Random) -> list[str]:
    org = " ".join(unit.body).upper()
    if re.search(r"KIỂM TRA|UBKT", org):
        lines = ["T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM"]
    elif org.startswith("CHI BỘ"):
        lines = ["T/M CHI BỘ", "BÍ THƯ"]
    elif org.startswith("BAN"):
        lines = rng.choice([["TRƯỞNG BAN"], ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]])
    elif org.startswith(("TRUNG TÂM", "SỞ", "ĐÀI", "THƯ VIỆN", "BẢO TÀNG")):
        lines = rng.choice([["GIÁM ĐỐC"], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]])
    elif unit.committee:
        lines = rng.choice([["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]])
        if unit.level in _COMMUNE_LEVELS:
            lines = ["T/M ĐẢNG ỦY", rng.choice(["BÍ THƯ", "PHÓ BÍ THƯ"])]
    elif unit.mass:
        youth = re.match(r"(?:Huyện|Tỉnh|Thành) [Đđ]oàn|Đoàn", unit.org)
        lines = ["TM. BAN THƯỜNG VỤ", "BÍ THƯ" if youth else "CHỦ TỊCH"]
    elif re.match(r"(?:Ủy|Uỷ) ban nhân dân|UBND", unit.org):
        lines = rng.choice([["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                                                                  "PHÓ CHỦ TỊCH"]])
    elif re.match(r"HĐND|Hội đồng nhân dân", unit.org):
        lines = ["TM. THƯỜNG TRỰC HĐND", "CHỦ TỊCH"]
    elif org.startswith("PHÒNG"):
        lines = ["TRƯỞNG PHÒNG"]
    else:
        lines = ["THỦ TRƯỞNG ĐƠN VỊ"]
    person = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    return [*lines, *rng.choice([["(Đã ký)"], ["(Đã ký)"], ["", ""]]), person]


def recipients(unit: Unit, to: str | None, rng: random.Random) -> list[str]:
    lines = []
    if to:
        lines.append(rng.choice(["- Như kính gửi;", f"- {to} (b/c);"]))
    elif unit.committee or unit.mass:
        lines.append(rng.choice(["- Ban Thường vụ Huyện ủy (b/c);", "- Thường trực Tỉnh ủy (b/c);"]))
    else:
        lines.append("- Thường trực HĐND, UBND (b/c);")
    pool = ["- Lãnh đạo cơ quan;", "- Các ban, ngành, đoàn thể;", "- Website cơ quan;"]
    if unit.mass:
        pool.append(f"- {rng.randint(8, 40)} cơ sở hội trực thuộc;")
    if unit.committee:
        pool.append(f"- {rng.randint(8, 60)} chi, đảng bộ trực thuộc;")
    if unit.level in ("huyện", "quận", "thị xã"):
        pool.append(f"- {rng.randint(8, 25)} xã, thị trấn;")
    lines += rng.sample(pool, min(len(pool), rng.randint(1, 3)))
    lines.append(rng.choice(["- Lưu VP.", "- Lưu: VT.", f"- Lưu VT, {unit.abbr}." if unit.abbr else "- Lưu."]))
    return lines


# --------------------------------------------------------------------------- the document

@dataclass
class Line:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float | None = None


@dataclass
class Columns:
    left: list[Line]
    right: list[Line]
    widths: tuple[float, float]   # cm


@dataclass
class Para:
    text: str
    kind: str = "body"            # body, heading, heading-centre (BÁO CÁO, title), centre, right


Block = Columns | Para


def build(name: str, text: str, gold: dict, seed: int) -> list[Block]:
    rng = random.Random(f"{seed}/{name}")
    period = make_period(gold.get("period") or {}, text)
    unit = parse_unit(gold["unit"], rng) if gold.get("unit") else None
    draft = rng.random() < 0.2
    blocks: list[Block] = []
    if draft and rng.random() < 0.5:
        blocks.append(Para("DỰ THẢO", "right"))

    # 1. letterhead
    year, month = period.year, period.month
    if period.next_year and rng.random() < 0.3:
        year, month = year + 1, 1
    else:
        month = min(12, month + (rng.random() < 0.3))
    day = "     " if draft and rng.random() < 0.7 else f"{rng.randint(2, 28):02d}"
    place = unit.place if unit and unit.place else None
    date = f"ngày {day} tháng {month:02d} năm {year}" if month < 3 else f"ngày {day} tháng {month} năm {year}"
    date = f"{place}, {date}" if place else date[0].upper() + date[1:]
    if unit and unit.party:
        right = [Line("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=14)]
        right += [Line("")] if rng.random() < 0.5 else []
    else:
        right = [Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12),
                 Line("Độc lập - Tự do - Hạnh phúc", bold=True, size=13)]
        right += [Line(rng.choice(("_______________________", "---------------------")))] if rng.random() < 0.4 else []
    right.append(Line(date, italic=True))
    if unit:
        left = [Line(line) for line in unit.parent] + [Line(line, bold=True) for line in unit.body]
        if rng.random() < 0.6:
            left.append(Line("*" if unit.party else rng.choice(("___", "______", "-----"))))
        number = "      " if draft else str(rng.randint(3, 250))
        colon = ":" if not unit.party or rng.random() < 0.5 else ""
        if not unit.abbr:
            left.append(Line(f"Số{colon} {number}/BC"))
        elif unit.party or unit.mass:
            left.append(Line(f"Số{colon} {number}-BC/{unit.abbr}"))
        else:
            left.append(Line(f"Số{colon} {number}/BC-{unit.abbr}"))
        blocks.append(Columns(left, right, rng.choice(((6.0, 10.0), (6.5, 9.5), (5.5, 10.5)))))
    else:
        blocks += [Para(line.text, "centre") for line in right]

    # 2. title, addressee
    blocks.append(Para("BÁO CÁO", "heading-centre"))
    blocks += [Para(line, "heading-centre") for line in title_lines(period, rng)]
    if rng.random() < 0.3:
        blocks.append(Para(rng.choice(("-----", "*", "___")), "centre"))
    to = addressee(unit, rng) if unit and rng.random() < 0.4 else None
    if to:
        blocks.append(Para(f"Kính gửi: {to}", "centre"))

    # 3. results heading and the text, line by line
    shape = rng.choice(("roman", "roman", "part", "part-inline", "letter"))
    results = rng.choice(("KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
                          "KẾT QUẢ CÔNG TÁC", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ"))
    plan = rng.choice(("PHƯƠNG HƯỚNG, NHIỆM VỤ", "PHƯƠNG HƯỚNG, NHIỆM VỤ", "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM",
                       "MỤC TIÊU, NHIỆM VỤ", "PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ GIẢI PHÁP"))
    proposal = rng.choice(("KIẾN NGHỊ, ĐỀ XUẤT", "ĐỀ XUẤT, KIẾN NGHỊ"))
    headings = {
        "roman": (["I. "], ["II. "], ["III. "]),
        "part": (["Phần thứ nhất", ""], ["Phần thứ hai", ""], ["Phần thứ ba", ""]),
        "part-inline": (["PHẦN I: "], ["PHẦN II: "], ["PHẦN III: "]),
        "letter": (["A. "], ["B. "], ["C. "]),
    }[shape]

    def heading(marker: list[str], title: str) -> list[Block]:
        return [Para(line, "heading") for line in marker[:-1]] + [Para(marker[-1] + title, "heading")]

    blocks += heading(headings[0], f"{results} {period.done.upper()}")
    blocks += [Para(line) for line in text.split("\n")]

    # 4. plan and proposals
    blocks += heading(headings[1], f"{plan} {period.next.upper()}")
    bullet = rng.choice(("", "- ", "numbered"))
    sentences = plan_sentences(rng, int(re.findall(r"\d{4}", period.next)[-1]), unit)
    blocks += [Para(f"{i}. {s}" if bullet == "numbered" else bullet + s) for i, s in enumerate(sentences, 1)]
    if rng.random() < 0.4:
        blocks += heading(headings[2], proposal)
        blocks += [Para(s) for s in proposal_sentences(rng, unit)]
    closing = rng.random()
    if closing < 0.66:
        whose = f" của {gold['unit']}" if unit and closing < 0.33 else ""
        blocks.append(Para(f"Trên đây là báo cáo {' '.join(title_lines(period, rng)).lower()}{whose}./."))

    # 5. recipients and signature
    if unit:
        sign = [Line(line, bold=bool(line) and not line.startswith("("), italic=line.startswith("("))
                for line in signature(unit, rng)]
        left = [Line("Nơi nhận:", bold=True, italic=True, size=12)]
        left += [Line(line, size=11) for line in recipients(unit, to, rng)]
        blocks.append(Columns(left, sign, (7.0, 9.0)))
    return blocks


# --------------------------------------------------------------------------- .txt

def render_txt(blocks: list[Block], rng: random.Random) -> str:
    side_by_side = rng.random() < 0.5
    centred = side_by_side and rng.random() < 0.6
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Columns):
            left, right = [line.text for line in block.left], [line.text for line in block.right]
            if not side_by_side:
                lines += [line for line in left + right if line.strip()]
                continue
            width = max(len(line) for line in left) + rng.randint(4, 14)
            for i in range(max(len(left), len(right))):
                a = left[i] if i < len(left) else ""
                b = right[i] if i < len(right) else ""
                a = a.center(width) if centred else a.ljust(width)
                lines.append((a + b).rstrip())
        elif block.kind in ("centre", "heading-centre") and centred:
            lines.append(block.text.center(90).rstrip())
        elif block.kind == "right" and centred:
            lines.append(block.text.rjust(90))
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- .docx

def render_docx(blocks: list[Block]) -> bytes:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(13)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Times New Roman")
    normal.paragraph_format.space_after = Pt(3)

    def styled(paragraph, line: Line, align) -> None:
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)
        if line.text:
            run = paragraph.add_run(line.text)
            run.bold, run.italic, run.underline = line.bold or None, line.italic or None, line.underline or None
            if line.size:
                run.font.size = Pt(line.size)

    for block in blocks:
        if isinstance(block, Columns):
            table = document.add_table(rows=1, cols=2)
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            table.autofit = False
            _borderless(table, OxmlElement, qn)
            for column, cell, lines, width in zip(table.columns, table.rows[0].cells, (block.left, block.right),
                                                  block.widths, strict=True):
                column.width = cell.width = Cm(width)
                for i, line in enumerate(lines):
                    paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                    styled(paragraph, line, WD_ALIGN_PARAGRAPH.CENTER)
            if block is not blocks[-1]:
                document.add_paragraph()
            continue
        if block.kind == "body":
            paragraph = document.add_paragraph(block.text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(1)
        elif block.kind == "heading":
            paragraph = document.add_paragraph()
            paragraph.add_run(block.text).bold = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        else:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.bold = block.kind in ("heading-centre", "right") or None
            if block.text == "BÁO CÁO":
                run.font.size = Pt(14)
                paragraph.paragraph_format.space_before = Pt(12)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if block.kind == "right" else WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(0)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _borderless(table, OxmlElement, qn) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so a seed gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def docx_text(data: bytes) -> str:
    import docx

    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs)


# --------------------------------------------------------------------------- .pdf

def convert_to_pdf(docx_files: list[Path], out: Path) -> list[str]:
    """Convert with LibreOffice in a profile of its own; the names that gave no PDF."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        sys.exit("LibreOffice is not installed: flock /tmp/apt.lock apt-get install -y "
                 "--no-install-recommends libreoffice-writer")
    with tempfile.TemporaryDirectory(prefix="formal_wrap_lo_") as profile:
        for start in range(0, len(docx_files), 40):
            batch = docx_files[start:start + 40]
            subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", str(out), *map(str, batch)],
                           check=False, capture_output=True, timeout=600)
    return [path.stem for path in docx_files if not (out / f"{path.stem}.pdf").is_file()]


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path, help="folder of NAME.txt + NAME.gold.json")
    parser.add_argument("out", type=Path, help="folder to write NAME.<format> + NAME.gold.json into")
    parser.add_argument("--format", choices=("docx", "pdf", "txt"), default="docx")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.out.resolve() == args.src.resolve():
        parser.error("OUT_FOLDER must not be SRC_FOLDER")
    args.out.mkdir(parents=True, exist_ok=True)
    golds = sorted(args.src.glob("*.gold.json"))
    if not golds:
        parser.error(f"no *.gold.json in {args.src}")
    pending: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="formal_wrap_") as staging:
        for gold_path in golds:
            name = gold_path.name[: -len(".gold.json")]
            source = args.src / f"{name}.txt"
            if not source.is_file():
                print(f"{name}: no {source.name}, skipped", file=sys.stderr)
                continue
            text = source.read_text(encoding="utf-8")
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if not (gold.get("period") or {}).get("year"):
                print(f"{name}: the gold has no period year to title the report with, skipped", file=sys.stderr)
                continue
            blocks = build(name, text, gold, args.seed)
            target = f"{name}.{args.format}"
            if args.format == "txt":
                wrapped = render_txt(blocks, random.Random(f"{args.seed}/{name}/txt"))
                (args.out / target).write_text(wrapped, encoding="utf-8")
                kept = text in wrapped
            else:
                data = render_docx(blocks)
                kept = text in docx_text(data)
                where = Path(staging) if args.format == "pdf" else args.out
                (where / f"{name}.docx").write_bytes(data)
                pending.append(where / f"{name}.docx")
            if not kept:
                print(f"{name}: the original text is not intact in the wrapped file", file=sys.stderr)
            gold["doc"] = target
            (args.out / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                         encoding="utf-8")
        if args.format == "pdf":
            for stem in convert_to_pdf(pending, args.out):
                print(f"{stem}: LibreOffice gave no PDF", file=sys.stderr)
    print(f"{len(golds)} reports wrapped as .{args.format} in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
