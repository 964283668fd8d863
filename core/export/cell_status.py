"""What a cell looks like to the auditor: its shown text, the worst finding on it, whether it was
corrected. The window paints from this and the workbook fills from it, so both agree on every colour."""
from __future__ import annotations

from dataclasses import dataclass

from core.messages import finding_text
from core.model import CellKind, Finding, Severity
from core.review import Review, value_text
from core.template import CellKey

_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class CellStatus:
    text: str                      # what the cell shows ('' for blank/missing)
    kind: CellKind
    severity: Severity | None      # worst finding naming this cell
    notes: tuple[str, ...]         # "B01 …" lines for the tooltip / comment
    corrected: bool
    original: str | None           # the parsed text, when corrected

    @property
    def colour_role(self) -> str | None:
        """Which shared colour (core.export.style) paints the cell: a failed check wins over a correction."""
        if self.severity is Severity.ERROR:
            return "ERROR"
        if self.corrected:
            return "CORRECTED"
        if self.severity is Severity.WARNING or self.kind in (CellKind.EMPTY, CellKind.PLACEHOLDER):
            return "WARNING"
        if self.kind in (CellKind.MISSING, CellKind.AMBIGUOUS):
            return "MISSING"
        if self.severity is Severity.INFO:
            return "INFO"
        return None


def finding_note(f: Finding, lang: str = "zh") -> str:
    """Rule id and message; cross-total messages already carry both sides' numbers."""
    return f"{f.rule} {finding_text(f, lang)}"


def cell_statuses(review: Review, keys: list[CellKey] | tuple[CellKey, ...],
                  lang: str = "zh") -> dict[CellKey, CellStatus]:
    by_cell: dict[CellKey, list[Finding]] = {}
    for f in review.findings:
        for k in f.cells:
            by_cell.setdefault(k, []).append(f)
    out: dict[CellKey, CellStatus] = {}
    for key in keys:
        cv = review.cell(key)
        found = by_cell.get(key)  # most cells are named by no finding: nothing to sort or word
        if found:
            found.sort(key=lambda f: _RANK[f.severity])
        corrected = review.is_corrected(key)
        out[key] = CellStatus(
            text=cv.raw or (value_text(cv.value) if cv.is_number else ""), kind=cv.kind, severity=found[0].severity if found else None,
            notes=tuple(finding_note(f, lang) for f in found) if found else (), corrected=corrected,
            original=(review.parsed(key).raw or "（空）") if corrected else None)
    return out
