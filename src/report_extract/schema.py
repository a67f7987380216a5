"""The output contract: explicit pyarrow schemas of the three tables.

`DIR/indicators/` (hive-partitioned by year), `DIR/documents.parquet`, `DIR/yearly.parquet`.
"""
from __future__ import annotations

from typing import Any

import pyarrow as pa

# 1.1 (additive): documents gain `warning`; statuses `too_large` and `skipped`; outputs carry a manifest.
# 2.0: documents gain `unit_key, unit_level, province, title, issued`; indicators gain `unit_key`
# and `section`; yearly rows are keyed by `unit_key` (its `unit` is the most used spelling).
SCHEMA_VERSION = "2.0"
_META = {"report_extract.schema_version": SCHEMA_VERSION}

INDICATORS_SCHEMA = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("source", pa.string(), nullable=False),
    pa.field("year", pa.int32()),
    pa.field("period", pa.string()),
    pa.field("unit", pa.string()),
    pa.field("unit_key", pa.string()),
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
    pa.field("section", pa.string()),
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
    pa.field("unit_key", pa.string()),
    pa.field("unit_level", pa.string()),
    pa.field("province", pa.string()),
    pa.field("title", pa.string()),
    pa.field("issued", pa.date32()),
    pa.field("n_quantities", pa.int32()),
    pa.field("status", pa.string(), nullable=False),
    pa.field("error", pa.string()),
    pa.field("warning", pa.string()),
    pa.field("program_version", pa.string()),
    pa.field("rules_version", pa.string()),
], metadata=_META)

YEARLY_SCHEMA = pa.schema([
    pa.field("year", pa.int32(), nullable=False),
    pa.field("unit_key", pa.string(), nullable=False),
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

INDICATOR_COLUMNS = tuple(INDICATORS_SCHEMA.names)
# A document on its way to the tables: its documents row, and its indicator rows as tuples in
# INDICATOR_COLUMNS order (lighter than dicts to send between processes).
DocumentResult = tuple[dict[str, Any], list[tuple]]
