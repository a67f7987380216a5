"""The output contract: explicit pyarrow schemas, deterministic rows, atomic publishing.

`DIR/indicators/` (hive-partitioned by year), `DIR/documents.parquet`, `DIR/yearly.parquet`.
Documents stream through in input order and are written in batches, so memory does not
grow with the number of files. Everything goes to a staging folder beside DIR that is
swapped in at the end: a reader never sees a half-written table, and a killed run leaves
the previous output as it was.
"""
from __future__ import annotations

import os
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

SCHEMA_VERSION = "1"
_META = {"report_extract.schema_version": SCHEMA_VERSION}

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
], metadata=_META)

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
    pa.field("rules_version", pa.string()),
], metadata=_META)

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
], metadata=_META)

_PARTITIONING = ds.partitioning(pa.schema([pa.field("year", pa.int32())]), flavor="hive")
_BATCH_ROWS = 20_000  # indicator rows per record batch handed to the dataset writer
_BATCH_DOCS = 2_000  # document rows per row group of documents.parquet

# Widest span first: a unit's yearly report wins over its half-year one for the same year.
_SPAN_RANK = {"year": 0, "months": 1, "half_year": 2, "quarter": 3}

INDICATOR_COLUMNS = tuple(INDICATORS_SCHEMA.names)
# A document on its way to the tables: its documents row, and its indicator rows as tuples in
# INDICATOR_COLUMNS order (lighter than dicts to send between processes).
DocumentResult = tuple[dict[str, Any], list[tuple]]
_YEAR, _PERIOD, _UNIT, _INDICATOR, _VALUE, _NOUN, _PART_OF, _SOURCE = (
    INDICATOR_COLUMNS.index(c) for c in ("year", "period", "unit", "indicator", "value", "noun", "part_of", "source"))


def as_tuples(rows: list[dict[str, Any]]) -> list[tuple]:
    return [tuple(row[c] for c in INDICATOR_COLUMNS) for row in rows]


def unit_key(unit: str) -> str:
    """Unit names compared without case, diacritics and punctuation."""
    folded = unicodedata.normalize("NFD", unit.lower().replace("đ", "d"))
    letters = "".join(c if c.isalnum() else " " for c in folded if unicodedata.category(c) != "Mn")
    return " ".join(letters.split())


@dataclass
class _Cell:
    values: list[float] = field(default_factory=list)
    nouns: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    units: dict[str, int] = field(default_factory=dict)


class YearlyTable:
    """Builds the yearly table as documents stream past; memory grows with cells, not files.

    Per (year, unit, indicator), from the unit's widest-span reports of that year: parts of
    breakdowns are left out (their total counts), a figure repeated within a report
    (headline and body) counts once, and terms and multi-year spans are left out because
    their figures cover several years. `aggregate` (from rules/indicator_keys.yml) says how
    figures combine: sum, max, or none (value left empty; min/max still given).
    """

    def __init__(self, aggregates: dict[str, str]):
        self.aggregates = aggregates
        self.cells: dict[tuple[int, str, str, str], _Cell] = {}

    def add(self, rows: list[tuple]) -> None:
        seen: set[tuple[str, float, str]] = set()
        for r in rows:
            if r[_YEAR] is None or not r[_UNIT] or r[_PERIOD] not in _SPAN_RANK or r[_PART_OF] is not None:
                continue
            mention = (r[_INDICATOR], r[_VALUE], r[_NOUN])
            if mention in seen:
                continue
            seen.add(mention)
            cell = self.cells.setdefault((r[_YEAR], unit_key(r[_UNIT]), r[_PERIOD], r[_INDICATOR]), _Cell())
            cell.values.append(r[_VALUE])
            cell.nouns.add(r[_NOUN])
            cell.sources.add(r[_SOURCE])
            cell.units[r[_UNIT]] = cell.units.get(r[_UNIT], 0) + 1

    def rows(self) -> list[dict[str, Any]]:
        widest: dict[tuple[int, str], int] = {}
        for year, unit, span, _ in self.cells:
            widest[(year, unit)] = min(widest.get((year, unit), 99), _SPAN_RANK[span])
        out = []
        for (year, unit, span, indicator), cell in sorted(self.cells.items()):
            if _SPAN_RANK[span] != widest[(year, unit)]:
                continue
            how = self.aggregates.get(indicator, "sum")
            values = cell.values
            out.append({
                "year": year,
                "unit": max(cell.units, key=lambda u: (cell.units[u], len(u), u)),
                "indicator": indicator,
                "period": span,
                "aggregate": how,
                "value": sum(values) if how == "sum" else max(values) if how == "max" else None,
                "n_figures": len(values),
                "n_documents": len(cell.sources),
                "min_value": min(values),
                "max_value": max(values),
                "nouns": "; ".join(sorted(cell.nouns)),
                "sources": sorted(cell.sources),
            })
        return out


def write_outputs(out_dir: str | Path, results: Iterable[DocumentResult], aggregates: dict[str, str]) -> int:
    """Stream (document row, indicator rows) pairs into the three tables; publish atomically.

    Rows keep the order they arrive in (input order), so equal inputs give equal files.
    Returns the number of documents written.
    """
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = out_dir.parent / f".{out_dir.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        yearly = YearlyTable(aggregates)
        counter = {"documents": 0}
        with pq.ParquetWriter(staging / "documents.parquet", DOCUMENTS_SCHEMA) as documents:
            batches = _indicator_batches(results, documents, yearly, counter)
            ds.write_dataset(batches, staging / "indicators", schema=INDICATORS_SCHEMA, format="parquet",
                             partitioning=_PARTITIONING, basename_template="part-{i}.parquet",
                             preserve_order=True, use_threads=False, max_rows_per_file=2_000_000,
                             min_rows_per_group=10_000, max_rows_per_group=50_000,
                             existing_data_behavior="error")
        (staging / "indicators").mkdir(exist_ok=True)
        pq.write_table(pa.Table.from_pylist(yearly.rows(), schema=YEARLY_SCHEMA), staging / "yearly.parquet")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    publish(staging, out_dir)
    return counter["documents"]


def _indicator_batches(results: Iterable[DocumentResult], documents: pq.ParquetWriter, yearly: YearlyTable,
                       counter: dict[str, int]) -> Iterator[pa.RecordBatch]:
    doc_buffer: list[dict[str, Any]] = []
    row_buffer: list[tuple] = []
    for doc, rows in results:
        doc_buffer.append(doc)
        row_buffer.extend(rows)
        yearly.add(rows)
        counter["documents"] += 1
        if len(doc_buffer) >= _BATCH_DOCS:
            documents.write_table(pa.Table.from_pylist(doc_buffer, schema=DOCUMENTS_SCHEMA))
            doc_buffer.clear()
        if len(row_buffer) >= _BATCH_ROWS:
            yield _record_batch(row_buffer)
            row_buffer.clear()
    if doc_buffer:
        documents.write_table(pa.Table.from_pylist(doc_buffer, schema=DOCUMENTS_SCHEMA))
    if row_buffer:
        yield _record_batch(row_buffer)


def _record_batch(rows: list[tuple]) -> pa.RecordBatch:
    columns = zip(*rows)
    return pa.RecordBatch.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, INDICATORS_SCHEMA)],
                                      schema=INDICATORS_SCHEMA)


def publish(staging: Path, out_dir: Path) -> None:
    """Replace `out_dir` by `staging` with two renames; a crash in between is repaired next run."""
    previous = out_dir.parent / f".{out_dir.name}.previous"
    shutil.rmtree(previous, ignore_errors=True)
    if out_dir.exists():
        os.rename(out_dir, previous)
    os.rename(staging, out_dir)
    shutil.rmtree(previous, ignore_errors=True)


def recover(out_dir: str | Path) -> None:
    """Put back the previous output if a run died between the two renames of `publish`,
    and clear staging folders that killed runs left behind."""
    out_dir = Path(out_dir)
    previous = out_dir.parent / f".{out_dir.name}.previous"
    if not out_dir.exists() and previous.exists():
        os.rename(previous, out_dir)
    for stale in out_dir.parent.glob(f".{out_dir.name}.staging-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if not (pid.isdigit() and _alive(int(pid))):
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != os.getpid()


class PreviousOutput:
    """A published output read back, so unchanged documents are not extracted again.

    Each document's rows sit together in its year's partition, in input order, so they
    are read back by walking each partition once, in step with the inputs.
    """

    def __init__(self, out_dir: str | Path):
        out_dir = Path(out_dir)
        self.documents: dict[str, dict[str, Any]] = {}
        self._partitions: dict[Any, Iterator[dict[str, Any]]] = {}
        self._pending: dict[Any, dict[str, Any] | None] = {}
        documents = out_dir / "documents.parquet"
        if not documents.exists() or pq.read_schema(documents).metadata.get(b"report_extract.schema_version") \
                != SCHEMA_VERSION.encode():
            return
        self.documents = {d["source"]: d for d in pq.read_table(documents).to_pylist()}
        for part in sorted((out_dir / "indicators").glob("year=*")):
            year_text = part.name.split("=", 1)[1]
            year = int(year_text) if year_text.isdigit() else None
            self._partitions[year] = _rows_of(part, year)

    def reusable(self, source: str, sha256: str, rules_version: str, program_version: str) -> dict[str, Any] | None:
        doc = self.documents.get(source)
        if doc and doc["sha256"] == sha256 and doc["rules_version"] == rules_version \
                and doc["program_version"] == program_version:
            return doc
        return None

    def rows_for(self, doc: dict[str, Any]) -> list[tuple]:
        """The document's indicator rows; documents must be asked for in input order."""
        if not doc["n_quantities"]:
            return []
        year = doc["year"]
        rows = []
        if year not in self._partitions:
            return []
        pending = self._pending.get(year) or next(self._partitions[year], None)
        while pending is not None and pending[0] != doc["doc_id"]:
            pending = next(self._partitions[year], None)  # rows of a document not reused
        while pending is not None and pending[0] == doc["doc_id"]:
            rows.append(pending)
            pending = next(self._partitions[year], None)
        self._pending[year] = pending
        return rows


def _rows_of(partition: Path, year: int | None) -> Iterator[tuple]:
    """A partition's rows as INDICATOR_COLUMNS tuples (doc_id first), in file order."""
    files = sorted(partition.glob("part-*.parquet"), key=lambda p: int(p.stem.split("-")[1]))
    for path in files:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=10_000):
            columns = [batch.column(c).to_pylist() if c != "year" else [year] * batch.num_rows
                       for c in INDICATOR_COLUMNS]
            yield from zip(*columns)
