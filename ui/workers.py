"""Long work on the thread pool. Workers never touch widgets: results and progress come back by
signal, and a cancel flag is polled between files."""
from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from core.session import load_entry


class TaskSignals(QObject):
    item = Signal(object)            # one result (an Entry while loading)
    progress = Signal(int, int, str)  # done, total, label
    finished = Signal(object)        # final result or None
    failed = Signal(str)


class Task(QRunnable):
    """Run ``work(report_progress, cancelled)`` off the GUI thread."""

    def __init__(self, work: Callable[["Task"], object]) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self)
        except Exception as exc:  # reported to the user as a dialog, never lost in a thread
            self.signals.failed.emit(str(exc))
            return
        self.signals.finished.emit(result)


def load_task(paths: list[str], reviewer: str) -> Task:
    def work(task: Task) -> None:
        for i, path in enumerate(paths):
            if task.cancelled:
                break
            task.signals.item.emit(load_entry(path, reviewer))
            task.signals.progress.emit(i + 1, len(paths), path)
        return None

    return Task(work)
