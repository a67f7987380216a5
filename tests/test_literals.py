"""The literal prefilter finds exactly what a full scan finds, for every rule pattern."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from report_extract.literals import alternation, finditer_from, literal_ends, literal_starts
from report_extract.normalize import normalize
from report_extract.rules import EndAnchored, load_rules

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


@pytest.mark.parametrize("pattern,ends,trailing", [
    (r"(?:thứ|hạng)[ \t]*$", ("hạng", "thứ"), "\t\n "),
    (r"(?i)(?:Thứ|HẠNG)[ \t]*$", ("hạng", "thứ"), "\t\n "),  # compared case-folded
    (r"(?:^|[^\p{L}])(?:[Nn]ghị quyết|Ban [Cc]hỉ đạo)[ \t]*$", ("hỉ đạo", "ghị quyết"), "\t\n "),
    (r"(?:lượt xem|hôm nay)[ \t]*[:：]?[ \t]*\(?$", ("hôm nay", "lượt xem"), "\t\n (:："),
    (r"/[ \t]*$", ("/",), "\t\n "),
    (r"(?:gần|khoảng)(?:[ \t]+(?:được|đạt))*[ \t]*$", ("gần", "khoảng", "được", "đạt"), "\t\n "),  # may end either way
    (r"(?:hơn|trên)\s*$", ("hơn", "trên"), None),
    (r"(?:\p{L}|/)$", None, None),  # a letter class last
    (r"(?:trong |cho )?$", None, None),  # may be empty
    (r"(?:trong |cho )$", ("trong ", "cho "), "\n"),  # nothing may trail
    (r"(?:ab)?c?$", None, None),
    (r"ab(?=c)$", None, None),
    (r"(?i:ab)$", None, None),  # scoped flags are not looked into
    (r"(?i)(?:ab)[a]*$", None, None),  # a cased trailing character
    (r"a[b-d]*$", None, None),  # a range
    (r"ab\$", None, None),  # not anchored
    (r"a|b$", None, None),  # top-level alternatives: only the last is anchored
    (r"\x41$", None, None),  # escapes longer than two characters are not taken apart
    (r"(a)b\12$", None, None),
    (r"thứ\d$", None, None),
])
def test_literal_ends(pattern, ends, trailing):
    found = literal_ends(pattern)
    if ends is None:
        assert found is None
    else:
        assert found is not None and set(found.ends) == set(ends)
        if trailing is not None:
            assert found.trailing == trailing


def test_end_prefilter_turns_down_only_contexts_the_pattern_rejects():
    """Every end-anchored rule pattern, and each combination of them, with its literal
    prefilter gives what the regex alone gives, on the context before every character of
    the samples, the test corpus and all rule examples."""
    rules, texts = load_rules(), _texts()
    contexts = {text[max(0, i - 80) : i] for text in texts for i in range(len(text) + 1)}
    contexts |= {context.lower() for context in contexts}
    anchored = [pattern for kind in rules.rules.values() for rule in kind for pattern in rule.patterns.values()
                if isinstance(pattern, EndAnchored) and pattern.ends is not None]
    anchored += [pattern for kind, key in rules._combined for pattern, _ in rules.any_of(kind, key)
                 if isinstance(pattern, EndAnchored) and pattern.ends is not None]
    assert len(anchored) >= 20
    for pattern in anchored:
        turned_down = [c for c in contexts if not pattern.ends.may_match(c)]
        assert turned_down and not [c for c in turned_down if pattern.compiled.match(c)], pattern.pattern


def test_trie_alternation_matches_as_the_words_sorted_longest_first():
    """The trie finds the same spans as the plain alternation, for every vocabulary of the
    unit rules, on every sample and on the words themselves run together."""
    rules, texts = load_rules(), _texts()
    units = rules.units
    vocabularies = [[n for names in units["organisations"].values() for n in names], units["levels"],
                    units.get("qualifiers", []), units.get("not_subject_before", []),
                    ["đoàn", "đoàn viên", "đoàn viên mới", "đảng", "Đảng ủy", "đảng ủy xã", "a.b", "a+b"]]
    for words in vocabularies:
        plain = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
        corpus = texts + [" ".join(words), ", ".join(w.upper() for w in words)]
        for flags, ignore_case in ((0, False), (regex.IGNORECASE, True)):
            sorted_words = regex.compile(rf"(?<![\p{{L}}])(?:{plain})(?![\p{{L}}])", flags)
            trie = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(words, ignore_case)})(?![\p{{L}}])", flags)
            for text in corpus:
                assert [m.span() for m in trie.finditer(text)] == [m.span() for m in sorted_words.finditer(text)]
    assert alternation(["đoàn", "đoàn viên", "đảng"]) == r"đ(?:oàn(?:\ viên)?|ảng)"
