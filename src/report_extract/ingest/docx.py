"""Word .docx: paragraphs and tables in reading order, legacy-font runs decoded.

Old reports were typed in TCVN3 (.VnTime...) or VNI (VNI-Times...) fonts; when
Word converts them to .docx the bytes become Latin-1 look-alike characters,
so a run's font decides how its characters are read back. Documents whose
font names were lost but whose text is still such mojibake are repaired too.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]

from report_extract.ingest.encodings import decode_tcvn3_text, decode_vni_text
from report_extract.ingest.result import Ingested, failed, ok_or_empty
from report_extract.ingest.vietnamese import plausibility
from report_extract.limits import (
    MAX_DOCX_PART_BYTES,
    MAX_DOCX_TOTAL_BYTES,
    MAX_XML_ELEMENTS,
    megabytes,
)

_CELL_SEPARATOR = " | "
_REPAIR_MARGIN = 0.3
"""How much more Vietnamese-like a legacy decoding must read before font-less text is converted."""

_W_P, _W_TBL, _W_TR, _W_TC, _W_R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_RUN_CONTAINERS = frozenset(
    qn(tag)
    for tag in ("w:hyperlink", "w:ins", "w:moveTo", "w:smartTag", "w:fldSimple", "w:customXml", "w:dir", "w:bdo")
)


def read_docx(data: bytes) -> Ingested:
    """Read a .docx given as bytes."""
    try:
        too_large = _past_limits(data)
        if too_large:
            return failed("docx", "too_large", too_large)
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile:
        return failed("docx", "error", "not a valid .docx file (zip archive is truncated or corrupt)")
    except KeyError as exc:
        return failed("docx", "error", f"not a valid .docx file (missing part {exc})")
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in str(exc):  # python-docx's parser keeps lxml's huge_tree off
            return failed("docx", "too_large", "an XML part nests elements more than 256 deep (the XML parser's limit)")
        return failed("docx", "error", f"not a valid .docx file (malformed XML: {exc})")
    except ValueError as exc:  # python-docx: the package is not a Word document (e.g. .xlsx)
        return failed("docx", "unsupported", f"zip archive is not a Word document ({exc})")
    fonts = _FontResolver(document)
    lines = list(_block_lines(document.element.body, fonts))
    text = "\n".join(lines)
    legacy = sorted(fonts.legacy_encodings_seen)
    if not legacy:
        text, repaired = _repair_mojibake(text)
        legacy = [repaired] if repaired else []
    encoding = "+".join(["docx", *legacy])
    return ok_or_empty(text, "docx", encoding, "document contains no text")


def _past_limits(data: bytes) -> str | None:
    """Why opening the .docx would cost too much, in plain words, or None; before python-docx
    inflates and parses every part. The sizes the zip declares are checked first, then each XML
    part is inflated in chunks, its "<" counted (at least one per element) and its size checked
    again as it comes: a declared size can lie."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
        for part in parts:
            if part.file_size > MAX_DOCX_PART_BYTES:
                return _part_too_large(part.filename)
        total = sum(part.file_size for part in parts)
        if total > MAX_DOCX_TOTAL_BYTES:
            return (f"its parts inflate to {megabytes(total)} "
                    f"(limit {megabytes(MAX_DOCX_TOTAL_BYTES)} for a whole document)")
        for part in parts:
            if part.filename.endswith((".xml", ".rels")):
                size = elements = 0
                with archive.open(part) as member:
                    while chunk := member.read(1 << 20):
                        size += len(chunk)
                        elements += chunk.count(b"<")
                        if size > MAX_DOCX_PART_BYTES:
                            return _part_too_large(part.filename)
                        if elements > MAX_XML_ELEMENTS:
                            return f"{part.filename} has more than {MAX_XML_ELEMENTS:,} XML elements (limit for one part)"
    return None


def _part_too_large(name: str) -> str:
    return f"{name} inflates past {megabytes(MAX_DOCX_PART_BYTES)} (limit for one part)"


def _block_lines(container, fonts: _FontResolver) -> Iterator[str]:
    """Lines of a body, cell or content control: one per paragraph, one per table row."""
    for child in container.iterchildren():
        if child.tag == _W_P:
            yield _paragraph_text(child, fonts)
        elif child.tag == _W_TBL:
            yield from _table_lines(child, fonts)
        elif child.tag == _W_SDT:
            content = child.find(_W_SDT_CONTENT)
            if content is not None:
                yield from _block_lines(content, fonts)
        elif child.tag == _W_CUSTOM_XML:
            yield from _block_lines(child, fonts)


def _table_lines(table, fonts: _FontResolver) -> Iterator[str]:
    """Each row on one line, cells joined by " | "; a cell's own lines (nested tables too) joined by spaces.

    A table of one row and two or three cells, not inside another, is the page's layout, not data: the letterhead
    (issuing body | motto, number and date) or the closing (recipients | signature). Its cells
    are read as columns, each of its lines on a line of its own, left column first, as the
    text of a .doc or .pdf gives them.
    """
    rows = [row for row in table.iter(_W_TR) if _nearest_table(row) is table]
    layout = len(rows) == 1 and _nearest_table(table) is None  # a table nested in a cell is that cell's data
    for row in rows:
        cells = [list(_block_lines(cell, fonts)) for cell in row.iter(_W_TC) if _nearest_row(cell) is row]
        if layout and len(cells) in (2, 3):
            yield from (line for cell in cells for line in cell if line.strip())
            continue
        joined = [" ".join(line.strip() for line in cell if line.strip()) for cell in cells]
        if any(joined):
            yield _CELL_SEPARATOR.join(joined)


def _nearest_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != _W_TBL:
        parent = parent.getparent()
    return parent


def _nearest_row(element):
    parent = element.getparent()
    while parent is not None and parent.tag != _W_TR:
        parent = parent.getparent()
    return parent


def _paragraph_text(paragraph, fonts: _FontResolver) -> str:
    style_id = _paragraph_style_id(paragraph)
    return "".join(fonts.decode_run(run, style_id) for run in _runs(paragraph))


def _runs(element) -> Iterator:
    """Runs of a paragraph in order, looking inside hyperlinks, insertions and the like (not deletions)."""
    for child in element.iterchildren():
        if child.tag == _W_R:
            yield child
        elif child.tag in _RUN_CONTAINERS:
            yield from _runs(child)
        elif child.tag == _W_SDT:
            content = child.find(_W_SDT_CONTENT)
            if content is not None:
                yield from _runs(content)


def _paragraph_style_id(paragraph) -> str | None:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


def _font_of(rpr) -> str | None:
    """The font for Latin-1 characters (w:hAnsi), else the ASCII one, named in a run-properties element."""
    if rpr is None:
        return None
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        return None
    return fonts.get(qn("w:hAnsi")) or fonts.get(qn("w:ascii"))


def legacy_font_encoding(font: str | None) -> str | None:
    """The 8-bit encoding a font name implies: tcvn3 for .VnTime/.VnArialH..., vni for VNI-Times..."""
    if not font:
        return None
    name = font.strip()
    if name.lower().startswith(".vn"):
        return "tcvn3"
    if name.lower().startswith(("vni-", "vni ")):
        return "vni"
    return None


def _already_unicode(text: str) -> bool:
    """Letters beyond Latin-1 (ư, ạ, đ...) never occur in legacy-font runs: the text was typed in Unicode."""
    return any(ord(ch) > 0xFF and ch.isalpha() for ch in text)


def _is_capitals_font(font: str) -> bool:
    """ABC fonts ending in "H" (.VnTimeH) draw the lower-case codes as capitals."""
    return font.strip().endswith("H")


class _FontResolver:
    """Effective font of a run: its own, its character style, its paragraph style, the document default."""

    def __init__(self, document) -> None:
        styles = document.styles.element
        self._styles = {style.get(qn("w:styleId")): style for style in styles.iter(qn("w:style"))}
        self._style_fonts: dict[str, str | None] = {}
        defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self._default_font = _font_of(defaults)
        self._default_paragraph_style = next(
            (
                style_id
                for style_id, style in self._styles.items()
                if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true", "on")
            ),
            None,
        )
        self.legacy_encodings_seen: set[str] = set()

    def decode_run(self, run, paragraph_style_id: str | None) -> str:
        text = run.text
        if text.isascii() or _already_unicode(text):
            return text
        font = self._run_font(run, paragraph_style_id)
        encoding = legacy_font_encoding(font)
        if encoding is None:
            return text
        self.legacy_encodings_seen.add(encoding)
        if encoding == "vni":
            return decode_vni_text(text)
        decoded = decode_tcvn3_text(text)
        return decoded.upper() if font and _is_capitals_font(font) else decoded

    def _run_font(self, run, paragraph_style_id: str | None) -> str | None:
        rpr = run.find(qn("w:rPr"))
        font = _font_of(rpr)
        if font:
            return font
        if rpr is not None:
            character_style = rpr.find(qn("w:rStyle"))
            if character_style is not None:
                font = self._style_font(character_style.get(qn("w:val")))
                if font:
                    return font
        font = self._style_font(paragraph_style_id or self._default_paragraph_style)
        return font or self._default_font

    def _style_font(self, style_id: str | None) -> str | None:
        """Font set by a style or the styles it is based on (memoised; cycles stop)."""
        chain: list[str] = []
        font = None
        while style_id and style_id not in chain:
            if style_id in self._style_fonts:
                font = self._style_fonts[style_id]
                break
            chain.append(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            font = _font_of(style.find(qn("w:rPr")))
            if font:
                break
            based_on = style.find(qn("w:basedOn"))
            style_id = None if based_on is None else based_on.get(qn("w:val"))
        for visited in chain:
            self._style_fonts[visited] = font
        return font


def _repair_mojibake(text: str) -> tuple[str, str | None]:
    """Convert text still in TCVN3/VNI look-alike characters; returns (text, encoding or None)."""
    if text.isascii():
        return text, None
    original_score = plausibility(text[:65536])
    best_text, best_encoding, best_score = text, None, original_score + _REPAIR_MARGIN
    for encoding, decode in (("tcvn3", decode_tcvn3_text), ("vni", decode_vni_text)):
        candidate = decode(text)
        score = plausibility(candidate[:65536])
        if score > best_score:
            best_text, best_encoding, best_score = candidate, encoding, score
    return best_text, best_encoding
