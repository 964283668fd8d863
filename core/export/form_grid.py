"""The three tables as grids laid out like the printed form, derived from ``core.template``.

The window and the workbook both show a table as rows × columns with header labels; table C's 15
values read as three groups of five, table A mixes three-column and one-column rows. This is the one
place that turns the template into such a grid, so the two views cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.template import (
    ACTIVE_SINGLE_COLUMN,
    B_RESULTS_GROUP,
    C_GROUPS,
    C_OUTCOMES,
    TABLES,
    CellKey,
)


@dataclass(frozen=True)
class FormGrid:
    table: str
    row_labels: tuple[str, ...]
    row_titles: tuple[str, ...]       # what a row header shows: the label with its sub-group
    row_groups: tuple[str, ...]       # group label of each row ("" when none)
    column_labels: tuple[str, ...]
    column_groups: tuple[tuple[str, int, int], ...]  # (label, first, last) above the column labels
    cells: tuple[tuple[CellKey | None, ...], ...]     # [row][col]; None: no cell at this position

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.cells), len(self.column_labels)

    def key_at(self, row: int, col: int) -> CellKey | None:
        return self.cells[row][col]

    @property
    def positions(self) -> dict[CellKey, tuple[int, int]]:
        return _positions(self)

    def span_of(self, row: int) -> int:
        """How many columns the row's first cell covers (one-value rows of table A span the row)."""
        keys = self.cells[row]
        return len(keys) if sum(k is not None for k in keys) == 1 else 1


@lru_cache(maxsize=None)
def _positions(grid: FormGrid) -> dict[CellKey, tuple[int, int]]:
    return {k: (r, c) for r, row in enumerate(grid.cells) for c, k in enumerate(row) if k is not None}


@lru_cache(maxsize=None)
def form_grid(table: str) -> FormGrid:
    spec = TABLES[table]
    if table == "review_litigation":
        row = spec.rows[0]
        width = len(C_OUTCOMES)
        return FormGrid(
            table, row_labels=C_GROUPS, row_titles=C_GROUPS, row_groups=("", "行政诉讼", "行政诉讼"), column_labels=C_OUTCOMES,
            column_groups=(),
            cells=tuple(tuple(CellKey(table, row.key, g * width + o) for o in range(width))
                        for g in range(len(C_GROUPS))))
    width = max(r.ncols for r in spec.rows)
    labels, titles, groups, cells = [], [], [], []
    for r in spec.rows:
        unit = ACTIVE_SINGLE_COLUMN.get(r.key) if table == "active" else None
        labels.append(f"{r.label} · {unit}" if unit else r.label)
        sub_group = r.group.removeprefix(B_RESULTS_GROUP) if table == "applications" else ""
        titles.append(f"{sub_group} {labels[-1]}".strip())
        groups.append(r.group)
        cells.append(tuple(CellKey(table, r.key, c) if c < r.ncols else None for c in range(width)))
    return FormGrid(table, tuple(labels), tuple(titles), tuple(groups), spec.columns, spec.column_groups, tuple(cells))
