"""Serializations seen on real sites beyond the five samples: table C printed as three rows of five,
a row of table B broken by a repeated header after a page break, counts written with 件."""
from __future__ import annotations

import pytest

from core.api import analyze_text
from core.checks import run_checks
from core.model import Severity
from core.template import CellKey, all_cells
from tests.engine.test_samples import sample_path

C_EXPECTED = [0, 0, 1, 0, 1] + [0] * 10


def with_part(start: str, end: str, body: str) -> str:
    base = sample_path("002").read_text(encoding="utf-8")
    i, j = base.index(start), base.index(end)
    return base[:i] + start + "\n" + body + base[j:]


@pytest.mark.parametrize("body", [
    "行政复议 结果维持 结果纠正 其他结果 尚未审结 总计\n行政复议 0 0 1 0 1\n未经复议直接起诉 0 0 0 0 0\n复议后起诉 0 0 0 0 0\n",
    "| 行政复议 | 0 | 0 | 1 | 0 | 1 |\n| 行政诉讼 未经复议直接起诉 | 0 | 0 | 0 | 0 | 0 |\n| 复议后起诉 | 0 | 0 | 0 | 0 | 0 |\n",
])
def test_table_c_as_three_rows_of_five(body: str) -> None:
    report = analyze_text(with_part("四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题", body))
    assert [report.cell(k).value for k in all_cells("review_litigation")] == C_EXPECTED
    assert not [f for f in run_checks(report) if f.severity is Severity.ERROR]


def test_row_broken_by_a_repeated_header() -> None:
    text = sample_path("002").read_text(encoding="utf-8")
    report = analyze_text(text)
    head = text.index("一、本年新收政府信息公开申请数量")
    lines = text[head:].split("\n")
    # the row's 7 values are the 7 lines after its label; put a page footer and header between value 3 and 4
    broken = lines[:4] + ["— 3 —", "自然人 |", "商业企业 |", "科研机构 |"] + lines[4:]
    again = analyze_text(text[:head] + "\n".join(broken))
    for key in all_cells("applications"):
        assert again.cell(key).value == report.cell(key).value, key.id


def test_counts_written_with_units() -> None:
    text = sample_path("002").read_text(encoding="utf-8").replace("行政许可 |\n0 |", "行政许可 |\n218件 |")
    assert analyze_text(text).cell(CellKey("active", "行政许可", 0)).value == 218


def test_pdftotext_layout_output() -> None:
    """`pdftotext -layout` of a rendered report (tests/formats/render_docs.py, tables of seed 21):
    columns separated by wide gaps, long labels wrapped onto a second line, group labels centred."""
    import random
    from pathlib import Path

    from core.api import analyze_file
    from tests.engine.render_text import random_tables

    tables = random_tables(random.Random(21))
    report = analyze_file(Path(__file__).resolve().parents[1] / "fixtures" / "pdftotext_layout_seed21.txt")
    assert {k.id: report.cell(k).value for k in tables.values} == {k.id: v for k, v in tables.values.items()}
    assert not [f for f in run_checks(report) if f.severity is Severity.ERROR]


VARIANTS = {
    "no_pipes": lambda t: t.replace("|", ""),
    "pipes_to_tabs": lambda t: t.replace(" |", "\t").replace("|", "\t"),
    "stripped_lines": lambda t: "\n".join(line.strip() for line in t.split("\n")),
    "no_blank_lines": lambda t: "\n".join(line for line in t.split("\n") if line.strip()),
    "fullwidth_digits": lambda t: t.translate(str.maketrans("0123456789()", "０１２３４５６７８９（）")),
}


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_samples_reserialised(prefix: str, variant: str) -> None:
    """The same report as other sites serialise it gives the same values."""
    text = sample_path(prefix).read_text(encoding="utf-8")
    reference, again = analyze_text(text), analyze_text(VARIANTS[variant](text))
    for table in ("active", "applications", "review_litigation"):
        for key in all_cells(table):
            assert again.cell(key).value == reference.cell(key).value, key.id
    assert not [f for f in run_checks(again) if f.severity is Severity.ERROR]
