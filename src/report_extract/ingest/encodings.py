"""Decoding bytes of unknown encoding, including the legacy Vietnamese 8-bit ones.

Python has codecs for UTF-8/16 and Windows-1258 but none for TCVN3 (ABC, the
.VnTime fonts) or VNI-Windows, which most pre-2005 Vietnamese office files
use, so their tables are written out here. Which encoding a file is in is
never assumed: BOM, UTF-16 byte pattern and strict UTF-8 are exact tests;
among the legacy 8-bit encodings the one whose output reads most like
Vietnamese wins (see `vietnamese.plausibility`), and only if its words are
Vietnamese syllables. A UTF-8 file with a few bad bytes stays UTF-8: they
are replaced by U+FFFD and a warning says so, rather than the whole report
being refused or read as mojibake in a legacy encoding.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from report_extract.ingest.vietnamese import (
    plain_character_share,
    plausibility,
    syllable_verdict,
)

# Tone order of every row below: none, sắc (acute), huyền (grave), hỏi (hook), ngã (tilde), nặng (dot).
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")

# --- TCVN3 -----------------------------------------------------------------
# TCVN 5712:1993 "VN1", the superset of the ABC/TCVN3 font encoding: the
# .VnTime fonts put lower-case letters and ĂÂÊÔƠƯĐ in 0xA1-0xFE; VN1 adds the
# upper-case toned letters in 0x80-0x9F, a few free slots above 0xA0 and
# twelve control-range bytes (never TAB, LF or CR). Bytes not listed decode
# as Latin-1 (0xA0 no-break space, 0xB0-0xB4 °±²³´).
# A value that is a str is the letter itself (ASCII, same byte).
_TCVN3_ROWS: dict[str, tuple[int | str, ...]] = {
    "a": ("a", 0xB8, 0xB5, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB),
    "e": ("e", 0xD0, 0xCC, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6),
    "i": ("i", 0xDD, 0xD7, 0xD8, 0xDC, 0xDE),
    "o": ("o", 0xE3, 0xDF, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE),
    "u": ("u", 0xF3, 0xEF, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9),
    "y": ("y", 0xFD, 0xFA, 0xFB, 0xFC, 0xFE),
    "A": ("A", 0x83, 0x80, 0x81, 0x82, 0x84),
    "Ă": (0xA1, 0xC0, 0xAF, 0xBA, 0xBF, 0x85),
    "Â": (0xA2, 0xC4, 0xC1, 0xC2, 0xC3, 0x86),
    "E": ("E", 0x8A, 0x87, 0x88, 0x89, 0x8B),
    "Ê": (0xA3, 0xDA, 0xC5, 0xCD, 0xD9, 0x8C),
    "I": ("I", 0x90, 0x8D, 0x8E, 0x8F, 0x91),
    "O": ("O", 0x95, 0x92, 0x93, 0x94, 0x96),
    "Ô": (0xA4, 0xFF, 0xDB, 0xE0, 0xF0, 0x97),
    "Ơ": (0xA5, 0x9B, 0x98, 0x99, 0x9A, 0x9C),
    "U": ("U", 0x01, 0x9D, 0x9E, 0x9F, 0x02),
    "Ư": (0xA6, 0x11, 0x04, 0x05, 0x06, 0x12),
    "Y": ("Y", 0x16, 0x13, 0x14, 0x15, 0x17),
}
_TCVN3_D_WITH_STROKE = {"đ": 0xAE, "Đ": 0xA7}

# --- VNI-Windows -----------------------------------------------------------
# A base Latin letter followed by one mark byte (circumflex/breve fused with
# the tone), or a single byte for đ, ơ, ư and the toned i. Shown as the
# Windows-1252 characters of those bytes; upper-case letters use the
# upper-case of the same characters ("aù" = á, "AÙ" = Á).
_VNI_ROWS: dict[str, tuple[str, ...]] = {
    "a": ("a", "aù", "aø", "aû", "aõ", "aï"),
    "ă": ("aê", "aé", "aè", "aú", "aü", "aë"),
    "â": ("aâ", "aá", "aà", "aå", "aã", "aä"),
    "e": ("e", "eù", "eø", "eû", "eõ", "eï"),
    "ê": ("eâ", "eá", "eà", "eå", "eã", "eä"),
    "i": ("i", "í", "ì", "æ", "ó", "ò"),
    "o": ("o", "où", "oø", "oû", "oõ", "oï"),
    "ô": ("oâ", "oá", "oà", "oå", "oã", "oä"),
    "ơ": ("ô", "ôù", "ôø", "ôû", "ôõ", "ôï"),
    "u": ("u", "uù", "uø", "uû", "uõ", "uï"),
    "ư": ("ö", "öù", "öø", "öû", "öõ", "öï"),
    "y": ("y", "yù", "yø", "yû", "yõ", "î"),
}
_VNI_D_WITH_STROKE = "ñ"


def _tcvn3_decoding_table() -> str:
    """256 characters, index = byte: the letters above placed over Latin-1."""
    chars = [chr(byte) for byte in range(256)]
    for vowel, row in _TCVN3_ROWS.items():
        for tone, code in zip(_TONES, row, strict=True):
            if isinstance(code, int):
                chars[code] = unicodedata.normalize("NFC", vowel + tone)
    for letter, code in _TCVN3_D_WITH_STROKE.items():
        chars[code] = letter
    return "".join(chars)


def _vni_letter_spellings() -> dict[str, str]:
    """Letter -> VNI spelling for all 146 letters (capitals spelled in capitals)."""
    table = {}
    for vowel, row in _VNI_ROWS.items():
        for tone, spelling in zip(_TONES, row, strict=True):
            letter = unicodedata.normalize("NFC", vowel + tone)
            table[letter] = spelling
            table[letter.upper()] = spelling.upper()
    table["đ"] = _VNI_D_WITH_STROKE
    table["Đ"] = _VNI_D_WITH_STROKE.upper()
    return table


def _vni_decode_map(spellings: dict[str, str]) -> dict[str, str]:
    """Spelling -> letter, also accepting a mark byte in the other case than its base letter."""
    decode = {spelling: letter for letter, spelling in spellings.items() if not spelling.isascii()}
    for spelling, letter in list(decode.items()):
        if len(spelling) == 2:
            base, mark = spelling[0], spelling[1]
            decode.setdefault(base + mark.swapcase(), letter)
    return decode


def _vni_sequence_pattern(decode: dict[str, str]) -> re.Pattern[str]:
    """One capturing group matching any spelling: two-char ones grouped by base letter, then singles."""
    marks_by_base: dict[str, list[str]] = {}
    singles = []
    for spelling in decode:
        if len(spelling) == 2:
            marks_by_base.setdefault(spelling[0], []).append(spelling[1])
        else:
            singles.append(spelling)
    branches = [f"{re.escape(base)}[{''.join(sorted(marks))}]" for base, marks in sorted(marks_by_base.items())]
    branches.append(f"[{''.join(sorted(singles))}]")
    return re.compile(f"({'|'.join(branches)})")


def _windows_1252_chars() -> str:
    """Byte -> character as Windows shows it; the five unassigned bytes as Latin-1."""
    return "".join(bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(256))


TCVN3_TABLE = _tcvn3_decoding_table()
"""Byte value -> character for TCVN3 (index = byte)."""
_TCVN3_ENCODING_MAP = codecs.charmap_build(TCVN3_TABLE)
_TCVN3_TEXT_MAP = {byte: TCVN3_TABLE[byte] for byte in range(256) if TCVN3_TABLE[byte] != chr(byte)}

_VNI_ENCODE = _vni_letter_spellings()
_VNI_DECODE = _vni_decode_map(_VNI_ENCODE)
_VNI_SEQUENCE = _vni_sequence_pattern(_VNI_DECODE)
_VNI_BYTE_CHARS = _windows_1252_chars()
_VNI_BYTE_MAP = codecs.charmap_build(_VNI_BYTE_CHARS)
_VNI_MARK_CHARS = frozenset(spelling[1] for spelling in _VNI_DECODE if len(spelling) == 2)
_VNI_MARK_BYTES = frozenset(_VNI_BYTE_CHARS.index(ch) for ch in _VNI_MARK_CHARS)
_VNI_RESERVED = frozenset(ch for spelling in _VNI_ENCODE.values() for ch in spelling if not ch.isascii()) - frozenset(
    _VNI_ENCODE
)
"""Characters that VNI uses as mark bytes and that are not Vietnamese letters: not encodable."""

_CP1258_TONE_BYTES = frozenset({0xCC, 0xD2, 0xDE, 0xEC, 0xF2})  # combining grave, hook, tilde, acute, dot below
_CHUNK = 1 << 20
"""Long inputs are decoded in pieces of about this many bytes, so memory stays a small multiple of the file."""


def decode_tcvn3(data: bytes) -> str:
    """Decode TCVN3 (ABC / TCVN 5712 VN1) bytes."""
    return codecs.charmap_decode(data, "strict", TCVN3_TABLE)[0]


def decode_tcvn3_text(text: str) -> str:
    """Decode text whose characters stand for TCVN3 bytes (Windows showed them as Latin-1).

    This is how a .VnTime run looks inside a .docx: 'Tuyªn gi¸o' for 'Tuyên giáo'.
    Typographic quotes and dashes (cp1252 0x80-0x9F) are left alone: the ABC
    fonts draw them as punctuation.
    """
    return text.translate(_TCVN3_TEXT_MAP)


def encode_tcvn3(text: str) -> bytes:
    """Encode text to TCVN3 bytes; raises UnicodeEncodeError for characters TCVN3 lacks."""
    return codecs.charmap_encode(unicodedata.normalize("NFC", text), "strict", _TCVN3_ENCODING_MAP)[0]


def decode_vni(data: bytes) -> str:
    """Decode VNI-Windows bytes."""
    return "".join(
        _decode_vni_piece(codecs.charmap_decode(data[start:end], "strict", _VNI_BYTE_CHARS)[0])
        for start, end in _pieces(data, _VNI_MARK_BYTES)
    )


def decode_vni_text(text: str) -> str:
    """Decode text whose characters stand for VNI-Windows bytes (as Windows-1252 shows them)."""
    return "".join(_decode_vni_piece(text[start:end]) for start, end in _pieces(text, _VNI_MARK_CHARS))


def _decode_vni_piece(text: str) -> str:
    """All spellings replaced in one left-to-right pass (a replaced letter is never re-read as a mark)."""
    parts = _VNI_SEQUENCE.split(text)
    parts[1::2] = map(_VNI_DECODE.__getitem__, parts[1::2])
    return "".join(parts)


def encode_vni(text: str) -> bytes:
    """Encode text to VNI-Windows bytes; raises ValueError for characters VNI cannot carry."""
    text = unicodedata.normalize("NFC", text)
    for ch in text:
        if ch in _VNI_RESERVED:
            raise ValueError(f"character {ch!r} cannot be written in VNI-Windows")
    spelled = "".join(_VNI_ENCODE.get(ch, ch) for ch in text)
    return codecs.charmap_encode(spelled, "strict", _VNI_BYTE_MAP)[0]


def decode_cp1258(data: bytes) -> str:
    """Decode Windows-1258, which writes tones as combining marks, into composed (NFC) text."""
    return "".join(
        unicodedata.normalize("NFC", data[start:end].decode("cp1258", errors="replace"))
        for start, end in _pieces(data, _CP1258_TONE_BYTES)
    )


def _pieces(sequence: bytes | str, continuations: frozenset) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces of about _CHUNK items, never cut before a continuation item.

    A multi-item letter is a base item followed by continuation items (a VNI
    mark, a cp1258 combining tone), so a cut that is not followed by one
    keeps every letter whole and the pieces decode exactly as the whole would.
    """
    start, length = 0, len(sequence)
    while start < length:
        end = min(start + _CHUNK, length)
        while end < length and sequence[end] in continuations:
            end += 1
        yield start, end
        start = end


LEGACY_DECODERS: dict[str, Callable[[bytes], str]] = {
    "cp1258": decode_cp1258,
    "tcvn3": decode_tcvn3,
    "vni": decode_vni,
}
"""The 8-bit encodings Vietnamese files come in; on equal scores the first wins."""


@dataclass(frozen=True)
class DecodedText:
    """Text, the name of the encoding it was decoded from, and what had to be replaced to decode it."""

    text: str
    encoding: str
    warning: str | None = None


class NotTextError(ValueError):
    """The bytes do not decode to text in any encoding considered."""


_SAMPLE_BYTES = 65536
_MIN_PLAIN_SHARE = 0.85
_MAX_GARBAGE_SHARE = 0.05
_MAX_BAD_UTF8_SHARE = 0.5
"""Invalid sequences, as a share of all non-ASCII ones, up to which a file is damaged UTF-8. Measured:
real reports in TCVN3/VNI/cp1258 0.99-1.0, random bytes 0.85-1.0, 1-5 stray bytes in a UTF-8 report at most 0.19."""
_MIN_SYLLABLE_SHARE = 0.8
"""Share of accented words that must be Vietnamese syllables for a legacy decoding to be believed.
Measured: real reports in TCVN3/VNI/cp1258 0.99 or more, random bytes at most 0.5."""
_ASCII_BYTES = bytes(range(0x80))
_NOT_TEXT = "binary file, not a text document"
_NEITHER_UTF8_NOR_VIETNAMESE = (
    "not a text document: the bytes are not UTF-8 and do not read as Vietnamese in TCVN3, VNI or Windows-1258"
)
_WORD = re.compile(r"[^\W\d_]+")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a text file whose encoding is unknown, or raise NotTextError for binary content.

    Order: BOM; UTF-16 without BOM (NUL bytes at alternate positions); strict
    UTF-8 ("ascii" when there are no high bytes); else see `_decode_not_strict_utf8`.
    A leading BOM is dropped from the text.
    """
    for bom, label, codec in _BOMS:
        if data.startswith(bom):
            text, warning = _decode_lenient(data, codec, len(bom))
            return _checked(text, label, warning)
    utf16 = _utf16_without_bom(data)
    if utf16:
        text, warning = _decode_lenient(data, utf16)
        return _checked(text, utf16, warning)
    if b"\x00" in data:
        raise NotTextError(_NOT_TEXT)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_not_strict_utf8(data, exc.start)
    return _checked(text, "ascii" if data.isascii() else "utf-8")


def _decode_not_strict_utf8(data: bytes, first_bad: int) -> DecodedText:
    """Damaged UTF-8, a legacy Vietnamese encoding, or not text.

    UTF-8 with at most `_MAX_BAD_UTF8_SHARE` of its non-ASCII sequences invalid
    is UTF-8 (legacy encodings hardly ever form a valid sequence); otherwise a
    legacy encoding that reads as Vietnamese; otherwise, text that is plain
    apart from a few bad bytes (mostly-ASCII text with a stray byte) is still
    UTF-8. Every fallback to UTF-8 carries a warning.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    high_bytes = len(data.translate(None, _ASCII_BYTES))
    valid = len(text) - (len(data) - high_bytes) - bad  # each ASCII byte is one character, valid or not
    warning = _replaced_warning(bad, "UTF-8", first_bad)
    if bad <= _MAX_BAD_UTF8_SHARE * (bad + valid) and not _mostly_garbage(text):
        return DecodedText(text, "utf-8", warning)
    try:
        return decode_legacy(data)
    except NotTextError:
        if _mostly_garbage(text):
            raise NotTextError(_NEITHER_UTF8_NOR_VIETNAMESE) from None
        return DecodedText(text, "utf-8", warning)


def decode_legacy(data: bytes) -> DecodedText:
    """Decode 8-bit bytes with whichever legacy Vietnamese encoding reads best.

    Scores a sample so a file of tens of MB is decoded in full only once.
    Raises NotTextError when even the best candidate is mostly symbols, or its
    words are not Vietnamese: every byte decodes in these tables, so decoding
    at all proves nothing.
    """
    encoding, sample_text = _best_legacy_encoding(data[:_SAMPLE_BYTES])
    if plain_character_share(sample_text) < _MIN_PLAIN_SHARE or not _reads_as_vietnamese(sample_text):
        raise NotTextError(_NEITHER_UTF8_NOR_VIETNAMESE)
    return DecodedText(LEGACY_DECODERS[encoding](data), encoding)


def _best_legacy_encoding(sample: bytes) -> tuple[str, str]:
    """The legacy encoding whose decoding of `sample` reads most like Vietnamese, and that decoding."""
    best_name, best_score, best_text = "", float("-inf"), ""
    for name, decode in LEGACY_DECODERS.items():
        text = decode(sample)
        score = plausibility(text)
        if score > best_score:
            best_name, best_score, best_text = name, score, text
    return best_name, best_text


def _reads_as_vietnamese(text: str) -> bool:
    """Positive evidence: at least one accented word, and `_MIN_SYLLABLE_SHARE` of them well-formed syllables.

    Plain-ASCII words read the same in every encoding, so only accented ones
    count (a mis-decoding makes them impossible syllables such as "Viá»‡t").
    """
    verdicts = [syllable_verdict(word) for word in _WORD.findall(text) if not word.isascii()]
    good, impossible = verdicts.count(1), verdicts.count(-1)
    return good > 0 and good >= _MIN_SYLLABLE_SHARE * (good + impossible)


def _decode_lenient(data: bytes, codec: str, skip: int = 0) -> tuple[str, str | None]:
    """The text after the first `skip` bytes, invalid sequences replaced by U+FFFD, and a warning when there were any."""
    body = data[skip:]
    try:
        return body.decode(codec), None
    except UnicodeDecodeError as exc:
        text = body.decode(codec, errors="replace")
        bad = text.count("\ufffd") - body.count("\ufffd".encode(codec))
        return text, _replaced_warning(bad, codec.upper(), skip + exc.start)


def _replaced_warning(bad: int, codec: str, first_bad: int) -> str:
    """The documents row's note that the text is not exactly the file: how many sequences, and where the first was."""
    bad = max(bad, 1)
    places = "1 invalid byte sequence" if bad == 1 else f"{bad} invalid byte sequences"
    return f"{places} in {codec} text replaced by U+FFFD (first at byte {first_bad})"


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its NUL high bytes (text is mostly ASCII-range characters)."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls >= 0.3 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.3 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str, warning: str | None = None) -> DecodedText:
    """Reject decoded text that is mostly control, unassigned or private-use characters."""
    if _mostly_garbage(text):
        raise NotTextError(_NOT_TEXT)
    return DecodedText(text, encoding, warning)


def _mostly_garbage(text: str) -> bool:
    """More than `_MAX_GARBAGE_SHARE` of a sample are replacement marks, controls, unassigned or private-use."""
    sample = text[:_SAMPLE_BYTES]
    garbage = len(_GARBAGE.findall("".join(_NOT_PLAIN.findall(sample))))
    return bool(sample) and garbage / len(sample) > _MAX_GARBAGE_SHARE


# Replacement marks, unassigned, private-use and surrogate code points, and the control
# characters other than the whitespace (and the DOS end-of-file mark) that text files hold.
_GARBAGE = regex.compile(r"[\ufffd\p{Cn}\p{Co}\p{Cs}\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
# Characters of ordinary Vietnamese text, none of them garbage (every code point in these
# ranges is assigned): the standard engine sets them aside fast, so the garbage check only
# looks at what remains.
_NOT_PLAIN = re.compile(r"[^\t\n\r\x20-\x7e\xa0-\u024f\u0300-\u036f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]")
