"""read_document: pick the reader by content first and suffix second, and never raise.

The PDF, Word and HTML parsers are imported when a file needs one: together they take
half a second to import, which a run over plain-text reports need not pay.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from report_extract.ingest import sniff
from report_extract.ingest.encodings import NotTextError, decode_bytes
from report_extract.ingest.result import Ingested, failed
from report_extract.ingest.text import read_text
from report_extract.limits import (
    MAX_FILE_BYTES,
    MAX_NUMBERS,
    MAX_TEXT_CHARS,
    MAX_TEXT_FILE_BYTES,
    megabytes,
)
from report_extract.numbers import DIGITS

_FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".md": "md",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
}
_SIGNATURE_BY_FORMAT = {"docx": "zip", "pdf": "%PDF"}


def read_document(path: Path) -> Ingested:
    """Read one file into text. Bad input yields a status and a reason, never an exception."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return failed(_FORMAT_BY_SUFFIX.get(Path(path).suffix.lower(), "unknown"), "error",
                      f"cannot read file: {exc.strerror or exc}")
    return read_document_bytes(data, Path(path).name)


def read_document_bytes(data: bytes, name: str) -> Ingested:
    """Like read_document, for a file already in memory; `name` gives the claimed suffix."""
    claimed = _FORMAT_BY_SUFFIX.get(Path(name).suffix.lower(), "unknown")
    if len(data) > MAX_FILE_BYTES:
        return failed(claimed, "too_large",
                      f"the file is {megabytes(len(data))} (limit {megabytes(MAX_FILE_BYTES)} for one file)")
    try:
        return _within_text_limits(_read_content(data, claimed))
    except MemoryError:  # a worker's address space is capped: this file, not the run, pays
        return failed(claimed, "too_large", "reading it ran out of the memory one file may use")
    except Exception as exc:  # noqa: BLE001 -- one odd file must not stop a batch run
        return failed(claimed, "error", f"unexpected failure while reading ({type(exc).__name__}: {exc})")


def _within_text_limits(ingested: Ingested) -> Ingested:
    """`ingested`, or too_large when its text is past what extracting one document may cost."""
    text = ingested.text
    if len(text) > MAX_TEXT_CHARS:
        reason = f"the text is {len(text):,} characters (limit {MAX_TEXT_CHARS:,} for one document)"
    elif len(text) > 2 * MAX_NUMBERS and sum(1 for _ in islice(DIGITS.finditer(text), MAX_NUMBERS + 1)) > MAX_NUMBERS:
        # under 2 characters a number ("1 2 3") a shorter text cannot hold that many: not scanned
        reason = f"the text has more than {MAX_NUMBERS:,} numbers (limit for one document)"
    else:
        return ingested
    return failed(ingested.format, "too_large", reason, ingested.encoding)


def _read_content(data: bytes, claimed: str) -> Ingested:
    if not data.strip():
        return failed(claimed, "empty", "file is empty" if not data else "file contains only whitespace")
    container = sniff.sniff_container(data)
    if container == sniff.PDF:
        from report_extract.ingest.pdf import read_pdf

        return read_pdf(data)
    if container == sniff.ZIP:
        if claimed == "docx" or sniff.is_word_zip(data):
            from report_extract.ingest.docx import read_docx

            return read_docx(data)
        return failed("unknown", "unsupported", "zip archive that is not a Word .docx document")
    if container == sniff.OLE2:
        return failed("unknown", "unsupported", "legacy Word .doc is not supported; save it as .docx")
    if container == sniff.RTF:
        return failed("unknown", "unsupported", "RTF is not supported; save it as .docx")
    return _read_text_like(data, claimed)


def _read_text_like(data: bytes, claimed: str) -> Ingested:
    if len(data) > MAX_TEXT_FILE_BYTES:
        return failed(claimed, "too_large", f"the file is {megabytes(len(data))}, "
                      f"too large for text to decode (limit {megabytes(MAX_TEXT_FILE_BYTES)} for a text or web page)")
    try:
        decoded = decode_bytes(data)
    except NotTextError as exc:
        if claimed in _SIGNATURE_BY_FORMAT:
            reason = (
                f"not a valid .{claimed} file (binary content without the {_SIGNATURE_BY_FORMAT[claimed]} signature)"
            )
            return failed(claimed, "error", reason)
        return failed("unknown", "error", str(exc))
    if sniff.looks_like_html(decoded.text, claimed):
        from report_extract.ingest.html import read_html

        return read_html(data)
    return read_text(decoded, "md" if claimed == "md" else "txt")
