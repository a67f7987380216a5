"""Ingest: turn report files of any supported format and encoding into one decoded text each.

read_document(path) -> Ingested   never raises for bad input; see Ingested.status / .error
read_document_bytes(data, name)   the same for bytes already read
discover(inputs)    -> [(path, source)]
"""

from report_extract.ingest.discover import SUPPORTED_SUFFIXES, discover
from report_extract.ingest.reader import read_document, read_document_bytes
from report_extract.ingest.result import Ingested

__all__ = ["SUPPORTED_SUFFIXES", "Ingested", "discover", "read_document", "read_document_bytes"]
