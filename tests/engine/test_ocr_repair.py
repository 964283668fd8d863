"""Digits the OCR doubted, against the cross totals: a doubt the totals settle is taken (info), one they
cannot settle is left null with a warning naming the cell and its candidates, and a misread digit never
becomes an arithmetic error. Built on the text of sample 002 with doubts placed by hand, so every case
is exact and needs no OCR."""
from __future__ import annotations

from core.api import analyze_document, analyze_file
from core.checks import run_checks
from core.model import CellKind, PageInfo, Severity, SourceDocument, Uncertain
from core.template import CellKey
from tests.conftest import SAMPLES

PARTIAL = CellKey("applications", "部分公开", 0)    # printed 40
LICENCE = CellKey("active", "行政许可", 0)          # printed 0, in no equation


def scanned(text_changes: dict[CellKey, str] | None = None, doubts: dict[CellKey, list[tuple[int, float, list]]] | None = None):
    """Sample 002 as if it came from a scan: ``text_changes`` reprint cells, ``doubts`` give
    (position in the cell, confidence, alternatives) for its characters."""
    text_changes, doubts = text_changes or {}, doubts or {}
    base = analyze_file(next(SAMPLES.glob("002_*.txt")))
    text = base.source.text
    spans = {k: base.cell(k).span for k in set(text_changes) | set(doubts)}
    for key in sorted(text_changes, key=lambda k: -spans[k][0]):
        a, b = spans[key]
        assert len(text_changes[key]) == b - a
        text = text[:a] + text_changes[key] + text[b:]
    uncertain = [Uncertain(spans[k][0] + i, conf, tuple(alts)) for k, items in doubts.items() for i, conf, alts in items]
    doc = SourceDocument("scan.pdf", text, "utf-8", "pdf", pages=[PageInfo(1, 595, 842, ocr=True)], uncertain=uncertain)
    report = analyze_document(doc)
    return report, run_checks(report)


def rules(findings, key: CellKey) -> list[tuple[str, str]]:
    return [(f.rule, f.severity.value) for f in findings if key in f.cells and f.rule.startswith("O")]


def test_a_doubt_the_totals_confirm_is_kept_with_a_note() -> None:
    report, findings = scanned(doubts={PARTIAL: [(0, 0.55, [("9", 0.4)])]})
    assert report.cell(PARTIAL).value == 40
    assert rules(findings, PARTIAL) == [("O02", "info")]
    assert "核对无误" in next(f.message for f in findings if f.rule == "O02")


def test_a_misread_digit_the_totals_fix_uniquely_is_corrected() -> None:
    report, findings = scanned({PARTIAL: "90"}, {PARTIAL: [(0, 0.6, [("4", 0.3), ("0", 0.05)])]})
    cell = report.cell(PARTIAL)
    assert cell.kind is CellKind.NUMBER and cell.value == 40 and cell.raw == "90"
    note = next(f for f in findings if f.rule == "O02")
    assert "识别为“90”" in note.message and "唯一确定为 40" in note.message
    assert not [f for f in findings if f.severity is Severity.ERROR]


def test_a_misread_digit_no_reading_fits_is_null_not_an_error() -> None:
    report, findings = scanned({PARTIAL: "90"}, {PARTIAL: [(0, 0.6, [("8", 0.3)])]})
    assert report.cell(PARTIAL).kind is CellKind.AMBIGUOUS and report.cell(PARTIAL).value is None
    warning = next(f for f in findings if f.rule == "O03")
    assert warning.severity is Severity.WARNING and "候选 90、80" in warning.message and "均不相符" in warning.message
    assert not [f for f in findings if f.severity is Severity.ERROR]


def test_a_doubt_no_total_can_check_is_null_with_its_candidates() -> None:
    report, findings = scanned(doubts={LICENCE: [(0, 0.7, [("8", 0.25)])]})
    assert report.cell(LICENCE).value is None
    warning = next(f for f in findings if f.rule == "O03")
    assert "表A“行政许可”" in warning.message and "候选 0、8" in warning.message and "没有可核对" in warning.message


def test_two_doubts_that_could_trade_places_stay_open() -> None:
    # 予以公开 4 and 部分公开 40 in the same column: 5 + 39 would not print, but 4→3 with 40→41 keeps
    # the column sum; the row totals decide it unless they are doubted too
    natural = CellKey("applications", "予以公开", 0)
    natural_total = CellKey("applications", "予以公开", 6)
    partial_total = CellKey("applications", "部分公开", 6)
    doubts = {natural: [(0, 0.6, [("3", 0.3)])], natural_total: [(0, 0.6, [("3", 0.3)])],
              PARTIAL: [(1, 0.6, [("1", 0.3)])], partial_total: [(1, 0.6, [("1", 0.3)])]}
    report, findings = scanned(doubts=doubts)
    for key in doubts:
        assert report.cell(key).value is None, key.id
        assert rules(findings, key) == [("O03", "warning")]
    assert not [f for f in findings if f.severity is Severity.ERROR]


def test_a_row_a_scan_misread_is_not_assessable_not_missing() -> None:
    report, findings = scanned({LICENCE: "日"})  # the value read as a character: the row is lost
    assert report.cell(LICENCE).value is None
    assert rules(findings, LICENCE) == [("O03", "warning")]
    assert not [f for f in findings if f.severity is Severity.ERROR]


def test_a_text_report_is_untouched() -> None:
    report = analyze_file(next(SAMPLES.glob("002_*.txt")))
    assert not report.source.uncertain and not [n for n in report.notes if n.rule.startswith("O")]


def test_an_invalid_number_on_a_scan_is_not_an_error() -> None:
    report, findings = scanned({PARTIAL: "-4"})  # a speck before the digit read as a minus sign
    assert report.cell(PARTIAL).kind is CellKind.AMBIGUOUS
    assert rules(findings, PARTIAL) == [("O03", "warning")]
    assert not [f for f in findings if f.severity is Severity.ERROR]


def test_a_number_with_a_leading_zero_on_a_scan_is_not_assessable() -> None:
    report, findings = scanned({PARTIAL: "04"})  # 0|4: a ruling line lost between two cells
    assert report.cell(PARTIAL).value is None
    assert rules(findings, PARTIAL) == [("O03", "warning")]
    assert "以 0 开头" in next(f.message for f in findings if f.rule == "O03")
