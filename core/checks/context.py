"""What a check sees: the report plus the *effective* cell values (hand corrections applied)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from core.checks.catalogue import RULES
from core.messages import Message, render
from core.model import (
    CellValue,
    Equation,
    Finding,
    Number,
    Report,
    Severity,
    Span,
    Verdict,
)
from core.template import CellKey


class _Cells(dict):
    """The report's cells with the corrections applied; a key that is not among them (a table not
    found) is read from the report, which says MISSING."""

    __slots__ = ("report",)

    def __init__(self, report: Report, overrides: Mapping[CellKey, CellValue]) -> None:
        super().__init__()
        self.report = report
        for table in report.tables.values():
            if table is not None:
                self.update(table.cells)
        self.update(overrides)

    def __missing__(self, key: CellKey) -> CellValue:
        return self.report.cell(key)


@dataclass
class CheckContext:
    report: Report
    overrides: Mapping[CellKey, CellValue] = field(default_factory=dict)
    # the effective value of a cell (corrections applied). Every check reads cells many times (some
    # 800 reads a report): this is the bound look-up of a dict made once, so a read is no Python call.
    get: Callable[[CellKey], CellValue] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.get = _Cells(self.report, self.overrides).__getitem__

    def table_found(self, table: str) -> bool:
        return self.report.tables.get(table) is not None

    def finding(self, rule: str, message: Message | str, cells: Iterable[CellKey] = (), spans: Iterable[Span] = (),
                subject: str = "", severity: Severity | None = None, equation: Equation | None = None,
                lhs: Number | None = None, rhs: Number | None = None, verdict: Verdict | None = None,
                zh: str | None = None) -> Finding:
        cells = tuple(cells)
        spans = tuple(spans) or tuple(s for k in cells if (s := self.get(k).span) is not None)
        return make_finding(rule, message, cells, spans, subject, severity, equation, lhs, rhs, verdict, zh)


def make_finding(rule: str, message: Message | str, cells: tuple[CellKey, ...] = (), spans: tuple[Span, ...] = (),
                 subject: str = "", severity: Severity | None = None, equation: Equation | None = None,
                 lhs: Number | None = None, rhs: Number | None = None, verdict: Verdict | None = None,
                 zh: str | None = None) -> Finding:
    """A finding with the catalogue's severity unless told otherwise, and the verdict that goes with it.
    ``message`` is a template with its parameters (``messages.msg``), so the finding reads in either
    language; plain text is accepted and shown as it is in every language. ``zh`` is the message's
    Chinese text when it is already rendered (an extraction note's, ``messages.parse_note``)."""
    sev = severity or RULES[rule].severity
    if verdict is None:
        verdict = Verdict.NOTE if sev is Severity.INFO else Verdict.FAIL
    if isinstance(message, Message):
        text = render(message.template, message.params) if zh is None else zh  # Message.text, one call fewer
        return Finding(rule, sev, text, cells, spans, subject, equation, lhs, rhs, verdict, message.template, message.params)
    return Finding(rule, sev, message, cells, spans, subject, equation, lhs, rhs, verdict)
