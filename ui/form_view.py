"""A table shown as the printed form: the model's blocks become spans, labels wrap, rows are as tall
as their text needs, columns share the width (value columns alike, long labels take the rest), the
view is no taller than its rows (no empty grey area under a table), and the header band stays in
place while the rows scroll under it (a second view over the same model, the Qt "frozen column"
pattern turned on its side)."""
from __future__ import annotations

import math
import re

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from core.export.form_grid import FormLayout
from ui.table_model import FormTableModel, KeyRole

PAD_X, PAD_Y = 10, 8       # room around a cell's text (margins and the grid line)
VALUE_MIN_CHARS = 2.6      # a value column fits a 5-digit number and a label wrapped to 2-character lines
VALUE_MAX_CHARS = 4        # wider value columns would only take room the row labels need
VALUE_ROOMY_CHARS = 7      # when the row labels are short: a 6-character header on one line
VALUE_WORD_CHARS = 6       # a longer English word over a value column breaks inside the word
SLACK = 3                  # a word measured to the pixel may still not fit once drawn
_SHORT_CJK = re.compile(r"[\u4e00-\u9fff]{3,8}")


def balanced(text: str, fm: QFontMetrics, width: int) -> str:
    """A short Chinese label that does not fit on one line, broken into even lines (结果/维持, not
    结果维/持); anything else is left to word wrap."""
    if not _SHORT_CJK.fullmatch(text) or fm.horizontalAdvance(text) <= width:
        return text
    lines = math.ceil(fm.horizontalAdvance(text) / max(width, 1))
    per = math.ceil(len(text) / lines)
    return "\u2028".join(text[i:i + per] for i in range(0, len(text), per))  # U+2028: a line break


def wrapped(text: str, fm: QFontMetrics, width: int) -> tuple[str, int]:
    """The text and the drawing flags a label needs in ``width``: word wrap, or wrap anywhere when a
    single word is wider than the column (English in a narrow column), never an ellipsis."""
    text = balanced(text, fm, width)
    too_wide = any(fm.horizontalAdvance(word) > width for word in text.split())
    return text, int(Qt.TextFlag.TextWrapAnywhere if too_wide else Qt.TextFlag.TextWordWrap)


def text_area(width: int) -> int:
    """The width a label's text gets in a cell of ``width``: less the grid line and the padding."""
    return width - 1 - PAD_X


def text_height(text: str, fm: QFontMetrics, width: int) -> int:
    shown, flags = wrapped(text, fm, width)
    return fm.boundingRect(QRect(0, 0, max(width, 1), 100000), flags, shown).height()


class LabelDelegate(QStyledItemDelegate):
    """Draws a label's cell as the style does, and its text wrapped as ``wrapped`` says, so that what
    the view measured for the row heights is what is drawn (value cells are drawn as usual)."""

    def paint(self, painter, option, index) -> None:
        if index.data(KeyRole) is not None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        area = opt.rect.adjusted(PAD_X // 2, PAD_Y // 2, -(PAD_X - PAD_X // 2), -(PAD_Y - PAD_Y // 2))
        shown, flags = wrapped(text, QFontMetrics(opt.font), area.width())
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(opt.palette.ColorRole.Text))
        painter.drawText(area, int(opt.displayAlignment) | flags, shown)
        painter.restore()


def _configure(view: QTableView) -> None:
    view.horizontalHeader().hide()
    view.verticalHeader().hide()
    for header in (view.horizontalHeader(), view.verticalHeader()):
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(8)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)


class FormView(QTableView):
    fitted = Signal()  # row heights changed: the view's height hint with them

    def __init__(self, model: FormTableModel, parent=None) -> None:
        super().__init__(parent)
        self.layout_: FormLayout = model.layout
        self.setModel(model)
        _configure(self)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.band = QTableView(self)  # the header rows, drawn over the top of this view
        self.band.setModel(model)
        _configure(self.band)
        self.band.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.band.setFrameShape(QFrame.Shape.NoFrame)
        self.band.setSelectionModel(self.selectionModel())
        self.band.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.band.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.band.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.band.setVisible(self.layout_.header_rows > 0)
        for view in (self, self.band):
            view.setItemDelegate(LabelDelegate(view))
        self.viewport().stackUnder(self.band)
        self.horizontalScrollBar().valueChanged.connect(self.band.horizontalScrollBar().setValue)
        for b in self.layout_.blocks:
            if b.rows > 1 or b.cols > 1:
                self.setSpan(b.row, b.col, b.rows, b.cols)
                if b.row < self.layout_.header_rows:
                    self.band.setSpan(b.row, b.col, b.rows, b.cols)
        self._fitted_width = -1
        self._height = 0

    # --- sizes ---------------------------------------------------------------------------------
    def fit(self) -> None:
        """Share the width among the columns, then size each row to the text it holds."""
        layout, model = self.layout_, self.model()
        width = self.viewport().width()
        if width <= 0:
            return
        fm = QFontMetrics(self.font())
        char = fm.horizontalAdvance("国")
        labels, values = layout.label_cols, layout.shape[1] - layout.label_cols
        label_min = [self._label_min(c, fm, char) for c in range(labels)]
        # a value column is as wide as the longest word over it (English), within limits
        words = [fm.horizontalAdvance(w) for b in layout.blocks if b.header and b.cols == 1 and b.col >= labels
                 for w in model.label(b).split() if w.isascii()]  # Chinese breaks anywhere anyway
        low = max(char * VALUE_MIN_CHARS, min(max(words, default=0), char * VALUE_WORD_CHARS)) + PAD_X + SLACK
        high = max(char * VALUE_MAX_CHARS + PAD_X, low)
        if labels:  # short row labels (table A) leave room for value columns wide enough for their headers
            last = max((fm.horizontalAdvance(model.label(b)) for b in layout.blocks
                        if b.key is None and not b.header and b.col == labels - 1), default=0) + PAD_X + SLACK
            room = (width - sum(label_min[:-1]) - max(last, label_min[-1])) / max(values, 1)
            high = max(high, min(char * VALUE_ROOMY_CHARS + PAD_X, room))
        share = (width - sum(label_min)) / max(values, 1)
        value = int(max(char * VALUE_MIN_CHARS + PAD_X, min(high, share)))
        widths = label_min + [value] * values
        if labels:
            widths[labels - 1] += max(0, width - sum(widths))  # the last label column takes what is left
        else:
            spare = max(0, width - sum(widths))
            widths = [w + spare // values + (1 if c < spare % values else 0) for c, w in enumerate(widths)]
        for c, w in enumerate(widths):
            self.setColumnWidth(c, w)
            self.band.setColumnWidth(c, w)
        heights = self._row_heights(model, fm, widths)
        for r, h in enumerate(heights):
            self.setRowHeight(r, h)
            self.band.setRowHeight(r, h)
        self._height = sum(heights)
        self._fitted_width = width
        self.updateGeometry()
        self._place_band()
        self.fitted.emit()

    def _label_min(self, col: int, fm: QFontMetrics, char: int) -> int:
        """A label column's least width: its longest unbreakable group label (e.g. '（三）不予公开')
        for the inner columns, a few characters for the outermost group (it wraps down its rows)."""
        layout, model = self.layout_, self.model()
        inner = [b for b in layout.blocks if b.key is None and b.col == col and b.cols == 1 and b.rows > 1]
        if col == layout.label_cols - 1:
            return char * 9 + PAD_X
        if not inner:
            return char * 4 + PAD_X
        longest = max(fm.horizontalAdvance(model.label(b)) for b in inner)
        word = max((fm.horizontalAdvance(w) for b in inner for w in model.label(b).split() if w.isascii()), default=0)
        fit = min(longest, char * 8) if col else max(min(longest // 3, char * 5), min(word, char * 7))
        return fit + PAD_X + SLACK

    def _row_heights(self, model: FormTableModel, fm: QFontMetrics, widths: list[int]) -> list[int]:
        rows = self.layout_.shape[0]
        line = fm.height() + PAD_Y
        heights = [line] * rows
        tall = []
        bold = QFontMetrics(model.header_font)
        for b in self.layout_.blocks:
            if b.key is not None:
                continue
            w = text_area(sum(widths[b.col:b.col + b.cols]))
            need = text_height(model.label(b), bold if b.group else fm, w) + PAD_Y
            if b.rows == 1:
                heights[b.row] = max(heights[b.row], need)
            else:
                tall.append((b, need))
        for b, need in tall:  # a label over several rows: grow its last row if they are too short
            have = sum(heights[b.row:b.row + b.rows])
            if need > have:
                heights[b.row + b.rows - 1] += need - have
        return heights

    def band_height(self) -> int:
        return sum(self.rowHeight(r) for r in range(self.layout_.header_rows))

    def _place_band(self) -> None:
        f = self.frameWidth()
        self.band.setGeometry(f, f, self.viewport().width(), self.band_height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        scroll = self.horizontalScrollBar().sizeHint().height() if self.horizontalScrollBar().isVisible() else 0
        return QSize(hint.width(), self._height + 2 * self.frameWidth() + scroll)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), min(self.sizeHint().height(), 160))

    def viewportEvent(self, event) -> bool:
        """Refit when the viewport's width changes, also when a scroll bar appears or goes."""
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:
            if self.viewport().width() != self._fitted_width:
                self.fit()
            else:
                self._place_band()
        return handled

    # --- scrolling under the band ----------------------------------------------------------------
    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        super().scrollTo(index, hint)
        top = self.visualRect(index).top()
        if index.isValid() and index.row() >= self.layout_.header_rows and top < self.band_height():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - (self.band_height() - top))

    def moveCursor(self, action, modifiers) -> QModelIndex:
        current = super().moveCursor(action, modifiers)
        if current.isValid() and current.row() < self.layout_.header_rows:
            return self.currentIndex()  # never into the header band
        return current
