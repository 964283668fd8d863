"""PDF files. Every page is read from its text layer (pdfplumber): the ruled tables as cells from
their ruling lines, each character placed in its cell by position, and the lines outside the tables;
``pdf_layout`` turns the pages into the text the engine reads, with a page box for every piece.

A page without a usable text layer (a scan) is recognised by OCR (``ocr``, imported only then, so a
text PDF never pays for it). Progress is reported per page and the caller may cancel between pages;
a page that cannot be read is skipped with its reason, the rest of the report is still read."""
from __future__ import annotations

import io
import itertools
import statistics

from core.errors import ReportError
from core.model import IMAGE_MARK, PageInfo, SourceDocument
from core.reading.pdf_layout import (
    CellIndex,
    Line,
    PageLayout,
    Table,
    compose,
    table_from_cells,
)
from core.reading.progress import PageProgress, ReadCancelled

# A text layer with fewer characters than this is no text layer (a scan with a stray page number).
MIN_TEXT_CHARS = 20
PICTURE_SHARE = 0.01  # of the page: smaller images are rules, bullets, logos


def _lines(chars: list[dict]) -> list[Line]:
    """Characters → printed lines: grouped by vertical overlap, ordered left to right, a wide gap
    kept as three spaces (a column gap, as ``pdftotext -layout`` leaves it)."""
    rows: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        mid = (ch["top"] + ch["bottom"]) / 2
        if rows and rows[-1][0]["top"] - 0.5 <= mid <= rows[-1][0]["bottom"] + 0.5:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        size = statistics.median(c["bottom"] - c["top"] for c in row)
        text, runs, first = row[0]["text"], [], row[0]
        for prev, ch in itertools.pairwise(row):
            gap = ch["x0"] - prev["x1"]
            if gap > 1.5 * size:
                runs.append((first, prev, len(text)))
                text += "   "
                first = ch
            elif gap > 0.25 * size:
                text += " "
            text += ch["text"]
        runs.append((first, row[-1], len(text)))
        text = text.replace("|", "｜")
        top, bottom = min(c["top"] for c in row), max(c["bottom"] for c in row)
        spans, start = [], 0
        for a, b, end in runs:
            spans.append((start, end, (a["x0"], top, b["x1"], bottom)))
            start = end + 3
        lines.append(Line(text, (row[0]["x0"], top, max(c["x1"] for c in row), bottom), size, runs=spans))
    return lines


def _pictures(page) -> list[Line]:
    """A picture on a page with text (a table pasted as an image, a seal) is marked where it stands,
    as the HTML and Word readers do, so a part whose table is only a picture is "not assessable"."""
    area = float(page.width) * float(page.height)
    out = []
    for img in page.images:
        box = (float(img["x0"]), float(img["top"]), float(img["x1"]), float(img["bottom"]))
        if (box[2] - box[0]) * (box[3] - box[1]) >= PICTURE_SHARE * area:
            out.append(Line(IMAGE_MARK, box, max(box[3] - box[1], 1.0)))
    return out


def _usable(page, chars: list[dict]) -> bool:
    """A text layer worth reading: enough characters, mostly real ones, and not a scanned image with a
    line or two of text stamped on it (a page number, a scanner's header)."""
    garbage = sum(1 for c in chars if c["text"].startswith("(cid:") or "\ue000" <= c["text"] <= "\uf8ff")
    if len(chars) < MIN_TEXT_CHARS or garbage > 0.3 * len(chars):
        return False
    if len(chars) < 100:
        covered = sum((i["x1"] - i["x0"]) * (i["bottom"] - i["top"]) for i in page.images)
        return covered < 0.5 * float(page.width) * float(page.height)
    return True


def text_page(page, number: int) -> PageLayout | None:
    """A page from its text layer, or None when it has none worth reading."""
    chars = [c for c in page.chars if c["text"].strip() and c.get("upright", True)]
    if not _usable(page, chars):
        return None
    found = [t.cells for t in page.find_tables()]
    index = CellIndex(found)
    in_cell: list[list[list[dict]]] = [[[] for _ in cells] for cells in found]
    free = []
    for ch in chars:
        hit = index.find((ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2)
        if hit is None:
            free.append(ch)
        else:
            in_cell[hit[0]][hit[1]].append(ch)
    blocks: list[Table | Line] = []
    for cells, texts in zip(found, in_cell):
        blocks.append(table_from_cells(number, cells, [_lines(t) for t in texts]))
    blocks += _lines(free)
    blocks += _pictures(page)
    blocks.sort(key=lambda b: b.box[1])
    return PageLayout(number, float(page.width), float(page.height), blocks)


def _open(path: str, data: bytes):
    try:
        import pdfplumber

        return pdfplumber.open(io.BytesIO(data))
    except Exception:  # pdfminer raises many unrelated types for a damaged file
        raise ReportError(path, "PDF 文件已损坏：无法打开（文件结构不完整或不是 PDF）") from None


def read_pdf(path: str, data: bytes, progress: PageProgress | None = None) -> SourceDocument:
    progress = progress or PageProgress()
    pdf = _open(path, data)
    layouts: list[PageLayout] = []
    problems: list[tuple[int, str]] = []
    with pdf:
        try:
            pages = list(pdf.pages)
        except Exception:
            raise ReportError(path, "PDF 文件已损坏：无法读取页面目录") from None
        for n, page in enumerate(pages, start=1):
            if progress.cancelled():
                raise ReadCancelled(path)
            try:
                layout = text_page(page, n)
            except Exception:  # one damaged page must not lose the others
                problems.append((n, "内容已损坏"))
                continue
            layouts.append(layout or PageLayout(n, float(page.width), float(page.height), [], ocr=True))
    scans = [(p.number, p.width, p.height) for p in layouts if p.ocr]
    if scans:
        from core.reading.ocr import recognise_pages  # heavy: only for scanned pages

        recognised, failed = recognise_pages(data, scans, progress)
        problems += failed
        by_number = {p.number: p for p in recognised}
        layouts = [by_number.get(p.number, p) for p in layouts]
    text, pieces, uncertain = compose(layouts)
    if not text.strip():
        if problems:
            raise ReportError(path, f"PDF 没有可读的文字（第 {problems[0][0]} 页{problems[0][1]}）")
        raise ReportError(path, "PDF 没有可读的文字：没有文字层，扫描页中也没有识别出文字")
    info = [PageInfo(p.number, p.width, p.height, p.ocr) for p in layouts]
    return SourceDocument(path=path, text=text, encoding="utf-8", format="pdf", pages=info, pieces=pieces,
                          uncertain=uncertain, page_problems=problems)
