"""Where a formal report's parts begin and end: headings with their levels, and the parts
whose figures are not results (the plan for the coming period, proposals, recipients).

Formal reports (Nghị định 30/2020/NĐ-CP for state bodies, Hướng dẫn 36-HD/VPTW for party
bodies, copied by mass organisations) number their sections "PHẦN THỨ HAI", "A.", "II.",
"2.", "2.1.", "a)" and set plain headings in capitals. A part rule (kind `part` in `rules/`)
names the title that opens a part; the part runs to the next heading of the same or a higher
level, or to the end of the text. News write-ups have no such lines and pass through.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from .letterhead import Letterhead, read_letterhead
from .normalize import lowered
from .rules import RuleSet

LETTERHEAD_PART = "part.letterhead"
"""The id under which a letterhead's span (issuing body, number, date, title) is out of the results."""
_SECTION_SEPARATOR = " > "
_NUMBERED = frozenset({"part", "roman", "letter"})


@dataclass(frozen=True)
class Layout:
    """A report's layout: its letterhead, the parts whose figures are not results, its headings."""

    letterhead: Letterhead | None
    parts: list[tuple[int, int, str]]  # (start, end, rule id)
    heading_starts: list[int]  # where each heading's line starts, in order
    sections: list[str]  # the heading path at each of those headings ("I. KẾT QUẢ > 1. Tuyên truyền")

    def section_at(self, pos: int) -> str | None:
        """The heading path `pos` stands under, None before the first heading."""
        i = bisect.bisect_right(self.heading_starts, pos) - 1
        return self.sections[i] if i >= 0 else None


def read_layout(text: str, rules: RuleSet) -> Layout:
    """The layout of `text` (normalised). A news write-up (no letterhead, no numbered part or
    Roman-numbered section) has no sections: its capitalised headline is no heading."""
    letterhead = read_letterhead(text, rules)
    body_start = letterhead.end if letterhead else 0
    parts = part_spans(text, rules)
    if letterhead:
        parts.append((0, letterhead.end, LETTERHEAD_PART))
    starts: list[int] = []
    sections: list[str] = []
    path: list[tuple[int, str]] = []  # (level, heading) from the top
    numbered = False
    line_start, skip_to = body_start, body_start
    for line in text[body_start:].split("\n"):  # one split: far cheaper than a search per line
        line_end = line_start + len(line)
        if line_start >= skip_to and _may_head(line):
            level = heading_level(text, line_start)
            if level is not None:
                skip_to = line_end = _heading_end(text, line_start, line_end)
                marker = _MARKER.match(text, line_start, line_end)
                numbered = numbered or bool(marker and marker.lastgroup in _NUMBERED)
                while path and path[-1][0] >= level:
                    path.pop()
                path.append((level, " ".join(text[line_start:line_end].split())))
                starts.append(line_start)
                sections.append(_SECTION_SEPARATOR.join(heading for _, heading in path))
        line_start += len(line) + 1
    if not letterhead and not numbered:
        starts, sections = [], []
    return Layout(letterhead, parts, starts, sections)

HEADING_MAX_CHARS = 160
"""A heading fits on a line or two; a longer line is a paragraph that happens to open on a
plan word ("Phương hướng, nhiệm vụ năm 2024 được hội nghị thông qua…")."""

# A section marker at the start of a line, and the level it gives: parts and capital letters
# above Roman numerals, above Arabic numbers, above their sub-numbers, above small letters.
_MARKER = regex.compile(
    r"[ \t]*(?:"
    r"(?P<part>(?i:phần)[ \t]+(?:(?i:thứ)[ \t]+\p{L}+|[IVX]{1,5}|\d{1,2}))"
    r"|(?P<roman>[IVX]{1,6})[ \t]*[.):\-–]"
    r"|(?P<letter>[A-ZĐ])[ \t]*[.)]"
    r"|(?P<sub>\d{1,2}\.\d{1,2})\.?"
    r"|(?P<number>\d{1,2})[ \t]*[.)](?!\d)"
    r"|(?P<small>[a-zđ])[ \t]*\)"
    r")[ \t]*[:.\-–]?[ \t]*"
)
_LEVELS = {"part": 1, "letter": 1, "roman": 2, "number": 3, "sub": 4, "small": 5}
_CAPITALS_LEVEL = 1  # an unnumbered heading in capitals heads a part of the report
_LINE = regex.compile(r"[^\n]*")
_LETTER = regex.compile(r"\p{L}")


def part_spans(text: str, rules: RuleSet) -> list[tuple[int, int, str]]:
    """(start, end, rule id) of every part of `text` whose figures are not results."""
    spans = []
    lower = lowered(text)
    for rule in rules.of_kind("part"):
        for m in rule.finditer("title", text, lower):
            line_start = text.rfind("\n", 0, m.start()) + 1
            marker = _MARKER.match(text, line_start)
            opens_line = (marker.end() if marker else line_start) == m.start() or not text[line_start:m.start()].strip()
            if not opens_line:
                continue
            line_end = _line_end(text, line_start)
            if rule.get("heading") and line_end - line_start > HEADING_MAX_CHARS:
                continue
            if rule.get("extent") == "rest":
                spans.append((line_start, len(text), rule.id))
                continue
            level = heading_level(text, line_start)
            spans.append((line_start, _section_end(text, _heading_end(text, line_start, line_end), level), rule.id))
    return spans


def _may_head(line: str) -> bool:
    """A cheap look at a line's first characters: whether it could be a heading at all (a
    marker "II.", "A.", "2.", "a)", "Phần", or a short line in capitals)."""
    head = line[:8].lstrip()
    return bool(head) and len(line) <= HEADING_MAX_CHARS + 20 and (
        head[0].isdigit() or head[0] in "IVX" or head[1:2] in (".", ")", " ") or head[:4].lower() == "phần"
        or line.isupper())


def heading_level(text: str, line_start: int) -> int | None:
    """The level of the heading on the line at `line_start`, None when it is no heading
    (too long, or neither numbered nor in capitals)."""
    line_end = _line_end(text, line_start)
    line = text[line_start:line_end].strip()
    if not line or len(line) > HEADING_MAX_CHARS:
        return None
    marker = _MARKER.match(text, line_start, line_end)
    if marker and marker.end() < line_end:
        return _LEVELS[marker.lastgroup]  # type: ignore[index]
    if line.isupper() and len(_LETTER.findall(line)) >= 4:  # isupper first: most lines have small letters
        return _CAPITALS_LEVEL
    return None


def _heading_end(text: str, line_start: int, line_end: int) -> int:
    """Where a heading in capitals ends: a heading wrapped over lines goes on in capitals
    ("PHẦN II: PHƯƠNG HƯỚNG … NHỮNG THÁNG" / "CUỐI NĂM 2018"), unnumbered."""
    if not text[line_start:line_end].isupper():
        return line_end
    while line_end < len(text):
        next_start = line_end + 1
        next_end = _line_end(text, next_start)
        numbered = _MARKER.match(text, next_start, next_end) is not None
        if numbered or not text[next_start:next_end].isupper():
            return line_end
        line_end = next_end
    return line_end


def _section_end(text: str, pos: int, level: int | None) -> int:
    """Where the next heading of `level` or a higher one begins after `pos` (any heading,
    for a part whose own level is unknown); the end of the text when none does."""
    while pos < len(text):
        line_start = pos + 1 if text[pos] == "\n" else pos
        found = heading_level(text, line_start)
        if found is not None and (level is None or found <= level):
            return line_start
        pos = _line_end(text, line_start)
    return len(text)


def _line_end(text: str, line_start: int) -> int:
    end = text.find("\n", line_start)
    return len(text) if end < 0 else end
