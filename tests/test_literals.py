"""The literal prefilter finds exactly what a full scan finds, for every rule pattern."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from report_extract.literals import finditer_from, literal_starts
from report_extract.normalize import normalize
from report_extract.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("pattern,starts", [
    (r"(?<![\p{L}])(?:phấn đấu|sẽ|đề ra (?:các )?chỉ tiêu)(?![\p{L}])", ("phấn đấu", "sẽ", "đề ra ")),
    (r"(?=\d)(?<!\d)(?:19|20)\d\d", ("19", "20")),
    (r"(?<!\S)(?:https?://|www\.)\S+", ("http", "www.")),
    (r"năm (?P<year>(?:19|20)\d\d)", None),  # one literal: the engine's own search is as quick
    (r"(?:ab)c\.d", None),
    (r"(?:ab|cd)\.", ("ab", "cd")),
    (r"a|b\d", ("a", "b")),
    (r"\b(?:hội nông dân|đoàn)\b", ("hội nông dân", "đoàn")),
    (r"(?:ab)?c", None),  # the group may be absent
    (r"\d+ tỷ", None),  # starts with a class
    (r"(?i)sẽ", None),  # case-insensitive: literals would miss "Sẽ"
    (r"a|(?=x)b", None),
    (r"(?:ab|cd)e|xy", None),  # the group's literals do not cover the last alternative
    (r"(?:ab)c|xy", None),  # a branch that opens with a group is not looked into
    (r"x*y", None),
])
def test_literal_starts(pattern, starts):
    assert literal_starts(pattern) == starts


def _texts() -> list[str]:
    files = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    texts = [normalize(path.read_text(encoding="utf-8")).text for path in files]
    rules = load_rules()
    texts += [example.text for kind in rules.rules.values() for rule in kind
              for example in rule.examples + rule.counter_examples]
    return texts


def test_every_prefiltered_rule_pattern_matches_as_a_full_scan():
    rules, texts = load_rules(), _texts()
    checked = 0
    for kind in rules.rules.values():
        for rule in kind:
            for key, starts in rule.starts.items():
                pattern = rule.patterns[key]
                for text in texts:
                    text = text.lower() if key.endswith("@lower") else text
                    expected = [m.span() for m in pattern.finditer(text)]
                    assert [m.span() for m in finditer_from(pattern, text, starts)] == expected, (rule.id, key)
                checked += 1
    assert checked >= 10  # the prefilter is in use, not silently off


def test_overlapping_literal_hits_give_finditer_matches():
    pattern = regex.compile(r"(?:aa|ab)a*")
    for text in ["aaaaab", "abaab", "aab aaa", "baaab"]:
        assert [m.span() for m in finditer_from(pattern, text, ("aa", "ab"))] == \
            [m.span() for m in pattern.finditer(text)]
