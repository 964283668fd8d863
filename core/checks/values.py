"""V — cell values: every cell is a non-negative integer (收费: a non-negative amount in 万元), blanks
and placeholders are flagged once each, and suspicious repeats are noted."""
from __future__ import annotations

from collections import defaultdict
from operator import itemgetter

from core.checks.catalogue import check
from core.checks.context import CheckContext
from core.equations import numbers, rules_by_cell
from core.messages import cell_note, label, msg
from core.model import CellKind, Severity, Verdict
from core.template import (
    APPLICANT_COLUMNS,
    TABLES,
    TOTAL_COL,
    CellKey,
    all_cells,
)

FEE = CellKey("active", "行政事业性收费", 0)
_FLAGGED = (CellKind.EMPTY, CellKind.PLACEHOLDER, CellKind.TEXT, CellKind.INVALID)
_NUMBER = CellKind.NUMBER  # most cells: bound once, not looked up on the Enum for each
_B_COLUMNS = tuple(tuple(CellKey("applications", r.key, c) for r in TABLES["applications"].rows) for c in range(TOTAL_COL))
_B_AT = {k: i for i, k in enumerate(all_cells("applications"))}
_B_PICKERS = tuple(itemgetter(*(_B_AT[k] for k in keys)) for keys in _B_COLUMNS)  # a column from ``numbers``


@check
def cell_values(ctx: CheckContext):
    for table in TABLES:
        if not ctx.table_found(table) or None not in numbers(ctx, table):
            continue  # every cell a number: none to flag (a flagged cell has no usable number)
        for key in all_cells(table):
            cv = ctx.get(key)
            if cv.kind is _NUMBER or cv.kind not in _FLAGGED:
                continue
            deps = rules_by_cell().get(key, ())
            name = {"letter": TABLES[table].letter, "cell": key, "raw": cv.raw,
                    "blocked": msg("V.blocked", rules=deps) if deps else None}
            if cv.kind is CellKind.EMPTY:
                yield ctx.finding("V02", msg("V02.empty", **name), (key,), subject=key.id,
                                  verdict=Verdict.UNASSESSABLE)
            elif cv.kind is CellKind.PLACEHOLDER:
                yield ctx.finding("V03", msg("V03.placeholder", **name), (key,),
                                  subject=key.id, verdict=Verdict.UNASSESSABLE)
            elif key == FEE:
                yield ctx.finding("V04", msg("V04.invalid", **name), (key,), subject=key.id)
            elif cv.kind is CellKind.TEXT:
                yield ctx.finding("V01", msg("V01.text", **name), (key,), subject=key.id)
            else:
                yield ctx.finding("V01", msg("V01.invalid", why=cell_note(cv.note), **name), (key,), subject=key.id)
    fee = ctx.get(FEE)
    if fee.is_number and fee.value >= 10000:
        yield ctx.finding("V04", msg("V04.large", raw=fee.raw), (FEE,),
                          severity=Severity.INFO, subject="fee:unit")


@check
def repeated_values(ctx: CheckContext):
    """Same non-zero value in different rows of table A (行政许可 = 行政处罚 = 218), or two applicant
    columns of table B that are identical and non-zero (a column copied from another)."""
    if ctx.table_found("active"):
        by_value: dict[object, list[CellKey]] = defaultdict(list)
        for key, value in zip(all_cells("active"), numbers(ctx, "active")):
            if value is not None and value != 0:
                by_value[value].append(key)  # 218 and Decimal("218.0") are one key: equal, same hash
        for value, keys in by_value.items():
            if len({k.row for k in keys}) > 1:
                yield ctx.finding("V05", msg("V05.same_values", cells=tuple(keys), raw=ctx.get(keys[0]).raw),
                                  keys, subject="A:" + ",".join(k.id for k in keys))
    if ctx.table_found("applications"):
        cols = {}
        for c, vec in enumerate(_b_columns(ctx)):
            if None not in vec and any(vec):
                cols[c] = vec
        seen: dict[tuple, int] = {}
        for c, vec in cols.items():
            if vec in seen:
                a = seen[vec]
                yield ctx.finding("V05", msg("V05.same_columns", first=label(APPLICANT_COLUMNS[a]),
                                             second=label(APPLICANT_COLUMNS[c])),
                                  _B_COLUMNS[a] + _B_COLUMNS[c], subject=f"B:col:{a}:{c}")
            else:
                seen[vec] = c


def _b_columns(ctx: CheckContext) -> list[tuple]:
    """The values of each applicant column of table B (of every cell, a number or not): picked from
    the table's ``numbers`` when every cell is one (then they are its values), else read."""
    values = numbers(ctx, "applications")
    if None in values:
        return [tuple([cv.value for cv in map(ctx.get, keys)]) for keys in _B_COLUMNS]
    return [pick(values) for pick in _B_PICKERS]
