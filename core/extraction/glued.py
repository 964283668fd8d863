"""Glued digits: a browser copy or a crawler drops the separators between cells, so a row of seven counts
arrives as one run of digits (``1230000015``). A run is cut only where the form leaves no choice: first by
its shape alone (as many digits as cells, no number starting with 0), then by the row's own total, then
jointly over the whole table — every pending row's possible cuts at once, with every cross total as a
constraint (a small backtracking search). Where more than one assignment fits, the cells stay unread and
the candidates are listed: a split is never guessed, and a printed error is never "repaired" by a cut
that happens to hide it (rows whose cut is forced by shape alone are never searched).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter

from core.model import CellKind, Equation
from core.template import CellKey

_NUMBER = CellKind.NUMBER  # an Enum member look-up on 3.11 goes through a hook: once, not per piece

MAX_SPLITS = 20000
MAX_SEARCH_STEPS = 100_000  # cuts tried per table: well under a second, however long the glued runs
MAX_SOLUTIONS = 64          # joint assignments enumerated before the table is called ambiguous


@dataclass(slots=True)
class Piece:
    """One cell candidate before it is placed: a token or part of a glued digit run. (Slots: made
    for every cell of a row that is not plain counts, and for every cut of a glued run.)"""

    kind: CellKind
    raw: str
    start: int
    end: int
    value: int | Decimal | None = None
    glued: bool = False  # a multi-digit run that may really be several cells


def _cut_places(digits: str) -> tuple[int, int, int]:
    """What the cuts of the digits (not empty: a glued run or what is left of one) into numbers, none
    with a leading zero, come to: the places a cut must take, the places it may take, and whether
    there are one or several ways to take some but not all of those (capped at 2: only 'none', 'one'
    and 'several' matter).

    Counted, not enumerated: a cut is the set of places (1 … n−1) where a number starts, and a number
    starting on a 0 must be that 0 alone, so a place on a 0 brings the next place with it. The places
    fall into chains (a run of 0s and the place after it) of which a cut takes any tail; the chain at 1
    is taken whole when the digits start with 0 (the forced places). Taking some of the free places is
    one way when there is at most one chain; otherwise a place can move between two chains."""
    n = len(digits)
    chains = n - 1 - digits.count("0", 1, n - 1)  # the places no 0 just before points into
    forced = 0
    if n > 1 and digits[0] == "0":
        forced = min(n - len(digits[1:].lstrip("0")), n - 1)
        chains -= 1
    return forced, n - 1 - forced, 1 if chains <= 1 else 2


def _cut_counts(digits: str) -> list[int]:
    """Ways to cut the digits into k numbers (``_cut_places``), by k, none past the end of the list:
    k parts take k − 1 places, the forced ones and j of the free ones, one way when j is none or all."""
    forced, free, several = _cut_places(digits)
    return [0] * (forced + 1) + ([1] + [several] * (free - 1) + [1] if free else [1])


def _ways(pieces: list[Piece], ncols: int) -> tuple[dict[int, int], ...]:
    """For each prefix of the pieces: cells made so far → ways (capped at 2). Read only: shared by
    ``shape_count`` and ``shape_split``, which ask for the same row one after the other."""
    return _ways_of(tuple((p.raw, p.glued) for p in pieces), ncols)


_WHOLE = [0, 1]  # a piece that is not a glued run: one cell, one way


@lru_cache(maxsize=256)
def _ways_of(shape: tuple[tuple[str, bool], ...], ncols: int) -> tuple[dict[int, int], ...]:
    table = [{0: 1}]
    for raw, glued in shape:
        nxt: dict[int, int] = {}
        ways = _cut_counts(raw) if glued else _WHOLE
        for used, w in table[-1].items():
            for k in range(1, len(ways)):
                if used + k > ncols:
                    break
                c = ways[k]
                if c:
                    nxt[used + k] = min(2, nxt.get(used + k, 0) + w * c)
        table.append(nxt)
    return tuple(table)


def shape_count(pieces: list[Piece], ncols: int) -> int:
    """How many ways the pieces make exactly ``ncols`` cells by shape alone (0, 1 or 2 = several)."""
    return _ways(pieces, ncols)[-1].get(ncols, 0)


def _cut_once(digits: str, parts: int) -> list[str]:
    """The cut of ``digits`` into ``parts`` numbers, for digits that cut only one way: from the left,
    each number the shortest that leaves digits still cut into the numbers after it."""
    out = []
    while parts > 1:
        longest = len(digits) - parts + 1
        if digits[0] == "0":
            longest = min(longest, 1)  # a number starting with 0 is that 0 alone
        for size in range(1, longest + 1):
            forced, free, _ = _cut_places(digits[size:])
            if forced < parts - 1 <= forced + 1 + free:  # the digits left cut into the parts left
                break
        else:
            raise ValueError(f"{digits!r} does not cut into {parts} numbers")
        out.append(digits[:size])
        digits = digits[size:]
        parts -= 1
    out.append(digits)
    return out


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
        ways = _cut_counts(p.raw)
        k = next(k for k in range(1, len(ways)) if ways[k] and table[i].get(left - k))
        pos = len(p.raw)
        for part in reversed(_cut_once(p.raw, k)):
            pos -= len(part)
            out.append(Piece(_NUMBER, part, p.start + pos, p.start + pos + len(part), int(part)))
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


Column = tuple[bool, bool, bool, bool, list, list, list]  # what ``row_splits`` asks of a cell
_INF = float("inf")


@lru_cache(maxsize=64)
def _columns(ncols: int, totals: tuple[tuple[int, int], ...], atoms: int) -> tuple[Column, ...]:
    """What ``row_splits`` asks of each cell of a row with these totals and up to this many atoms, made
    once per kind of row: a total; a part of a group; the group's first part, which must use up what is
    left; a part of a group that starts the row, so the cells left make up the rest of its sum; and
    for that bound, by the atoms left, the least such a sum can be and what it stays below, when
    every atom left is a digit and when not (``_bounds``). Read only."""
    first_of = dict(totals)
    total_of = {c: t for t, first in totals for c in range(first, t)}
    return tuple((c in first_of, c in total_of, c in total_of and first_of[total_of[c]] == c,
                  c in total_of and first_of[total_of[c]] == 0 < c, *_bounds(c, atoms)) for c in range(ncols))


def _bounds(cells: int, atoms: int) -> tuple[list[int | float], list[int | float], list[float]]:
    """What ``cells`` numbers cut from a atoms (a up to ``atoms``) can add up to, as
    lows[a] <= sum < highs[a]. One of them has at least ceil(a / cells) digits, so is at least
    10 ** (that − 1) (a bound only when a > cells: one digit may be a 0); if every atom is a digit,
    none has more than a − cells + 1 digits, so the sum is below min(cells, 10) · 10 ** that; if
    not, an atom may be any number (the last list). Infinities where there is no bound: compared
    with an int, exactly."""
    span = range(atoms + 1)
    if not cells:
        return [], [], []
    lows = [10 ** ((a - 1) // cells) if a > cells else -_INF for a in span]
    highs = [min(cells, 10) * 10 ** (a - cells + 1) if a >= cells else _INF for a in span]
    return lows, highs, [_INF] * (atoms + 1)


def row_splits(pieces: list[Piece], ncols: int, totals: dict[int, int],
               budget: Budget | None = None) -> list[list[Piece]] | None:
    """Every way to cut the glued digit runs so the row has ``ncols`` cells and each of its totals
    (``row_totals``) equals the sum of its parts; None when there are more than ``MAX_SPLITS``.

    Right to left, because a total stands to the right of its parts: once it is placed, the parts
    must make up what is still needed, and a part larger than that ends the branch (counts are never
    negative; a longer part is only larger). When a group's parts are all the cells left, the digits
    left bound what they can add up to. A state (place in the digits, next cell, sum still needed)
    found to lead nowhere is remembered, so long glued runs cost in proportion to their length rather
    than to the number of cuts.

    The budget is drawn on one step for every cut tried, the cuts a part too large ends included, as
    if the cuts were tried one by one; they are counted rather than tried (see ``step``)."""
    steps = budget or Budget()
    last = len(pieces) - 1
    end = len(pieces[last].raw)
    atoms = sum(len(p.raw) if p.glued else 1 for p in pieces)  # a digit of a glued run or a whole piece
    if ncols < 1 or last >= ncols or atoms < ncols:
        return []
    # per cell, made for up to the next multiple of 32 atoms, so that rows of about the same length share
    # them; then what a cut needs of its cell and its piece, looked up once per call of ``step``
    columns = _columns(ncols, tuple(totals.items()), -(-atoms // 32) * 32)
    first_total, first_grouped, first_closes = columns[0][:3]
    first_part = first_grouped and not first_total
    runs, facts = _facts(pieces, columns)
    glued = [p.glued for p in pieces]
    leading_zero = pieces[0].raw[:1] == "0"  # the row's first cell, cut from the first piece, starts with 0
    out: list[list[int]] = []
    dead: set[tuple[int, int, int, int | None]] = set()
    # the cut of each cell placed (a cell's state is on the stack while the cells to its left are
    # placed); the rest of a cell's place follows from the cuts to its right (``_path``)
    at_cut = [0] * ncols
    left = steps.steps  # the budget as a plain counter, written back at the end
    start_left = left

    def exhausted() -> TooMany:
        # where the budget, drawn on cut by cut, first went below zero
        nonlocal left
        left = min(start_left, 0) - 1
        return TooMany()

    def step(pi: int, end: int, col: int, need: int | None) -> bool:
        # ``pi``/``end``: the digits still to cut end at pieces[pi].raw[:end]; ``col`` (not the first,
        # see ``close``): the next cell, leftwards; ``need``: what the parts still to place in the
        # current group must add up to. Called only where the atoms left can make the cells left (so
        # every cut walked leaves at least ``col`` atoms); True when some cut finishes the row.
        # The cuts of a glued run are tried from the shortest part: a part larger than ``need`` ends
        # them, so the cuts tried (``spent``) are known before any is, and only those that can lead on
        # are walked. The budget is drawn on once the state is done: at any moment it has been drawn on
        # for no more cuts than the search one cut at a time would have, and for as many at the end.
        nonlocal left
        key = (pi, end, col, need)
        if key in dead:
            return False
        is_glued, total, part, closes, bound, lows, highs, zeros, values, enough = facts[pi][col]
        capped = part and need is not None  # a part of a group, of what is still needed
        if is_glued:
            negs = values[end]
            lowest = bisect_left(negs, -need) if capped else 0  # the first cut whose part is not too large
            spent = end - lowest + 1 if lowest else end
            if pi == col:  # as many pieces as cells left: only the cut at 0 leaves a cell per piece
                top, low = (0, 0) if lowest == 0 else (-1, 0)
            else:
                top, low = end - 1, lowest if lowest > enough else enough
                if bound and capped:
                    # a cut leaving atoms whose least sum (``lows``) is more than ``need`` fails the
                    # bound below: what the cells left must make is ``need`` less a part (never
                    # negative) or ``need`` itself, and ``lows`` rises with the atoms
                    most = bisect_right(lows, need) - 1
                    if most < top:
                        top = most
        else:
            negs = values
            spent = 1
            top = low = 0
            if negs[0] is None:
                if total or capped:
                    # no number: what is needed is no longer known, and a group's first part cannot close it
                    if capped and closes:
                        top = -1
                    capped = total = False
                    need = None
            elif capped and need + negs[0] < 0:
                top = -1
        check = bound and (total or need is not None)  # the bound above, where the sum is known
        found = False
        col1 = col - 1
        nneed = need
        for cut in range(top, low - 1, -1):
            if zeros[cut] and cut < end - 1:
                continue  # a number does not start with 0
            if capped:
                nneed = need + negs[cut]
                if closes and nneed:
                    continue
            elif total:
                nneed = -negs[cut]
            if check and not lows[cut] <= nneed < highs[cut]:
                continue
            at_cut[col] = cut
            if cut:
                found = (step(pi, cut, col1, nneed) if col1 else close(pi, cut, nneed)) or found
            elif col1:
                found = step(pi - 1, len(pieces[pi - 1].raw), col1, nneed) or found
            else:
                found = close(pi - 1, len(pieces[pi - 1].raw), nneed) or found
        left -= spent
        if left < 0:
            raise exhausted()
        if not found:
            dead.add(key)
        return found

    def close(pi: int, end: int, need: int | None) -> bool:
        # ``step`` at the row's first cell: only a cut at 0 can finish the row (the first piece cut
        # whole), so that cut alone is looked at; the budget is drawn on for as many cuts as ``step``
        nonlocal left
        key = (pi, end, 0, need)
        if key in dead:
            return False
        capped = first_part and need is not None
        negs = runs[pi]
        if glued[pi]:
            negs = negs[end]
            lowest = bisect_left(negs, -need) if capped else 0
            spent = end - lowest + 1 if lowest else end
            fits = pi == 0 and not (end > 1 and leading_zero)
        else:
            spent = 1
            fits = pi == 0
        if fits and capped:
            w = negs[0]  # the whole digits left, negated
            if w is None:
                fits = not first_closes
            else:
                fits = need + w == 0 if first_closes else need + w >= 0
        if fits:  # nothing left to cut: the row is complete
            at_cut[0] = 0
            out.append(at_cut[:])
            if len(out) > MAX_SPLITS:
                raise too_many_splits(spent)
        left -= spent
        if left < 0:
            raise exhausted()
        if not fits:
            dead.add(key)
        return fits

    def too_many_splits(spent_here: int) -> TooMany:
        # one split too many: the budget as the search one cut at a time would have left it then, the
        # cuts tried so far by the states not yet done counted in (all of this one's, the last at 0)
        nonlocal left
        pending = spent_here + sum(end - cut if glued[pi] else 1
                                   for pi, cut, end in _path(pieces, at_cut)[1:])
        if left - pending < 0:
            return exhausted()
        left -= pending
        return TooMany()

    try:
        if ncols > 1:
            step(last, end, ncols - 1, None)
        else:
            close(last, end, None)
    except TooMany:
        return None
    finally:
        steps.steps = left  # the table's budget drawn on cut by cut, as if spent one by one
    made: dict[tuple[int, int, int], Piece] = {}
    return [_cells(pieces, runs, _path(pieces, cuts), made) for cuts in out]


Fact = tuple[bool, bool, bool, bool, bool, list, list, list, list, int]  # what ``step`` asks of a cell and a piece


def _facts(pieces: list[Piece], columns: tuple[Column, ...]) -> tuple[list[list], list[list[Fact]]]:
    """The values of each piece, and per piece and cell what ``step`` asks when that cell is cut from
    that piece, made once per row: glued or not; the cell's facts (``_columns``; a part of a group
    that is not its total told by one); the bounds by the atoms left once the cut is made (the lists
    shifted by the atoms before the piece); which of the piece's digits are 0s; its values (a glued
    run's ``_part_values``; a whole piece's value negated, or None when it is not a count, as the
    values of its one cut); and the least cut that leaves as many atoms as cells."""
    runs: list[list] = []
    facts: list[list[Fact]] = []
    b, only_digits = 0, True  # the atoms before the piece; nothing but glued runs before it
    for p in pieces:
        if p.glued:
            values: list = _part_values(p.raw)
            zeros = list(map("0".__eq__, p.raw))
        else:
            values = [-p.value if p.kind is _NUMBER and isinstance(p.value, int) else None]
            zeros = [False]
        runs.append(values)
        facts.append([(p.glued, total, grouped and not total, closes, bound, lows[b:] if b else lows,
                       (digit_highs if only_digits else any_highs)[b:] if b else digit_highs, zeros, values, col - b)
                      for col, (total, grouped, closes, bound, lows, digit_highs, any_highs) in enumerate(columns)])
        b += len(p.raw) if p.glued else 1
        only_digits = only_digits and p.glued
    return runs, facts


def _path(pieces: list[Piece], cuts: list[int]) -> list[tuple[int, int, int]]:
    """The place of each cell, (piece, cut, end of the digits cut), left to right, from the cut of
    each cell (``row_splits``): the last cell ends the last piece, and each cell to its left ends
    where the cell to its right was cut, or ends the piece before when that was cut at 0."""
    pi = len(pieces) - 1
    end = len(pieces[pi].raw)
    path = []
    for col in range(len(cuts) - 1, -1, -1):
        cut = cuts[col]
        path.append((pi, cut, end))
        if cut:
            end = cut
        elif col:
            pi -= 1
            end = len(pieces[pi].raw)
    path.reverse()
    return path


def _part_values(raw: str) -> list[list[int]]:
    """For each place e of a glued run, the values of the parts ending there, by where they start and
    negated: [e][c] is −int(raw[c:e]), so each list rises with the cut and a bisection finds the first
    part that is not too large (a part with a leading 0 has the value of the part without it; such a
    part is never tried). Built digit by digit, not by parsing each part: a glued run is decimal
    digits (``tables._pieces``)."""
    out: list[list[int]] = [[]]
    row: list[int] = []
    for ch in raw:
        d = int(ch)
        row = [v * 10 - d for v in row]
        row.append(-d)
        out.append(row)
    return out


def _cells(pieces: list[Piece], runs: list[list], path: list[tuple[int, int, int]],
           made: dict[tuple[int, int, int], Piece]) -> list[Piece]:
    """The pieces of one finished cut (``path``: (piece, cut, end) of each cell), left to right: the
    parts of a glued run become pieces only here, with the values ``_part_values`` found for them,
    and once for all the cuts of a row that share them (``made``; pieces are never changed)."""
    out = []
    for cell in path:
        piece = made.get(cell)
        if piece is None:
            pi, cut, end = cell
            p = pieces[pi]
            piece = made[cell] = (Piece(_NUMBER, p.raw[cut:end], p.start + cut, p.start + end,
                                        -runs[pi][end][cut]) if p.glued else p)
        out.append(piece)
    return out


Rule = tuple[tuple[int, ...], tuple[int, ...], str]  # (lhs positions, rhs positions, "=" or ">=")


Sides = tuple[itemgetter, itemgetter, bool]  # a rule's sides as getters of their values; "=" (else ">=")


def _sides(rule: Rule) -> Sides:
    """The rule with each side as one getter of its cells' values (a tuple or a list: a one-cell side
    is got as a slice), so checking it reads each side in one call."""
    def getter(cells: tuple[int, ...]) -> itemgetter:
        return itemgetter(*cells) if len(cells) > 1 else itemgetter(slice(cells[0], cells[0] + 1) if cells else
                                                                    slice(0, 0))
    lhs, rhs, relation = rule
    return getter(lhs), getter(rhs), relation == "="


class TableRules:
    """A table's rules made ready for ``solve_jointly`` once per table of the template: each rule with
    its sides as getters, and, per row's cells, the rules those cells take part in (asked for once a
    row; read only once made)."""

    def __init__(self, rules: list[Rule]) -> None:
        self.sides = [_sides(r) for r in rules]
        self._at: dict[int, list[int]] = {}  # cell → the rules (by index) it takes part in
        for ri, (lhs, rhs, _) in enumerate(rules):
            for i in {*lhs, *rhs}:
                self._at.setdefault(i, []).append(ri)
        self._touching: dict[tuple[int, ...], list[Sides]] = {}

    def touching(self, cells: tuple[int, ...]) -> list[Sides]:
        """The rules these cells take part in, in the order of the rules."""
        found = self._touching.get(cells)
        if found is None:
            found = self._touching[cells] = [self.sides[ri] for ri in
                                             sorted({ri for i in cells for ri in self._at.get(i, ())})]
        return found


def solve_jointly(domains: dict[str, list[list[int | None]]], slots: dict[str, tuple[int, ...]],
                  values: list[int | None], rules: TableRules,
                  budget: Budget | None = None) -> tuple[list[dict[str, int]], bool]:
    """Every assignment of one candidate per pending row that breaks no rule, by backtracking with the
    rules checked as soon as their cells are placed. Returns the solutions found (candidate index per
    row) and whether the enumeration was complete (False past ``MAX_SOLUTIONS`` or the step budget)."""
    order = sorted(domains, key=lambda rk: len(domains[rk]))
    touching = {rk: rules.touching(slots[rk]) for rk in order}
    solutions: list[dict[str, int]] = []
    choice: dict[str, int] = {}
    steps = budget or Budget()
    left = steps.steps  # the budget as a plain counter, written back at the end

    def place(depth: int) -> bool:
        nonlocal left
        if depth == len(order):
            solutions.append(dict(choice))
            return len(solutions) < MAX_SOLUTIONS
        rk = order[depth]
        row_slots, row_rules = slots[rk], touching[rk]
        for ci, cand in enumerate(domains[rk]):
            left -= 1  # a step for every candidate tried, as ``Budget.spend``
            if left < 0:
                return False
            for i, v in zip(row_slots, cand):
                values[i] = v
            for get_l, get_r, equal in row_rules:
                # a rule that can no longer hold breaks the candidate: counts are never negative, so a
                # partial sum (filter(None, …): the known values of a side) already above a complete
                # other side is as good as a failure; lhs ≥ rhs[0] − rhs[1] (A01) is decided only when
                # both sides are complete
                known_l = get_l(values)
                known_r = get_r(values)
                if None in known_l:
                    if equal and None not in known_r and sum(filter(None, known_l)) > sum(known_r):
                        break
                elif None in known_r:
                    if equal and sum(filter(None, known_r)) > sum(known_l):
                        break
                elif sum(known_l) != sum(known_r) if equal else known_l[0] < known_r[0] - known_r[1]:
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

    try:
        complete = place(0)
    finally:
        steps.steps = left
    return solutions, complete
