"""What a check sees: the report plus the *effective* cell values (hand corrections applied)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from core.checks.catalogue import RULES
from core.messages import Message
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


@dataclass
class CheckContext:
    report: Report
    overrides: Mapping[CellKey, CellValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # every check reads cells many times: look them up once, corrections applied
        self._cells: dict[CellKey, CellValue] = {}
        for table in self.report.tables.values():
            if table is not None:
                self._cells.update(table.cells)
        self._cells.update(self.overrides)

    def get(self, key: CellKey) -> CellValue:
        found = self._cells.get(key)
        return found if found is not None else self.report.cell(key)

    def table_found(self, table: str) -> bool:
        return self.report.tables.get(table) is not None

    def finding(self, rule: str, message: Message | str, cells: Iterable[CellKey] = (), spans: Iterable[Span] = (),
                subject: str = "", severity: Severity | None = None, equation: Equation | None = None,
                lhs: Number | None = None, rhs: Number | None = None, verdict: Verdict | None = None) -> Finding:
        cells = tuple(cells)
        spans = tuple(spans) or tuple(s for k in cells if (s := self.get(k).span) is not None)
        return make_finding(rule, message, cells, spans, subject, severity, equation, lhs, rhs, verdict)


def make_finding(rule: str, message: Message | str, cells: tuple[CellKey, ...] = (), spans: tuple[Span, ...] = (),
                 subject: str = "", severity: Severity | None = None, equation: Equation | None = None,
                 lhs: Number | None = None, rhs: Number | None = None, verdict: Verdict | None = None) -> Finding:
    """A finding with the catalogue's severity unless told otherwise, and the verdict that goes with it.
    ``message`` is a template with its parameters (``messages.msg``), so the finding reads in either
    language; plain text is accepted and shown as it is in every language."""
    sev = severity or RULES[rule].severity
    if verdict is None:
        verdict = Verdict.NOTE if sev is Severity.INFO else Verdict.FAIL
    if isinstance(message, Message):
        return Finding(rule, sev, message.text("zh"), cells, spans, subject, equation, lhs, rhs, verdict,
                       message.template, message.params)
    return Finding(rule, sev, message, cells, spans, subject, equation, lhs, rhs, verdict)
