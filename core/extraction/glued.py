"""Glued digits: a browser copy or a crawler drops the separators between cells, so a row of seven counts
arrives as one run of digits (``1230000015``). A run is cut only where the form leaves no choice: first by
its shape alone (as many digits as cells, no number starting with 0), then by the row's own total, then
jointly over the whole table — every pending row's possible cuts at once, with every cross total as a
constraint (a small backtracking search). Where more than one assignment fits, the cells stay unread and
the candidates are listed: a split is never guessed, and a printed error is never "repaired" by a cut
that happens to hide it (rows whose cut is forced by shape alone are never searched).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from core.model import CellKind, Equation
from core.template import CellKey

MAX_SPLITS = 20000
MAX_SEARCH_STEPS = 100_000  # cuts tried per table: well under a second, however long the glued runs
MAX_SOLUTIONS = 64          # joint assignments enumerated before the table is called ambiguous


@dataclass
class Piece:
    """One cell candidate before it is placed: a token or part of a glued digit run."""

    kind: CellKind
    raw: str
    start: int
    end: int
    value: int | Decimal | None = None
    glued: bool = False  # a multi-digit run that may really be several cells


@lru_cache(maxsize=4096)
def _cuts(digits: str, parts: int) -> int:
    """Ways to cut ``digits`` into ``parts`` numbers, none with a leading zero (capped at 2: only
    'none', 'one' and 'several' matter)."""
    if parts == 1:
        return int(len(digits) == 1 or digits[0] != "0")
    if len(digits) < parts:
        return 0
    total = 0
    for k in range(1, len(digits) - parts + 2):
        head = digits[:k]
        if len(head) > 1 and head[0] == "0":
            break
        total += _cuts(digits[k:], parts - 1)
        if total >= 2:
            return 2
    return total


def shape_count(pieces: list[Piece], ncols: int) -> int:
    """How many ways the pieces make exactly ``ncols`` cells by shape alone (0, 1 or 2 = several)."""
    ways = {0: 1}  # cells used so far → ways (capped)
    for p in pieces:
        nxt: dict[int, int] = {}
        for used, w in ways.items():
            options = range(1, len(p.raw) + 1) if p.glued else (1,)
            for k in options:
                if used + k > ncols:
                    break
                c = _cuts(p.raw, k) if p.glued else 1
                if c:
                    nxt[used + k] = min(2, nxt.get(used + k, 0) + w * c)
        ways = nxt
    return ways.get(ncols, 0)


class TooMany(Exception):
    pass


class Budget:
    """Search steps left for one table: every row's cutting and the joint search draw on it, so a
    table of long glued runs costs a bounded time however many rows it has."""

    def __init__(self, steps: int = MAX_SEARCH_STEPS) -> None:
        self.steps = steps

    def spend(self) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise TooMany


def row_splits(pieces: list[Piece], ncols: int, eqs: list[Equation], keys: list[CellKey],
               budget: Budget | None = None) -> list[list[Piece]] | None:
    """Every way to cut the glued digit runs so the row has ``ncols`` cells and its own equations
    hold (None when there are too many to decide between).

    Built right to left, because totals stand to the right of their parts: once a total is placed,
    any partial sum that exceeds it ends the branch (counts are never negative)."""
    index = {k: i for i, k in enumerate(keys)}
    rules = [([index[k] for k in e.lhs], [index[k] for k in e.rhs]) for e in eqs]
    values: list[int | None] = [None] * ncols
    out: list[list[Piece]] = []

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

    steps = budget or Budget()

    def place(piece_i: int, end: int, col: int, acc: list[Piece]) -> None:
        # ``end``: how much of piece ``piece_i`` is still to be cut; ``col``: the next cell, leftwards
        steps.spend()  # an adversarial run of digits: say so rather than search for seconds
        if piece_i < 0:
            if col < 0:
                out.append(acc[::-1])
                if len(out) > MAX_SPLITS:
                    raise TooMany
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
            steps.spend()
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
                piece = Piece(CellKind.NUMBER, part, p.start + cut, p.start + end, int(part))
                if cut == 0:
                    place(piece_i - 1, len(pieces[piece_i - 1].raw) if piece_i else 0, col - 1, acc + [piece])
                else:
                    place(piece_i, cut, col - 1, acc + [piece])
            values[col] = None

    try:
        place(len(pieces) - 1, len(pieces[-1].raw), ncols - 1, [])
    except TooMany:
        return None
    return out




Rule = tuple[tuple[int, ...], tuple[int, ...], str]  # (lhs positions, rhs positions, "=" or ">=")


def _violated(rule: Rule, values: list[int | None]) -> bool:
    """True only when the rule can no longer hold. Counts are never negative, so a partial sum that
    already exceeds a complete other side is as good as a failure."""
    lhs, rhs, relation = rule
    known_l = [values[i] for i in lhs]
    known_r = [values[i] for i in rhs]
    full_l, full_r = None not in known_l, None not in known_r
    sum_l = sum(v for v in known_l if v is not None)
    sum_r = sum(v for v in known_r if v is not None)
    if relation == ">=":
        # lhs ≥ rhs[0] − rhs[1] (A01): only decidable when complete
        if full_l and full_r:
            return known_l[0] < known_r[0] - known_r[1]
        return False
    if full_l and full_r:
        return sum_l != sum_r
    if full_l and sum_r > sum_l:
        return True
    if full_r and sum_l > sum_r:
        return True
    return False


def solve_jointly(domains: dict[str, list[list[int | None]]], slots: dict[str, list[int]],
                  values: list[int | None], rules: list[Rule],
                  budget: Budget | None = None) -> tuple[list[dict[str, int]], bool]:
    """Every assignment of one candidate per pending row that breaks no rule, by backtracking with the
    rules checked as soon as their cells are placed. Returns the solutions found (candidate index per
    row) and whether the enumeration was complete (False past ``MAX_SOLUTIONS`` or the step budget)."""
    order = sorted(domains, key=lambda rk: len(domains[rk]))
    touching = {rk: [r for r in rules if set(slots[rk]) & (set(r[0]) | set(r[1]))] for rk in order}
    solutions: list[dict[str, int]] = []
    choice: dict[str, int] = {}
    steps = budget or Budget()

    def place(depth: int) -> bool:
        if depth == len(order):
            solutions.append(dict(choice))
            return len(solutions) < MAX_SOLUTIONS
        rk = order[depth]
        for ci, cand in enumerate(domains[rk]):
            try:
                steps.spend()
            except TooMany:
                return False
            for i, v in zip(slots[rk], cand):
                values[i] = v
            if not any(_violated(r, values) for r in touching[rk]):
                choice[rk] = ci
                if not place(depth + 1):
                    for i in slots[rk]:
                        values[i] = None
                    return False
            for i in slots[rk]:
                values[i] = None
        return True

    complete = place(0)
    return solutions, complete
