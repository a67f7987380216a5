"""Properties: reading arbitrary bytes never raises; legacy codecs round-trip; line joining keeps every word."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from report_extract.ingest import SUPPORTED_SUFFIXES, read_document
from report_extract.ingest.encodings import (
    decode_tcvn3,
    decode_vni,
    encode_tcvn3,
    encode_vni,
)
from report_extract.ingest.pdf import join_wrapped_lines
from report_extract.ingest.vietnamese import LOWERCASE_LETTERS

VIETNAMESE_TEXT = st.text(
    alphabet=LOWERCASE_LETTERS + LOWERCASE_LETTERS.upper() + "bcdfghjklmnpqrstvwxz" + "0123456789" + " .,;:!?()-%/\n",
    max_size=300,
)
STATUSES = {"ok", "error", "empty", "no_text", "unsupported"}
FORMATS = {"txt", "md", "docx", "pdf", "html", "unknown"}
MAGIC_PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"<html><body>",
    b"{\\rtf1",
]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def assert_well_formed(result) -> None:
    assert result.status in STATUSES
    assert result.format in FORMATS
    assert isinstance(result.text, str) and isinstance(result.encoding, str)
    if result.status == "ok":
        assert result.error is None and result.text.strip()
    else:
        assert result.error and result.text == ""


@FUZZ
@given(
    suffix=st.sampled_from([*SUPPORTED_SUFFIXES, ".doc", ""]),
    prefix=st.sampled_from(MAGIC_PREFIXES),
    body=st.binary(max_size=2048),
)
def test_any_bytes_under_any_name_never_raise(scratch, suffix, prefix, body):
    path = scratch / f"fuzz{suffix}"
    path.write_bytes(prefix + body)
    assert_well_formed(read_document(path))


@FUZZ
@given(text=st.text(max_size=400), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_any_unicode_text_under_any_name_never_raises(scratch, text, suffix):
    path = scratch / f"text{suffix}"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    assert_well_formed(read_document(path))


@settings(max_examples=200, deadline=None)
@given(VIETNAMESE_TEXT)
def test_tcvn3_round_trip(text):
    assert decode_tcvn3(encode_tcvn3(text)) == text


@settings(max_examples=200, deadline=None)
@given(VIETNAMESE_TEXT)
def test_vni_round_trip(text):
    assert decode_vni(encode_vni(text)) == text


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=512))
def test_legacy_decoders_accept_every_byte(data):
    assert len(decode_tcvn3(data)) == len(data)
    decode_vni(data)


@settings(max_examples=100, deadline=None)
@given(st.lists(VIETNAMESE_TEXT.map(lambda s: " ".join(s.split())), max_size=20))
def test_line_joining_keeps_every_word_in_order(lines):
    assert join_wrapped_lines(lines).split() == " ".join(lines).split()
