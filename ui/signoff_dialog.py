"""The 复核 (second reviewer's) sign-off: who checked the preparer's work, when, and their opinion. It is
kept in each report's sidecar and audit trail (``core.review``) and printed in the workbook's 复核 block
and page footers; signing is an undoable command like every other change."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from core.review import Review, SignOff, now
from core.template import CellKey
from ui.i18n import tr

Changed = Callable[[Review, tuple[CellKey, ...]], None]


class SignOffDialog(QDialog):
    def __init__(self, reviews: Sequence[Review], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("复核签署"))
        first = reviews[0].report
        signed = next((r.sign_off for r in reviews if r.sign_off), None)
        years = "、".join(str(r.report.year) for r in reviews if r.report.year)
        self.name = QLineEdit(signed.reviewer if signed else "")
        self.opinion = QPlainTextEdit(signed.opinion if signed else "")
        self.opinion.setPlaceholderText(tr("例如：同意编制人意见；或需补充核实的事项"))
        form = QFormLayout()
        form.addRow(tr("被审阅单位："), QLabel(first.agency or tr("（未识别机关）")))
        form.addRow(tr("报告年度："), QLabel(years or tr("未识别")))
        form.addRow(tr("复核人："), self.name)
        form.addRow(tr("复核意见："), self.opinion)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, 300)

    def _accept(self) -> None:
        if not self.name.text().strip():
            QMessageBox.warning(self, tr("复核签署"), tr("请填写复核人姓名。"))
            return
        self.accept()

    def sign_off(self) -> SignOff:
        return SignOff(self.name.text().strip(), now(), self.opinion.toPlainText().strip())


class SignOffCommand(QUndoCommand):
    """Sign (or re-sign) every report of one workbook at once; undo puts back what each had."""

    def __init__(self, reviews: Sequence[Review], sign_off: SignOff, changed: Changed) -> None:
        super().__init__(tr("复核签署：{0}").format(sign_off.reviewer))
        self.reviews, self.sign_off, self.changed = list(reviews), sign_off, changed
        self._before: list[SignOff | None] = [r.sign_off for r in self.reviews]

    def redo(self) -> None:
        for r in self.reviews:
            r.set_sign_off(self.sign_off)
            self.changed(r, ())

    def undo(self) -> None:
        for r, before in zip(self.reviews, self._before):
            r.set_sign_off(before)
            self.changed(r, ())
