"""The numeral grammar: separators, slips, scale words, numbers in words."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from report_extract.numbers import parse_digits, parse_scaled, parse_words


@pytest.mark.parametrize("token,value", [
    ("2.737", 2737), ("99,9", 99.9), ("09", 9), ("1.826.952.000", 1826952000),
    ("20.514.430.516", 20514430516), ("1.234,5", 1234.5), ("44,962.000", 44962000),
    ("1,5", 1.5), ("127,39", 127.39), ("7,50", 7.5), ("4.0", 4.0), ("0", 0),
    ("1.826.952.000.000.000", 1_826_952_000_000_000), ("123456789012", 123456789012),
])
def test_digit_tokens(token, value):
    assert parse_digits(token) == pytest.approx(value)


@pytest.mark.parametrize("token", ["1.2.3", "1,23,4"])
def test_malformed_digit_tokens(token):
    assert parse_digits(token) is None


@pytest.mark.parametrize("token", ["9" * 400, "1" * 5000, "1,5" + "0" * 5000, "1.234" * 20])
def test_digit_runs_too_long_for_a_figure_are_not_numbers(token):
    """An identifier or a hash: 400 digits overflow a float, 5,000 exceed what Python
    turns into an int; either used to fail the whole report."""
    assert parse_digits(token) is None


@pytest.mark.parametrize("number,tail,value", [
    (1.5, " triệu", 1_500_000), (8, " tỷ 500 triệu", 8_500_000_000), (3, " tỷ", 3e9),
    (140, " ngàn", 140_000), (2, " nghìn tỷ", 2e12), (40120, " triệu", 40_120_000_000),
])
def test_scaled(number, tail, value):
    assert parse_scaled(number, tail) == pytest.approx(value)


@pytest.mark.parametrize("words,value", [
    ("hai", 2), ("mười hai", 12), ("một trăm linh năm", 105), ("hai mươi mốt", 21),
    ("ba mươi lăm", 35), ("mười lăm", 15), ("chín trăm", 900), ("hai nghìn", 2000),
    ("mười hai triệu năm trăm nghìn", 12_500_000), ("bốn mươi tư", 44),
])
def test_words(words, value):
    assert parse_words(words.split()) == value


@pytest.mark.parametrize("words", ["trăm", "mươi", "tư", "hai ba", "mười mười", "lẻ"])
def test_not_numerals(words):
    assert parse_words(words.split()) is None


@given(st.integers(min_value=1000, max_value=10**12))
def test_vietnamese_thousands_round_trip(n):
    written = f"{n:,}".replace(",", ".")
    assert parse_digits(written) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_vietnamese_decimal_round_trip(whole, frac):
    written = f"{whole:,}".replace(",", ".") + f",{frac:02d}"
    assert parse_digits(written) == pytest.approx(whole + frac / 100)


@given(st.text(alphabet="0123456789.,", min_size=1, max_size=20))
def test_parser_never_raises(token):
    value = parse_digits(token) if token[0].isdigit() and token[-1].isdigit() else None
    assert value is None or value >= 0
