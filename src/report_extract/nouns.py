"""The counted noun of a figure: the words right after it, or the label before it.

Segmentation runs only on the few syllables after a number, and each window is worked out
once per process. Labels cover lists that put the number last ("khiển trách 3, cảnh cáo 1").
"""
from __future__ import annotations

import functools

import regex

from .rules import RuleSet
from .segment import tokens, window_after

# Short currency marks the segmenter does not know; "đồng" itself is left to the segmenter,
# which tells it from "đồng chí" (comrade).
_CURRENCY = regex.compile(r"[ \t]*(?:VNĐ|VND|vnđ|đ)(?![\p{L}\p{M}]|/[cC])")  # "2 đ/c" are comrades
_CURRENCY_FIRST = frozenset("Vvđ")  # the letters a currency mark starts with
_DENOMINATOR = regex.compile(r"[ \t]*/[ \t]*\d+(?:[.,]\d+)*")
_SYLLABLE = regex.compile(r"\S+")
_NON_SPACE = regex.compile(r"\S")
_LETTER = regex.compile(r"\p{L}")
_GLUED_WORDS = regex.compile(r"\p{Ll}\p{Lu}\p{Ll}")
_COLON_AFTER = regex.compile(r"[ \t]*:")
_LABEL_END = regex.compile(r"\A[ \t]*(?:[,;)]|và(?![\p{L}])|\.(?!\d)|$)", regex.MULTILINE)
# The label of a list item runs from a separator (punctuation, "trong đó", "gồm", "cho") to the
# number. Anchored at the end, it is matched right to left from there (7× quicker than trying
# every start; the same label on every figure of the corpora).
_LABEL = regex.compile(
    r"(?:^|[,;:(\n]|(?<![\p{L}])(?:trong đó|gồm|cho|là))[ \t]*"
    r"((?:[\p{L}\p{M}\d]+[ \t]+){0,5}[\p{L}\p{M}]+(?:[ \t]+\d+)?)[ \t]*(:)?[ \t]*\Z",
    regex.IGNORECASE | regex.REVERSE)
_SIBLING_ITEM = regex.compile(r"\A[ \t]*[,;][ \t]*(?:[\p{Ll}\p{M}]+[ \t]+){0,3}[\p{Ll}\p{M}]+[ \t]*:?[ \t]*\d")


def noun_after(text: str, num_end: int, rules: RuleSet, *, rate: str | None = None, scaled: bool = False,
               money_scale: bool = False) -> tuple[tuple[str, ...], int]:
    """The counted noun's words right after a numeral ending at `num_end`, and where it ends.

    No noun gives `()`. `scaled` numerals ("100 triệu") with no noun count đồng, and so do
    `money_scale` ones (triệu, tỷ) before a word that counts nothing ("30 triệu tiền mặt").
    """
    if rate:
        return (rate,), num_end  # "%" or "‰"
    pos = num_end
    # Most figures are followed by a plain word: one look at the next character spares
    # the two regex calls that only a "/" or a currency mark can start.
    following = text[pos : pos + 40].lstrip(" \t")[:1]
    if following == "/":
        denominator = _DENOMINATOR.match(text, pos, pos + 40)
        if denominator:
            pos = denominator.end()  # "11/15 chi hội": the noun follows the denominator
            following = text[pos : pos + 40].lstrip(" \t")[:1]
    if following in _CURRENCY_FIRST:
        currency = _CURRENCY.match(text, pos, pos + 10)
        if currency:
            return ("đồng",), currency.end()
    found = noun_finder(rules).find(window_after(text, pos))
    if found is None:
        return (("đồng",), num_end) if scaled else ((), pos)
    noun_words, end, counted = found
    if money_scale and not counted:
        return ("đồng",), num_end
    return noun_words, pos + end


class NounFinder:
    """The counted noun at the start of a short window, remembered per window.

    Windows recur across a corpus ("hội viên", "tỷ đồng"), so each is worked out once: a
    known compound first (the lexicon's, and every multi-word noun the indicator rules
    name), else the segmenter's first word, with the word after a classifier ("lượt
    người") and a modifier ("đảng viên mới").
    """

    def __init__(self, rules: RuleSet):
        lex = rules.lexicons
        self.function_words = lex.get("function_words", frozenset())
        self.classifiers = lex.get("classifiers", frozenset())
        self.modifiers = lex.get("noun_modifiers", frozenset())
        self.measures = lex.get("measures", frozenset())
        self.currency = lex.get("currency_words", frozenset())
        self.lexicon_compounds = lex.get("compound_nouns", frozenset())
        self.counted = lex.get("counted_nouns", frozenset()) | self.classifiers
        compounds = set(self.lexicon_compounds)
        for rule in rules.of_kind("indicator"):
            compounds.update(n for n in rule.patterns.get("nouns", ()) if " " in n)
        self.compounds = frozenset(compounds)
        self.longest = max((len(c.split()) for c in compounds), default=1)
        self.find = functools.lru_cache(maxsize=16384)(self._find)

    def _find(self, window: str) -> tuple[tuple[str, ...], int, bool] | None:
        """(noun words, end offset in the window, whether it surely counts), or None.

        Words of a page run together ("590 liên quanGốc": a lower-case letter glued to a
        capitalised word) are page furniture, no noun."""
        found = self._noun_at_start(window)
        if found is not None and _GLUED_WORDS.search(window, 0, found[1]):
            return None
        return found

    def _noun_at_start(self, window: str) -> tuple[tuple[str, ...], int, bool] | None:
        syllables = list(_SYLLABLE.finditer(window))
        lowered = [m.group().lower() for m in syllables]
        for size in range(min(self.longest, len(lowered)), 1, -1):
            noun = " ".join(lowered[:size])
            if noun in self.compounds:
                # A lexicon compound is one word ("kênh mương"); a rule's term is its syllables,
                # so a rule may name a shorter noun inside it ("đảng viên" of "đảng viên mới").
                noun_words = (noun,) if noun in self.lexicon_compounds else tuple(lowered[:size])
                return noun_words, syllables[size - 1].end(), True
        words = tokens(window)
        # A capitalised word mid-sentence is a name ("5 Bằng khen"), never a function word.
        if not words or not _LETTER.search(words[0]) or (words[0].islower() and words[0] in self.function_words):
            return None
        offsets = _token_offsets(window, words)
        first = words[0].lower()
        if first in self.currency:
            return ("đồng",), offsets[0], True
        chosen = 1
        if first in self.classifiers and len(words) > 1 and _LETTER.match(words[1]) \
                and words[1].lower() not in self.function_words:
            chosen = 2
        if len(words) > chosen and words[chosen].lower() in self.modifiers:
            chosen += 1
        if first in self.measures:
            chosen = 1
        return tuple(t.lower() for t in words[:chosen]), offsets[chosen - 1], first in self.counted


_FINDERS: dict[str, NounFinder] = {}


def noun_finder(rules: RuleSet) -> NounFinder:
    if rules.version not in _FINDERS:
        _FINDERS[rules.version] = NounFinder(rules)
    return _FINDERS[rules.version]


def _token_offsets(window: str, tokens: list[str]) -> list[int]:
    """End offset in `window` of each token (segmenters may drop spaces)."""
    ends, cursor = [], 0
    for token in tokens:
        found = window.find(token, cursor)
        cursor = found + len(token) if found >= 0 else cursor + len(token)
        ends.append(min(cursor, len(window.rstrip())))
    return ends


def label_noun(text: str, start: int, num_end: int, heads: list[str], sentence: tuple[int, int],
               rules: RuleSet) -> str | None:
    """Noun for a figure whose label stands before it ("khiển trách 3, cảnh cáo 1", "chống Mỹ: 716").

    A label that is itself a counted noun ("tập thể 12, cá nhân 35") or names the kind of
    item a list counts (`list_labels`: "khiển trách 3") is the noun; any other
    label ("từ trần 41", "chuyển đến 01") counts the same thing as the list's head figure
    earlier in the sentence (`heads`: the nouns of the sentence's figures so far, not
    themselves labelled); with no head, the label is the noun if it is clearly a list.
    """
    if not _NON_SPACE.search(text, num_end):
        return None
    item_ends = bool(_LABEL_END.match(text[num_end : num_end + 8]))
    if not item_ends and not _COLON_AFTER.match(text, num_end):
        return None
    window = text[max(sentence[0], start - 60) : start]
    if item_ends:
        total_of = _total_label_noun(window, text[num_end : sentence[1]], rules)
        if total_of:
            return total_of  # "nâng tổng số hội viên lên 1.410;"
    m = _LABEL.search(window)
    if not m:
        return None
    label, colon = m.group(1).strip(), m.group(2)
    kind = _lexicon_tail(label.lower(), "list_labels", rules)
    if kind:
        return kind  # "(trong đó, UBKT Đảng ủy Khối cảnh cáo 1", "dân vận 1: …": the kind ends the label
    if not item_ends:
        return None  # "nhóm 1: …" heads what follows
    if not colon and any(w[0].isupper() or w[0].isdigit() for w in label.split()):
        return None  # "Khu phố 3", "thôn Bản Duồng 1": a name, not a label
    label = label.lower()
    if noun_in_lexicon(label, "@counted_nouns", rules) and len(label.split()) <= 3:
        return label
    heads = [noun for noun in heads if noun not in ("%", "đồng")]
    if heads:
        return heads[-1]
    rest = text[num_end : sentence[1]]
    if colon or _SIBLING_ITEM.match(rest):
        return label
    return None


# A total labelled before its number: "nâng tổng số hội viên lên 1.410", "có tổng số 3.120"
_TOTAL_LABEL = regex.compile(
    r"(?<![\p{L}])(?:tổng số|tổng cộng|số lượng)((?:[ \t]+\p{L}+){0,3}?)"
    r"(?:[ \t]+(?:là|lên|đạt|có|hiện có|hiện nay|được|toàn \p{L}+))*(?:[ \t]+(?:hơn|trên|gần|khoảng))?[ \t]*:?[ \t]*\Z",
    regex.IGNORECASE)
# "có tổng số 3.120, trong đó 1.200 hội viên nữ": the parts name what the total counts
_FIRST_PART_NOUN = regex.compile(r"\A[^.;\d]{0,40}?(?:trong đó|gồm|bao gồm)[^.;\d]{0,20}?\d[\d.,]*[ \t]+"
                                 r"(\p{L}+(?:[ \t]+\p{L}+){0,2})")


def _total_label_noun(before: str, rest: str, rules: RuleSet) -> str | None:
    """What a total labelled before its number counts: the counted noun after "tổng số"
    ("nâng tổng số hội viên lên 1.410"), else that of its first part ("có tổng số 3.120,
    trong đó 1.200 hội viên nữ")."""
    m = _TOTAL_LABEL.search(before)
    if not m:
        return None
    words = m.group(1).lower().split()
    if not words:
        part = _FIRST_PART_NOUN.match(rest)
        words = part.group(1).lower().split() if part else []
    counted = rules.lexicons.get("counted_nouns", frozenset())
    return next((" ".join(words[:k]) for k in range(len(words), 0, -1) if " ".join(words[:k]) in counted), None)


def _lexicon_tail(label: str, lexicon: str, rules: RuleSet) -> str | None:
    """The longest end of `label` that is an entry of `lexicon` ("với hình thức khiển trách")."""
    words = rules.lexicons.get(lexicon, frozenset())
    syllables = label.split()
    return next((" ".join(syllables[k:]) for k in range(len(syllables)) if " ".join(syllables[k:]) in words), None)


def noun_in_lexicon(noun: str, entries: str | list, rules: RuleSet) -> bool:
    """Whether `noun` is, or starts with, one of `entries` ("@name" stands for a lexicon)."""
    words = _vocabulary(rules, (entries,) if isinstance(entries, str) else tuple(entries))
    syllables = noun.split()
    return any(" ".join(syllables[:k]) in words for k in range(1, len(syllables) + 1))


_VOCABULARIES: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}


def _vocabulary(rules: RuleSet, entries: tuple[str, ...]) -> frozenset[str]:
    """The words `entries` name, built once per rules version (it is asked for per figure)."""
    key = (rules.version, entries)
    if key not in _VOCABULARIES:
        words: set[str] = set()
        for entry in entries:
            words |= rules.lexicons.get(entry[1:], frozenset()) if entry.startswith("@") else {entry.lower()}
        _VOCABULARIES[key] = frozenset(words)
    return _VOCABULARIES[key]
