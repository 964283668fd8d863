"""Tables from structured documents (HTML, Word, PDF) become text rows the engine reads.

Cells are placed on a grid with their row and column spans expanded, so each row prints its cells in
true column order; a merged cell prints once, where it starts. A row prints as ``| a | b |  | c |``:
an empty cell stays an empty field, which the engine reads as a blank, never as a shifted column."""
from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u200b]+")


@dataclass
class GridCell:
    text: str
    rowspan: int = 1
    colspan: int = 1


def clean(text: str) -> str:
    """One line of cell text: &nbsp; runs and line breaks inside a cell become single spaces."""
    return _SPACE.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip().replace("|", "｜")


def expand(rows: list[list[GridCell]]) -> list[list[GridCell | None]]:
    """Place cells on the grid; positions covered by a span from above or the left are None."""
    grid: list[list[GridCell | None]] = []
    taken: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(rows):
        out: list[GridCell | None] = []
        col = 0
        for cell in row:
            while taken.get((r, col)):
                out.append(None)
                col += 1
            out.append(cell)
            for dr in range(max(cell.rowspan, 1)):
                for dc in range(max(cell.colspan, 1)):
                    if dr or dc:
                        taken[(r + dr, col + dc)] = True
            col += 1
            for _ in range(max(cell.colspan, 1) - 1):
                out.append(None)
                col += 1
        while taken.get((r, col)):
            out.append(None)
            col += 1
        grid.append(out)
    return grid


def row_line(cells: list[str]) -> tuple[str, list[int]]:
    """One grid row as a line, and where each (cleaned) cell's text starts in it."""
    starts, pos = [], 2
    for c in cells:
        starts.append(pos)
        pos += len(c) + 3
    return "| " + " | ".join(cells) + " |", starts


def table_lines(rows: list[list[GridCell]]) -> list[str]:
    lines = []
    for row in expand(rows):
        cells = [clean(c.text) for c in row if c is not None]
        if any(cells):
            lines.append(row_line(cells)[0])
    return lines
