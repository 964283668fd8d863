"""The findings of the current report: severity, rule, message, the reviewer's verdict.
Selecting one tells the window to select its cells and show its source."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.export import style
from core.model import Finding, Severity
from core.review import Review
from ui.i18n import tr

SEVERITY_MARK = {Severity.ERROR: "✖", Severity.WARNING: "⚠", Severity.INFO: "ℹ"}



def severity_text(sev: Severity) -> str:
    return {Severity.ERROR: tr("错误"), Severity.WARNING: tr("警告"), Severity.INFO: tr("提示")}[sev]


class FindingsPanel(QWidget):
    finding_selected = Signal(object)          # Finding
    verdict_requested = Signal(str, str, str)  # finding key, verdict, comment

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("级别"), tr("规则"), tr("说明"), tr("审核意见")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 70)
        self.tree.setColumnWidth(1, 50)
        self.tree.setColumnWidth(2, 620)
        self.tree.itemSelectionChanged.connect(self._selected)
        self.summary = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        self.confirm_button = QPushButton(tr("确认(&Y)"))
        self.reject_button = QPushButton(tr("驳回(&N)"))
        self.pending_button = QPushButton(tr("待定"))
        for b, verdict in ((self.confirm_button, "确认"), (self.reject_button, "驳回"), (self.pending_button, "待定")):
            b.clicked.connect(lambda _=False, v=verdict: self._ask_verdict(v))
            b.setEnabled(False)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        self._findings: list[Finding] = []

    def show_findings(self, review: Review | None) -> None:
        current = self.current()
        keep = current.key if current else None
        self.tree.blockSignals(True)
        self.tree.clear()
        self._findings = list(review.findings) if review else []
        counts = {s: 0 for s in Severity}
        for f in self._findings:
            counts[f.severity] += 1
            entry = review.verdict(f) if review else None
            verdict = entry.verdict if entry else tr("待定")
            if entry and entry.comment:
                verdict += f"：{entry.comment}"
            item = QTreeWidgetItem([f"{SEVERITY_MARK[f.severity]} {severity_text(f.severity)}", f.rule, f.message,
                                    verdict])
            item.setData(0, Qt.ItemDataRole.UserRole, f.key)
            item.setBackground(0, QBrush(QColor(style.SEVERITY_COLOUR[f.severity.value])))
            item.setToolTip(2, f.message)
            self.tree.addTopLevelItem(item)
            if f.key == keep:
                item.setSelected(True)
        self.tree.blockSignals(False)
        self.summary.setText(tr("错误 {0} · 警告 {1} · 提示 {2}").format(
            counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO]))
        self._update_buttons()

    def current(self) -> Finding | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        key = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((f for f in self._findings if f.key == key), None)

    def select_row(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _selected(self) -> None:
        self._update_buttons()
        f = self.current()
        if f is not None:
            self.finding_selected.emit(f)

    def _update_buttons(self) -> None:
        on = self.current() is not None
        for b in (self.confirm_button, self.reject_button, self.pending_button):
            b.setEnabled(on)

    def _ask_verdict(self, verdict: str) -> None:
        f = self.current()
        if f is None:
            return
        comment, ok = QInputDialog.getText(self, tr("审核意见"), tr("{0}：{1}\n说明（可不填）：").format(verdict, f.message))
        if ok:
            self.verdict_requested.emit(f.key, verdict, comment.strip())
