"""The workbooks as printed: LibreOffice opens every workbook of the batch and prints it to PDF (a
private profile, so concurrent runs do not collide); the pages are read back with pdfplumber. Body text
is at least 9 pt on A4 landscape, nothing crosses the margins or a cell border (no column or row cut),
every page is numbered, red cells carry their finding's 序号, a corrected cell says so, a missing table
prints its banner, table C prints as one row of 15 and 原文 prints its line numbers."""
from __future__ import annotations

import re
import shutil
import subprocess

import pdfplumber
import pytest

from core.export.workbook.findings_sheet import COLUMNS
from core.template import all_cells
from tests.workbook.conftest import Batch

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: .ci/run installs it")
MARGIN = 0.4 * 72  # left and right page margins, points
MIN_SIZE = 9.0


@pytest.fixture(scope="session")
def printed(batch: Batch, tmp_path_factory) -> dict[str, list]:
    """Workbook file name → its PDF pages (text, chars, edges)."""
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo_profile")
    books = sorted(batch.out.glob("*.xlsx"))
    done = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(out), *map(str, books)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    pages = {}
    for book in books:
        pdf = out / (book.stem + ".pdf")
        assert pdf.exists(), f"LibreOffice could not open {book.name}: {done.stderr}"
        with pdfplumber.open(pdf) as doc:
            pages[book.name] = [{"text": p.extract_text() or "", "chars": p.chars, "width": p.width,
                                 "height": p.height, "edges": [e for e in p.edges if e["orientation"] == "h"]}
                                for p in doc.pages]
    return pages


def test_every_workbook_prints_on_a4_landscape_with_readable_text(printed):
    assert len(printed) == 6  # five agencies' workbooks and 汇总
    for name, pages in printed.items():
        for n, page in enumerate(pages, start=1):
            assert round(page["width"]) == 842 and round(page["height"]) == 595, (name, n)
            small = {c["text"] for c in page["chars"] if c["size"] < MIN_SIZE - 0.05}
            assert not small, (name, n, sorted(small)[:10], min(c["size"] for c in page["chars"]))


def test_margins_kept_and_nothing_cut(printed):
    for name, pages in printed.items():
        for n, page in enumerate(pages, start=1):
            for c in page["chars"]:
                if c["bottom"] < 0 or c["top"] > page["height"]:
                    continue  # a merged label's text that LibreOffice draws again, off the page, on a later page
                assert MARGIN - 1 <= c["x0"] and c["x1"] <= page["width"] - MARGIN + 1, (name, n, c["text"])
                assert 0 <= c["top"] and c["bottom"] <= page["height"], (name, n, c["text"])
            crossing = [c["text"] for c in page["chars"] if c["text"].strip() and any(
                c["top"] + 1.5 < e["top"] < c["bottom"] - 1.5 and e["x0"] < c["x1"] - 1 and c["x0"] + 1 < e["x1"]
                for e in page["edges"])]
            assert not crossing, (name, n, "".join(crossing)[:60])  # text running over a cell's border


def test_every_page_is_numbered_and_every_column_is_on_the_page(printed):
    for name, pages in printed.items():
        for n, page in enumerate(pages, start=1):
            assert f"第 {n} 页 共 {len(pages)} 页" in page["text"], (name, n)
            if "序号 规则 检查内容" in page["text"]:
                assert " ".join(COLUMNS[-4:]) in page["text"], (name, n)  # the last columns are not cut off


def _page(printed, book: str, sheet_heading: str) -> str:
    return next(p["text"] for p in printed[book] if sheet_heading in p["text"])


def test_print_shows_finding_numbers_corrections_banner_and_table_c(printed, batch: Batch):
    xingyi = batch.workbook("002").name
    table_b = next(p["text"] for p in printed[xingyi] if re.search(r"表B 收到和处理政府信息公开申请情况\s*2024年度报告\n", p["text"]))
    assert re.search(r"50 改\[\d+(,\d+)*\]", table_b)  # corrected and failing: both shown
    assert re.search(r"\b49 \[\d+\]", table_b)  # a red cell and the 序号 of its finding
    missing = _page(printed, batch.workbook("001").name, "表A 主动公开政府信息情况")
    assert "报告未附本表" in missing
    table_c = next(p["text"] for p in printed[xingyi] if re.search(r"表C 政府信息公开行政复议、行政诉讼情况\s*2024年度报告\n", p["text"]))
    review = batch.review("002")
    values = " ".join(str(review.cell(k).value) for k in all_cells("review_litigation"))
    assert values in table_c  # one printed row of 15
    source = _page(printed, xingyi, "原文：" + str(batch.files["002"]))
    assert re.search(r"^1 ", source.split("行号 原文", 1)[1].lstrip(), re.M)


def test_summary_prints_title_totals_and_counts(printed, batch: Batch):
    text = printed["汇总.xlsx"][0]["text"]
    assert "政府信息公开工作年度报告审阅汇总" in text and "批次日期：" in text
    assert "审阅结论统计" in text and "待定问题（条）" in text
    assert "合计" in "\n".join(p["text"] for p in printed["汇总.xlsx"])
