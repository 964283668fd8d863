"""The loaded reports: agency, year, a status badge with counts; sortable and filterable."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from core.export import style
from core.model import Severity
from core.review.session import Entry
from ui.i18n import tr

PathRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2   # "error" | "warning" | "ok" | "unreadable"



FILTERS = ("all", "error", "warning", "ok", "unreadable")


def filter_label(name: str) -> str:
    return {"all": tr("全部报告"), "error": tr("有错误的"), "warning": tr("有警告的"), "ok": tr("无问题的"),
            "unreadable": tr("无法读取的")}[name]


def entry_status(entry: Entry) -> tuple[str, str, str]:
    """(status, badge text, tooltip)"""
    if entry.review is None:
        return "unreadable", tr("⛔ 无法读取"), entry.error or ""
    counts = {s: 0 for s in Severity}
    for f in entry.review.findings:
        counts[f.severity] += 1
    e, w = counts[Severity.ERROR], counts[Severity.WARNING]
    tip = tr("错误 {0} · 警告 {1} · 提示 {2}").format(e, w, counts[Severity.INFO])
    if e:
        return "error", f"✖ {e}" + (f" ⚠ {w}" if w else ""), tip
    if w:
        return "warning", f"⚠ {w}", tip
    return "ok", "✔", tip


class ReportListModel(QStandardItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(0, 4, parent)
        self._rows: dict[str, int] = {}
        self.setHorizontalHeaderLabels([tr("状态"), tr("机关"), tr("年度"), tr("文件")])

    def row_of(self, path: str) -> int:
        return self._rows.get(path, -1)  # rows are only ever appended

    def set_entry(self, entry: Entry) -> None:
        status, badge, tip = entry_status(entry)
        report = entry.review.report if entry.review else None
        agency = (report.agency or tr("（未识别机关）")) if report else ""
        year = str(report.year) if report and report.year else ""
        items = [QStandardItem(badge), QStandardItem(agency), QStandardItem(year), QStandardItem(entry.path)]
        colour = {"error": style.ERROR, "warning": style.WARNING, "ok": style.OK, "unreadable": style.MISSING}[status]
        for it in items:
            it.setEditable(False)
            it.setData(entry.path, PathRole)
            it.setData(status, StatusRole)
            it.setToolTip(tip if it is not items[3] else entry.path + ("\n" + entry.error if entry.error else ""))
        items[0].setBackground(QBrush(QColor(colour)))
        items[2].setData(report.year if report and report.year else 0, Qt.ItemDataRole.UserRole + 3)
        row = self.row_of(entry.path)
        if row < 0:
            self._rows[entry.path] = self.rowCount()
            self.appendRow(items)
        else:
            for c, it in enumerate(items):
                self.setItem(row, c, it)


class ReportFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.mode = "all"
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_mode(self, mode: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9 replaces invalidateFilter()
            self.beginFilterChange()
            self.mode = mode
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.mode = mode
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        model = self.sourceModel()
        status = model.index(row, 0, parent).data(StatusRole)
        if self.mode != "all" and status != self.mode:
            return False
        return super().filterAcceptsRow(row, parent)
