"""The six parts of the current report: present, missing, or a heading without its table."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from core.export import style
from core.model import Span
from core.review import Review
from core.template import SECTIONS, form_label
from ui.i18n import language, tr
from ui.icons import status_icon


class Outline(QListWidget):
    heading_clicked = Signal(object)  # the heading's Span

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long headings elide
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._fit(max(self.fontMetrics().height(), self.iconSize().height(), 16) + 8)

    def _fit(self, row: int) -> None:
        self.setFixedHeight(len(SECTIONS) * row + 2 * self.frameWidth() + 2)
        self._review: Review | None = None
        self.itemClicked.connect(self._clicked)

    def show_review(self, review: Review | None) -> None:
        self._review = review
        self.clear()
        if review is None:
            return
        for spec in SECTIONS:
            found = spec.number in review.report.sections
            table_missing = found and spec.table is not None and review.report.tables.get(spec.table) is None
            item = QListWidgetItem(form_label(spec.heading, language()) + (tr("（表格缺失）") if table_missing else ""))
            item.setData(Qt.ItemDataRole.UserRole, spec.number)
            state = "ok" if found and not table_missing else "missing" if not found else "no-table"
            item.setData(Qt.ItemDataRole.UserRole + 1, state)
            item.setIcon(status_icon({"ok": "ok", "missing": "error", "no-table": "warning"}[state]))
            item.setToolTip(item.text() + "\n" + {"ok": tr("报告中有这一部分"), "missing": tr("报告中没有这一部分"),
                                                 "no-table": tr("这一部分没有统计表")}[state])
            if state != "ok":
                item.setBackground(QColor(style.ERROR if spec.missing_severity == "error" else style.WARNING))
            self.addItem(item)
        self._fit(self.sizeHintForRow(0))

    def _clicked(self, item: QListWidgetItem) -> None:
        number = item.data(Qt.ItemDataRole.UserRole)
        if self._review is not None and number in self._review.report.sections:
            span: Span = self._review.report.sections[number].heading_span
            self.heading_clicked.emit(span)
