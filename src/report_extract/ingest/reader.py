"""read_document: pick the reader by content first and suffix second, and never raise.

The PDF, Word and HTML parsers are imported when a file needs one: together they take
half a second to import, which a run over plain-text reports need not pay.
"""

from __future__ import annotations

from pathlib import Path

from report_extract.ingest import sniff
from report_extract.ingest.encodings import NotTextError, decode_bytes
from report_extract.ingest.result import Ingested, failed
from report_extract.ingest.text import read_text

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
    try:
        return _read_content(data, claimed)
    except Exception as exc:  # one odd file must not stop a batch run
        return failed(claimed, "error", f"unexpected failure while reading ({type(exc).__name__}: {exc})")


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
