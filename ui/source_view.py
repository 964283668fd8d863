"""The original text, read-only, with section headings marked and the selected cell's source lit.

Core spans are Python ``str`` indices; a QTextDocument counts UTF-16 code units and makes one
position of a line break. The shown text keeps the original's length (CR turned into a space or a
line break), so only characters outside the BMP need converting."""
from __future__ import annotations

from bisect import bisect_left

from PySide6.QtGui import QColor, QFont, QFontDatabase, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from core.export import style
from core.model import Report, Span


def display_text(text: str) -> str:
    return text.replace("\r\n", " \n").replace("\r", "\n")


class OffsetMap:
    """str index → QTextDocument position."""

    def __init__(self, text: str) -> None:
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, index: int) -> int:
        return index + bisect_left(self._wide, index) if self._wide else index


def cjk_font(point_size: int = 11) -> QFont:
    families = set(QFontDatabase.families())
    for name in ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC"):
        if name in families:
            return QFont(name, point_size)
    font = QFont()
    font.setPointSize(point_size)
    return font


class SourceView(QPlainTextEdit):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(cjk_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._map = OffsetMap("")
        self._headings: list[QTextEdit.ExtraSelection] = []
        self._highlight: list[QTextEdit.ExtraSelection] = []
        self._zoom = 0

    def show_report(self, report: Report | None) -> None:
        text = report.source.text if report else ""
        self._map = OffsetMap(text)
        self.setPlainText(display_text(text))
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(style.HEADING))
        fmt.setFontWeight(QFont.Weight.Bold)
        self._headings = [self._selection(s.heading_span, fmt) for s in (report.sections.values() if report else [])]
        self._highlight = []
        self._apply()

    def _selection(self, span: Span, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map(span[0]))
        cursor.setPosition(self._map(span[1]), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _apply(self) -> None:
        self.setExtraSelections(self._headings + self._highlight)

    def highlight(self, spans: list[Span] | tuple[Span, ...]) -> None:
        """Light the spans and scroll the first into view (the cursor moves there too)."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(style.SOURCE_HIGHLIGHT))
        fmt.setForeground(QColor("#000000"))
        spans = [s for s in spans if s]
        self._highlight = [self._selection(s, fmt) for s in spans]
        self._apply()
        if spans:
            cursor = self.textCursor()
            cursor.setPosition(self._map(spans[0][0]))
            self.setTextCursor(cursor)
            self.centerCursor()

    def cursor_index(self) -> int:
        """The text cursor as a str index (inverse of the offset map), for tests and find."""
        pos = self.textCursor().position()
        return next((i for i in range(pos, -1, -1) if self._map(i) <= pos), 0)

    def zoom(self, steps: int) -> None:
        self._zoom += steps
        self.zoomIn(steps) if steps > 0 else self.zoomOut(-steps)

    @property
    def zoom_level(self) -> int:
        return self._zoom
