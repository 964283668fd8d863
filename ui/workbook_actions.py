"""Saving the audit workbook of the current agency, its 复核 sign-off, and exporting everything: the
window's part of the workbook — dialogs, a worker thread and progress; the workbook itself is
core.export.workbook."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from core.errors import ReportError
from core.review import Review, SignOff
from ui.i18n import app_name, tr
from ui.workers import Task


class WorkbookActions:
    """Mixed into MainWindow, which provides current, reviews(), stacks, settings, pool, _tasks."""

    def _agency_group(self, review: Review) -> list[Review]:
        from core.batch import group_by_agency

        return next((g for g in group_by_agency(self.reviews()) if review in g), [review])

    def save_workbook_dialog(self) -> bool:
        review = self.current
        if review is None:
            QMessageBox.information(self, app_name(), tr("请先打开一份报告。"))
            return False
        from core.export.workbook import workbook_filename

        group = self._agency_group(review)
        start = Path(self.settings.last_dir or Path(review.report.source.path).parent) / workbook_filename(group)
        path, _ = QFileDialog.getSaveFileName(self, tr("保存审阅底稿"), str(start), tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return False
        return self.save_workbook(group, path)

    def save_workbook(self, group: list[Review], path: str) -> bool:
        from core.export.workbook import save_workbook

        try:
            written = save_workbook(group, path, reviewer=self.settings.reviewer, force=True)
        except ReportError as exc:
            QMessageBox.warning(self, app_name(), str(exc))
            return False
        except OSError as exc:
            QMessageBox.warning(self, app_name(), tr("无法保存 {0}：{1}").format(path, exc.strerror or exc))
            return False
        self.settings.last_dir = str(Path(written).parent)
        for r in group:
            stack = self.stacks.get(r.report.source.path)
            if stack is not None:
                stack.setClean()
        self.statusBar().showMessage(tr("已保存审阅底稿：{0}").format(written), 8000)
        self._write_journal()
        return True

    def sign_off_dialog(self) -> bool:
        """复核签署 of the current agency's workbook (all its loaded years)."""
        review = self.current
        if review is None:
            QMessageBox.information(self, app_name(), tr("请先打开一份报告。"))
            return False
        from ui.signoff_dialog import SignOffDialog

        group = self._agency_group(review)
        dialog = SignOffDialog(group, self)
        if dialog.exec() != SignOffDialog.DialogCode.Accepted:
            return False
        self.sign_off(group, dialog.sign_off())
        return True

    def sign_off(self, group: list[Review], sign_off: SignOff) -> None:
        from ui.signoff_dialog import SignOffCommand

        stack = self.stacks.get(self.current_path or "")
        if stack is not None:
            stack.push(SignOffCommand(group, sign_off, self._changed))
            self.statusBar().showMessage(tr("已记录复核：{0}").format(sign_off.reviewer), 8000)

    def export_all_dialog(self) -> None:
        reviews = self.reviews()
        if not reviews:
            QMessageBox.information(self, app_name(), tr("没有可导出的报告。"))
            return
        folder = QFileDialog.getExistingDirectory(self, tr("选择导出文件夹"), self.settings.last_dir)
        if folder:
            self.export_all(folder)

    def export_all(self, folder: str, wait: bool = False) -> Task:
        from core.batch import export_reviews

        reviews = self.reviews()
        reviewer = self.settings.reviewer
        progress = QProgressDialog(tr("正在导出审阅底稿…"), tr("取消"), 0, len(reviews), self)
        progress.setWindowTitle(app_name())
        progress.setMinimumDuration(0)

        def work(task: Task):
            return export_reviews(reviews, folder, reviewer=reviewer,
                                  progress=lambda d, t, label: task.signals.progress.emit(d, t, label),
                                  cancelled=lambda: task.cancelled)

        task = Task(work)
        progress.canceled.connect(task.cancel)
        task.signals.progress.connect(lambda d, t, label: (progress.setMaximum(t), progress.setValue(d),
                                                           progress.setLabelText(label)))
        task.signals.finished.connect(lambda result: self._export_finished(task, progress, folder, result))
        task.signals.failed.connect(lambda msg: self._export_finished(task, progress, folder, None, msg))
        self._tasks.append(task)
        self.pool.start(task)
        if wait:
            self.pool.waitForDone()
            QCoreApplication.processEvents()
        return task

    def _export_finished(self, task: Task, progress: QProgressDialog, folder: str, result, error: str | None = None):
        progress.close()  # emits canceled, harmless now: the result says whether the export was cancelled
        if task in self._tasks:
            self._tasks.remove(task)
        if error:
            QMessageBox.warning(self, app_name(), tr("导出失败：{0}").format(error))
            return
        if result is None or result.cancelled:
            self.statusBar().showMessage(tr("导出已取消"), 8000)
            return
        for s in self.stacks.values():
            s.setClean()
        self.settings.last_dir = folder
        self.statusBar().showMessage(tr("已导出到 {0}").format(folder), 8000)

