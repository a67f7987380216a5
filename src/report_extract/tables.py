"""Writing the tables: deterministic rows, bounded buffers.

Documents stream through in input order and are written in batches, so memory does not
grow with the number of files. A run writes into its staging folder (`publish`), which is
swapped in for the output only once every table is complete.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from .schema import (DOCUMENTS_SCHEMA, INDICATOR_COLUMNS, INDICATORS_SCHEMA, SCHEMA_VERSION, YEARLY_SCHEMA,
                     DocumentResult)
from .yearly import yearly_tables

_BATCH_ROWS = 20_000  # indicator rows held in memory before they are written
_BATCH_DOCS = 2_000  # document rows per row group of documents.parquet
# The columns of a partition's files: `year` is in the folder name.
PARTITION_SCHEMA = INDICATORS_SCHEMA.remove(INDICATORS_SCHEMA.get_field_index("year"))


def write_outputs(folder: str | Path, results: Iterable[DocumentResult], aggregates: dict[str, str],
                  threads: int = 1) -> int:
    """Stream (document row, indicator rows) pairs into the three tables in `folder`.

    Rows keep the order they arrive in (input order), so equal inputs give equal files.
    The yearly table is computed with `threads` threads. Returns the number of documents written.
    """
    _return_freed_memory()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    n_documents = 0
    with pq.ParquetWriter(folder / "documents.parquet", DOCUMENTS_SCHEMA) as documents, \
            _PartitionedWriter(folder / "indicators") as indicators:
        doc_buffer: list[dict[str, Any]] = []
        for doc, rows in results:
            doc_buffer.append(doc)
            indicators.add(doc["year"], rows)
            n_documents += 1
            if len(doc_buffer) >= _BATCH_DOCS:
                documents.write_table(pa.Table.from_pylist(doc_buffer, schema=DOCUMENTS_SCHEMA))
                doc_buffer.clear()
        if doc_buffer:
            documents.write_table(pa.Table.from_pylist(doc_buffer, schema=DOCUMENTS_SCHEMA))
    with pq.ParquetWriter(folder / "yearly.parquet", YEARLY_SCHEMA) as yearly:
        for table in yearly_tables(folder / "indicators", aggregates, threads):
            yearly.write_table(table)
    return n_documents


def _return_freed_memory() -> None:
    """Have Arrow's jemalloc pool (when it is the one in use) release freed pages at once:
    a run's peak is then its live data, not what earlier batches left behind."""
    if pa.default_memory_pool().backend_name == "jemalloc":
        pa.jemalloc_set_decay_ms(0)


class _PartitionedWriter:
    """Hive partitions by year, one Parquet file each, written a row group at a time.

    Rows wait in buffers holding at most _BATCH_ROWS rows in all, so memory stays flat
    however many documents and years stream through; `year` lives in the folder name.
    A document's rows come as tuples (just extracted) or as an Arrow table (read back from
    the previous output, `PreviousOutput.rows_for`), which is written as it is.
    """

    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir()
        self.schema = PARTITION_SCHEMA
        self.columns = [i for i, name in enumerate(INDICATOR_COLUMNS) if name != "year"]
        self.buffers: dict[int | None, list[list[tuple] | pa.Table]] = {}
        self.buffered = 0
        self.writers: dict[int | None, pq.ParquetWriter] = {}

    def add(self, year: int | None, rows: list[tuple] | pa.Table) -> None:
        if not len(rows):
            return
        self.buffers.setdefault(year, []).append(rows)
        self.buffered += len(rows)
        if self.buffered >= _BATCH_ROWS:
            for buffered_year in list(self.buffers):
                self._flush(buffered_year)
            self.buffered = 0

    def _flush(self, year: int | None) -> None:
        pieces = self.buffers.pop(year, [])
        if not pieces:
            return
        if year not in self.writers:
            folder = self.root / f"year={year if year is not None else '__HIVE_DEFAULT_PARTITION__'}"
            folder.mkdir()
            self.writers[year] = pq.ParquetWriter(folder / "part-0.parquet", self.schema)
        tables, extracted = [], []
        for piece in pieces:  # runs of extracted rows become one table each, in order
            if isinstance(piece, pa.Table):
                if extracted:
                    tables.append(self._table(extracted))
                    extracted = []
                tables.append(piece)
            else:
                extracted.extend(piece)
        if extracted:
            tables.append(self._table(extracted))
        # One chunk per column, as when every row was extracted: a rerun writes the same bytes.
        self.writers[year].write_table(pa.concat_tables(tables).combine_chunks())

    def _table(self, rows: list[tuple]) -> pa.Table:
        columns = list(zip(*rows))
        arrays = [pa.array(columns[i], type=INDICATORS_SCHEMA.field(i).type) for i in self.columns]
        return pa.Table.from_arrays(arrays, schema=self.schema)

    def __enter__(self) -> "_PartitionedWriter":
        return self

    def __exit__(self, *exc) -> None:
        for year in list(self.buffers):
            self._flush(year)
        for writer in self.writers.values():
            writer.close()


class UnreadablePreviousOutput(Exception):
    """Rows of the previous output could not be read back; the run must extract everything."""


class PreviousOutput:
    """A published output read back, so unchanged documents are not extracted again.

    Each document's rows sit together in its year's partition, in input order, so they
    are read back by walking each partition once, in step with the inputs. An output that
    cannot be read (damaged, from another schema) reuses nothing: `problem` says why.
    """

    def __init__(self, out_dir: str | Path):
        out_dir = Path(out_dir)
        self.documents: dict[str, dict[str, Any]] = {}
        self._partitions: dict[int | None, _PartitionCursor] = {}
        self.problem: str | None = None
        documents = out_dir / "documents.parquet"
        if not documents.exists():
            return
        try:
            metadata = pq.read_schema(documents).metadata or {}
            if metadata.get(b"report_extract.schema_version") != SCHEMA_VERSION.encode():
                return
            self.documents = {d["source"]: d for d in pq.read_table(documents).to_pylist()}
            for part in sorted((out_dir / "indicators").glob("year=*")):
                year_text = part.name.split("=", 1)[1]
                self._partitions[int(year_text) if year_text.isdigit() else None] = _PartitionCursor(part)
        except (OSError, pa.ArrowException, ValueError, KeyError) as exc:
            self.documents, self._partitions = {}, {}
            self.problem = f"the previous output in {out_dir} could not be read ({exc}); every file is extracted again"

    def reusable(self, source: str, size: int, sha256: Callable[[], str], rules_version: str,
                 program_version: str) -> dict[str, Any] | None:
        """The published row of `source` if its content, rules and program are unchanged.

        `sha256` is asked for only when all else matches: a new file, a file of another
        size or a run under other rules is not read twice."""
        doc = self.documents.get(source)
        if doc and doc["bytes"] == size and doc["rules_version"] == rules_version \
                and doc["program_version"] == program_version and doc["sha256"] == sha256():
            return doc
        return None

    def rows_for(self, doc: dict[str, Any]) -> pa.Table | list:
        """The document's indicator rows, as Arrow (they go back to Parquet as they are:
        no round trip through Python objects); documents must be asked for in input order."""
        if not doc["n_quantities"]:
            return []
        cursor = self._partitions.get(doc["year"])
        try:
            rows = cursor.take(doc["doc_id"]) if cursor else []
        except (OSError, pa.ArrowException, ValueError) as exc:
            raise UnreadablePreviousOutput(str(exc)) from None
        if len(rows) != doc["n_quantities"]:
            raise UnreadablePreviousOutput(f"{doc['source']}: {len(rows)} rows where {doc['n_quantities']} were written")
        return rows


class _PartitionCursor:
    """Walks a partition's rows once, in file order, handing out each document's run of rows."""

    def __init__(self, partition: Path):
        files = sorted(partition.glob("part-*.parquet"), key=lambda p: int(p.stem.split("-")[1]))
        readers = [pq.ParquetFile(path) for path in files]  # footers read now: a damaged file shows before any work
        self._batches = (batch for reader in readers for batch in reader.iter_batches(batch_size=10_000))
        self._batch: pa.RecordBatch | None = None
        self._ids: list[str] = []
        self._at = 0

    def take(self, doc_id: str) -> pa.Table | list:
        """The rows of `doc_id` from here on, skipping rows of documents not reused before them."""
        pieces = []
        while self._current():
            if self._ids[self._at] != doc_id:
                if pieces:
                    break  # the document's run ended
                self._at += 1  # rows of a document that is not reused
                continue
            end = self._at
            while end < len(self._ids) and self._ids[end] == doc_id:
                end += 1
            pieces.append(self._batch.slice(self._at, end - self._at))
            self._at = end
            if end < len(self._ids):
                break
        return pa.Table.from_batches(pieces, schema=PARTITION_SCHEMA) if pieces else []

    def _current(self) -> bool:
        """Whether a row is at hand, moving on to the next batch when this one is done."""
        while self._batch is None or self._at >= len(self._ids):
            self._batch = next(self._batches, None)
            if self._batch is None:
                return False
            self._ids, self._at = self._batch.column("doc_id").to_pylist(), 0
        return True
