"""A reading compared with its answer key, cell by cell: exact, null (with or without a finding that
says so) or wrong — a value that differs from the key, the worst outcome, since nothing warns the
auditor."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from core.errors import ReportError
from core.template import TABLE_IDS, all_cells
from tests.realistic.keys import ERROR, AnswerKey

OLD_TABLE_RULES = ("A", "B", "C", "V", "S02", "S03")


@dataclass
class Score:
    form: str
    key: str
    readable: bool = True
    reason: str = ""
    cells: int = 0
    exact: int = 0
    null_flagged: int = 0
    null_silent: int = 0
    wrong: int = 0
    wrong_cells: list[str] = field(default_factory=list)
    parts: int = 0
    parts_found: int = 0
    tables: int = 0
    tables_found: int = 0
    false_errors: list[str] = field(default_factory=list)   # error findings a consistent report must not get
    needs_missing: list[str] = field(default_factory=list)  # findings the key requires and the reading lacks
    layout: str | None = None
    layout_ok: bool = True
    error_cells: list[str] = field(default_factory=list)    # cells named by any error-severity finding

    @property
    def perfect(self) -> bool:
        """Issue 12's "done when" for one report in one form."""
        return (self.readable and self.exact == self.cells and self.parts_found == self.parts
                and self.tables_found == self.tables and not self.false_errors and not self.needs_missing
                and self.layout_ok)


def read(path: Path):
    """The engine's reading of a file and its findings, or the reason it refused the file."""
    from core.api import analyze_file
    from core.checks import run_checks

    try:
        report = analyze_file(path)
    except ReportError as exc:
        return None, [], str(exc)
    return report, run_checks(report), ""


def score(form: str, key: AnswerKey, report, findings, reason: str = "") -> Score:
    """``key`` as printed in ``form`` against the reading (what the form makes unknowable excepted)."""
    from tests.realistic.forms import FORMS, knowable

    if form in FORMS:
        key = knowable(FORMS[form], key)
    s = Score(form, key.name)
    if report is None:
        s.readable, s.reason = False, reason
        s.needs_missing = [n.why for n in key.needs]
        s.cells = len(key.expected)
        s.null_flagged = s.cells  # refused with a reason: nothing read, nothing claimed
        s.parts = len(key.sections) if key.layout == "2021" else 0
        s.tables = len(key.tables) if key.layout == "2021" else 0
        s.layout_ok = False
        return s
    s.layout = report.layout
    named = {c for f in findings for c in f.cells}
    tables_flagged = {f.subject or "" for f in findings if f.rule in ("S02", "S03")}
    if key.layout == "2021":
        s.parts = len(key.sections)
        s.parts_found = len(key.sections & set(report.sections))
        s.tables = len(key.tables)
        s.tables_found = sum(1 for t in key.tables
                             if report.tables.get(t) is not None and any(report.cell(k).is_number for k in all_cells(t)))
        s.layout_ok = report.layout == "2021"
        for cell, want in key.expected.items():
            s.cells += 1
            got = report.cell(cell)
            flagged = cell in named or (report.tables.get(cell.table) is None and bool(tables_flagged))
            if got.is_number and want is not None and got.value == want:
                s.exact += 1
            elif cell in key.ambiguous and flagged and not got.is_number:
                s.exact += 1  # printed so that it fits several readings: null with a finding is right
            elif got.is_number:
                s.wrong += 1
                s.wrong_cells.append(f"{cell.id}={got.value}≠{want}")
            elif want is None and flagged:
                s.exact += 1
            elif flagged:
                s.null_flagged += 1
            else:
                s.null_silent += 1
        # a table the report does not print must not be invented
        for table in TABLE_IDS:
            if table not in key.tables and report.tables.get(table) is not None \
                    and any(report.cell(k).is_number for k in all_cells(table)):
                s.wrong += 1
                s.wrong_cells.append(f"{table}: invented")
    else:
        s.layout_ok = report.layout == key.layout
    for f in findings:
        if f.severity.value != ERROR:
            continue
        s.error_cells.extend(c.id for c in f.cells)
        if key.layout != "2021" and f.rule.startswith(OLD_TABLE_RULES):
            s.false_errors.append(f"{f.rule}: {f.message[:60]}")
        elif key.consistent and key.layout == "2021" and f.rule not in key.allowed_errors:
            s.false_errors.append(f"{f.rule}: {f.message[:60]}")
    s.needs_missing = [n.why for n in key.needs if not any(n.met_by(f) for f in findings)]
    return s
