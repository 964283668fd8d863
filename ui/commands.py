"""Every correction and verdict is an undoable command whose redo/undo call the core's API
(the Orange canvas pattern); the window persists and repaints after each one."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from core.review import Correction, Review, VerdictEntry
from core.template import CellKey
from ui.i18n import tr
from ui.table_model import describe

Changed = Callable[[Review, tuple[CellKey, ...]], None]


class EditCellCommand(QUndoCommand):
    def __init__(self, review: Review, key: CellKey, text: str | None, reason: str, changed: Changed) -> None:
        super().__init__(tr("修改 {0}").format(describe(key)))
        self.review, self.key, self.text, self.reason, self.changed = review, key, text, reason, changed
        self._before: Correction | None = None
        self._after: Correction | None = None
        self._done = False

    def redo(self) -> None:
        if not self._done:
            self._before = self.review.set_cell(self.key, self.text, self.reason)
            self._after = self.review.corrections.get(self.key)
            self._done = True
        else:
            self.review.restore_correction(self.key, self._after)
        self.changed(self.review, (self.key,))

    def undo(self) -> None:
        self.review.restore_correction(self.key, self._before)
        self.changed(self.review, (self.key,))


class VerdictCommand(QUndoCommand):
    def __init__(self, review: Review, finding_key: str, verdict: str, comment: str, message: str,
                 changed: Changed) -> None:
        super().__init__(tr("审核意见：{0}").format(verdict))
        self.review, self.finding_key, self.verdict, self.comment, self.message, self.changed = (
            review, finding_key, verdict, comment, message, changed)
        self._before: VerdictEntry | None = None
        self._after: VerdictEntry | None = None
        self._done = False

    def redo(self) -> None:
        if not self._done:
            self._before = self.review.set_verdict(self.finding_key, self.verdict, self.comment, self.message)
            self._after = self.review.verdicts.get(self.finding_key)
            self._done = True
        else:
            self.review.restore_verdict(self.finding_key, self._after)
        self.changed(self.review, ())

    def undo(self) -> None:
        self.review.restore_verdict(self.finding_key, self._before)
        self.changed(self.review, ())


class AgencyCommand(QUndoCommand):
    """The auditor names the agency (title missing, or spelled differently from other years)."""

    def __init__(self, review: Review, name: str, changed: Changed) -> None:
        super().__init__(tr("修改机关名称"))
        self.review, self.name, self.changed = review, name, changed
        self._before: str | None = None

    def redo(self) -> None:
        self._before = self.review.set_agency(self.name)
        self.changed(self.review, ())

    def undo(self) -> None:
        self.review.set_agency(self._before)
        self.changed(self.review, ())
