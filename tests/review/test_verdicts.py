"""A verdict is given on what a finding said: when its numbers change, the verdict is kept but marked
需重新确认 (in the review, the sidecar and the workbook) until the reviewer confirms again."""
from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from core.export.workbook import save_workbook
from core.export.workbook.findings_sheet import COLUMNS, HEADER_ROW
from core.review import STALE, save_sidecar
from core.review.session import load_entry
from core.template import CellKey

NEW_NATURAL = CellKey("applications", "本年新收", 0)


def b01(review):
    return next(f for f in review.findings if f.rule == "B01")


def test_changed_numbers_make_a_verdict_stale(samples: Path, tmp_path: Path):
    path = str(next(samples.glob("002_*.txt")))
    review = load_entry(path).review
    review.set_cell(NEW_NATURAL, "52")
    finding = b01(review)
    review.set_verdict(finding.key, "确认", "差 1 件", finding.message)
    assert not review.verdict_stale(finding)
    review.set_cell(NEW_NATURAL, "53")  # B01 now says 53 + 1 = 54 …, a different statement
    changed = b01(review)
    assert changed.key == finding.key and changed.message != finding.message
    assert review.verdict(changed).verdict == "确认" and review.verdict_stale(changed)

    save_sidecar(review)
    again = load_entry(path).review
    assert again.verdict_stale(b01(again)) and again.verdict(b01(again)).message == finding.message

    out = save_workbook([again], tmp_path / "wb.xlsx", force=True)
    ws = load_workbook(out)["检查结果"]
    rows = [dict(zip(COLUMNS, (c.value for c in r))) for r in ws.iter_rows(min_row=HEADER_ROW + 1)]
    row = next(r for r in rows if r["序号"] and str(r["规则"]).startswith("B01"))
    assert row["审核意见"] == STALE and row["说明"].startswith("原审核意见：确认")
    assert again.conclusion.value == "待复核"  # a verdict to confirm again is not a decision

    again.set_verdict(changed.key, "确认", "差 2 件", b01(again).message)
    assert not again.verdict_stale(b01(again))


def test_a_verdict_without_a_recorded_message_is_not_called_stale(samples: Path):
    review = load_entry(str(next(samples.glob("002_*.txt")))).review
    finding = review.findings[0]
    review.set_verdict(finding.key, "驳回", "")
    assert not review.verdict_stale(finding)
