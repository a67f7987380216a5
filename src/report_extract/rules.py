"""Load, validate and compile the rule files in `rules/`, once per process.

Rules are data: each file is YAML with a `kind` and a list of rules; every rule has an
`id`, what it matches, what it emits, and `examples` / `counter_examples` that the test
suite runs. A broken file fails loudly on load, naming the file and the rule.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import regex
import yaml

from .literals import LiteralEnds, alternation, finditer_from, literal_ends, literal_starts, top_level_branches

QUALIFIERS = ("exact", "approx", "over", "under", "at_least")


class RuleError(ValueError):
    """A rule file is malformed; the message names the file and the rule."""


@dataclass(frozen=True)
class Example:
    """A text a rule is tested on; `[...]` in the source marks the span it is about."""

    text: str
    target: tuple[int, int] | None
    expect: dict[str, Any]

    @classmethod
    def parse(cls, raw: Any, where: str) -> "Example":
        if isinstance(raw, str):
            raw = {"text": raw}
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            raise RuleError(f"{where}: an example must be a string or a mapping with 'text'")
        text = raw["text"]
        target = None
        if "[" in text:
            open_at, close_at = text.index("["), text.index("]")
            target = (open_at, close_at - 1)
            text = text[:open_at] + text[open_at + 1 : close_at] + text[close_at + 1 :]
        expect = {k: v for k, v in raw.items() if k != "text"}
        return cls(text, target, expect)


@dataclass(frozen=True)
class Rule:
    id: str
    file: str
    spec: dict[str, Any]
    examples: tuple[Example, ...] = ()
    counter_examples: tuple[Example, ...] = ()
    patterns: dict[str, Any] = field(default_factory=dict)
    starts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # see literals.py

    def get(self, key: str, default: Any = None) -> Any:
        return self.spec.get(key, default)

    def finditer(self, key: str, text: str, lowered: str) -> Iterator[regex.Match]:
        """Matches of pattern `key` in `text`; `lowered` is text.lower() of the same length.

        A case-insensitive pattern runs as its lower-case, case-sensitive twin on `lowered`:
        the regex engine scans that many times faster. Offsets are the same. A pattern whose
        matches all start with known literals is only tried where those occur.
        """
        if key + "@lower" in self.patterns and len(lowered) == len(text):
            key, text = key + "@lower", lowered
        starts = self.starts.get(key)
        return finditer_from(self.patterns[key], text, starts) if starts else self.patterns[key].finditer(text)


# The vocabularies a units file may hold (rules/units.yml says what each means).
_UNIT_KEYS = {"kind", "description", "organisations", "named_only", "level_only", "sector_bodies",
              "sectors", "long_names", "qualifiers", "levels", "letterhead_heads", "leading_bodies",
              "party_committees", "province_kinds", "province_sector_bodies", "implied_levels", "level_ranks",
              "not_subject_before", "subject_after", "not_place_first_words", "family_names", "examples",
              "counter_examples"}

# For each file kind: the keys a rule may have, which are regexes, which are required.
_KINDS: dict[str, dict[str, Any]] = {
    "mask": {"required": {"pattern"}, "regex": {"pattern", "before", "after", "unless_before", "unless_after", "requires"},
             "other": set()},
    "reject": {"required": set(), "regex": {"before", "after", "number", "unless_before", "unless_after"},
               "other": {"noun_in", "no_noun", "plain_number", "unless_noun_in"}},
    "scope": {"required": {"cue"}, "regex": {"cue", "before", "unless_before", "until"}, "other": {"year"}},
    "hedge": {"required": {"pattern", "qualifier"}, "regex": {"pattern", "after", "unless_before"}, "other": set()},
    "indicator": {"required": {"indicator"}, "regex": {"before", "after", "line_before", "unless_before", "unless_after"},
                  "other": {"nouns", "min_value", "max_value", "priority"}},
    "period": {"required": {"pattern", "span", "weight"}, "regex": {"pattern"}, "other": {"year_from"}},
    "breakdown": {"required": {"cue"}, "regex": {"cue", "unless_after"}, "other": {"scope", "total"}},
    "part": {"required": {"title", "extent"}, "regex": {"title"}, "other": {"heading"}},
}
_COMMON = {"id", "description", "examples", "counter_examples"}


@dataclass(frozen=True)
class RuleSet:
    """All rules and lexicons, compiled; `version` changes whenever any rule file does."""

    root: Path
    version: str
    rules: dict[str, tuple[Rule, ...]]
    lexicons: dict[str, frozenset[str]]
    indicator_keys: dict[str, dict[str, Any]]
    units: dict[str, Any]
    letterhead: dict[str, Any] = field(default_factory=dict)
    _combined: dict[tuple[str, str], tuple[tuple[regex.Pattern | EndAnchored, bool], ...]] = field(
        default_factory=dict, compare=False, repr=False)

    def of_kind(self, kind: str) -> tuple[Rule, ...]:
        return self.rules.get(kind, ())

    def any_of(self, kind: str, key: str) -> tuple[tuple[regex.Pattern | EndAnchored, bool], ...]:
        """Patterns that together match wherever any `kind` rule's `key` pattern does: one
        search each rules most of them out.

        Each comes with whether it is meant for lower-cased text: when every rule has a
        lower-case twin, the combination of the twins is much faster. Patterns anchored at
        the end are combined right to left, those with literal ends apart from the rest, so
        that most contexts are turned down by the literals alone.
        """
        found = self._combined.get((kind, key))
        if found is None:
            rules = [rule for rule in self.of_kind(kind) if key in rule.patterns]
            anchored = bool(rules) and all(isinstance(rule.patterns[key], EndAnchored) for rule in rules)
            if anchored:
                with_ends = [rule for rule in rules if rule.patterns[key].ends is not None]
                groups = [group for group in (with_ends, [rule for rule in rules if rule not in with_ends]) if group]
            else:
                groups = [rules]
            found = self._combined[(kind, key)] = tuple(_combine(group, key, anchored) for group in groups)
        return found


def _combine(rules: list[Rule], key: str, anchored: bool) -> tuple[regex.Pattern | EndAnchored, bool]:
    """One pattern for the `key` patterns of `rules`, and whether it is for lower-cased text."""
    lowered = bool(rules) and all(key + "@lower" in rule.patterns for rule in rules)
    parts = []
    for rule in rules:
        pattern = rule.patterns[key + "@lower" if lowered else key]
        source = pattern.pattern
        if source.startswith("(?i)"):
            source = f"(?i:{source[4:]})"
        elif pattern.flags & regex.IGNORECASE:
            source = f"(?i:{source})"
        parts.append(f"(?:{source})")
    reverse = all(rule.patterns[key].flags & regex.REVERSE for rule in rules)
    combined = regex.compile("|".join(parts) or "(?!)", regex.REVERSE if reverse else 0)
    if not anchored:
        return combined, lowered
    ends = [rule.patterns[key + "@lower" if lowered else key].ends for rule in rules]
    return EndAnchored(combined, LiteralEnds.union(ends) if all(ends) else None), lowered


def default_rules_dir() -> Path:
    """$REPORT_EXTRACT_RULES, else the checkout's `rules/`, else the copy shipped in the package."""
    env = os.environ.get("REPORT_EXTRACT_RULES")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    spec = importlib.util.find_spec("report_extract.rules_data")  # rules/ shipped as package data
    if spec is None or not spec.submodule_search_locations:
        raise RuleError("no rules folder: set REPORT_EXTRACT_RULES or pass --rules")
    return Path(next(iter(spec.submodule_search_locations)))


class EndAnchored:
    """A pattern that can only match at the end of the text (`…$`, no top-level `|`).

    It is compiled right to left and `search` tries the one place a match can be, the end,
    instead of every position: the `before` contexts of most rules are of this kind. When
    its matches must end with known literals (`literals.literal_ends`), contexts that do
    not are turned down without running the regex engine.
    """

    __slots__ = ("compiled", "pattern", "flags", "ends")

    def __init__(self, compiled: regex.Pattern, ends: LiteralEnds | None = None):
        self.compiled, self.pattern, self.flags = compiled, compiled.pattern, compiled.flags
        self.ends = ends

    @classmethod
    def of(cls, pattern: str) -> "EndAnchored":
        compiled = regex.compile(pattern, regex.REVERSE)
        ends = literal_ends(pattern)
        if ends is not None and compiled.flags & regex.IGNORECASE and not ends.folded:
            ends = None  # case-insensitive by a flag the analysis did not see
        return cls(compiled, ends)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        end = len(text) if endpos is None else endpos
        if self.ends is not None and not self.ends.may_match(text if pos == 0 and end == len(text) else text[pos:end]):
            return None
        return self.compiled.match(text, pos, end)

    def finditer(self, text: str) -> Iterator[regex.Match]:
        return self.compiled.finditer(text)


def _ends_anchored(pattern: str) -> bool:
    """Whether every match of `pattern` ends at `$`: it ends with an unescaped `$` and has no
    `|` outside groups and classes."""
    body = pattern.rstrip()
    return body.endswith("$") and not body.endswith("\\$") and len(top_level_branches(body)) == 1


def _compile(pattern: str, where: str) -> regex.Pattern | EndAnchored:
    try:
        if _ends_anchored(pattern):
            return EndAnchored.of(pattern)
        if pattern.rstrip().endswith("$") and not pattern.rstrip().endswith("\\$"):
            return regex.compile(pattern, regex.REVERSE)  # right to left finds an end match sooner
        return regex.compile(pattern)
    except regex.error as exc:
        raise RuleError(f"{where}: pattern {pattern!r} does not compile: {exc}") from None


# Escapes whose meaning does not change when the text is lower-cased.
_CASE_SAFE_ESCAPES = regex.compile(r"\\p\{L\}|\\p\{M\}|\\P\{L\}|\\S|\\W|\\D|\\A|\\Z|\(\?P[<=]")


def _lowercase_twin(pattern: str) -> regex.Pattern | EndAnchored | None:
    """The case-sensitive form of a wholly case-insensitive pattern, for lower-cased text."""
    if not pattern.startswith("(?i)"):
        return None
    body = pattern[4:]
    if _CASE_SAFE_ESCAPES.sub("", body) != _CASE_SAFE_ESCAPES.sub("", body).lower():
        return None  # an upper-case letter or class (\p{Lu}) would no longer match
    return _compile(body, "lower-case twin")


def _phrase_regex(phrases: list[str], where: str) -> regex.Pattern:
    """Words or phrases as one case-insensitive regex with word boundaries."""
    if not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise RuleError(f"{where}: expected a non-empty list of phrases")
    alternatives = alternation([p.strip() for p in phrases], ignore_case=True)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alternatives})(?![\p{{L}}\p{{M}}])", regex.IGNORECASE)


def _validate_rule(raw: Any, kind: str, file: str, seen: set[str]) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError(f"{file}: every rule must be a mapping, got {type(raw).__name__}")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleError(f"{file}: a rule has no 'id' (keys: {sorted(raw)})")
    where = f"{file}: rule {rule_id!r}"
    if rule_id in seen:
        raise RuleError(f"{where}: duplicate id")
    seen.add(rule_id)
    schema = _KINDS[kind]
    allowed = _COMMON | schema["required"] | schema["regex"] | schema["other"]
    unknown = set(raw) - allowed
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(allowed)})")
    missing = schema["required"] - set(raw)
    if missing:
        raise RuleError(f"{where}: missing required keys {sorted(missing)}")
    if not raw.get("examples"):
        raise RuleError(f"{where}: needs at least one example")
    patterns = {}
    for key in schema["regex"] & set(raw):
        value = raw[key]
        if isinstance(value, list):
            patterns[key] = _phrase_regex(value, f"{where}, key {key!r}")
        elif isinstance(value, str):
            patterns[key] = _compile(value, f"{where}, key {key!r}")
            twin = _lowercase_twin(value)
            if twin is not None:
                patterns[key + "@lower"] = twin
        else:
            raise RuleError(f"{where}: {key!r} must be a regex string or a list of phrases")
    if kind == "part" and raw["extent"] not in ("section", "rest"):
        raise RuleError(f"{where}: extent {raw['extent']!r} is not 'section' or 'rest'")
    if kind == "hedge" and raw["qualifier"] not in QUALIFIERS:
        raise RuleError(f"{where}: qualifier {raw['qualifier']!r} is not one of {QUALIFIERS}")
    if "nouns" in raw:
        nouns = raw["nouns"]
        if not isinstance(nouns, list) or not all(isinstance(n, str) and n for n in nouns):
            raise RuleError(f"{where}: 'nouns' must be a list of words")
        patterns["nouns"] = tuple(sorted({n.lower() for n in nouns}, key=len, reverse=True))
    if "noun_in" in raw:
        patterns["noun_in"] = frozenset(n.lower() for n in raw["noun_in"])
    examples = tuple(Example.parse(e, f"{where}, example") for e in raw.get("examples") or [])
    counters = tuple(Example.parse(e, f"{where}, counter-example") for e in raw.get("counter_examples") or [])
    starts = {key: literals for key, pattern in patterns.items()
              if isinstance(pattern, regex.Pattern) and not pattern.flags & (regex.IGNORECASE | regex.REVERSE)
              and (literals := literal_starts(pattern.pattern))}
    return Rule(rule_id, file, dict(raw), examples, counters, patterns, starts)


class _RuleFileLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's loader when PyYAML was built with it (ten times quicker to read the rules),
    refusing a key written twice in one mapping: YAML would silently keep the last one, and
    a rule's second `counter_examples` would hide its first."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} written twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_YAML_LOADER = _RuleFileLoader


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise RuleError(f"{path.name}: not valid YAML: {exc}") from None


def load_rules(root: str | Path | None = None) -> RuleSet:
    """Read every rule file under `root`, validate it and compile its patterns.

    Loaded once per process and folder, however the folder is named: workers asking for
    the folder by its path reuse what their parent loaded before forking.
    """
    if root and os.path.isabs(root):
        return _load_absolute(os.fspath(root))  # what workers pass, once per file: no path resolving
    return _load_rules(Path(root).resolve() if root else default_rules_dir().resolve())


@functools.lru_cache(maxsize=16)
def _load_absolute(root: str) -> RuleSet:
    return _load_rules(Path(root).resolve())


@functools.lru_cache(maxsize=4)
def _load_rules(root: Path) -> RuleSet:
    if not root.is_dir():
        raise RuleError(f"rules folder not found: {root}")
    digest = hashlib.sha256()
    rules: dict[str, list[Rule]] = {}
    lexicons: dict[str, frozenset[str]] = {}
    indicator_keys: dict[str, dict[str, Any]] = {}
    units: dict[str, Any] = {}
    letterhead: dict[str, Any] = {}
    seen: set[str] = set()
    for path in sorted(root.rglob("*.yml")):
        rel = path.relative_to(root).as_posix()
        digest.update(rel.encode() + b"\0" + path.read_bytes())
        doc = _read_yaml(path)
        if not isinstance(doc, dict) or "kind" not in doc:
            raise RuleError(f"{rel}: a rule file is a mapping with a 'kind'")
        kind = doc["kind"]
        if kind == "lexicon":
            for name, words in (doc.get("lexicons") or {}).items():
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise RuleError(f"{rel}: lexicon {name!r} must be a list of strings")
                lexicons[name] = frozenset(w.lower() for w in words)
        elif kind == "indicator_keys":
            for key, info in (doc.get("keys") or {}).items():
                if not isinstance(info, dict) or "description" not in info:
                    raise RuleError(f"{rel}: indicator key {key!r} needs a description")
                indicator_keys[key] = info
        elif kind == "units":
            unknown = set(doc) - _UNIT_KEYS
            if unknown:
                raise RuleError(f"{rel}: unknown keys {sorted(unknown)} (allowed: {sorted(_UNIT_KEYS)})")
            units = doc
        elif kind == "letterhead":
            letterhead = _validated_letterhead(doc, rel)
        elif kind in _KINDS:
            items = doc.get("rules")
            if not isinstance(items, list) or not items:
                raise RuleError(f"{rel}: 'rules' must be a non-empty list")
            rules.setdefault(kind, []).extend(_validate_rule(r, kind, rel, seen) for r in items)
        else:
            raise RuleError(f"{rel}: unknown kind {kind!r} (one of {sorted(_KINDS)}, lexicon, indicator_keys, units, letterhead)")
    for rule in rules.get("indicator", []):
        if indicator_keys and rule.get("indicator") not in indicator_keys:
            raise RuleError(f"{rule.file}: rule {rule.id!r}: unknown indicator {rule.get('indicator')!r}")
    ordered = {k: tuple(sorted(v, key=lambda r: -int(r.get("priority", 0)))) if k == "indicator" else tuple(v)
               for k, v in rules.items()}
    return RuleSet(root, digest.hexdigest()[:16], ordered, lexicons, indicator_keys, units, letterhead)


def _validated_letterhead(doc: dict[str, Any], rel: str) -> dict[str, Any]:
    """The letterhead vocabulary, its word lists and examples checked for shape."""
    for name in ("mottos", "marks", "document_types"):
        words = doc.get(name)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise RuleError(f"{rel}: {name!r} must be a non-empty list of phrases")
    for i, example in enumerate(doc.get("examples") or []):
        if not isinstance(example, dict) or not isinstance(example.get("text"), str) \
                or not isinstance(example.get("body"), list):
            raise RuleError(f"{rel}: example {i + 1} needs a 'text' and the 'body' lines read from it")
    if not all(isinstance(t, str) for t in doc.get("counter_examples") or []):
        raise RuleError(f"{rel}: counter_examples are texts")
    return doc
