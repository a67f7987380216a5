"""File each quantity under an indicator key with the rules in `rules/indicators/`.

A rule matches when the counted noun starts with one of its `nouns`, its context holds
(`before`: the clause before the number; `after`: the clause after the noun; either may
match), and the value is in range. The most specific match wins: priority first, then the
rule with context, then the longest noun. A part of a breakdown with the same noun as its
"""
from __future__ import annotations

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
    chunk = text[q.end : min(q.sentence[1], q.end + 80)]
    stop = _CLAUSE_BREAK.search(chunk)
    return chunk[: stop.start()] if stop else chunk


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


_CANDIDATES: dict[tuple[str, str, int], tuple[tuple[Rule, int], ...]] = {}
_CANDIDATES_KEPT = 50_000  # nouns recur: the lookups of this many are remembered


def _candidates(q: Quantity, rules: RuleSet) -> tuple[tuple[Rule, int], ...]:
    """Rules whose noun is the quantity's first word(s), with that noun's length.

    Never a part of the first word: "đồng" does not match the word "đồng chí". A rule's
    noun may reach into the next word ("đêm nhạc" matches "đêm" + "nhạc thiện nguyện").
    """
    first_word_size = len((q.noun_words or (q.noun,))[0].split())
    key = (rules.version, q.noun, first_word_size)
    found = _CANDIDATES.get(key)
    if found is None:
        by_noun, any_noun = _rules_by_noun(rules)
        syllables = q.noun.split()
        matched = [(rule, 1) for rule in any_noun]
        for size in range(first_word_size, len(syllables) + 1):
            prefix = " ".join(syllables[:size])
            matched.extend((rule, len(prefix)) for rule in by_noun.get(prefix, ()))
        if len(_CANDIDATES) >= _CANDIDATES_KEPT:
            _CANDIDATES.clear()
        found = _CANDIDATES[key] = tuple(matched)
    return found


class _Context:
    """The clauses around a figure, cut only when a rule asks for them."""

    __slots__ = ("text", "q", "_before", "_after")

    def __init__(self, text: str, q: Quantity):
        self.text, self.q, self._before, self._after = text, q, None, None

    @property
    def before(self) -> str:
        if self._before is None:
            self._before = _clause_before(self.text, self.q)
        return self._before

    @property
    def after(self) -> str:
        if self._after is None:
            self._after = _clause_after(self.text, self.q)
        return self._after


def _matches(rule: Rule, noun_len: int, q: Quantity, context: _Context) -> tuple[int, int, int] | None:
    p = rule.patterns
    low, high = rule.get("min_value"), rule.get("max_value")
    if (low is not None and q.value < float(low)) or (high is not None and q.value > float(high)):
        return None
    has_context = "before" in p or "after" in p
    if has_context and not (("before" in p and p["before"].search(context.before))
                            or ("after" in p and p["after"].search(context.after))):
        return None
    if ("unless_before" in p and p["unless_before"].search(context.before)) or \
            ("unless_after" in p and p["unless_after"].search(context.after)):
        return None
    return int(rule.get("priority", 0)), int(has_context), noun_len


def best_rule(text: str, q: Quantity, rules: RuleSet) -> Rule | None:
    """The most specific indicator rule that matches `q`, if any."""
    context = _Context(text, q)
    best: tuple[tuple[int, int, int], Rule] | None = None
    for rule, noun_len in _candidates(q, rules):
        score = _matches(rule, noun_len, q, context)
        if score is not None and (best is None or score > best[0]):
            best = (score, rule)
    return best[1] if best else None


def classify(text: str, quantities: list[Quantity], rules: RuleSet) -> None:
    """Set `indicator` and `rule` on every quantity."""
    for q in quantities:
        rule = best_rule(text, q, rules)
        q.indicator, q.rule = (rule.get("indicator"), rule.id) if rule else ("other", "")
