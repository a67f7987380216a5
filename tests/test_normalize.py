"""Normalisation keeps a map back: every span points at the same characters in the original."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, strategies as st

from report_extract.normalize import normalize


@pytest.mark.parametrize("old,new", [
    ("hoà", "hòa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("Uỷ ban", "Ủy ban"), ("Huyện uỷ", "Huyện ủy"),
])
def test_old_style_tone_placement(old, new):
    assert normalize(old).text == new


@pytest.mark.parametrize("word", ["quý", "hoàng", "khuya", "thuyết", "hòa", "ủy"])
def test_words_left_alone(word):
    assert normalize(word).text == word


def test_nfd_and_odd_spaces_map_back():
    original = unicodedata.normalize("NFD", "Hội nghị\u00a0sơ kết: 2.737 tin\u200b và 09 lớp")
    norm = normalize(original)
    assert norm.text == "Hội nghị sơ kết: 2.737 tin và 09 lớp"
    at = norm.text.index("2.737 tin")
    start, end = norm.span_to_original(at, at + len("2.737 tin"))
    assert unicodedata.normalize("NFC", original[start:end]) == "2.737 tin"


_VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


@given(st.text(alphabet=_VIETNAMESE + _VIETNAMESE.upper() + " 0123456789.,%\n\u00a0\u200b", max_size=200),
       st.booleans())
def test_every_span_maps_to_the_same_characters(text, decompose):
    original = unicodedata.normalize("NFD", text) if decompose else text
    norm = normalize(original)
    for start in range(len(norm.text) + 1):
        for end in range(start, min(len(norm.text), start + 6) + 1):
            o_start, o_end = norm.span_to_original(start, end)
            assert 0 <= o_start <= o_end <= len(original)
            back = normalize(original[o_start:o_end]).text
            assert back.replace(" ", "") == norm.text[start:end].replace(" ", "") or _tone_moved(back, norm.text[start:end])


def _tone_moved(a: str, b: str) -> bool:
    """A span cutting an old-style syllable may normalise differently alone; letters agree."""
    strip = lambda s: "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c) and c != " ")
    return strip(a) == strip(b)


def _old_style(text: str) -> str:
    """New-style tone placement written the old way (hòa → hoà, thủy → thuỷ), as older texts do."""
    import regex

    def move(m: regex.Match) -> str:
        decomposed = unicodedata.normalize("NFD", m.group(1))
        return decomposed[0] + unicodedata.normalize("NFC", m.group(2) + decomposed[1:])

    text = regex.sub(r"([òóỏõọÒÓỎÕỌ])([aeAE])(?!\p{L})", move, text)
    return regex.sub(r"(?<![qQ])([ùúủũụÙÚỦŨỤ])([yY])(?!\p{L})", move, text)


def test_nfd_and_old_style_reports_give_the_same_figures():
    from pathlib import Path

    from report_extract.api import extract_text

    for path in sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        variant = unicodedata.normalize("NFD", _old_style(text))
        assert variant != text
        plain, other = extract_text(text), extract_text(variant)
        assert [(q.value, q.noun, q.indicator, q.qualifier) for q in plain.quantities] == \
               [(q.value, q.noun, q.indicator, q.qualifier) for q in other.quantities], path.name
        assert (plain.period, plain.unit) == (other.period, other.unit)
