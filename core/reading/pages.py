"""Page images of a PDF (pypdfium2), for the recogniser and for the window's page view.

PDFium is not thread-safe: the OCR of a file being loaded and the page view painting another file
run on different threads, so every call into it goes through one lock."""
from __future__ import annotations

import threading
from dataclasses import dataclass

PDFIUM_LOCK = threading.Lock()


@dataclass(frozen=True)
class PageImage:
    """An 8-bit image of one page: ``channels`` 1 (gray) or 3 (RGB), rows of ``width * channels``
    bytes; ``scale`` pixels per PDF point."""

    width: int
    height: int
    channels: int
    data: bytes
    scale: float


def render(source: str | bytes, page: int, scale: float, gray: bool = False) -> PageImage:
    """Page ``page`` (from 1) of a PDF file path or its bytes."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(source)
        try:
            bitmap = pdf[page - 1].render(scale=scale, grayscale=gray, rev_byteorder=not gray)
            image = bitmap.to_numpy()
            channels = 1 if image.ndim == 2 else image.shape[2]
            if channels == 4:
                image, channels = image[:, :, :3], 3
            return PageImage(image.shape[1], image.shape[0], channels, image.tobytes(), scale)
        finally:
            pdf.close()

