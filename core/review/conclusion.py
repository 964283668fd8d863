"""The words a working paper concludes with, defined once: every sheet of the workbook, 汇总 and the
window say the same thing for the same state.

Two conclusions per report. 自动结论 is what the checks alone say. 审阅结论 is what stands after the
reviewer's verdicts: a rejected (驳回) finding no longer counts, a confirmed (确认) one does, and while an
error or warning is still undecided the report cannot be concluded (待复核)."""
from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from core.model import Finding, Severity

PENDING, CONFIRMED, REJECTED = "待定", "确认", "驳回"
VERDICTS = (PENDING, CONFIRMED, REJECTED)  # what a reviewer can say about one finding
STALE = "需重新确认"  # a verdict given on a finding whose numbers have changed since: undecided again
DECIDED = frozenset({CONFIRMED, REJECTED})


class Conclusion(str, Enum):
    PASS = "通过"            # nothing that counts
    MINOR = "基本符合"       # only confirmed warnings
    CHECK = "需核实"         # automatic: warnings, no errors
    OPEN = "待复核"          # an error or warning awaits the reviewer's verdict
    FAIL = "不通过"          # an error (automatic) / a confirmed error (reviewed)
    UNREADABLE = "无法读取"  # the file could not be read at all

    @property
    def colour_role(self) -> str:
        """Shared colour (core.export.style) a conclusion is painted with."""
        return _COLOUR[self]

    @property
    def meaning(self) -> str:
        return _MEANING[self]


_COLOUR = {Conclusion.PASS: "OK", Conclusion.MINOR: "INFO", Conclusion.CHECK: "WARNING", Conclusion.OPEN: "WARNING",
           Conclusion.FAIL: "ERROR", Conclusion.UNREADABLE: "MISSING"}
_MEANING = {
    Conclusion.PASS: "未发现问题，或所有问题均已驳回",
    Conclusion.MINOR: "仅有经确认的警告（需整改，非错误）",
    Conclusion.CHECK: "自动检查有警告，无错误",
    Conclusion.OPEN: "尚有错误或警告未经审核（待定）",
    Conclusion.FAIL: "存在错误（审阅结论：经确认的错误）",
    Conclusion.UNREADABLE: "文件无法读取",
}
_WORST = (Conclusion.UNREADABLE, Conclusion.FAIL, Conclusion.OPEN, Conclusion.CHECK, Conclusion.MINOR, Conclusion.PASS)
COUNTED = (Severity.ERROR, Severity.WARNING)  # info findings are notes: they need no verdict


def automatic(findings: Iterable[Finding]) -> Conclusion:
    severities = {f.severity for f in findings}
    if Severity.ERROR in severities:
        return Conclusion.FAIL
    return Conclusion.CHECK if Severity.WARNING in severities else Conclusion.PASS


def reviewed(findings: Iterable[Finding], verdict_of) -> Conclusion:
    """``verdict_of(finding)`` gives the reviewer's word for a finding (one of ``VERDICTS``)."""
    confirmed: set[Severity] = set()
    open_ = False
    for f in findings:
        if f.severity not in COUNTED:
            continue
        v = verdict_of(f)
        if v == CONFIRMED:
            confirmed.add(f.severity)
        elif v not in DECIDED:
            open_ = True
    if Severity.ERROR in confirmed:
        return Conclusion.FAIL
    if open_:
        return Conclusion.OPEN
    return Conclusion.MINOR if confirmed else Conclusion.PASS


def is_open(finding: Finding, verdict: str) -> bool:
    """An error or warning nobody has decided on yet."""
    return finding.severity in COUNTED and verdict not in DECIDED


def worst(conclusions: Iterable[Conclusion]) -> Conclusion:
    found = set(conclusions)
    return next((c for c in _WORST if c in found), Conclusion.PASS)
