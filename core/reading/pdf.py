"""PDF with a text layer (pdfplumber). Each page gives its tables (as grid rows) and the text
outside them, in reading order; page numbers are dropped, and a table that runs on over a page
break simply continues on the next lines, which the engine reads as one table. A scan without
text is refused with a clear reason: OCR is not supported."""
from __future__ import annotations

import io
import re

from core.errors import ReportError
from core.model import SourceDocument
from core.reading.grid import GridCell, clean, table_lines

_PAGE_NUMBER = re.compile(r"^[\s\-—–－·]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[\s\-—–－·]*$")


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _page_blocks(page) -> list[tuple[float, list[str]]]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    blocks: list[tuple[float, list[str]]] = []
    for t in tables:
        rows = [[GridCell(c or "") for c in row] for row in t.extract()]
        blocks.append((t.bbox[1], table_lines(rows)))
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    for line in outside.extract_text_lines(return_chars=False):
        text = clean(line["text"])
        if text and not _PAGE_NUMBER.match(text):
            blocks.append((line["top"], [text]))
    blocks.sort(key=lambda b: b[0])
    return blocks


def read_pdf(path: str, data: bytes) -> SourceDocument:
    try:
        import pdfplumber

        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many types for damaged files
        raise ReportError(path, f"PDF 文件已损坏或无法打开（{type(exc).__name__}）") from None
    lines: list[str] = []
    try:
        with pdf:
            for page in pdf.pages:
                for _, block in _page_blocks(page):
                    lines.extend(block)
    except Exception as exc:
        raise ReportError(path, f"PDF 文件读取失败（{type(exc).__name__}）") from None
    text = "\n".join(lines) + "\n"
    if not text.strip():
        raise ReportError(path, "PDF 没有文字层（扫描件），不支持 OCR，请使用带文字的 PDF 或原始文档")
    return SourceDocument(path=path, text=text, encoding="utf-8", format="pdf")
