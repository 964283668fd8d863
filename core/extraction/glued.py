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


def _ways(pieces: list[Piece], ncols: int) -> list[dict[int, int]]:
    """For each prefix of the pieces: cells made so far → ways (capped at 2)."""
    table = [{0: 1}]
    for p in pieces:
        nxt: dict[int, int] = {}
        for used, w in table[-1].items():
            options = range(1, len(p.raw) + 1) if p.glued else (1,)
            for k in options:
                if used + k > ncols:
                    break
                c = _cuts(p.raw, k) if p.glued else 1
                if c:
                    nxt[used + k] = min(2, nxt.get(used + k, 0) + w * c)
        table.append(nxt)
    return table


def shape_count(pieces: list[Piece], ncols: int) -> int:
    """How many ways the pieces make exactly ``ncols`` cells by shape alone (0, 1 or 2 = several)."""
    return _ways(pieces, ncols)[-1].get(ncols, 0)


def _cut_once(digits: str, parts: int) -> list[str]:
    """The cut of ``digits`` into ``parts`` numbers, for digits that cut only one way."""
    if parts == 1:
        return [digits]
    for size in range(1, len(digits) - parts + 2):
        if size > 1 and digits[0] == "0":
            break
        if _cuts(digits[size:], parts - 1):
            return [digits[:size]] + _cut_once(digits[size:], parts - 1)
    raise ValueError(f"{digits!r} does not cut into {parts} numbers")


def shape_split(pieces: list[Piece], ncols: int) -> list[Piece]:
    """The one cut of the pieces into ``ncols`` cells when the shape allows only one (``shape_count``
    is 1): built directly, no search."""
    table = _ways(pieces, ncols)
    out: list[Piece] = []
    left = ncols
    for i in range(len(pieces) - 1, -1, -1):
        p = pieces[i]
        if not p.glued:
            out.append(p)
            left -= 1
            continue
        k = next(k for k in range(1, len(p.raw) + 1) if table[i].get(left - k) and _cuts(p.raw, k))
        pos = len(p.raw)
        for part in reversed(_cut_once(p.raw, k)):
            pos -= len(part)
            out.append(Piece(CellKind.NUMBER, part, p.start + pos, p.start + pos + len(part), int(part)))
        left -= k
    return out[::-1]


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


def row_totals(eqs: list[Equation], keys: list[CellKey]) -> dict[int, int]:
    """A row's own totals as {index of a total cell: index of its first part}: in the form every row
    total (B02, C01) is the cell right after the parts it sums."""
    index = {k: i for i, k in enumerate(keys)}
    totals: dict[int, int] = {}
    for e in eqs:
        total, parts = (e.rhs, e.lhs) if len(e.rhs) == 1 else (e.lhs, e.rhs)
        t, cols = index[total[0]], sorted(index[k] for k in parts)
        if len(total) != 1 or cols != list(range(cols[0], t)):
            raise ValueError(f"{e.rule} is not a row total over the cells just before it")
        totals[t] = cols[0]
    return totals


def row_splits(pieces: list[Piece], ncols: int, totals: dict[int, int],
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
    col = ncols - 1
    # atoms (a digit of a glued run, or a whole piece) up to each piece: every cell needs one
    atoms_to = [0] * (len(pieces) + 1)
    glued_to = [True] * (len(pieces) + 1)  # nothing but glued runs up to each piece
    for i, q in enumerate(pieces):
        atoms_to[i + 1] = atoms_to[i] + (len(q.raw) if q.glued else 1)
        glued_to[i + 1] = glued_to[i] and q.glued
    if col < 0 or last > col or atoms_to[last] + (end if pieces[last].glued else 1) < col + 1:
        return []
    search = _RowSearch(pieces, ncols, totals, atoms_to, glued_to, steps.steps)
    try:
        search.step(last, end, col, None)
    except TooMany:
        return None
    finally:
        steps.steps = search.left  # the table's budget is drawn on cut by cut, as if spent one by one
    return [search.cells(path) for path in search.out]


class _RowSearch:
    """The state of one ``row_splits`` search, laid out for its inner loop: per piece and per cell the
    facts each cut needs, in lists, and the budget as a plain counter (``left``)."""

    def __init__(self, pieces: list[Piece], ncols: int, totals: dict[int, int], atoms_to: list[int],
                 glued_to: list[bool], left: int) -> None:
        number = CellKind.NUMBER
        total_of = {c: t for t, first in totals.items() for c in range(first, t)}
        self.pieces = pieces
        self.atoms_to = atoms_to
        self.glued_to = glued_to
        self.left = left
        self.glued = [p.glued for p in pieces]
        # a glued run is decimal digits (``tables._pieces``): each part's value is built digit by digit
        # as the cut moves left, instead of parsing the part
        self.digits = [[int(ch) for ch in p.raw] if p.glued else [] for p in pieces]
        self.value = [p.value if p.kind is number and isinstance(p.value, int) else None for p in pieces]
        self.end_before = [0] + [len(p.raw) for p in pieces[:-1]]  # where the digits before a piece end
        self.is_total = [c in totals for c in range(ncols)]
        self.in_group = [c in total_of for c in range(ncols)]
        self.first = [totals[total_of[c]] if c in total_of else None for c in range(ncols)]
        # a part of a group that starts the row: the cells left make up the rest of its sum (``reachable``)
        self.bounded = [c in total_of and totals[total_of[c]] == 0 < c for c in range(ncols)]
        self.pow10 = [10 ** k for k in range(atoms_to[-1] + 2)]
        self.out: list[list[tuple[int, int, int]]] = []
        self.dead: set[tuple[int, int, int, int | None]] = set()
        self.path: list[tuple[int, int, int]] = []  # (piece, cut, end) of each cell placed, right to left

    def cells(self, path: list[tuple[int, int, int]]) -> list[Piece]:
        """The pieces of one finished cut, left to right: a glued run's parts become pieces only here."""
        out = []
        for pi, cut, end in reversed(path):
            p = self.pieces[pi]
            if p.glued:
                part = p.raw[cut:end]
                out.append(Piece(CellKind.NUMBER, part, p.start + cut, p.start + end, int(part)))
            else:
                out.append(p)
        return out

    def reachable(self, need: int, cells: int, atoms: int, only_digits: bool) -> bool:
        """Can ``cells`` cells cut from ``atoms`` atoms add up to ``need``? One of them has at least
        ceil(atoms / cells) digits, so is at least 10 ** (that − 1); none has more than
        atoms − cells + 1 digits (when every atom is a digit), so the sum is below
        min(cells, 10) · 10 ** (atoms − cells + 1). Fewer atoms than cells never fit (the caller
        does not search them)."""
        longest = -(-atoms // cells)
        if longest >= 2 and need < self.pow10[longest - 1]:
            return False
        return not only_digits or need < (cells if cells < 10 else 10) * self.pow10[atoms - cells + 1]

    def step(self, pi: int, end: int, col: int, need: int | None) -> bool:
        """Place cell ``col`` (leftwards) from the digits that end at pieces[pi].raw[:end], with
        ``need`` what the parts still to place in the current group must add up to; True when some
        cut of the rest finishes the row. Only called where the atoms left can make the cells left."""
        key = (pi, end, col, need)
        if key in self.dead:
            return False
        glued = self.glued[pi]
        is_total = self.is_total[col]
        in_group = self.in_group[col] and need is not None
        first = self.first[col]
        bounded = self.bounded[col]
        atoms_to = self.atoms_to[pi]
        path = self.path
        digits = self.digits[pi]
        raw = self.pieces[pi].raw
        v: int | None = 0
        scale = 1
        found = False
        for cut in (range(end - 1, -1, -1) if glued else (0,)):
            self.left -= 1  # every cut tried: the table's budget bounds the time however long the runs
            if self.left < 0:
                raise TooMany
            if glued:
                d = digits[cut]
                v += d * scale
                scale *= 10
                if cut < end - 1 and raw[cut] == "0":
                    continue  # a number does not start with 0
            else:
                v = self.value[pi]
            nneed = need
            if is_total:
                nneed = v
            elif in_group:
                nneed = None if v is None else need - v
                if nneed is not None and nneed < 0:
                    if glued:
                        break  # a longer part is only larger
                    continue
                if col == first and nneed != 0:
                    continue  # the group's first part must use up what is left
            atoms = atoms_to + cut if glued else atoms_to
            if col == 0:
                if atoms == 0:  # nothing left to cut: the row is complete
                    path.append((pi, cut, end))
                    self.out.append(path[:])
                    path.pop()
                    if len(self.out) > MAX_SPLITS:
                        raise TooMany
                    found = True
                continue
            npi, nend = (pi, cut) if glued and cut > 0 else (pi - 1, self.end_before[pi])
            if atoms < col or npi >= col:
                continue  # fewer atoms or more pieces than the cells left
            if bounded and nneed is not None and not self.reachable(
                    nneed, col, atoms, self.glued_to[pi + 1] if glued and cut > 0 else self.glued_to[pi]):
                continue
            path.append((pi, cut, end))
            found = self.step(npi, nend, col - 1, nneed) or found
            path.pop()
        if not found:
            self.dead.add(key)
        return found


Rule = tuple[tuple[int, ...], tuple[int, ...], str]  # (lhs positions, rhs positions, "=" or ">=")


def _violated(rule: Rule, values: list[int | None]) -> bool:
    """True only when the rule can no longer hold. Counts are never negative, so a partial sum that
    already exceeds a complete other side is as good as a failure."""
    lhs, rhs, relation = rule
    known_l = [values[i] for i in lhs]
    known_r = [values[i] for i in rhs]
    full_l, full_r = None not in known_l, None not in known_r
    if relation == ">=":
        # lhs ≥ rhs[0] − rhs[1] (A01): only decidable when complete
        return full_l and full_r and known_l[0] < known_r[0] - known_r[1]
    if full_l:
        return sum(known_l) != sum(known_r) if full_r else sum(v for v in known_r if v is not None) > sum(known_l)
    return full_r and sum(v for v in known_l if v is not None) > sum(known_r)


def solve_jointly(domains: dict[str, list[list[int | None]]], slots: dict[str, list[int]],
                  values: list[int | None], rules: list[Rule],
                  budget: Budget | None = None) -> tuple[list[dict[str, int]], bool]:
    """Every assignment of one candidate per pending row that breaks no rule, by backtracking with the
    rules checked as soon as their cells are placed. Returns the solutions found (candidate index per
    row) and whether the enumeration was complete (False past ``MAX_SOLUTIONS`` or the step budget)."""
    order = sorted(domains, key=lambda rk: len(domains[rk]))
    rules_at: dict[int, list[int]] = {}  # cell → the rules (by index) it takes part in
    for ri, (lhs, rhs, _) in enumerate(rules):
        for i in {*lhs, *rhs}:
            rules_at.setdefault(i, []).append(ri)
    touching = {rk: [rules[ri] for ri in sorted({ri for i in slots[rk] for ri in rules_at.get(i, ())})]
                for rk in order}
    solutions: list[dict[str, int]] = []
    choice: dict[str, int] = {}
    steps = budget or Budget()

    def place(depth: int) -> bool:
        if depth == len(order):
            solutions.append(dict(choice))
            return len(solutions) < MAX_SOLUTIONS
        rk = order[depth]
        row_slots, row_rules = slots[rk], touching[rk]
        for ci, cand in enumerate(domains[rk]):
            try:
                steps.spend()
            except TooMany:
                return False
            for i, v in zip(row_slots, cand):
                values[i] = v
            for r in row_rules:
                if _violated(r, values):
                    break
            else:
                choice[rk] = ci
                if not place(depth + 1):
                    for i in row_slots:
                        values[i] = None
                    return False
            for i in row_slots:
                values[i] = None
        return True

    complete = place(0)
    return solutions, complete
