"""Getting reports into the window: open dialogs, recent files, drag and drop, loading on the thread
pool with the list filling as files are read, and reopening the last session after a crash."""
from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from core.review.session import Entry, absolute, expand_inputs
from ui import journal
from ui.i18n import app_name, tr
from ui.page_view import ScanProgress
from ui.workers import Task, load_task


class LoadActions:
    """Mixed into MainWindow, which provides entries, stacks, undo_group, settings, pool, _tasks,
    list_model, select_report, reviews() and _show_current."""

    def _init_loading(self) -> None:
        self._pending: deque[Entry] = deque()
        self._finish_when_drained = None
        self._wanted_current: str | None = None  # the report to show once it has loaded
        self.setAcceptDrops(True)

    def open_paths(self, inputs: list[str], wait: bool = False, current: str | None = None) -> Task | None:
        """Load files and folders on the thread pool; each report appears as it is read. ``current``
        is the report to show when it arrives (recovery reopens the one that was being reviewed)."""
        paths = [p for p in expand_inputs(inputs) if p not in self.entries]
        for p in inputs:
            self.settings.add_recent(absolute(p))
        if not paths:
            return None
        if current is not None and absolute(current) in paths:
            self._wanted_current = absolute(current)
        task = load_task(paths, self.settings.reviewer, self.reviews())
        progress = None
        if len(paths) > 3:
            progress = QProgressDialog(tr("正在读取报告…"), tr("取消"), 0, len(paths), self)
            progress.setWindowTitle(app_name())
            progress.setMinimumDuration(300)
            progress.canceled.connect(task.cancel)
            task.signals.progress.connect(lambda done, total, label: progress.setValue(done))
        ScanProgress(self, task)  # page by page, if a scan turns up
        task.signals.item.connect(self._queue_entry)
        task.signals.finished.connect(lambda result: self._after_drain(lambda: self._load_finished(task, progress,
                                                                                                  result=result)))
        task.signals.failed.connect(lambda msg: self._after_drain(lambda: self._load_finished(task, progress, msg)))
        self._tasks.append(task)
        self.pool.start(task)
        if wait:
            self.pool.waitForDone()
            while self._pending or self._finish_when_drained is not None or task in self._tasks:
                QCoreApplication.processEvents()
        return task

    def _queue_entry(self, entry: Entry) -> None:
        """Entries arrive faster than the list can take them; add a few per event-loop turn so the
        window stays responsive while a large folder loads."""
        self._pending.append(entry)
        if len(self._pending) == 1:
            QTimer.singleShot(0, self._drain)

    def _drain(self) -> None:
        for _ in range(min(len(self._pending), 10)):
            self._add_entry(self._pending.popleft())
        if self._pending:
            QTimer.singleShot(0, self._drain)
        elif self._finish_when_drained is not None:
            finish, self._finish_when_drained = self._finish_when_drained, None
            finish()

    def _add_entry(self, entry: Entry) -> None:
        self.entries[entry.path] = entry
        self.list_model.set_entry(entry)
        if entry.review is not None:
            stack = QUndoStack(self)
            self.stacks[entry.path] = stack
            self.undo_group.addStack(stack)
            stack.cleanChanged.connect(self._stack_changed)
            stack.indexChanged.connect(self._stack_changed)
        if entry.path == self._wanted_current:
            self._wanted_current = None
            self.select_report(entry.path)
        elif self.current_path is None and self._wanted_current is None:
            self.select_report(entry.path)

    def _after_drain(self, finish) -> None:
        if self._pending:
            self._finish_when_drained = finish
        else:
            finish()

    def _load_finished(self, task: Task, progress: QProgressDialog | None, error: str | None = None,
                       result=None) -> None:
        if progress is not None:
            progress.close()  # (closing emits canceled; the task has finished, so that is harmless)
        if task in self._tasks:
            self._tasks.remove(task)
        reviews = self.reviews()
        if result is not None and result[1]:
            for review, extra in zip(*result):
                if review.cross_findings or extra:
                    review.cross_findings = extra
                    self.list_model.set_entry(self.entries[review.report.source.path])
            self._show_current()
        self._write_journal()
        if error:
            QMessageBox.warning(self, app_name(), tr("读取报告时出错：{0}").format(error))
        bad = [e for e in self.entries.values() if e.error]
        restored = [r for r in reviews if r.restored]
        message = tr("已载入 {0} 份报告，其中 {1} 份无法读取").format(len(self.entries), len(bad))
        if restored:
            message += tr("；{0} 份报告已恢复上次保存的修正").format(len(restored))
        self.statusBar().showMessage(message, 10000)

    # --- dialogs, recent files, drag and drop ----------------------------------------------------
    def open_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("打开报告"), self.settings.last_dir,
                                                tr("报告文件 (*.txt *.htm *.html *.docx *.doc *.pdf);;所有文件 (*)"))
        if paths:
            self.settings.last_dir = str(Path(paths[0]).parent)
            self.open_paths(paths)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("打开文件夹"), self.settings.last_dir)
        if folder:
            self.settings.last_dir = folder
            self.open_paths([folder])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            self.recent_menu.addAction(path, lambda p=path: self.open_paths([p]))
        if self.settings.recent_files:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(tr("清除列表"), self.settings.clear_recent)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.open_paths(paths)

    # --- after a crash ---------------------------------------------------------------------------
    def offer_recovery(self) -> None:
        data = journal.read()
        if data is None:
            return
        paths = [p for p in data.get("open", []) if Path(p).exists()]
        if paths and QMessageBox.question(
                self, app_name(), tr("上次没有正常退出。是否重新打开当时的 {0} 份报告？\n（已做的修正会自动恢复。）").format(len(paths)),
        ) == QMessageBox.StandardButton.Yes:
            self.open_paths(paths, current=data.get("current"))
        else:
            journal.clear()
