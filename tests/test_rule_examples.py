"""Every example and counter-example in rules/ runs as a test: adding a rule needs no Python.

What an example asserts depends on the rule's kind:
- mask, reject, scope, part: the marked numeral (`[...]`, or every numeral when unmarked) is
  rejected by this rule; a counter-example's marked numeral becomes a quantity.
- hedge: the marked quantity gets this rule's qualifier; counter: it is not this rule's.
- indicator: the marked quantity is classified by this rule; counter: by another rule.
- breakdown: the marked quantity is a part of a total; counter: it is not.
- period: the text's period has the example's `year`/`span`.
An example may carry expectations (`value`, `noun`, `qualifier`, `indicator`, `year`,
`span`) and `report_year` (the year the report covers, for year-relative rules).
"""
from __future__ import annotations

import pytest

from report_extract.api import extract_text
from report_extract.normalize import normalize
from report_extract.period import detect_period
from report_extract.quantities import find_candidates
from report_extract.rules import Example, Rule, load_rules

RULES = load_rules()
_REJECTING = {"mask", "reject", "scope", "part"}


def _cases(counter: bool):
    for kind, rules in sorted(RULES.rules.items()):
        for rule in rules:
            for i, example in enumerate(rule.counter_examples if counter else rule.examples):
                yield pytest.param(kind, rule, example, id=f"{rule.id}-{'counter' if counter else 'example'}{i}")


def _marked(items, example: Example, start=lambda x: x.start, end=lambda x: x.end):
    if example.target is None:
        return list(items)
    lo, hi = example.target
    return [x for x in items if start(x) < hi and end(x) > lo]


def _years(example: Example):
    year = example.expect.get("report_year")
    return (year, year) if year else None


def _check_expectations(q, example: Example) -> None:
    for key in ("value", "noun", "qualifier", "indicator"):
        if key in example.expect:
            assert getattr(q, key) == example.expect[key], f"{key}: {getattr(q, key)!r}"


def _run(kind: str, rule: Rule, example: Example, counter: bool) -> None:
    text = example.text
    if kind == "period":
        period = detect_period(normalize(text).text, RULES)
        if not counter:
            assert period.rule == rule.id, f"decided by {period.rule}"
        for key in ("year", "span"):
            if key in example.expect:
                assert getattr(period, key) == example.expect[key], f"{key}: {getattr(period, key)!r}"
        return
    if kind in _REJECTING:
        candidates = _marked(find_candidates(text, RULES, _years(example)), example,
                             end=lambda c: max(c.num_end, c.start + 1))
        assert candidates, "no numeral found in the marked span"
        for cand in candidates:
            if counter:
                assert cand.quantity is not None, f"{cand.raw!r} rejected by {cand.rejected_by}"
            else:
                assert cand.rejected_by == rule.id, f"{cand.raw!r} rejected by {cand.rejected_by}"
        return
    extraction = extract_text(text, RULES)
    quantities = _marked(extraction.quantities, example)
    if example.target is None:
        assert len(quantities) == 1, f"expected one quantity, found {[q.noun for q in quantities]}"
    assert quantities, "no quantity in the marked span"
    q = quantities[0]
    if kind == "hedge":
        assert (q.hedge_rule == rule.id) != counter, f"qualifier {q.qualifier} by {q.hedge_rule}"
    elif kind == "indicator":
        assert (q.rule == rule.id) != counter, f"classified {q.indicator} by {q.rule!r}"
    elif kind == "breakdown":
        assert (q.parent is not None) != counter, f"parent: {q.parent}"
    if not counter:
        _check_expectations(q, example)


@pytest.mark.parametrize("kind,rule,example", list(_cases(counter=False)))
def test_rule_example(kind, rule, example):
    _run(kind, rule, example, counter=False)


@pytest.mark.parametrize("kind,rule,example", list(_cases(counter=True)))
def test_rule_counter_example(kind, rule, example):
    _run(kind, rule, example, counter=True)
