"""Sentences on characters; words with underthesea on small windows; spaCy Docs for reading.

Word segmentation costs ~300x the regex scan, so it never runs on whole documents: the
quantity finder asks for the few words right after a number, and identical windows (the
same phrase recurs across a corpus) are segmented once per process. A whole document is
segmented only to show results, as a spaCy `Doc` with the figures as spans.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:  # spaCy is imported only to show results: extraction never needs it
    from spacy.tokens import Doc

# Abbreviations that end in a dot without ending the sentence ("TP. Pleiku").
_ABBREVIATIONS = r"(?:TP|Tp|TX|Tx|TT|ThS|TS|PGS|GS|BS|KS|Th|St|Q|P|X|H|T|đ/c|Đ/c|v\.v|Mr|Ms|Dr|No|Số|số)"
_SENTENCE_END = regex.compile(
    rf"(?<!\b{_ABBREVIATIONS})(?:[.!?…]+[”\"')\]]*(?=\s+[\p{{Lu}}\d“\"'(\-–•+*])"
    rf"|(?<=[\p{{Ll}}\d])\.(?=\p{{Lu}}\p{{Ll}}))|\n"  # "năm 2020.Dự hội nghị": a missing space
)

# A window stops at clause punctuation: the counted noun never runs across it.
# (The standard library's engine: these simple classes are tried for every figure.)
_WINDOW_STOP = re.compile(r"[,;:.!?()\[\]“”\"\n/|–—]|\s-\s")
_FIRST_SYLLABLES = {n: re.compile(rf"\s*(?:\S+\s+){{{n - 1}}}\S+") for n in range(1, 9)}


# Longer, a "sentence" is a text without sentence ends (a flattened table, a page without
# punctuation): it is cut at spaces, so that what is measured in sentences (target and
# earlier-period scopes, list labels, breakdown scopes, the rows' context) stays bounded.
# Sentences of real reports run to about 700 characters.
_MAX_SENTENCE = 2000


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; newlines always end one (headlines, list items)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            _add_sentence(spans, text, start, end)
        start = end
    if text[start:].strip():
        _add_sentence(spans, text, start, len(text))
    return spans


def _add_sentence(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add `start:end` without its outer spaces, in pieces of at most _MAX_SENTENCE
    characters cut at spaces."""
    start, end = _strip(text, start, end)
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + 1, start + _MAX_SENTENCE)
        if cut < 0:
            cut = start + _MAX_SENTENCE  # no space at all: cut anywhere
        spans.append(_strip(text, start, cut))
        start = _strip(text, cut, end)[0]
    spans.append((start, end))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def window_after(text: str, pos: int, max_chars: int = 48, max_syllables: int = 5) -> str:
    """The few syllables right after `pos`, up to the first clause punctuation.

    A counted noun is at most three or four syllables; a short window keeps segmentation
    cheap, and the same few words recur, so the segmenter's cache answers most windows.
    """
    chunk = text[pos : pos + max_chars]
    stop = _WINDOW_STOP.search(chunk)
    if stop:
        chunk = chunk[: stop.start()]
    elif len(chunk) == max_chars and " " in chunk:
        chunk = chunk[: chunk.rindex(" ")]  # do not hand the segmenter half a syllable
    first = _FIRST_SYLLABLES[max_syllables].match(chunk)
    return chunk[: first.end()] if first else chunk


@functools.lru_cache(maxsize=16384)
def tokens(window: str) -> tuple[str, ...]:
    """Vietnamese words of a short window ("hội viên mới" is a word and a word)."""
    from underthesea import word_tokenize  # imported lazily: loading the model takes ~0.5 s

    stripped = window.strip()
    return tuple(word_tokenize(stripped)) if stripped else ()


def evidence_doc(text: str, spans: list[tuple[int, int, str]]) -> "Doc":
    """The whole text as a spaCy `Doc` of underthesea words, figures as `doc.spans["quantities"]`.

    For reading results, not for extracting them: it segments every sentence, which the
    pipeline never does. displaCy renders it (`report-extract show --html`).
    """
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    from underthesea import word_tokenize

    words, spaces, cursor = [], [], 0
    for start, end in sentence_spans(text):
        for token in word_tokenize(text[start:end]):
            found = text.find(token, cursor, end)
            if found < 0:
                continue  # the segmenter rewrote a character; skip rather than misalign
            if words and found > cursor:
                spaces[-1] = True
            words.append(token)
            spaces.append(False)
            cursor = found + len(token)
        if spaces:
            spaces[-1] = cursor < len(text)
    doc = Doc(Vocab(), words=words, spaces=spaces)
    doc.spans["quantities"] = [span for start, end, label in spans
                               if (span := doc.char_span(start, end, label=label, alignment_mode="expand"))]
    return doc


def warm_up() -> None:
    """Load the segmenter's model now (once per process; forked workers then share it)."""
    tokens("khởi động")
