"""The reporting unit: the organisation the report is about, at its fullest name, with a key.

Where to look, most trusted first: the letterhead's issuing body, completed by its parent
("HUYỆN ỦY TRIỆU PHONG" over "BAN TUYÊN GIÁO" is "Ban Tuyên giáo Huyện ủy Triệu Phong");
then the text. In the text every mention of an organisation (type + qualifier + level +
place) is found with the vocabulary of `rules/units.yml`; mentions of the same organisation
and level are grouped; the group that is most often the subject of the report's verbs, most
mentioned and earliest wins, and its name is rebuilt from the fullest parts any mention gives:
"Hội Nông dân huyện" and "Hội ND huyện Triệu Phong" make "Hội Nông dân huyện Triệu Phong".

The unit's `key` is the organisation's kind (its spellings and abbreviations share one),
level and place in ASCII: "Hội LHPN huyện Đông Sơn" and "Hội Liên hiệp Phụ nữ huyện Đông
Sơn" are both `lhpn|huyen|ddoong sown` (the place as Telex writes it, so no letter is
lost). Places are kept as written: the 2025 reorganisation renamed and merged units, and a
key must not merge what the reports keep apart.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import regex

from .gazetteer import (
    known_place,
    named_province,
    place_names,
    province_level,
    province_name,
    province_of_district,
)
from .letterhead import Letterhead
from .literals import alternation
from .rules import RuleSet

_LEAD_CHARS = 300
_SEARCH_CHARS = 3000  # a report names itself early; reading further only adds other units
_PROVINCE_CHARS = 1500  # the province, when the unit does not carry it, is in the headline, dateline or lead
# Villages and street groups are numbered as often as named ("thôn 3", "tổ dân phố 5").
_VILLAGE_NUMBER = r"(?<=(?i:thôn|ấp|bản|phố)[ \t]+)\d{1,3}(?![\d.,])"
_PLACE = r"(?:[\p{Lu}][\p{L}\p{M}'’]*)(?:[ \t]+[\p{Lu}][\p{L}\p{M}'’]*){0,3}"


@dataclass(frozen=True)
class Unit:
    """Who reports: the name as the report writes it, and what it is made of."""

    name: str
    key: str  # kind|level|place in ASCII: the same for every spelling of one unit
    level: str | None  # "huyện", "xã", "tỉnh" …
    place: str | None
    province: str | None  # as the text or the gazetteer gives it
    source: str  # "letterhead" or "text"


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    key: str
    type_text: str
    qualifier: str
    level: str
    place: str
    parent: str = ""  # the unit above, when the text writes it after the place ("huyện Kim Bảng")


def _alternatives(words: list[str], ignore_case: bool = False) -> str:
    """The words as one alternation; `ignore_case` when it stands in a case-insensitive group."""
    return alternation(words, ignore_case)


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
    purpose = (rf"(?:(?<={_alternatives(long_names)})[ \t][^\n,.;:]{{0,100}}?(?=[ \t](?:{levels})[ \t]))?"
               if long_names else "")
    # A sector body is capitalised as a name ("Phòng Tư pháp", not "phòng chống"): tried as
    # written, it turns down the common word at its first letter.
    sector = (rf"|(?:{_alternatives(units['sector_bodies'])})[ \t]+(?i:{_alternatives(units['sectors'], True)})"
              if units.get("sector_bodies") else "")
    # A name that is an organisation only with its level after it, as written ("Đoàn phường Phú
    # Thịnh"; "đoàn viên", "đoàn công tác" are not).
    level_only = [n for spellings in units.get("level_only", {}).values() for n in spellings]
    with_level = (rf"|(?:{_alternatives(level_only)})(?=[ \t]+(?i:{levels})(?![\p{{L}}]))" if level_only else "")
    return regex.compile(
        rf"(?<![\p{{L}}])(?P<type>(?i:{_alternatives(list(names), True)}){sector}{with_level})(?![\p{{L}}])"
        rf"{purpose}"
        rf"(?:[ \t]+(?i:số)[ \t]+\d{{1,3}}(?![\d.,]))?"  # "Cụm thi đua số 4", "Chi bộ số 2": part of the name
        rf"(?:[ \t]*\([\p{{Lu}}Đ]{{2,6}}\))?"
        rf"(?:[ \t]+(?P<qualifier>(?i:{_alternatives(units.get('qualifiers', []), True)})))?"
        rf"(?:[ \t]+(?P<level>(?i:{levels}))(?![\p{{L}}]))?"
        rf"(?:[ \t]*(?P<place>{_PLACE}|{_VILLAGE_NUMBER})"
        # the unit above, written after the place: "xã Văn Xá, huyện Kim Bảng"
        rf"(?:[ \t]*,?[ \t]+(?P<parent>(?P<parent_level>{_alternatives(list(units.get('level_ranks', {})))})"
        rf"[ \t]+{_PLACE}))?)?"
    )


@dataclass(frozen=True)
class _Compiled:
    quick: re.Pattern  # organisation types as a trie (one scan beats a str.find per name), on lower-cased text
    sector_starts: tuple[str, ...]  # "Sở ", "Phòng ": where a sector body's name may start, case as written
    mention: regex.Pattern  # a whole mention: type, qualifier, level, place
    keys: dict[str, str]  # spelling of a type (lower case) → organisation key
    titles: regex.Pattern  # a person's title just before a mention: not the reporting unit
    opens_organisation: regex.Pattern  # a letterhead line that starts an issuing body
    leading_body: regex.Pattern  # "BCH", "Ban Thường vụ" before an organisation's name
    spelling: regex.Pattern  # any known word of a name, in any case
    spellings: dict[str, str]  # such a word in lower case → its written form
    spelling_modes: dict[str, str]  # written form → how the unknown words after it are cased
    level_place: regex.Pattern  # a level and the place after it ("xã Tân An")
    ends_with_level: regex.Pattern  # a name that ends on its level, the place left to its parent


_COMPILED: dict[str, _Compiled] = {}


def _compiled(units: dict, version: str) -> _Compiled:
    """The unit patterns of one rules version, built once per process."""
    if version not in _COMPILED:
        kinds = organisations(units)
        for key, spellings in units.get("level_only", {}).items():
            kinds.setdefault(key, []).extend(spellings)
        names = [name.lower() for spellings in [*units["organisations"].values(), *units.get("level_only", {}).values()]
                 for name in spellings]
        quick = re.compile(rf"\b(?:{alternation(names)})\b")
        keys = {" ".join(name.lower().split()): key for key, spellings in kinds.items() for name in spellings}
        titles = regex.compile(rf"(?i)(?:{_alternatives(units.get('not_subject_before', []), True)})[ \t]*$",
                               regex.REVERSE)
        # sector bodies are looked for as written: "cơ sở", "phòng chống" would be tried everywhere
        bodies = tuple(f"{body} " for body in units.get("sector_bodies", []))
        heads = units.get("letterhead_heads", [])
        leading = units.get("leading_bodies", [])
        all_names = [n for spellings in units["organisations"].values() for n in spellings]
        openings = all_names + heads + units.get("sector_bodies", [])
        opens = regex.compile(rf"(?i)[ \t]*(?:(?:{_alternatives(leading, True)})[ \t]+)?"
                              rf"(?:{_alternatives(openings, True)})(?![\p{{L}}])")
        leading_body = regex.compile(rf"(?i)^[ \t]*(?:{_alternatives(leading, True)})[ \t]+(?=\p{{L}})")
        modes: dict[str, str] = {}
        long_kinds = set(units.get("long_names", []))
        for key, spellings in units["organisations"].items():
            modes.update({n: "purpose" if key in long_kinds else "place" for n in spellings})
        modes.update({n: "head" for n in heads + units.get("sector_bodies", []) + leading})
        modes.update({n: "place" for n in units.get("sectors", []) + units.get("qualifiers", [])})
        modes.update({n: "place" for n in units["levels"]})
        spellings = {" ".join(n.lower().split()): n for n in modes}
        spelling = regex.compile(rf"(?i)(?:{_alternatives(list(modes), True)})(?![\p{{L}}])")
        _COMPILED[version] = _Compiled(quick, bodies, _mention_pattern(units), keys,
                                       titles, opens, leading_body, spelling, spellings, modes,
                                       regex.compile(rf"(?<![\p{{L}}])(?P<level>{_alternatives(units['levels'])})"
                                                     rf"(?![\p{{L}}])[ \t]+(?P<place>{_PLACE}|{_VILLAGE_NUMBER})"),
                                       regex.compile(rf"(?<![\p{{L}}])(?:{_alternatives(units['levels'])})[ \t]*$"))
    return _COMPILED[version]


def _mentions(text: str, rules: RuleSet) -> list[_Mention]:
    compiled = _compiled(rules.units, rules.version)
    quick, pattern, keys = compiled.quick, compiled.mention, compiled.keys
    family_names = rules.units.get("family_names", ())
    not_place = frozenset(rules.units.get("not_place_first_words", ()))
    named_only = frozenset(rules.units.get("named_only", ()))
    verbs = frozenset(rules.units.get("subject_after", ()))
    found = []
    lowered = text.lower()
    found_quick = quick.finditer(lowered)
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
        if place and place.split()[0] in not_place:
            known = " ".join(known_place(place.split()))
            # a following name or title ("Hội Nông dân xã Chủ tịch …"), unless a known place ("Hội An")
            place = known if known != place and known.lower() in place_names() or place.lower() in place_names() else ""
        elif place.isupper() and place.lower() not in place_names():
            # a headline in capitals runs on: "ĐOÀN THANH NIÊN TỔ CHỨC GẦN 200 ĐỢT", "TÒA ÁN NHÂN
            # DÂN HUYỆN THỰC HIỆN TỐT …": no place without a level, none past a verb with one
            place = "" if not m.group("level") else _before_verb(place, verbs)
        elif " " in place:  # "Vĩnh Cửu Lê Quốc": a known place, then a person's name
            words = place.split()
            known = known_place(words)
            person = len(words) >= 3 and known == words and words[0] in family_names  # none of it a known place
            place = "" if person else " ".join(known)
        key = keys[" ".join(m.group("type").lower().split())]  # "Sở  Tư pháp" is "Sở Tư pháp"
        level = m.group("level") or ""
        if key in named_only and not place and not level:
            continue
        parent = _parent(m, place, level, rules.units.get("level_ranks", {}))
        end = m.end("parent") if parent else m.end("place") if m.group("place") else m.start() + len(m.group().rstrip())
        found.append(_Mention(m.start(), end, key, type_text, m.group("qualifier") or "", level, place, parent))
    return found


def _before_verb(place: str, verbs: frozenset[str]) -> str:
    """The words of a place before the first that is a verb ("THỰC HIỆN", "TỔ CHỨC")."""
    words = place.split()
    for i in range(len(words)):
        if words[i].lower() in verbs or " ".join(words[i : i + 2]).lower() in verbs:
            return " ".join(words[:i])
    return place


def _parent(m: regex.Match, place: str, level: str, ranks: dict[str, int]) -> str:
    """The unit above the mention's place when the text writes it right after ("xã A, huyện
    B"): only a place that was kept whole, and only a higher level ("xã A, xã B" is a list)."""
    if not m.group("parent") or place != (m.group("place") or "").strip():
        return ""
    above, own = ranks.get(m.group("parent_level").lower()), ranks.get(level.lower())
    if above is None or own is None or above >= own:
        return ""
    words = m.group("parent").split()
    level_words = len(m.group("parent_level").split())
    return " ".join(words[:level_words] + known_place(words[level_words:]))


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
    after = _PARENTHESIS.sub("", text[mention.end : mention.end + 60], count=1)[:25].lower()
    if mention.type_text[:1].islower() and not mention.place:
        return 0.3  # "các công đoàn cơ sở", "hội phụ nữ các cấp": a kind of body, no name
    titled = titles.search(before)
    weight = 0.3 if titled else 1.0
    if not titled and any(after.lstrip(" ,(").startswith(v) for v in units.get("subject_after", [])):
        weight += 2.0
    if mention.start < _LEAD_CHARS:
        weight += 1.0
    return weight


_PARENTHESIS = regex.compile(r"\A[ \t]*\([^()\n]{0,40}\)")  # "Hội đồng … huyện Ngọc Hồi (Kon Tum) đã tổ chức"


def _level_key(level: str) -> str:
    return "thành phố" if level in ("tp.", "tp") else level


def detect_unit(text: str, rules: RuleSet, letterhead: Letterhead | None = None) -> Unit | None:
    """The reporting unit: the letterhead's issuing body when it names one, else the unit the
    text is about; None when neither names one."""
    if letterhead is not None:
        found = _letterhead_unit(letterhead.body, text, rules)
        if found is not None:
            return found
    head = _head(text)
    mentions = [m for m in _mentions(head, rules) if not _addressed(text, m.start)]
    if not mentions:
        return _area(head, rules)
    groups = _grouped(mentions)
    titles = _compiled(rules.units, rules.version).titles
    scores = {g: sum(_weight(text, m, rules.units, titles) for m in ms) for g, ms in groups.items()}
    best = max(groups, key=lambda g: (scores[g], -min(m.start for m in groups[g])))
    kind = best[0]
    name, level, place = _fullest_name(groups[best])
    if not place and (_province_level_kind(kind, rules) or level.lower() == "tỉnh"):
        # "Sở Tư pháp", "Thư viện tỉnh": the province the text is about
        province = _province("", "", text, rules)
        if province:
            name = f"{name} {province}" if level else f"{name} {province_level(province)} {province}"
            level, place = province_level(province), province
    elif not place:  # "Huyện ủy" in a text about "huyện Ngân Sơn": the committee of that district
        implied = rules.units.get("implied_levels", {}).get(kind)
        area = _area(head, rules) if implied else None
        if area is not None and area.level == implied and area.place:
            place = area.place
            name = f"{name} {place}"
    return _unit(name, kind, level, place, _qualifier_keys(groups[best], rules), text, rules, "text")


def _province_level_kind(kind: str, rules: RuleSet) -> bool:
    """Whether an organisation of this kind stands at province level (a Sở, a Tỉnh ủy)."""
    return kind in rules.units.get("province_kinds", ()) or kind.split("/")[0] in rules.units.get(
        "province_sector_bodies", ())


def _area(text: str, rules: RuleSet) -> Unit | None:
    """A text that names no organisation reports on a place ("toàn huyện Phong Điền có 167
    mô hình"): the place the gazetteer knows that it names most with its level, first on a tie."""
    counts: dict[tuple[str, str], list[int]] = {}
    for m in _compiled(rules.units, rules.version).level_place.finditer(text):
        words = m.group("place").split()
        place = " ".join(known_place(words))
        if len(place.split()) < 2 or place.lower() not in place_names():
            continue
        counts.setdefault((_level_key(m.group("level").lower()), place), []).append(m.start())
    if not counts:
        return None
    (level, place), _ = max(counts.items(), key=lambda item: (len(item[1]), -item[1][0]))
    return _unit(f"{level} {place}", "", level, place, [], text, rules, "text")


def _grouped(mentions: list[_Mention]) -> dict[tuple[str, str, str], list[_Mention]]:
    """Mentions of one organisation: by kind and level. A mention without level joins the
    group of its kind whose place it names ("Kho bạc Nhà nước Vân Sơn" is the one of
    "huyện Vân Sơn", not of a guest's "Bắc Giang"); without a place, the group its kind has,
    or when there are several the levelled one named first, else the one named first (the
    lead names the reporter first, a guest or a superior after)."""
    groups: dict[tuple[str, str, str], list[_Mention]] = defaultdict(list)
    unlevelled = []
    for m in mentions:
        if m.level:
            groups[(m.key, _level_key(m.level.lower()), "")].append(m)
        else:
            unlevelled.append(m)
    for m in sorted(unlevelled, key=lambda m: not m.place):  # those naming a place first
        levelled = sorted((g for g in groups if g[0] == m.key and g[1]), key=lambda g: groups[g][0].start)
        if m.place:
            same_place = [g for g in levelled if any(o.place.lower() == m.place.lower() for o in groups[g])]
            target = same_place[0] if same_place else (m.key, "", m.place.lower())
        else:
            placed = sorted((g for g in groups if g[0] == m.key), key=lambda g: (not g[1], groups[g][0].start))
            target = placed[0] if placed else (m.key, "", "")
        groups[target].append(m)
    return groups


def _head(text: str) -> str:
    """The start of the text where a report names itself: _SEARCH_CHARS, to the end of the
    sentence or line it cuts (a name cut inside "Huyện ủy" would read "Huyện" as a level)."""
    end = _END_OF_SENTENCE.search(text, _SEARCH_CHARS, _SEARCH_CHARS + 300)
    return text[: end.start() if end else _SEARCH_CHARS]


_END_OF_SENTENCE = regex.compile(r"[.;\n]")


def _addressed(text: str, pos: int) -> bool:
    """Whether `pos` is on a "Kính gửi:" line: the addressee, not the reporter."""
    line_start = text.rfind("\n", 0, pos) + 1
    return text[line_start:pos].lstrip().lower().startswith("kính gửi")


def _qualifier_keys(members: list[_Mention], rules: RuleSet) -> list[str]:
    keys = _compiled(rules.units, rules.version).keys
    return [keys[q] for q in (" ".join(m.qualifier.lower().split()) for m in members) if q in keys]


def _unit(name: str, kind: str, level: str, place: str, qualifiers: list[str], text: str, rules: RuleSet,
          source: str, province: str | None = None) -> Unit:
    units = rules.units
    implied = units.get("implied_levels", {})
    level = _level_key(level.lower()) if level else next(
        (implied[k] for k in [kind, *qualifiers] if k in implied), "")
    if not province:
        province = _province(level, place, text, rules)
    # Kinds and levels are closed vocabularies, folded plainly; places are open, kept whole.
    key = "|".join((_folded(kind), _folded(level), _ascii(place)))
    return Unit(name, key, level or None, place or None, province, source)


def _province(level: str, place: str, text: str, rules: RuleSet) -> str | None:
    """The province: the unit's own place at province level, else the first province the
    text names with its level ("tỉnh Quảng Trị"), else the gazetteer's only province with a
    district of that name."""
    if place and level in ("tỉnh", "thành phố") and province_name(place):
        return province_name(place)
    for m in _PROVINCE_MENTION.finditer(text[:_PROVINCE_CHARS]):
        words = m.group("name").split()
        for n in range(len(words), 1, -1):
            found = province_name(" ".join(words[:n]))
            if found:
                return found
    if place and level in ("huyện", "quận", "thị xã", "thành phố"):
        found = province_of_district(place)
        if found:
            return found
    return named_province(text[:_PROVINCE_CHARS])


_PROVINCE_MENTION = regex.compile(r"(?<![\p{L}])(?:tỉnh|TỈNH|Tỉnh)[ \t]+(?P<name>" + _PLACE + ")")


def _folded(value: str) -> str:
    """Lower case, no diacritics, no punctuation ("Sở/Nội vụ" is "so noi vu")."""
    folded = unicodedata.normalize("NFD", value.lower().replace("đ", "d"))
    return " ".join("".join(c if c.isalnum() else " " for c in folded if unicodedata.category(c) != "Mn").split())


def _ascii(value: str) -> str:
    """A key's part in ASCII without losing a letter: each word as Telex types it (vowel
    marks doubled or with w, the tone as a last letter), so "Thạnh" ("thanhj") and "Thanh"
    stay two places, and "Hoà" and "Hòa" are one word ("hoaf")."""
    words = []
    for word in regex.findall(r"[\p{L}\p{M}\d]+", unicodedata.normalize("NFD", value.lower())):
        letters: list[str] = []
        tone = ""
        for char in word:
            if char in _TONES:
                tone = _TONES[char]
            elif char == _CIRCUMFLEX and letters:
                letters.append(letters[-1])  # â ê ô: the vowel twice
            elif char in _HOOKS:
                letters.append("w")  # ă ơ ư
            elif char == "đ":
                letters.append("d")
                letters.append("d")
            elif char.isascii():
                letters.append(char)
        words.append("".join(letters) + tone)
    return " ".join(words)


# Combining marks in NFD: the tones, and the marks that make ă â ê ô ơ ư (Telex: aw aa ee oo ow uw).
_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_CIRCUMFLEX = "\u0302"
_HOOKS = frozenset({"\u0306", "\u031b"})


def _letterhead_unit(lines: tuple[str, ...], text: str, rules: RuleSet) -> Unit | None:
    """The issuing body of a letterhead's left column, completed by its parent.

    An office's reports share their letterhead: what it names is read once per process.
    """
    key = (rules.version, lines)
    if key not in _LETTERHEAD_UNITS:
        if len(_LETTERHEAD_UNITS) >= _LETTERHEAD_CACHE_SIZE:
            _LETTERHEAD_UNITS.clear()
        _LETTERHEAD_UNITS[key] = _issuing_body(lines, rules)
    found = _LETTERHEAD_UNITS[key]
    if found is None:
        return None
    name, kind, level, place, qualifiers, province = found
    return _unit(name, kind, level, place, qualifiers, text, rules, "letterhead", province)


_IssuingBody = tuple[str, str, str, str, list[str], "str | None"]
_LETTERHEAD_UNITS: dict[tuple[str, tuple[str, ...]], "_IssuingBody | None"] = {}
_LETTERHEAD_CACHE_SIZE = 4096


def _issuing_body(lines: tuple[str, ...], rules: RuleSet) -> _IssuingBody | None:
    """(name, kind, level, place, qualifier keys, province) of a letterhead's issuing body.

    The body is the last line that opens an organisation and the lines after it; the lines
    above are its parent. A body without a place takes its parent's: a board under a party
    committee is named with the committee, any other body with the parent's level and place.
    """
    compiled = _compiled(rules.units, rules.version)
    units = rules.units
    opens = [i for i, line in enumerate(lines) if compiled.opens_organisation.match(line)]
    if not opens:
        return None
    body = _display(compiled.leading_body.sub("", " ".join(lines[opens[-1]:]), count=1), rules)
    parent = _display(" ".join(lines[: opens[-1]]), rules)
    own = _mention_at_start(body, rules)
    if own:
        kind, level, place = own.key, own.level, own.place
    else:  # an organisation the vocabulary does not list: its level and place, if it names them
        at = compiled.level_place.search(body)
        kind = _ascii(body[: at.start()] if at else body)  # no vocabulary word: kept whole
        level, place = (at.group("level"), at.group("place")) if at else ("", "")
    ends_on_level = compiled.ends_with_level.search(body)
    if not level and ends_on_level:  # "Đảng ủy Khối các cơ quan tỉnh"
        level = ends_on_level.group().strip()
    qualifiers = [own.qualifier] if own and own.qualifier else []
    name = body
    up = _mention_at_start(parent, rules) if parent else None
    province = province_name(up.place) if up and up.place and up.level.lower() in ("tỉnh", "thành phố") else None
    under_committee = up is not None and up.key in units.get("party_committees", ())
    if place.isdigit() and up and up.place:  # "thôn 3" is known by its commune: "Chi bộ thôn 3 xã Tân Hòa"
        where = " ".join(p for p in (up.level.lower(), up.place) if p)
        name, place = f"{name} {where}", f"{place} {where}"
    elif not place and up and (up.place or (under_committee and not level)):
        if level:  # "Đảng ủy Khối các cơ quan tỉnh" under "Tỉnh ủy X": the place is X
            name = f"{name} {up.place}"
        elif under_committee:  # "HUYỆN ỦY (X) / BAN TUYÊN GIÁO": the committee's board, with or without its place
            name = f"{name} {parent[: up.end - up.start]}"
            qualifiers = [up.type_text]
        else:
            name = " ".join(p for p in (name, up.level.lower(), up.place) if p)
            level = up.level
        place = up.place
    keys = compiled.keys
    qualifier_keys = [keys[q] for q in (" ".join(q.lower().split()) for q in qualifiers) if q in keys]
    return name, kind, level, place, qualifier_keys, province


def _mention_at_start(text: str, rules: RuleSet) -> _Mention | None:
    found = _mentions(text, rules)
    return found[0] if found and found[0].start == 0 else None


def _display(name: str, rules: RuleSet) -> str:
    """A name in the case a sentence writes it: "HỘI CỰU CHIẾN BINH HUYỆN HÒA AN" is "Hội Cựu
    chiến binh huyện Hòa An". Known words take their vocabulary spelling; words after a level
    or an organisation are a place (each capitalised), words after a generic head or a long
    name a purpose (first capitalised after a head); abbreviations stay. Names not in
    capitals are kept as written."""
    name = " ".join(name.split())
    if any(c.islower() for c in name):
        return name
    compiled = _compiled(rules.units, rules.version)
    out: list[str] = []
    pos, mode = 0, "start"
    while pos < len(name):
        m = compiled.spelling.match(name, pos)
        if m:
            spelling = compiled.spellings[" ".join(m.group().lower().split())]
            out.append(spelling)
            mode = compiled.spelling_modes.get(spelling, "place")
            pos = m.end()
        else:
            end = name.find(" ", pos)
            end = len(name) if end < 0 else end
            word = name[pos:end]
            if not _VOWEL.search(unicodedata.normalize("NFD", word)):
                out.append(word)  # an abbreviation ("HTX", "THCS"): a name follows
                mode = "place"
            elif mode in ("start", "head", "place"):
                out.append(word.capitalize())
                mode = "purpose" if mode in ("start", "head") else mode
            else:
                out.append(word.lower())
            pos = end
        while pos < len(name) and name[pos] == " ":
            pos += 1
    return " ".join(out)


_VOWEL = regex.compile(r"[aeiouy]", regex.IGNORECASE)  # on decomposed letters: every syllable has one


def _fullest_name(members: list[_Mention]) -> tuple[str, str, str]:
    """The fullest name the mentions give, with its level and place."""
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
    level = longest(levels)
    parent = longest([m.parent for m in members if m.place == place])
    parts = [longest([m.type_text for m in named]), longest([m.qualifier for m in members]), level, place, parent]
    return " ".join(p for p in parts if p), level, place
