"""The loaded reports: a status badge (drawn icons with counts), agency, year and file; sortable and
filterable. A row is updated in place after an edit, and the proxy does not re-sort on its own, so
the list never moves under the auditor (it sorts when a header is clicked)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from core.export import style
from core.model import Severity
from core.review.session import Entry
from ui.i18n import tr
from ui.icons import status_icon

PathRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2   # "error" | "warning" | "ok" | "unreadable"
SortRole = Qt.ItemDataRole.UserRole + 3
BadgeRole = Qt.ItemDataRole.UserRole + 4    # [(icon name, count or None), ...]

FILTERS = ("all", "error", "warning", "ok", "unreadable")
COLUMNS = ("status", "agency", "year", "file")
ICON = 16


def filter_label(name: str) -> str:
    return {"all": tr("全部报告"), "error": tr("有错误的"), "warning": tr("有警告的"), "ok": tr("无问题的"),
            "unreadable": tr("无法读取的")}[name]


def entry_status(entry: Entry) -> tuple[str, list[tuple[str, int | None]], str]:
    """(status, badge, tooltip)"""
    if entry.review is None:
        return "unreadable", [("unreadable", None)], tr("无法读取：{0}").format(entry.error or "")
    counts = {s: 0 for s in Severity}
    for f in entry.review.findings:
        counts[f.severity] += 1
    e, w = counts[Severity.ERROR], counts[Severity.WARNING]
    tip = tr("错误 {0} · 警告 {1} · 提示 {2}").format(e, w, counts[Severity.INFO])
    if e:
        return "error", [("error", e)] + ([("warning", w)] if w else []), tip
    if w:
        return "warning", [("warning", w)], tip
    return "ok", [("ok", None)], tip


def _status_order(status: str, badge: list[tuple[str, int | None]]) -> int:
    """Worst first when sorted descending: unreadable, then by errors, then by warnings."""
    counts = dict(badge)
    return {"unreadable": 3_000_000, "error": 2_000_000, "warning": 1_000_000, "ok": 0}[status] \
        + (counts.get("error") or 0) * 1000 + (counts.get("warning") or 0)


class BadgeDelegate(QStyledItemDelegate):
    """Paints the badge: an icon per severity with its count beside it."""

    def paint(self, painter, option, index) -> None:
        badge = index.data(BadgeRole) or []
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        (widget.style() if widget else QStyle).drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                                                           widget)
        x = option.rect.left() + 4
        y = option.rect.top() + (option.rect.height() - ICON) // 2
        painter.save()
        painter.setPen(option.palette.color(option.palette.ColorRole.Text))
        for name, count in badge:
            status_icon(name).paint(painter, QRect(x, y, ICON, ICON))
            x += ICON + 2
            if count is not None:
                text = str(count)
                w = option.fontMetrics.horizontalAdvance(text)
                painter.drawText(QRect(x, option.rect.top(), w + 2, option.rect.height()),
                                 int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
                x += w + 6
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        badge = index.data(BadgeRole) or []
        digits = sum(option.fontMetrics.horizontalAdvance(str(c)) + 6 for _, c in badge if c is not None)
        return QSize(8 + len(badge) * (ICON + 2) + digits, max(ICON + 6, option.fontMetrics.height() + 6))


class ReportListModel(QStandardItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self._rows: dict[str, int] = {}
        self.setHorizontalHeaderLabels([tr("状态"), tr("机关"), tr("年度"), tr("文件")])

    def row_of(self, path: str) -> int:
        return self._rows.get(path, -1)  # rows are only ever appended

    def set_entry(self, entry: Entry) -> None:
        """Add the entry's row, or update it in place (items kept: selection and order stay put)."""
        status, badge, tip = entry_status(entry)
        report = entry.review.report if entry.review else None
        agency = (report.agency or tr("（未识别机关）")) if report else ""
        year = report.year if report and report.year else None
        name = Path(entry.path).name
        colour = {"error": style.ERROR, "warning": style.WARNING, "ok": style.OK, "unreadable": style.MISSING}[status]
        row = self.row_of(entry.path)
        if row < 0:
            row = self._rows[entry.path] = self.rowCount()
            items = [QStandardItem() for _ in COLUMNS]
            for it in items:
                it.setEditable(False)
                it.setData(entry.path, PathRole)
            self.appendRow(items)
        items = [self.item(row, c) for c in range(len(COLUMNS))]
        values = (("", _status_order(status, badge)), (agency, agency), (str(year or ""), year or 0), (name, name))
        for it, (text, key) in zip(items, values):
            it.setText(text)
            it.setData(key, SortRole)
            it.setData(status, StatusRole)
            it.setToolTip(tip)
        items[0].setData(badge, BadgeRole)
        items[0].setBackground(QBrush(QColor(colour)))
        items[0].setAccessibleText(tip)
        items[1].setToolTip(f"{agency}\n{tip}" if agency else tip)
        items[3].setToolTip(entry.path + ("\n" + entry.error if entry.error else ""))


class ReportFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.mode = "all"
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(False)  # an edit must not move the row the auditor is working on

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
