"""The period a report sums up: its year and span (year, half_year, months, quarter, term…).

The year is the one whose work is summed up, not the publication year nor the year of
the plans the report sets ("triển khai nhiệm vụ năm 2024"). Cues are data
(`rules/periods.yml`); when none names a year, the years the text mentions vote, and
years in plan or comparison phrases vote against.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import regex

from .letterhead import Letterhead
from .normalize import lowered
from .rules import RuleSet

_LEAD_CHARS = 400
_LEAD_BONUS = 3
_YEAR = regex.compile(r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)")
_RANGE_NEIGHBOUR = regex.compile(r"\A[ \t]*[-–][ \t]*\d|[-–][ \t]*\Z")
# Contexts that end where a year starts, matched right to left from that end.
_PLAN_BEFORE = regex.compile(r"(?i)(?:triển khai|phương hướng|nhiệm vụ|kế hoạch|chương trình công tác|phấn đấu"
                             r"|mục tiêu)[^.;\n]{0,30}$", regex.REVERSE)
_COMPARE_BEFORE = regex.compile(r"(?i)(?:so với|cùng kỳ|trước đó|so)[^.;\n]{0,12}$", regex.REVERSE)
_TIME_AFTER = regex.compile(r"[ \t]*[-–|][ \t]*\d{1,2}:\d\d")
_DATE_BEFORE = regex.compile(
    r"(?:\d{1,2}/\d{1,2}/|\d{1,2}-\d{1,2}-|\d{1,2}\.\d{1,2}\.|(?i:tháng)[ \t]*\d{1,2}[-/]|date\s)$", regex.REVERSE)
# A year in a document's name ("Luật Nghĩa vụ quân sự năm 2015") says nothing of the period.
_NAMED_BEFORE = regex.compile(r"(?:Luật|Bộ luật|Hiến pháp|Nghị quyết|Nghị định|Chỉ thị|Quyết định|Kết luận|Thông tư)"
                              r"[^.;\n]{0,60}(?i:năm)[ \t]*$", regex.REVERSE)
# The text counts from the day it was written ("từ đầu năm đến nay", "năm nay"): its date is the year.
_DEICTIC = regex.compile(r"(?i)(?<![\p{L}])(?:từ đầu năm|đầu năm đến nay|năm nay)(?![\p{L}])")
_DEICTIC_DATE_VOTES = 2
_DATELINE_CHARS = 400
_WITHIN_YEAR_SPANS = ("quarter", "months", "half_year")


_TERM_YEARS = 5  # a term whose start the text does not give is taken to be five years


@dataclass(frozen=True)
class Period:
    year: int | None
    span: str
    rule: str  # the cue that decided it, or "vote"/"none"
    first_year: int | None = None  # first year covered (a term or multi-year span starts earlier)

    @property
    def years(self) -> tuple[int, int] | None:
        return (self.first_year or self.year, self.year) if self.year else None


def _cue_year(rule, m: regex.Match) -> int | None:
    group = rule.get("year_from", "year")
    try:
        value = m.group(group)
    except IndexError:
        return None
    return int(value) if value else None


def _vote(text: str, within_year: bool = False) -> int | None:
    """The year the text's year mentions vote for. The date it was written counts double when
    the text counts from that day ("từ đầu năm đến nay") or names a part of a year with no
    year ("Trong quý III"): a report on part of a year is written within it."""
    votes: defaultdict[int, float] = defaultdict(float)
    deictic = within_year or _DEICTIC.search(text) is not None
    dated = False
    for m in _YEAR.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        year = int(m.group())
        is_date = _DATE_BEFORE.search(before) is not None
        if _RANGE_NEIGHBOUR.search(text[m.end() : m.end() + 4]) or _RANGE_NEIGHBOUR.search(before[-4:]):
            if not is_date or not _TIME_AFTER.match(text, m.end()):
                continue  # a range of years or dates ("nhiệm kỳ 2016 – 2021", "06/6/1941 - 06/6/2024")
        if is_date:  # a date, even with a time after it ("21/09/2015 - 18:49")
            # the date a text was written heads it; a date further on is an event's or an anniversary's
            written = not dated and m.start() < _DATELINE_CHARS
            votes[year] += _DEICTIC_DATE_VOTES if deictic and written else 0.5
            dated = True
            continue
        if _NAMED_BEFORE.search(before):
            continue
        if _PLAN_BEFORE.search(before):
            votes[year] -= 1
        elif _COMPARE_BEFORE.search(before):
            votes[year] -= 0.5
            votes[year + 1] += 0.5  # "tăng 5 đảng viên so với năm 2017": the report's year is the next one
        else:
            votes[year] += 1
    if not votes:
        return None
    return max(votes, key=lambda y: (votes[y], y))  # a tie goes to the later year: comparisons look back


def detect_period(text: str, rules: RuleSet, letterhead: Letterhead | None = None) -> Period:
    """Year and span of the report in `text` (normalised).

    A formal report's title says what it sums up ("Tổng kết công tác năm 2023 và phương
    hướng năm 2024"): a cue in the title that names a year decides. The letterhead's date
    line is the publication date, never the period: it is left out of the search.
    """
    if letterhead is not None:
        if letterhead.title_span is not None:
            start, end = letterhead.title_span
            # the title's lines are one phrase: "Tổng kết phong trào …" / "giai đoạn 2021 - 2025"
            in_title = _from_cues(" " * start + text[start:end].replace("\n", " "), rules)
            if in_title is not None and in_title.year is not None:
                return in_title
        header_end = letterhead.title_span[0] if letterhead.title_span else letterhead.end
        text = " " * header_end + text[header_end:]
    return _from_cues(text, rules) or _voted(text)


def _voted(text: str) -> Period:
    year = _vote(text)
    return Period(year, "year", "vote" if year else "none")


def _from_cues(text: str, rules: RuleSet) -> Period | None:
    """The period the best cue gives, None when no cue is found."""
    best = None  # (score, -position, span, year, rule id)
    best_with_year = None
    lower = lowered(text)
    for rule in rules.of_kind("period"):
        for m in rule.finditer("pattern", text, lower):
            score = float(rule.get("weight")) + (_LEAD_BONUS if m.start() < _LEAD_CHARS else 0)
            year = _cue_year(rule, m)
            key = (score, -m.start())
            if best is None or key > best[0]:
                best = (key, rule.get("span"), year, rule.id, _first_year(rule, m))
            if year is not None and (best_with_year is None or key > best_with_year[0]):
                best_with_year = (key, year)
    if best is None:
        return None
    _, span, year, rule_id, first_year = best
    if year is None:
        year = best_with_year[1] if best_with_year else _vote(text, within_year=span in _WITHIN_YEAR_SPANS)
    if first_year is None and year is not None:
        first_year = year - _TERM_YEARS if span == "term" else year
    return Period(year, span, rule_id, first_year)


def _first_year(rule, m: regex.Match) -> int | None:
    """First year of a span cue that names its start ("trong nhiệm kỳ 2015-2020" → 2015)."""
    if rule.get("year_from") == "end" and m.groupdict().get("start"):
        return int(m.group("start"))
    return None
