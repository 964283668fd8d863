"""The report's prose as sentences, for comparing one report with another sentence by sentence (X07's
repeats of last year, D05's versions on two platforms, D04's fingerprint of a download).

A sentence is a run of text ending in 。！？； (whitespace dropped first, so a PDF's or a page's line
breaks inside a sentence do not matter); a heading without a full stop joins the sentence after it, and
trailing text with no full stop (a page footer, the signature and date) is not a sentence. Its key
drops punctuation, so 半角/全角 marks and spacing compare equal; ``mask_digits`` turns every run of
digits into one 0, so a sentence with only the year or a count changed is still the same sentence."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from core.extraction.normalize import fold
from core.model import Report, Span
from core.streaming import Parked

MIN_CHARS = 6  # a key shorter than this ("无。", "1.") says nothing about copying
_FULL_STOP = re.compile(r"[。！？；;!?]")
_NOT_WORD = re.compile(r"[^\w。！？；;!?]+")  # what a key drops, but for the full stops and "_" (see _sentences)
_DIGITS = re.compile(r"\d+")


class Sentence(NamedTuple):
    key: str
    span: Span  # in the report's text, from its first visible character to its full stop


def sentences(text: str, spans: Iterable[Span], mask_digits: bool) -> list[Sentence]:
    """The sentences inside ``spans`` of ``text``, in order."""
    folded = fold(text)
    return [s for lo, hi in spans for s in _sentences(folded[lo:hi], lo, mask_digits)]


def _sentences(folded: str, at: int, mask_digits: bool) -> list[Sentence]:
    """The sentences of a folded run of text that starts at ``at`` in the report. A sentence is a piece
    between full stops with its full stop; its key is the piece without the characters ``[\\W_]``
    (digits masked). Dropping characters and masking digits act character by character (a run of
    digits never spans a full stop, which stays), so the run is cleaned in one go and cut at its full
    stops, piece for piece with the run itself: two regular expressions a run, not two a sentence."""
    out: list[Sentence] = []
    start = at
    for piece, key in zip(_FULL_STOP.split(folded)[:-1], _cleaned_pieces(folded, mask_digits)):  # no full stop after the last
        end = start + len(piece) + 1
        if len(key) >= MIN_CHARS:
            out.append(Sentence(key, (end - 1 - len(piece.lstrip()), end)))
        start = end
    return out


def _cleaned_pieces(folded: str, mask_digits: bool) -> list[str]:
    """The run cleaned (its key's characters only, digits masked) and cut at its full stops, which
    cleaning keeps: one piece for each piece of the run, the last with no full stop after it."""
    return _FULL_STOP.split(_cleaned(folded, mask_digits))


def _cleaned(folded: str, mask_digits: bool) -> str:
    """``_DIGITS.sub("0", _NOT_WORD.sub("", folded.replace("_", "")))`` (no ``_DIGITS`` unless
    ``mask_digits``) by table look-up, cheaper than the expressions, which test Unicode classes at
    each character: each character is kept, dropped or a digit (``_kinds``), and of digits that come
    together once the dropped characters are gone the first stays, as a 0. Text beyond the Basic
    Multilingual Plane (a character takes two UTF-16 units) takes the regular expressions; else each
    unit is a code point (a lone surrogate too, which is dropped, so what is kept decodes as it is)."""
    import numpy as np

    units = folded.encode("utf-16-le", "surrogatepass")
    if len(units) > 2 * len(folded):
        cleaned = _NOT_WORD.sub("", folded.replace("_", ""))
        return _DIGITS.sub("0", cleaned) if mask_digits else cleaned
    codes = np.frombuffer(units, dtype=np.uint16)
    kinds = _kinds(codes)
    kept = kinds != _DROPPED
    codes = codes[kept]  # a copy: it may be written
    if mask_digits:
        digit = kinds[kept] == _DIGIT
        codes[digit] = ord("0")
        follows = np.zeros(len(digit), dtype=bool)  # a digit right after a digit
        np.logical_and(digit[1:], digit[:-1], out=follows[1:])
        codes = codes[~follows]
    return codes.tobytes().decode("utf-16-le")


_UNSEEN, _KEPT, _DROPPED, _DIGIT = range(4)  # what a character of the Basic Multilingual Plane is in a key
_DROPS = re.compile(r"[^\w。！？；;!?]|_")  # a character a key drops


@lru_cache(maxsize=1)
def _kind_table():
    """Each character's kind, learnt the first time it is met (``_kinds``)."""
    import numpy as np

    return np.zeros(0x10000, dtype=np.uint8)


def _kinds(codes):
    """The kind of each code unit (``_KEPT``, ``_DROPPED``, ``_DIGIT``). A character not met before
    is told by the regular expressions themselves, once: a batch's texts use a few thousand, and a
    town's name in a template brings a few new ones, which are soon all met."""
    import numpy as np

    table = _kind_table()
    kinds = table.take(codes)
    if np.count_nonzero(kinds) < len(kinds):  # some _UNSEEN (``in`` costs several times more)
        new = list(set(codes[kinds == _UNSEEN].tolist()))
        table[new] = [_DROPPED if _DROPS.match(c) else _DIGIT if _DIGITS.match(c) else _KEPT for c in map(chr, new)]
        kinds = table.take(codes)
    return kinds


def _keys(folded: str, mask_digits: bool) -> list[str]:
    """``[s.key for s in _sentences(folded, at, mask_digits)]``, without cutting the run itself: a key
    is a piece of the cleaned run, and the pieces of the two correspond one for one."""
    return [key for key in _cleaned_pieces(folded, mask_digits)[:-1] if len(key) >= MIN_CHARS]


def part_spans(report: Report, parts: Sequence[int]) -> list[Span]:
    """The bodies of the given parts (1–6) that were found."""
    return [report.sections[n].body_span for n in parts if n in report.sections]


def report_sentences(report: Report, parts: Sequence[int], mask_digits: bool) -> list[Sentence]:
    """Sentences of the given parts; a report whose parts were not found is read whole."""
    spans = part_spans(report, parts) or [(0, len(report.source.text))]
    return sentences(report.source.text, spans, mask_digits)


class Prose(Parked):
    """The bodies of some parts of a report (the whole text when none was found), each with where it
    starts in the report: all that comparing reports sentence by sentence needs once the report itself
    is dropped. A batch parks it on disk (``core.streaming``)."""

    __slots__ = ()

    @classmethod
    def of(cls, report: Report, parts: Sequence[int]) -> Prose:
        text = report.source.text
        return cls(tuple((lo, text[lo:hi]) for lo, hi in part_spans(report, parts) or [(0, len(text))]))

    def part_sentences(self, mask_digits: bool) -> list[list[Sentence]]:
        """Each part's sentences, their spans in the report's text."""
        return [_sentences(fold(body), lo, mask_digits) for lo, body in self.value]

    def sentences(self, mask_digits: bool) -> list[Sentence]:
        return [s for part in self.part_sentences(mask_digits) for s in part]

    def keys(self, mask_digits: bool) -> list[str]:
        """The keys of ``sentences``, what comparing two reports' sentences as sets needs."""
        return [key for _, body in self.value for key in _keys(fold(body), mask_digits)]

    def text(self, span: Span) -> str:
        """The report's text at ``span``, which lies inside one part."""
        for lo, body in self.value:
            if lo <= span[0] and span[1] <= lo + len(body):
                return body[span[0] - lo:span[1] - lo]
        raise ValueError(f"{span} is not inside one part")
