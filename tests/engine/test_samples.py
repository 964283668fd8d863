"""Acceptance on the five real sample reports: every value, section, agency, year and engine finding,
read from the reports by hand (see the sample files in tests/fixtures/samples)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from core.api import analyze_file
from core.checks import run_checks
from core.model import CellKind
from core.template import TABLES, CellKey, all_cells

SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "samples"
# The engine's own rule families (issue 3); narrative, content and cross-report rules have their own tests.
ENGINE_RULES = ("S", "V", "A", "B", "C", "D01")

ZERO_A = {"规章": [0, 0, 0], "行政规范性文件": [0, 0, 0], "行政许可": 0, "行政处罚": 0, "行政强制": 0}

EXPECTED = {
    "000": dict(
        agency="重庆市开州区大进镇人民政府", year=2024,
        active={**ZERO_A, "行政许可": 218, "行政处罚": 218, "行政事业性收费": Decimal("0.9840")},
        applications={}, review=[0] * 15,
        findings={("V05", "info")},
    ),
    "001": dict(
        agency="从化区良口镇", year=2024, active=None, applications=None, review=None,
        findings={("S02", "error"), ("S06", "warning"), ("S07", "info")},
    ),
    "002": dict(
        agency="兴义市人民政府办公室", year=2024,
        active={**ZERO_A, "行政规范性文件": [0, 1, 3], "行政事业性收费": Decimal(0)},
        applications={
            "本年新收": [51, 0, 0, 0, 0, 0, 51], "上年结转": [1, 0, 0, 0, 0, 0, 1],
            "予以公开": [4, 0, 0, 0, 0, 0, 4], "部分公开": [40, 0, 0, 0, 0, 0, 40],
            "不予公开_8": [5, 0, 0, 0, 0, 0, 5], "总计": [49, 0, 0, 0, 0, 0, 49],
            "结转下年度": [3, 0, 0, 0, 0, 0, 3],
        },
        review=[0, 0, 1, 0, 1] + [0] * 10,
        findings={("S05", "info")},
    ),
    "003": dict(
        agency="赤眉镇人民政府", year=2023,
        active={**ZERO_A, "行政事业性收费": Decimal(0)}, applications={}, review=[0] * 15,
        findings={("S07", "info")},
    ),
    "004": dict(
        agency="贺兰县立岗镇", year=2022,
        active={**ZERO_A, "行政处罚": 6, "行政事业性收费": Decimal(0)}, applications={}, review=[0] * 15,
        findings=set(),
    ),
}


def sample_path(prefix: str) -> Path:
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


def expected_cells(exp: dict) -> dict[CellKey, object]:
    """The full answer key: every cell of every table found (rows not listed in B are all zeros)."""
    out: dict[CellKey, object] = {}
    if exp["active"] is not None:
        for row, value in exp["active"].items():
            values = value if isinstance(value, list) else [value]
            for col, v in enumerate(values):
                out[CellKey("active", row, col)] = v
    if exp["applications"] is not None:
        for key in all_cells("applications"):
            out[key] = exp["applications"].get(key.row, [0] * 7)[key.col]
    if exp["review"] is not None:
        for key in all_cells("review_litigation"):
            out[key] = exp["review"][key.col]
    return out


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_sample_values_sections_and_findings(prefix: str) -> None:
    exp = EXPECTED[prefix]
    report = analyze_file(sample_path(prefix))
    assert report.agency == exp["agency"]
    assert report.year == exp["year"]
    assert report.layout == "2021"
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]

    key = expected_cells(exp)
    for table in TABLES:
        present = any(k.table == table for k in key)
        assert (report.tables[table] is not None) == present, table
    assert len(key) == sum(len(all_cells(t)) for t in TABLES if report.tables[t] is not None)
    for cell, value in key.items():
        got = report.cell(cell)
        assert got.kind is CellKind.NUMBER, cell.id
        assert got.value == value, cell.id
        text = report.source.text
        assert got.span is not None and text[got.span[0]:got.span[1]] == got.raw, cell.id
        assert Decimal(got.raw.replace(",", "")) == Decimal(value)

    findings = {(f.rule, f.severity.value) for f in run_checks(report) if f.rule.startswith(ENGINE_RULES)}
    assert findings == exp["findings"]


def test_fee_keeps_printed_decimal_places() -> None:
    report = analyze_file(sample_path("000"))
    fee = report.cell(CellKey("active", "行政事业性收费", 0))
    assert fee.raw == "0.9840" and str(fee.value) == "0.9840"


def test_missing_tables_are_not_invented_zeros() -> None:
    report = analyze_file(sample_path("001"))
    assert all(t is None for t in report.tables.values())
    s02 = [f for f in run_checks(report) if f.rule == "S02"]
    assert len(s02) == 3 and all("表格缺失" in f.message for f in s02)
