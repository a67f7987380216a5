"""The reporting unit: the organisation the report is about, at its fullest name.

Every mention of an organisation (type + qualifier + level + place) is found with the
vocabulary of `rules/units.yml`. Mentions of the same organisation and level are grouped;
the group that is most often the subject of the report's verbs, most mentioned and
earliest wins. Its name is rebuilt from the fullest parts any mention gives: "Hội Nông dân
huyện" and "Hội ND huyện Triệu Phong" make "Hội Nông dân huyện Triệu Phong".
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import re

import regex

from .gazetteer import known_place, place_names
from .literals import finditer_from, literal_starts
from .rules import RuleSet

_LEAD_CHARS = 300
_SEARCH_CHARS = 3000  # a report names itself early; reading further only adds other units
_PLACE = r"(?:[\p{Lu}][\p{L}\p{M}'’]*)(?:[ \t]+[\p{Lu}][\p{L}\p{M}'’]*){0,3}"


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    key: str
    type_text: str
    qualifier: str
    level: str
    place: str


def _alternatives(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def organisations(units: dict) -> dict[str, list[str]]:
    """Organisation key → spellings: the listed organisations, and each sector body with each
    sector ("Sở" + "Tư pháp" → "Sở Tư pháp", key "so/tư pháp")."""
    found = {key: list(spellings) for key, spellings in units["organisations"].items()}
    for body in units.get("sector_bodies", []):
        for sector in units.get("sectors", []):
            found[f"{body.lower()}/{sector.lower()}"] = [f"{body} {sector}"]
    return found


def _mention_pattern(units: dict) -> regex.Pattern:
    names = {name: key for key, spellings in units["organisations"].items() for name in spellings}
    long_names = [n for n, k in names.items() if k in set(units.get("long_names", []))]
    levels = _alternatives(units["levels"])
    purpose = rf"(?:(?<={_alternatives(long_names)})[ \t][^\n,.;:]{{0,100}}?(?=[ \t](?:{levels})[ \t]))?" if long_names else ""
    # A sector body is capitalised as a name ("Phòng Tư pháp", not "phòng chống"): tried as
    # written, it turns down the common word at its first letter.
    sector = (rf"|(?:{_alternatives(units['sector_bodies'])})[ \t]+(?i:{_alternatives(units['sectors'])})"
              if units.get("sector_bodies") else "")
    return regex.compile(
        rf"(?<![\p{{L}}])(?P<type>(?i:{_alternatives(list(names))}){sector})(?![\p{{L}}])"
        rf"{purpose}"
        rf"(?:[ \t]+(?i:số)[ \t]+\d{{1,3}}(?![\d.,]))?"  # "Cụm thi đua số 4", "Chi bộ số 2": part of the name
        rf"(?:[ \t]*\([\p{{Lu}}Đ]{{2,6}}\))?"
        rf"(?:[ \t]+(?P<qualifier>(?i:{_alternatives(units.get('qualifiers', []))})))?"
        rf"(?:[ \t]+(?P<level>(?i:{levels}))(?![\p{{L}}]))?"
        rf"(?:[ \t]*(?P<place>{_PLACE}))?"
    )


@dataclass(frozen=True)
class _Compiled:
    quick: re.Pattern  # organisation types, on lower-cased text
    quick_starts: tuple[str, ...] | None  # the names themselves: the quick pattern is tried only there
    sector_starts: tuple[str, ...]  # "Sở ", "Phòng ": where a sector body's name may start, case as written
    mention: regex.Pattern  # a whole mention: type, qualifier, level, place
    keys: dict[str, str]  # spelling of a type (lower case) → organisation key
    titles: regex.Pattern  # a person's title just before a mention: not the reporting unit


_COMPILED: dict[str, _Compiled] = {}


def _compiled(units: dict, version: str) -> _Compiled:
    """The unit patterns of one rules version, built once per process."""
    if version not in _COMPILED:
        kinds = organisations(units)
        names = [name.lower() for spellings in units["organisations"].values() for name in spellings]
        quick = re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in sorted(names, key=len, reverse=True))})\b")
        keys = {" ".join(name.lower().split()): key for key, spellings in kinds.items() for name in spellings}
        titles = regex.compile(rf"(?i)(?:{_alternatives(units.get('not_subject_before', []))})[ \t]*$", regex.REVERSE)
        # sector bodies are looked for as written: "cơ sở", "phòng chống" would be tried everywhere
        bodies = tuple(f"{body} " for body in units.get("sector_bodies", []))
        _COMPILED[version] = _Compiled(quick, literal_starts(quick.pattern), bodies, _mention_pattern(units), keys,
                                       titles)
    return _COMPILED[version]


def _mentions(text: str, rules: RuleSet) -> list[_Mention]:
    compiled = _compiled(rules.units, rules.version)
    quick, pattern, keys = compiled.quick, compiled.mention, compiled.keys
    family_names = rules.units.get("family_names", ())
    found = []
    lowered = text.lower()
    found_quick = finditer_from(quick, lowered, compiled.quick_starts) if compiled.quick_starts else quick.finditer(lowered)
    if len(lowered) == len(text):
        starts = {m.start() for m in found_quick}
        for body in compiled.sector_starts:
            at = text.find(body)
            while at >= 0:
                starts.add(at)
                at = text.find(body, at + 1)
        matches = _matches_at(pattern, text, sorted(starts))
    else:
        matches = list(pattern.finditer(text))
    for m in matches:
        # A long name's purpose ("thực hiện Quy chế … “Dân vận khéo”") is part of its type.
        purpose_end = m.start("qualifier") if m.group("qualifier") else (
            m.start("level") if m.group("level") else (m.start("place") if m.group("place") else m.end()))
        type_text = text[m.start() : purpose_end].strip()
        place = (m.group("place") or "").strip()
        if place and place.split()[0] in ("Việt", "Chủ", "Phó", "Bí", "Hội", "Đảng", "Ban", "Ủy", "UBND"):
            place = ""  # a following name or title, not a place
        elif " " in place:  # "Vĩnh Cửu Lê Quốc": a known place, then a person's name
            words = place.split()
            known = known_place(words)
            person = len(words) >= 3 and known == words and words[0] in family_names  # none of it a known place
            place = "" if person else " ".join(known)
        key = keys[" ".join(m.group("type").lower().split())]  # "Sở  Tư pháp" is "Sở Tư pháp"
        found.append(_Mention(m.start(), m.start() + len(m.group().rstrip()), key, type_text,
                              m.group("qualifier") or "", m.group("level") or "", place))
    return found


def _matches_at(pattern: regex.Pattern, text: str, starts) -> list[regex.Match]:
    """Full matches at the quick finder's positions, without overlaps (like finditer)."""
    matches, end = [], 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m:
                matches.append(m)
                end = m.end()
    return matches


def _weight(text: str, mention: _Mention, units: dict, titles: regex.Pattern) -> float:
    before = text[max(0, mention.start - 30) : mention.start]
    after = text[mention.end : mention.end + 25].lower()
    titled = titles.search(before)
    weight = 0.3 if titled else 1.0
    if not titled and any(after.lstrip(" ,(").startswith(v) for v in units.get("subject_after", [])):
        weight += 2.0
    if mention.start < _LEAD_CHARS:
        weight += 1.0
    return weight


def _level_key(level: str) -> str:
    return "thành phố" if level in ("tp.", "tp") else level


def detect_unit(text: str, rules: RuleSet) -> str | None:
    """The reporting unit's fullest name as the text gives it, or None when none is named."""
    mentions = _mentions(text[:_SEARCH_CHARS], rules)
    if not mentions:
        return None
    groups: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for m in mentions:
        groups[(m.key, _level_key(m.level.lower()))].append(m)
    # A mention without level belongs to the group of its organisation that has one, when unique.
    for (key, level), members in list(groups.items()):
        if not level:
            levelled = [g for g in groups if g[0] == key and g[1]]
            if len(levelled) == 1:
                groups[levelled[0]].extend(members)
                del groups[(key, level)]
    titles = _compiled(rules.units, rules.version).titles
    scores = {g: sum(_weight(text, m, rules.units, titles) for m in ms) for g, ms in groups.items()}
    best = max(groups, key=lambda g: (scores[g], -min(m.start for m in groups[g])))
    return _fullest_name(groups[best])


def _fullest_name(members: list[_Mention]) -> str:
    def longest(values: list[str]) -> str:
        values = [v for v in values if v]
        cased = [v for v in values if not v.isupper()] or values  # prefer "Châu Đức" to "CHÂU ĐỨC"
        return max(cased, key=lambda v: (len(v.split()), len(v)), default="")

    # The spelling of the type comes from mentions that name a level: "Hội phụ nữ cơ sở" is
    # a loose reference, "Hội LHPN xã Buôn Triết" the name.
    named = [m for m in members if m.level] or members
    # A place the gazetteer knows beats a longer string it does not: "Ban Tuyên giáo Nguyễn
    # Đức Việt Tựu" is a person's title, "Ban Tuyên giáo Huyện ủy Đồng Phú" the unit. The level
    # then comes with that place, or none ("Huyện ủy Đồng Phú" needs none).
    known = [m for m in members if m.place and m.place.lower() in place_names()]
    place = longest([m.place for m in known or members])
    levels = [m.level for m in known if m.place == place] if known else [m.level for m in members]
    parts = [longest([m.type_text for m in named]), longest([m.qualifier for m in members]), longest(levels), place]
    return " ".join(p for p in parts if p)
