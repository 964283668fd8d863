"""The three tables laid out as the official form prints them, derived from ``core.template``: header
rows with their groups, group labels spanning their rows, table C as one row of 15, table A as four
blocks. The window and the workbook both draw from ``form_layout``, so the two cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.template import (
    ACTIVE_ROW_HEADER,
    ACTIVE_SINGLE_COLUMN,
    B_NOTE,
    B_RESULTS_GROUP,
    TABLES,
    CellKey,
)


# --- The printed form ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Block:
    """One rectangle of the printed form: a label (a header, a group, a row label) or a value cell."""

    row: int
    col: int
    rows: int = 1
    cols: int = 1
    text: str = ""                # the label, as the template writes it ("" for a value cell)
    key: CellKey | None = None    # the value cell shown here
    header: bool = False          # a column header or a band over rows (as opposed to a row label)
    group: bool = False           # a header over other headers (a spanning group, a band, the corner)


@dataclass(frozen=True)
class FormLayout:
    """A table exactly as the official form prints it: multi-level column headers with spanning
    groups on top (``header_rows``), row labels with spanning group labels on the left
    (``label_cols``), and table A's four blocks each under its own band and sub-header."""

    table: str
    shape: tuple[int, int]
    header_rows: int
    label_cols: int
    blocks: tuple[Block, ...]

    def block_at(self, row: int, col: int) -> Block | None:
        """The block whose top-left corner is (row, col); None inside a span or on an empty spot."""
        return _corners(self).get((row, col))

    @property
    def positions(self) -> dict[CellKey, tuple[int, int]]:
        return {b.key: (b.row, b.col) for b in self.blocks if b.key is not None}


@lru_cache(maxsize=None)
def _corners(layout: FormLayout) -> dict[tuple[int, int], Block]:
    return {(b.row, b.col): b for b in layout.blocks}


def _column_headers(columns: tuple[str, ...], groups: tuple[tuple[str, int, int], ...],
                    left: int) -> tuple[list[Block], int]:
    """Nested column groups over leaf labels, leaves on the bottom header row: a group sits on the
    row of its nesting depth and reaches down to just above its sub-groups (or the leaves); a leaf
    label reaches up to the lowest group over it."""

    def inside(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
        return a is not b and b[1] <= a[1] and a[2] <= b[2]

    depth = {g: sum(inside(g, o) for o in groups) for g in groups}
    below = {g: max((depth[o] - depth[g] for o in groups if inside(o, g)), default=0) for g in groups}
    height = 1 + max((depth[g] + 1 for g in groups), default=0)
    blocks = [Block(depth[g], left + g[1], height - 1 - below[g] - depth[g], g[2] - g[1] + 1, g[0], header=True,
                    group=True) for g in groups]
    for c, name in enumerate(columns):
        top = max((b.row + b.rows for b in blocks if b.col <= left + c < b.col + b.cols), default=0)
        blocks.append(Block(top, left + c, height - top, 1, name, header=True))
    return blocks, height


def _row_labels(paths: list[list[str]], top: int, width: int) -> list[Block]:
    """Row labels from each row's path (groups, then its label): a group label spans the rows that
    share it, a row's label spans the label columns its path leaves free."""
    blocks: list[Block] = []
    for level in range(width):
        r = 0
        while r < len(paths):
            path = paths[r]
            if level >= len(path):
                r += 1
                continue
            if level == len(path) - 1:
                blocks.append(Block(top + r, level, 1, width - level, path[level]))
                r += 1
                continue
            end = r
            while end + 1 < len(paths) and paths[end + 1][:level + 1] == path[:level + 1] and len(paths[end + 1]) > level + 1:
                end += 1
            blocks.append(Block(top + r, level, end - r + 1, 1, path[level]))
            r = end + 1
    return blocks


def _applications() -> FormLayout:
    spec = TABLES["applications"]
    headers, height = _column_headers(spec.columns, spec.column_groups, 3)
    paths = []
    for r in spec.rows:
        levels = [r.group.removeprefix(B_RESULTS_GROUP)] if r.group.startswith(B_RESULTS_GROUP) else []
        paths.append(([B_RESULTS_GROUP] if r.group.startswith(B_RESULTS_GROUP) else [])
                     + [x for x in levels if x] + [r.label])
    blocks = [Block(0, 0, height, 3, B_NOTE, header=True, group=True), *headers, *_row_labels(paths, height, 3)]
    blocks += [Block(height + i, 3 + c, key=CellKey(spec.id, r.key, c)) for i, r in enumerate(spec.rows)
               for c in range(r.ncols)]
    return FormLayout(spec.id, (height + len(spec.rows), 3 + len(spec.columns)), height, 3, tuple(blocks))


def _review_litigation() -> FormLayout:
    spec = TABLES["review_litigation"]
    leaves = tuple(c.split("·")[-1] for c in spec.columns)
    headers, height = _column_headers(leaves, spec.column_groups, 0)
    values = [Block(height, c, key=CellKey(spec.id, "", c)) for c in range(len(spec.columns))]
    return FormLayout(spec.id, (height + 1, len(spec.columns)), height, 0, tuple(headers + values))


def _active() -> FormLayout:
    """Four blocks, each under its band (第二十条第（一）项) and sub-header (信息内容 | columns)."""
    spec = TABLES["active"]
    width = 1 + len(spec.columns)
    blocks: list[Block] = []
    row = 0
    for group in dict.fromkeys(r.group for r in spec.rows):
        members = [r for r in spec.rows if r.group == group]
        blocks.append(Block(row, 0, 1, width, group, header=True, group=True))
        blocks.append(Block(row + 1, 0, text=ACTIVE_ROW_HEADER, header=True))
        if members[0].ncols == 1:
            blocks.append(Block(row + 1, 1, 1, width - 1, ACTIVE_SINGLE_COLUMN[members[0].key], header=True))
        else:
            blocks += [Block(row + 1, 1 + c, text=name, header=True) for c, name in enumerate(spec.columns)]
        row += 2
        for r in members:
            blocks.append(Block(row, 0, text=r.label))
            if r.ncols == 1:
                blocks.append(Block(row, 1, 1, width - 1, key=CellKey(spec.id, r.key, 0)))
            else:
                blocks += [Block(row, 1 + c, key=CellKey(spec.id, r.key, c)) for c in range(r.ncols)]
            row += 1
    return FormLayout(spec.id, (row, width), 0, 1, tuple(blocks))


@lru_cache(maxsize=None)
def form_layout(table: str) -> FormLayout:
    return {"active": _active, "applications": _applications, "review_litigation": _review_litigation}[table]()
