"""A Qt table model over one table of a ``Review``: a thin adapter, no arithmetic of its own.

Edits do not change the review here; they are handed to ``edit_requested`` so the window can wrap
them in an undoable command. After any change the window calls ``refresh``, which repaints only the
cells whose text or colour actually changed (``dataChanged`` per cell, never a reset)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from core.export import style
from core.export.cell_status import CellStatus, cell_statuses
from core.export.form_grid import form_grid
from core.review import Review
from core.template import CellKey
from ui.i18n import tr

KeyRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex



class FormTableModel(QAbstractTableModel):
    def __init__(self, table: str, parent=None) -> None:
        super().__init__(parent)
        self.grid = form_grid(table)
        self.review: Review | None = None
        self.edit_requested: Callable[[CellKey, str], None] | None = None
        self._status: dict[CellKey, CellStatus] = {}
        self._keys = [k for row in self.grid.cells for k in row if k is not None]

    # --- binding -------------------------------------------------------------------------------
    def set_review(self, review: Review | None) -> None:
        self.beginResetModel()
        self.review = review
        self._status = cell_statuses(review, self._keys) if review else {}
        self.endResetModel()

    def refresh(self) -> list[CellKey]:
        """Re-read the review; emit ``dataChanged`` for each cell whose look changed."""
        if self.review is None:
            return []
        new = cell_statuses(self.review, self._keys)
        changed = [k for k in self._keys if new[k] != self._status.get(k)]
        self._status = new
        pos = self.grid.positions
        for k in changed:
            idx = self.index(*pos[k])
            self.dataChanged.emit(idx, idx)
        return changed

    @property
    def table_found(self) -> bool:
        return self.review is not None and self.review.report.tables.get(self.grid.table) is not None

    def index_of(self, key: CellKey) -> QModelIndex:
        r, c = self.grid.positions[key]
        return self.index(r, c)

    def status(self, key: CellKey) -> CellStatus | None:
        return self._status.get(key)

    # --- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.grid.shape[0]

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.grid.shape[1]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        key = self.grid.key_at(index.row(), index.column())
        if key is None:
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.review is not None else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.grid.key_at(index.row(), index.column())
        if key is None:
            return None
        if role == KeyRole:
            return key
        st = self._status.get(key)
        if st is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return st.text
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = st.colour_role
            return QBrush(QColor(getattr(style, colour))) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and st.corrected:
            font = QFont()
            font.setItalic(True)
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(key, st)
        return None

    def _tooltip(self, key: CellKey, st: CellStatus) -> str:
        lines = [self.review.describe(key) if self.review else key.id]
        if st.corrected:
            lines.append(tr("人工修正，原值 {0}").format(st.original))
        elif st.kind.value in ("empty", "placeholder", "missing", "ambiguous", "text", "invalid"):
            lines.append({"empty": tr("空白单元格"), "placeholder": tr("占位符，不是数字"),
                          "missing": tr("未读到数值"), "ambiguous": tr("无法唯一确定的数值"),
                          "text": tr("文字，不是数字"), "invalid": tr("不合规的数值")}[st.kind.value])
        lines.extend(st.notes)
        return "\n".join(lines)

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edit_requested is None:
            return False
        key = self.grid.key_at(index.row(), index.column())
        if key is None:
            return False
        text = str(value).strip()
        if text == self._status[key].text:
            return False
        self.edit_requested(key, text)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self.grid.column_labels[section]
            return self.grid.row_titles[section]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            groups = [g for g, a, b in self.grid.column_groups if a <= section <= b]
            return " · ".join(groups + [self.grid.column_labels[section]])
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical:
            return " · ".join(x for x in (self.grid.row_groups[section], self.grid.row_labels[section]) if x)
        return None
