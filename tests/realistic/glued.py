"""What glued digits allow a correct reader to know.

When a form glues a row's numbers together (``规章301330``), the printed text may fit more than one
reading. Issue 12 asks the reader to choose the one assignment that satisfies every cross total (B02
per row, B01 and B03 per column, C01 per group; table A has none) and, where several fit, to leave the
cells null with a finding — never to guess. So a key's cells are not all knowable in such a form: this
module enumerates, independently of the engine, every reading of the printed runs that satisfies the
totals, and names the cells on which those readings differ. Scoring accepts null (with a finding) or
the printed value there, and a mutation in a glued row may be reported as not assessable instead of
as an error (its cells cannot be read unambiguously, issue 12 part 3)."""
from __future__ import annotations

import itertools
from collections.abc import Iterator

from core.template import APPLICATIONS, B_OUTCOME_ROWS, CellKey
from tests.realistic.document import Document, Table

MAX_READINGS = 200_000   # beyond this many joint readings every undecided row counts as ambiguous


def runs(doc: Document, separators: list[str] | None) -> dict[CellKey, int]:
    """Run id of every value cell: cells in one run are printed with nothing between them.
    ``separators`` is the separator after each table cell in document order (None: all glued)."""
    seps = iter(separators) if separators is not None else itertools.repeat("")
    out: dict[CellKey, int] = {}
    run = 0
    for block in doc.blocks:
        if not isinstance(block, Table):
            continue
        for row in block.rows:
            previous_glued = False
            for cell in row:
                sep = next(seps)
                if cell.key is not None:
                    if not previous_glued:
                        run += 1
                    out[cell.key] = run
                    previous_glued = sep == ""
                else:
                    previous_glued = False
    return out


def _numbers(digits: str, n: int) -> Iterator[tuple[int, ...]]:
    """Every way to read ``digits`` as ``n`` numbers as printed (no leading zeros)."""
    if n == 1:
        if digits and (digits == "0" or digits[0] != "0"):
            yield (int(digits),)
        return
    for cut in range(1, len(digits) - n + 2):
        head = digits[:cut]
        if head != "0" and head[0] == "0":
            break
        for tail in _numbers(digits[cut:], n - 1):
            yield (int(head),) + tail


def _row_readings(texts: list[list[str]], ncols: int) -> list[tuple[int, ...]]:
    """Readings of a row printed as runs (each a list of the cell texts glued together)."""
    out: list[tuple[int, ...]] = []

    def walk(i: int, acc: tuple[int, ...]) -> None:
        if i == len(texts):
            if len(acc) == ncols:
                out.append(acc)
            return
        digits = "".join(texts[i])
        for m in range(1, ncols - len(acc) - (len(texts) - i - 1) + 1):
            for part in _numbers(digits, m):
                walk(i + 1, acc + part)
    walk(0, ())
    return out


def _grouped(cells: list[CellKey], run_of: dict[CellKey, int], printed: dict[CellKey, str]) -> list[list[str]]:
    groups: list[list[str]] = []
    last = None
    for c in cells:
        if run_of[c] != last:
            groups.append([])
            last = run_of[c]
        groups[-1].append(printed[c])
    return groups


def ambiguous(values: dict[CellKey, object], run_of: dict[CellKey, int]) -> tuple[frozenset[CellKey], frozenset[str]]:
    """The cells no reader can know from the printed runs, and the tables (B, C) whose runs fit no
    reading that satisfies every total (the printed report is wrong, but where is not knowable)."""
    printed = {k: str(v) for k, v in values.items()}
    unknown: set[CellKey] = set()
    broken: set[str] = set()
    rows: dict[tuple[str, str], list[CellKey]] = {}
    for k in values:
        if k in run_of:
            rows.setdefault((k.table, k.row), []).append(k)
    readings: dict[tuple[str, str], list[tuple[int, ...]]] = {}
    for (table, row), cells in rows.items():
        if len(cells) == 1 or len(set(run_of[c] for c in cells)) == len(cells):
            continue  # every number printed apart: nothing to decide
        found = _row_readings(_grouped(cells, run_of, printed), len(cells))
        if table == "applications":
            found = [r for r in found if sum(r[:6]) == r[6]]
        elif table == "review_litigation":
            found = [r for r in found if all(sum(r[g * 5:g * 5 + 4]) == r[g * 5 + 4] for g in range(3))]
        readings[(table, row)] = found
        if table == "active" and len(found) > 1:
            unknown.update(cells)  # table A has no total to decide by
        if table == "review_litigation":
            if not found:
                broken.add(table)
                unknown.update(cells)
            elif len(found) > 1:
                unknown.update(c for i, c in enumerate(cells) if len({r[i] for r in found}) > 1)
    b_rows = {row: found for (table, row), found in readings.items() if table == "applications"}
    if b_rows:
        undecided, b_broken = _joint_b(values, b_rows)
        unknown.update(undecided)
        if b_broken:
            broken.add("applications")
    return frozenset(unknown), frozenset(broken)


def _joint_b(values: dict[CellKey, object], b_rows: dict[str, list[tuple[int, ...]]]) -> tuple[set[CellKey], bool]:
    """B's glued rows read jointly under B01 and B03: the cells that differ between the readings that
    satisfy every column, and whether none does."""
    fixed = {r.key: tuple(values[CellKey("applications", r.key, c)] for c in range(7))
             for r in APPLICATIONS.rows if r.key not in b_rows}
    open_rows = sorted(b_rows)
    undecided: set[CellKey] = set()
    if any(not b_rows[r] for r in open_rows):
        return {CellKey("applications", r, c) for r in open_rows for c in range(7)}, True
    count = 1
    for r in open_rows:
        count *= len(b_rows[r])
    if count > MAX_READINGS:
        return {CellKey("applications", r, c) for r in open_rows if len(b_rows[r]) > 1 for c in range(7)}, False
    good: list[dict[str, tuple[int, ...]]] = []
    for choice in itertools.product(*(b_rows[r] for r in open_rows)):
        rows = dict(fixed)
        rows.update(zip(open_rows, choice))
        if all(rows["本年新收"][c] + rows["上年结转"][c] == rows["总计"][c] + rows["结转下年度"][c]
               and sum(rows[o][c] for o in B_OUTCOME_ROWS) == rows["总计"][c] for c in range(7)):
            good.append({r: rows[r] for r in open_rows})
    if not good:
        return {CellKey("applications", r, c) for r in open_rows for c in range(7)}, True
    for r in open_rows:
        for c in range(7):
            if len({g[r][c] for g in good}) > 1:
                undecided.add(CellKey("applications", r, c))
    return undecided, False
