"""One table tab: a banner when the report lacks the table, the form, and what its colours mean."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.export import style
from core.template import TABLES, form_label
from ui.form_view import FormView
from ui.i18n import language, tr
from ui.table_model import FormTableModel


def table_title(table: str) -> str:
    spec = TABLES[table]
    return tr("表{0} {1}").format(spec.letter, form_label(spec.title, language()))


class TablePage(QWidget):
    def __init__(self, model: FormTableModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"background:{style.ERROR}; color:#000; padding:6px; font-weight:bold;")
        self.banner.hide()  # until a report without this table is shown
        self.view = FormView(model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.view)
        layout.addLayout(self._legend())
        layout.addStretch(1)

    @staticmethod
    def _legend() -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(2, 2, 2, 2)
        for colour, text in ((style.ERROR, tr("勾稽关系不成立")), (style.WARNING, tr("空白或占位符")),
                             (style.MISSING, tr("未读到")), (style.CORRECTED, tr("人工修正（粗斜体）")),
                             (style.INFO, tr("提示"))):
            chip = QLabel(text)
            chip.setStyleSheet(f"background:{colour}; color:#000; padding:1px 6px; border:1px solid #BBB;")
            row.addWidget(chip)
        row.addStretch(1)
        return row

    def update_banner(self) -> None:
        spec = TABLES[self.model.table]
        missing = self.model.review is not None and not self.model.table_found
        self.banner.setText(tr("报告中未找到表{0}（{1}）。可在下方按报告原文手工填写。").format(
            spec.letter, form_label(spec.title, language())))
        self.banner.setVisible(missing)
