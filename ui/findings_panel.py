"""The findings of the current report: severity, rule, message, the reviewer's verdict. Selecting one
tells the window to select its cells and show its source. Messages and rule titles are shown in the
interface language (core renders them); a verdict given on what the finding said before its numbers
changed is marked 需重新确认."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.checks import RULES
from core.export import style
from core.messages import finding_text
from core.model import Finding, Severity
from core.review import Review
from ui.i18n import language, tr

# The conclusion words (core.review.conclusion) are translated when shown; named here so that
# lupdate finds them and keeps their translations.
CONCLUSION_WORDS = (QT_TRANSLATE_NOOP("", "通过"), QT_TRANSLATE_NOOP("", "基本符合"), QT_TRANSLATE_NOOP("", "需核实"),
                    QT_TRANSLATE_NOOP("", "待复核"), QT_TRANSLATE_NOOP("", "不通过"), QT_TRANSLATE_NOOP("", "无法读取"))
from ui.icons import status_icon


def severity_text(sev: Severity) -> str:
    return {Severity.ERROR: tr("错误"), Severity.WARNING: tr("警告"), Severity.INFO: tr("提示")}[sev]


def verdict_text(verdict: str) -> str:
    """A stored verdict (待定/确认/驳回, the workbook's values) in the interface language."""
    return {"待定": tr("待定"), "确认": tr("确认"), "驳回": tr("驳回")}.get(verdict, verdict)


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
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 78)
        self.tree.setColumnWidth(1, 46)
        self.tree.setColumnWidth(3, 130)
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
        lang = language()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._findings = list(review.findings) if review else []
        counts = {s: 0 for s in Severity}
        for f in self._findings:
            counts[f.severity] += 1
            message = finding_text(f, lang)
            item = QTreeWidgetItem([severity_text(f.severity), f.rule, message, ""])
            item.setIcon(0, status_icon(f.severity.value))
            item.setData(0, Qt.ItemDataRole.UserRole, f.key)
            item.setBackground(0, QBrush(QColor(style.SEVERITY_COLOUR[f.severity.value])))
            item.setToolTip(2, message)
            if f.rule in RULES:
                item.setToolTip(1, RULES[f.rule].title_in(lang))
            entry = review.verdict(f) if review else None
            if entry is not None:
                text = tr("{0}：{1}").format(verdict_text(entry.verdict), entry.comment) if entry.comment \
                    else verdict_text(entry.verdict)
                if review.verdict_stale(f):
                    text = tr("{0}（需重新确认）").format(text)
                    item.setIcon(3, status_icon("stale"))
                    item.setBackground(3, QBrush(QColor(style.WARNING)))
                    item.setToolTip(3, tr("给出审核意见时，这条问题的说明是：\n{0}\n现在的数字已不同，请重新确认。")
                                    .format(entry.message))
                item.setText(3, text)
            else:
                item.setText(3, verdict_text("待定"))
            self.tree.addTopLevelItem(item)
            if f.key == keep:
                item.setSelected(True)
        self.tree.blockSignals(False)
        self.summary.setText(tr("错误 {0} · 警告 {1} · 提示 {2}").format(
            counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO])
            + (tr(" · 自动结论 {0} · 审阅结论 {1}").format(tr(review.automatic_conclusion.value), tr(review.conclusion.value))
               if review else ""))
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
        comment, ok = QInputDialog.getText(self, tr("审核意见"), tr("{0}：{1}\n说明（可不填）：").format(
            verdict_text(verdict), finding_text(f, language())))
        if ok:
            self.verdict_requested.emit(f.key, verdict, comment.strip())
