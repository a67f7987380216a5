"""The output contract: explicit pyarrow schemas, deterministic rows, atomic publishing.

`DIR/indicators/` (hive-partitioned by year), `DIR/documents.parquet`, `DIR/yearly.parquet`.
Everything is written to a staging folder beside DIR and swapped in at the end, so a
reader never sees a half-written table and a killed run leaves the previous output.
"""
from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

SCHEMA_VERSION = "1"

INDICATORS_SCHEMA = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("source", pa.string(), nullable=False),
    pa.field("year", pa.int32()),
    pa.field("period", pa.string()),
    pa.field("unit", pa.string()),
    pa.field("quantity_id", pa.string(), nullable=False),
    pa.field("indicator", pa.string(), nullable=False),
    pa.field("value", pa.float64(), nullable=False),
    pa.field("noun", pa.string(), nullable=False),
    pa.field("qualifier", pa.string(), nullable=False),
    pa.field("part_of", pa.string()),
    pa.field("parts_check", pa.string()),
    pa.field("text", pa.string(), nullable=False),
    pa.field("start", pa.int64(), nullable=False),
    pa.field("end", pa.int64(), nullable=False),
    pa.field("sentence", pa.string()),
    pa.field("rule", pa.string()),
], metadata={"report_extract.schema_version": SCHEMA_VERSION})

DOCUMENTS_SCHEMA = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("source", pa.string(), nullable=False),
    pa.field("format", pa.string()),
    pa.field("encoding", pa.string()),
    pa.field("sha256", pa.string()),
    pa.field("bytes", pa.int64()),
    pa.field("year", pa.int32()),
    pa.field("period", pa.string()),
    pa.field("unit", pa.string()),
    pa.field("n_quantities", pa.int32()),
    pa.field("status", pa.string(), nullable=False),
    pa.field("error", pa.string()),
    pa.field("program_version", pa.string()),
], metadata={"report_extract.schema_version": SCHEMA_VERSION})

YEARLY_SCHEMA = pa.schema([
    pa.field("year", pa.int32(), nullable=False),
    pa.field("unit", pa.string(), nullable=False),
    pa.field("indicator", pa.string(), nullable=False),
    pa.field("period", pa.string()),
    pa.field("aggregate", pa.string()),
    pa.field("value", pa.float64()),
    pa.field("n_figures", pa.int32()),
    pa.field("n_documents", pa.int32()),
    pa.field("min_value", pa.float64()),
    pa.field("max_value", pa.float64()),
    pa.field("nouns", pa.string()),
    pa.field("sources", pa.list_(pa.string())),
], metadata={"report_extract.schema_version": SCHEMA_VERSION})

# Widest span first: a unit's yearly report wins over its half-year one for the same year.
_SPAN_RANK = {"year": 0, "months": 1, "half_year": 2, "quarter": 3}


def unit_key(unit: str) -> str:
    """Unit names compared without case, diacritics and punctuation."""
    folded = unicodedata.normalize("NFD", unit.lower().replace("đ", "d"))
    letters = "".join(c if c.isalnum() else " " for c in folded if unicodedata.category(c) != "Mn")
    return " ".join(letters.split())


def yearly_rows(indicator_rows: list[dict[str, Any]], aggregates: dict[str, str]) -> list[dict[str, Any]]:
    """One row per (year, unit, indicator) from each unit's widest-span reports.

    Parts of breakdowns are left out (their total is counted), a figure repeated within a
    report (headline and body) counts once, and terms and multi-year spans are left out:
    their figures cover several years.
    """
    by_doc_unit: dict[tuple[int, str], dict[str, str]] = {}
    for r in indicator_rows:
        if r["year"] is None or not r["unit"] or r["period"] not in _SPAN_RANK:
            continue
        by_doc_unit.setdefault((r["year"], unit_key(r["unit"])), {})[r["doc_id"]] = r["period"]
    keep_docs = set()
    for spans in by_doc_unit.values():
        widest = min(_SPAN_RANK[s] for s in spans.values())
        keep_docs.update(d for d, s in spans.items() if _SPAN_RANK[s] == widest)
    cells: dict[tuple[int, str, str], dict[str, Any]] = {}
    seen_in_doc: set[tuple[str, str, float, str]] = set()
    for r in indicator_rows:
        if r["doc_id"] not in keep_docs or r["part_of"] is not None:
            continue
        mention = (r["doc_id"], r["indicator"], r["value"], r["noun"])
        if mention in seen_in_doc:
            continue
        seen_in_doc.add(mention)
        key = (r["year"], unit_key(r["unit"]), r["indicator"])
        cell = cells.setdefault(key, {"values": [], "nouns": set(), "sources": set(), "units": [],
                                      "period": r["period"]})
        cell["values"].append(r["value"])
        cell["nouns"].add(r["noun"])
        cell["sources"].add(r["source"])
        cell["units"].append(r["unit"])
    rows = []
    for (year, _, indicator), cell in sorted(cells.items()):
        values = cell["values"]
        how = aggregates.get(indicator, "sum")
        value = sum(values) if how == "sum" else max(values) if how == "max" else None
        rows.append({
            "year": year,
            "unit": max(set(cell["units"]), key=lambda u: (cell["units"].count(u), len(u), u)),
            "indicator": indicator,
            "period": cell["period"],
            "aggregate": how,
            "value": value,
            "n_figures": len(values),
            "n_documents": len(cell["sources"]),
            "min_value": min(values),
            "max_value": max(values),
            "nouns": "; ".join(sorted(cell["nouns"])),
            "sources": sorted(cell["sources"]),
        })
    return rows


def _table(rows: Iterable[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=schema)


def _sorted_indicators(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (r["year"] is None, r["year"] or 0, r["source"], r["start"], r["quantity_id"]))


def write_outputs(out_dir: str | Path, documents: list[dict[str, Any]], indicators: list[dict[str, Any]],
                  aggregates: dict[str, str]) -> None:
    """Write the three tables into a staging folder, then swap it in for `out_dir`."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = out_dir.parent / f".{out_dir.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    indicators = _sorted_indicators(indicators)
    documents = sorted(documents, key=lambda r: r["source"])
    ds.write_dataset(
        _table(indicators, INDICATORS_SCHEMA), staging / "indicators", format="parquet",
        partitioning=ds.partitioning(pa.schema([pa.field("year", pa.int32())]), flavor="hive"),
        existing_data_behavior="overwrite_or_ignore", basename_template="part-{i}.parquet",
        preserve_order=True,
    )
    (staging / "indicators").mkdir(exist_ok=True)
    pq.write_table(_table(documents, DOCUMENTS_SCHEMA), staging / "documents.parquet")
    pq.write_table(_table(yearly_rows(indicators, aggregates), YEARLY_SCHEMA), staging / "yearly.parquet")
    publish(staging, out_dir)


def publish(staging: Path, out_dir: Path) -> None:
    """Replace `out_dir` by `staging` with two renames; a crash in between is repaired next run."""
    previous = out_dir.parent / f".{out_dir.name}.previous"
    shutil.rmtree(previous, ignore_errors=True)
    if out_dir.exists():
        os.rename(out_dir, previous)
    os.rename(staging, out_dir)
    shutil.rmtree(previous, ignore_errors=True)


def recover(out_dir: str | Path) -> None:
    """Put back the previous output if a run died between the two renames of `publish`."""
    out_dir = Path(out_dir)
    previous = out_dir.parent / f".{out_dir.name}.previous"
    if not out_dir.exists() and previous.exists():
        os.rename(previous, out_dir)
    for stale in out_dir.parent.glob(f".{out_dir.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
