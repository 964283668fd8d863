"""A Qt table model over one table of a ``Review``, laid out as the printed form
(``core.export.form_grid.form_layout``): header and label blocks around the value cells. A thin
adapter, no arithmetic of its own.

Labels are disabled items: they cannot be selected, edited or reached with the keyboard, so arrows,
Tab and typing move between value cells only. Edits do not change the review here; they are handed
to ``edit_requested`` so the window can wrap them in an undoable command. After any change the
window calls ``refresh``, which repaints only the cells whose text or colour changed."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from core.export import style
from core.export.cell_status import CellStatus, cell_statuses
from core.export.form_grid import Block, form_layout
from core.review import Review
from core.template import TABLES, CellKey, cell_label, form_label
from ui.i18n import language, tr

KeyRole = Qt.ItemDataRole.UserRole + 1
BlockRole = Qt.ItemDataRole.UserRole + 2  # the Block at a position (for the view's spans and sizes)

_Index = QModelIndex | QPersistentModelIndex
_BLACK = QBrush(QColor("#000000"))
_HEADER = QBrush(QColor(style.HEADING))
_LABEL = QBrush(QColor(style.LABEL))
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def describe(key: CellKey) -> str:
    """'表B“一、本年新收… · 自然人”' in the interface language."""
    return tr("表{0}“{1}”").format(TABLES[key.table].letter, cell_label(key, language()))


class FormTableModel(QAbstractTableModel):
    def __init__(self, table: str, parent=None) -> None:
        super().__init__(parent)
        self.layout = form_layout(table)
        self.table = table
        self.lang = language()
        self.review: Review | None = None
        self.edit_requested: Callable[[CellKey, str], None] | None = None
        self._status: dict[CellKey, CellStatus] = {}
        self._positions = self.layout.positions
        self._keys = list(self._positions)
        self.header_font = QFont()
        self.header_font.setBold(True)
        self._corrected = QFont()
        self._corrected.setItalic(True)
        self._corrected.setBold(True)

    # --- binding -------------------------------------------------------------------------------
    def set_review(self, review: Review | None) -> None:
        """Show another report: the shape never changes, so every cell repaints in one signal (a
        reset would drop the view's spans and row heights)."""
        self.review = review
        self._status = cell_statuses(review, self._keys, self.lang) if review else {}
        rows, cols = self.layout.shape
        self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))

    def refresh(self) -> list[CellKey]:
        """Re-read the review; emit ``dataChanged`` for each cell whose look changed."""
        if self.review is None:
            return []
        new = cell_statuses(self.review, self._keys, self.lang)
        changed = [k for k in self._keys if new[k] != self._status.get(k)]
        self._status = new
        for k in changed:
            idx = self.index(*self._positions[k])
            self.dataChanged.emit(idx, idx)
        return changed

    @property
    def table_found(self) -> bool:
        return self.review is not None and self.review.report.tables.get(self.table) is not None

    def index_of(self, key: CellKey) -> QModelIndex:
        return self.index(*self._positions[key])

    def status(self, key: CellKey) -> CellStatus | None:
        return self._status.get(key)

    def label(self, block: Block) -> str:
        """What a label block shows: a value column's header may be a shorter form (English)."""
        return form_label(block.text, self.lang, short=block.header and block.cols == 1)

    # --- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.layout.shape[0]

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.layout.shape[1]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        block = self.layout.block_at(index.row(), index.column()) if index.isValid() else None
        if block is None or block.key is None:
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.review is not None else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        block = self.layout.block_at(index.row(), index.column())
        if block is None:
            return None
        if role == BlockRole:
            return block
        if block.key is None:
            return self._label_data(block, role)
        key = block.key
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
            return _BLACK
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and st.corrected:
            return self._corrected
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(key, st)
        return None

    def _label_data(self, block: Block, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(block)
        if role == Qt.ItemDataRole.ToolTipRole:
            return form_label(block.text, self.lang)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _HEADER if block.header else _LABEL
        if role == Qt.ItemDataRole.ForegroundRole:
            return _BLACK
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE if block.header else _LEFT
        if role == Qt.ItemDataRole.FontRole and block.header:
            return self.header_font if block.group else None  # a column's own header: regular, it has the least room
        return None

    def _tooltip(self, key: CellKey, st: CellStatus) -> str:
        lines = [describe(key)]
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
        block = self.layout.block_at(index.row(), index.column())
        if block is None or block.key is None:
            return False
        text = str(value).strip()
        if text == self._status[block.key].text:
            return False
        self.edit_requested(block.key, text)
        return True
