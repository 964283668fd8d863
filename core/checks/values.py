"""V — cell values: every cell is a non-negative integer (收费: a non-negative amount in 万元), blanks
and placeholders are flagged once each, and suspicious repeats are noted."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from core.checks.catalogue import check
from core.checks.context import CheckContext
from core.checks.equations import rules_by_cell
from core.model import CellKind, Severity, Verdict
from core.template import (
    APPLICANT_COLUMNS,
    TABLES,
    TOTAL_COL,
    CellKey,
    all_cells,
    cell_label,
)

FEE = CellKey("active", "行政事业性收费", 0)


def _rules_of(key: CellKey) -> str:
    return "、".join(rules_by_cell().get(key, ()))


@check
def cell_values(ctx: CheckContext):
    for table in TABLES:
        if not ctx.table_found(table):
            continue
        for key in all_cells(table):
            cv = ctx.get(key)
            name = f"表{TABLES[table].letter}“{cell_label(key)}”"
            deps = _rules_of(key)
            blocked = f"，相关勾稽关系（{deps}）无法核对" if deps else ""
            if cv.kind is CellKind.EMPTY:
                yield ctx.finding("V02", f"{name}为空（应填0）{blocked}", (key,), subject=key.id,
                                  verdict=Verdict.UNASSESSABLE)
            elif cv.kind is CellKind.PLACEHOLDER:
                yield ctx.finding("V03", f"{name}填写了占位符“{cv.raw}”而不是数字{blocked}", (key,),
                                  subject=key.id, verdict=Verdict.UNASSESSABLE)
            elif cv.kind in (CellKind.TEXT, CellKind.INVALID) and key == FEE:
                yield ctx.finding("V04", f"{name}“{cv.raw}”不是有效金额（应为非负数，单位万元）", (key,), subject=key.id)
            elif cv.kind is CellKind.TEXT:
                yield ctx.finding("V01", f"{name}“{cv.raw}”不是数字{blocked}", (key,), subject=key.id)
            elif cv.kind is CellKind.INVALID:
                yield ctx.finding("V01", f"{name}“{cv.raw}”不是非负整数（{cv.note}）{blocked}", (key,), subject=key.id)
    fee = ctx.get(FEE)
    if fee.is_number and fee.value >= 10000:
        yield ctx.finding("V04", f"行政事业性收费 {fee.raw} 万元数额异常大，可能误以“元”为单位填报", (FEE,),
                          severity=Severity.INFO, subject="fee:unit")


@check
def repeated_values(ctx: CheckContext):
    """Same non-zero value in different rows of table A (行政许可 = 行政处罚 = 218), or two applicant
    columns of table B that are identical and non-zero (a column copied from another)."""
    if ctx.table_found("active"):
        by_value: dict[object, list[CellKey]] = defaultdict(list)
        for key in all_cells("active"):
            cv = ctx.get(key)
            if cv.is_number and cv.value != 0:
                by_value[Decimal(cv.value)].append(key)
        for value, keys in by_value.items():
            if len({k.row for k in keys}) > 1:
                names = "、".join(cell_label(k) for k in keys)
                yield ctx.finding("V05", f"表A中{names}的数值相同（均为 {ctx.get(keys[0]).raw}），请核实是否误填",
                                  keys, subject="A:" + ",".join(k.id for k in keys))
    if ctx.table_found("applications"):
        rows = TABLES["applications"].rows
        cols = {}
        for c in range(TOTAL_COL):
            vec = tuple(ctx.get(CellKey("applications", r.key, c)).value for r in rows)
            if all(v is not None for v in vec) and any(vec):
                cols[c] = vec
        seen: dict[tuple, int] = {}
        for c, vec in cols.items():
            if vec in seen:
                a = seen[vec]
                yield ctx.finding("V05", f"表B“{APPLICANT_COLUMNS[a]}”列与“{APPLICANT_COLUMNS[c]}”列数值完全相同，请核实是否复制",
                                  [CellKey("applications", r.key, x) for x in (a, c) for r in rows],
                                  subject=f"B:col:{a}:{c}")
            else:
                seen[vec] = c
