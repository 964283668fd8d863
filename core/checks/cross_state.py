"""What the cross-report checks (X, D05) keep of each report, so a batch can drop the report itself:
the agency and year, the few table values year over year compares, the shingles and the sentences of
the prose, where it was published. What grows with the report (shingle arrays, the prose) is
``Parked``: a batch moves it to disk, and about 3 KB a report stays in memory, however long the report.

A cross check that needs something more adds one field here, with the function that takes it from the
report (``kept``); ``ReportState.of`` fills every field, the batch parks every ``Parked`` field, and
the check reads the field from the states it is given. Nothing else has to change."""
from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from itertools import chain
from typing import Any

from core.checks.context import CheckContext, make_finding
from core.checks.publication import Published, published
from core.checks.sentences import Prose
from core.checks.similarity import Shingles
from core.equations import year_equations
from core.messages import Bi, Message, label, msg
from core.model import CellKind, Finding, Number, Severity, Span
from core.streaming import Parked, Spill
from core.template import CellKey

B = "applications"
KEY_TOTALS = ((CellKey(B, "本年新收", 6), Bi("本年新收申请", "New applications")),
              (CellKey("active", "行政许可", 0), label("行政许可")), (CellKey("active", "行政处罚", 0), label("行政处罚")),
              (CellKey("review_litigation", "", 4), label("行政复议")))
# the cells year over year compares: those of its equations (X01 carry-over, X02 documents in force)
# and the key totals (X03)
CROSS_CELLS: tuple[CellKey, ...] = tuple(dict.fromkeys(
    [t.key for eq in year_equations().values() for t in eq.lhs + eq.rhs] + [key for key, _ in KEY_TOTALS]))
_POSITION = {key: k for k, key in enumerate(CROSS_CELLS)}
NARRATIVE_PARTS = (1, 5, 6)
_NUMBER = CellKind.NUMBER


def part_text(ctx: CheckContext, numbers: Sequence[int]) -> str:
    text = ctx.report.source.text
    return "\n".join(text[slice(*ctx.report.sections[n].body_span)] for n in numbers if n in ctx.report.sections)


def kept(extract: Callable[[CheckContext], Any]) -> Any:
    """A field of the state, taken from the report by ``extract`` when the state is made."""
    return field(metadata={"extract": extract})


def _numbers(ctx: CheckContext) -> tuple[Number | None, ...]:
    """``cv.value if cv.is_number else None`` of each cell: a number cell's value, else None (which
    is what an empty number cell's value is), without the property's call."""
    return tuple([cv.value if cv.kind is _NUMBER else None for cv in map(ctx.get, CROSS_CELLS)])


def _spans(ctx: CheckContext) -> array:
    """Start and end of each of CROSS_CELLS, flat (-1 where a cell has no span): a quarter of the
    memory of a tuple of pairs."""
    return array("q", list(chain.from_iterable([cv.span or (-1, -1) for cv in map(ctx.get, CROSS_CELLS)])))


def _text_digest(ctx: CheckContext) -> bytes:
    """What X08 compares, equal when the texts are: BLAKE2b of the UTF-16 text, half the work of
    ``core.model.text_hash`` (SHA-256 of UTF-8; nothing outside the batch sees this one). Both encodings
    are one-to-one and refuse the same texts (a lone surrogate)."""
    return hashlib.blake2b(ctx.report.source.text.encode("utf-16-le"), digest_size=16).digest()


@dataclass
class ReportState:
    path: str = kept(lambda ctx: ctx.report.source.path)
    agency: str | None = kept(lambda ctx: ctx.report.agency)
    year: int | None = kept(lambda ctx: ctx.report.year)
    numbers: tuple[Number | None, ...] = kept(_numbers)  # effective values of CROSS_CELLS (corrections applied)
    spans: array = kept(_spans)
    prose: Shingles = kept(lambda ctx: Shingles.of(part_text(ctx, NARRATIVE_PARTS), signed=True))  # X04, X05
    problems: Shingles = kept(lambda ctx: Shingles.of(part_text(ctx, (5,))))  # X06
    narrative: Prose = kept(lambda ctx: Prose.of(ctx.report, NARRATIVE_PARTS))  # X07 and D05, sentence by sentence
    published: Published | None = kept(published)  # D05: where it was published (reports from an evidence folder)
    text_hash: bytes = kept(_text_digest)  # X08: the same report twice

    @classmethod
    def of(cls, ctx: CheckContext) -> ReportState:
        return cls(**{name: extract(ctx) for name, extract in _KEPT})

    @property
    def name(self) -> Message:
        """How a finding on another report names this one."""
        who = self.agency or self.path
        return msg("X.name", agency=who, year=self.year) if self.year else msg("X.name_no_year", agency=who)

    def number(self, key: CellKey) -> Number | None:
        """The cell's number as a check reads it (None where it is not usable): what year over year
        (``core.equations.year_side``) evaluates."""
        return self.numbers[_POSITION[key]]

    def span(self, key: CellKey) -> Span | None:
        k = 2 * _POSITION[key]
        return (self.spans[k], self.spans[k + 1]) if self.spans[k] >= 0 else None

    def park(self, spill: Spill) -> ReportState:
        """Move every ``Parked`` field to disk: what stays in memory no longer grows with the text."""
        for name, _ in _KEPT:
            value = getattr(self, name)
            if isinstance(value, Parked):
                spill.park(value)
        return self

    def finding(self, rule: str, message: Message | str, cells: Iterable[CellKey] = (), spans: Iterable[Span] = (),
                subject: str = "", severity: Severity | None = None, lhs: Number | None = None,
                rhs: Number | None = None) -> Finding:
        cells = tuple(cells)
        spans = tuple(spans) or tuple(s for k in cells if (s := self.span(k)) is not None)
        return make_finding(rule, message, cells, spans, subject, severity, lhs=lhs, rhs=rhs)


# (name, extractor) of each field, read once: ``fields`` makes its tuple anew at every call
_KEPT = tuple((f.name, f.metadata["extract"]) for f in fields(ReportState))
