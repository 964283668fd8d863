"""The published page beside the tables: a scanned report opens on its rendered page, clicking a
table cell brings that cell's box into view on its page, clicking a finding draws all its cells."""
from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from core.model import Finding, Severity
from core.template import CellKey

PARTIAL = CellKey("applications", "部分公开", 0)
PARTIAL_TOTAL = CellKey("applications", "部分公开", 6)


def test_clicking_a_cell_of_a_scan_draws_its_box(window, one_page_scan, tmp_path: Path, qtbot) -> None:
    path = str(shutil.copy(one_page_scan, tmp_path / "scan.pdf"))
    window.open_paths([path], wait=True)
    window.select_report(path)
    review = window.current
    assert review is not None and review.report.source.pages[0].ocr
    pages = window.original.pages
    assert window.original.currentWidget() is pages  # a PDF opens on its pages
    qtbot.waitUntil(lambda: pages.rendered_pages == [1], timeout=20000)

    window.tabs.setCurrentWidget(window.pages["applications"])
    index = window.models["applications"].index_of(PARTIAL)
    window.pages["applications"].view.setCurrentIndex(index)
    window._cell_clicked(index)
    expected = review.report.source.boxes(review.parsed(PARTIAL).span)
    assert expected and pages.boxes == expected
    drawn = [item.rect() for item in pages._boxes]
    assert drawn == [pages.box_rect(b) for b in expected]
    visible = pages.view.mapToScene(pages.view.viewport().rect()).boundingRect()
    assert visible.intersects(drawn[0]) and pages.current_page == expected[0].page

    finding = Finding("B02", Severity.ERROR, "…", cells=(PARTIAL, PARTIAL_TOTAL))
    window.show_finding(finding)
    assert len(pages.boxes) == 2 and pages.boxes[0] == expected[0]

    before = pages.zoom_factor
    pages.buttons["in"].click()
    assert pages.zoom_factor > before
    pages.buttons["fit"].click()
    assert abs(pages.zoom_factor - before) < 0.02


def test_a_text_report_has_no_page_view(window, samples) -> None:
    path = str(next(samples.glob("002_*.txt")))
    window.open_paths([path], wait=True)
    window.select_report(path)
    assert not window.original.isTabEnabled(1) and window.original.currentIndex() == 0
    assert window.original.pages.page_count == 0


def test_scan_progress_shows_pages_and_cancels(window, qtbot) -> None:
    from ui.page_view import ScanProgress
    from ui.workers import Task

    task = Task(lambda t: None)
    progress = ScanProgress(window, task)
    assert progress.dialog is None  # nothing shows until a scan turns up
    task.signals.pages.emit("/reports/扫描件.pdf", 0, 3)
    task.signals.pages.emit("/reports/扫描件.pdf", 1, 3)
    dialog = progress.dialog
    assert dialog is not None and dialog.maximum() == 3 and dialog.value() == 1
    assert "扫描件.pdf" in dialog.labelText() and "1/3" in dialog.labelText()
    dialog.findChild(QPushButton).click()  # 取消
    assert task.cancelled
    task.signals.finished.emit(None)
    assert progress.dialog is None
