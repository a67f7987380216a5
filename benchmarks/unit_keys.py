"""How well unit keys join: one unit written two ways gets one key, two units never share one.

For every gold unit of the given folders (NAME.gold.json files), each other spelling of its
organisation in rules/units.yml is put in its place ("Hội LHPN" / "Hội Liên hiệp Phụ nữ" /
"Hội Phụ nữ"; "TP" / "thành phố"), and the name is also written as a letterhead writes it
(in capitals). Each spelling is read in a sentence of its own and its key compared with the
key of the gold spelling. Then every pair of gold units that the scorer's name matching calls
different is checked for a shared key.

    python benchmarks/unit_keys.py ../shared/corpus/dev samples tests/corpus
"""
from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import regex

from report_extract.api import extract_text
from report_extract.evaluate import unit_match
from report_extract.rules import load_rules


def _spellings(unit: str, organisations: dict[str, list[str]]) -> list[str]:
    """The unit with each other spelling of its organisation and level."""
    found = []
    for spellings in organisations.values():
        for spelling in sorted(spellings, key=len, reverse=True):
            m = regex.search(rf"(?i)(?<![\p{{L}}]){regex.escape(spelling)}(?![\p{{L}}])", unit)
            if m:
                found += [unit[: m.start()] + other + unit[m.end():] for other in spellings if other != spelling]
                break
    for short, full in (("TP ", "thành phố "), ("thành phố ", "TP ")):
        if short in unit:
            found.append(unit.replace(short, full))
    return found


def _key(name: str, rules) -> str | None:
    unit = extract_text(f"{name} tổ chức hội nghị tổng kết công tác năm 2023.", rules).unit
    return unit.key if unit else None


def _letterhead_key(name: str, rules) -> str | None:
    text = f"{name.upper()}\nSố: 12-BC/HU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO\nTổng kết công tác năm 2023\n"
    unit = extract_text(text, rules).unit
    return unit.key if unit else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    rules = load_rules()
    organisations = rules.units["organisations"]
    units = sorted({json.loads(p.read_text(encoding="utf-8")).get("unit") or ""
                    for folder in args.folders for p in folder.glob("*.gold.json")} - {""})
    keys = {unit: _key(unit, rules) for unit in units}
    same = tried = 0
    misses = []
    for unit in units:
        for variant in _spellings(unit, organisations) + ["LETTERHEAD"]:
            key = _letterhead_key(unit, rules) if variant == "LETTERHEAD" else _key(variant, rules)
            tried += 1
            same += key == keys[unit] and key is not None
            if key != keys[unit] or key is None:
                misses.append((unit, variant, keys[unit], key))
    different = [(a, b) for a, b in itertools.combinations(units, 2) if not unit_match(a, b)]
    shared = [(a, b) for a, b in different if keys[a] and keys[a] == keys[b]]
    print(f"units {len(units)}  spellings tried {tried}  same key {same / tried:.4f}")
    share = len(shared) / len(different)
    print(f"pairs of different units {len(different)}  sharing a key {len(shared)} ({share:.4%})")
    for miss in misses[:15]:
        print("  other key:", miss)
    for pair in shared[:10]:
        print("  shared:", pair, keys[pair[0]])


if __name__ == "__main__":
    main()
