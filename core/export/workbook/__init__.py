"""The audit workbook: one .xlsx per agency (several years of one agency share it), laid out as an
auditor's working paper. ``save_workbook`` is what the window's Ctrl+S and the batch export call."""
from __future__ import annotations

import html
import os
import re
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from core.errors import ReportError
from core.export.workbook.findings_sheet import write_findings
from core.export.workbook.form_sheet import write_form_sheet
from core.export.workbook.other_sheets import (
    write_corrections,
    write_overview,
    write_source,
)
from core.review import Review
from core.template import TABLE_IDS, TABLES, CellKey
from core.version import APP_NAME, version

_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
MAX_NAME = 80
WRITER = f"{APP_NAME}（自动生成）"


def workbook_filename(reviews: Sequence[Review]) -> str:
    """'<agency>_<years>_审阅底稿.xlsx', safe on Windows."""
    first = reviews[0].report
    agency = first.agency or Path(first.source.path).stem
    years = sorted({r.report.year for r in reviews if r.report.year})
    year_text = "-".join(str(y) for y in years) if len(years) <= 3 else f"{years[0]}-{years[-1]}"
    name = _ILLEGAL.sub("_", f"{agency}_{year_text}" if year_text else agency).strip(" .")
    return f"{name[:MAX_NAME] or '报告'}_审阅底稿.xlsx"


def _label(review: Review, several: bool) -> str:
    year = review.report.year
    return f"{year}年" if several and year else (str(year) if year else Path(review.report.source.path).stem[:10])


def build_workbook(reviews: Sequence[Review], reviewer: str = "") -> Workbook:
    reviews = sorted(reviews, key=lambda r: (r.report.year or 0, r.report.source.path))
    several = len(reviews) > 1
    wb = Workbook()
    overview = wb.active
    overview.title = "概览"
    write_overview(overview, list(reviews), reviewer)
    items: list[tuple[str, Review, dict[CellKey, str]]] = []
    used: set[str] = set()
    for review in reviews:
        label = _label(review, several)
        addresses: dict[CellKey, str] = {}
        rep = review.report
        heading = f"{rep.agency or ''} {rep.year or ''}年度".strip()
        for table in TABLE_IDS:
            title = f"表{TABLES[table].letter}" + (f" {label}" if several else "")
            while title in used:
                title += "'"
            used.add(title)
            addresses.update(write_form_sheet(wb.create_sheet(title), review, table, heading))
        items.append((label, review, addresses))
    write_findings(wb.create_sheet("检查结果"), items)
    write_corrections(wb.create_sheet("修改记录"), items)
    for label, review, _ in items:
        write_source(wb.create_sheet("原文" + (f" {label}" if several else "")), review)
    first = reviews[0].report
    props = wb.properties
    props.title = f"{first.agency or ''}政府信息公开工作年度报告审阅底稿"
    props.subject = "政府信息公开工作年度报告审阅"
    props.creator = reviewer or APP_NAME
    props.lastModifiedBy = WRITER  # Excel/WPS put the user's name here when they save
    props.description = f"{APP_NAME} {version()}"
    props.keywords = "政府信息公开; 年度报告; 审阅"
    return wb


def save_workbook(reviews: Sequence[Review], path: str | os.PathLike[str], reviewer: str = "",
                  force: bool = False) -> Path:
    """Write atomically (temp file, then replace). Refuses, with a reason the user can act on, to
    replace a workbook that is open in Excel/WPS, or one that somebody saved from Excel/WPS since we
    wrote it, unless ``force`` (the window's save dialog has asked the user; the batch reports it)."""
    target = Path(path)
    lock = target.with_name("~$" + target.name)
    if lock.exists():
        raise ReportError(str(target), "该工作簿正在 Excel/WPS 中打开，请关闭后再保存")
    if not force and target.exists() and _last_writer(target) != WRITER:
        raise ReportError(str(target), "同名工作簿已在 Excel/WPS 中修改过，为免覆盖他人的修改，未写入（请换文件夹或先移走该文件）")
    target.parent.mkdir(parents=True, exist_ok=True)
    wb = build_workbook(reviews, reviewer)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    except PermissionError:
        _unlink(tmp)
        raise ReportError(str(target), "无法写入（文件被占用或没有写权限），请关闭该工作簿后重试") from None
    except OSError as exc:
        _unlink(tmp)
        raise ReportError(str(target), f"无法写入：{exc.strerror or exc}") from None
    return target


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
