"""Recognise what a file really is from its content, whatever its name says.

Files arrive mislabelled (a web page saved as .txt, a .docx renamed .pdf), so
the leading bytes decide; the suffix only breaks ties.
"""

from __future__ import annotations

import re

PDF = "pdf"
ZIP = "zip"
OLE2 = "ole2"
RTF = "rtf"
TEXT = "text"

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def sniff_container(data: bytes) -> str:
    """PDF, ZIP (a .docx is a zip), OLE2 (legacy .doc/.xls), RTF, or TEXT for anything else."""
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(_ZIP_MAGICS):
        return ZIP
    if data.startswith(_OLE2_MAGIC):
        return OLE2
    if data[:64].lstrip().startswith(b"{\\rtf"):
        return RTF
    return TEXT


def is_word_zip(data: bytes) -> bool:
    """A zip holding a Word body part; its name sits in a local header even when the archive is cut short."""
    return b"word/" in data


_ANY_TAG = re.compile(r"<[A-Za-z!/][^>]{0,2000}>")
_DOCUMENT_TAG = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_FRAGMENT_START = re.compile(
    r"<(?:meta|title|div|p|table|article|section|span|h[1-6]|ul|ol|br|font|center)[\s>/]", re.IGNORECASE
)
_CLOSING_TAG = re.compile(r"</(?:p|div|table|span|h[1-6]|ul|ol|li|title|article|section|font|center)>", re.IGNORECASE)


def looks_like_html(text: str, claimed_format: str) -> bool:
    """Whether decoded text is markup.

    Named .html/.htm: any tag will do. Otherwise it must start with a tag and
    either carry a document tag (<html>, <!DOCTYPE html>, <head>, <body>) or,
    except for Markdown (which may embed tags), open with an HTML element and close one.
    """
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if claimed_format == "html":
        return _ANY_TAG.search(head) is not None
    if not head.startswith("<"):
        return False
    if _DOCUMENT_TAG.search(head):
        return True
    return (
        claimed_format != "md"
        and _FRAGMENT_START.match(head) is not None
        and _CLOSING_TAG.search(text[:65536]) is not None
    )
