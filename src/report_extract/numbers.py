"""The Vietnamese numeral grammar, on characters.

Vietnamese writes "2.737" for 2737 and "99,9" for 99.9; reports add slips such as
"44,962.000", scale words ("1,5 triệu", "8 tỷ 500 triệu"), and numbers in words ("hai
lớp", "một trăm linh năm"). Tokenizers cut these apart or glue them to the next word, so
numbers are parsed here from the characters alone.
"""
from __future__ import annotations

import regex

# Digits with optional group/decimal separators; never part of a longer digit run.
DIGITS = regex.compile(r"(?<![\d])\d+(?:[.,]\d+)*(?![\d])")

_SEPARATOR = regex.compile(r"[.,]")
# "1.826.952.000.000.000" (a quadrillion đồng) has 21 characters. A longer run of digits
# is an identifier (an account, card or barcode number, a hash in a scraped page), not a
# figure; Python would refuse to turn one of thousands of digits into a number at all.
_MAX_NUMERAL_CHARS = 24
SCALES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
# "8 tỷ 500 triệu", "1,5 triệu", "2 nghìn tỷ": one or more (number scale) steps.
SCALE_WORD = r"(?:nghìn|ngàn|vạn|triệu|tỷ|tỉ)"
_SCALED_TAIL = (rf"[ \t]*(?i:nghìn[ \t]+tỷ|ngàn[ \t]+tỷ|{SCALE_WORD})(?![\p{{L}}])"
                rf"(?:[ \t]+\d+(?:[.,]\d+)*[ \t]*(?i:{SCALE_WORD})(?![\p{{L}}]))*")
SCALED_TAIL_PATTERN = _SCALED_TAIL
SCALED_TAIL = regex.compile(_SCALED_TAIL)
# A digit numeral with what belongs to it: a scale tail ("1,5 triệu", "8 tỷ 500 triệu") or "%".
NUMERAL = regex.compile(
    rf"(?=\d)(?<![\d])\d+(?:[.,]\d+)*(?![\d])"
    rf"(?:(?P<scale>{_SCALED_TAIL})|(?P<percent>[ \t]*(?:%|‰|phần trăm(?![\p{{L}}])|phần nghìn(?![\p{{L}}]))))?"
)

UNIT_WORDS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
    "lăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
_TEN_WORDS = {"mười": 10}
_MULTIPLIER_WORDS = {"mươi": 10, "trăm": 100}
_GAP_WORDS = {"linh", "lẻ"}
NUMBER_WORDS = set(UNIT_WORDS) | set(_TEN_WORDS) | set(_MULTIPLIER_WORDS) | _GAP_WORDS | set(SCALES)
# Words that only occur inside a longer numeral ("hai mươi mốt"), never alone.
_ONLY_INSIDE = {"mốt", "lăm", "tư", "mươi", "trăm", "linh", "lẻ", "không"} | set(SCALES)


def parse_digits(token: str) -> float | None:
    """Value of a digit token with Vietnamese separators, or None when it is malformed or too
    long for a figure.

    "2.737" → 2737, "99,9" → 99.9, "1.826.952.000" → 1826952000, "1.234,5" → 1234.5,
    "44,962.000" (mixed separators, all 3-digit groups) → 44962000, "09" → 9.
    """
    if len(token) > _MAX_NUMERAL_CHARS:
        return None
    if token.isdigit():
        return float(int(token))
    groups = _SEPARATOR.split(token)
    seps = _SEPARATOR.findall(token)
    all_thousands = all(len(g) == 3 for g in groups[1:])
    if len(set(seps)) == 1:
        sep = seps[0]
        if all_thousands and (sep == "." or len(seps) > 1):
            return float(int("".join(groups)))
        if len(seps) == 1:
            return float(f"{groups[0]}.{groups[1]}")
        return None
    if all_thousands:
        return float(int("".join(groups)))
    # Mixed: the last separator is the decimal one; the others must group thousands.
    if seps[-1] in seps[:-1] or not all(len(g) == 3 for g in groups[1:-1]):
        return None
    return float(f"{''.join(groups[:-1])}.{groups[-1]}")


def scale_value(tail: str) -> float:
    """Multiplier of a scale tail such as " tỷ 500 triệu" relative to the leading number.

    Returns the factor for the first scale; further "N scale" steps are added by `parse_scaled`.
    """
    words = tail.lower().split()
    if len(words) >= 2 and words[0] in ("nghìn", "ngàn") and words[1] == "tỷ":
        return 1e12
    return SCALES[words[0]]


def parse_scaled(number: float, tail: str) -> float:
    """Value of "number + tail", e.g. 8 + " tỷ 500 triệu" → 8_500_000_000."""
    total = number * scale_value(tail)
    for step in regex.finditer(rf"(\d+(?:[.,]\d+)*)[ \t]*({SCALE_WORD})", tail, regex.IGNORECASE):
        value = parse_digits(step.group(1))
        if value is not None:
            total += value * SCALES[step.group(2).lower()]
    return total


def parse_words(words: list[str]) -> float | None:
    """Value of a numeral written in words ("mười hai", "một trăm linh năm"), or None.

    A lone word that only lives inside numerals ("trăm", "mươi", "tư") is not a number.
    """
    words = [w.lower() for w in words]
    if not words or (len(words) == 1 and words[0] in _ONLY_INSIDE):
        return None
    total = 0.0
    section = 0
    pending: int | None = None  # a unit word waiting to see if "trăm"/"mươi" follows
    seen_ten = False
    for word in words:
        if word in UNIT_WORDS:
            if pending is not None:
                return None  # "hai ba" is not a numeral
            pending = UNIT_WORDS[word]
        elif word in _TEN_WORDS:
            if pending is not None or seen_ten:
                return None
            section += 10
            seen_ten = True
        elif word in _MULTIPLIER_WORDS:
            if pending is None:
                return None
            section += pending * _MULTIPLIER_WORDS[word]
            seen_ten = word == "mươi"
            pending = None
        elif word in _GAP_WORDS:
            if pending is not None:
                return None
        elif word in SCALES:
            section += pending or 0
            pending = None
            total += (section or 1) * SCALES[word]
            section = 0
            seen_ten = False
        else:
            return None
    section += pending or 0
    return float(total + section)
