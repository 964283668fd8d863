"""Token stream → table cells, driven by the template.

Reading order survives every serialisation, so a table is read as: a run of labels, then the values of
the row that label names. Rows are found by their label patterns (never by position alone), values are
classified (number, blank, placeholder, text), and cells glued together by a browser copy are split only
when the column count and the cross-total rules leave exactly one possibility.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from core.checks.equations import strict_equations
from core.extraction.normalize import compact
from core.extraction.tokens import Tok, Token, _is_prose
from core.model import CellKind, CellValue, Equation, ParseNote, Span, TableData
from core.template import TABLES, CellKey, RowSpec, TableSpec, cell_label

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_INTEGER = re.compile(r"[+-]?\d+")
MAX_SPLITS = 20000
MAX_SEARCH_STEPS = 300_000  # about half a second of splitting one glued row


@dataclass
class _Piece:
    """One cell candidate before it is placed: a token or part of a glued digit run."""

    kind: CellKind
    raw: str
    start: int
    end: int
    value: int | Decimal | None = None
    glued: bool = False  # a multi-digit run that may really be several cells


@dataclass
class _Row:
    spec: RowSpec
    label: Token
    pieces: list[_Piece] = field(default_factory=list)


def _number(raw: str) -> int | Decimal | None:
    text = raw.replace(",", "") if _THOUSANDS.match(raw) else raw
    try:
        return int(text) if _INTEGER.fullmatch(text) else Decimal(text)
    except (ValueError, InvalidOperation):
        return None


def _value_pieces(tok: Token) -> list[_Piece]:
    if tok.kind is Tok.EMPTY:
        return [_Piece(CellKind.EMPTY, "", tok.start, tok.end)]
    if tok.kind is Tok.PLACEHOLDER:
        return [_Piece(CellKind.PLACEHOLDER, tok.text, tok.start, tok.end)]
    raw = tok.text
    if "," in raw and not _THOUSANDS.match(raw):
        # "0,0,3": a comma-separated row rather than a number with thousands separators
        out, pos = [], 0
        for part in raw.split(","):
            if part:
                out.extend(_value_pieces(Token(Tok.VALUE, part, tok.start + pos, tok.start + pos + len(part))))
            pos += len(part) + 1
        return out
    value = _number(raw)
    if value is None:
        return [_Piece(CellKind.TEXT, raw, tok.start, tok.end)]
    glued = raw.isdigit() and len(raw) > 1
    return [_Piece(CellKind.NUMBER, raw, tok.start, tok.end, value, glued)]


@lru_cache(maxsize=None)
def _row_patterns(table: str) -> tuple[tuple[RowSpec, tuple[re.Pattern[str], ...]], ...]:
    return tuple((r, tuple(re.compile(p) for p in r.patterns)) for r in TABLES[table].rows)


def _match_row(spec: TableSpec, labels: list[Token], taken: set[str], after: int) -> tuple[RowSpec, Token] | None:
    """The row named by the label token nearest the values; rows later in the form are preferred."""
    order = {r.key: i for i, r in enumerate(spec.rows)}
    for tok in reversed(labels):
        if _is_prose(tok.text):
            continue
        c = compact(tok.text)
        hits = [r for r, pats in _row_patterns(spec.id) if r.key not in taken and any(p.search(c) for p in pats)]
        if not hits:
            continue
        later = [r for r in hits if order[r.key] > after]
        return (later or hits)[0], tok
    return None


def _segments(tokens: list[Token]) -> list[tuple[list[Token], list[Token]]]:
    segs: list[tuple[list[Token], list[Token]]] = []
    labels: list[Token] = []
    values: list[Token] = []
    for t in tokens:
        if t.kind is Tok.LABEL:
            if values:
                segs.append((labels, values))
                labels, values = [], []
            labels.append(t)
        else:
            values.append(t)
    segs.append((labels, values))
    return segs


@lru_cache(maxsize=None)
def _header_words(table: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    spec = TABLES[table]
    names = tuple(compact(x) for x in spec.columns + tuple(g for g, _, _ in spec.column_groups))
    return names, spec.markers


def _is_header_word(table: str, text: str) -> bool:
    """A column or group label of the table (行政复议, 未经复议直接起诉, 自然人…), not a cell value."""
    c = compact(text)
    names, markers = _header_words(table)
    return bool(c) and (any(c in n for n in names) or any(m in c for m in markers))


def _is_stray_text(labels: list[Token]) -> bool:
    """A lone short label between values is most likely a cell holding text ('abc', '三')."""
    return len(labels) == 1 and len(compact(labels[0].text)) <= 8 and not _is_prose(labels[0].text)


def assemble_rows(spec: TableSpec, tokens: list[Token]) -> list[_Row]:
    rows: list[_Row] = []
    taken: set[str] = set()
    order = {r.key: i for i, r in enumerate(spec.rows)}
    last = -1
    current: _Row | None = None
    for labels, values in _segments(tokens):
        hit = _match_row(spec, labels, taken, last) if labels else None
        if hit is None and current is not None and labels and len(current.pieces) < current.spec.ncols \
                and all(_is_header_word(spec.id, t.text) for t in labels):
            hit_row = current  # a group or column label inside a row (table C printed 3 × 5, a repeated header)
        elif hit is None and current is not None and labels and _is_stray_text(labels) \
                and len(current.pieces) < current.spec.ncols:
            tok = labels[0]
            current.pieces.append(_Piece(CellKind.TEXT, tok.text, tok.start, tok.end))
            hit_row = current
        elif hit is None:
            current = None
            continue
        else:
            row, tok = hit
            current = _Row(row, tok)
            rows.append(current)
            taken.add(row.key)
            last = order[row.key]
            hit_row = current
            # short text right after the row label, in the value columns ('abc', '无数据'): a text cell
            trailing = labels[labels.index(tok) + 1:]
            if values and trailing and all(_is_stray_text([t]) for t in trailing) \
                    and len(trailing) + len(values) <= row.ncols:
                current.pieces.extend(_Piece(CellKind.TEXT, t.text, t.start, t.end) for t in trailing)
        for v in values:
            hit_row.pieces.extend(_value_pieces(v))
    return rows


class _TooMany(Exception):
    pass


def _candidates(pieces: list[_Piece], ncols: int, eqs: list[Equation], keys: list[CellKey]) -> list[list[_Piece]] | None:
    """Every way to cut the glued digit runs so the row has ``ncols`` cells and its own equations
    hold (None when there are too many to decide between).

    Built right to left, because totals stand to the right of their parts: once a total is placed,
    any partial sum that exceeds it ends the branch (counts are never negative)."""
    index = {k: i for i, k in enumerate(keys)}
    rules = [([index[k] for k in e.lhs], [index[k] for k in e.rhs]) for e in eqs]
    values: list[int | None] = [None] * ncols
    out: list[list[_Piece]] = []

    by_col = [[(lhs, rhs) for lhs, rhs in rules if col in lhs or col in rhs] for col in range(ncols)]

    OK, TOO_BIG, MISMATCH = 0, 1, 2
    # digits (or whole pieces) available to the left of each piece: every cell needs at least one
    atoms_before = [sum(len(q.raw) if q.glued else 1 for q in pieces[:i]) for i in range(len(pieces))]

    def check(col: int) -> int:
        for lhs, rhs in by_col[col]:
            for known, other in ((lhs, rhs), (rhs, lhs)):
                kv = [values[i] for i in known]
                if None in kv:
                    continue
                placed = [values[i] for i in other if values[i] is not None]
                if sum(placed) > sum(kv):
                    return TOO_BIG
                if len(placed) == len(other) and sum(placed) != sum(kv):
                    return MISMATCH
        return OK

    def feasible(col: int) -> bool:
        return check(col) == OK

    def reachable(col: int, digits_left: int) -> bool:
        """With only ``digits_left`` digits for cells 0..col-1 and a sum they must make, can any cut
        make it? The longest of col parts has ceil(d/col) digits, so it is at least 10**(that-1)."""
        for lhs, rhs in rules:
            for known, other in ((lhs, rhs), (rhs, lhs)):
                if any(values[i] is None for i in known):
                    continue
                unplaced = [i for i in other if values[i] is None]
                if not unplaced or len(unplaced) != col or max(unplaced) != col - 1:
                    continue
                need = sum(values[i] for i in known) - sum(values[i] for i in other if values[i] is not None)
                longest = -(-digits_left // col)
                if (longest >= 2 and need < 10 ** (longest - 1)) or need >= col * 10 ** (digits_left - col + 1):
                    return False
        return True

    budget = [MAX_SEARCH_STEPS]

    def place(piece_i: int, end: int, col: int, acc: list[_Piece]) -> None:
        # ``end``: how much of piece ``piece_i`` is still to be cut; ``col``: the next cell, leftwards
        budget[0] -= 1
        if budget[0] < 0:
            raise _TooMany  # an adversarial run of digits: say so rather than search for seconds
        if piece_i < 0:
            if col < 0:
                out.append(acc[::-1])
                if len(out) > MAX_SPLITS:
                    raise _TooMany
            return
        if col < 0 or col + 1 < piece_i:
            return  # more pieces than cells left
        p = pieces[piece_i]
        if not p.glued:
            values[col] = p.value if p.kind is CellKind.NUMBER and isinstance(p.value, int) else None
            if feasible(col):
                place(piece_i - 1, len(pieces[piece_i - 1].raw) if piece_i else 0, col - 1, acc + [p])
            values[col] = None
            return
        digits = p.raw[:end]
        for cut in range(end - 1, -1, -1):
            part = digits[cut:]
            if len(part) > 1 and part[0] == "0":
                continue
            if cut > 0 and col == 0:
                continue  # digits left over with no cell for them
            if cut + atoms_before[piece_i] < col:
                break  # too few digits left for the cells to the left; longer parts leave fewer
            values[col] = int(part)
            verdict = check(col)
            if verdict == TOO_BIG:
                values[col] = None
                break  # a longer part is only larger
            if verdict == OK and (piece_i or not cut or reachable(col, cut)):
                piece = _Piece(CellKind.NUMBER, part, p.start + cut, p.start + end, int(part))
                if cut == 0:
                    place(piece_i - 1, len(pieces[piece_i - 1].raw) if piece_i else 0, col - 1, acc + [piece])
                else:
                    place(piece_i, cut, col - 1, acc + [piece])
            values[col] = None

    try:
        place(len(pieces) - 1, len(pieces[-1].raw), ncols - 1, [])
    except _TooMany:
        return None
    return out


def _cell_from_piece(p: _Piece, spec: RowSpec) -> CellValue:
    span: Span = (p.start, p.end)
    if p.kind is not CellKind.NUMBER:
        return CellValue(p.kind, None, p.raw, span)
    v = p.value
    if v is None:
        return CellValue(CellKind.TEXT, None, p.raw, span)
    if v < 0:
        return CellValue(CellKind.INVALID, v, p.raw, span, "负数")
    if not spec.decimal and isinstance(v, Decimal):
        if v == v.to_integral_value() and "." not in p.raw:
            v = int(v)
        else:
            return CellValue(CellKind.INVALID, v, p.raw, span, "计数不应为小数")
    if spec.decimal and isinstance(v, int):
        v = Decimal(v)
    return CellValue(CellKind.NUMBER, v, p.raw, span)


def _keys(spec: TableSpec, row: RowSpec) -> list[CellKey]:
    return [CellKey(spec.id, row.key, c) for c in range(row.ncols)]


def _drop_subtotal(pieces: list[_Piece]) -> list[_Piece] | None:
    """An extra 法人或其他组织 subtotal column (8 values): drop it when it is the sum it claims to be."""
    vals = [p.value if p.kind is CellKind.NUMBER else None for p in pieces]
    if any(v is None for v in vals):
        return None
    if vals[6] == sum(vals[1:6]) and vals[7] == vals[0] + vals[6]:
        return pieces[:6] + pieces[7:]
    if vals[1] == sum(vals[2:7]) and vals[7] == vals[0] + vals[1]:
        return pieces[:1] + pieces[2:]
    return None


def build_table(spec: TableSpec, region: Span, tokens: list[Token], notes: list[ParseNote]) -> TableData:
    table = TableData(spec.id, region)
    rows = assemble_rows(spec, tokens)
    pending: dict[str, list[list[_Piece]]] = {}
    for r in rows:
        keys = _keys(spec, r.spec)
        pieces = r.pieces
        if r.spec.nonstandard:
            label = compact(r.label.text)
            for pat in r.spec.nonstandard:
                if re.search(pat, label):
                    notes.append(ParseNote("S05", f"非标准行名“{r.label.text}”（标准为“{r.spec.label}”）",
                                           (keys[0],), ((r.label.start, r.label.end),), f"label:{r.spec.key}"))
        if len(pieces) == r.spec.ncols + 1 and spec.id == "applications":
            fixed = _drop_subtotal(pieces)
            if fixed is not None:
                notes.append(ParseNote("S05", f"“{r.label.text}”行多出一列小计，已忽略该列",
                                       (keys[0],), ((r.label.start, r.label.end),), f"subtotal:{r.spec.key}"))
                pieces = fixed
        if len(pieces) == r.spec.ncols:
            for k, p in zip(keys, pieces):
                table.cells[k] = _cell_from_piece(p, r.spec)
            continue
        if len(pieces) > r.spec.ncols:
            extra = " ".join(p.raw for p in pieces)
            notes.append(ParseNote("S03", f"“{r.label.text}”行读到 {len(pieces)} 个值（应为 {r.spec.ncols} 个）：{extra}，"
                                          "无法确定各值所属的列，已留空", tuple(keys),
                                   tuple((p.start, p.end) for p in pieces), f"row:{r.spec.key}"))
            for k in keys:
                table.cells[k] = CellValue(CellKind.AMBIGUOUS, None, "", None, "值的个数与列数不符")
            continue
        local = strict_equations(keys)
        splittable = any(p.glued for p in pieces)
        cands = _candidates(pieces, r.spec.ncols, local, keys) if splittable else []
        if cands and len(cands) == 1:
            for k, p in zip(keys, cands[0]):
                table.cells[k] = _cell_from_piece(p, r.spec)
            continue
        if cands:
            pending[r.spec.key] = cands  # the column rules of the whole table may still decide
            continue
        glued = " ".join(p.raw for p in pieces)
        spans = tuple((p.start, p.end) for p in pieces)
        if cands is None:
            notes.append(ParseNote("S03", f"“{r.label.text}”行的数字“{glued}”粘连在一起，拆分方式过多，无法唯一确定，已留空",
                                   tuple(keys), spans, f"row:{r.spec.key}"))
            fill = CellValue(CellKind.AMBIGUOUS, None, "", None, "粘连数字无法唯一拆分")
        elif splittable and local:
            notes.append(ParseNote("S03", f"“{r.label.text}”行的数字“{glued}”粘连在一起，没有一种拆分能满足勾稽关系，已留空",
                                   tuple(keys), spans, f"row:{r.spec.key}"))
            fill = CellValue(CellKind.AMBIGUOUS, None, "", None, "粘连数字无法拆分")
        elif pieces:
            notes.append(ParseNote("S03", f"“{r.label.text}”行只读到 {len(pieces)} 个值（应为 {r.spec.ncols} 个）：{glued}，"
                                          "无法确定哪一列缺失，已留空", tuple(keys), spans, f"row:{r.spec.key}"))
            fill = CellValue(CellKind.MISSING, None, "", None, "本行值不全")
        else:
            continue
        for k in keys:
            table.cells[k] = fill
    if pending:
        _resolve_across_rows(spec, table, pending, notes, {r.spec.key: r for r in rows})
    return table


def _piece_value(p: _Piece) -> int | None:
    return p.value if p.kind is CellKind.NUMBER and isinstance(p.value, int) else None


def _equal_or_unknown(lhs: list[int], rhs: list[int], values: list[int | None]) -> bool:
    """False only when every cell is known and the equality fails. Positions and plain ints, no
    CellValue per trial: glued rows can leave thousands of candidate splits."""
    totals = []
    for side in (lhs, rhs):
        total = 0
        for i in side:
            v = values[i]
            if v is None:
                return True
            total += v
        totals.append(total)
    return totals[0] == totals[1]


def _resolve_across_rows(spec: TableSpec, table: TableData, pending: dict[str, list[list[_Piece]]],
                         notes: list[ParseNote], rows: dict[str, _Row]) -> None:
    """Rows whose glued digits split several ways: try the column rules over the whole table.
    First each row alone against the settled cells (cheap, usually decisive), then the remaining
    rows together."""
    keys_all = list(table.cells)
    pos = {k: i for i, k in enumerate(keys_all)}
    values: list[int | None] = [cv.value if cv.is_number and isinstance(cv.value, int) else None
                                for cv in table.cells.values()]
    eqs = strict_equations(keys_all)
    rules = [([pos[k] for k in e.lhs], [pos[k] for k in e.rhs], {pos[k] for k in e.cells}) for e in eqs]
    slots = {rk: [pos[k] for k in _keys(spec, spec.row(rk))] for rk in pending}
    touching = {rk: [(l, r) for l, r, cells in rules if cells.intersection(slots[rk])] for rk in pending}

    numbers = {id(c): [_piece_value(p) for p in c] for cands in pending.values() for c in cands}

    def assign(rk: str, pieces: list[_Piece] | None) -> None:
        for i, v in zip(slots[rk], numbers[id(pieces)] if pieces else [None] * len(slots[rk])):
            values[i] = v

    def consistent(rks: list[str]) -> bool:
        return all(_equal_or_unknown(l, r, values) for rk in rks for l, r in touching[rk])

    def settle(rk: str, pieces: list[_Piece]) -> None:
        row = spec.row(rk)
        table.cells.update({k: _cell_from_piece(p, row) for k, p in zip(_keys(spec, row), pieces)})
        assign(rk, pieces)

    changed = True
    while changed and pending:
        changed = False
        for rk in list(pending):
            kept = []
            for c in pending[rk]:
                assign(rk, c)
                if consistent([rk]):
                    kept.append(c)
            assign(rk, None)
            pending[rk] = kept
            if len(kept) == 1:
                settle(rk, pending.pop(rk)[0])
                changed = True
            elif not kept:
                break
    if not pending:
        return
    combos = 1
    for c in pending.values():
        combos *= len(c)
    solutions = []
    if combos <= MAX_SPLITS and all(pending.values()):
        order = list(pending)
        for choice in itertools.product(*pending.values()):
            for rk, pieces in zip(order, choice):
                assign(rk, pieces)
            if consistent(order):
                solutions.append(choice)
                if len(solutions) > 1:
                    break
        for rk in order:
            assign(rk, None)
    if len(solutions) == 1:
        for rk, pieces in zip(list(pending), solutions[0]):
            settle(rk, pieces)
        return
    for rk, cands in pending.items():
        row = spec.row(rk)
        r = rows[rk]
        keys = _keys(spec, row)
        shown = "；".join(" ".join(p.raw for p in c) for c in cands[:3])
        glued = " ".join(p.raw for p in r.pieces)
        if not cands:
            how = "没有一种拆分能满足勾稽关系"
        else:
            why = "勾稽关系无法排除其余方式" if eqs else "该表没有可据以判断的勾稽关系"
            how = f"可拆分为 {len(cands)} 种方式（如 {shown}），{why}，无法唯一确定"
        notes.append(ParseNote("S03", f"“{r.label.text}”行的数字“{glued}”粘连在一起，{how}，已留空",
                               tuple(keys), tuple((p.start, p.end) for p in r.pieces), f"row:{rk}"))
        for k in keys:
            table.cells[k] = CellValue(CellKind.AMBIGUOUS, None, "", None, "粘连数字有多种拆分")


__all__ = ["build_table", "TABLES", "cell_label"]
