"""The letterhead of a formal report: who issued it, under which parent, when, and its title.

Nghị định 30/2020/NĐ-CP (state bodies) and Hướng dẫn 36-HD/VPTW (party bodies) set the top of
a report as two columns: on the left the issuing body in capitals, under its parent
("HUYỆN ỦY TRIỆU PHONG" over "BAN TUYÊN GIÁO"), and the number ("Số: 45-BC/BTG"); on the
right the motto and the place and date. Then the document type ("BÁO CÁO") and the title.
Readers give the columns one after the other (a .docx letterhead table, a .doc) or side by side
on shared lines (PDF text): the right column's pieces are recognised and taken out, and what
is left in capitals on those lines is the left column. News write-ups have no motto, no
number and no document type, and get no letterhead. The words are data (`rules/letterhead.yml`).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import regex

from .rules import RuleSet

_SEARCH_CHARS = 2500  # a letterhead, number, date and title fit well within this
_MAX_HEADER_LINES = 16  # lines before the document type; more is a body, not a letterhead
_MAX_TITLE_LINES = 4
_TITLE_LINE_CHARS = 200
_DATE = regex.compile(
    r"(?i)(?:(?P<place>(?:[\p{L}\p{M}.'’]+[ \t]+){0,4}?[\p{L}\p{M}.'’]+)[ \t]*,[ \t]*)?"
    r"ngày[ \t]*(?P<day>\d{1,2})?[ \t.]*tháng[ \t]*(?P<month>\d{1,2})?[ \t.]*năm[ \t]*(?P<year>(?:19|20)\d\d)")
# "Số: 45-BC/HU", "Số: 184 /BC-SNV", a draft's "Số:      /BC-UBND"
_NUMBER = regex.compile(r"(?<![\p{L}])(?i:số)[ \t]*:[ \t]*\d*[ \t]*[-/][ \t]*\p{Lu}[\p{L}\d]*(?:[-/&.][\p{L}\d]+)*")
_NUMBER_HINT = re.compile(r"số[ \t]*:")  # the standard library's scan of a literal is the quickest
_RULE_LINE = regex.compile(r"[-_=*.…~•·\s]+")
_CAPITAL_WORD = regex.compile(r"[^\s\p{Ll}]+")  # a word with no small letter ("BỘ", "3", "-")
# What opens the report's body, never its title: a section marker ("I.", "A.", "1.", "Phần"),
# an addressee, a legal basis.
_SECTION_START = regex.compile(r"[ \t]*(?:[IVX]{1,5}[ \t]*[.):]|[A-ZĐ][ \t]*[.)][ \t]|\d{1,2}[ \t]*[.)]"
                               r"|(?i:phần|kính[ \t]+gửi|căn[ \t]+cứ)(?![\p{L}]))")


@dataclass(frozen=True)
class Letterhead:
    """What the top of a formal report says, with offsets into the text it was read from."""

    body: tuple[str, ...]  # the left column's lines as written, parent first ("HUYỆN ỦY X", "BAN TUYÊN GIÁO")
    issued: datetime.date | None  # the date line's date; None for a draft's blank day
    title: str | None  # the title after the document type, on one line
    title_span: tuple[int, int] | None
    end: int  # where the letterhead and the title end: the body of the report starts here


def read_letterhead(text: str, rules: RuleSet) -> Letterhead | None:
    """The letterhead at the top of `text` (normalised), or None when it has none."""
    vocabulary = _compiled(rules)
    head = text[:_SEARCH_CHARS]
    lower = head.lower()
    if not any(word in lower for word in vocabulary.hints) and not _NUMBER_HINT.search(lower):
        return None  # no motto and no number: a news write-up (most texts), settled by a few scans
    lines = _line_spans(head)
    type_at = next((i for i, (s, e) in enumerate(lines[: _MAX_HEADER_LINES + 1])
                    if vocabulary.document_type.fullmatch(head[s:e].strip())
                    or vocabulary.document_type_prefix.match(head[s:e].strip())), None)
    motto = vocabulary.motto.search(head, 0, lines[min(len(lines), _MAX_HEADER_LINES) - 1][1] if lines else 0)
    number = _NUMBER.search(head, 0, lines[type_at][0]) if type_at is not None else None
    if motto is None and number is None:
        return None
    header_lines = lines[:type_at] if type_at is not None else _lines_until_body(head, lines)
    body: list[str] = []
    issued = None
    for start, end in header_lines:
        line = head[start:end]
        date = _DATE.search(line) if "ngày" in line.lower() else None
        if date and issued is None:
            issued = _date(date)
        left = _left_column(line, vocabulary.motto, vocabulary.marks, date)
        if left:
            body.append(left)
    title, title_span, end = None, None, header_lines[-1][1] if header_lines else 0
    if type_at is not None:
        title, title_span, end = _title(head, lines, type_at, vocabulary.document_type_prefix)
    return Letterhead(tuple(body), issued, title, title_span, end)


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _lines_until_body(head: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Without a document type line, the letterhead runs to its last date or number line."""
    last = 0
    for i, (start, end) in enumerate(lines[:_MAX_HEADER_LINES]):
        if _DATE.search(head, start, end) or _NUMBER.search(head, start, end):
            last = i + 1
    return lines[:last]


def _left_column(line: str, motto: regex.Pattern, marks: regex.Pattern, date: regex.Match | None) -> str:
    """What the left column puts on `line`: the leading words in capitals once the right
    column's motto, date, number and rules are taken out."""
    if date:
        place = date.group("place") or ""
        words = place.split()
        # The date's place is written in small letters ("Triệu Phong, ngày …"); capitals before
        # it belong to the left column ("BAN TUYÊN GIÁO Triệu Phong, ngày …").
        keep = 0
        while keep < len(words) and _CAPITAL_WORD.fullmatch(words[keep]):
            keep += 1
        line = line[: date.start()] + " ".join(words[:keep]) + " " + line[date.end():]
    line = marks.sub(" ", _NUMBER.sub(" ", motto.sub(" ", line)))
    if _RULE_LINE.fullmatch(line or " "):
        return ""
    words = []
    for word in line.split():
        if not _CAPITAL_WORD.fullmatch(word):
            break
        words.append(word)
    left = " ".join(words).strip(" -–*_,")
    return left if regex.search(r"\p{L}{2}", left) else ""


def _title(head: str, lines: list[tuple[int, int]], type_at: int, type_prefix: regex.Pattern
           ) -> tuple[str | None, tuple[int, int] | None, int]:
    """The title after the document type: the rest of its line and the next few short lines."""
    type_start, type_end = lines[type_at]
    prefix = type_prefix.match(head, type_start, type_end)
    first = prefix.end() if prefix else type_end
    parts: list[tuple[int, int]] = []
    if head[first:type_end].strip():
        parts.append((first, type_end))
    end = type_end
    for start, line_end in lines[type_at + 1 : type_at + 1 + _MAX_TITLE_LINES]:
        line = head[start:line_end]
        if not line.strip():
            if parts:
                break
            continue
        if _RULE_LINE.fullmatch(line):
            end = line_end
            if parts:
                break
            continue
        if len(line) > _TITLE_LINE_CHARS or _SECTION_START.match(line) or (parts and line.rstrip().endswith(".")):
            break
        if parts and _in_capitals(line) != _in_capitals(head[parts[0][0]:parts[0][1]]):
            break  # a title keeps its case: a line in the other case is a heading or the body
        parts.append((start, line_end))
        end = line_end
    if not parts:
        return None, None, end
    title = " ".join(" ".join(head[s:e].split()) for s, e in parts)
    first_start, first_end = parts[0]
    indent = len(head[first_start:first_end]) - len(head[first_start:first_end].lstrip())
    return title, (first_start + indent, parts[-1][1]), end


def _in_capitals(line: str) -> bool:
    return not any(c.islower() for c in line)


def _date(m: regex.Match) -> datetime.date | None:
    if not m.group("day") or not m.group("month"):
        return None  # a draft's date has its day left blank
    try:
        return datetime.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    except ValueError:
        return None


@dataclass(frozen=True)
class _Vocabulary:
    motto: regex.Pattern
    hints: tuple[str, ...]  # the mottos' first words in lower case: a letterhead has one of them or a number
    marks: regex.Pattern
    document_type: regex.Pattern
    document_type_prefix: regex.Pattern


_COMPILED: dict[str, _Vocabulary] = {}


def _phrases(words: list[str]) -> str:
    """Alternatives that match their words with any spacing and either dash."""
    def flexible(phrase: str) -> str:
        return r"[ \t]*[-–][ \t]*".join(r"[ \t]+".join(map(regex.escape, part.split()))
                                         for part in regex.split(r"\s*[-–]\s*", phrase))
    return "|".join(flexible(w) for w in sorted(words, key=len, reverse=True))


def _compiled(rules: RuleSet) -> _Vocabulary:
    if rules.version not in _COMPILED:
        words = rules.letterhead
        types = _phrases(words["document_types"])
        _COMPILED[rules.version] = _Vocabulary(
            motto=regex.compile(rf"(?i)(?:{_phrases(words['mottos'])})"),
            hints=tuple({" ".join(motto.lower().split()[:2]) for motto in words["mottos"]}),
            marks=regex.compile(rf"(?i)\(?(?:{_phrases(words['marks'])})\)?"),
            document_type=regex.compile(rf"(?:{types})[ \t]*:?"),
            document_type_prefix=regex.compile(rf"[ \t]*(?:{types})(?=[ \t]+\p{{Lu}}{{2}})"),
        )
    return _COMPILED[rules.version]
