"""What the workbook knows about each report while it writes the sheets: its label, the rules run and
their outcomes, each finding's 序号, where its cells and its source lines went."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from core.checks.scope import RuleResult
from core.model import Finding
from core.review import Review
from core.template import CellKey

SOURCE_CHUNK = 1200  # characters of one source line per row: a row stays under Excel's 409 pt
SOURCE_FIRST_ROW = 3  # 原文: title, header, then line 1


class SourceLines:
    """The report text as numbered lines, the numbers findings cite and 原文 prints."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines()
        starts, pos = [], 0
        for piece in text.splitlines(keepends=True):
            starts.append(pos)
            pos += len(piece)
        self.starts = starts
        rows, row = [], SOURCE_FIRST_ROW
        for line in self.lines:
            rows.append(row)
            row += max(1, -(-len(line) // SOURCE_CHUNK))
        self.rows = rows

    def number(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return max(1, bisect_right(self.starts, offset))

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def line_start(self, number: int) -> int:
        return self.starts[number - 1] if 0 < number <= len(self.starts) else 0

    def row(self, number: int) -> int:
        """The 原文 sheet row where a line starts."""
        return self.rows[number - 1] if 0 < number <= len(self.rows) else SOURCE_FIRST_ROW


@dataclass
class ReportPart:
    label: str                      # "2024年", "2024年(2)"; what sheet names and the 序号 use
    review: Review
    results: list[RuleResult]
    lines: SourceLines
    numbers: dict[int, int] = field(default_factory=dict)  # id(finding) → 序号 in 检查结果
    addresses: dict[CellKey, str] = field(default_factory=dict)  # cell → 'sheet'!$C$5
    source_sheet: str = ""
    previous: "ReportPart | None" = None  # the same agency's previous year, in this workbook

    @property
    def title(self) -> str:
        """'2024年度报告', '2024年度报告（第2份）' for the second report of one year."""
        year = self.review.report.year
        base = f"{year}年度报告" if year else "年度不详的报告"
        copy = self.label.partition("(")[2].rstrip(")")
        return base + (f"（第{copy}份）" if copy else "")

    def number_of(self, f: Finding) -> int | None:
        return self.numbers.get(id(f))

    def cell_numbers(self) -> dict[CellKey, list[int]]:
        """For each cell, the 序号 of the findings that name it (what the form prints beside it)."""
        out: dict[CellKey, list[int]] = {}
        for result in self.results:
            for f in result.findings:
                for k in f.cells:
                    out.setdefault(k, []).append(self.numbers[id(f)])
        return {k: sorted(set(v)) for k, v in out.items()}
