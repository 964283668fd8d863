"""The audit workbook opened with openpyxl as an auditor's script would: values, colours, comments,
formulas that recompute the equations, the audit trail, the batch summary and the CLI."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.batch import export_paths, group_by_agency
from core.equations import all_equations
from core.errors import ReportError
from core.export import style
from core.export.form_grid import form_grid
from core.export.workbook import save_workbook, workbook_filename
from core.model import CellKind
from core.review import Review
from core.review.session import load_entry
from core.template import TABLE_IDS, CellKey, all_cells, cell_label

ROOT = Path(__file__).resolve().parents[2]
NEW_NATURAL = CellKey("applications", "本年新收", 0)
REF = re.compile(r"'?([^'!]+)'?!\$?([A-Z]+)\$?(\d+)")


@pytest.fixture
def folder(samples: Path) -> Path:
    return samples


def review_of(folder: Path, prefix: str) -> Review:
    return load_entry(str(next(folder.glob(f"{prefix}_*.txt")))).review


def cell_at(wb, address: str):
    sheet, col, row = REF.fullmatch(address).groups()
    return wb[sheet][f"{col}{row}"]


def addresses_of(wb, review: Review) -> dict[CellKey, str]:
    """Find every value cell by its position in the form grid (rows from 5, values from column C)."""
    out = {}
    for table in TABLE_IDS:
        letter = {"active": "A", "applications": "B", "review_litigation": "C"}[table]
        for key, (r, c) in form_grid(table).positions.items():
            out[key] = f"'表{letter}'!${chr(ord('C') + c)}${5 + r}"
    return out


def test_every_value_and_sheet(folder: Path, tmp_path: Path):
    review = review_of(folder, "002")
    path = save_workbook([review], tmp_path / workbook_filename([review]))
    assert path.name == "兴义市人民政府办公室_2024_审阅底稿.xlsx"
    wb = load_workbook(path)
    assert wb.sheetnames == ["概览", "表A", "表B", "表C", "检查结果", "修改记录", "原文"]
    where = addresses_of(wb, review)
    for table in TABLE_IDS:
        for key in all_cells(table):
            assert cell_at(wb, where[key]).value == review.cell(key).value, key.id
    assert wb["概览"]["B3"].value == "兴义市人民政府办公室"
    assert wb.properties.title.startswith("兴义市人民政府办公室")
    source_lines = [c.value or "" for c in wb["原文"]["A"][1:]]
    assert "\n".join(source_lines) == "\n".join(review.report.source.text.splitlines())


def test_fee_keeps_its_decimal_places(folder: Path, tmp_path: Path):
    review = review_of(folder, "000")
    wb = load_workbook(save_workbook([review], tmp_path / "a.xlsx"))
    fee = cell_at(wb, addresses_of(wb, review)[CellKey("active", "行政事业性收费", 0)])
    assert str(fee.value) in ("0.984", "0.9840") and fee.number_format == "0.0000"


def test_broken_equation_red_corrected_yellow_formulas_live(folder: Path, tmp_path: Path):
    review = review_of(folder, "002")
    review.set_cell(NEW_NATURAL, "50", reason="核对原件")
    wb = load_workbook(save_workbook([review], tmp_path / "b.xlsx"))
    where = addresses_of(wb, review)
    changed = cell_at(wb, where[NEW_NATURAL])
    assert changed.value == 50
    assert changed.fill.start_color.rgb == style.argb(style.ERROR)  # failed check wins over correction
    assert "原值 51 → 50" in changed.comment.text and "核对原件" in changed.comment.text
    total = cell_at(wb, where[CellKey("applications", "总计", 0)])
    assert total.fill.start_color.rgb == style.argb(style.ERROR) and "B01" in total.comment.text
    untouched = cell_at(wb, where[CellKey("applications", "予以公开", 3)])
    assert untouched.fill.fill_type is None

    ws = wb["检查结果"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["序号", "报告", "规则", "级别"] and "复核结论" in header
    rows = {ws.cell(r, 3).value: r for r in range(2, ws.max_row + 1)}
    b01 = rows["B01"]
    finding = next(f for f in review.findings if f.rule == "B01")
    for col, side in ((8, finding.equation.lhs), (9, finding.equation.rhs)):
        formula = ws.cell(b01, col).value
        refs = ["'%s'!$%s$%s" % m for m in REF.findall(formula)]
        assert refs == [where[k] for k in side]
        assert sum(cell_at(wb, a).value for a in refs) == sum(review.cell(k).value for k in side)
    assert ws.cell(b01, 10).value == f"=H{b01}-I{b01}"
    assert ws.cell(b01, 11).hyperlink.location == where[finding.cells[0]].replace("$", "")
    assert ws.cell(b01, 12).value.startswith(cell_label(finding.cells[0]) + "：")
    assert "通过" in ws.cell(b01, 13).value
    assert ws.cell(b01, 14).value == "待定"
    assert any(f"N2:N{ws.max_row}" in str(dv.sqref) for dv in ws.data_validations.dataValidation)
    assert ws.auto_filter.ref and ws.freeze_panes == "A2"

    trail = wb["修改记录"]
    assert [trail.cell(2, c).value for c in (4, 5, 7)] == ["51", "50", "核对原件"]
    assert trail.cell(2, 3).hyperlink.location == where[NEW_NATURAL].replace("$", "")
    assert trail.cell(2, 3).value == "表B!C5"


def test_verdicts_and_several_years_of_one_agency(folder: Path, tmp_path: Path):
    later = review_of(folder, "002")
    text = later.report.source.text.replace("2024", "2023")
    earlier_path = folder / "earlier.txt"
    earlier_path.write_text(text, encoding="utf-8")
    earlier = load_entry(str(earlier_path)).review
    finding = later.findings[0]
    later.set_verdict(finding.key, "驳回", "属正常表述")
    groups = group_by_agency([later, earlier])
    assert len(groups) == 1
    wb = load_workbook(save_workbook(groups[0], tmp_path / workbook_filename(groups[0])))
    assert workbook_filename(groups[0]).endswith("2023-2024_审阅底稿.xlsx")
    assert {"表B 2023年", "表B 2024年", "原文 2023年", "原文 2024年"} <= set(wb.sheetnames)
    ws = wb["检查结果"]
    verdicts = [(ws.cell(r, 2).value, ws.cell(r, 14).value, ws.cell(r, 15).value) for r in range(2, ws.max_row + 1)]
    assert ("2024年", "驳回", "属正常表述") in verdicts


def test_refuses_to_overwrite_an_open_or_hand_edited_workbook(folder: Path, tmp_path: Path):
    review = review_of(folder, "002")
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
    result = export_paths([str(next(folder.glob("002_*")))], out)
    assert result.exit_status == 2 and "修改过" in result.workbooks[0].error
    save_workbook([review], target, force=True)
    (tmp_path / "~$x.xlsx").write_text("lock")
    with pytest.raises(ReportError, match="正在 Excel/WPS 中打开"):
        save_workbook([review], target, force=True)


def test_batch_with_a_broken_file_and_sidecar_corrections(folder: Path, tmp_path: Path):
    (folder / "sub").mkdir()
    (folder / "sub" / "broken.txt").write_bytes(bytes(range(256)) * 10)
    corrected = review_of(folder, "002")
    corrected.set_cell(NEW_NATURAL, "50")
    from core.review import save_sidecar
    save_sidecar(corrected)
    out = tmp_path / "out"
    result = export_paths([str(folder)], out)
    assert result.exit_status == 2
    assert [Path(e.path).name for e in result.unreadable] == ["broken.txt"]
    assert len(result.workbooks) == 5 and all(w.path and w.path.exists() for w in result.workbooks)
    summary = load_workbook(out / "汇总.xlsx")
    assert summary.sheetnames == ["报告汇总", "规则统计"]
    ws = summary["报告汇总"]
    rows = {ws.cell(r, 4).value: [c.value for c in ws[r]] for r in range(2, ws.max_row + 1)}
    assert len(rows) == 6
    broken = rows[str(folder / "sub" / "broken.txt")]
    assert broken[6] == "无法读取" and "二进制" in broken[11]
    xingyi = next(v for k, v in rows.items() if k.endswith(next(folder.glob("002_*")).name))
    assert xingyi[6] == "不通过" and "B01" in xingyi[11] and xingyi[10] == 1  # the sidecar's correction
    rules = {summary["规则统计"].cell(r, 1).value: summary["规则统计"].cell(r, 4).value
             for r in range(2, summary["规则统计"].max_row + 1)}
    assert rules["S02"] == 1 and rules["B01"] == 1
    wb = load_workbook(next(w.path for w in result.workbooks if "兴义" in w.path.name))
    assert cell_at(wb, addresses_of(wb, corrected)[NEW_NATURAL]).value == 50


def test_missing_table_cells_are_marked(folder: Path, tmp_path: Path):
    review = review_of(folder, "001")
    wb = load_workbook(save_workbook([review], tmp_path / "c.xlsx"))
    cell = cell_at(wb, addresses_of(wb, review)[NEW_NATURAL])
    assert cell.value is None and review.cell(NEW_NATURAL).kind is CellKind.MISSING
    assert "未读到" in cell.comment.text and cell.fill.start_color.rgb == style.argb(style.MISSING)


def test_export_cli(folder: Path, tmp_path: Path):
    out = tmp_path / "cli"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(next(folder.glob("002_*"))),
                           "--out", str(out)], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert (out / "汇总.xlsx").exists() and len(list(out.glob("*审阅底稿.xlsx"))) == 1
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(folder / "nope.txt"),
                           "--out", str(out)], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 2 and "nope.txt：文件不存在" in done.stderr and "Traceback" not in done.stderr


def test_batch_on_worker_processes(folder: Path, tmp_path: Path, monkeypatch):
    """Big batches read and write on a process pool: reviews must travel there and back intact."""
    import core.batch

    monkeypatch.setattr(core.batch, "PARALLEL_FROM", 2)
    result = export_paths([str(folder)], tmp_path / "pool", jobs=2)
    assert result.exit_status == 1  # sample 001 has missing tables (errors), nothing unreadable
    assert sorted(w.path.name for w in result.workbooks) == sorted(
        p.name for p in (tmp_path / "pool").glob("*_审阅底稿.xlsx"))
    wb = load_workbook(next((tmp_path / "pool").glob("兴义*.xlsx")))
    assert wb["表B"]["C5"].value == 51


def _evaluate(wb, formula: str) -> int:
    """A side formula is '=A+B+C' or '=A-B-C' over table cells."""
    refs = ["'%s'!$%s$%s" % m for m in REF.findall(formula)]
    values = [cell_at(wb, a).value or 0 for a in refs]
    return values[0] - sum(values[1:]) if "-" in formula.replace("'", "").split("!")[1] else sum(values)


def test_every_formula_recomputes_its_equation(folder: Path, tmp_path: Path):
    """All rules with an equation (B01/B02/B03/C01/A01 …), on every sample: the live formulas,
    evaluated from the cells they point at, give the finding's own left and right values."""
    checked = set()
    for path in sorted(folder.glob("*.txt")):
        review = load_entry(str(path)).review
        if path.name.startswith("002"):  # it passes every equation: break one of each rule by hand
            for eq in {e.rule: e for e in reversed(all_equations())}.values():
                key = eq.rhs[0] if eq.relation == ">=" else eq.lhs[0]
                review.set_cell(key, str(review.cell(key).value + 1000))
        wb = load_workbook(save_workbook([review], tmp_path / f"{path.stem}.xlsx"))
        ws = wb["检查结果"]
        for row, f in enumerate(review.findings, start=2):
            assert ws.cell(row, 3).value == f.rule
            lhs = ws.cell(row, 8).value
            if isinstance(lhs, str) and lhs.startswith("="):
                assert _evaluate(wb, lhs) == f.lhs_value, (path.name, f.rule)
                assert _evaluate(wb, ws.cell(row, 9).value) == f.rhs_value, (path.name, f.rule)
                checked.add(f.rule)
    assert checked == {"A01", "B01", "B02", "B03", "C01"}


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
