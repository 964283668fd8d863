"""文件 ▸ 从网址导入: addresses in, reports downloaded with their evidence (core.collect) on a worker
thread, a live log of each address's outcome, progress and cancel; the reports found are then opened in
the window like any files."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from core.collect.evidence import INDEX_NAME
from ui.i18n import app_name, tr
from ui.workers import Task

DEFAULT_FOLDER = "年报证据"


class FetchDialog(QDialog):
    imported = Signal(list)  # the report files downloaded, to open

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.task: Task | None = None
        self.setWindowTitle(tr("从网址导入") + f" — {app_name()}")
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("网址（每行一个：年度报告网页，或 PDF/DOC/DOCX 附件）：")))
        self.urls = QPlainTextEdit()
        self.urls.setPlaceholderText("https://www.example.gov.cn/zwgk/2024/ndbg.html")
        layout.addWidget(self.urls, 2)
        row = QHBoxLayout()
        load = QPushButton(tr("从文件读取网址…"))
        load.clicked.connect(self.load_list)
        row.addWidget(load)
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("证据文件夹：")))
        base = Path(window.settings.last_dir) if window.settings.last_dir else Path.home()
        self.folder = QLineEdit(str(base / DEFAULT_FOLDER))
        row.addWidget(self.folder, 1)
        browse = QPushButton(tr("浏览…"))
        browse.clicked.connect(self.choose_folder)
        row.addWidget(browse)
        layout.addLayout(row)
        self.robots = QCheckBox(tr("遵守网站的 robots.txt（关闭前请确认已获授权）"))
        self.robots.setChecked(True)
        layout.addWidget(self.robots)
        self.bar = QProgressBar()
        self.bar.setValue(0)
        layout.addWidget(self.bar)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        layout.addWidget(self.log, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_button = QPushButton(tr("开始下载"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.close_button = QPushButton(tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def load_list(self) -> None:
        from core.collect.collector import read_list
        from core.errors import ReportError

        path, _ = QFileDialog.getOpenFileName(self, tr("网址列表文件"), self.window_.settings.last_dir,
                                              tr("文本文件 (*.txt *.csv);;所有文件 (*)"))
        if not path:
            return
        try:
            found = read_list(path)
        except ReportError as exc:
            self.log.appendPlainText(tr("无法读取网址列表 {0}：{1}").format(exc.path, exc.reason))
            return
        current = self.urls.toPlainText().strip()
        self.urls.setPlainText("\n".join(([current] if current else []) + found))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("选择证据文件夹"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def addresses(self) -> list[str]:
        return [line.strip() for line in self.urls.toPlainText().splitlines() if line.strip()]

    def start(self) -> Task | None:
        from core.collect.client import FetchOptions
        from core.collect.collector import collect

        urls, folder = self.addresses(), self.folder.text().strip()
        if not urls:
            self.log.appendPlainText(tr("请先输入网址。"))
            return None
        if not folder:
            self.log.appendPlainText(tr("请选择证据文件夹。"))
            return None
        options = FetchOptions(robots=self.robots.isChecked())

        def work(task: Task):
            return collect(urls, folder, options, cancelled=lambda: task.cancelled,
                           progress=lambda d, t, label: task.signals.progress.emit(d, t, label),
                           on_result=task.signals.item.emit)

        self.task = task = Task(work)
        task.signals.item.connect(lambda r: self.log.appendPlainText("\n".join(r.lines())))
        task.signals.progress.connect(self._progress)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(lambda msg: self._finished(None, msg))
        self.bar.setRange(0, len(urls))
        self.bar.setValue(0)
        self.log.appendPlainText(tr("开始下载 {0} 个网址到 {1}").format(len(urls), folder))
        self.start_button.setEnabled(False)
        self.close_button.setText(tr("取消"))
        self.window_._tasks.append(task)  # the window cancels it if closed meanwhile
        self.window_.pool.start(task)
        return task

    def _progress(self, done: int, total: int, label: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.bar.setFormat(f"%v/%m  {label[-60:]}")

    def _finished(self, result, error: str | None = None) -> None:
        task, self.task = self.task, None
        if task in self.window_._tasks:
            self.window_._tasks.remove(task)
        self.start_button.setEnabled(True)
        self.close_button.setText(tr("关闭"))
        if error:
            self.log.appendPlainText(tr("下载失败：{0}").format(error))
            return
        files = [str(p) for p in result.report_files]
        failed = sum(not r.ok for r in result.results)
        if result.cancelled:
            self.log.appendPlainText(tr("已取消。"))
        self.log.appendPlainText(tr("完成：{0} 份报告，{1} 个网址未取得报告。证据索引：{2}")
                                 .format(len(files), failed, Path(result.folder) / INDEX_NAME))
        self.window_.settings.last_dir = str(Path(result.folder).parent)
        if files:
            self.imported.emit(files)

    def reject(self) -> None:
        """Cancel while downloading (the dialog stays to show what was done); close otherwise."""
        if self.task is not None:
            self.task.cancel()
            self.log.appendPlainText(tr("正在取消…"))
            return
        super().reject()


def open_fetch_dialog(window, dialog: FetchDialog | None = None) -> FetchDialog:
    """Show the window's import dialog (``dialog``, kept from last time, keeps its log and addresses)."""
    if dialog is None:
        dialog = FetchDialog(window)
        dialog.imported.connect(window.open_paths)
    dialog.show()
    dialog.raise_()
    return dialog
