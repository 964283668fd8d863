"""The reviewer window: loaded reports on the left, the original text beside the three tables, the
findings below. Everything it shows comes from ``core``; every change goes through an undo command.

The window is assembled from parts: loading (``ui.loading``), the auditor's changes
(``ui.review_actions``), saving workbooks (``ui.workbook_actions``); the panes are their own widgets
(report list, outline, source view, table pages, findings). A new pane or dialog is a widget plus a
line in ``_build_widgets`` or ``_build_actions``."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.model import Finding
from core.review import Review
from core.review.session import Entry
from core.template import TABLE_IDS, CellKey
from core.version import version
from ui import journal
from ui.findings_panel import FindingsPanel
from ui.i18n import LANGUAGES, app_name, language, tr
from ui.loading import LoadActions
from ui.outline import Outline
from ui.page_view import OriginalPanel
from ui.report_list import (
    FILTERS,
    BadgeDelegate,
    PathRole,
    ReportFilter,
    ReportListModel,
    filter_label,
)
from ui.review_actions import ReviewActions
from ui.settings import Settings
from ui.source_view import SourceView
from ui.table_model import FormTableModel, KeyRole, describe
from ui.table_page import TablePage, table_title
from ui.workbook_actions import WorkbookActions
from ui.workers import Task

DEFAULT_SIZE = QSize(1600, 950)
# list · text · tables: the list shows 机关 · 年度 · 文件; English labels need a wider table
DEFAULT_SPLIT = {"zh": [400, 440, 760], "en": [380, 320, 900]}
FINDINGS_MIN_HEIGHT = 150


class MainWindow(LoadActions, ReviewActions, WorkbookActions, QMainWindow):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.entries: dict[str, Entry] = {}
        self.current_path: str | None = None
        self.undo_group = QUndoGroup(self)
        self.stacks: dict[str, QUndoStack] = {}
        self.pool = QThreadPool.globalInstance()
        self._tasks: list[Task] = []
        self._init_loading()
        self._build_widgets()
        self._build_actions()
        self._restore_layout()
        self.undo_group.cleanChanged.connect(self._stack_changed)
        self._update_status()
        self._update_title()

    # --- construction ------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self._build_list())
        self.main_split.addWidget(self._build_middle())
        self.main_split.addWidget(self._build_right())
        for i, stretch in enumerate((1, 3, 4)):
            self.main_split.setStretchFactor(i, stretch)
        self.main_split.setSizes(DEFAULT_SPLIT[language()])
        self.setCentralWidget(self.main_split)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)

    def _build_list(self) -> QWidget:
        self.list_model = ReportListModel(self)
        self.list_filter = ReportFilter(self)
        self.list_filter.setSourceModel(self.list_model)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_filter)
        self.list_view.setSortingEnabled(True)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setItemDelegateForColumn(0, BadgeDelegate(self.list_view))
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        header = self.list_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        fm = self.list_view.fontMetrics()
        for col, sample in ((0, "00 00"), (2, "2024"), (3, "000_0000000000.txt")):
            self.list_view.setColumnWidth(col, fm.horizontalAdvance(sample) + (44 if col == 0 else 18))
        self.list_view.selectionModel().currentRowChanged.connect(self._list_row_changed)
        self.filter_combo = QComboBox()
        for name in FILTERS:
            self.filter_combo.addItem(filter_label(name), name)
        self.filter_combo.currentIndexChanged.connect(
            lambda i: self.list_filter.set_mode(self.filter_combo.itemData(i)))
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(tr("按机关或文件名筛选"))
        self.search_box.textChanged.connect(self.list_filter.setFilterFixedString)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.filter_combo)
        row.addWidget(self.search_box, 1)
        lay.addLayout(row)
        lay.addWidget(self.list_view)
        return left

    def _build_middle(self) -> QWidget:
        self.outline = Outline()
        self.outline.heading_clicked.connect(lambda span: self.source.highlight([span]))
        self.source = SourceView()
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText(tr("在原文中查找（回车查找下一个）"))
        self.find_box.returnPressed.connect(self.find_next)
        middle = QWidget()
        lay = QVBoxLayout(middle)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(tr("六个部分")))
        lay.addWidget(self.outline)
        lay.addWidget(QLabel(tr("报告原文")))
        lay.addWidget(self.find_box)
        self.original = OriginalPanel(self.source)  # the text, and a PDF's pages
        lay.addWidget(self.original, 1)
        return middle

    def _build_right(self) -> QWidget:
        self.models = {t: FormTableModel(t, self) for t in TABLE_IDS}
        self.pages: dict[str, TablePage] = {}
        self.tabs = QTabWidget()
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)  # long titles shrink to fit, full text in the tooltip
        self.tabs.setUsesScrollButtons(False)
        for t in TABLE_IDS:
            model = self.models[t]
            model.edit_requested = self.request_edit
            page = TablePage(model)
            page.view.selectionModel().currentChanged.connect(self._cell_changed)
            page.view.clicked.connect(self._cell_clicked)
            page.view.fitted.connect(self._fit_tables_height)
            self.pages[t] = page
            self.tabs.addTab(page, table_title(t))
            self.tabs.setTabToolTip(self.tabs.count() - 1, table_title(t))
        self.reason_box = QLineEdit()
        self.reason_box.setPlaceholderText(tr("修改原因（可选，记入修改记录）"))
        self.tabs.currentChanged.connect(self._fit_tables_height)
        self.findings = FindingsPanel()
        self.findings.setMinimumHeight(FINDINGS_MIN_HEIGHT)
        self.findings.finding_selected.connect(self.show_finding)
        self.findings.verdict_requested.connect(self.request_verdict)
        tables_box = self.tables_box = QWidget()
        lay = QVBoxLayout(tables_box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.reason_box)
        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.addWidget(tables_box)
        self.right_split.addWidget(self.findings)
        self.right_split.setStretchFactor(0, 3)
        self.right_split.setStretchFactor(1, 2)
        self.right_split.setSizes([DEFAULT_SIZE.height(), FINDINGS_MIN_HEIGHT])  # the table as tall as it is
        return self.right_split

    def _fit_tables_height(self, _index=None) -> None:
        """The tables' pane is never taller than the table shown: what a short table leaves over
        goes to the findings, not to an empty area under the table."""
        page = self.tabs.currentWidget()
        if page is None:
            return
        lay = self.tables_box.layout()
        need = (self.tabs.tabBar().sizeHint().height() + page.sizeHint().height() + 2 * self.tabs.style().pixelMetric(
            self.tabs.style().PixelMetric.PM_DefaultFrameWidth) + lay.spacing() + self.reason_box.sizeHint().height() + 4)
        self.tables_box.setMaximumHeight(need)

    def _action(self, text: str, slot, shortcut=None, menu=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu(tr("文件(&F)"))
        self.open_action = self._action(tr("打开报告(&O)…"), self.open_files_dialog, QKeySequence.StandardKey.Open,
                                        file_menu)
        self._action(tr("打开文件夹(&D)…"), self.open_folder_dialog, "Ctrl+Shift+O", file_menu)
        self._action(tr("从网址导入(&U)…"), self.fetch_dialog, None, file_menu)
        self.recent_menu = file_menu.addMenu(tr("最近打开(&R)"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.save_action = self._action(tr("保存审阅底稿(&S)…"), self.save_workbook_dialog,
                                        QKeySequence.StandardKey.Save, file_menu)
        self._action(tr("全部导出(&E)…"), self.export_all_dialog, "Ctrl+Shift+E", file_menu)
        self._action(tr("复核签署(&K)…"), self.sign_off_dialog, None, file_menu)
        self._action(tr("审阅人(&W)…"), self.ask_reviewer, None, file_menu)
        file_menu.addSeparator()
        self._action(tr("退出(&Q)"), self.close, QKeySequence.StandardKey.Quit, file_menu)

        edit_menu = self.edit_menu = bar.addMenu(tr("编辑(&E)"))
        undo = self.undo_group.createUndoAction(self, tr("撤销"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, tr("重做"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        edit_menu.addSeparator()
        self._action(tr("在原文中查找(&F)"), self.focus_find, QKeySequence.StandardKey.Find, edit_menu)
        self._action(tr("查找下一个"), self.find_next, QKeySequence.StandardKey.FindNext, edit_menu)
        self._action(tr("撤销本单元格的修正"), self.revert_cell, "Ctrl+Backspace", edit_menu)
        self._action(tr("修改机关名称…"), self.ask_agency, None, edit_menu)

        view_menu = self.view_menu = bar.addMenu(tr("视图(&V)"))
        self._action(tr("放大原文"), lambda: self._zoom(1), QKeySequence.StandardKey.ZoomIn, view_menu)
        self._action(tr("缩小原文"), lambda: self._zoom(-1), QKeySequence.StandardKey.ZoomOut, view_menu)
        self._action(tr("下一条问题"), lambda: self._step_finding(1), "F8", view_menu)
        self._action(tr("上一条问题"), lambda: self._step_finding(-1), "Shift+F8", view_menu)
        lang_menu = view_menu.addMenu(tr("界面语言(&L)"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            act = QAction(name, self, checkable=True)
            act.setChecked(code == self.settings.language)
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(act)
            lang_menu.addAction(act)

        help_menu = self.help_menu = bar.addMenu(tr("帮助(&H)"))
        self._action(tr("关于(&A)"), self.about, None, help_menu)

    # --- layout persistence --------------------------------------------------------------------
    def _restore_layout(self) -> None:
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(DEFAULT_SIZE)
        for name, splitter in (("main", self.main_split), ("right", self.right_split)):
            state = self.settings.splitter(name)
            if state is not None:
                splitter.restoreState(state)
        if self.settings.text_zoom:
            self.source.zoom(self.settings.text_zoom)

    def _save_layout(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.set_splitter("main", self.main_split.saveState())
        self.settings.set_splitter("right", self.right_split.saveState())
        self.settings.text_zoom = self.source.zoom_level
        self.settings.sync()

    # --- the current report --------------------------------------------------------------------
    def reviews(self) -> list[Review]:
        return [e.review for e in self.entries.values() if e.review is not None]

    @property
    def current(self) -> Review | None:
        entry = self.entries.get(self.current_path or "")
        return entry.review if entry else None

    def select_report(self, path: str) -> None:
        row = self.list_model.row_of(path)
        if row >= 0:
            index = self.list_filter.mapFromSource(self.list_model.index(row, 0))
            if index.isValid():
                self.list_view.selectRow(index.row())
        self._set_current(path)

    def _list_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._set_current(current.data(PathRole))

    def _set_current(self, path: str) -> None:
        if path == self.current_path and self.current is not None:
            return
        self.current_path = path
        self.undo_group.setActiveStack(self.stacks.get(path))
        for page in self.pages.values():
            page.view.clearSelection()  # the previous report's selected cells mean nothing here
        self._show_current()
        self._write_journal()

    def _show_current(self) -> None:
        entry = self.entries.get(self.current_path or "")
        review = entry.review if entry else None
        self.source.show_report(review.report if review else None)
        self.original.show_report(review.report if review else None)
        if entry is not None and review is None:
            self.source.setPlainText(tr("无法读取此文件：\n{0}\n\n{1}").format(entry.path, entry.error))
        for t in TABLE_IDS:
            self.models[t].set_review(review)
            self.pages[t].update_banner()
        self.findings.show_findings(review)
        self.outline.show_review(review)
        self._update_status()
        self._update_title()

    # --- provenance ----------------------------------------------------------------------------
    def _cell_clicked(self, index: QModelIndex) -> None:
        self._cell_changed(index, QModelIndex())

    def _cell_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        key: CellKey | None = index.data(KeyRole) if index.isValid() else None
        review = self.current
        if key is None or review is None:
            return
        span = review.parsed(key).span
        self.source.highlight([span] if span else [])
        self.original.show_spans([span] if span else [])
        st = self.models[key.table].status(key)
        text = describe(key)
        if st is not None and st.notes:
            text += " — " + st.notes[0]
        self.statusBar().showMessage(text if span else text + tr("（原文中没有对应位置）"), 10000)

    def show_finding(self, finding: Finding) -> None:
        review = self.current
        if review is None:
            return
        spans = list(finding.spans) or [s for k in finding.cells if (s := review.parsed(k).span)]
        if finding.cells:
            table = finding.cells[0].table
            page = self.pages[table]
            self.tabs.setCurrentWidget(page)
            selection = page.view.selectionModel()
            selection.blockSignals(True)
            selection.clearSelection()
            for k in finding.cells:
                if k.table == table:
                    selection.select(self.models[table].index_of(k), selection.SelectionFlag.Select)
            selection.blockSignals(False)
            page.view.scrollTo(self.models[table].index_of(finding.cells[0]))
            page.view.viewport().update()
        self.source.highlight(spans)
        self.original.show_spans(spans)

    def _step_finding(self, step: int) -> None:
        count = self.findings.tree.topLevelItemCount()
        if count:
            row = self.findings.tree.indexOfTopLevelItem(self.findings.tree.currentItem()) if \
                self.findings.tree.currentItem() else -1
            self.findings.select_row((row + step) % count)

    # --- find, zoom ----------------------------------------------------------------------------
    def focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self) -> bool:
        text = self.find_box.text()
        if not text:
            return False
        if self.source.find(text):
            return True
        cursor = self.source.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.source.setTextCursor(cursor)
        found = self.source.find(text)
        if not found:
            self.statusBar().showMessage(tr("原文中没有“{0}”").format(text), 5000)
        return found

    def _zoom(self, steps: int) -> None:
        self.source.zoom(steps)

    # --- misc actions --------------------------------------------------------------------------
    def fetch_dialog(self) -> None:
        from ui.fetch_dialog import open_fetch_dialog

        self.fetch = open_fetch_dialog(self, getattr(self, "fetch", None))

    def ask_reviewer(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, app_name(), tr("审阅人姓名（写入审阅底稿）："), text=self.settings.reviewer)
        if ok:
            self.settings.reviewer = name.strip()
            for r in self.reviews():
                r.reviewer = name.strip()

    def set_language(self, code: str) -> None:
        self.settings.language = code
        QMessageBox.information(self, app_name(), tr("界面语言将在重新启动后生效。"))

    def about(self) -> None:
        QMessageBox.about(self, tr("关于 {0}").format(app_name()), tr(
            "<h3>{0} {1}</h3><p>政府信息公开工作年度报告审阅工具。</p>"
            "<p>读取报告，提取三张统计表，核对勾稽关系、六个部分与正文表述，"
            "记录人工修正，并生成审阅底稿（Excel）。</p>").format(app_name(), version()))

    def _update_status(self) -> None:
        entry = self.entries.get(self.current_path or "")
        if entry is None:
            self.status_label.setText(tr("未打开报告"))
            return
        if entry.review is None:
            self.status_label.setText(tr("{0} · 无法读取").format(Path(entry.path).name))
            return
        doc = entry.review.report.source
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in entry.review.findings:
            counts[f.severity.value] += 1
        text = tr("{0} · 编码 {1} · 格式 {2} · 错误 {3} 警告 {4} 提示 {5} · 修正 {6}").format(
            Path(doc.path).name, doc.encoding, doc.format, counts["error"], counts["warning"], counts["info"],
            len(entry.review.corrections))
        if entry.review.restored:
            text += tr(" · 已恢复上次的修正")
        if entry.review.source_changed:
            text += tr(" · 注意：原文件在上次审阅后已改动")
        self.status_label.setText(text)

    def _update_title(self) -> None:
        review = self.current
        name = ""
        if review is not None:
            r = review.report
            name = f"{r.agency or Path(r.source.path).name} {r.year or ''}".strip()
        self.setWindowTitle(f"{name}[*] — {app_name()}" if name else f"{app_name()}[*]")
        self.setWindowModified(any(not s.isClean() for s in self.stacks.values()))

    def closeEvent(self, event) -> None:
        dirty = [p for p, s in self.stacks.items() if not s.isClean()]
        if dirty:
            answer = QMessageBox.question(
                self, app_name(),
                tr("有 {0} 份报告的修正尚未写入审阅底稿。\n（修正本身已自动保存，重新打开报告即可恢复。）\n\n是否先保存审阅底稿？")
                .format(len(dirty)),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                if self.current_path not in dirty:
                    self.select_report(dirty[0])
                if not self.save_workbook_dialog():
                    event.ignore()
                    return
        for task in self._tasks:
            task.cancel()
        self.pool.waitForDone(5000)  # workers emit through this window's signals: let them stop first
        self._save_layout()
        journal.clear()
        event.accept()


def show_later(window: MainWindow, paths: list[str]) -> None:
    """Open the window first, then load: the first paint does not wait for the files."""
    QTimer.singleShot(0, lambda: (window.offer_recovery(), window.open_paths(paths) if paths else None))
