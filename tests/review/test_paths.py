"""Stored paths are absolute and normalised, so they mean the same file from any working folder."""
from __future__ import annotations

import os
from pathlib import Path

from openpyxl import load_workbook

from core.batch import export_paths
from core.review.session import absolute, expand_inputs


def test_inputs_become_absolute(samples: Path, monkeypatch):
    monkeypatch.chdir(samples.parent)
    found = expand_inputs([Path(samples.name), f"./{samples.name}/../{samples.name}/x.txt"])
    assert found[:5] == sorted(str(p) for p in samples.glob("*.txt"))
    assert found[5] == str(samples / "x.txt") and all(os.path.isabs(p) for p in found)
    assert absolute("a/../b.txt") == str(samples.parent / "b.txt")


def test_workbooks_and_summary_name_absolute_files(samples: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(samples.parent)
    result = export_paths([samples.name], "out")
    summary = load_workbook(tmp_path / "out" / "汇总.xlsx")["报告汇总"]
    header = next(r for r in range(1, summary.max_row + 1) if summary.cell(r, 1).value == "序号")
    files = [row[4].value for row in summary.iter_rows(min_row=header + 1, max_row=summary.max_row - 1)]
    assert sorted(files) == sorted(str(p) for p in samples.glob("*.txt"))
    book = load_workbook(result.workbooks[0].path)["概览"]
    sources = [r[1].value for r in book.iter_rows() if r[0].value and str(r[0].value).endswith("源文件")]
    assert sources and all(os.path.isabs(s) and Path(s).exists() for s in sources)


def test_summary_counts_a_duplicated_report_once(samples: Path, tmp_path: Path):
    original = next(samples.glob("002_*.txt"))
    for name in ("copy-1.txt", "copy-2.txt"):
        (samples / name).write_bytes(original.read_bytes())
    export_paths([str(samples)], tmp_path / "out")
    book = load_workbook(tmp_path / "out" / "汇总.xlsx")
    sheet = book["报告汇总"]
    header = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "序号")
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=header + 1, max_row=sheet.max_row - 1)]
    verdicts = [r[7] for r in rows]  # 自动结论, or 重复（同 …） over both conclusions
    assert len(rows) == 7 and sum(v.startswith("重复（同") for v in verdicts) == 2
    rules = {r[0].value: (r[4].value, r[5].value) for r in book["规则统计"].iter_rows(min_row=3)}
    assert rules["X08"] == (1, 0.2)  # the three copies count as one of five reports
    assert all(count <= 5 for count, _ in rules.values())
