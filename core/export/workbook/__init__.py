"""The audit workbook: one .xlsx per agency (several years of one agency share it), laid out as an
auditor's working paper. ``save_workbook`` is what the window's Ctrl+S and the batch export call."""
from __future__ import annotations

import html
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from core.checks.scope import rule_results
from core.errors import ReportError
from core.export.workbook import writer
from core.export.workbook.findings_sheet import WIDTHS as FINDINGS_WIDTHS
from core.export.workbook.findings_sheet import write_findings
from core.export.workbook.form_sheet import WIDTHS as FORM_WIDTHS
from core.export.workbook.form_sheet import write_form_sheet
from core.export.workbook.frame import Frame, report_labels, sheet_name
from core.export.workbook.other_sheets import (
    OVERVIEW_WIDTHS,
    SOURCE_ROW_HEIGHT,
    SOURCE_WIDTHS,
    TRAIL_WIDTHS,
    write_corrections,
    write_overview,
    write_source,
)
from core.export.workbook.parts import ReportPart, SourceLines
from core.export.workbook.styles import Book, page_setup
from core.extraction.agency import same_agency
from core.review import Review
from core.review.sidecar import temp_path
from core.template import TABLE_IDS, TABLES
from core.version import APP_NAME, version

_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
MAX_NAME = 80
WRITER = f"{APP_NAME}（自动生成）"
YEAR_RULES = ("X01", "X02", "X03", "X04", "X06")


def workbook_filename(reviews: Sequence[Review]) -> str:
    """'<agency>_<years>_审阅底稿.xlsx', safe on Windows."""
    first = reviews[0].report
    return workbook_name(first.agency, first.source.path, [r.report.year for r in reviews])


def workbook_name(agency: str | None, path: str, years: Iterable[int | None]) -> str:
    """``workbook_filename`` from what a streaming batch keeps of the reports: the first one's agency
    and file, and every year."""
    agency = agency or Path(path).stem
    known = sorted({y for y in years if y})
    year_text = "-".join(str(y) for y in known) if len(known) <= 3 else f"{known[0]}-{known[-1]}"
    name = _ILLEGAL.sub("_", f"{agency}_{year_text}" if year_text else agency).strip(" .")
    return f"{name[:MAX_NAME] or '报告'}_审阅底稿.xlsx"


def _parts(reviews: Sequence[Review]) -> list[ReportPart]:
    """Each report's label, its rules and outcomes, and the 序号 of its findings across the workbook."""
    labels = report_labels(reviews) if len(reviews) > 1 else [""] * len(reviews)
    parts: list[ReportPart] = []
    for review, label in zip(reviews, labels):
        rep = review.report
        previous = next((p for p in parts if rep.year and p.review.report.year == rep.year - 1
                         and same_agency(p.review.report.agency, rep.agency)[0]), None)
        findings = review.findings
        ran = previous is not None or any(f.rule in YEAR_RULES for f in findings)
        results = rule_results(rep, findings, review.cell, ran, review.compared_with)
        parts.append(ReportPart(label, review, results, SourceLines(rep.source.text), previous=previous))
    n = 0
    for part in parts:
        for result in part.results:
            for f in result.findings:
                n += 1
                part.numbers[id(f)] = n
    return parts


def build_workbook(reviews: Sequence[Review], reviewer: str = "", today: date | None = None) -> Workbook:
    reviews = sorted(reviews, key=lambda r: (r.report.year or 0, r.report.source.path))
    frame = Frame.of(reviews, reviewer, today or date.today())
    parts = _parts(reviews)
    book = Book()
    taken: set[str] = set()
    overview = book.sheet(sheet_name("概览", "", taken), OVERVIEW_WIDTHS)
    index = frame.apply(overview.ws, "概览")
    page_setup(overview.ws)
    forms = []
    for part in parts:
        part.source_sheet = sheet_name("原文", part.label, taken)
        for table in TABLE_IDS:
            letter = f"表{TABLES[table].letter}"
            sheet = book.sheet(sheet_name(letter, part.label, taken), dict(enumerate(FORM_WIDTHS[table], start=1)))
            forms.append((sheet, part, table, letter))
    findings = book.sheet(sheet_name("检查结果", "", taken), FINDINGS_WIDTHS)
    trail = book.sheet(sheet_name("修改记录", "", taken), TRAIL_WIDTHS)
    sources = [book.sheet(p.source_sheet, SOURCE_WIDTHS, row_height=SOURCE_ROW_HEIGHT) for p in parts]
    taken.clear()

    write_overview(overview, parts, frame, index)
    for sheet, part, table, letter in forms:
        part.addresses.update(write_form_sheet(sheet, part.review, table, part.title if part.label else "", part.cell_numbers()))
        frame.apply(sheet.ws, letter, part.label or None)
        page_setup(sheet.ws, sheet.ws.print_title_rows)
    write_findings(findings, parts, f"被审阅单位：{frame.agency}　报告年度：{frame.years}")
    frame.apply(findings.ws, "检查结果")
    page_setup(findings.ws, findings.ws.print_title_rows)
    write_corrections(trail, parts)
    frame.apply(trail.ws, "修改记录")
    page_setup(trail.ws, trail.ws.print_title_rows)
    for sheet, part in zip(sources, parts):
        write_source(sheet, part)
        frame.apply(sheet.ws, "原文", part.label or None)
        page_setup(sheet.ws, sheet.ws.print_title_rows)

    first = reviews[0].report
    props = book.wb.properties
    props.title = f"{first.agency or ''}政府信息公开工作年度报告审阅底稿"
    props.subject = "政府信息公开工作年度报告审阅"
    props.creator = reviewer or APP_NAME
    props.lastModifiedBy = WRITER  # Excel/WPS put the user's name here when they save
    props.description = f"{APP_NAME} {version()}"
    props.keywords = "政府信息公开; 年度报告; 审阅"
    return book.wb


def save_workbook(reviews: Sequence[Review], path: str | os.PathLike[str], reviewer: str = "",
                  force: bool = False) -> Path:
    """Write atomically (temp file, then replace), with the user's umask. Refuses, with a reason the user
    can act on, to replace a workbook that is open in Excel/WPS, or one that somebody saved from Excel/WPS
    since we wrote it, unless ``force`` (the window's save dialog has asked the user; the batch reports it)."""
    target = Path(path)
    lock = target.with_name("~$" + target.name)
    if lock.exists():
        raise ReportError(str(target), "该工作簿正在 Excel/WPS 中打开，请关闭后再保存")
    if not force and target.exists() and _last_writer(target) != WRITER:
        raise ReportError(str(target), "同名工作簿已在 Excel/WPS 中修改过，为免覆盖他人的修改，未写入（请换文件夹或先移走该文件）")
    target.parent.mkdir(parents=True, exist_ok=True)
    save_atomically(build_workbook(reviews, reviewer), target)
    return target


def save_atomically(wb: Workbook, target: Path) -> None:
    """Save beside the target under a fresh name (created with the user's umask), then rename over it."""
    tmp = temp_path(target)
    try:
        writer.save(wb, tmp)
        os.replace(tmp, target)
    except PermissionError:
        _unlink(tmp)
        raise ReportError(str(target), "无法写入（文件被占用或没有写权限），请关闭该工作簿后重试") from None
    except OSError as exc:
        _unlink(tmp)
        raise ReportError(str(target), f"无法写入：{exc.strerror or exc}") from None


def _last_writer(path: Path) -> str | None:
    """docProps/core.xml's lastModifiedBy, read without loading the workbook."""
    try:
        with zipfile.ZipFile(path) as z:
            core = z.read("docProps/core.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    m = re.search(r"<cp:lastModifiedBy>([^<]*)</cp:lastModifiedBy>", core)
    return html.unescape(m.group(1)) if m else None


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
