"""The scope of a review: every rule of the catalogue and what it concluded for one report.

A working paper lists the rules that were run and passed, not only the failures, and says plainly which
could not be assessed (a table missing, a blank in an equation) or do not apply (a township report has no
government accountability section to check, no previous year was loaded). Findings decide 不通过 /
无法核对 / 提示; without findings, the rule's inputs decide between 通过, 无法核对 and 不适用."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from core.checks.catalogue import RULES, Rule
from core.checks.narrative import TOPICS
from core.equations import all_equations
from core.extraction.meta import agency_level
from core.extraction.narrative.claims import narrative_claims
from core.extraction.narrative.dates import publication_date
from core.model import CellValue, Finding, Report, Verdict
from core.template import TABLES, CellKey


class Outcome(str, Enum):
    PASS = "通过"
    FAIL = "不通过"
    UNASSESSABLE = "无法核对"
    NOT_APPLICABLE = "不适用"
    NOTE = "提示"

    @property
    def colour_role(self) -> str | None:
        return {"通过": "OK", "不通过": "ERROR", "无法核对": "WARNING", "不适用": "MISSING", "提示": "INFO"}[self.value]


OUTCOME_MEANING = {
    Outcome.PASS: "已检查，未发现问题",
    Outcome.FAIL: "已检查，发现问题（见问题说明）",
    Outcome.UNASSESSABLE: "应检查但缺少依据数据（表格缺失、单元格空白等），未能核对",
    Outcome.NOT_APPLICABLE: "本报告不涉及此项检查（见问题说明）",
    Outcome.NOTE: "值得注意，本身不构成错误",
}

A, B, C = "active", "applications", "review_litigation"
_TABLE_OF = {**{r: A for r in ("A01", "A02", "N05", "N06", "X02")}, **{r: B for r in ("B01", "B02", "B03", "N01", "N02",
             "N03", "N04", "X01")}, **{r: C for r in ("C01", "C02", "N07")}}
_SECTION_OF = {"T01": 5, "T02": 5, "X06": 5, "T03": 6, "T04": 6, "T05": 6, "T10": 6, "T09": 1}
_SECTION_NAME = {1: "一、总体情况", 5: "五、存在的主要问题及改进情况", 6: "六、其他需要报告的事项"}
_PREVIOUS_YEAR = ("X01", "X02", "X03", "X04", "X06", "X07")
_FROM_EVIDENCE = ("D04", "D05")  # what the evidence folder recorded of the report's publication
# the narrative rules and the claim topics they compare
_TOPICS_OF: dict[str, set[str]] = {"N01": {"received"}, "N02": {"received"}, "N07": {"review_litigation"}}
for _topic, (_table, _cells, _rule, _name) in TOPICS.items():
    _TOPICS_OF.setdefault(_rule, set()).add(_topic)


@dataclass(frozen=True)
class RuleResult:
    rule: Rule
    outcome: Outcome
    findings: tuple[Finding, ...] = ()
    reason: str = ""  # why a rule without findings could not be assessed or does not apply


def rule_results(report: Report, findings: Sequence[Finding], get: Callable[[CellKey], CellValue],
                 previous_year: bool, compared_with: int) -> list[RuleResult]:
    """Every rule of the catalogue, in catalogue order. ``get`` gives cell values with corrections applied;
    ``previous_year``: the same agency's previous report was checked with this one; ``compared_with``: how
    many other reports the cross-report checks saw."""
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    topics = {c.topic for c in narrative_claims(report)}
    out = []
    for rid, rule in RULES.items():
        found = tuple(by_rule.get(rid, ()))
        if found:
            verdicts = {f.verdict for f in found}
            outcome = (Outcome.FAIL if Verdict.FAIL in verdicts else
                       Outcome.UNASSESSABLE if Verdict.UNASSESSABLE in verdicts else Outcome.NOTE)
            out.append(RuleResult(rule, outcome, found))
            continue
        outcome, reason = _without_findings(rid, report, get, topics, previous_year, compared_with)
        out.append(RuleResult(rule, outcome, (), reason))
    return out


def _without_findings(rid: str, report: Report, get, topics: set[str], previous_year: bool,
                      compared_with: int) -> tuple[Outcome, str]:
    NA, UN, OK = Outcome.NOT_APPLICABLE, Outcome.UNASSESSABLE, Outcome.PASS
    if rid in _PREVIOUS_YEAR and not previous_year:
        return NA, "未同时载入本机关上一年度报告"
    if rid in ("X05", "X08") and not compared_with:
        return NA, "未与其他报告一同检查"
    if rid in ("O01", "O02", "O03"):
        return NA, "报告未经文字识别（OCR）"
    if rid == "O04" and report.source.format != "pdf":
        return NA, "报告不是 PDF"
    if rid in _FROM_EVIDENCE and report.evidence is None:
        return NA, "报告不是从网上下载的，没有发布记录"
    if rid == "D05" and not compared_with:
        return NA, "未与其他平台的版本一同检查"
    table = _TABLE_OF.get(rid)
    if rid.startswith("V") and not any(report.tables.get(t) is not None for t in TABLES):
        return UN, "报告未附统计表"
    if table and report.tables.get(table) is None:
        return UN, f"报告未附表{TABLES[table].letter}"
    if rid in _TOPICS_OF:
        if not topics & _TOPICS_OF[rid]:
            return NA, "正文未陈述相关数字"
        return OK, ""
    section = _SECTION_OF.get(rid)
    if section and section not in report.sections:
        return UN, f"报告缺少“{_SECTION_NAME[section]}”"
    if rid == "T06" and agency_level(report.agency) != "government":
        return NA, "仅适用于人民政府的年度报告"
    if rid == "T08" and agency_level(report.agency) != "township":
        return NA, "仅适用于乡镇、街道的年度报告"
    if rid.startswith("D") and report.year is None:
        return UN, "未识别报告年度"
    if rid in ("D02", "D03") and publication_date(report.source.text) is None:
        return UN, "未找到发布日期"
    blanks = [e for e in all_equations() if e.rule == rid and not all(get(k).is_number for k in e.cells)]
    if blanks:
        total = sum(e.rule == rid for e in all_equations())
        return UN, f"{len(blanks)}/{total} 个等式含空白或非数字单元格，未能核对"
    return OK, ""
