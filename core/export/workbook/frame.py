"""The working-paper frame of every sheet: a sheet name Excel accepts, the 索引号, and the printed header
(被审阅单位 · 报告年度 · 索引号) and footer (编制人/日期 · 复核人/日期 · 第 &P 页 共 &N 页)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl.worksheet.worksheet import Worksheet

from core.export.workbook.styles import local_time
from core.extraction.agency import agency_key
from core.review import Review
from core.review.overlay import SignOff

# 索引号 letter of each sheet: the tables keep their form letters, the others take their pinyin initial
SHEET_LETTER = {"概览": "G", "表A": "A", "表B": "B", "表C": "C", "检查结果": "J", "修改记录": "X", "原文": "Y"}
MAX_SHEET_NAME = 31
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\'\x00-\x1f]")
UNSIGNED = "＿＿＿＿＿＿"
HEADER_SIZE = 9


def report_labels(reviews: Sequence[Review]) -> list[str]:
    """What tells the reports of one workbook apart in sheet names: the year, numbered when one year
    comes twice (two copies of one report, or the same report as HTML and PDF)."""
    base = [f"{r.report.year}年" if r.report.year else "年度不详" for r in reviews]
    total, seen = Counter(base), Counter()
    out = []
    for b in base:
        seen[b] += 1
        out.append(b if total[b] == 1 or seen[b] == 1 else f"{b}({seen[b]})")
    return out


def sheet_name(prefix: str, label: str, taken: set[str]) -> str:
    """``prefix label`` as a valid, unique sheet name: no forbidden characters, ≤ 31 characters, unique
    ignoring case (as Excel compares them)."""
    name = _NOT_IN_SHEET_NAME.sub("", f"{prefix} {label}".strip())[:MAX_SHEET_NAME].strip()
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        suffix = f"({n})"
        candidate = name[:MAX_SHEET_NAME - len(suffix)] + suffix
    taken.add(candidate.casefold())
    return candidate


def _date(iso: str | None) -> str:
    t = local_time(iso)
    return t.date().isoformat() if t else ""


@dataclass(frozen=True)
class Frame:
    """What every page of one workbook prints around its content."""

    agency: str
    key: str
    years: str
    preparer: str
    prepared: date
    sign_off: SignOff | None

    @staticmethod
    def of(reviews: Sequence[Review], preparer: str, prepared: date) -> "Frame":
        first = reviews[0].report
        years = sorted({r.report.year for r in reviews if r.report.year})
        signed = [r.sign_off for r in reviews if r.sign_off]
        latest = max(signed, key=lambda s: s.time) if signed else None
        return Frame(first.agency or "（未识别）", agency_key(first.agency) or "未识别",
                     "-".join(map(str, years)) if years else "年度不详", preparer, prepared, latest)

    def index(self, sheet: str, label: str | None = None) -> str:
        """NB-<year>-<agency key>-<sheet letter>, with the copy number when one year comes twice."""
        letter = SHEET_LETTER[sheet]
        if label is None:
            return f"NB-{self.years}-{self.key}-{letter}"
        year, _, copy = label.partition("(")
        year = year.removesuffix("年") if year != "年度不详" else "0000"
        return f"NB-{year}-{self.key}-{letter}" + (f"-{copy.rstrip(')')}" if copy else "")

    @property
    def checker(self) -> str:
        return self.sign_off.reviewer if self.sign_off else ""

    @property
    def checked(self) -> str:
        return _date(self.sign_off.time) if self.sign_off else ""

    def apply(self, ws: Worksheet, sheet: str, label: str | None = None) -> str:
        """Header and footer on every printed page of ``ws``; returns the sheet's 索引号."""
        index = self.index(sheet, label)
        year = label.split("(")[0].removesuffix("年") if label else self.years
        esc = _escape
        parts = ((ws.oddHeader.left, f"被审阅单位：{esc(self.agency)}"),
                 (ws.oddHeader.center, f"报告年度：{esc(year)}"),
                 (ws.oddHeader.right, f"索引号：{esc(index)}"),
                 (ws.oddFooter.left, f"编制人：{esc(self.preparer) or UNSIGNED}　日期：{self.prepared.isoformat()}"),
                 (ws.oddFooter.center, f"复核人：{esc(self.checker) or UNSIGNED}　日期：{self.checked or UNSIGNED}"),
                 (ws.oddFooter.right, "第 &P 页 共 &N 页"))
        for item, text in parts:
            item.text, item.size = text, HEADER_SIZE
        return index


def summary_frame(ws: Worksheet, batch: str, reviewer: str) -> None:
    """汇总's header and footer: what the batch is, when, by whom, and the page numbers."""
    parts = ((ws.oddHeader.left, "政府信息公开工作年度报告审阅汇总"), (ws.oddHeader.center, f"批次日期：{_escape(batch)}"),
             (ws.oddHeader.right, f"审阅人：{_escape(reviewer) or UNSIGNED}"), (ws.oddFooter.right, "第 &P 页 共 &N 页"))
    for item, text in parts:
        item.text, item.size = text, HEADER_SIZE


def _escape(text: str) -> str:
    return text.replace("&", "&&")
