"""The legacy tables against published reference values, and the judge that picks an encoding."""

from __future__ import annotations

import pytest

from report_extract.ingest.encodings import (
    TCVN3_TABLE,
    decode_vni,
    encode_tcvn3,
    encode_vni,
)
from report_extract.ingest.vietnamese import plausibility, syllable_verdict

# TCVN 5712:1993 (VN1) bytes 0x80-0xFF as Unicode code points, as published (e.g. GNU libiconv's tcvn.h).
# 0xB0-0xB4 are VN1's loose tone marks; the ABC fonts draw Latin-1 symbols there, and so do we.
# fmt: off
TCVN_5712_HIGH_HALF = [
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, 0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, 0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
]
TCVN_5712_CONTROL_RANGE = {
    0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ",
}
# fmt: on

# VNI-Windows spellings (Windows-1252 view of the bytes) of each vowel in the tone order none, sắc, huyền, hỏi, ngã, nặng.
VNI_ALPHABET = {
    "aáàảãạ": "a aù aø aû aõ aï",
    "ăắằẳẵặ": "aê aé aè aú aü aë",
    "âấầẩẫậ": "aâ aá aà aå aã aä",
    "eéèẻẽẹ": "e eù eø eû eõ eï",
    "êếềểễệ": "eâ eá eà eå eã eä",
    "iíìỉĩị": "i í ì æ ó ò",
    "oóòỏõọ": "o où oø oû oõ oï",
    "ôốồổỗộ": "oâ oá oà oå oã oä",
    "ơớờởỡợ": "ô ôù ôø ôû ôõ ôï",
    "uúùủũụ": "u uù uø uû uõ uï",
    "ưứừửữự": "ö öù öø öû öõ öï",
    "yýỳỷỹỵ": "y yù yø yû yõ î",
    "đ": "ñ",
}


def test_tcvn3_high_half_matches_tcvn_5712():
    for offset, code_point in enumerate(TCVN_5712_HIGH_HALF):
        byte = 0x80 + offset
        expected = chr(byte) if 0xB0 <= byte <= 0xB4 else chr(code_point)
        assert TCVN3_TABLE[byte] == expected, hex(byte)


def test_tcvn3_control_range_and_ascii():
    for byte in range(0x80):
        assert TCVN3_TABLE[byte] == TCVN_5712_CONTROL_RANGE.get(byte, chr(byte)), hex(byte)


@pytest.mark.parametrize(("letters", "spellings"), VNI_ALPHABET.items())
def test_vni_spellings_match_the_published_table(letters, spellings):
    for letter, spelling in zip(letters, spellings.split(), strict=True):
        assert encode_vni(letter) == spelling.encode("cp1252")
        assert encode_vni(letter.upper()) == spelling.upper().encode("cp1252")
        assert decode_vni(spelling.upper().encode("cp1252")) == letter.upper()


def test_vni_accepts_a_mark_in_the_other_case_than_its_letter():
    assert decode_vni("AÙ Aù aÙ".encode("cp1252")) == "Á Á á"


def test_vni_letter_after_a_replaced_letter_is_not_read_as_a_mark():
    # "hoaø" is h-o-à; the à produced from "aø" must not combine with the "o" before it into ồ.
    assert decode_vni("hoaø ngöôøi".encode("cp1252")) == "hoà người"


def test_encoders_refuse_what_the_encoding_cannot_hold():
    with pytest.raises(UnicodeEncodeError):
        encode_tcvn3("“trích dẫn”")
    with pytest.raises(ValueError):
        encode_vni("Müller")


@pytest.mark.parametrize(
    ("word", "verdict"),
    [
        ("người", 1),
        ("Nghiêng", 1),
        ("khuyến", 1),
        ("QUỐC", 1),
        ("gìn", 1),
        ("hoặc", 1),
        ("ủy", 1),
        ("Viờũt", -1),
        ("Vieọt", -1),
        ("tíếng", -1),
        ("ñöôïc", -1),
        ("Tuyªn", -1),
        ("hoàá", -1),
        ("nguyễnn", -1),
        ("HĐND", 0),
        ("report", 0),
        ("UBND", 0),
    ],
)
def test_syllable_verdict(word, verdict):
    assert syllable_verdict(word) == verdict


def test_plausibility_prefers_the_right_decoding():
    right = "Cộng hoà xã hội chủ nghĩa Việt Nam"
    for wrong in (
        "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
        "Cộng hòa xã hội chủ nghĩa Viờũt Nam",
    ):
        assert plausibility(right) > plausibility(wrong)
