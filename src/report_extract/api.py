"""What notebooks and jobs import: extract from a text, a file, or run over folders.

The flow runs one way: ingest → normalize → period and unit → quantities → classify →
breakdowns (parts take their total's indicator) → rows. Offsets in every row point into the text `ingest` decoded (for a .txt
file: the file's characters), not into the normalised text used for matching.
"""
from __future__ import annotations

import functools
import gc
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import __version__
from .classify import classify
from .engines import make_engine, usable_cores
from .gazetteer import place_names
from .ingest import Ingested, discover, read_document_bytes
from .ingest.discover import open_regular, printable, read_error
from .layout import Layout, read_layout
from .normalize import Normalized, normalize
from .period import Period, detect_period
from .quantities import Quantity, find_quantities
from .rules import RuleSet, load_rules
from .segment import evidence_doc, sentence_spans, warm_up
from .structure import link_breakdowns
from .unit import Unit, detect_unit


@dataclass
class Extraction:
    """Everything extracted from one text, before it becomes table rows."""

    normalized: Normalized
    layout: Layout
    period: Period
    unit: Unit | None
    quantities: list[Quantity]
    parts_checks: dict[int, str]


def extract_text(text: str, rules: RuleSet | None = None) -> Extraction:
    """Extract layout, period, unit and classified quantities from one report's text."""
    rules = rules or load_rules()
    norm = normalize(text)
    layout = read_layout(norm.text, rules)
    period = detect_period(norm.text, rules, layout.letterhead)
    unit = detect_unit(norm.text, rules, layout.letterhead)
    sentences = sentence_spans(norm.text)
    quantities = find_quantities(norm.text, rules, period.years, sentences, layout.parts)
    classify(norm.text, quantities, rules)
    checks = link_breakdowns(norm.text, quantities, rules, sentences)
    return Extraction(norm, layout, period, unit, quantities, checks)


def doc_id_for(source: str) -> str:
    """A stable id for an input: the same relative path always gets the same id."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def quantity_rows(extraction: Extraction, doc_id: str, source: str) -> list[dict[str, Any]]:
    """One row per quantity, in document order, with offsets into the original text."""
    from .schema import INDICATOR_COLUMNS  # pyarrow, imported only where tables are made

    return [dict(zip(INDICATOR_COLUMNS, row)) for row in quantity_tuples(extraction, doc_id, source)]


def quantity_tuples(extraction: Extraction, doc_id: str, source: str) -> list[tuple]:
    """The rows of `quantity_rows` as tuples in INDICATOR_COLUMNS order: what the writer and
    the workers' messages carry (no dict built only to be taken apart)."""
    norm = extraction.normalized
    year, period = extraction.period.year, extraction.period.span
    unit, unit_key = (extraction.unit.name, extraction.unit.key) if extraction.unit else (None, None)
    section_at = extraction.layout.section_at
    rows = []
    ids = [f"{doc_id}-{i:04d}" for i in range(len(extraction.quantities))]
    sentences: dict[tuple[int, int], str] = {}  # several figures share a sentence: fold it once
    for i, q in enumerate(extraction.quantities):
        start, end = norm.span_to_original(q.start, q.end)
        if q.sentence not in sentences:
            s_start, s_end = norm.span_to_original(*q.sentence)
            sentences[q.sentence] = " ".join(norm.original[s_start:s_end].split())
        rows.append((doc_id, source, year, period, unit, unit_key, ids[i], q.indicator, float(q.value), q.noun,
                     q.qualifier, ids[q.parent] if q.parent is not None else None, extraction.parts_checks.get(i),
                     norm.original[start:end], start, end, sentences[q.sentence], q.rule or None, section_at(q.start)))
    return rows


def document_row(doc_id: str, source: str, ingested: Ingested, data: bytes,
                 extraction: Extraction | None, rules_version: str) -> dict[str, Any]:
    unit = extraction.unit if extraction else None
    letterhead = extraction.layout.letterhead if extraction else None
    return {
        "doc_id": doc_id,
        "source": source,
        "format": ingested.format,
        "encoding": ingested.encoding,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "year": extraction.period.year if extraction else None,
        "period": extraction.period.span if extraction else None,
        "unit": unit.name if unit else None,
        "unit_key": unit.key if unit else None,
        "unit_level": unit.level if unit else None,
        "province": unit.province if unit else None,
        "title": letterhead.title if letterhead else None,
        "issued": letterhead.issued if letterhead else None,
        "n_quantities": len(extraction.quantities) if extraction else 0,
        "status": ingested.status,
        "error": ingested.error,
        "warning": ingested.warning,
        "program_version": __version__,
        "rules_version": rules_version,
    }


def extract_file(path: str | Path, source: str | None = None,
                 rules: RuleSet | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(documents row, indicator rows) for one file; a bad file gives a row with its error."""
    doc, rows, _ = extract_file_with_text(path, source, rules)
    return doc, rows


def extract_file_with_text(path: str | Path, source: str | None = None, rules: RuleSet | None = None
                           ) -> tuple[dict[str, Any], list[dict[str, Any]], str]:
    """Like extract_file, plus the decoded text the rows' offsets point into."""
    doc, extraction, text = _extract_document(Path(path), source, rules or load_rules())
    rows = quantity_rows(extraction, doc["doc_id"], doc["source"]) if extraction else []
    return doc, rows, text


def _extract_document(path: Path, source: str | None, rules: RuleSet
                      ) -> tuple[dict[str, Any], Extraction | None, str]:
    """The documents row, the extraction (None when the file could not be read or extracted)
    and the decoded text."""
    source = printable(source or path.name)
    doc_id = doc_id_for(source)
    try:
        with open_regular(path) as fh:
            data = fh.read()
    except OSError as exc:
        return _unread_row(source, "error", read_error(path, exc), rules.version), None, ""
    ingested = read_document_bytes(data, path.name)
    if ingested.status != "ok":
        return document_row(doc_id, source, ingested, data, None, rules.version), None, ""
    try:
        extraction = extract_text(ingested.text, rules)
    except Exception as exc:  # a bug on one odd text must not stop the batch; the row says what broke
        failed = Ingested("", ingested.format, ingested.encoding, "error",
                          f"extraction failed ({type(exc).__name__}: {exc})")
        return document_row(doc_id, source, failed, data, None, rules.version), None, ingested.text
    return document_row(doc_id, source, ingested, data, extraction, rules.version), extraction, ingested.text


def _unread_row(source: str, status: str, error: str, rules_version: str) -> dict[str, Any]:
    """The documents row of an entry whose content was not read: without a size or hash, no
    later run takes it for unchanged, so it is looked at again each run."""
    row = document_row(doc_id_for(source), source, Ingested("", "unknown", "", status, error), b"", None,
                       rules_version)
    row.update(sha256=None, bytes=None)
    return row


def review_page(text: str, rows: list[dict[str, Any]], title: str = "") -> str:
    """An HTML page (displaCy) with every figure of `rows` marked in `text` by its indicator."""
    from spacy import displacy

    doc = evidence_doc(text, [(r["start"], r["end"], r["indicator"]) for r in rows])
    doc.user_data["title"] = title
    return displacy.render(doc, style="span", page=True, options={"spans_key": "quantities"})


@dataclass
class RunSummary:
    out_dir: Path
    n_documents: int = 0
    n_quantities: int = 0
    n_reused: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the user should know: damaged outputs, files kept


def _extract_task(task: tuple[str, str, str]) -> tuple[dict[str, Any], list[tuple]]:
    """One file's extraction, as a picklable top-level function for any engine's workers."""
    path, source, rules_dir = task
    doc, extraction, _ = _extract_document(Path(path), source, load_rules(rules_dir))
    return doc, quantity_tuples(extraction, doc["doc_id"], doc["source"]) if extraction else []


def _lost_task(task: tuple[str, str, str]) -> tuple[dict[str, Any], list[tuple]]:
    """The documents row of a file whose worker died or ran out of memory each time it was extracted."""
    _, source, rules_dir = task
    failed = Ingested("", "unknown", "", "error", "the process extracting this file died or ran out of "
                      "memory, twice (a crash in a parser, or more memory than a worker may use); the file was skipped")
    return document_row(doc_id_for(source), source, failed, b"", None, load_rules(rules_dir).version), []


def run(inputs: list[str | Path], out_dir: str | Path = "outputs", rules: RuleSet | None = None, *,
        engine: str = "local", jobs: int = 1, scheduler: str | None = None,
        incremental: bool = True, progress: Callable[[int, int], None] | None = None,
        follow_links: bool = False) -> RunSummary:
    """Extract every supported file under `inputs` and publish the tables in `out_dir`.

    `out_dir` must be a new folder, an empty one or an earlier output of this tool; anything
    else raises `OutputError` before any work (see `publish`). Files whose content, rules and
    program version are unchanged since the last published output are taken from it instead
    of being extracted again; deleted files drop out. `progress(done, total)` is called as
    each file's results reach the tables. Links leading out of the input folders are read
    only with `follow_links` (else their rows say so, status "skipped").
    """
    # pyarrow is imported here, not at the top: the workers only extract
    from .publish import claimed_output
    from .schema import SCHEMA_VERSION
    from .tables import PreviousOutput, UnreadablePreviousOutput

    rules = rules or load_rules()
    with claimed_output(out_dir, inputs) as output:
        previous = PreviousOutput(output.path) if incremental else None
        if previous and previous.problem:
            output.notes.append(previous.problem)
        options: dict[str, Any] = {"engine": engine, "jobs": jobs, "scheduler": scheduler, "progress": progress,
                                   "follow_links": follow_links}
        try:
            try:
                summary = _extract_into(output.staging, inputs, rules, previous, **options)
            except UnreadablePreviousOutput as exc:
                output.notes.append(f"the previous output in {output.path} could not be read back ({exc}); "
                                    "every file was extracted again")
                output.renew_staging()
                summary = _extract_into(output.staging, inputs, rules, None, **options)
        except OSError as exc:
            raise output.write_failed(exc) from None
        output.publish(SCHEMA_VERSION, [Path(p) for p in inputs])
    summary.out_dir, summary.notes = output.path, output.notes
    return summary


def _extract_into(staging: Path, inputs: list[str | Path], rules: RuleSet, previous: Any, *, engine: str,
                  jobs: int, scheduler: str | None, progress: Callable[[int, int], None] | None,
                  follow_links: bool) -> RunSummary:
    """The tables of every file under `inputs`, written into `staging`; rows of unchanged
    files come from `previous` (a `tables.PreviousOutput`, or None to extract everything)."""
    from .tables import write_outputs

    summary = RunSummary(staging)
    root = str(rules.root)
    plan: list[tuple[str, Any] | None] = []  # entries become None once written: memory stays flat
    for found in discover([Path(p) for p in inputs], follow_links=follow_links):
        if found.status != "ok":  # a dangling link, a named pipe, a folder that cannot be listed...
            plan.append(("row", _unread_row(found.source, found.status, found.error or "", rules.version)))
            continue
        doc = previous and previous.reusable(found.source, found.size, functools.partial(_sha256_of, found.path),
                                             rules.version, __version__)
        plan.append(("reuse", doc) if doc else ("extract", (str(found.path), found.source, root)))
    if engine == "local" and any(entry[0] == "extract" for entry in plan):
        warm_up()  # load the segmenter once, before workers fork (Dask's workers load their own)
        place_names()  # and the gazetteer
    gc.freeze()  # what is loaded now lives for the whole run: the collector need not scan it, nor touch its pages
    executor = make_engine(engine, jobs, scheduler, tasks=sum(1 for entry in plan if entry[0] == "extract"))
    try:
        extracted = executor.map(_extract_task, (entry[1] for entry in plan if entry and entry[0] == "extract"),
                                 _lost_task)

        def results():
            for i, (kind, item) in enumerate(plan):
                if kind == "reuse":
                    summary.n_reused += 1
                    doc, rows = item, previous.rows_for(item)
                elif kind == "row":
                    doc, rows = item, []
                else:
                    doc, rows = next(extracted)
                summary.n_documents += 1
                summary.n_quantities += len(rows)
                if progress is not None:
                    progress(summary.n_documents, len(plan))
                if doc["status"] != "ok":
                    summary.failures.append(doc)
                plan[i] = None  # done with it (an extraction only now: the task generator has passed it)
                yield doc, rows
            executor.close()  # workers go before the yearly table is built: their memory is not needed

        aggregates = {k: v.get("aggregate", "sum") for k, v in rules.indicator_keys.items()}
        threads = min(max(1, jobs), usable_cores())  # for the yearly table: the workers are gone by then
        write_outputs(staging, results(), aggregates, threads)
    except BaseException:
        executor.abort()  # interrupted or failed: work in flight is not waited for
        raise
    finally:
        executor.close()
    return summary


def _sha256_of(path: Path) -> str:
    """The file's SHA-256, or "" (matching no published row) when it cannot be read now: the
    extraction then reads it again and its row says why."""
    digest = hashlib.sha256()
    try:
        with open_regular(path) as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()
