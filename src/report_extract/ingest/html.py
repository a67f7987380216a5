"""Web pages: the article text only, without menus, sidebars, visit counters or scripts.

Reports are often published on district or commune portals whose pages
carry numbers that are not part of the report ("Tổng lượt truy cập:
4.567.890"); those must not reach extraction.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Any

from bs4 import (
    BeautifulSoup,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from report_extract.ingest.encodings import (
    DecodedText,
    NotTextError,
    decode_bytes,
    decode_cp1258,
)
from report_extract.ingest.result import Ingested, failed, ok_or_empty
from report_extract.limits import MAX_HTML_DEPTH, MAX_HTML_TAGS

_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_WESTERN_8BIT = frozenset({"ascii", "iso8859-1", "cp1252"})

_DROPPED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "input",
    "textarea",
    "object",
    "embed",
    "canvas",
    "map",
    "menu",
)
_PAGE_FURNITURE_TAGS = ("header", "footer")
_NOISE_NAME = re.compile(
    r"menu|nav|sidebar|footer|header|breadcrumb|share|social|comment|related|widget|banner|advert"
    r"|counter|visit|thong-?ke|luot-?truy-?cap|lien-?quan|tin-?khac|quang-?cao",
    re.IGNORECASE,
)
_CONTENT_NAME = re.compile(r"content|detail|article|noi-?dung|chi-?tiet|news|post|entry|main", re.IGNORECASE)
_COUNTER_LINE = re.compile(
    r"^(?:đang truy cập|đang online|tổng lượt truy cập|tổng số lượt truy cập|lượt truy cập|lượt xem"
    r"|online|hôm nay|hôm qua|tuần này|tháng này|view count|views|visitors?)"
    r"[\s:：|]*[\d.,\s]*$",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table thead tbody tfoot blockquote section article "  # noqa: SIM905
    "main header footer pre figure figcaption caption address hr center details summary".split()
)
_CELL_TAGS = frozenset({"td", "th"})
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_MAIN_SHARE = 0.5
"""A container must hold at least this share of the page text to be taken as the main content."""
_NEAR_WHOLE = 0.9
"""Among main-content candidates, the smallest one holding this share of the largest wins."""
_WHITESPACE = re.compile(r"\s+")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]{0,2000}?(/?)>")
_UNNESTED_TAGS = frozenset(
    # void elements, and those whose end tag may be left out (they do not pile up when it is)
    "area base br col embed hr img input link meta param source track wbr "  # noqa: SIM905
    "p li dt dd tr td th thead tbody tfoot option optgroup colgroup caption rt rp html head body".split()
)


def read_html(data: bytes) -> Ingested:
    """Read a web page given as bytes."""
    decoded = decode_html_bytes(data)
    if decoded.text.count("<") > MAX_HTML_TAGS:
        return failed("html", "too_large", f"the page has more than {MAX_HTML_TAGS:,} tags (limit for one page)",
                      decoded.encoding)
    if _nests_deeper(decoded.text, MAX_HTML_DEPTH):
        return failed("html", "too_large", f"the page nests elements more than {MAX_HTML_DEPTH} deep (limit for one page)",
                      decoded.encoding)
    soup = BeautifulSoup(decoded.text, "lxml")
    body = soup.body or soup
    _drop_page_furniture(body)
    text = _visible_text(_main_content(body))
    return ok_or_empty(text, "html", decoded.encoding, "page has no main text", decoded.warning)


def _nests_deeper(text: str, limit: int) -> bool:
    """Whether elements open inside each other more than `limit` deep: a scan of the tags
    (bounded by MAX_HTML_TAGS), before BeautifulSoup builds an object for each."""
    depth = 0
    for tag in _TAG.finditer(text):
        if tag.group(2).lower() in _UNNESTED_TAGS or tag.group(3):
            continue
        if tag.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > limit:
                return True
    return False


def decode_html_bytes(data: bytes) -> DecodedText:
    """Charset from BOM, then a <meta> declaration, then content: UTF-8, else the best legacy Vietnamese one.

    A Western 8-bit declaration (iso-8859-1, windows-1252) loses to content that
    is valid UTF-8: Vietnamese sites often keep a template's stale declaration.
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return DecodedText(data[len(bom) :].decode(codec, errors="replace"), codec)
    declared = _declared_charset(data)
    utf8 = _strict_utf8(data)
    if declared and not (utf8 is not None and declared in _WESTERN_8BIT):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            return DecodedText(unicodedata.normalize("NFC", text) if declared == "cp1258" else text, declared)
    if utf8 is not None:
        return DecodedText(utf8, "utf-8")
    try:  # damaged UTF-8 stays UTF-8 with a warning; a legacy encoding only where its words are Vietnamese
        return decode_bytes(data)
    except NotTextError:
        return DecodedText(decode_cp1258(data), "cp1258")


def _declared_charset(data: bytes) -> str | None:
    """The codec named by a <meta charset> or http-equiv declaration, if Python knows it (UTF-16 claims ignored)."""
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name.startswith(("utf-16", "utf-32")) else name


def _strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _drop_page_furniture(body: Tag) -> None:
    """Remove scripts, navigation, sidebars and counters; keep anything that wraps the article itself."""
    for tag in body.find_all(_DROPPED_TAGS):
        if not tag.decomposed:
            tag.decompose()
    for tag in body.find_all(_PAGE_FURNITURE_TAGS):
        if not tag.decomposed and tag.find_parent(("article", "main")) is None:
            tag.decompose()
    page_length = len(body.get_text())
    for tag in body.find_all(_has_noise_name):
        if tag.decomposed or tag.find(("article", "main")) is not None:
            continue
        if len(tag.get_text()) > _MAIN_SHARE * page_length:
            continue  # a wrapper such as <div class="has-sidebar"> around everything
        tag.decompose()


def _has_noise_name(tag: Tag) -> bool:
    return bool(_NOISE_NAME.search(_names(tag)))


def _names(tag: Tag) -> str:
    classes: Any = tag.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([*classes, str(tag.get("id") or "")])


def _main_content(body: Tag) -> Tag:
    """The most specific article/main/content container that still holds nearly all of the page text."""
    page_length = len(body.get_text())
    candidates = [
        (len(tag.get_text()), tag)
        for tag in body.find_all(True)
        if tag.name in ("article", "main") or tag.get("role") == "main" or _CONTENT_NAME.search(_names(tag))
    ]
    candidates = [(length, tag) for length, tag in candidates if length >= _MAIN_SHARE * page_length]
    if not candidates:
        return body
    largest = max(length for length, _ in candidates)
    return min(
        ((length, index, tag) for index, (length, tag) in enumerate(candidates) if length >= _NEAR_WHOLE * largest),
        key=lambda item: (item[0], item[1]),
    )[2]


def _visible_text(root: Tag) -> str:
    """Text with a line per block element and per table row (cells joined by " | "); inline tags add nothing."""
    pieces: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    preformatted = 0
    while stack:
        node, closing = stack.pop()
        if closing:
            pieces.append("\n")
            if getattr(node, "name", None) == "pre":
                preformatted -= 1
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, _SKIPPED_STRINGS):
                pieces.append(str(node) if preformatted else _WHITESPACE.sub(" ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name == "br":
            pieces.append("\n")
            continue
        if name in _CELL_TAGS and node.find_previous_sibling(_CELL_TAGS) is not None:
            pieces.append(" | ")
        if name in _BLOCK_TAGS:
            pieces.append("\n")
            if name == "pre":
                preformatted += 1
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    return _clean_lines("".join(pieces))


def _clean_lines(text: str) -> str:
    """Trim lines, collapse spaces (no-break spaces too), drop blank and visit-counter lines."""
    lines = []
    for raw in text.split("\n"):
        line = _WHITESPACE.sub(" ", raw).strip()
        if line and not _COUNTER_LINE.match(unicodedata.normalize("NFC", line)):
            lines.append(line)
    return "\n".join(lines)
