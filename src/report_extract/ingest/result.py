"""What every reader returns: the decoded text or a plain-words reason why there is none."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ingested:
    """One document's text; extraction offsets point into `text`, so it is deterministic per file."""

    text: str
    format: str  # "txt" | "md" | "docx" | "pdf" | "html" | "unknown"
    encoding: str  # the encoding found, e.g. "utf-8", "tcvn3", "docx+vni", "pdf"; "" when none was
    status: str  # "ok" | "error" | "empty" | "no_text" | "unsupported" | "too_large" | "skipped"
    error: str | None  # why status is not "ok"; None when it is
    warning: str | None = None  # what was repaired in an "ok" text, e.g. invalid UTF-8 bytes replaced by U+FFFD


def failed(format: str, status: str, error: str, encoding: str = "") -> Ingested:
    """A result with no text."""
    return Ingested(text="", format=format, encoding=encoding, status=status, error=error)


def ok_or_empty(text: str, format: str, encoding: str, empty_reason: str, warning: str | None = None) -> Ingested:
    """`text` as an ok result carrying `warning`, or "empty" when it holds nothing but whitespace."""
    if not text or text.isspace():
        return failed(format, "empty", empty_reason, encoding)
    return Ingested(text=text, format=format, encoding=encoding, status="ok", error=None, warning=warning)
