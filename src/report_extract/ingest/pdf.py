"""PDF: the text layer, with lines that the page width broke joined back into paragraphs.

A figure and its unit often straddle a wrapped line ("12 \\nbáo cáo"), so
extraction needs the paragraph, not the printed line. Page numbers printed
alone at the top or bottom of a page are dropped so they don't glue onto
the text around a page break.
"""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from report_extract.ingest.result import Ingested, failed
from report_extract.limits import MAX_TEXT_CHARS

_SENTENCE_END = tuple(".!?…")
_CLAUSE_END = tuple(":;")
_CLOSING_QUOTES = "\"'”’»)"
_BLOCK_START = re.compile(
    r"^(?:[-+•*–—●○■□▪►✓]"  # bullets
    r"|\d+(?:\.\d+)*\.(?:\s|$)"  # 1.  2.3.
    r"|\d+\)"  # 1)
    r"|[IVXLC]+[.)](?:\s|$)"  # II.
    r"|[a-zđ]\)"  # a)
    r"|[A-ZĐ][.)]\s"  # B. (a part of a formal report)
    r"|(?i:phần)\s+(?:thứ\s+\w+|[IVX]+\b|\d+\b)"  # PHẦN II, Phần thứ hai
    r")"
)
_HEADING_LETTERS = 6
"""A line with at least this many letters, all capitals, is a heading: it never carries on the line before."""
_PAGE_NUMBER = re.compile(r"^[-–\s]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–\s]*$", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")
_WIDE_LINE_SHARE = 0.7
"""A line at least this share of the usual full line width was wrapped by the layout, not ended by the author."""


def read_pdf(data: bytes) -> Ingested:
    """Read a PDF given as bytes."""
    if b"%%EOF" not in data[-2048:]:
        return failed("pdf", "error", "not a valid PDF file (truncated: the %%EOF end marker is missing)")
    try:
        page_texts = _page_texts(data)
    except (FileNotDecryptedError, DependencyError):
        return failed("pdf", "error", "PDF is password-protected or uses unsupported encryption")
    except Exception as exc:  # noqa: BLE001 -- pypdf raises many exception types on damaged files
        return failed("pdf", "error", f"not a valid PDF file ({type(exc).__name__}: {exc})")
    if not page_texts:
        return failed("pdf", "error", "PDF has no pages")
    if sum(map(len, page_texts)) > MAX_TEXT_CHARS:
        return failed("pdf", "too_large", f"the text layer is past {MAX_TEXT_CHARS:,} characters "
                      f"by page {len(page_texts)} (limit for one document)", "pdf")
    if not any(text.strip() for text in page_texts):
        return failed("pdf", "no_text", "PDF has no text layer (scanned image?); run OCR first")
    lines = [line for text in page_texts for line in _page_lines(text)]
    return Ingested(text=join_wrapped_lines(lines), format="pdf", encoding="pdf", status="ok", error=None)


def _page_texts(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        reader.decrypt("")
    texts: list[str] = []
    length = 0
    for page in reader.pages:
        texts.append(page.extract_text() or "")
        length += len(texts[-1])
        if length > MAX_TEXT_CHARS:
            break  # the document is refused as too large: the pages after need not be read
    return texts


def _page_lines(text: str) -> list[str]:
    """A page's lines, spaces tidied, without blank edges or a page number at either end."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if lines and _PAGE_NUMBER.match(lines[0]):
        lines.pop(0)
    if lines and _PAGE_NUMBER.match(lines[-1]):
        lines.pop()
    return lines


def join_wrapped_lines(lines: list[str]) -> str:
    """Join printed lines into paragraphs; blank lines stay as paragraph breaks (one each)."""
    wide = _WIDE_LINE_SHARE * _usual_width(lines)
    paragraphs: list[str] = []
    previous = ""
    for line in lines:
        if not line:
            if paragraphs and paragraphs[-1]:
                paragraphs.append("")
        elif paragraphs and previous and _continues(previous, line, wide):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        previous = line
    return "\n".join(paragraphs).strip("\n")


def _usual_width(lines: list[str]) -> float:
    """The length of a full line: the 80th percentile of non-empty line lengths."""
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return 0.0
    return float(lengths[int(0.8 * (len(lengths) - 1))])


def _continues(previous: str, line: str, wide: float) -> bool:
    """Whether `line` carries on the sentence `previous` was cut from.

    Never after . ! ? or before a bullet/numbered heading (a part "B.", "PHẦN II"
    too) or a line in capitals, or after a line in capitals. After : or ; (which Vietnamese reports use inside long
    sentences) only when the line was full width and `line` starts in
    lower case or with a figure. Otherwise when `line` starts in lower case
    or with a figure, or `previous` was full width.
    """
    ending = previous.rstrip(_CLOSING_QUOTES)
    if ending.endswith(_SENTENCE_END) or previous.endswith(_SENTENCE_END):
        return False
    if _BLOCK_START.match(line) or _is_capitals_heading(previous) or _is_capitals_heading(line, _HEADING_LETTERS):
        return False
    starts_mid_sentence = line[0].islower() or line[0].isdigit()
    if ending.endswith(_CLAUSE_END):
        return starts_mid_sentence and len(previous) >= wide
    return starts_mid_sentence or len(previous) >= wide


def _is_capitals_heading(line: str, least_letters: int = 3) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= least_letters and all(ch.isupper() for ch in letters)
