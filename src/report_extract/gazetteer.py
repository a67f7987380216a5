"""Place names of Vietnam's administrative units, before and after the 2025 reorganisation.

The names come from a maintained package, vietnamadminunits (MIT): its data files hold the
63 provinces with their districts and communes as they were until 30 June 2025, and the 34
provinces with their communes from 1 July 2025, offline. vietnam-provinces, the other
candidate, holds only the post-2025 units, so it would not know the districts (huyện) that
reports before 2025 are written by. Only the data files are read: the package's own parsers
pull in geometry libraries a worker has no use for.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import regex

_DATA_FILES = ("parser_legacy.json", "parser_from_2025.json")
_NAME_KEYS = ("provinceShort", "districtShort", "wardShort")


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every province, district and commune name without its kind ("Vĩnh Cửu", "Lê Lợi"),
    in lower case, NFC."""
    names: set[str] = set()
    for file_name in _DATA_FILES:
        _collect(_data(file_name), names)
    return frozenset(names)


def _collect(node: Any, names: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _NAME_KEYS and isinstance(value, str):
                names.add(unicodedata.normalize("NFC", value).lower())
            else:
                _collect(value, names)
    elif isinstance(node, list):
        for value in node:
            _collect(value, names)


def known_place(words: list[str]) -> list[str]:
    """The longest leading run of two or more `words` that names a known place; `words` as
    they are when none does (a commune the data lacks keeps its name). A single word is never
    taken for the place: too many one-syllable names exist ("Lâm", "Thuận") to cut a longer
    name the data lacks down to its first word."""
    names = place_names()
    for n in range(len(words), 1, -1):
        if " ".join(words[:n]).lower() in names:
            return words[:n]
    return words


@functools.lru_cache(maxsize=1)
def _provinces() -> tuple[dict[str, str], dict[str, frozenset[str]], dict[str, str]]:
    """(province name in lower case → its written form, district name in lower case → the
    provinces that have a district of that name, province → its level: "tỉnh" or "thành
    phố"), from both data files."""
    provinces: dict[str, str] = {}
    levels: dict[str, str] = {}
    districts: dict[str, set[str]] = {}
    for file_name in _DATA_FILES:
        data = _data(file_name)
        keys = {}
        for key, info in data.get("DICT_PROVINCE", {}).items():
            name = unicodedata.normalize("NFC", info["provinceShort"])
            provinces[name.lower()] = name
            levels[name] = "thành phố" if info["province"].lower().startswith("thành phố") else "tỉnh"
            keys[key] = name
        for key, units in data.get("DICT_PROVINCE_DISTRICT", {}).items():
            for info in units.values():
                district = unicodedata.normalize("NFC", info["districtShort"]).lower()
                districts.setdefault(district, set()).add(keys[key])
    return provinces, {name: frozenset(found) for name, found in districts.items()}, levels


def _data(file_name: str) -> dict[str, Any]:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("vietnamadminunits is not installed: pip install -e . installs it")
    with open(Path(next(iter(spec.submodule_search_locations))) / "data" / file_name, encoding="utf-8") as fh:
        return json.load(fh)


def province_name(name: str) -> str | None:
    """The written form of a province (or centrally governed city) `name`, None when it is none."""
    return _provinces()[0].get(name.lower())


def province_of_district(name: str) -> str | None:
    """The province of a district (huyện, quận, thị xã, thành phố before 2025) when only one
    province has a district of that name; None when none or several do."""
    found = _provinces()[1].get(name.lower(), frozenset())
    return next(iter(found)) if len(found) == 1 else None


def province_level(name: str) -> str:
    """"thành phố" for a centrally governed city (Hà Nội, Huế …), else "tỉnh"."""
    return _provinces()[2].get(name, "tỉnh")


@functools.lru_cache(maxsize=1)
def _province_pattern() -> regex.Pattern:
    names = sorted(set(_provinces()[0].values()), key=len, reverse=True)
    spaced = [name for name in names if " - " in name]  # "Bà Rịa - Vũng Tàu" is also written "Bà Rịa-Vũng Tàu"
    hyphened = "|".join(regex.escape(name).replace(r"\ \-\ ", r"[ \t]*-[ \t]*") for name in spaced)
    return regex.compile(rf"(?<![\p{{L}}])(?:{hyphened}|\L<names>)(?![\p{{L}}])", names=names)


# A province named after a person counts only as a city ("TP. Hồ Chí Minh", not "tư tưởng Hồ
# Chí Minh", "Đoàn TNCS Hồ Chí Minh").
_ALSO_A_PERSON = frozenset({"Hồ Chí Minh"})
_CITY_BEFORE = regex.compile(r"(?:(?i:thành phố)|TP\.?|Tp\.?)[ \t]*$", regex.REVERSE)


@functools.lru_cache(maxsize=1)
def _first_syllables() -> tuple[str, ...]:
    return tuple(sorted({name.split()[0] for name in _provinces()[0].values()}))


def _syllable_positions(text: str) -> list[int]:
    """Where a province name may start: each first syllable found by str.find (a few C-level
    scans instead of trying a pattern at every character), at the start of a word."""
    positions = set()
    for syllable in _first_syllables():
        at = text.find(syllable)
        while at >= 0:
            if at == 0 or not text[at - 1].isalpha():
                positions.add(at)
            at = text.find(syllable, at + 1)
    return sorted(positions)


def named_province(text: str) -> str | None:
    """The province a text is about when it names one without its level ("Điện Biên TV - Chiều
    19/7, Sở Tư pháp …"): the only province it names, or the one it names most, at least twice."""
    pattern = _province_pattern()
    found = (pattern.match(text, at) for at in _syllable_positions(text))
    counts = Counter(" - ".join(part.strip() for part in m.group().split("-")) if "-" in m.group() else m.group()
                     for m in found
                     if m and (m.group() not in _ALSO_A_PERSON or _CITY_BEFORE.search(text, 0, m.start())))
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2)
    return best if not rest or (n >= 2 and n > rest[0][1]) else None
