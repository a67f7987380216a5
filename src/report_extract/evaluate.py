"""Score extracted quantities against gold files, exactly as shared/corpus/score.py does.

Matching (ANNOTATION.md, Scoring): same document (file name without extension), equal
values (relative tolerance 1e-6) and the same first syllable of the noun; each gold
quantity matches at most one prediction (`_pair`); unit names compare after expanding
abbreviations (`unit_words`). Then indicator, qualifier and part_of agreement
over the matched pairs, and year and unit accuracy per document.

One figure more than the reference scorer: `cells_acc`, the share of the gold's (document,
indicator) cells for which the figures outside breakdowns (those the yearly table holds) are
the gold's set.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

_STEM = re.compile(r"\.(gold\.json|txt|md|docx|pdf|html?|json)$", re.I)
DOC_COLUMNS = ("source", "source_path", "path", "doc", "file", "document", "doc_id")


def _nfc(s: Any) -> str:
    return unicodedata.normalize("NFC", str(s or "")).strip()


def stem(name: str) -> str:
    return _STEM.sub("", os.path.basename(str(name)))


def noun_head(noun: Any) -> str:
    """First syllable of a noun, split on spaces, '/' and punctuation; '%' for percentages."""
    n = _nfc(noun).lower()
    if not n:
        return ""
    if n.startswith("%") or n == "phần trăm":
        return "%"
    return next((x for x in re.split(r"[\s/,;:.()]+", n) if x), "")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFD", _nfc(s).lower().replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", re.sub(r"[^\w ]", " ", s)).strip()


# Abbreviations of organisation names, expanded on both sides before units are compared
# (folded form), as the reference scorer and ANNOTATION.md ("Scoring") define them.
UNIT_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc", "ubmttqvn": "uy ban mat tran to quoc viet nam",
    "lhpn": "lien hiep phu nu", "hlhpn": "hoi lien hiep phu nu", "ldld": "lien doan lao dong",
    "ccb": "cuu chien binh", "hnd": "hoi nong dan", "nct": "nguoi cao tuoi", "ctd": "chu thap do",
    "ubkt": "uy ban kiem tra", "btg": "ban tuyen giao", "bdv": "ban dan van", "bch": "ban chap hanh",
    "btv": "ban thuong vu", "tncs": "thanh nien cong san", "dtn": "doan thanh nien",
    "htx": "hop tac xa", "thpt": "trung hoc pho thong", "thcs": "trung hoc co so",
    "tp": "thanh pho", "tx": "thi xa", "tt": "thi tran",
    "gd dt": "giao duc va dao tao", "gddt": "giao duc va dao tao", "tt tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong", "vh tt": "van hoa thong tin", "vhtt": "van hoa thong tin",
    "pt th": "phat thanh truyen hinh", "ptth": "phat thanh truyen hinh", "ttth": "truyen thanh truyen hinh",
    "bhxh": "bao hiem xa hoi", "ld tb xh": "lao dong thuong binh va xa hoi",
    "ldtbxh": "lao dong thuong binh va xa hoi",
}
_ABBREVIATION = re.compile(r"\b(" + "|".join(sorted(map(re.escape, UNIT_ABBREVIATIONS), key=len, reverse=True))
                           + r")\b")
# "GD&ĐT", "VH-TT", "LĐ-TB&XH" fold to words apart ("gd dt"); joined, they are one abbreviation.
_SPLIT_ABBREVIATION = re.compile(r"\b(gd) (dt)\b|\b(tt) (tt)\b|\b(vh) (tt)\b|\b(pt) (th)\b|\b(ld) (tb) (xh)\b")
# The leading bodies of an organisation name it too ("Ban Chấp hành Đảng bộ xã X" is "Đảng bộ
# xã X"), and a party committee "Huyện ủy X" (or "Đảng ủy X") is "Đảng bộ huyện X".
_LEADING_BODY = re.compile(r"^(ban chap hanh|ban thuong vu|thuong truc|ban thuong truc) ")
_COMMITTEE = re.compile(r"\b(tinh|huyen|thanh|quan|thi) uy\b")


def unit_words(name: str) -> list[str]:
    """The words a unit name is compared by: folded, abbreviations expanded, its
    parenthesised abbreviation and leading body dropped, a party committee read as its Đảng bộ."""
    folded = _fold(re.sub(r"\([^)]*\)", " ", _nfc(name)))
    folded = _SPLIT_ABBREVIATION.sub(lambda m: " ".join(part for part in m.groups() if part), folded)
    folded = _ABBREVIATION.sub(lambda m: UNIT_ABBREVIATIONS[m.group(1)], folded)
    folded = _LEADING_BODY.sub("", folded)
    folded = _COMMITTEE.sub(lambda m: "dang bo " + ("thanh pho" if m.group(1) == "thanh" else m.group(1)), folded)
    return re.sub(r"\bdang uy\b", "dang bo", folded).split()


def unit_match(gold: str, pred: str) -> bool:
    """Word-level F1 of the two names' `unit_words` is at least 0.8."""
    g, p = unit_words(gold), unit_words(pred)
    if not g or not p:
        return False
    common = sum(min(g.count(w), p.count(w)) for w in set(g))
    prec, rec = common / len(p), common / len(g)
    return prec + rec > 0 and 2 * prec * rec / (prec + rec) >= 0.8


def _same_value(a: Any, b: Any) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _doc_key(row: dict[str, Any]) -> str:
    for column in DOC_COLUMNS:
        if row.get(column):
            return stem(row[column])
    raise ValueError(f"prediction row has no document column ({', '.join(DOC_COLUMNS)})")


def _disagreements(doc: str, gold: dict[str, Any], pred: dict[str, Any]) -> list[dict[str, Any]]:
    """Where a matched prediction is filed, hedged or linked otherwise than its gold
    quantity: what the agreement figures count (defined here once), listed so that a rule
    can be fixed."""
    fields = []
    if pred.get("indicator") != gold.get("indicator"):
        fields.append(("indicator", gold.get("indicator"), pred.get("indicator")))
    if (pred.get("qualifier") or "exact") != (gold.get("qualifier") or "exact"):
        fields.append(("qualifier", gold.get("qualifier") or "exact", pred.get("qualifier") or "exact"))
    if gold.get("part_of") and not pred.get("part_of"):
        fields.append(("part_of", gold["part_of"], None))
    return [{"doc": doc, "text": gold.get("text"), "field": field, "gold": gold_value, "pred": pred_value,
             "rule": pred.get("rule")} for field, gold_value, pred_value in fields]


def _pair(q: dict[str, Any], candidates: list[dict[str, Any]], used: list[bool]) -> int | None:
    """The prediction a gold quantity pairs with: among unused ones of the same value and noun
    head, the first in document order with the same whole noun and evidence text, else the
    first with the same noun, else the first at all (repeated figures pair up in order)."""
    best, best_rank = None, -1
    for i, p in enumerate(candidates):
        if used[i] or not _same_value(q["value"], p.get("value")) or noun_head(q["noun"]) != noun_head(p.get("noun")):
            continue
        rank = 2 * (_nfc(p.get("noun")).lower() == _nfc(q["noun"]).lower()) + (
            bool(q.get("text")) and _nfc(p.get("text")) == _nfc(q.get("text")))
        if rank > best_rank:
            best, best_rank = i, rank
    return best


def _cells(quantities: Iterable[dict[str, Any]]) -> dict[str, set[float]]:
    """A report's figures outside breakdowns per indicator, as the yearly table reads them
    (a figure told twice counts once)."""
    cells: dict[str, set[float]] = defaultdict(set)
    for q in quantities:
        if not q.get("part_of") and q.get("value") is not None:
            cells[q.get("indicator") or "other"].add(float(f"{float(q['value']):.9g}"))
    return cells


def _cells_agreeing(gold: dict[str, set[float]], pred: dict[str, set[float]]) -> tuple[int, int]:
    """The gold's cells that have the gold's set of figures, and the gold's cells."""
    return sum(figures == pred.get(k) for k, figures in gold.items()), len(gold)


def load_gold(gold_dir: str | Path) -> dict[str, dict[str, Any]]:
    golds = {}
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        with path.open(encoding="utf-8") as fh:
            golds[stem(path.name)] = json.load(fh)
    return golds


def score(golds: dict[str, dict[str, Any]], pred_rows: Iterable[dict[str, Any]],
          doc_rows: Iterable[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Precision, recall, F1, agreement figures, and the misses and false positives."""
    preds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in pred_rows:
        key = _doc_key(row)
        if key in golds:
            preds[key].append(row)
    tp = fp = fn = 0
    ind_ok = qual_ok = part_ok = part_n = 0
    misses: list[dict[str, Any]] = []
    extras: list[dict[str, Any]] = []
    disagreements: list[dict[str, Any]] = []
    per_doc: dict[str, dict[str, int]] = {}
    cells_ok = cells_n = 0
    for key, gold in golds.items():
        agreeing, cells = _cells_agreeing(_cells(gold["quantities"]), _cells(preds.get(key, [])))
        cells_ok += agreeing
        cells_n += cells
        candidates = list(preds.get(key, []))
        used = [False] * len(candidates)
        doc_tp = 0
        for q in gold["quantities"]:
            best = _pair(q, candidates, used)
            if best is None:
                fn += 1
                misses.append({"doc": key, "text": q.get("text"), "value": q["value"], "noun": q["noun"]})
                continue
            used[best] = True
            doc_tp += 1
            differing = _disagreements(key, q, candidates[best])
            disagreements.extend(differing)
            fields = {d["field"] for d in differing}
            ind_ok += "indicator" not in fields
            qual_ok += "qualifier" not in fields
            if q.get("part_of"):
                part_n += 1
                part_ok += "part_of" not in fields
        tp += doc_tp
        doc_fp = used.count(False)
        fp += doc_fp
        extras.extend({"doc": key, "text": p.get("text"), "value": p.get("value"), "noun": p.get("noun")}
                      for i, p in enumerate(candidates) if not used[i])
        per_doc[key] = {"tp": doc_tp, "fp": doc_fp, "fn": len(gold["quantities"]) - doc_tp}
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result: dict[str, Any] = {
        "docs": len(golds), "gold": tp + fn, "pred": tp + fp, "tp": tp,
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
        "indicator_acc": round(ind_ok / tp, 4) if tp else 0.0,
        "qualifier_acc": round(qual_ok / tp, 4) if tp else 0.0,
        "part_of_recall": round(part_ok / part_n, 4) if part_n else None,
        "cells_acc": round(cells_ok / cells_n, 4) if cells_n else None,
    }
    if doc_rows is not None:
        by_doc = {_doc_key(r): r for r in doc_rows}
        year_ok = unit_ok = 0
        wrong_docs = []
        for key, gold in golds.items():
            row = by_doc.get(key, {})
            try:
                y_ok = int(row.get("year") or -1) == int(gold["period"]["year"])
            except (TypeError, ValueError):
                y_ok = False
            u_ok = unit_match(gold.get("unit", ""), row.get("unit") or "")
            year_ok += y_ok
            unit_ok += u_ok
            if not (y_ok and u_ok):
                wrong_docs.append({"doc": key, "year": row.get("year"), "gold_year": gold["period"]["year"],
                                   "unit": row.get("unit"), "gold_unit": gold.get("unit")})
        result["year_acc"] = round(year_ok / len(golds), 4) if golds else 0.0
        result["unit_acc"] = round(unit_ok / len(golds), 4) if golds else 0.0
        result["wrong_documents"] = wrong_docs
    result["misses"] = misses
    result["extras"] = extras
    result["disagreements"] = disagreements
    result["per_doc"] = per_doc
    return result
