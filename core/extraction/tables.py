"""Rows as read → the table's cells, with a note for everything that could not be read as printed.

Each row's items become cells: numbers, blanks, placeholders and text kept distinct (checks.md: a blank
is never a zero). A row whose item count matches its columns is placed as it is; glued digit runs are cut
by ``glued`` (shape, then the row's own total, then every cross total of the table jointly); anything
left unclear stays unread with a "not assessable" note naming the row and the candidates.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from core.equations import strict_equations
from core.extraction.glued import (
    Budget,
    Piece,
    TableRules,
    TooMany,
    row_splits,
    row_totals,
    shape_count,
    shape_split,
    solve_jointly,
)
from core.extraction.normalize import compact
from core.extraction.rows import RowRead, hard_items, read_rows
from core.extraction.stream import Tok, Token
from core.messages import Joined, Message, msg, parse_note
from core.messages import label as fl
from core.model import (
    CellKind,
    CellValue,
    ParseNote,
    Severity,
    Span,
    TableData,
    make_cell,
)
from core.template import (
    TABLES,
    CellKey,
    GroupSpec,
    RowSpec,
    TableSpec,
    all_cells,
    row_cells,
    rows_with_cells,
)

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_INTEGER = re.compile(r"[+-]?\d+")
W, I = Severity.WARNING, Severity.INFO
# Enum members as module constants for the code run per token, piece or cell: on Python 3.11 a look-up
# on an Enum class (``Tok.VALUE``) goes through ``EnumType.__getattr__``'s hook, some 1,000 instructions.
_LABEL, _VALUE, _EMPTY, _PLACEHOLDER = Tok.LABEL, Tok.VALUE, Tok.EMPTY, Tok.PLACEHOLDER
_NUMBER, _TEXT, _INVALID = CellKind.NUMBER, CellKind.TEXT, CellKind.INVALID
_EMPTY_CELL, _PLACEHOLDER_CELL = CellKind.EMPTY, CellKind.PLACEHOLDER


def _number(raw: str) -> int | Decimal | None:
    text = raw.replace(",", "") if _THOUSANDS.match(raw) else raw
    try:
        return int(text) if _INTEGER.fullmatch(text) else Decimal(text)
    except (ValueError, InvalidOperation):
        return None


_COUNTS: dict[str, int] = {}  # printed counts already read → their values (``_count``)


def _count(text: str) -> int:
    """int(text), remembered for the first few thousand texts: reports print the same small counts
    over and over, and a look-up costs a third of parsing."""
    value = int(text)
    if len(_COUNTS) < 4096:
        _COUNTS[text] = value
    return value


def _count_cells(items: list[Token]) -> list[CellValue] | None:
    """The cells of a row of plain counts, the common row: every item (but the blank fields that only
    may be cells, which ``hard_items`` drops) a VALUE of decimal digits, each its own cell, as
    ``_row_pieces`` and ``place`` would make them. None for any other row. One pass, with no list
    of the items kept: the tests and the cells of a row cost less than the slices and loops of the
    general path."""
    cells = []
    for t in items:
        kind = t.kind
        if kind is _VALUE:
            text = t.text
            if not text.isdecimal():
                return None
            try:  # (a subscript costs a third of a call of .get)
                value = _COUNTS[text]
            except KeyError:
                value = _count(text)
            cells.append(make_cell(_NUMBER, value, text, (t.start, t.end)))
        elif kind is not _EMPTY or t.hard:
            return None
    return cells


def _pieces(tok: Token) -> list[Piece]:
    kind = tok.kind
    if kind is _EMPTY:
        return [Piece(_EMPTY_CELL, "", tok.start, tok.end)]
    if kind is _PLACEHOLDER:
        return [Piece(_PLACEHOLDER_CELL, tok.text, tok.start, tok.end)]
    if kind is _LABEL:
        return [Piece(_TEXT, tok.text, tok.start, tok.end)]
    raw = tok.text
    if raw.isdecimal():  # the common case, as a crawler or a converter leaves it: plain digits
        return [Piece(_NUMBER, raw, tok.start, tok.end, int(raw), len(raw) > 1)]
    if "," in raw and not _THOUSANDS.match(raw):
        # "0,0,3": a comma-separated row rather than a number with thousands separators
        out, pos = [], 0
        for part in raw.split(","):
            if part:
                out.extend(_pieces(Token(_VALUE, part, tok.start + pos, tok.start + pos + len(part))))
            pos += len(part) + 1
        return out
    value = _number(raw)
    if value is None:
        return [Piece(_TEXT, raw, tok.start, tok.end)]
    return [Piece(_NUMBER, raw, tok.start, tok.end, value, raw.isdigit() and len(raw) > 1)]


def _cell(p: Piece, spec: RowSpec) -> CellValue:
    span: Span = (p.start, p.end)
    v = p.value
    if type(v) is int and v >= 0 and not spec.decimal:  # a count, as almost every cell is
        return make_cell(_NUMBER, v, p.raw, span)
    if p.kind is not _NUMBER:
        return make_cell(p.kind, None, p.raw, span)
    if v is None:
        return make_cell(_TEXT, None, p.raw, span)
    if v < 0:
        return make_cell(_INVALID, v, p.raw, span, "负数")
    if not spec.decimal and isinstance(v, Decimal):
        if v == v.to_integral_value() and "." not in p.raw:
            v = int(v)
        else:
            return make_cell(_INVALID, v, p.raw, span, "计数不应为小数")
    if spec.decimal and isinstance(v, int):
        v = Decimal(v)
    return make_cell(_NUMBER, v, p.raw, span)


def _keys(spec: TableSpec, row: RowSpec) -> tuple[CellKey, ...]:
    return row_cells(spec.id, row.key)


@lru_cache(maxsize=None)
def _totals(table: str, row: str) -> dict[int, int]:
    """The row's own totals (``glued.row_totals``), found once per row of the template. Read only."""
    keys = row_cells(table, row)
    return row_totals(strict_equations(keys), keys)


@lru_cache(maxsize=None)
def _table_rules(table: str) -> TableRules:
    """The table's equalities as rules over the positions of its cells (``glued.solve_jointly``), made
    once per table of the template."""
    pos = _positions(table)
    return TableRules([(tuple(pos[k] for k in e.lhs), tuple(pos[k] for k in e.rhs), e.relation)
                       for e in strict_equations(pos)])


@lru_cache(maxsize=None)
def _rows_by_key(table: str) -> dict[str, tuple[RowSpec, tuple[CellKey, ...], tuple[re.Pattern[str], ...]]]:
    """Each row of the template, its cells and its nonstandard label patterns compiled, by key: one
    look-up for every row read. Read only."""
    return {row.key: (row, keys, tuple(map(re.compile, row.nonstandard))) for row, keys in rows_with_cells(table)}


@lru_cache(maxsize=None)
def _groups_by_key(table: str) -> dict[str, GroupSpec]:
    """Each group of the template, by key. Read only."""
    return {g.key: g for g in TABLES[table].groups}


@lru_cache(maxsize=None)
def _positions(table: str) -> dict[CellKey, int]:
    """Each cell's position in the table. Read only."""
    return {k: i for i, k in enumerate(all_cells(table))}


@lru_cache(maxsize=None)
def _row_slots(table: str, row: str) -> tuple[int, ...]:
    """The positions of a row's cells in its table, found once per row of the template."""
    pos = _positions(table)
    return tuple(pos[k] for k in row_cells(table, row))


def _drop_subtotal(pieces: list[Piece]) -> list[Piece] | None:
    """An extra 法人或其他组织 subtotal column (8 values): drop it when it is the sum it claims to be."""
    vals = [p.value if p.kind is _NUMBER else None for p in pieces]
    if any(v is None for v in vals):
        return None
    if vals[6] == sum(vals[1:6]) and vals[7] == vals[0] + vals[6]:
        return pieces[:6] + pieces[7:]
    if vals[1] == sum(vals[2:7]) and vals[7] == vals[0] + vals[1]:
        return pieces[:1] + pieces[2:]
    return None


def _row_pieces(items: list[Token], ncols: int) -> list[Piece]:
    """The row's cells: blanks next to a label count only when they make the row exactly full."""
    hard = [p for t in hard_items(items) for p in _pieces(t)]
    if len(hard) == ncols or any(p.glued for p in hard):
        return hard
    every = [p for t in items for p in _pieces(t)]
    return every if len(every) == ncols else hard


def _shown(pieces: list[Piece]) -> str:
    return " ".join(p.raw or "（空）" for p in pieces)


class _Builder:
    def __init__(self, spec: TableSpec, region: Span, notes: list[ParseNote]) -> None:
        self.spec = spec
        self.table = TableData(spec.id, region)
        self.rows = _rows_by_key(spec.id)
        self.notes = notes
        self.pending: dict[str, list[list[Piece]]] = {}
        self.reads: dict[str, RowRead] = {}
        self.split_by_totals: list[tuple[RowRead, list[Piece]]] = []
        self.budget = Budget()

    def note(self, rule: str, message: Message, keys: list[CellKey], spans: list[Span], subject: str,
             severity: Severity | None = None) -> None:
        self.notes.append(parse_note(rule, message, tuple(keys), tuple(spans), subject, severity))

    def unread(self, row: RowSpec, message: Message, pieces: list[Piece], kind: CellKind, why: str,
               severity: Severity = W) -> None:
        keys = _keys(self.spec, row)
        self.note("S03", message, keys, [(p.start, p.end) for p in pieces], f"row:{row.key}", severity)
        for k in keys:
            self.table.cells[k] = make_cell(kind, None, "", None, why)

    def place(self, row: RowSpec, pieces: list[Piece]) -> None:
        cells = self.table.cells
        for k, p in zip(row_cells(self.spec.id, row.key), pieces):
            cells[k] = _cell(p, row)

    def row(self, read: RowRead) -> None:
        row, keys, nonstandard = self.rows[read.key]
        self.reads[row.key] = read
        label = read.label
        if read.fuzzy:
            self.note("S05", msg("S05.label_similar", printed=label, standard=fl(row.label)), keys[:1],
                      [read.label_span], f"label:{row.key}")
        if nonstandard:
            printed = compact(label)
            for pat in nonstandard:
                if pat.search(printed):
                    self.note("S05", msg("S05.label_variant", printed=label, standard=fl(row.label)), keys[:1],
                              [read.label_span], f"label:{row.key}")
        if not read.items:
            return  # the label with nothing after it: the completeness check names the row
        if not row.decimal:
            counts = _count_cells(read.items)
            if counts is not None and len(counts) == row.ncols:
                self.table.cells.update(zip(keys, counts))
                return
        pieces = _row_pieces(read.items, row.ncols)
        if len(pieces) == row.ncols + 1 and self.spec.id == "applications":
            fixed = _drop_subtotal(pieces)
            if fixed is not None:
                self.note("S05", msg("S05.subtotal", printed=label), keys[:1], [read.label_span],
                          f"subtotal:{row.key}")
                pieces = fixed
        if len(pieces) == row.ncols:
            self.place(row, pieces)
            return
        if not pieces:
            return  # only blank fields next to the label
        if len(pieces) > row.ncols:
            self.unread(row, msg("S03.too_many", printed=label, count=len(pieces), expected=row.ncols,
                                 values=_shown(pieces)), pieces, CellKind.AMBIGUOUS, "值的个数与列数不符")
            return
        if not any(p.glued for p in pieces):
            self.unread(row, msg("S03.too_few", printed=label, count=len(pieces), expected=row.ncols,
                                 values=_shown(pieces)), pieces, CellKind.MISSING, "本行值不全")
            return
        ways = shape_count(pieces, row.ncols)
        if ways == 0:
            self.unread(row, msg("S03.glued_short", printed=label, glued=_shown(pieces), expected=row.ncols), pieces,
                        CellKind.MISSING, "本行值不全")
            return
        if ways == 1:
            self.place(row, shape_split(pieces, row.ncols))  # cut by shape alone: as printed
            return
        try:
            cands = row_splits(pieces, row.ncols, _totals(self.spec.id, row.key), self.budget)
        except TooMany:
            cands = None
        if cands is None:
            self.unread(row, msg("S03.glued_too_many", printed=label, glued=_shown(pieces)),
                        pieces, CellKind.AMBIGUOUS, "粘连数字无法唯一拆分")
        elif not cands:
            self.unread(row, msg("S03.glued_no_row_split", printed=label, glued=_shown(pieces)),
                        pieces, CellKind.AMBIGUOUS, "粘连数字无法拆分")
        else:
            self.pending[row.key] = cands

    def group(self, read: RowRead, group: GroupSpec, children_read: bool) -> None:
        """Values printed on a group label: a subtotal above its items, or one row in place of them."""
        if not read.items:
            return  # a group label alone, as the form prints it
        pieces = _row_pieces(read.items, 7)
        if not pieces:
            return
        if len(pieces) < 7 and any(p.glued for p in pieces) and shape_count(pieces, 7) == 1:
            pieces = shape_split(pieces, 7)  # glued, but only one cut fits
        keys = [k for child in group.children for k in _keys(self.spec, self.spec.row(child))]
        spans = [(p.start, p.end) for p in pieces]
        if children_read:
            self.note("S05", msg("S05.group_subtotal", group=fl(group.label), values=_shown(pieces)), keys[:1], spans,
                      f"subtotal:{group.key}")
            return
        values = [p.value for p in pieces] if len(pieces) == 7 else []
        if values and all(p.kind is _NUMBER and v == 0 for p, v in zip(pieces, values)):
            for child in group.children:
                self.place(self.spec.row(child), pieces)
            self.note("S05", msg("S05.group_single_zero", group=fl(group.label)), keys, spans, f"group:{group.key}", I)
            return
        self.note("S03", msg("S03.group_single", group=fl(group.label), values=_shown(pieces), count=len(group.children)),
                  keys, spans, f"group:{group.key}", W)
        for k in keys:
            self.table.cells[k] = make_cell(CellKind.AMBIGUOUS, None, "", None, "未分项列出")

    def resolve(self) -> None:
        """Rows whose glued digits the shape alone does not cut: one candidate per row such that every
        cross total of the table holds — all rows at once, so a cut never rests on a total that another
        cut then breaks. Where no assignment makes every total hold, the report itself may be wrong, and
        these rows are not assessable: a printed error is never "repaired" by the cut that hides it.

        Only the equalities decide: A01 (现行有效 ≥ 制发 − 废止) is a warning real reports break."""
        if not self.pending:
            return
        table = self.spec.id
        slots = {rk: _row_slots(table, rk) for rk in self.pending}
        # ``cells`` holds every cell of the template, in its order
        values = [cv.value if cv.kind is _NUMBER and isinstance(cv.value, int) else None
                  for cv in self.table.cells.values()]
        domains = {rk: [[p.value if p.kind is _NUMBER and isinstance(p.value, int) else None for p in c]
                        for c in cands] for rk, cands in self.pending.items()}
        solutions, complete = solve_jointly(domains, slots, values, _table_rules(table), self.budget)
        for rk, cands in self.pending.items():
            row = self.spec.row(rk)
            read = self.reads[rk]
            chosen = sorted({s[rk] for s in solutions})
            if complete and len(chosen) == 1:
                self.place(row, cands[chosen[0]])
                self.split_by_totals.append((read, cands[chosen[0]]))
                continue
            if complete and not solutions:
                how = msg("S03.no_consistent_split")
            else:
                shown = Joined(tuple(_shown(cands[i]) for i in (chosen or range(len(cands)))[:3]), "；", "; ")
                how = msg("S03.several_splits", examples=shown,
                          ways=msg("S03.ways", count=len(chosen)) if complete else msg("S03.ways_many"))
            keys = _keys(self.spec, row)
            if complete and len(chosen) > 1:
                # the cells every fitting reading agrees on (same digits, same place) are read
                fits = [cands[i] for i in chosen]
                agreed = [c for c in range(row.ncols) if len({(f[c].raw, f[c].start, f[c].end) for f in fits}) == 1]
                for c in agreed:
                    self.table.cells[keys[c]] = _cell(fits[0][c], row)
                keys = [k for c, k in enumerate(keys) if c not in agreed]
            names = None if len(keys) == row.ncols else msg("S03.cells_left", cells=tuple(keys))
            pieces = _row_pieces(read.items, row.ncols)
            self.note("S03", msg("S03.glued_undecided", printed=read.label, glued=_shown(pieces), how=how, cells=names),
                      keys, [(p.start, p.end) for p in pieces], f"row:{rk}", W)
            for k in keys:
                self.table.cells[k] = make_cell(CellKind.AMBIGUOUS, None, "", None, "粘连数字无法唯一拆分")
        self.pending.clear()
        self._note_splits()

    def _note_splits(self) -> None:
        """One info note per table for the rows whose glued digits the totals cut: the totals that
        decided the cut cannot also vouch for it, and the auditor should know."""
        if not self.split_by_totals:
            return
        parts = Joined(tuple(msg("S03.split_item", printed=r.label, glued=_shown(_row_pieces(r.items, len(c))),
                                 cut=_shown(c)) for r, c in self.split_by_totals), "；", "; ")
        keys = [k for r, _ in self.split_by_totals for k in _keys(self.spec, self.spec.row(r.key))]
        spans = [(p.start, p.end) for _, c in self.split_by_totals for p in c]
        self.note("S03", msg("S03.split_by_totals", letter=self.spec.letter, parts=parts), keys, spans,
                  f"split:{self.spec.id}", I)


def build_table(spec: TableSpec, region: Span, tokens: list[Token], notes: list[ParseNote]) -> TableData:
    reads = read_rows(spec, tokens)
    b = _Builder(spec, region, notes)
    plain = [r for r in reads if not r.is_group]
    with_values = {r.key for r in plain if r.items}
    for r in plain:
        b.row(r)
    groups = _groups_by_key(spec.id)
    for r in reads:
        if r.is_group:
            g = groups[r.key]
            b.group(r, g, not with_values.isdisjoint(g.children))
    b.resolve()
    return b.table


