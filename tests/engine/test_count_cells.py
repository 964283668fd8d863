"""The table builder's fast path for a row of plain counts (``_count_cells``, its cells made inline)
must give the cells the general path gives (``_row_pieces`` then ``_cell``), and refuse every other row."""
from __future__ import annotations

import random

from core.extraction.stream import Tok, Token
from core.extraction.tables import _cell, _count_cells, _row_pieces
from core.model import CellKind, CellValue, make_cell
from core.template import TABLES

_ROW = TABLES["applications"].row("本年新收")  # 7 columns, counts


def _random_row(rng: random.Random) -> list[Token]:
    items, at = [], 0
    for _ in range(rng.randint(5, 9)):
        choice = rng.random()
        if choice < 0.85:
            text = rng.choice(["0", "7", "12", "306", "0012", "٣", "0", "5", "1,000", "1.5", "-3"])
            items.append(Token(Tok.VALUE, text, at, at + len(text)))
        elif choice < 0.9:
            items.append(Token(Tok.EMPTY, "", at, at, hard=rng.random() < 0.3))
        else:
            items.append(Token(rng.choice([Tok.LABEL, Tok.PLACEHOLDER]), rng.choice(["abc", "/", "无"]), at, at + 1))
        at += 4
    return items


def test_fast_path_matches_general_path() -> None:
    rng = random.Random(17)
    fast_rows = 0
    for _ in range(3000):
        items = _random_row(rng)
        fast = _count_cells(items)
        pieces = _row_pieces(items, _ROW.ncols)
        general = [_cell(p, _ROW) for p in pieces]
        plain = all(p.kind.value == "number" and p.raw.isdecimal() for p in pieces)
        if fast is not None and len(fast) == _ROW.ncols:
            fast_rows += 1
            assert fast == general
            assert all(type(c) is CellValue for c in fast)
        elif len(pieces) == _ROW.ncols and plain:
            raise AssertionError(f"a row of plain counts refused: {items}")
    assert fast_rows > 20


def test_inline_cell_is_a_made_cell() -> None:
    (cell,) = _count_cells([Token(Tok.VALUE, "12", 3, 5)])
    assert cell == make_cell(CellKind.NUMBER, 12, "12", (3, 5))
    assert hash(cell) == hash(CellValue(CellKind.NUMBER, 12, "12", (3, 5)))
