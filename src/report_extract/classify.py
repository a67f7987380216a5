"""File each quantity under an indicator key with the rules in `rules/indicators/`.

A rule matches when the counted noun starts with one of its `nouns`, its context holds
(`before`: the clause before the number; `after`: the clause after the noun; either may
match), and the value is in range. The most specific match wins: priority first, then the
rule with context, then the longest noun. A part of a breakdown with the same noun as its
total is then filed like the total (`structure.py`: "57 đảng viên nữ" of "108 đảng viên").
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


class _Check(NamedTuple):
    """An indicator rule's conditions, unpacked once; `score` orders rules by specificity.

    A case-insensitive context pattern runs as its lower-case twin on the lower-cased clause
    (`*_lower`): the regex engine is several times quicker without IGNORECASE."""

    rule: Rule
    score: tuple[int, int, int]  # priority, whether it has context, length of its noun
    low: float | None
    high: float | None
    before: Any
    after: Any
    unless_before: Any
    unless_after: Any
    lower: frozenset[str]  # which of the four are twins for lower-cased text

    def holds(self, q: Quantity, context: "_Context") -> bool:
        if (self.low is not None and q.value < self.low) or (self.high is not None and q.value > self.high):
            return False
        if (self.before is not None or self.after is not None) and not (
                (self.before is not None and self.before.search(context.before_in("before" in self.lower)))
                or (self.after is not None and self.after.search(context.after_in("after" in self.lower)))):
            return False
        return not (
            (self.unless_before is not None
             and self.unless_before.search(context.before_in("unless_before" in self.lower)))
            or (self.unless_after is not None
                and self.unless_after.search(context.after_in("unless_after" in self.lower))))


_CONTEXT_KEYS = ("before", "after", "unless_before", "unless_after")


def _check(rule: Rule, noun_len: int) -> _Check:
    p = rule.patterns
    low, high = rule.get("min_value"), rule.get("max_value")
    lower = frozenset(key for key in _CONTEXT_KEYS if key + "@lower" in p)
    before, after, unless_before, unless_after = (p.get(key + "@lower" if key in lower else key)
                                                  for key in _CONTEXT_KEYS)
    return _Check(rule, (int(rule.get("priority", 0)), int("before" in p or "after" in p), noun_len),
                  None if low is None else float(low), None if high is None else float(high),
                  before, after, unless_before, unless_after, lower)


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
        self._clauses: dict[tuple[bool, bool], str] = {}  # (before?, lower-cased?) -> clause

    def before_in(self, lower: bool) -> str:
        return self._clause(True, lower)

    def after_in(self, lower: bool) -> str:
        return self._clause(False, lower)

    def _clause(self, before: bool, lower: bool) -> str:
        found = self._clauses.get((before, lower))
        if found is None:
            if lower:
                found = self._clause(before, False).lower()
            else:
                found = (_clause_before if before else _clause_after)(self.text, self.q)
            self._clauses[(before, lower)] = found
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
