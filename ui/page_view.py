"""The published pages of a PDF report beside the tables: rendered pages (page through, zoom, fit
width) with the boxes of the selected cell or finding drawn on them, switchable with the extracted
text. Pages are rendered on the thread pool (``core.reading.pages``); the GUI thread only turns the
finished image into a pixmap. Boxes come from ``SourceDocument.boxes`` (PDF points, top-left origin),
so the view knows nothing about how a value was read."""
from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.export import style
from core.model import PageBox, Report, Span
from core.reading.pages import render
from ui.i18n import tr
from ui.workers import Task

RENDER_SCALE = 2.0  # pixels per point (144 dpi): sharp at 100–200 % zoom
PAGE_GAP = 12.0     # points between pages
ZOOM_STEP = 1.25


class _RenderSignals(QObject):
    done = Signal(int, int, QImage)  # generation, page, image


class _RenderTask(QRunnable):
    def __init__(self, path: str, page: int, generation: int, signals: _RenderSignals) -> None:
        super().__init__()
        self.path, self.page, self.generation, self.signals = path, page, generation, signals

    def run(self) -> None:
        try:
            img = render(self.path, self.page, RENDER_SCALE)
        except Exception:  # a page that cannot be rendered stays a grey placeholder
            return
        fmt = QImage.Format.Format_Grayscale8 if img.channels == 1 else QImage.Format.Format_RGB888
        image = QImage(img.data, img.width, img.height, img.width * img.channels, fmt).copy()
        self.signals.done.emit(self.generation, self.page, image)


class PageView(QWidget):
    """Every page of the report one below the other, in points; the view's transform is the zoom."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.view.setBackgroundBrush(QColor("#9a9a9a"))
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.page_label = QLabel()
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.buttons = {}
        for name, text, tip, slot in (("prev", "◀", tr("上一页"), lambda: self.go_to(self.current_page - 1)),
                                      ("next", "▶", tr("下一页"), lambda: self.go_to(self.current_page + 1)),
                                      ("out", "−", tr("缩小"), lambda: self.zoom(1 / ZOOM_STEP)),
                                      ("in", "+", tr("放大"), lambda: self.zoom(ZOOM_STEP)),
                                      ("fit", tr("适合宽度"), tr("页面宽度适合窗口"), self.fit_width)):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[name] = button
            if name == "next":
                bar.addWidget(self.page_label)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # PDFium is serialised anyway; one renderer keeps order
        self._signals = _RenderSignals(self)
        self._signals.done.connect(self._rendered)
        self._generation = 0
        self._path: str | None = None
        self._tops: list[float] = []
        self._sizes: list[tuple[float, float]] = []
        self._pixmaps: dict[int, object] = {}
        self._boxes: list[QGraphicsRectItem] = []
        self.boxes: list[PageBox] = []
        self._fit = True

    # --- content -------------------------------------------------------------------------------
    def show_report(self, report: Report | None) -> None:
        self._generation += 1
        self.pool.clear()
        self.scene.clear()
        self._pixmaps.clear()
        self._boxes = []
        self.boxes = []
        self._tops = []
        doc = report.source if report else None
        self._path = doc.path if doc and doc.pages else None
        y = 0.0
        for page in doc.pages if self._path else []:
            self._tops.append(y)
            placeholder = self.scene.addRect(QRectF(0, y, page.width, page.height), QPen(Qt.PenStyle.NoPen),
                                             QBrush(QColor("#ffffff")))
            placeholder.setZValue(-1)
            y += page.height + PAGE_GAP
        self.scene.setSceneRect(QRectF(-PAGE_GAP, -PAGE_GAP, max((p.width for p in doc.pages), default=1) + 2 * PAGE_GAP,
                                       y + PAGE_GAP) if self._tops else QRectF())
        self._sizes = [(p.width, p.height) for p in doc.pages] if self._path else []
        for n in range(1, len(self._tops) + 1):
            self.pool.start(_RenderTask(self._path, n, self._generation, self._signals))
        if self._fit:
            self.fit_width()
        self.view.verticalScrollBar().setValue(self.view.verticalScrollBar().minimum())
        self._update_label()

    def _rendered(self, generation: int, page: int, image: QImage) -> None:
        if generation != self._generation or not 1 <= page <= len(self._tops):
            return
        item = self.scene.addPixmap(QPixmap.fromImage(image))
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setScale(self._sizes[page - 1][0] / image.width())
        item.setPos(0, self._tops[page - 1])
        item.setZValue(0)
        self._pixmaps[page] = item

    @property
    def rendered_pages(self) -> list[int]:
        return sorted(self._pixmaps)

    @property
    def page_count(self) -> int:
        return len(self._tops)

    # --- boxes -----------------------------------------------------------------------------------
    def show_boxes(self, boxes: list[PageBox]) -> None:
        """Draw the boxes and bring the first into view."""
        for item in self._boxes:
            self.scene.removeItem(item)
        self._boxes = []
        self.boxes = [b for b in boxes if 1 <= b.page <= len(self._tops)]
        pen = QPen(QColor(style.SOURCE_HIGHLIGHT).darker(220), 2.0)
        pen.setCosmetic(True)  # two screen pixels at any zoom
        fill = QColor(style.SOURCE_HIGHLIGHT)
        fill.setAlpha(120)
        for b in self.boxes:
            item = self.scene.addRect(self.box_rect(b), pen, QBrush(fill))
            item.setZValue(1)
            self._boxes.append(item)
        if self.boxes:
            first = self.box_rect(self.boxes[0])
            visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
            if not visible.contains(first):
                self.view.centerOn(visible.center().x() if visible.width() >= first.width() else first.center().x(),
                                   first.center().y())
            self._update_label()

    def box_rect(self, b: PageBox) -> QRectF:
        top = self._tops[b.page - 1]
        return QRectF(b.x0 - 1, top + b.top - 1, b.x1 - b.x0 + 2, b.bottom - b.top + 2)

    # --- paging and zoom ---------------------------------------------------------------------------
    @property
    def current_page(self) -> int:
        """The page at the middle of the view."""
        if not self._tops:
            return 0
        middle = self.view.mapToScene(self.view.viewport().rect().center()).y()
        return max(1, sum(1 for t in self._tops if t <= middle))

    def go_to(self, page: int) -> None:
        if not self._tops:
            return
        page = min(max(page, 1), len(self._tops))
        top = self.view.mapFromScene(0, self._tops[page - 1]).y()
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + top - 4)
        self._update_label()

    def zoom(self, factor: float) -> None:
        self._fit = False
        self.view.scale(factor, factor)
        self._update_label()

    @property
    def zoom_factor(self) -> float:
        return self.view.transform().m11()

    def fit_width(self) -> None:
        self._fit = True
        if not self._sizes:
            return
        width = max(w for w, _ in self._sizes) + 2 * PAGE_GAP
        bar = self.view.verticalScrollBar().sizeHint().width()
        available = max(self.view.width() - 2 * self.view.frameWidth() - bar - 2, 50)
        self.view.resetTransform()
        self.view.scale(available / width, available / width)
        self._update_label()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.fit_width()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._fit:
            self.fit_width()

    def _scrolled(self, _value: int) -> None:
        self._update_label()

    def _update_label(self) -> None:
        if not self._tops:
            self.page_label.setText(tr("无页面"))
        else:
            self.page_label.setText(tr("第 {0}/{1} 页 · {2:.0f}%").format(self.current_page, len(self._tops),
                                                                         self.zoom_factor * 100))
        for name in ("prev", "next", "out", "in", "fit"):
            self.buttons[name].setEnabled(bool(self._tops))


def boxes_of(report: Report, spans: list[Span]) -> list[PageBox]:
    out: list[PageBox] = []
    for span in spans:
        out += [b for b in report.source.boxes(span) if b not in out]
    return out


class OriginalPanel(QTabWidget):
    """The original beside the tables: its text, and for a PDF its pages (shown first)."""

    def __init__(self, text_view: QWidget, parent=None) -> None:
        super().__init__(parent)
        self.pages = PageView()
        self.addTab(text_view, tr("文字"))
        self.addTab(self.pages, tr("页面"))
        self.setTabToolTip(1, tr("PDF 报告的原始页面：点击单元格或问题即标出其在页面上的位置"))
        self.setTabEnabled(1, False)
        self._report: Report | None = None

    def show_report(self, report: Report | None) -> None:
        self._report = report
        has_pages = bool(report and report.source.pages)
        self.setTabEnabled(1, has_pages)
        self.pages.show_report(report)
        self.setCurrentIndex(1 if has_pages else 0)

    def show_spans(self, spans: list[Span]) -> None:
        """Draw where these spans of the text were printed (no-op for a report without pages)."""
        if self._report is not None and self._report.source.pages:
            self.pages.show_boxes(boxes_of(self._report, spans))


class ScanProgress(QObject):
    """A progress dialog, page by page, while a scanned PDF is recognised; cancelling stops the load
    between pages. Created with the load task, it appears only if a scan turns up."""

    def __init__(self, window: QWidget, task: Task) -> None:
        super().__init__(window)
        self._window, self._task = window, task
        self.dialog: QProgressDialog | None = None
        task.signals.pages.connect(self._pages)
        task.signals.finished.connect(self._close)
        task.signals.failed.connect(self._close)

    def _pages(self, path: str, done: int, total: int) -> None:
        from pathlib import Path

        if self.dialog is None:
            self.dialog = QProgressDialog("", tr("取消"), 0, total, self._window)
            self.dialog.setWindowTitle(tr("文字识别"))
            self.dialog.setMinimumDuration(0)
            self.dialog.canceled.connect(self._task.cancel)
        self.dialog.setMaximum(total)
        self.dialog.setLabelText(tr("正在识别扫描件 {0}：第 {1}/{2} 页").format(Path(path).name, done, total))
        self.dialog.setValue(done)

    def _close(self, *_args) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._task.cancel)
            self.dialog.close()
            self.dialog = None
