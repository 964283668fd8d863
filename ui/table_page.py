"""One table tab: the official grid over a FormTableModel, and a banner when the report lacks it."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.export import style
from core.template import TABLES
from ui.i18n import tr
from ui.table_model import FormTableModel


class TablePage(QWidget):
    """One table tab: a banner when the table was not found, and the grid."""

    def __init__(self, model: FormTableModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"background:{style.ERROR}; color:#000; padding:6px; font-weight:bold;")
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setWordWrap(True)
        self.view.setTabKeyNavigation(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(52)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setMaximumWidth(300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.view)
        grid = model.grid
        for r in range(grid.shape[0]):
            if grid.span_of(r) > 1:
                self.view.setSpan(r, 0, 1, grid.span_of(r))

    def update_banner(self) -> None:
        spec = TABLES[self.model.grid.table]
        missing = self.model.review is not None and not self.model.table_found
        self.banner.setText(tr("报告中未找到表{0}（{1}）。可在下方按报告原文手工填写。").format(spec.letter, spec.title))
        self.banner.setVisible(missing)
