"""Render resources/icons/app.svg's shapes to PNG sizes and a Windows .ico with QPainter (the icon files
need no SVG renderer where they are used). Run after changing the SVG: python packaging/make_icons.py"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE, LIGHT, MID, GREEN, WHITE = (QColor(c) for c in ("#2F5597", "#D9E2F3", "#8EA9DB", "#2E8B57", "#FFFFFF"))


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    page = QPainterPath()
    page.moveTo(56, 20)
    page.lineTo(164, 20)
    page.lineTo(208, 64)
    page.lineTo(208, 228)
    page.quadTo(208, 236, 200, 236)
    page.lineTo(56, 236)
    page.quadTo(48, 236, 48, 228)
    page.lineTo(48, 28)
    page.quadTo(48, 20, 56, 20)
    p.setPen(QPen(BLUE, 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(WHITE)
    p.drawPath(page)
    fold = QPainterPath()
    fold.moveTo(164, 20)
    fold.lineTo(164, 64)
    fold.lineTo(208, 64)
    p.setBrush(LIGHT)
    p.drawPath(fold)
    p.setPen(Qt.PenStyle.NoPen)
    for y, h, w, colour in ((84, 14, 112, BLUE), (112, 10, 112, MID), (134, 10, 112, MID), (156, 10, 64, MID)):
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(72, y, w, h), 3, 3)
    p.setPen(QPen(WHITE, 8))
    p.setBrush(GREEN)
    p.drawEllipse(QPointF(180, 188), 46, 46)
    p.setPen(QPen(WHITE, 14, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    tick = QPainterPath()
    tick.moveTo(158, 188)
    tick.lineTo(174, 204)
    tick.lineTo(204, 172)
    p.drawPath(tick)
    p.end()
    return image


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (QImage text/AA needs it)
    for size in SIZES:
        draw(size).save(str(ICONS / f"app-{size}.png"))
    draw(256).save(str(ICONS / "app.ico"))
    print(f"icons written to {ICONS}")


if __name__ == "__main__":
    main()
