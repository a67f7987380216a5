"""The Vietnamese alphabet and a plausibility score for decoded text.

Legacy files carry no label saying which 8-bit encoding wrote them, so the
decoder tries each candidate and keeps the one whose output reads most like
Vietnamese: characters from the alphabet, and words that are well-formed
syllables (onset + vowel nucleus + coda, at most one tone mark).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

VOWELS = "aăâeêioôơuưy"
TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng

LOWERCASE_LETTERS = (
    "".join(unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in ("", *TONE_MARKS)) + "đ"
)
"""Every lower-case Vietnamese vowel in all six tones, plus đ (a-z extras excluded)."""

LETTERS = frozenset(
    LOWERCASE_LETTERS + LOWERCASE_LETTERS.upper() + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)

_COMMON_SYMBOLS = "0123456789 \t\n\r\f\u00a0" + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" + "“”‘’–—…•°²³±×÷§№«»·"
_PLAIN_CHARACTERS = frozenset(LETTERS) | frozenset(_COMMON_SYMBOLS)
_DELETE_PLAIN = {ord(ch): None for ch in _PLAIN_CHARACTERS}

_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_NUCLEI = (
    "iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_CODA = "(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE = re.compile(f"{_ONSET}(?:{'|'.join(_NUCLEI)}){_CODA}")
_WORD = re.compile(r"[^\W\d_]+")
_TONE_MARK_SET = frozenset(TONE_MARKS)
_VOWEL_LETTERS = frozenset(ch for ch in LOWERCASE_LETTERS if ch != "đ")


@lru_cache(maxsize=65536)
def syllable_verdict(word: str) -> int:
    """+1 for a well-formed Vietnamese syllable, -1 for an impossible one, 0 when it can't tell.

    Plain-ASCII words are neutral (English, abbreviations, unaccented text all
    look alike in every candidate encoding), and so are vowel-less
    abbreviations such as "HĐND".
    """
    lowered = word.lower()
    if lowered.isascii():
        return 0
    if any(ch not in LETTERS for ch in lowered):
        return -1
    if not any(ch in _VOWEL_LETTERS for ch in lowered):
        return 0
    decomposed = unicodedata.normalize("NFD", lowered)
    tones = sum(1 for ch in decomposed if ch in _TONE_MARK_SET)
    if tones > 1:
        return -1
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARK_SET))
    return 1 if _SYLLABLE.fullmatch(toneless) else -1


def plausibility(text: str) -> float:
    """How much `text` reads like Vietnamese, from about -1 (garbage) to 2 (clean prose).

    The sum of two parts: the share of characters that are Vietnamese letters,
    digits, whitespace or common punctuation; and the balance of well-formed
    over impossible syllables among all words.
    """
    if not text:
        return 0.0
    return plain_character_share(text) + _syllable_balance(text)


def plain_character_share(text: str) -> float:
    """Share of characters that belong in ordinary Vietnamese prose."""
    if not text:
        return 0.0
    return 1.0 - len(text.translate(_DELETE_PLAIN)) / len(text)


def _syllable_balance(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(syllable_verdict(word) for word in words) / len(words)
