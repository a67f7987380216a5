"""Find the quantities of a report: numbers found on characters, nouns from words.

A candidate is every numeral in the text. Mask rules (dates, codes, URLs, quotes…) and
context rules (years, ordinals, names, durations…) from `rules/not_quantities/` reject
what is not a quantity; scope rules reject targets and figures of earlier periods. The
survivors get their counted noun (from a segmented window after the number) and their
hedge qualifier (from `rules/hedges.yml`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import regex

from .layout import part_spans
from .normalize import lowered
from .nouns import label_noun, noun_after, noun_in_lexicon
from .numbers import NUMBER_WORDS, NUMERAL, SCALED_TAIL, SCALED_TAIL_PATTERN, parse_digits, parse_scaled, parse_words
from .rules import Rule, RuleSet
from .segment import sentence_spans, tokens, window_after

_NUMBER_WORDS = tuple(sorted(NUMBER_WORDS))
_LAST_NON_SPACE = regex.compile(r"[^ \t]", regex.REVERSE)  # a newline counts: it ends a sentence
_NEXT_SYLLABLES = regex.compile(r"[ \t]+([\p{L}\p{M}]+)(?:[ \t]+[\p{L}\p{M}]+)?")
_FRACTION_OF_SCALED = regex.compile(rf"[ \t]*/[ \t]*\d+(?:[.,]\d+)*(?P<scale>{SCALED_TAIL_PATTERN})")
_THOUSANDS_ONLY = regex.compile(r"\s*(?:nghìn|ngàn)\s*(?![\s\p{L}]*tỷ)", regex.IGNORECASE)
_CONTEXT_CHARS = 80


@dataclass(slots=True)
class Quantity:
    """A figure in the normalised text: `start:end` covers the number and its noun."""

    start: int
    end: int
    value: float
    noun: str
    num_end: int
    sentence: tuple[int, int]
    noun_words: tuple[str, ...] = ()  # the noun as segmented words: "đồng chí" is one word
    qualifier: str = "exact"
    hedge_rule: str | None = None
    noun_inherited: bool = False
    indicator: str = "other"
    rule: str = ""
    parent: int | None = None

    def counts_same_thing(self, other: "Quantity") -> bool:
        """Same counted thing: one noun starts the other ("đảng viên" ~ "đảng viên nữ"); a
        one-syllable start must also be filed alike ("vụ" ~ "vụ án", but "đồng" ≁ "đồng chí")."""
        short, long_ = sorted((self.noun.split(), other.noun.split()), key=len)
        if not short or long_[: len(short)] != short:
            return False
        return len(short) > 1 or len(long_) == 1 or self.indicator == other.indicator


@dataclass(slots=True)
class Candidate:
    """A numeral and what became of it; `rejected_by` names the rule that threw it out."""

    start: int
    num_end: int
    raw: str
    value: float | None
    plain: bool
    rate: str | None = None  # "%" or "‰": the figure is a rate and this is its noun
    scaled: bool = False
    money_scale: bool = False  # triệu / tỷ: money unless a counted noun follows
    noun: str = ""
    noun_words: tuple[str, ...] = ()
    end: int = 0
    rejected_by: str | None = None
    quantity: Quantity | None = field(default=None, repr=False)


def _mask_spans(text: str, rules: RuleSet) -> list[tuple[int, int, str]]:
    spans = []
    lower = lowered(text)
    for rule in rules.of_kind("mask"):
        p = rule.patterns
        if "requires@lower" in p:
            if not p["requires@lower"].search(lower):
                continue  # a case-insensitive pre-check runs as its twin on lower-cased text: quicker
        elif "requires" in p and not p["requires"].search(text):
            continue
        before_checks = [(p[key], key == "before") for key in ("before", "unless_before") if key in p]
        after_checks = [(p[key], key == "after") for key in ("after", "unless_after") if key in p]
        for m in rule.finditer("pattern", text, lower):
            # a context is cut only for a rule that reads it: most masks read none
            if before_checks:
                before = text[max(0, m.start() - _CONTEXT_CHARS) : m.start()]
                if any((check.search(before) is None) == wanted for check, wanted in before_checks):
                    continue
            if after_checks:
                after = text[m.end() : m.end() + _CONTEXT_CHARS]
                if any((check.search(after) is None) == wanted for check, wanted in after_checks):
                    continue
            spans.append((m.start(), m.end(), rule.id))
    return spans


def _scope_spans(text: str, sentences: list[tuple[int, int]], rules: RuleSet,
                 period: tuple[int, int] | None) -> list[tuple[int, int, str]]:
    """Stretches of text whose figures are targets or belong to another period."""
    spans = []
    starts = [s for s, _ in sentences]
    lower = lowered(text)
    for rule in rules.of_kind("scope"):
        p = rule.patterns
        for m in rule.finditer("cue", text, lower):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i < 0 or m.start() >= sentences[i][1]:
                continue
            year_rel = rule.get("year")
            if year_rel:
                year = int(m.group("year"))
                if period is None or (year_rel == "earlier" and year >= period[0]) \
                        or (year_rel == "later" and year <= period[1]):
                    continue
            s_start, s_end = sentences[i]
            before = text[max(s_start, m.start() - _CONTEXT_CHARS) : m.start()]
            if ("before" in p and not p["before"].search(before)) or (
                    "unless_before" in p and p["unless_before"].search(before)):
                continue
            end = s_end
            if "until" in p:
                stop = p["until"].search(text, m.end(), s_end)
                end = stop.start() if stop else s_end
            spans.append((m.start(), end, rule.id))
    return spans


def _numerals(text: str, rules: RuleSet) -> list[Candidate]:
    """Digit numerals (with scale words and %) and numerals written in words."""
    found = []
    for m in NUMERAL.finditer(text):
        start, end = m.span()
        scale_at, percent_at = m.start("scale"), m.start("percent")  # -1 when absent; never empty
        digits_end = scale_at if scale_at >= 0 else percent_at if percent_at >= 0 else end
        raw = text[start:digits_end]
        value = parse_digits(raw)
        cand = Candidate(start, digits_end, raw, value, raw.isdigit())
        if value is not None and scale_at >= 0:
            scale = text[scale_at:end]
            cand.value = parse_scaled(value, scale)
            cand.num_end = end
            cand.scaled, cand.plain = True, False
            cand.money_scale = _THOUSANDS_ONLY.match(scale) is None
        elif percent_at >= 0:
            cand.plain, cand.num_end = False, end
            cand.rate = "‰" if text[percent_at:end].strip() in ("‰", "phần nghìn") else "%"
        elif value is not None and text.find("/", end, end + 3) >= 0:
            fraction = _FRACTION_OF_SCALED.match(text, end)
            if fraction:  # "412,5/350 tỷ đồng": the scale word counts both numbers
                cand.value = parse_scaled(value, fraction.group("scale"))
                cand.num_end = fraction.end()
                cand.scaled, cand.plain = True, False
                cand.money_scale = _THOUSANDS_ONLY.match(fraction.group("scale")) is None
        found.append(cand)
    counted = rules.lexicons.get("counted_nouns", frozenset())
    lower = lowered(text)
    for start, end in word_numeral_spans(lower):
        value = parse_words(lower[start:end].split())
        if value is None or (text[start].isupper() and not _sentence_initial(text, start)):
            continue
        following = _NEXT_SYLLABLES.match(lower, end)
        if not following or not (following.group(1) in counted or " ".join(following.group().split()) in counted):
            continue  # cheap check first: most "năm" are years ("năm 2022", "năm qua")
        window = window_after(text, end)
        first_word = next(iter(tokens(window)), None)  # "năm tổ chức": "tổ chức" is one word, not "tổ"
        if first_word is None or first_word.lower() not in counted:
            continue
        scaled = SCALED_TAIL.match(text, end, end + 60)
        found.append(Candidate(start, end, text[start:end], value, plain=False))
        if scaled:
            found[-1].num_end = scaled.end()
    found.sort(key=lambda c: c.start)
    # "8 tỷ 500 triệu": the 500 belongs to the 8 before it, not to a numeral of its own.
    kept: list[Candidate] = []
    for cand in found:
        if not kept or cand.start >= kept[-1].num_end:
            kept.append(cand)
    return kept


def word_numeral_spans(lower: str) -> list[tuple[int, int]]:
    """Runs of number words ("hai", "một trăm linh năm") in lower-cased text, each word whole.

    Found with `str.find` per number word, which is several times faster than a regex
    alternation that must be tried at every position. No number word starts another, so
    at most one begins at any place; words joined by spaces and tabs make one run.
    """
    ends: dict[int, int] = {}
    for word in _NUMBER_WORDS:
        at = lower.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _is_word_char(lower[at - 1])) and \
                    (end == len(lower) or not _is_word_char(lower[end])):
                ends[at] = end
            at = lower.find(word, end)
    runs: list[list[int]] = []
    for at in sorted(ends):
        if runs and at > runs[-1][1] and lower[runs[-1][1] : at].strip(" \t") == "":
            runs[-1][1] = ends[at]
        elif not runs or at >= runs[-1][1]:
            runs.append([at, ends[at]])
    return [(start, end) for start, end in runs]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether only punctuation that opens a sentence (or nothing) stands before `pos`."""
    previous = _LAST_NON_SPACE.search(text, 0, pos)
    return previous is None or previous.group() in ".!?\n:“\"("


def _any(rules: RuleSet, kind: str, key: str, context: str) -> bool:
    """Whether any `kind` rule's `key` pattern matches `context` (a few combined searches)."""
    lower = None
    for pattern, for_lower_case in rules.any_of(kind, key):
        if for_lower_case:
            if lower is None:
                lower = context.lower()
            found = pattern.search(lower if len(lower) == len(context) else context)
        else:
            found = pattern.search(context)
        if found is not None:
            return True
    return False


class _RejectCheck(NamedTuple):
    """One context rule, unpacked once so the per-figure loop reads fields, not dicts."""

    id: str
    before: Any
    after: Any
    number: Any
    plain_only: bool
    no_noun: bool
    noun_in: frozenset[str] | None
    unless_before: Any
    unless_after: Any
    unless_nouns: Any


_REJECT_CHECKS: dict[tuple[str, bool, bool, bool, str], tuple[_RejectCheck, ...]] = {}
_NOUNS_NAMED: dict[str, frozenset[str]] = {}


def _reject_checks(rules: RuleSet, plain: bool, has_noun: bool, any_before: bool,
                   noun: str) -> tuple[_RejectCheck, ...]:
    """The context rules, in file order, that can apply to a figure of this kind: those for
    plain numbers only when it is one, those for figures without a noun only when it has
    none, those with a `before` context only when some `before` context matched, those for
    some nouns (`noun_in`) only for those nouns."""
    named = _NOUNS_NAMED.get(rules.version)
    if named is None:
        named = _NOUNS_NAMED[rules.version] = frozenset(
            noun for rule in rules.of_kind("reject") for noun in (rule.patterns.get("noun_in") or ()))
    noun = noun if noun in named else ""
    key = (rules.version, plain, has_noun, any_before, noun)
    if key not in _REJECT_CHECKS:
        _REJECT_CHECKS[key] = tuple(
            check for check in map(_reject_check, rules.of_kind("reject"))
            if (plain or not check.plain_only) and not (has_noun and check.no_noun)
            and (any_before or check.before is None) and (check.noun_in is None or noun in check.noun_in))
    return _REJECT_CHECKS[key]


def _reject_check(rule: Rule) -> _RejectCheck:
    p = rule.patterns
    return _RejectCheck(rule.id, p.get("before"), p.get("after"), p.get("number"), "plain_number" in rule.spec,
                        "no_noun" in rule.spec, p.get("noun_in"), p.get("unless_before"), p.get("unless_after"),
                        rule.get("unless_noun_in"))


def _line_before(text: str, pos: int) -> str:
    """The context before `pos`: up to _CONTEXT_CHARS characters, never into the line above.

    The line start is looked for only within that reach: a text of one long line (a
    flattened table, a PDF without line breaks) stays linear, not quadratic, in its length.
    """
    reach = max(0, pos - _CONTEXT_CHARS)
    newline = text.rfind("\n", reach, pos)
    return text[newline + 1 if newline >= 0 else reach : pos]


def _rejecting_rule(text: str, cand: Candidate, before: str, rules: RuleSet) -> str | None:
    """The first context rule (in file order) whose conditions all hold, if any; `before`
    is the figure's `_line_before`.

    Every rule has a trigger: a `before` or `after` context, a `number` form or a noun. One
    combined search per kind of context rules out most rules at once (the `after` one only
    when a rule that needs it is reached); only rules whose trigger fired are checked in full.
    """
    after = text[cand.num_end : cand.num_end + _CONTEXT_CHARS]
    any_after = None
    for check in _reject_checks(rules, cand.plain, bool(cand.noun), _any(rules, "reject", "before", before),
                                cand.noun):
        if check.after is not None:
            if any_after is None:
                any_after = _any(rules, "reject", "after", after)
            if not any_after or not check.after.search(after):
                continue
        if (check.number is not None and not check.number.fullmatch(cand.raw)) \
                or (check.before is not None and not check.before.search(before)):
            continue
        if (check.unless_before is not None and check.unless_before.search(before)) \
                or (check.unless_after is not None and check.unless_after.search(after)):
            continue
        if check.unless_nouns and noun_in_lexicon(cand.noun, check.unless_nouns, rules):
            continue
        return check.id
    return None


def _qualifier(text: str, before: str, after_pos: int, rules: RuleSet) -> tuple[str, str | None]:
    """The hedge nearest the number wins (`before`: the figure's `_line_before`); with
    none the figure is exact."""
    if not _any(rules, "hedge", "pattern", before):
        return "exact", None
    after = text[after_pos : after_pos + _CONTEXT_CHARS]
    best: tuple[int, str, str] | None = None
    for rule in rules.of_kind("hedge"):
        p = rule.patterns
        m = p["pattern"].search(before)
        if not m:
            continue
        if "after" in p and not p["after"].search(after):
            continue
        if "unless_before" in p and p["unless_before"].search(before):
            continue
        length = m.end() - m.start()
        if best is None or length > best[0]:
            best = (length, rule.get("qualifier"), rule.id)
    return (best[1], best[2]) if best else ("exact", None)


def _first_rules(spans: list[tuple[int, int, str]], rules: tuple[Rule, ...], positions: list[int]) -> dict[int, str]:
    """For each of the sorted `positions` that some span covers (start <= pos < end), the id
    of the first rule in file order among those whose spans cover it.

    Spans are few and figures many: each span looks up the figures it covers, rather than
    each figure searching the spans."""
    order = {rule.id: i for i, rule in enumerate(rules)}
    best: dict[int, tuple[int, str]] = {}
    for start, end, rule_id in spans:
        rank = (order.get(rule_id, -1), rule_id)  # a span no rule file names (the letterhead) comes first
        for i in range(bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)):
            pos = positions[i]
            if pos not in best or rank < best[pos]:
                best[pos] = rank
    return {pos: rule_id for pos, (_, rule_id) in best.items()}


def find_candidates(text: str, rules: RuleSet, period: tuple[int, int] | None = None,
                    sentences: list[tuple[int, int]] | None = None,
                    parts: list[tuple[int, int, str]] | None = None) -> list[Candidate]:
    """Every numeral with its fate: a `quantity`, or the id of the rule that rejected it.

    `period` is the (first, last) year the report covers: figures of years before it are
    quoted for comparison, figures of years after it are plans. `parts` are the spans whose
    figures are not results (the layout's; found here when not given).
    """
    sentences = sentences if sentences is not None else sentence_spans(text)
    candidates = _numerals(text, rules)
    starts = [cand.start for cand in candidates]
    masked = _first_rules(_mask_spans(text, rules), rules.of_kind("mask"), starts)
    parts = part_spans(text, rules) if parts is None else parts
    out_of_scope = _first_rules(parts + _scope_spans(text, sentences, rules, period),
                                rules.of_kind("part") + rules.of_kind("scope"), starts)
    in_sentence: list[Quantity] = []
    sentence_ix = 0
    for cand in candidates:
        while sentence_ix < len(sentences) - 1 and sentences[sentence_ix][1] <= cand.start:
            sentence_ix += 1
            in_sentence = []
        sentence = sentences[sentence_ix] if sentences else (0, len(text))
        cand.rejected_by = masked.get(cand.start) or (None if cand.value is not None else "numeral.malformed")
        if cand.rejected_by:
            continue
        cand.noun_words, cand.end = noun_after(text, cand.num_end, rules, rate=cand.rate,
                                               scaled=cand.scaled, money_scale=cand.money_scale)
        cand.noun = " ".join(cand.noun_words)
        before = _line_before(text, cand.start)
        cand.rejected_by = _rejecting_rule(text, cand, before, rules)
        if cand.rejected_by:
            continue
        inherited = False
        if not cand.noun:
            heads = [q.noun for q in in_sentence if not q.noun_inherited]
            label = label_noun(text, cand.start, cand.num_end, heads, sentence, rules)
            if not label:
                cand.rejected_by = "not_quantity.no_noun"
                continue
            cand.noun, cand.end, inherited = label, cand.num_end, True
            cand.noun_words = (label,)
        cand.rejected_by = out_of_scope.get(cand.start)
        if cand.rejected_by:
            continue
        qualifier, hedge_rule = _qualifier(text, before, cand.end, rules)
        cand.quantity = Quantity(cand.start, cand.end, cand.value, cand.noun, cand.num_end, sentence,
                                 cand.noun_words, qualifier, hedge_rule, inherited)
        in_sentence.append(cand.quantity)
    return candidates


def find_quantities(text: str, rules: RuleSet, period: tuple[int, int] | None = None,
                    sentences: list[tuple[int, int]] | None = None,
                    parts: list[tuple[int, int, str]] | None = None) -> list[Quantity]:
    return [c.quantity for c in find_candidates(text, rules, period, sentences, parts) if c.quantity]
