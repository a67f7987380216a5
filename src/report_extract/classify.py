"""File each quantity under an indicator key with the rules in `rules/indicators/`.

A rule matches when the counted noun starts with one of its `nouns`, its context holds
(`before`: the clause before the number; `after`: the clause after the noun; either may
match; `line_before`, when given, must match too: the line before the number, for what an
earlier clause or sentence of the line says), and the value is in range. The most specific
match wins: priority first, then the rule with context, then the longest noun. A part of a
breakdown with the same noun as its total is then filed like the total (`structure.py`:
"57 đảng viên nữ" of "108 đảng viên").
"""
from __future__ import annotations

from typing import Any, NamedTuple

import regex

from .quantities import Quantity
from .rules import Rule, RuleSet

_CLAUSE_BREAK = regex.compile(r"[,;:()\n]|\.(?!\d)")
_LAST_CLAUSE_BREAK = regex.compile(_CLAUSE_BREAK.pattern, regex.REVERSE)  # searches from the end


def _clause_before(text: str, q: Quantity) -> str:
    start = max(q.sentence[0], q.start - 120)
    chunk = text[start : q.start]
    last_break = _LAST_CLAUSE_BREAK.search(chunk)
    return chunk[last_break.end() :] if last_break else chunk


def _clause_after(text: str, q: Quantity) -> str:
    """The clause after the noun; when it ends right away at a comma before more nouns
    ("1.000 đoàn viên, học sinh tham gia"), the noun is one of several the figure counts and
    the clause goes on after them."""
    chunk = text[q.end : min(q.sentence[1], q.end + 80)]
    stop = _CLAUSE_BREAK.search(chunk)
    if stop is None:
        return chunk
    if stop.group() == "," and not chunk[: stop.start()].strip() and _NOUN_GOES_ON.match(chunk, stop.end()):
        rest = _CLAUSE_BREAK.search(chunk, stop.end())
        return chunk[stop.end() : rest.start() if rest else len(chunk)]
    return chunk[: stop.start()]


_NOUN_GOES_ON = regex.compile(r"[ \t]*\p{Ll}")
_LINE_CHARS = 300


def _line_before(text: str, q: Quantity) -> str:
    """The line before the number, at most _LINE_CHARS characters of it."""
    reach = max(0, q.start - _LINE_CHARS)
    return text[text.rfind("\n", reach, q.start) + 1 or reach : q.start]


_CUT = {"before": _clause_before, "after": _clause_after, "line": _line_before}


def _rules_by_noun(rules: RuleSet) -> tuple[dict[str, list[Rule]], list[Rule]]:
    """Indicator rules indexed by each noun they name, and the rules that name none."""
    if rules.version not in _INDEX:
        by_noun: dict[str, list[Rule]] = {}
        any_noun = []
        for rule in rules.of_kind("indicator"):
            nouns = rule.patterns.get("nouns")
            if not nouns:
                any_noun.append(rule)
            for noun in nouns or ():
                by_noun.setdefault(noun, []).append(rule)
        _INDEX[rules.version] = (by_noun, any_noun)
    return _INDEX[rules.version]


_INDEX: dict[str, tuple[dict[str, list[Rule]], list[Rule]]] = {}


class _Clue(NamedTuple):
    """A context pattern as it is tried: its lower-case twin on the lower-cased clause when it
    ignores case (the regex engine is several times quicker without IGNORECASE), after a
    quick `in` test for the words every match starts with (literals.py), which turns most
    clauses down without the regex."""

    pattern: Any
    lower: bool
    starts: tuple[str, ...] | None

    def found(self, clause: str) -> bool:
        if self.starts is not None and not any(start in clause for start in self.starts):
            return False
        return self.pattern.search(clause) is not None


class _Check(NamedTuple):
    """An indicator rule's conditions, unpacked once; `score` orders rules by specificity."""

    rule: Rule
    score: tuple[int, int, int]  # priority, whether it has context, length of its noun
    low: float | None
    high: float | None
    before: _Clue | None
    after: _Clue | None
    line_before: _Clue | None
    unless_before: _Clue | None
    unless_after: _Clue | None

    def holds(self, q: Quantity, context: "_Context") -> bool:
        if (self.low is not None and q.value < self.low) or (self.high is not None and q.value > self.high):
            return False
        before, after = self.before, self.after
        if (before is not None or after is not None) and not (
                (before is not None and before.found(context.before_in(before.lower)))
                or (after is not None and after.found(context.after_in(after.lower)))):
            return False
        if self.line_before is not None and not self.line_before.found(context.line_in(self.line_before.lower)):
            return False
        unless_before, unless_after = self.unless_before, self.unless_after
        return not ((unless_before is not None and unless_before.found(context.before_in(unless_before.lower)))
                    or (unless_after is not None and unless_after.found(context.after_in(unless_after.lower))))


def _clue(rule: Rule, key: str) -> _Clue | None:
    if key not in rule.patterns:
        return None
    lower = key + "@lower" in rule.patterns
    key = key + "@lower" if lower else key
    return _Clue(rule.patterns[key], lower, rule.starts.get(key))


def _check(rule: Rule, noun_len: int) -> _Check:
    p = rule.patterns
    low, high = rule.get("min_value"), rule.get("max_value")
    has_context = "before" in p or "after" in p or "line_before" in p
    return _Check(rule, (int(rule.get("priority", 0)), int(has_context), noun_len),
                  None if low is None else float(low), None if high is None else float(high),
                  _clue(rule, "before"), _clue(rule, "after"), _clue(rule, "line_before"),
                  _clue(rule, "unless_before"), _clue(rule, "unless_after"))


_CANDIDATES: dict[tuple[str, str, int], tuple[_Check, ...]] = {}
_CANDIDATES_KEPT = 50_000  # nouns recur: the lookups of this many are remembered


def _candidates(q: Quantity, rules: RuleSet) -> tuple[_Check, ...]:
    """Rules whose noun is the quantity's first word(s), the most specific first (in file
    order among equals), so the first that holds is the one to take.

    Never a part of the first word: "đồng" does not match the word "đồng chí". A rule's
    noun may reach into the next word ("đêm nhạc" matches "đêm" + "nhạc thiện nguyện").
    """
    first_word_size = len((q.noun_words or (q.noun,))[0].split())
    key = (rules.version, q.noun, first_word_size)
    found = _CANDIDATES.get(key)
    if found is None:
        by_noun, any_noun = _rules_by_noun(rules)
        syllables = q.noun.split()
        matched = [_check(rule, 1) for rule in any_noun]
        for size in range(first_word_size, len(syllables) + 1):
            prefix = " ".join(syllables[:size])
            matched.extend(_check(rule, len(prefix)) for rule in by_noun.get(prefix, ()))
        matched.sort(key=lambda check: check.score, reverse=True)  # stable: file order among equals
        if len(_CANDIDATES) >= _CANDIDATES_KEPT:
            _CANDIDATES.clear()
        found = _CANDIDATES[key] = tuple(matched)
    return found


class _Context:
    """The clauses around a figure, cut (and lower-cased) only when a rule asks for them."""

    __slots__ = ("text", "q", "_clauses")

    def __init__(self, text: str, q: Quantity):
        self.text, self.q = text, q
        self._clauses: dict[tuple[str, bool], str] = {}  # (which, lower-cased?) -> clause

    def before_in(self, lower: bool) -> str:
        return self._clause("before", lower)

    def after_in(self, lower: bool) -> str:
        return self._clause("after", lower)

    def line_in(self, lower: bool) -> str:
        return self._clause("line", lower)

    def _clause(self, which: str, lower: bool) -> str:
        found = self._clauses.get((which, lower))
        if found is None:
            if lower:
                found = self._clause(which, False).lower()
            else:
                found = _CUT[which](self.text, self.q)
            self._clauses[(which, lower)] = found
        return found


def best_rule(text: str, q: Quantity, rules: RuleSet) -> Rule | None:
    """The most specific indicator rule that matches `q`, if any."""
    context = _Context(text, q)
    for check in _candidates(q, rules):
        if check.holds(q, context):
            return check.rule
    return None


def classify(text: str, quantities: list[Quantity], rules: RuleSet) -> None:
    """Set `indicator` and `rule` on every quantity."""
    for q in quantities:
        rule = best_rule(text, q, rules)
        q.indicator, q.rule = (rule.get("indicator"), rule.id) if rule else ("other", "")
