"""The glued-digit search (``glued.row_splits``) against the search as it was before it counted the
cuts a part too large ends instead of trying them one by one (kept below as it was): the same cuts,
in the same order, and the same budget left, also when the budget or ``MAX_SPLITS`` runs out."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.extraction import glued
from core.extraction.glued import Budget, Piece, TooMany, row_splits
from core.model import CellKind


def reference_row_splits(pieces: list[Piece], ncols: int, totals: dict[int, int],
               budget: Budget | None = None) -> list[list[Piece]] | None:
    """Every way to cut the glued digit runs so the row has ``ncols`` cells and each of its totals
    (``row_totals``) equals the sum of its parts; None when there are more than ``MAX_SPLITS``.

    Right to left, because a total stands to the right of its parts: once it is placed, the parts
    must make up what is still needed, and a part larger than that ends the branch (counts are never
    negative; a longer part is only larger). When a group's parts are all the cells left, the digits
    left bound what they can add up to. A state (place in the digits, next cell, sum still needed)
    found to lead nowhere is remembered, so long glued runs cost in proportion to their length rather
    than to the number of cuts."""
    steps = budget or Budget()
    last = len(pieces) - 1
    end = len(pieces[last].raw)
    # atoms (a digit of a glued run, or a whole piece) up to each piece: every cell needs one
    atoms_to = [0] * (len(pieces) + 1)
    glued_to = [True] * (len(pieces) + 1)  # nothing but glued runs up to each piece
    for i, q in enumerate(pieces):
        atoms_to[i + 1] = atoms_to[i] + (len(q.raw) if q.glued else 1)
        glued_to[i + 1] = glued_to[i] and q.glued
    if ncols < 1 or last >= ncols or atoms_to[-1] < ncols:
        return []
    # what each cut needs, looked up once per call of ``step``: per piece (glued; nothing but glued
    # runs before it; the atoms before it; its digits, as ints; its text; its value when whole) ...
    number = CellKind.NUMBER
    # (a glued run is decimal digits, ``tables._pieces``: each part's value is built digit by digit as
    # the cut moves left, instead of parsing the part)
    per_piece = [(p.glued, glued_to[i], atoms_to[i], [int(ch) for ch in p.raw] if p.glued else [], p.raw,
                  p.value if p.kind is number and isinstance(p.value, int) else None)
                 for i, p in enumerate(pieces)]
    end_before = [0] + [len(p.raw) for p in pieces[:-1]]  # where the digits before each piece end
    # ... and per cell (a total; a part of a group; the group's first part, which must use up what is
    # left; the row's first cell; a part of a group that starts the row, so the cells left make up the
    # rest of its sum; at most how many numbers below 10^k the cells left are, for that bound)
    total_of = {c: t for t, first in totals.items() for c in range(first, t)}
    per_col = [(c in totals, c in total_of, c in total_of and totals[total_of[c]] == c, c == 0,
                c in total_of and totals[total_of[c]] == 0 < c, min(c, 10)) for c in range(ncols)]
    pow10 = [10 ** k for k in range(atoms_to[-1] + 2)]
    out: list[list[tuple[int, int, int]]] = []
    dead: set[tuple[int, int, int, int | None]] = set()
    path: list[tuple[int, int, int]] = []  # (piece, cut, end) of each cell placed, right to left
    left = steps.steps  # the budget as a plain counter, written back at the end

    def step(pi: int, end: int, col: int, need: int | None) -> bool:
        # ``pi``/``end``: the digits still to cut end at pieces[pi].raw[:end]; ``col``: the next cell,
        # leftwards; ``need``: what the parts still to place in the current group must add up to.
        # Called only where the atoms left can make the cells left; True when some cut finishes the row
        nonlocal left
        key = (pi, end, col, need)
        if key in dead:
            return False
        total, grouped, closes, last_cell, bound, cap = per_col[col]
        part_of = grouped and need is not None
        is_glued, only_digits, atoms_before, ds, raw, whole = per_piece[pi]  # only_digits: every atom left is a digit
        crowded = pi == col  # as many pieces as cells left: this one cannot give two
        v: int | None = 0
        scale = 1
        found = False
        for cut in (range(end - 1, -1, -1) if is_glued else (0,)):
            left -= 1  # every cut tried: the table's budget bounds the time however long the runs
            if left < 0:
                raise TooMany
            if is_glued:
                d = ds[cut]
                if d:
                    v += d * scale
                elif cut < end - 1 and raw[cut] == "0":
                    scale *= 10
                    continue  # a number does not start with 0
                scale *= 10
                atoms = atoms_before + cut
            else:
                v = whole
                atoms = atoms_before
            nneed = need
            if total:
                nneed = v
            elif part_of:
                nneed = None if v is None else need - v
                if nneed is not None and nneed < 0:
                    if is_glued:
                        break  # a longer part is only larger
                    continue
                if closes and nneed != 0:
                    continue
            if last_cell:
                if atoms == 0:  # nothing left to cut: the row is complete
                    path.append((pi, cut, end))
                    out.append(path[:])
                    path.pop()
                    if len(out) > glued.MAX_SPLITS:
                        raise TooMany
                    found = True
                continue
            if atoms < col or (crowded and cut > 0):
                continue  # fewer atoms or more pieces than the cells left
            if bound and nneed is not None:
                # can ``col`` cells cut from ``atoms`` atoms add up to ``nneed``? One of them has at least
                # ceil(atoms / col) digits, so is at least 10 ** (that − 1); if every atom is a digit, none
                # has more than atoms − col + 1 digits, so the sum is below min(col, 10) · 10 ** that
                if atoms > col and nneed < pow10[(atoms - 1) // col]:
                    continue
                if only_digits and nneed >= cap * pow10[atoms - col + 1]:
                    continue
            path.append((pi, cut, end))
            found = (step(pi, cut, col - 1, nneed) if is_glued and cut > 0 else
                     step(pi - 1, end_before[pi], col - 1, nneed)) or found
            path.pop()
        if not found:
            dead.add(key)
        return found

    try:
        step(last, end, ncols - 1, None)
    except TooMany:
        return None
    finally:
        steps.steps = left  # the table's budget drawn on cut by cut, as if spent one by one
    return [_reference_cells(pieces, cut) for cut in out]



def _reference_cells(pieces: list[Piece], path: list[tuple[int, int, int]]) -> list[Piece]:
    out = []
    for pi, cut, end in reversed(path):
        p = pieces[pi]
        if p.glued:
            part = p.raw[cut:end]
            out.append(Piece(CellKind.NUMBER, part, p.start + cut, p.start + end, int(part)))
        else:
            out.append(p)
    return out


def _piece(text: str, kind: str, pos: int) -> Piece:
    if kind == "text":
        return Piece(CellKind.TEXT, text, pos, pos + len(text))
    if kind == "empty":
        return Piece(CellKind.EMPTY, "", pos, pos)
    glued_run = kind == "glued" and len(text) > 1
    raw = text if glued_run else str(int(text))
    return Piece(CellKind.NUMBER, raw, pos, pos + len(raw), int(raw), glued_run)


@st.composite
def _totals(draw, ncols: int) -> dict[int, int]:
    """Row totals as {total: first part}, each total right after its parts; groups may nest or overlap
    (the form's do not, the search does not rely on it)."""
    return {t: draw(st.integers(0, t - 1)) for t in range(1, ncols) if draw(st.integers(0, 3)) == 0}


# digits with many zeros (leading zeros end cuts), and a full-width zero the search must not take for "0"
_DIGITS = "0000112379\uff10"


@st.composite
def _rows(draw):
    ncols = draw(st.sampled_from([1, 2, 3, 5, 7, 7, 7, 15, 15]))
    kinds = st.sampled_from(["glued", "glued", "glued", "number", "text", "empty"])
    items = draw(st.lists(st.tuples(st.text(_DIGITS, min_size=1, max_size=16), kinds), min_size=1, max_size=4))
    pieces, pos = [], 0
    for text, kind in items:
        pieces.append(_piece(text, kind, pos))
        pos += len(pieces[-1].raw) + 1
    totals = draw(st.sampled_from([{}, {6: 0}, {4: 0, 9: 5, 14: 10}]) if draw(st.booleans()) else _totals(ncols))
    totals = {t: f for t, f in totals.items() if t < ncols}
    return pieces, ncols, totals


def _run(search, pieces: list[Piece], ncols: int, totals: dict[int, int], steps: int):
    budget = Budget(steps)
    try:
        found = search(pieces, ncols, totals, budget)
    except TooMany:  # neither raises it: both return None
        found = "raised"
    cells = None if found is None else found if found == "raised" else \
        [[(p.kind, p.raw, p.start, p.end, p.value, p.glued) for p in c] for c in found]
    return cells, budget.steps


@settings(max_examples=1500, deadline=None)
@given(_rows(), st.sampled_from([100_000, 100_000, 400, 60, 5, 1, 0, -1, -4]), st.sampled_from([20000, 20000, 3, 1, 0]))
def test_the_search_cuts_and_spends_as_one_cut_at_a_time(row, steps: int, max_splits: int) -> None:
    pieces, ncols, totals = row
    kept = glued.MAX_SPLITS
    glued.MAX_SPLITS = max_splits
    try:
        assert _run(row_splits, pieces, ncols, totals, steps) == _run(reference_row_splits, pieces, ncols, totals, steps)
    finally:
        glued.MAX_SPLITS = kept
