"""What one input file may cost, in one place: every limit is checked before the parser that
would pay for it, and a file past one gets a documents row with status "too_large" naming the
limit, never gigabytes in a worker.

A file past a limit is refused whole, with no indicator rows: a part of a report summed into
the yearly table would read as the whole report's figures. The figures below are for one file
in one worker; README's "~12 MB of memory per MB of text" holds within them.
"""
from __future__ import annotations

MB = 1_000_000

MAX_FILE_BYTES = 256 * MB
"""Any input, before it is parsed. A scanned report's PDF runs to tens of MB; a file past this
is an archive or a disk image, and a worker holds it whole while it reads it."""

MAX_TEXT_FILE_BYTES = 32 * MB
"""A .txt, .md or web page, before it is decoded: encoding detection may try several codecs
over it. 32 MB holds MAX_TEXT_CHARS in UTF-16 (2 bytes a character) or in UTF-8 Vietnamese
(~1.4) with room to spare."""

MAX_TEXT_CHARS = 10_000_000
"""Decoded text of one document (~3,000 pages; a year's report of a province is ~100):
extraction keeps the text, its normalised copy and their offset maps, ~150 MB here."""

MAX_NUMBERS = 50_000
"""Numbers (runs of digits) in one document's text: each becomes a candidate figure with its
sentence and context, ~1.5 KB through extraction and the rows sent back (a 4 MB line of
"1.234 ha, " has 400,000 and took 2 GB). Reports have about one number per 100 characters."""

MAX_DOCX_PART_BYTES = 64 * MB
"""One part of a .docx once inflated. The zip's declared size is checked first, then the part
is inflated in chunks and given up past this, since the declared size can lie. A Word body of
a 3,000-page report is ~30 MB of XML."""

MAX_DOCX_TOTAL_BYTES = 256 * MB
"""All parts of a .docx once inflated: python-docx holds every part (pictures too) in memory."""

MAX_XML_ELEMENTS = 2_000_000
"""Elements in one XML part of a .docx (counted as "<" while inflating, an upper bound): lxml
takes ~120-200 bytes an element, so ≤ 400 MB; 20 MB of real Word XML has ~1.5 million.
Nesting is bounded by lxml itself: python-docx's parser keeps huge_tree off (256 levels)."""

MAX_HTML_TAGS = 200_000
"""Tags ("<") in a web page: BeautifulSoup builds a Python object of ~650 bytes per tag (50 MB
of <div> took 6.4 GB), so ≤ 130 MB. A long report page has a few thousand."""

MAX_HTML_DEPTH = 512
"""Nesting of elements in a web page: finding the article walks a tag's ancestors or
descendants for each tag, so time grows with tags × depth. Pages nest 20-40 deep; sloppy
ones with unclosed <font> tags a few hundred."""

WORKER_MEMORY_HEADROOM = 1024 * 1024 * 1024
"""Address space a worker may add to what it inherits when it is forked (the segmenter model
and rules, shared with the main process: a worker starts at ~450 MB of address space of which
~130 MB resident). A file within the limits above needs at most ~600 MB; past 1 GiB the
allocation fails (MemoryError) in that worker, for that file, instead of the machine
running out of memory for everyone."""


def megabytes(size: int) -> str:
    """A size in the words of a too_large message: "412 MB"."""
    return f"{size / MB:,.0f} MB"
