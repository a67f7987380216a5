"""Plain-text and Markdown files: decode with the detected encoding, unify line ends."""

from __future__ import annotations

from report_extract.ingest.encodings import DecodedText
from report_extract.ingest.result import Ingested, ok_or_empty


def read_text(decoded: DecodedText, format: str) -> Ingested:
    """Wrap decoded text as a document; CRLF and lone CR become LF so line offsets are stable.

    The decoder's warning (bytes it had to replace) goes with the text, so the documents row can say so.
    """
    text = decoded.text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return ok_or_empty(text, format, decoded.encoding, "file contains only whitespace", decoded.warning)
