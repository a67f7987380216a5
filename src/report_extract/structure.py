"""Breakdowns: which figures split a stated total, and whether the parts add up.

"64 văn bản (trong đó 42 kế hoạch, 12 báo cáo…)": the parts point at their total through
`Quantity.parent`. The markers are data (`rules/breakdowns.yml`). A part's total is the
figure the parenthesis hangs on, else the nearest earlier figure with the same counted
noun that is large enough. A group of parts that sums to more than its total is no
breakdown (the parts stay unlinked and the total is flagged `exceed`).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import regex

from .quantities import Quantity
from .rules import RuleSet
from .segment import sentence_spans

_MAX_DISTANCE = 500  # characters between a total and the marker of its parts
_ATTACHED_GAP = regex.compile(r"\A[^.;,:()\n]{0,40}\Z")
_TOLERANCE = 1e-6


@dataclass(frozen=True)
class _Cue:
    start: int
    scope_end: int
    rule_id: str
    parenthesis: bool


def _parentheses(text: str) -> list[tuple[int, int]]:
    """(open, close) of every balanced parenthesis pair; an unclosed one runs to its line end."""
    pairs, stack = [], []
    for m in regex.finditer(r"[()\n]", text):
        ch = m.group()
        if ch == "(":
            stack.append(m.start())
        elif ch == ")" and stack:
            pairs.append((stack.pop(), m.end()))
        elif ch == "\n":
            pairs.extend((o, m.start()) for o in stack)
            stack.clear()
    pairs.extend((o, len(text)) for o in stack)
    return sorted(pairs)


def _innermost(pairs: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    inside = [p for p in pairs if p[0] < pos < p[1]]
    return max(inside, key=lambda p: p[0]) if inside else None


def _cues(text: str, rules: RuleSet, pairs: list[tuple[int, int]]) -> list[_Cue]:
    ends = [end for _, end in sentence_spans(text)]
    cues = []
    for rule in rules.of_kind("breakdown"):
        p = rule.patterns
        for m in p["cue"].finditer(text):
            if "unless_after" in p and p["unless_after"].search(text, m.end(), m.end() + 80):
                continue
            if rule.get("scope") == "parenthesis":
                pair = next((pr for pr in pairs if pr[0] == m.start()), None)
                if pair:
                    cues.append(_Cue(m.start(), pair[1], rule.id, True))
                continue
            enclosing = _innermost(pairs, m.start())
            end = enclosing[1] if enclosing else next((e for e in ends if e > m.start()), len(text))
            cues.append(_Cue(m.start(), end, rule.id, False))
    return cues


def _attached_total(text: str, quantities: list[Quantity], cue: _Cue) -> int | None:
    """The figure a parenthesis hangs on: the last one before it, with only words between."""
    before = [i for i, q in enumerate(quantities) if q.end <= cue.start]
    if not before:
        return None
    i = before[-1]
    return i if _ATTACHED_GAP.match(text[quantities[i].end : cue.start]) else None


def _same_noun_total(quantities: list[Quantity], part: Quantity, cue: _Cue,
                     pairs: list[tuple[int, int]]) -> int | None:
    for i in range(len(quantities) - 1, -1, -1):
        q = quantities[i]
        if q.start >= cue.start:
            continue
        if cue.start - q.end > _MAX_DISTANCE:
            return None
        closed = _innermost(pairs, q.start)
        if closed and closed[1] <= cue.start:
            continue  # a part of an earlier, closed breakdown
        if q.head == part.head and q.value >= part.value - _TOLERANCE:
            return i
    return None


def link_breakdowns(text: str, quantities: list[Quantity], rules: RuleSet) -> dict[int, str]:
    """Set `parent` on parts; return each total's sum check: equal, less or exceed."""
    pairs = _parentheses(text)
    cues = _cues(text, rules, pairs)
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, part in enumerate(quantities):
        if part.noun == "%":
            continue
        covering = [c for c in cues if c.start < part.start < c.scope_end]
        if not covering:
            continue
        cue = max(covering, key=lambda c: c.start)
        enclosing = _innermost(pairs, part.start)
        paren_cue = next((c for c in covering if c.parenthesis and enclosing and c.start == enclosing[0]), None)
        total = _attached_total(text, quantities, paren_cue) if paren_cue else None
        if total is None:
            total = _same_noun_total(quantities, part, cue, pairs)
        if total is None or total == i or quantities[total].value < part.value - _TOLERANCE:
            continue
        groups[(cue.start, total)].append(i)
    checks: dict[int, str] = {}
    for (_, total), parts in groups.items():
        whole = quantities[total].value
        summed = sum(quantities[i].value for i in parts)
        tolerance = _TOLERANCE * max(1.0, whole)
        if summed > whole + tolerance:
            checks[total] = "exceed"
            continue
        for i in parts:
            quantities[i].parent = total
        if checks.get(total) != "less":
            checks[total] = "equal" if abs(summed - whole) <= tolerance else "less"
    return checks
