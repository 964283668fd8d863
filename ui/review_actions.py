"""The auditor's changes: cell corrections, withdrawing one, renaming the agency, verdicts. Each is
an undo command; after each the review is saved (crash-safe) before anything is repainted."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QInputDialog, QMessageBox

from core.review import Review, parse_input, refresh_cross_findings, save_sidecar
from core.template import TABLE_IDS, CellKey
from ui import journal
from ui.commands import AgencyCommand, EditCellCommand, VerdictCommand
from ui.i18n import app_name, tr
from ui.table_model import KeyRole, describe


class ReviewActions:
    """Mixed into MainWindow, which provides current, current_path, stacks, entries, models, pages,
    tabs, findings, list_model, reason_box, reviews() and the status/title updates."""

    def request_edit(self, key: CellKey, text: str) -> None:
        review = self.current
        stack = self.stacks.get(self.current_path or "")
        if review is None or stack is None:
            return
        value: str | None = text or None
        if value is not None:
            try:
                parse_input(key, value)
            except ValueError as exc:
                QMessageBox.warning(self, app_name(), tr("{0}：{1}").format(describe(key), exc))
                return
        stack.push(EditCellCommand(review, key, value, self.reason_box.text().strip(), self._changed))
        self.reason_box.clear()

    def revert_cell(self) -> None:
        view = getattr(self.tabs.currentWidget(), "view", None)
        index = view.currentIndex() if view is not None else QModelIndex()
        key = index.data(KeyRole) if index.isValid() else None
        review, stack = self.current, self.stacks.get(self.current_path or "")
        if key is not None and review is not None and stack is not None and review.is_corrected(key):
            stack.push(EditCellCommand(review, key, None, tr("撤销修正"), self._changed))

    def ask_agency(self) -> None:
        review = self.current
        if review is None:
            return
        name, ok = QInputDialog.getText(self, app_name(), tr("机关名称（用于按机关归并底稿和跨年度核对；留空恢复为识别结果）："),
                                        text=review.report.agency or "")
        if ok:
            self.rename_agency(name)

    def rename_agency(self, name: str) -> None:
        review, stack = self.current, self.stacks.get(self.current_path or "")
        if review is not None and stack is not None:
            stack.push(AgencyCommand(review, name, self._agency_changed))

    def _agency_changed(self, review: Review, keys: tuple[CellKey, ...]) -> None:
        refresh_cross_findings(self.reviews())
        for entry in self.entries.values():
            self.list_model.set_entry(entry)
        self._changed(review, keys)

    def request_verdict(self, finding_key: str, verdict: str, comment: str) -> None:
        """The verdict records what the finding says now, so a later change of its numbers shows."""
        review, stack = self.current, self.stacks.get(self.current_path or "")
        if review is not None and stack is not None:
            message = next((f.message for f in review.findings if f.key == finding_key), "")
            stack.push(VerdictCommand(review, finding_key, verdict, comment, message, self._changed))

    def _changed(self, review: Review, keys: tuple[CellKey, ...]) -> None:
        """After every command: persist first (the user's work must survive a crash), then repaint."""
        try:
            save_sidecar(review)
        except OSError as exc:
            QMessageBox.critical(self, app_name(), tr("无法保存修正记录：{0}").format(exc))
        if keys and len(self.entries) > 1:
            refresh_cross_findings(self.reviews(), changed=review)
        if review is self.current:
            for t in TABLE_IDS:
                self.models[t].refresh()
                self.pages[t].update_banner()
            self.findings.show_findings(review)
            self._update_status()
        self.list_model.set_entry(self.entries[review.report.source.path])

    def _stack_changed(self, _value=None) -> None:
        self._write_journal()
        self._update_title()

    def _write_journal(self) -> None:
        """Only when what it records changed: an edit that leaves the open set, the current report and
        the unsaved ones as they were costs no second synced write (the sidecar has the edit)."""
        state = (list(self.entries), self.current_path, [p for p, s in self.stacks.items() if not s.isClean()])
        if state == getattr(self, "_journal_state", None) and journal.journal_path().exists():
            return
        try:
            journal.write(*state)
            self._journal_state = state
        except OSError:
            pass
