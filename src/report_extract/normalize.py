"""Normalise Vietnamese text for matching while keeping a map back to the original.

Rules and the number grammar run on one canonical form: Unicode NFC, one tone-mark
placement ("hoà" and "hòa" both become "hòa"), plain spaces for the many Unicode spaces,
no zero-width characters and no replacement characters (U+FFFD). Every extracted span must still point at the characters the
user can open, so the normaliser records where each normalised character came from.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

import regex

# Spaces that look like a space but are not U+0020; zero-width marks that are invisible, and
# U+FFFD, which the reader put where a byte was not UTF-8 (a stray byte mostly stands between
# two letters: "h\ufffdội" matches as "hội", and the offsets still point at the U+FFFD).
_SPACE_LIKE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffd"

# A character cluster that NFC may change (base + combining marks), or a lone odd space.
_EDIT_SITE = regex.compile(
    rf"\P{{M}}\p{{M}}+|[{_SPACE_LIKE}]|[{_INVISIBLE}]+"
)

_ODD_SPACE = re.compile(f"[{_SPACE_LIKE}{_INVISIBLE}]")  # the standard engine scans a class twice as fast

# Old-style tone placement: the tone sits on the second vowel of an open "oa", "oe", "uy"
# syllable (hoà, khoẻ, thuỷ). New style puts it on the first (hòa, khỏe, thủy). Only open
# syllables differ: with a final consonant (hoàng, thuyết) both styles agree.
_OLD_STYLE = regex.compile(r"(?:([oO])([àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ])|([uU])([ỳýỷỹỵỲÝỶỸỴ]))(?!\p{L})")

@dataclass(frozen=True)
class Normalized:
    """Normalised text plus the segments that map it back to the original string."""

    text: str
    original: str
    # Parallel lists: each edit replaced original[o_start:o_end] by text[n_start:n_end].
    _n_starts: tuple[int, ...] = ()
    _n_ends: tuple[int, ...] = ()
    _o_starts: tuple[int, ...] = ()
    _o_ends: tuple[int, ...] = ()

    def to_original(self, pos: int, *, end: bool = False) -> int:
        """Original offset of normalised offset `pos`; inside an edit, a span's start rounds
        down and its end (`end=True`) rounds up, so spans never cut a character cluster."""
        i = bisect.bisect_right(self._n_starts, pos) - 1
        if i < 0:
            return pos
        n_start, n_end = self._n_starts[i], self._n_ends[i]
        if pos == n_start:
            return self._o_starts[i]
        if pos >= n_end:
            return self._o_ends[i] + (pos - n_end)
        return self._o_ends[i] if end else self._o_starts[i]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), self.to_original(end, end=True)


def _fix_tone_placement(text: str) -> str:
    """Move the tone of open oa/oe/uy syllables to the first vowel (keeps the length)."""

    def move(m: regex.Match) -> str:
        first, toned = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        before = text[m.start() - 1] if m.start() else " "
        if before.lower() in "aăâeêioôơuưyq":
            return m.group(0)  # "quý", "khuya"…: the pair is not the syllable's nucleus
        base, tone = unicodedata.normalize("NFD", toned)[:2]
        return unicodedata.normalize("NFC", first + tone) + base

    return _OLD_STYLE.sub(move, text)


def normalize(original: str) -> Normalized:
    """NFC, unified spaces, no invisible marks, new-style tone placement; with offsets back."""
    if unicodedata.is_normalized("NFC", original) and not _ODD_SPACE.search(original):
        return Normalized(_fix_tone_placement(original), original)  # the usual case: nothing moves
    n_starts: list[int] = []
    n_ends: list[int] = []
    o_starts: list[int] = []
    o_ends: list[int] = []
    pieces: list[str] = []
    last = 0
    out_len = 0
    for m in _EDIT_SITE.finditer(original):
        site = m.group(0)
        if site[0] in _SPACE_LIKE:
            replacement = " "
        elif site[0] in _INVISIBLE:
            replacement = ""
        else:
            replacement = unicodedata.normalize("NFC", site)
            if replacement == site:
                continue
        pieces.append(original[last : m.start()])
        out_len += m.start() - last
        n_starts.append(out_len)
        o_starts.append(m.start())
        pieces.append(replacement)
        out_len += len(replacement)
        n_ends.append(out_len)
        o_ends.append(m.end())
        last = m.end()
    pieces.append(original[last:])
    text = unicodedata.normalize("NFC", "".join(pieces))
    if len(text) != out_len + len(original) - last:
        # NFC composed across cluster borders (rare: e.g. Hangul jamo); fall back to a
        # per-character map, which stays correct whatever NFC did.
        return _normalize_slow(original)
    text = _fix_tone_placement(text)
    return Normalized(text, original, tuple(n_starts), tuple(n_ends), tuple(o_starts), tuple(o_ends))


def _normalize_slow(original: str) -> Normalized:
    """Character-by-character normalisation: each original char becomes one edit."""
    n_starts, n_ends, o_starts, o_ends, pieces = [], [], [], [], []
    out_len = 0
    for i, ch in enumerate(original):
        rep = " " if ch in _SPACE_LIKE else ("" if ch in _INVISIBLE else ch)
        n_starts.append(out_len)
        o_starts.append(i)
        pieces.append(rep)
        out_len += len(rep)
        n_ends.append(out_len)
        o_ends.append(i + 1)
    text = "".join(pieces)
    # Compose only when lengths stay equal, so the per-character map stays valid.
    composed = unicodedata.normalize("NFC", text)
    if len(composed) == len(text):
        text = composed
    return Normalized(_fix_tone_placement(text), original, tuple(n_starts), tuple(n_ends), tuple(o_starts), tuple(o_ends))


@functools.lru_cache(maxsize=2)
def lowered(text: str) -> str:
    """`text` in lower case with the same offsets, made once per text for every stage that
    matches on it (a letter whose lower case is two characters, such as "İ", stays as it is)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
