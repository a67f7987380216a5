"""Which stretches of a text cover a position: a bisection, then a look at the stretches
that start within the longest one's length before it.

Parentheses and breakdown cues are looked up once per figure; a linear scan would make a
report of tens of megabytes quadratic, and so would one stretch as long as the report
(`structure` keeps them to a sentence or a parenthesis of bounded width).
"""
from __future__ import annotations

import bisect
from typing import Generic, Iterator, TypeVar

T = TypeVar("T")


class Intervals(Generic[T]):
    """Half-open intervals (start, end, payload), queried by position."""

    def __init__(self, items: list[tuple[int, int, T]]):
        self._items = sorted(items, key=lambda item: (item[0], item[1]))
        self._starts = [item[0] for item in self._items]
        self._longest = max((end - start for start, end, _ in self._items), default=0)

    @property
    def items(self) -> list[tuple[int, int, T]]:
        return self._items

    def covering(self, pos: int, *, strict_start: bool = False) -> Iterator[tuple[int, int, T]]:
        """Intervals with start <= pos < end (start < pos with `strict_start`), latest start first."""
        i = bisect.bisect_left(self._starts, pos) if strict_start else bisect.bisect_right(self._starts, pos)
        while i > 0:
            i -= 1
            start, end, payload = self._items[i]
            if start < pos - self._longest:
                return
            if pos < end:
                yield start, end, payload
