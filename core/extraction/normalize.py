"""Character folding that keeps offsets: the normalised text has exactly the length of the original, so
a span found in one is a span in the other and provenance never needs a mapping table.

Things that change length (dropping whitespace inside labels) are done on short strings with an explicit
index map (``compact``), never on the whole document.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

_PAIRS = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},        # full-width digits
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},  # full-width Latin
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    "（": "(", "）": ")", "［": "[", "］": "]", "｛": "{", "｝": "}", "【": "[", "】": "]",
    "〔": "[", "〕": "]", "：": ":", "，": ",", "；": ";", "．": ".", "／": "/", "＋": "+",
    "－": "-", "—": "-", "–": "-", "―": "-", "−": "-", "％": "%", "｜": "|", "＃": "#", "　": " ",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200a": " ", "\u2007": " ",
    "\u2008": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u202f": " ", "\u205f": " ",
    "\u200b": " ", "\ufeff": " ", "\u200c": " ", "\u200d": " ", "\u2060": " ", "\x0b": " ", "\x0c": "\n",
    "\r": " ", "\u2028": "\n", "\u2029": "\n", "\x85": "\n",
}
# Any character that folds. A report holds only a handful of distinct ones, so finding them in one
# scan and replacing each everywhere at once is several times faster than ``str.translate``, which
# looks every character of a mostly Chinese text up in a dict.
_FOLDABLE = re.compile("[" + re.escape("".join(_PAIRS)) + "]")

assert all(len(k) == 1 and len(v) == 1 for k, v in _PAIRS.items())
assert not set(_PAIRS.values()) & set(_PAIRS)  # no target folds again: the order of replacing is free


@lru_cache(maxsize=128)
def fold(text: str) -> str:
    """Same-length folding of full-width forms, exotic spaces and line separators. Cached: the
    extractor and several checks fold the same report text."""
    m = _FOLDABLE.search(text)
    while m:
        ch = m.group()
        text = text.replace(ch, _PAIRS[ch])
        m = _FOLDABLE.search(text, m.start())  # nothing before it folds any more
    return text


def compact(text: str) -> str:
    """Drop all whitespace: labels split by spaces or line breaks (商业 企业, 报 告) compare equal.
    (``str.split`` splits on exactly the characters regex ``\\s`` matches, and much faster.)"""
    return "".join(text.split())


def runs(text: str) -> Iterator[tuple[str, int]]:
    """The runs of ``text`` between whitespace, with their offsets: what ``compact`` joins, and where
    each piece of it lies in the original."""
    at = 0
    for run in text.split():
        at = text.find(run, at)  # only whitespace lies between the last run and this one
        yield run, at
        at += len(run)


class OffsetMap:
    """The offset in the original of each character of a compact text, kept as the runs it was joined
    from: a list holding every offset would cost an int object a character, and few are ever read."""
    __slots__ = ("_starts", "_origins", "_length")

    def __init__(self, starts: list[int], origins: list[int], length: int) -> None:
        self._starts = starts    # where each run starts in the compact text (ascending)
        self._origins = origins  # and where it starts in the original
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, i: int) -> int:
        """As a list of the offsets would answer (negative indices count from the end)."""
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("offset map index out of range")
        k = bisect_right(self._starts, i) - 1
        return self._origins[k] + i - self._starts[k]


def compact_with_map(text: str, base: int = 0) -> tuple[str, OffsetMap]:
    """``compact`` plus, for each kept character, its offset in the original (shifted by ``base``)."""
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    length = 0
    for run, at in runs(text):
        pieces.append(run)
        starts.append(length)
        origins.append(base + at)
        length += len(run)
    return "".join(pieces), OffsetMap(starts, origins, length)
