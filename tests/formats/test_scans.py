"""Scanned PDFs: the samples printed, rasterised at 150 dpi gray and wrapped as images (no text
layer), read by the offline OCR: ≥ 99 % of cells exact, every other cell ``null`` with a finding that
names it, no error a text copy of the report does not have, all tables and parts found, every value
boxed on its page."""
from __future__ import annotations

from decimal import Decimal

from core.checks import run_checks
from core.model import CellKind, Severity
from tests.conftest import SAMPLES
from tests.formats.office import answer_key


def _errors(report) -> list[str]:
    return sorted(f.rule for f in run_checks(report) if f.severity is Severity.ERROR)


def test_scans_read_like_their_text(scanned_reports) -> None:
    from core.api import analyze_file

    exact = total = 0
    for prefix, report in scanned_reports.items():
        assert all(p.ocr for p in report.source.pages), prefix
        assert sorted(report.sections) == [1, 2, 3, 4, 5, 6], prefix
        text_copy = analyze_file(next(SAMPLES.glob(f"{prefix}_*.txt")))
        assert (report.agency, report.year) == (text_copy.agency, text_copy.year), prefix
        assert _errors(report) == _errors(text_copy), prefix
        findings = run_checks(report)
        assert any(f.rule == "O01" for f in findings)  # the auditor is told the values came from OCR
        key = answer_key(prefix)
        assert all((report.tables[t] is None) == (key is None) for t in report.tables), prefix
        if key is None:
            continue
        named = {k for f in findings if f.rule == "O03" for k in f.cells}
        for cell, value in key.values.items():
            total += 1
            got = report.cell(cell)
            if got.is_number and got.value == value:
                exact += 1
            else:
                assert got.value is None and cell in named, (prefix, cell.id, got)
            assert report.source.boxes(got.span), (prefix, cell.id)
    assert total and exact / total >= 0.99, f"{exact}/{total} cells exact"


def test_fee_keeps_its_decimals_from_a_scan(scanned_reports) -> None:
    from core.template import CellKey

    fee = scanned_reports["000"].cell(CellKey("active", "行政事业性收费", 0))
    assert fee.kind is CellKind.NUMBER and fee.value == Decimal("0.9840") and fee.raw == "0.9840"


def test_every_box_is_on_a_scanned_page(scanned_reports) -> None:
    report = scanned_reports["002"]
    pages = {p.number: p for p in report.source.pages}
    for piece in report.source.pieces:
        page = pages[piece.box.page]
        assert 0 <= piece.box.x0 < piece.box.x1 <= page.width + 1
        assert 0 <= piece.box.top < piece.box.bottom <= page.height + 1


def test_progress_is_reported_and_cancel_stops_before_the_next_page(one_page_scan) -> None:
    import pytest

    from core.api import analyze_file
    from core.reading.progress import PageProgress, ReadCancelled

    calls: list[tuple[int, int]] = []
    with pytest.raises(ReadCancelled):
        analyze_file(one_page_scan, PageProgress(report=lambda d, t: calls.append((d, t)), cancelled=lambda: bool(calls)))
    assert calls == [(0, 1)]  # announced, then cancelled before any page was recognised


def test_a_cancelled_batch_writes_nothing(one_page_scan, tmp_path) -> None:
    from core.batch import export_paths

    result = export_paths([str(one_page_scan)], tmp_path / "out", cancelled=lambda: True)
    assert result.cancelled and not result.workbooks and result.summary is None


def test_a_page_scanned_at_a_slant(one_page_scan) -> None:
    """Straightened before it is read; every value found on it is exact, and its box (tilted back)
    lies on the printed digits of the page as shown."""
    import numpy as np

    from core.api import analyze_file
    from core.reading.pages import render

    report = analyze_file(one_page_scan)
    key = answer_key("002")
    found = [k for k in key.values if k.table == "applications" and report.cell(k).kind is not CellKind.MISSING]
    assert len(found) >= 7 * 20, len(found)  # most of table B is on this page
    assert all(report.cell(k).value == key.values[k] for k in found)
    assert not [f for f in run_checks(report) if f.severity is Severity.ERROR and f.rule[0] in "ABCV"]
    image = render(one_page_scan, 1, 2.0, gray=True)
    page = np.frombuffer(image.data, np.uint8).reshape(image.height, image.width)
    for k in found[::17]:
        (box,) = report.source.boxes(report.cell(k).span)
        inside = page[int(box.top * 2):int(box.bottom * 2) + 1, int(box.x0 * 2):int(box.x1 * 2) + 1]
        assert inside.size and inside.min() < 100, k.id


def test_a_scan_with_a_line_of_text_stamped_on_it_is_still_recognised(one_page_scan, tmp_path) -> None:
    """Scanners and portals stamp a header or page number as text over the image: the page is still
    read from the image."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from core.api import analyze_file
    from core.reading.pages import render
    from core.template import CellKey

    image = render(one_page_scan, 1, 150 / 72, gray=True)
    png = tmp_path / "page.png"
    Image.frombytes("L", (image.width, image.height), image.data).save(png)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "stamped.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(str(png), 0, 0, *A4)
    c.setFont("STSong-Light", 8)
    c.drawString(40, A4[1] - 20, "某某县政务服务网 下载时间：2025年1月20日 10:32 第1页 共1页")
    c.save()
    report = analyze_file(path)
    assert report.source.pages[0].ocr
    assert report.cell(CellKey("applications", "部分公开", 0)).value == 40
