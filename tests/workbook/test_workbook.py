"""The audit workbook opened with openpyxl as an auditor's script would: sheet names, the working-paper
frame, conclusions that follow the verdicts, every rule with its 依据, formulas that recompute the
equations (also across years), typed numbers and dates, the audit trail, 汇总, file modes and the CLI."""
from __future__ import annotations

import re
import shutil
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.batch import export_paths, group_by_agency
from core.checks import RULES
from core.equations import all_equations
from core.errors import ReportError
from core.export import style
from core.export.workbook import save_workbook, workbook_filename
from core.export.workbook.findings_sheet import COLUMNS, HEADER_ROW
from core.export.workbook.frame import MAX_SHEET_NAME, report_labels, sheet_name
from core.export.workbook.other_sheets import TRAIL_COLUMNS
from core.export.workbook.parts import SourceLines
from core.review import Conclusion, Review
from core.review.session import load_entry
from core.template import TABLE_IDS, CellKey, all_cells
from tests.workbook.conftest import CHECKER, NEW_NATURAL, PREPARER, Batch

ROOT = Path(__file__).resolve().parents[2]
REF = re.compile(r"'?([^'!=+\-]+)'?!\$?([A-Z]+)\$?(\d+)")
COL = {name: i for i, name in enumerate(COLUMNS, start=1)}
FORBIDDEN = set("[]:*?/\\")


def review_of(folder: Path, prefix: str) -> Review:
    return load_entry(str(next(folder.glob(f"{prefix}_*.txt")))).review


def cell_at(wb, sheet: str, col: str, row: str):
    return wb[sheet][f"{col}{row}"]


def refs(formula: str) -> list[tuple[str, str, str]]:
    return REF.findall(formula)


def evaluate(wb, formula: str):
    """A side formula: '=A+B-C' over table cells, evaluated from the cells it names."""
    total, sign = 0, 1
    for token in re.findall(r"[+\-]|'[^']+'!\$[A-Z]+\$\d+|[^'+\-=]+!\$[A-Z]+\$\d+", formula.lstrip("=")):
        if token in "+-":
            sign = 1 if token == "+" else -1
            continue
        (sheet, col, row), = refs(token)
        total += sign * (cell_at(wb, sheet, col, row).value or 0)
    return total


def finding_rows(ws):
    """(row number, rule id, values by column name) of every rule and finding row of 检查结果."""
    out = []
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        rule = ws.cell(r, COL["规则"]).value
        if rule:
            out.append((r, rule.split("\n")[0], {name: ws.cell(r, c).value for name, c in COL.items()}))
    return out


def overview_value(ws, label: str):
    return next(ws.cell(r, 2).value for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)


def link_target(formula: str) -> str:
    return re.match(r'=HYPERLINK\("([^"]*)"', formula).group(1)


# --- names and frame ---------------------------------------------------------------------------------
def test_sheet_names_are_valid_and_unique_for_duplicates_and_years(batch: Batch):
    for w in batch.result.workbooks:
        names = load_workbook(w.path).sheetnames
        assert len({n.casefold() for n in names}) == len(names)
        assert all(len(n) <= MAX_SHEET_NAME and not FORBIDDEN & set(n) and not n.startswith("'")
                   and not n.endswith("'") for n in names), names
    assert load_workbook(batch.workbook("002")).sheetnames == [
        "概览", "表A 2023年", "表B 2023年", "表C 2023年", "表A 2024年", "表B 2024年", "表C 2024年",
        "表A 2024年(2)", "表B 2024年(2)", "表C 2024年(2)", "检查结果", "修改记录", "原文 2023年", "原文 2024年",
        "原文 2024年(2)"]


def test_sheet_name_edge_cases():
    taken: set[str] = set()
    long = "表B " + "很长的标签" * 10
    assert len(sheet_name("表B", "很长的标签" * 10, taken)) == MAX_SHEET_NAME
    again = sheet_name("表B", "很长的标签" * 10, taken)
    assert again != long[:31] and len(again) == MAX_SHEET_NAME and again.endswith("(2)")
    assert sheet_name("原文", "a[1]:b*?/\\'c", taken) == "原文 a1bc"
    assert sheet_name("X", "", taken) == "X" and sheet_name("x", "", taken) == "x(2)"  # Excel ignores case


def test_labels_number_the_second_report_of_a_year(batch: Batch):
    group = next(batch.reviews_in(w) for w in batch.result.workbooks if len(w.reports) == 3)
    ordered = sorted(group, key=lambda r: (r.report.year or 0, r.report.source.path))
    assert report_labels(ordered) == ["2023年", "2024年", "2024年(2)"]


def test_every_sheet_has_the_working_paper_frame(batch: Batch):
    index = re.compile(r"索引号：NB-(\d{4}(?:-\d{4})?)-(.+)-([A-Z])(?:-(\d+))?$")
    for w in batch.result.workbooks:
        wb = load_workbook(w.path)
        agency = w.reports[0].agency
        seen = set()
        for ws in wb.worksheets:
            assert ws.oddHeader.left.text == f"被审阅单位：{agency}"
            assert ws.oddHeader.center.text.startswith("报告年度：")
            m = index.match(ws.oddHeader.right.text)
            assert m, ws.oddHeader.right.text
            seen.add(m.group(0))
            assert ws.oddFooter.left.text.startswith(f"编制人：{PREPARER}　日期：")
            assert ws.oddFooter.center.text.startswith("复核人：")
            assert ws.oddFooter.right.text == "第 &P 页 共 &N 页"
            assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert len(seen) == len(wb.worksheets)  # one 索引号 per sheet
    wb = load_workbook(batch.workbook("002"))
    assert wb["表B 2024年(2)"].oddHeader.right.text == "索引号：NB-2024-兴义市-B-2"
    assert wb["概览"].oddHeader.right.text == "索引号：NB-2023-2024-兴义市-G"
    signed = load_workbook(batch.workbook("003"))
    assert signed["检查结果"].oddFooter.center.text == f"复核人：{CHECKER}　日期：2025-02-03"


def test_overview_review_block_and_evidence_row(batch: Batch):
    ws = load_workbook(batch.workbook("003"))["概览"]
    assert overview_value(ws, "复核人") == CHECKER
    assert overview_value(ws, "复核日期") == datetime(2025, 2, 3)
    assert overview_value(ws, "复核意见") == "同意编制人意见。"
    assert overview_value(ws, "编制人（审阅人）") == PREPARER
    assert isinstance(overview_value(ws, "编制日期"), datetime)
    assert overview_value(ws, "报告年度") == 2023
    assert overview_value(ws, "来源证据") is None  # no fetch record: an empty place the fetcher fills
    unsigned = load_workbook(batch.workbook("001"))["概览"]
    assert overview_value(unsigned, "复核人") is None and "＿" in unsigned.oddFooter.center.text


# --- conclusions -------------------------------------------------------------------------------------
def test_conclusions_follow_the_verdicts_in_every_sheet_and_the_summary(batch: Batch):
    expected = {"000": (Conclusion.PASS, Conclusion.PASS), "001": (Conclusion.FAIL, Conclusion.OPEN),
                "002": (Conclusion.FAIL, Conclusion.FAIL),  # corrected, its B01 finding confirmed
                "copy": (Conclusion.FAIL, Conclusion.OPEN), "previous": (Conclusion.PASS, Conclusion.PASS),
                "003": (Conclusion.CHECK, Conclusion.PASS)}  # every finding rejected
    summary = load_workbook(batch.out / "汇总.xlsx")["报告汇总"]
    header = next(r for r in range(1, 20) if summary.cell(r, 1).value == "序号")
    by_file = {summary.cell(r, 5).value: [c.value for c in summary[r]] for r in range(header + 1, summary.max_row)
               if summary.cell(r, 5).value}
    for role, (auto, final) in expected.items():
        review = batch.review(role)
        assert (review.automatic_conclusion, review.conclusion) == (auto, final), role
        wb = load_workbook(batch.workbook(role))
        ov = wb["概览"]
        row = next(r for r in range(1, ov.max_row) if ov.cell(r, 2).value in {c.value for c in Conclusion}
                   and ov.cell(r, 1).value and "年度报告" in ov.cell(r, 1).value
                   and _is_row_of(wb, ov.cell(r, 1).value, review))
        assert (ov.cell(row, 2).value, ov.cell(row, 3).value) == (auto.value, final.value), role
        assert ov.cell(row, 3).fill.start_color.rgb == style.argb(getattr(style, final.colour_role))
        group = next(v for r in range(HEADER_ROW + 1, wb["检查结果"].max_row + 1)
                     if (v := wb["检查结果"].cell(r, 1).value) and isinstance(v, str) and review.report.source.path in v)
        assert f"自动结论：{auto.value}　审阅结论：{final.value}" in group
        line = by_file[review.report.source.path]
        if role == "copy":  # the same text as 002: listed in 汇总, counted once
            assert line[7].startswith("重复（同002_") and line[12] is None
            continue
        assert (line[7], line[8]) == (auto.value, final.value), role
        assert line[12] == len(review.open_findings)
    assert load_workbook(batch.workbook("003"))["概览"]["B10"].value == Conclusion.PASS.value


def _is_row_of(wb, title: str, review: Review) -> bool:
    ws = wb["概览"]
    paths = [ws.cell(r + 1, 2).value for r in range(1, ws.max_row) if ws.cell(r, 1).value == title]
    return review.report.source.path in paths


# --- 检查结果 -------------------------------------------------------------------------------------------
def test_every_rule_is_listed_with_its_basis_and_outcome(batch: Batch):
    wb = load_workbook(batch.workbook("002"))
    rows = finding_rows(wb["检查结果"])
    outcomes = {"通过", "不通过", "无法核对", "不适用", "提示"}
    per_report = len(rows) // 3
    first_ids = list(dict.fromkeys(rule for _, rule, _ in rows[:per_report]))
    assert first_ids == list(RULES)  # the 2023 report: every rule, in catalogue order
    for r, rule, v in rows:
        result = v["结果"]
        assert result in outcomes or result.startswith("=IF("), (rule, result)
        if v["检查内容"]:
            assert v["检查内容"] == RULES[rule].title and v["依据"] == RULES[rule].basis
    by_rule = {rule: v for _, rule, v in rows[:per_report]}
    assert by_rule["X01"]["结果"] == "不适用" and "上一年度" in by_rule["X01"]["问题说明"]
    assert by_rule["T06"]["结果"] == "不适用"  # an office, not a government
    assert by_rule["B01"]["结果"] == "通过"
    missing = load_workbook(batch.workbook("001"))["检查结果"]
    by_rule = {rule: v for _, rule, v in finding_rows(missing)}
    assert by_rule["B01"]["结果"] == "无法核对" and by_rule["B01"]["问题说明"] == "报告未附表B"
    legend = " ".join(str(missing.cell(r, 1).value) for r in range(1, HEADER_ROW))
    assert all(f"{o}＝" in legend for o in outcomes) and "国办公开办函〔2021〕30号" in legend


def test_every_rule_has_a_short_citation():
    from core.checks.catalogue import BASIS, BASIS_SOURCES

    assert set(BASIS) == set(RULES)
    sources = [short for short, _ in BASIS_SOURCES]
    for rid, rule in RULES.items():
        assert rule.basis and len(rule.basis) <= 30, rid
        assert any(s in rule.basis for s in sources), (rid, rule.basis)  # every abbreviation is spelled out


def test_every_formula_recomputes_its_equation(samples: Path, tmp_path: Path):
    """All rules with an equation, on every sample: the live formulas, evaluated from the cells they
    point at, give the finding's own left and right values; the test of the two sides is live too."""
    checked = set()
    for path in sorted(samples.glob("*.txt")):
        review = load_entry(str(path)).review
        if path.name.startswith("002"):  # it passes every equation: break one of each rule by hand
            for eq in {e.rule: e for e in reversed(all_equations())}.values():
                key = eq.rhs[0] if eq.relation == ">=" else eq.lhs[0]
                review.set_cell(key, str(review.cell(key).value + 1000))
        wb = load_workbook(save_workbook([review], tmp_path / f"{path.stem}.xlsx"))
        for r, rule, v in finding_rows(wb["检查结果"]):
            if isinstance(v["左边"], str) and v["左边"].startswith("="):
                f = next(f for f in review.findings if f.message == v["问题说明"])
                assert evaluate(wb, v["左边"]) == f.lhs_value, (path.name, rule)
                assert evaluate(wb, v["右边"]) == f.rhs_value, (path.name, rule)
                assert v["差额"] == f"=G{r}-H{r}" and v["结果"].startswith("=IF(G")
                checked.add(rule)
    assert checked == {"A01", "B01", "B02", "B03", "C01"}


def test_year_over_year_formulas_point_at_last_years_sheet(batch: Batch):
    wb = load_workbook(batch.workbook("002"))
    x01 = [(r, v) for r, rule, v in finding_rows(wb["检查结果"]) if rule == "X01" and v["序号"]]
    assert x01
    review = batch.review("002")
    for r, v in x01:
        (left_sheet, *_), = refs(v["左边"])
        (right_sheet, *_), = refs(v["右边"])
        assert left_sheet.startswith("表B 2024年") and right_sheet == "表B 2023年"
        f = next(f for f in review.findings + batch.review("copy").findings if f.message == v["问题说明"])
        assert (evaluate(wb, v["左边"]), evaluate(wb, v["右边"])) == (f.lhs_value, f.rhs_value) == (1, 3)
    x02 = [v for _, rule, v in finding_rows(wb["检查结果"]) if rule == "X02" and v["序号"]]
    assert x02
    for v in x02:
        (left, *_), = refs(v["左边"])
        assert [s for s, *_ in refs(v["右边"])] == ["表A 2023年", left, left]
        assert "-" in v["右边"]  # 现行有效(上年) + 制发 − 废止


def test_evidence_quotes_every_cell_with_its_line(batch: Batch):
    wb = load_workbook(batch.workbook("002"))
    review = batch.review("002")
    lines = SourceLines(review.report.source.text)
    b01 = next(v for _, rule, v in finding_rows(wb["检查结果"]) if rule == "B01" and v["序号"])
    quotes = b01["原文摘录"].split("\n")
    finding = next(f for f in review.findings if f.rule == "B01")
    assert len(quotes) == len(finding.cells) == 4  # all of its cells, not three
    for quote, key in zip(quotes, sorted(finding.cells, key=lambda k: review.parsed(k).span)):
        number = lines.number(review.parsed(key).span[0])
        assert quote.startswith(f"第{number}行 ") and review.parsed(key).raw in quote
    source = wb["原文 2024年"]
    assert source.cell(lines.row(52), 1).value == 52 and source.cell(lines.row(52), 2).value == lines.line(52)


def test_source_sheet_is_numbered_line_by_line(batch: Batch):
    review = batch.review("004")
    ws = load_workbook(batch.workbook("004"))["原文"]
    lines = SourceLines(review.report.source.text)
    for number, line in enumerate(lines.lines, start=1):
        if line.strip():
            assert ws.cell(lines.row(number), 1).value == number
            assert ws.cell(lines.row(number), 2).value == line


# --- the tables --------------------------------------------------------------------------------------
def addresses(review: Review, wb, suffix: str = "") -> dict[CellKey, tuple[str, str, str]]:
    """Every value cell found by its place in the printed form (below the title, the legend and, for a
    table the report lacks, the banner)."""
    from core.export.form_grid import form_layout

    out = {}
    for table in TABLE_IDS:
        sheet = f"表{ {'active': 'A', 'applications': 'B', 'review_litigation': 'C'}[table]}{suffix}"
        top = 4 if str(wb[sheet]["A3"].value).startswith("报告未附本表") else 3
        for key, (r, c) in form_layout(table).positions.items():
            out[key] = (sheet, chr(ord("A") + c), str(top + r))
    return out


def test_every_value_lands_in_its_cell_as_a_number(batch: Batch):
    for role in ("000", "002", "003", "004"):
        review = batch.review(role)
        wb = load_workbook(batch.workbook(role))
        suffix = " 2024年" if role == "002" else ""
        where = addresses(review, wb, suffix)
        for table in TABLE_IDS:
            for key in all_cells(table):
                cell = cell_at(wb, *where[key])
                expected = review.cell(key)
                if expected.is_number:
                    assert isinstance(cell.value, (int, float)) and cell.value == float(expected.value), (role, key.id)
                else:
                    assert cell.value is None or isinstance(cell.value, str), (role, key.id)


def test_table_c_prints_as_one_row_of_fifteen(batch: Batch):
    review = batch.review("002")
    ws = load_workbook(batch.workbook("002"))["表C 2024年"]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A3:E3", "F3:O3", "F4:J4", "K4:O4"} <= merged
    assert (ws["A3"].value, ws["F3"].value, ws["F4"].value, ws["K4"].value) == (
        "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉")
    row = [ws.cell(6, c).value for c in range(1, 16)]
    assert row == [review.cell(k).value for k in all_cells("review_litigation")]
    assert all(isinstance(v, int) for v in row) and ws.max_row == 6


def test_fee_keeps_its_decimal_places(batch: Batch):
    review = batch.review("000")
    wb = load_workbook(batch.workbook("000"))
    fee = cell_at(wb, *addresses(review, wb)[CellKey("active", "行政事业性收费", 0)])
    assert str(fee.value) in ("0.984", "0.9840") and fee.number_format == "0.0000"


def test_red_cells_carry_their_finding_numbers_and_corrections_show_both(batch: Batch):
    review = batch.review("002")
    wb = load_workbook(batch.workbook("002"))
    where = addresses(review, wb, " 2024年")
    numbers = {v["问题说明"]: v["序号"] for _, _, v in finding_rows(wb["检查结果"]) if v["序号"]}
    corrected = cell_at(wb, *where[NEW_NATURAL])
    assert corrected.value == 50
    assert corrected.fill.start_color.rgb == style.argb(style.ERROR) and corrected.font.b and corrected.font.i
    expected = sorted(numbers[f.message] for f in review.findings if NEW_NATURAL in f.cells)
    assert f'" 改[{",".join(map(str, expected))}]"' in corrected.number_format
    assert "原值 51 → 50" in corrected.comment.text and "核对原件" in corrected.comment.text
    for f in review.findings:
        if f.rule == "B01":
            for key in f.cells:
                cell = cell_at(wb, *where[key])
                assert f"{numbers[f.message]}" in re.search(r"\[([\d,…]+)\]", cell.number_format).group(1)
                assert cell.fill.start_color.rgb == style.argb(style.ERROR)
    untouched = cell_at(wb, *where[CellKey("applications", "予以公开", 3)])
    assert untouched.fill.fill_type is None and untouched.number_format == "0"


def test_missing_table_prints_a_banner(batch: Batch):
    review = batch.review("001")
    wb = load_workbook(batch.workbook("001"))
    for letter in "ABC":
        ws = wb[f"表{letter}"]
        assert ws["A3"].value.startswith("报告未附本表") and "有标题，但未附表格" in ws["A3"].value
    cell = cell_at(wb, *addresses(review, wb)[NEW_NATURAL])
    assert cell.value is None and cell.fill.start_color.rgb == style.argb(style.MISSING)


# --- 修改记录 --------------------------------------------------------------------------------------------
def test_trail_has_corrections_and_verdicts_as_numbers_and_times(batch: Batch):
    ws = load_workbook(batch.workbook("002"))["修改记录"]
    col = {name: i for i, name in enumerate(TRAIL_COLUMNS, start=1)}
    assert ws.cell(1, col["时间"]).value.startswith("时间（UTC")
    rows = [{n: ws.cell(r, c).value for n, c in col.items()} for r in range(2, ws.max_row + 1)]
    correction = next(r for r in rows if r["类别"] == "修正")
    assert (correction["原值"], correction["新值"], correction["说明"], correction["人员"]) == (51, 50, "核对原件", PREPARER)
    assert isinstance(correction["时间"], datetime) and correction["报告"] == "2024年"
    assert link_target(correction["位置"]) == "#'表B 2024年'!D6"
    verdict = next(r for r in rows if r["类别"] == "审核意见")
    assert (verdict["原值"], verdict["新值"], verdict["说明"]) == ("待定", "确认", "原件为 50")
    assert re.match(r"\[\d+\] B01 ", verdict["对象"])
    signed = load_workbook(batch.workbook("003"))["修改记录"]
    kinds = [signed.cell(r, col["类别"]).value for r in range(2, signed.max_row + 1)]
    assert kinds.count("审核意见") == len(batch.review("003").findings) and kinds[-1] == "复核"


# --- 汇总 ------------------------------------------------------------------------------------------------
def test_summary_has_title_totals_counts_borders_and_filter(batch: Batch):
    wb = load_workbook(batch.out / "汇总.xlsx")
    assert wb.sheetnames == ["报告汇总", "规则统计"]
    ws = wb["报告汇总"]
    assert ws["A1"].value == "政府信息公开工作年度报告审阅汇总"
    assert "批次日期：" in ws["A2"].value and f"审阅人：{PREPARER}" in ws["A2"].value
    header = next(r for r in range(1, 20) if ws.cell(r, 1).value == "序号")
    columns = [c.value for c in ws[header]]
    assert columns[7:9] == ["自动结论", "审阅结论"] and "待定" in columns and "来源证据" in columns
    first, total = header + 1, ws.max_row
    assert ws.cell(total, 1).value == "合计"
    errors = columns.index("错误") + 1
    assert ws.cell(total, errors).value == f"=SUM(J{first}:J{total - 1})"
    body = range(first, total)
    counted = [r for w in batch.result.workbooks for r in batch.reviews_in(w) if r is not batch.review("copy")]
    assert sum(ws.cell(r, errors).value or 0 for r in body) == sum(
        sum(f.severity.value == "error" for f in r.findings) for r in counted)  # the duplicate counted once
    counts = {ws.cell(r, 1).value: ws.cell(r, 4).value for r in range(4, header - 1)}
    for c in Conclusion:
        assert counts[c.value] == f'=COUNTIF(I{first}:I{total - 1},"{c.value}")'
    assert counts["待定问题（条）"] == f"=SUM(M{first}:M{total - 1})"
    assert ws.auto_filter.ref == f"A{header}:Q{total - 1}"
    from openpyxl.cell.cell import MergedCell

    assert all(ws.cell(r, c).border.left.style == "thin" for r in body for c in range(1, len(columns) + 1)
               if not isinstance(ws.cell(r, c), MergedCell))  # inside a merged cell there is no border
    years = [ws.cell(r, 4).value for r in body if ws.cell(r, 4).value is not None]
    assert years and all(isinstance(y, int) for y in years)
    broken = next(r for r in body if str(ws.cell(r, 5).value).endswith("broken.txt"))
    assert ws.cell(broken, 9).value == "无法读取" and "二进制" in ws.cell(broken, 15).value
    linked = [link_target(ws.cell(r, 17).value) for r in body if str(ws.cell(r, 17).value).startswith("=HYPERLINK")]
    assert sorted(set(linked)) == sorted(w.path.name for w in batch.result.workbooks)
    rules = wb["规则统计"]
    shares = [rules.cell(r, 6) for r in range(3, rules.max_row + 1)]
    assert all(isinstance(c.value, float) and c.number_format == "0%" for c in shares)


# --- files -----------------------------------------------------------------------------------------------
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_files_are_written_with_the_users_umask(batch: Batch):
    written = list(batch.out.glob("*.xlsx"))
    assert len(written) == len(batch.result.workbooks) + 1
    for path in written + list(batch.inputs.glob("*.review.json")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_refuses_to_overwrite_an_open_or_hand_edited_workbook(samples: Path, tmp_path: Path):
    review = review_of(samples, "002")
    target = tmp_path / "x.xlsx"
    save_workbook([review], target)
    save_workbook([review], target)  # our own earlier output is replaced
    wb = load_workbook(target)
    wb.properties.lastModifiedBy = "张审计"  # what Excel/WPS write when the auditor saves there
    wb.save(target)
    with pytest.raises(ReportError, match="修改过"):
        save_workbook([review], target)
    out = tmp_path / "batch"
    out.mkdir()
    shutil.copy(target, out / workbook_filename([review]))
    result = export_paths([str(next(samples.glob("002_*")))], out)
    assert result.exit_status == 2 and "修改过" in result.workbooks[0].error
    save_workbook([review], target, force=True)
    (tmp_path / "~$x.xlsx").write_text("lock")
    with pytest.raises(ReportError, match="正在 Excel/WPS 中打开"):
        save_workbook([review], target, force=True)


def test_several_years_of_one_agency_share_a_workbook(batch: Batch):
    group = group_by_agency([batch.review("002"), batch.review("previous")])
    assert len(group) == 1 and workbook_filename(group[0]).endswith("2023-2024_审阅底稿.xlsx")


def test_export_cli(samples: Path, tmp_path: Path):
    out = tmp_path / "cli"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(next(samples.glob("002_*"))),
                           "--out", str(out)], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert (out / "汇总.xlsx").exists() and len(list(out.glob("*审阅底稿.xlsx"))) == 1
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(samples / "nope.txt"),
                           "--out", str(out)], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 2 and "nope.txt：文件不存在" in done.stderr and "Traceback" not in done.stderr


def test_batch_on_worker_processes(samples: Path, tmp_path: Path, monkeypatch):
    """Big batches read and write on a process pool: reviews must travel there and back intact."""
    import core.streaming

    monkeypatch.setattr(core.streaming, "PARALLEL_FROM", 2)
    result = export_paths([str(samples)], tmp_path / "pool", jobs=2)
    assert result.exit_status == 1  # sample 001 has missing tables (errors), nothing unreadable
    assert sorted(w.path.name for w in result.workbooks) == sorted(
        p.name for p in (tmp_path / "pool").glob("*_审阅底稿.xlsx"))
    wb = load_workbook(next((tmp_path / "pool").glob("兴义*.xlsx")))
    assert wb["表B"]["D6"].value == 51


def test_progress_bar_only_on_a_terminal():
    import io

    from core.cli.export_cmd import ProgressBar

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    piped, tty = io.StringIO(), Tty()
    for stream in (piped, tty):
        bar = ProgressBar(stream)
        bar(1, 2, "a.txt")
        bar(2, 2, "b.txt")
    assert piped.getvalue() == ""
    assert "2/2" in tty.getvalue() and tty.getvalue().endswith("\n")
