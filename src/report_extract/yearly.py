"""The yearly table: one row per (year, unit_key, indicator), computed from the written indicators.

Per year partition, from each unit's widest-span reports of that year: parts of breakdowns
are left out (their total counts), a figure repeated within a report (headline and body)
counts once, and terms and multi-year spans are left out because their figures cover
several years. `aggregate` (from rules/indicator_keys.yml) says how figures combine: sum,
max, or none (value left empty; min/max still given).

The work is done by Arrow a batch at a time: each batch is reduced to partial aggregates
per (unit, indicator) that are combined at the end. A year with more rows than one pass
should hold is worked on in ranges of units (in unit order, so the pieces follow one
another as one pass would write them): memory stays bounded however many reports a year has.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .schema import YEARLY_SCHEMA

# Widest span first: a unit's yearly report wins over its half-year one for the same year.
SPANS = ("year", "months", "half_year", "quarter")
_BATCH_ROWS = 65_536
# Rows of a year aggregated in one pass. A year of the 50,000-report benchmark has ~230,000
# rows: one pass (Arrow's memory peaked at 77 MB). A year of 2.5 million rows needed 622 MB
# in one pass on two threads, 160 MB in passes of this size.
_PASS_ROWS = 250_000
_COLUMNS = ["doc_id", "source", "period", "unit", "unit_key", "indicator", "value", "noun", "part_of"]
_CELL = ["key", "indicator"]


def yearly_tables(indicators: Path, aggregates: dict[str, str], threads: int = 1) -> Iterator[pa.Table]:
    """The yearly table from the written indicators, in year then unit order, a pass at a time.

    With `threads` > 1 that many partitions or passes are worked on at once: Arrow releases
    the GIL while it reads and groups, so threads use that many cores.
    """
    years = [part for part in sorted(indicators.glob("year=*"))
             if part.name.split("=", 1)[1].isdigit()]  # reports without a year have no place here
    with ThreadPoolExecutor(max(1, threads)) as pool:
        ranges = _in_order(pool, _unit_ranges, years, threads)
        passes = ((part, units) for part, year_ranges in zip(years, ranges) for units in year_ranges)
        yield from _in_order(pool, lambda pass_: _pass_table(*pass_, aggregates), passes, threads)


T = TypeVar("T")
R = TypeVar("R")


def _in_order(pool: ThreadPoolExecutor, fn: Callable[[T], R], items: Iterable[T], threads: int) -> Iterator[R]:
    """`fn` over `items` on the pool, results in order; only a few run ahead of the reader, so
    finished pieces never pile up in memory."""
    pending: deque = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) > threads:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _unit_ranges(part: Path) -> list[dict[str, int]]:
    """A year partition's units cut into consecutive ranges of at most _PASS_ROWS rows (a unit
    with more is a range of its own), each as unit key → rank of its widest span."""
    ranges: list[dict[str, int]] = []
    rows_in_range = _PASS_ROWS
    for key, (rank, rows) in sorted(_unit_spans(sorted(part.glob("*.parquet"))).items()):
        if rows_in_range + rows > _PASS_ROWS:
            ranges.append({})
            rows_in_range = 0
        ranges[-1][key] = rank
        rows_in_range += rows
    return ranges


def _pass_table(part: Path, widest: dict[str, int], aggregates: dict[str, str]) -> pa.Table:
    """The yearly rows of one range of units of a year partition."""
    files = sorted(part.glob("*.parquet"))
    partials = [_reduce(rows) for rows in _whole_documents(files, widest)]
    return _year_table(int(part.name.split("=", 1)[1]), partials, aggregates)


def _counted(batch: pa.RecordBatch | pa.Table) -> pa.Table:
    """Rows that can count: not a part, with a unit and a one-period span; adds `key` (the
    unit key) and `rank`."""
    table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
    rank = pc.index_in(table["period"], value_set=pa.array(SPANS))
    keep = pc.and_(pc.and_(pc.is_null(table["part_of"]), pc.is_valid(rank)),
                   pc.not_equal(pc.fill_null(table["unit_key"], ""), ""))
    table = table.append_column("rank", rank).filter(keep)
    return table.append_column("key", table["unit_key"])


def _unit_spans(files: list[Path]) -> dict[str, tuple[int, int]]:
    """Per unit key, the rank of the widest span among its reports in this partition and its
    number of rows that can count."""
    units: dict[str, tuple[int, int]] = {}
    for path in files:
        for batch in pq.ParquetFile(path).iter_batches(_BATCH_ROWS, columns=["unit_key", "period", "part_of"]):
            table = _counted(batch)
            ranks = table.group_by("key").aggregate([("rank", "min"), ("rank", "count")])
            for key, rank, rows in zip(ranks["key"].to_pylist(), ranks["rank_min"].to_pylist(),
                                       ranks["rank_count"].to_pylist()):
                widest, counted = units.get(key, (len(SPANS), 0))
                units[key] = (min(widest, rank), counted + rows)
    return units


def _whole_documents(files: list[Path], widest: dict[str, int]) -> Iterator[pa.Table]:
    """Counted rows of the widest spans in batches that never split a document.

    A document's rows sit together in its partition, so the rows of the last document of a
    batch are held back and go with the next batch.
    """
    keys = pa.array(list(widest), pa.string())
    ranks = pa.array(list(widest.values()), pa.int32())
    held: pa.Table | None = None
    for path in files:
        for batch in pq.ParquetFile(path).iter_batches(_BATCH_ROWS, columns=_COLUMNS):
            table = _counted(batch)
            table = table.filter(pc.equal(table["rank"], pc.take(ranks, pc.index_in(table["key"], keys))))
            if held is not None:
                table = pa.concat_tables([held, table])
            if table.num_rows == 0:
                held = None
                continue
            last = table["doc_id"][-1]
            n_last = pc.sum(pc.equal(table["doc_id"], last)).as_py()
            held = table.slice(table.num_rows - n_last)
            if table.num_rows > n_last:
                yield table.slice(0, table.num_rows - n_last)
    if held is not None:
        yield held


def _reduce(rows: pa.Table) -> dict[str, pa.Table]:
    """Partial aggregates of whole documents' rows, per (unit key, indicator)."""
    figures = rows.group_by(["doc_id", "source", "unit", "key", "period", "indicator", "value", "noun"],
                            use_threads=False).aggregate([])  # a figure repeated in a report counts once
    return {
        "values": figures.group_by(_CELL + ["period"], use_threads=False).aggregate(
            [("value", "sum"), ("value", "min"), ("value", "max"), ("value", "count")]),
        "nouns": figures.group_by(_CELL + ["noun"], use_threads=False).aggregate([]),
        "sources": figures.group_by(_CELL + ["source"], use_threads=False).aggregate([]),
        "spellings": figures.group_by(_CELL + ["unit"], use_threads=False).aggregate([("value", "count")]),
    }


def _year_table(year: int, partials: list[dict[str, pa.Table]], aggregates: dict[str, str]) -> pa.Table:
    def combined(name: str, by: list[str], aggregations: list) -> pa.Table:
        table = pa.concat_tables([p[name] for p in partials])
        return table.group_by(_CELL + by, use_threads=False).aggregate(aggregations)

    values = combined("values", ["period"], [("value_sum", "sum"), ("value_min", "min"), ("value_max", "max"),
                                             ("value_count", "sum")])
    nouns = _listed(combined("nouns", ["noun"], []), "noun")
    sources = _listed(combined("sources", ["source"], []), "source")
    spellings = combined("spellings", ["unit"], [("value_count", "sum")])
    spellings = spellings.append_column("length", pc.utf8_length(spellings["unit"])).sort_by(
        [("key", "ascending"), ("indicator", "ascending"), ("value_count_sum", "descending"),
         ("length", "descending"), ("unit", "descending")])  # the most used spelling, then the longest
    spellings = _in_cell_order(spellings.group_by(_CELL, use_threads=False).aggregate([("unit", "first")]))
    # Every cell has figures, nouns, sources and a spelling: in cell order the four line up row for row.
    values = _in_cell_order(values)
    cells = {**{c: values[c] for c in values.column_names}, "noun_list": nouns["noun_list"],
             "source_list": sources["source_list"], "unit_first": spellings["unit_first"]}
    how = pc.fill_null(pc.take(pa.array(list(aggregates.values()) + ["sum"], pa.string()),
                               pc.index_in(cells["indicator"], pa.array(list(aggregates), pa.string()))), "sum")
    total, high = cells["value_sum_sum"], cells["value_max_max"]
    value = pc.if_else(pc.equal(how, "sum"), total, pc.if_else(pc.equal(how, "max"), high, pa.scalar(None, pa.float64())))
    columns = {
        "year": pa.array([year] * len(values), pa.int32()), "unit_key": cells["key"], "unit": cells["unit_first"],
        "indicator": cells["indicator"], "period": cells["period"], "aggregate": how, "value": value,
        "n_figures": cells["value_count_sum"], "n_documents": pc.list_value_length(cells["source_list"]),
        "min_value": cells["value_min_min"], "max_value": high,
        "nouns": pc.binary_join(cells["noun_list"], "; "), "sources": cells["source_list"],
    }
    return pa.Table.from_arrays([columns[f.name].cast(f.type) for f in YEARLY_SCHEMA], schema=YEARLY_SCHEMA)


def _listed(table: pa.Table, column: str) -> pa.Table:
    """Distinct `column` values per cell as a sorted list, cells in (key, indicator) order."""
    ordered = table.sort_by([("key", "ascending"), ("indicator", "ascending"), (column, "ascending")])
    return _in_cell_order(ordered.group_by(_CELL, use_threads=False).aggregate([(column, "list")]))


def _in_cell_order(table: pa.Table) -> pa.Table:
    return table.sort_by([("key", "ascending"), ("indicator", "ascending")])
