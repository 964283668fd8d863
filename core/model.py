"""The report model: plain dataclasses the CLI, the GUI and the workbook all read.

Every extracted value carries the character span it came from in ``SourceDocument.text`` so that any
view can show the evidence. The model says what was *printed*; hand corrections live beside it in
``core.review`` and are applied on top, never written into the parse.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

from core.template import TABLES, CellKey, all_cells

if TYPE_CHECKING:
    from core.collect.evidence import Evidence

Span = tuple[int, int]
Number = int | Decimal


class CellKind(str, Enum):
    """checks.md insists these stay distinct: a blank is never a zero."""

    NUMBER = "number"
    EMPTY = "empty"            # cell present, nothing printed
    PLACEHOLDER = "placeholder"  # "/", "—", "无", "不适用"
    TEXT = "text"              # something printed that is not a number (letters, Chinese numerals…)
    INVALID = "invalid"        # a number the form does not allow here (negative, decimal count)
    AMBIGUOUS = "ambiguous"    # glued digits that split more than one way
    MISSING = "missing"        # the row or cell was not found in the table at all


# (a module constant: on Python 3.11 a look-up on an Enum class, ``CellKind.NUMBER``, goes through
# ``EnumType.__getattr__``'s hook, some 1,000 instructions; ``is_number`` is read for every cell)
_NUMBER = CellKind.NUMBER


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class _CellFields:
    """Where a cell's fields are stored: slots, shared by ``CellValue`` and ``_CellDraft`` so that an
    instance can change from one class to the other (same layout)."""

    __slots__ = ("kind", "value", "raw", "span", "note")


class _CellDraft(_CellFields):
    """A cell being filled (``make_cell``): its fields set by plain attribute stores, which a frozen
    class cannot have (every store would go through its ``__setattr__`` and raise)."""

    __slots__ = ()


@dataclass(frozen=True, init=False)
class CellValue(_CellFields):
    """One cell as read. Fields without defaults here: a default would be a class attribute hiding the
    slot; the defaults are those of ``__new__``. Equality, hash, repr and the frozen ``__setattr__``
    are the dataclass's own."""

    __slots__ = ()

    kind: CellKind
    value: Number | None  # None
    raw: str              # ""
    span: Span | None     # None
    note: str             # ""

    def __new__(cls, kind: CellKind, value: Number | None = None, raw: str = "", span: Span | None = None,
                note: str = "") -> CellValue:
        return make_cell(kind, value, raw, span, note)

    def __reduce__(self):  # pickled as the arguments to make it again (setting the slots would raise)
        return CellValue, (self.kind, self.value, self.raw, self.span, self.note)

    @property
    def is_number(self) -> bool:
        return self.kind is _NUMBER and self.value is not None


def make_cell(kind: CellKind, value: Number | None, raw: str, span: Span | None, note: str = "") -> CellValue:
    """``CellValue(kind, value, raw, span, note)`` at half the cost (the extractor makes some 200 cells
    a report): a draft filled by plain slot stores, then made a CellValue, frozen from then on. The
    generated __init__ of a frozen dataclass sets each field through object.__setattr__; a dict
    filled at once (as before) cost twice this, and its fields were slower to read."""
    cell = _CellDraft()  # (calling the class costs less than object.__new__(_CellDraft))
    cell.kind = kind
    cell.value = value
    cell.raw = raw
    cell.span = span
    cell.note = note
    cell.__class__ = CellValue
    return cell


MISSING = CellValue(CellKind.MISSING)


def text_hash(text: str) -> str:
    """SHA-256 of a decoded text: the identity of a report's content (sidecars, duplicate files)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Where a page or document holds a picture, readers put this in the text: a table given only as an
# image is not missing from the report, it is unreadable to us (checks say "not assessable").
IMAGE_MARK = "[图片]"


@dataclass(frozen=True)
class PageBox:
    """A rectangle on a page of the original file: ``page`` counts from 1; coordinates are PDF points
    from the page's top-left corner (x to the right, y downwards)."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float

    def json(self) -> dict:
        return {"page": self.page, "bbox": [round(v, 1) for v in (self.x0, self.top, self.x1, self.bottom)]}


@dataclass(frozen=True)
class TextPiece:
    """Where a stretch of ``SourceDocument.text`` sits on the page: a table cell's text, or one printed
    line. Lets any span be mapped to page boxes without the extractor knowing about pages."""

    start: int
    end: int
    box: PageBox


@dataclass(frozen=True)
class Uncertain:
    """A character the OCR was not sure of: its index in ``SourceDocument.text``, the recogniser's
    probability for it, and the other readings it considered (character, probability), best first.
    An empty string among the alternatives means "no character here"."""

    index: int
    confidence: float
    alternatives: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class PageInfo:
    number: int
    width: float
    height: float
    ocr: bool = False  # recognised from the page image (no usable text layer)


@dataclass
class SourceDocument:
    path: str
    text: str
    encoding: str
    format: str = "text"
    # PDF only: the pages, where every piece of the text sits on them, and OCR's doubts
    pages: list[PageInfo] = field(default_factory=list)
    pieces: list[TextPiece] = field(default_factory=list)
    uncertain: list[Uncertain] = field(default_factory=list)
    page_problems: list[tuple[int, str]] = field(default_factory=list)  # (page, reason) for pages not read

    def boxes(self, span: Span | None) -> list[PageBox]:
        """The page boxes the characters of ``span`` were printed in. An empty span (a blank cell)
        gets the box of the piece it sits in or next to."""
        if span is None or not self.pieces:
            return []
        lo, hi = span if span[1] > span[0] else (span[0] - 2, span[0] + 2)
        starts = [p.start for p in self.pieces]
        out: list[PageBox] = []
        for p in self.pieces[max(bisect_right(starts, lo) - 1, 0):bisect_right(starts, hi)]:
            if (p.start < hi and p.end > lo or lo <= p.start <= hi) and p.box not in out:
                out.append(p.box)
        return out


@lru_cache(maxsize=None)
def _blank_cells(table: str) -> dict[CellKey, CellValue]:
    """Every cell of a table missing, kept to be copied: copying a dict costs a tenth of building
    one key by key (it is built for every table of every report). Never modified."""
    return dict.fromkeys(all_cells(table), MISSING)


@dataclass
class TableData:
    """One of the three tables as found. ``cells`` holds every cell of the template (MISSING where
    nothing was read), so consumers never have to ask whether a key exists."""

    table: str
    span: Span | None = None
    cells: dict[CellKey, CellValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.cells:  # a table being read: every cell missing until placed
            self.cells = _blank_cells(self.table).copy()
            return
        for key in all_cells(self.table):
            self.cells.setdefault(key, MISSING)

    @property
    def spec(self):
        return TABLES[self.table]


@dataclass(frozen=True)
class Section:
    number: int
    heading: str
    heading_span: Span
    body_span: Span


@dataclass(frozen=True)
class ParseNote:
    """Something the extractor noticed that a check turns into a finding (a label variant, glued digits
    that split several ways, a row that had too few values). Keeps checks free of parsing details."""

    rule: str
    message: str
    cells: tuple[CellKey, ...] = ()
    spans: tuple[Span, ...] = ()
    subject: str = ""
    severity: Severity | None = None  # None: the rule's own severity
    template: str = ""  # message template id and its parameters (core.messages), as in Finding
    params: tuple[tuple[str, object], ...] = ()


@dataclass
class ReportMeta:
    """What the title and the opening sentences say: who reports, for which year."""

    title: str | None = None
    title_span: Span | None = None
    agency: str | None = None
    agency_span: Span | None = None
    year: int | None = None
    year_span: Span | None = None
    period_year: int | None = None
    period_span: Span | None = None


@dataclass(kw_only=True)
class Report(ReportMeta):
    source: SourceDocument
    layout: str | None = None
    sections: dict[int, Section] = field(default_factory=dict)
    tables: dict[str, TableData | None] = field(default_factory=dict)
    notes: list[ParseNote] = field(default_factory=list)
    evidence: Evidence | None = None  # where and when it was downloaded, when it came from an evidence folder

    def cell(self, key: CellKey) -> CellValue:
        table = self.tables.get(key.table)
        if table is None:
            return MISSING
        return table.cells.get(key, MISSING)


@dataclass(frozen=True)
class Equation:
    """A cross-total: sum(lhs) must equal sum(rhs). Kept structural so the workbook can write a live
    Excel formula and the GUI can colour exactly the cells involved."""

    rule: str
    subject: str
    lhs: tuple[CellKey, ...]
    rhs: tuple[CellKey, ...]
    relation: str = "="  # "=" or ">=" (A01)

    @property
    def cells(self) -> tuple[CellKey, ...]:
        return self.lhs + self.rhs


class Verdict(str, Enum):
    """Automatic verdict of a finding, as an audit working paper has it."""

    FAIL = "不通过"
    UNASSESSABLE = "无法核对"
    NOTE = "提示"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    cells: tuple[CellKey, ...] = ()
    spans: tuple[Span, ...] = ()
    subject: str = ""
    equation: Equation | None = None
    lhs_value: Number | None = None
    rhs_value: Number | None = None
    verdict: Verdict = Verdict.FAIL
    # how ``message`` was made: a template id of core.messages and its parameters, so that the
    # window can show the same finding in another language ("" for a message given as text)
    template: str = ""
    params: tuple[tuple[str, object], ...] = ()

    def __init__(self, rule: str, severity: Severity, message: str, cells: tuple[CellKey, ...] = (),
                 spans: tuple[Span, ...] = (), subject: str = "", equation: Equation | None = None,
                 lhs_value: Number | None = None, rhs_value: Number | None = None, verdict: Verdict = Verdict.FAIL,
                 template: str = "", params: tuple[tuple[str, object], ...] = ()) -> None:
        # The fields and defaults above, set at once as for CellValue: the generated __init__ sets the
        # twelve fields one object.__setattr__ at a time, more than the rest of making a finding.
        self.__dict__.update(rule=rule, severity=severity, message=message, cells=cells, spans=spans,
                             subject=subject, equation=equation, lhs_value=lhs_value, rhs_value=rhs_value,
                             verdict=verdict, template=template, params=params)

    @property
    def key(self) -> str:
        """Stable identity across re-parses of the same file, for reviewer verdicts."""
        return f"{self.rule}:{self.subject}" if self.subject else f"{self.rule}:{','.join(c.id for c in self.cells)}"

    @property
    def difference(self) -> Number | None:
        if self.lhs_value is None or self.rhs_value is None:
            return None
        return self.lhs_value - self.rhs_value
