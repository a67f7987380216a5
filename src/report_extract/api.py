"""What notebooks and jobs import: extract from a text, a file, or run over folders.

The flow runs one way: ingest → normalize → period and unit → quantities → classify →
breakdowns (parts take their total's indicator) → rows. Offsets in every row point into the text `ingest` decoded (for a .txt
file: the file's characters), not into the normalised text used for matching.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .classify import classify
from .ingest import Ingested, read_document_bytes
from .normalize import Normalized, normalize
from .period import Period, detect_period
from .quantities import Quantity, find_quantities
from .rules import RuleSet, load_rules
from .structure import link_breakdowns
from .unit import detect_unit


@dataclass
class Extraction:
    """Everything extracted from one text, before it becomes table rows."""

    normalized: Normalized
    period: Period
    unit: str | None
    quantities: list[Quantity]
    parts_checks: dict[int, str]


def extract_text(text: str, rules: RuleSet | None = None) -> Extraction:
    """Extract period, unit and classified quantities from one report's text."""
    rules = rules or load_rules()
    norm = normalize(text)
    period = detect_period(norm.text, rules)
    unit = detect_unit(norm.text, rules)
    quantities = find_quantities(norm.text, rules, period.years)
    classify(norm.text, quantities, rules)
    checks = link_breakdowns(norm.text, quantities, rules)
    return Extraction(norm, period, unit, quantities, checks)


def doc_id_for(source: str) -> str:
    """A stable id for an input: the same relative path always gets the same id."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def quantity_rows(extraction: Extraction, doc_id: str, source: str) -> list[dict[str, Any]]:
    """One row per quantity, in document order, with offsets into the original text."""
    norm = extraction.normalized
    rows = []
    ids = [f"{doc_id}-{i:04d}" for i in range(len(extraction.quantities))]
    for i, q in enumerate(extraction.quantities):
        start, end = norm.span_to_original(q.start, q.end)
        s_start, s_end = norm.span_to_original(*q.sentence)
        rows.append({
            "doc_id": doc_id,
            "source": source,
            "year": extraction.period.year,
            "period": extraction.period.span,
            "unit": extraction.unit,
            "quantity_id": ids[i],
            "indicator": q.indicator,
            "value": float(q.value),
            "noun": q.noun,
            "qualifier": q.qualifier,
            "part_of": ids[q.parent] if q.parent is not None else None,
            "parts_check": extraction.parts_checks.get(i),
            "text": norm.original[start:end],
            "start": start,
            "end": end,
            "sentence": " ".join(norm.original[s_start:s_end].split()),
            "rule": q.rule or None,
        })
    return rows


def document_row(doc_id: str, source: str, ingested: Ingested, data: bytes,
                 extraction: Extraction | None) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "source": source,
        "format": ingested.format,
        "encoding": ingested.encoding,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "year": extraction.period.year if extraction else None,
        "period": extraction.period.span if extraction else None,
        "unit": extraction.unit if extraction else None,
        "n_quantities": len(extraction.quantities) if extraction else 0,
        "status": ingested.status,
        "error": ingested.error,
        "program_version": __version__,
    }


def extract_file(path: str | Path, source: str | None = None,
                 rules: RuleSet | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(documents row, indicator rows) for one file; a bad file gives a row with its error."""
    path = Path(path)
    source = source or path.name
    rules = rules or load_rules()
    doc_id = doc_id_for(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        failed = Ingested("", "unknown", "", "error", f"cannot read file: {exc.strerror or exc}")
        return document_row(doc_id, source, failed, b"", None), []
    ingested = read_document_bytes(data, path.name)
    if ingested.status != "ok":
        return document_row(doc_id, source, ingested, data, None), []
    try:
        extraction = extract_text(ingested.text, rules)
    except Exception as exc:  # a bug on one odd text must not stop the batch; the row says what broke
        failed = Ingested("", ingested.format, ingested.encoding, "error",
                          f"extraction failed ({type(exc).__name__}: {exc})")
        return document_row(doc_id, source, failed, data, None), []
    return document_row(doc_id, source, ingested, data, extraction), quantity_rows(extraction, doc_id, source)


@dataclass
class RunSummary:
    out_dir: Path
    documents: list[dict[str, Any]]
    n_quantities: int

    @property
    def failures(self) -> list[dict[str, Any]]:
        return [d for d in self.documents if d["status"] != "ok"]


def run(inputs: list[str | Path], out_dir: str | Path = "outputs", rules: RuleSet | None = None) -> RunSummary:
    """Extract every supported file under `inputs` and publish the tables in `out_dir`."""
    from .ingest import discover
    from .tables import recover, write_outputs

    rules = rules or load_rules()
    recover(out_dir)
    documents, indicators = [], []
    for path, source in discover([Path(p) for p in inputs]):
        doc, rows = extract_file(path, source, rules)
        documents.append(doc)
        indicators.extend(rows)
    aggregates = {k: v.get("aggregate", "sum") for k, v in rules.indicator_keys.items()}
    write_outputs(out_dir, documents, indicators, aggregates)
    return RunSummary(Path(out_dir), documents, len(indicators))
