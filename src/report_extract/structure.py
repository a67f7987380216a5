"""Breakdowns: which figures split a stated total, and whether the parts add up.

"64 văn bản (trong đó 42 kế hoạch, 12 báo cáo…)": the parts point at their total through
`Quantity.parent`. The markers are data (`rules/breakdowns.yml`). A part's total is the
figure the parenthesis hangs on, else the nearest earlier figure with the same counted
noun that is large enough, else the total the marker's earlier parts split. Money splits
into money, hectares into hectares, counts into counts. A group of parts that sums to more than its total is no
breakdown (the parts stay unlinked and the total is flagged `exceed`).
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

import regex

from .intervals import Intervals
from .normalize import lowered
from .quantities import Quantity
from .rules import RuleSet
from .segment import sentence_spans

_MAX_DISTANCE = 500  # characters between a total and the marker of its parts
_MAX_PARENTHESIS = 2000  # the parentheses of reports' breakdowns span at most a few hundred
_PARENTHESIS_OR_LINE_END = regex.compile(r"[()\n]")
# Between a figure and the parenthesis that splits it: its noun phrase only ("17 văn bản
# lãnh đạo, chỉ đạo (gồm …)"), no clause end; before a colon not even a comma, which
# would make the colon one item's label in a list ("chống Pháp: 33, chống Mỹ: 716").
# An aside in parentheses may stand between ("19 đảng viên (tương đương cùng kỳ), trong đó:"):
# a figure inside it would be the last figure before the cue, so the aside holds none.
_ASIDE = r"(?:\([^()\n\d]{0,80}\))?"
# A marker may open the next clause: "tổ chức 42 cuộc thanh tra; trong đó 28 cuộc …".
_ATTACHED_GAP = {True: regex.compile(r"\A[^.;:()\n]{0,40}" + _ASIDE + r"[^.;:()\n]{0,40};?[ \t]*\Z"),
                 False: regex.compile(r"\A[^.;:,()\n]{0,40}\Z")}
# A share that splits a total: right after its marker ("2.150 cán bộ, trong đó 81,2% có trình
# độ đại học") or after "chiếm"/"là" in the marker's clause ("246 ha, trong đó lúa chất lượng
# cao chiếm 70%, lúa lai là 30%"); a share after "đạt" or "tăng" is a rate of its own.
_HEDGE_WORD = r"(?:khoảng|gần|hơn|trên|xấp xỉ)?[ \t]*"
_SHARE_RIGHT_AFTER = regex.compile(r"\A[ \t,:]*(?:có[ \t]+)?" + _HEDGE_WORD + r"\Z")
_SHARE_AFTER_VERB = regex.compile(r"(?<![\p{L}])(?:chiếm|là)(?:[ \t]+tỷ lệ)?[ \t]*" + _HEDGE_WORD + r"\Z")
_SENTENCE_END_GAP = regex.compile(r"\A[^.;:()\n\d]{0,40}\.[ \t]*\Z")
# How far parts may sum past a hedged total ("hơn 48 ngàn lượt": 9.412 + 38.760 lượt).
_HEDGE_SLACK = {"over": 0.15, "approx": 0.10}
_TOLERANCE = 1e-6
_RATES = ("%", "‰")
_RIGHT_AFTER_CUE = regex.compile(r"\A[ \t,]*(?:\p{L}+[ \t]+){0,3}\Z")


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    scope_end: int
    rule_id: str
    parenthesis: bool
    attached: bool  # the total is the figure the cue hangs on ("55 mô hình (…)", "21 chi bộ: …")
    total_after: bool = False  # failing one before, the total is the first figure after the cue ("xếp loại 31 …")


def _parentheses(text: str) -> Intervals[tuple[int, int]]:
    """Every balanced parenthesis pair; an unclosed one runs to its line end. A pair wider
    than _MAX_PARENTHESIS is a stray mark (on a text of one long line, a "(" that is never
    closed), not the parenthesis of a breakdown."""
    pairs, stack = [], []
    for m in _PARENTHESIS_OR_LINE_END.finditer(text):
        ch = m.group()
        if ch == "(":
            stack.append(m.start())
        elif ch == ")" and stack:
            pairs.append((stack.pop(), m.end()))
        elif ch == "\n":
            pairs.extend((o, m.start()) for o in stack)
            stack.clear()
    pairs.extend((o, len(text)) for o in stack)
    return Intervals([(o, c, (o, c)) for o, c in pairs if c - o <= _MAX_PARENTHESIS])


def _innermost(pairs: Intervals[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The innermost parenthesis pair strictly around `pos`."""
    return next((pair for _, _, pair in pairs.covering(pos, strict_start=True)), None)


def _cues(text: str, rules: RuleSet, pairs: Intervals[tuple[int, int]],
          sentences: list[tuple[int, int]]) -> Intervals[_Cue]:
    ends = [end for _, end in sentences]
    closing = {o: c for o, c, _ in pairs.items}
    cues = []
    lower = lowered(text)
    for rule in rules.of_kind("breakdown"):
        p = rule.patterns
        for m in rule.finditer("cue", text, lower):
            if "unless_after" in p and p["unless_after"].search(text[m.end() : m.end() + 80]):
                continue
            if rule.get("scope") == "parenthesis":
                if m.start() in closing:
                    cues.append(_Cue(m.start(), m.end(), closing[m.start()], rule.id, True, True))
                continue
            enclosing = _innermost(pairs, m.start())
            next_end = bisect.bisect_right(ends, m.start())
            end = enclosing[1] if enclosing else (ends[next_end] if next_end < len(ends) else len(text))
            if rule.get("scope") == "clause":
                stop = text.find(";", m.end(), end)
                end = stop if stop >= 0 else end
            cues.append(_Cue(m.start(), m.end(), end, rule.id, False, rule.get("scope") == "clause",
                             rule.get("total") == "after"))
    return Intervals([(c.start, c.scope_end, c) for c in cues])


def _attached_total(text: str, quantities: list[Quantity], ends: list[int], at: int, commas: bool) -> int | None:
    """The figure a cue at `at` hangs on: the last one before it, only words between (commas
    too, unless the cue is a colon, see _ATTACHED_GAP). With commas, a rate of that figure
    may stand between ("42 công trình …, đạt 168% chỉ tiêu giao, cụ thể: …")."""
    i = bisect.bisect_right(ends, at) - 1
    if i < 0 or not _ATTACHED_GAP[commas].match(text[quantities[i].end : at]):
        return None
    if commas and quantities[i].noun in _RATES and i > 0 \
            and _ATTACHED_GAP[commas].match(text[quantities[i - 1].end : quantities[i].start]):
        return i - 1
    return i


def _same_noun_total(text: str, quantities: list[Quantity], starts: list[int], part: Quantity, cue: _Cue,
                     pairs: Intervals[tuple[int, int]]) -> int | None:
    """The nearest earlier figure of the same thing; in the cue's own sentence unless the cue
    opens it ("… 64 văn bản. Trong đó 42 văn bản…")."""
    sentence_start = part.sentence[0]
    opens_sentence = not text[sentence_start : cue.start].strip(" \t-–+•*")
    for i in range(bisect.bisect_left(starts, cue.start) - 1, -1, -1):
        q = quantities[i]
        if cue.start - q.end > _MAX_DISTANCE or (q.start < sentence_start and not opens_sentence):
            return None
        closed = _innermost(pairs, q.start)
        if closed and closed[1] <= cue.start:
            continue  # a part of an earlier, closed breakdown
        if q.counts_same_thing(part):
            return i  # too small a total shows in the sum check, not by skipping it
    return None


def _first_after(text: str, quantities: list[Quantity], starts: list[int], cue: _Cue, part: Quantity) -> int | None:
    """"Qua đánh giá, xếp loại 31 đảng viên, có 6 đồng chí …": the figure right after the cue,
    only words between, when the part comes after it."""
    i = bisect.bisect_left(starts, cue.end)
    if i >= len(quantities) or quantities[i].start >= part.start:
        return None
    return i if _RIGHT_AFTER_CUE.match(text[cue.end : quantities[i].start]) else None


def _opens_list(text: str, cue: _Cue) -> bool:
    """A cue with a colon ("trong đó:", "cụ thể:", "gồm :"): its items run on past ";"."""
    return text[cue.start : cue.end].endswith(":") or text[cue.end : cue.end + 3].lstrip(" \t").startswith(":")


def _measure(q: Quantity, measures: frozenset[str]) -> str:
    """What a figure measures: money, a rate, a unit of measure ("km", "ha"), or a count of things."""
    return q.noun if q.noun == "đồng" or q.noun in _RATES or q.noun in measures else ""


def _total_for(text: str, quantities: list[Quantity], starts: list[int], ends: list[int], part: Quantity,
               covering: list[_Cue], pairs: Intervals[tuple[int, int]],
               earlier: dict[int, tuple[_Cue, int]], measures: frozenset[str]) -> tuple[_Cue | None, int | None]:
    """The innermost cue that yields a total for `part`, and that total.

    A parenthesis or colon splits the figure it hangs on; a cue that hangs on no figure
    ("chống Mỹ: 716") leaves the decision to the cue around it. A marker ("trong đó")
    splits the nearest earlier figure of the same thing; failing that, the total an earlier
    part of the same marker split (`earlier`: by cue start, that part's cue and total): one
    marker, one total.
    """
    enclosing = _innermost(pairs, part.start)
    for cue in covering:  # innermost (latest) first
        if cue.attached:
            if cue.parenthesis and not (enclosing and cue.start == enclosing[0]):
                continue
            total = _attached_total(text, quantities, ends, cue.start, cue.parenthesis)
            if total is not None and _measure(quantities[total], measures) == _measure(part, measures):
                return cue, total
            if not cue.parenthesis:
                continue
        total = _same_noun_total(text, quantities, starts, part, cue, pairs)
        if total is None and not cue.parenthesis and ";" not in text[cue.start : part.start]:
            # "ban hành 68 văn bản, trong đó có 24 kế hoạch, 17 hướng dẫn": parts named by their
            # own nouns split the figure the marker follows, only words between, within the
            # marker's clause (after a ";" the sentence has moved on); the sum check decides
            total = _attached_total(text, quantities, ends, cue.start, commas=True)
            if total is None:
                total = _last_of_sentence_before(text, quantities, ends, cue.start)
        if total is None and cue.total_after:
            total = _first_after(text, quantities, starts, cue, part)
        if total is None and not cue.parenthesis and cue.start in earlier and (
                ";" not in text[cue.start : part.start] or _opens_list(text, cue)):
            cue, total = earlier[cue.start]  # "có 2.362 vụ việc; trong đó, có 1.180 vụ việc cũ … và 1.196 vụ mới"
        if total is not None and _measure(quantities[total], measures) != _measure(part, measures):
            total = None  # money splits into money, hectares into hectares, counts into counts
        if total is not None:
            return cue, total
    return None, None


def _last_of_sentence_before(text: str, quantities: list[Quantity], ends: list[int], at: int) -> int | None:
    """"Ban hành 64 văn bản. Trong đó có 42 kế hoạch…": a marker opening a sentence splits the
    figure that ended the sentence before, only its noun phrase between."""
    i = bisect.bisect_right(ends, at) - 1
    if i < 0 or not _SENTENCE_END_GAP.match(text[quantities[i].end : at]):
        return None
    return i


def _share_total(text: str, quantities: list[Quantity], ends: list[int], at: int,
                 cue: _Cue) -> tuple[_Cue | None, int | None]:
    """The total a share splits: the figure a marker such as "trong đó" follows, when the
    share stands right after the marker or after "chiếm"/"là" in its clause, with no count
    between (see _SHARE_RIGHT_AFTER)."""
    if cue.attached:
        return None, None  # a parenthesis or a colon list: its shares are of its own items
    between = text[cue.end : quantities[at].start]
    if ";" in between or not (_SHARE_RIGHT_AFTER.match(between) or _SHARE_AFTER_VERB.search(between)):
        return None, None
    first_after_cue = bisect.bisect_right(ends, cue.end)
    if any(q.noun != "%" for q in quantities[first_after_cue:at]):
        return None, None  # "trong đó hòa giải thành 470 vụ việc, chiếm 73%": a share of the 470
    total = _attached_total(text, quantities, ends, cue.start, commas=True)
    if total is None or quantities[total].noun == "%":
        return None, None
    return cue, total


def link_breakdowns(text: str, quantities: list[Quantity], rules: RuleSet,
                    sentences: list[tuple[int, int]] | None = None) -> dict[int, str]:
    """Set `parent` on parts; return each total's sum check: equal, less or exceed."""
    pairs = _parentheses(text)
    cues = _cues(text, rules, pairs, sentences if sentences is not None else sentence_spans(text))
    groups: dict[tuple[int, int, bool], list[int]] = defaultdict(list)
    starts = [q.start for q in quantities]
    ends = [q.end for q in quantities]
    earlier: dict[int, tuple[_Cue, int]] = {}
    measures = rules.lexicons.get("measures", frozenset())
    for i, part in enumerate(quantities):
        covering = [c for _, _, c in cues.covering(part.start, strict_start=True)]
        if not covering:
            continue
        if part.noun == "%":
            cue, total = _share_total(text, quantities, ends, i, covering[0])
        else:
            cue, total = _total_for(text, quantities, starts, ends, part, covering, pairs, earlier, measures)
        if cue is None or total is None or total == i:
            continue
        for covering_cue in covering:
            earlier.setdefault(covering_cue.start, (cue, total))
        groups[(cue.start, total, part.noun == "%")].append(i)
    checks: dict[int, str] = {}
    read_from_context = _rules_read_from_context(rules)
    list_labels = rules.lexicons.get("list_labels", frozenset())
    for (_, total, shares), parts in groups.items():
        whole = 100.0 if shares else quantities[total].value
        if len(parts) > 1:  # "qua phân loại 21 chi bộ: 5 …, 14 …, 2 …": the 21 restates the total
            parts = [i for i in parts if abs(quantities[i].value - whole) > _TOLERANCE * max(1.0, whole)]
        slack = _HEDGE_SLACK.get(quantities[total].qualifier, 0.0)
        linked, status = _parts_that_add_up(whole, [quantities[i].value for i in parts], slack)
        for i in parts[:linked]:
            _link(quantities, i, total, read_from_context, list_labels)
        checks[total] = status
    return checks


def _rules_read_from_context(rules: RuleSet) -> frozenset[str]:
    """Indicator rules that file a figure by what its clause says, not by its noun alone."""
    found = _READ_FROM_CONTEXT.get(rules.version)
    if found is None:
        found = _READ_FROM_CONTEXT[rules.version] = frozenset(
            rule.id for rule in rules.of_kind("indicator") if "before" in rule.patterns or "after" in rule.patterns)
    return found


_READ_FROM_CONTEXT: dict[str, frozenset[str]] = {}


def _link(quantities: list[Quantity], part: int, total: int, read_from_context: frozenset[str],
          list_labels: frozenset[str]) -> None:
    """A part counts the same thing as its total, so it is filed under the total's indicator
    ("57 đảng viên nữ" of "108 đảng viên" admitted are admitted too; "8 trường hợp …, với
    hình thức khiển trách 3" are cases too; "28 cuộc" of "42 cuộc thanh tra" are
    inspections), unless its own clause filed it ("1.424 hội viên, trong đó … kết nạp được
    29 hội viên": those are new members)."""
    quantities[part].parent = total
    parent = quantities[total]
    child = quantities[part]
    if (parent.indicator != "other" and child.indicator != parent.indicator and child.rule not in read_from_context
            and (child.noun in list_labels or parent.counts_same_thing(child) or _head_of(child, parent))):
        child.indicator, child.rule = parent.indicator, f"inherit:{parent.rule}"


def _head_of(part: Quantity, total: Quantity) -> bool:
    """A part named by the head of its total's noun ("42 cuộc thanh tra; trong đó 28 cuộc …")."""
    words = part.noun.split()
    return bool(words) and total.noun.split()[: len(words)] == words


def _parts_that_add_up(whole: float, values: list[float], slack: float = 0.0) -> tuple[int, str]:
    """How many leading parts form the breakdown, and how their sum compares with the total.

    Parts are taken in order while they fit in the total: a marker's scope often runs on
    past its list ("trong đó 54 …, 69 …, … công nhận 55 …"), and the list ends where the
    total is used up. A first part that already overflows is no breakdown ("exceed"); nor
    is a lone part equal to its total, which only restates it.
    """
    tolerance = _TOLERANCE * max(1.0, whole)
    ceiling = whole * (1 + slack) + tolerance
    summed, linked = 0.0, 0
    for value in values:
        if summed + value > ceiling:
            break
        summed += value
        linked += 1
        if abs(summed - whole) <= tolerance:
            break
    if linked == 0:
        return 0, "exceed"
    if linked == 1 and len(values) == 1 and abs(summed - whole) <= tolerance:
        return 0, "equal"
    return linked, "equal" if abs(summed - whole) <= tolerance else "less"
