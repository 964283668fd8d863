"""The rule catalogue (checks.md) and the registry of check functions.

A new rule is one ``Rule`` line here plus one ``@check`` function in a family module; nothing else needs
to know about it — the CLI, GUI and workbook list findings by what this catalogue says."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from core.model import Severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: dict[str, Rule] = {r.id: r for r in (
    Rule("S01", E, "六个部分标题齐全"),
    Rule("S02", E, "第二、三、四部分各有其表格"),
    Rule("S03", E, "表格完整（表A 10 个数、表B 25 行×7 列、表C 15 个数）"),
    Rule("S04", E, "使用现行（2021 版）格式"),
    Rule("S05", I, "标签与顺序符合标准"),
    Rule("S06", W, "标题含机关全称和年份"),
    Rule("S07", I, "写明统计期限"),
    Rule("V01", E, "计数为非负整数"),
    Rule("V02", W, "应填数字的单元格不得为空（应填0）"),
    Rule("V03", W, "数字单元格不得填写占位符"),
    Rule("V04", E, "行政事业性收费为非负数，单位万元"),
    Rule("V05", I, "无关单元格出现相同非零数值"),
    Rule("A01", W, "现行有效件数 ≥ 本年制发件数 − 本年废止件数"),
    Rule("A02", W, "无规章制定权的机关规章数为零"),
    Rule("B01", E, "每列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度"),
    Rule("B02", E, "每行：各类申请人之和 = 总计"),
    Rule("B03", E, "每列：办理结果总计 = 各项办理结果之和"),
    Rule("C01", E, "每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
    Rule("C02", I, "复议后起诉而本年无行政复议"),
    Rule("D01", E, "标题年份 = 统计期限年份 = 总体情况所述年份"),
)}

Check = Callable[["object"], Iterable["object"]]
CHECKS: list[Check] = []


def check(func: Check) -> Check:
    """Register a check function: it takes a ``CheckContext`` and yields ``Finding``s."""
    CHECKS.append(func)
    return func
