"""Long work on the thread pool. Workers never touch widgets: results and progress come back by
signal, and a cancel flag is polled between files."""
from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from core.checks import run_cross_checks
from core.model import Finding
from core.reading.progress import PageProgress, ReadCancelled
from core.review import Review
from core.review.session import load_entry


class TaskSignals(QObject):
    item = Signal(object)            # one result (an Entry while loading)
    progress = Signal(int, int, str)  # done, total, label
    pages = Signal(str, int, int)     # a scan being recognised: file, pages done, pages
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


def load_task(paths: list[str], reviewer: str, loaded: list[Review]) -> Task:
    """Read, extract and check each file (its findings computed here, off the GUI thread); at the
    end compute the cross-report findings over ``loaded`` plus the new reports and return them,
    aligned with that list, for the GUI thread to attach."""
    def work(task: Task) -> tuple[list[Review], list[list[Finding]]]:
        reviews = list(loaded)
        for i, path in enumerate(paths):
            if task.cancelled:
                break
            pages = PageProgress(lambda done, total, p=path: task.signals.pages.emit(p, done, total),
                                 lambda: task.cancelled)
            try:
                entry = load_entry(path, reviewer, pages)
            except ReadCancelled:
                break
            if entry.review is not None:
                entry.review.findings  # noqa: B018  (computed and cached here)
                reviews.append(entry.review)
            task.signals.item.emit(entry)
            task.signals.progress.emit(i + 1, len(paths), path)
        cross = run_cross_checks([(r.report, r.overrides) for r in reviews]) if len(reviews) > 1 else []
        return reviews, cross

    return Task(work)
