"""Saving a workbook quickly: openpyxl's own writer, with its two big costs taken out.

Per cell, openpyxl looks the cell's style up by hashing its style array and builds the cell's XML through
lxml, a context manager per element; per sheet, it writes a temporary file and deletes it again (slow on
a busy disk, slower under a virus scanner). Here openpyxl still writes everything around the cells (views,
columns, merges, validations, links, print set-up, header and footer, styles, the package), into memory;
the cells themselves (``<sheetData>``) are written as text in one pass, each shared style array looked up
once. Only the values the workbook uses are written (text, numbers, dates, formulas), exactly as openpyxl
writes them; anything else is refused. Relies on openpyxl 3.1's writer internals (pinned below 4 in
requirements); the tests reopen every workbook with openpyxl and LibreOffice."""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from lxml.etree import Element, SubElement
from openpyxl import Workbook
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from core.export.workbook.styles import ROW_HEIGHTS

_PLACEHOLDER = "nbSheetData"
_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))  # '&' first
_DATES = (dt.datetime, dt.date)
_LETTERS = [""] + [get_column_letter(i) for i in range(1, 100)]


def _text(value: str) -> str:
    for ch, entity in _ESCAPES:
        if ch in value:  # most cells need none of these: test before copying
            value = value.replace(ch, entity)
    return value


class _SheetWriter(WorksheetWriter):
    rows_xml = b""

    def write_rows(self) -> None:
        xf = self.xf.send(True)
        with xf.element("sheetData"):
            xf.write(Element(_PLACEHOLDER))
        self.xf.send(None)
        self.rows_xml = self._rows().encode("utf-8")

    def _rows(self) -> str:
        ws = self.ws
        styles, ids = ws.parent._cell_styles, {}
        epoch = ws.parent.epoch
        heights = getattr(ws, ROW_HEIGHTS, {})
        rows: dict[int, list] = {r: [] for r in heights}
        cells = ws._cells
        for key in sorted(cells):
            row = rows.get(key[0])
            if row is None:
                row = rows[key[0]] = []
            row.append(cells[key])
        out: list[str] = []
        letters = _LETTERS
        for r in sorted(rows):
            height = heights.get(r)
            out.append(f'<row r="{r}" ht="{height}" customHeight="1">' if height else f'<row r="{r}">')
            for cell in rows[r]:
                if cell._comment is not None:
                    ws._comments.append(CommentRecord.from_cell(cell))
                if cell._hyperlink:
                    ws._hyperlinks.append(cell._hyperlink)
                value, style = cell._value, cell._style
                if value is None and style is None:
                    continue
                col = cell.column
                attrs = f'r="{letters[col] if col < len(letters) else get_column_letter(col)}{r}"'
                if style is not None:
                    sid = ids.get(id(style))
                    if sid is None:
                        sid = ids[id(style)] = f' s="{styles.add(style)}"'
                    attrs += sid
                if value is None:
                    out.append(f"<c {attrs}/>")
                elif type(value) is int:
                    out.append(f'<c {attrs} t="n"><v>{value}</v></c>')
                else:
                    out.append(self._cell(attrs, cell.data_type, value, epoch, cell))
            out.append("</row>")
        return "".join(out)

    @staticmethod
    def _cell(attrs: str, kind: str, value, epoch, cell) -> str:
        if value is None:
            return f"<c {attrs}/>"
        if kind == "f":
            return f"<c {attrs}><f>{_text(value[1:])}</f><v></v></c>"
        if kind == "s":
            space = ' xml:space="preserve"' if value != value.strip() else ""
            return f'<c {attrs} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
        if kind == "d" and isinstance(value, _DATES):
            return f'<c {attrs} t="n"><v>{to_excel(value, epoch)!r}</v></c>'
        if kind == "n" and type(value) in (int, float, Decimal):
            number = format(value, "f") if isinstance(value, Decimal) else repr(value)
            return f'<c {attrs} t="n"><v>{number}</v></c>'
        raise TypeError(f"{type(value).__name__} in {cell.coordinate}: not a value the workbook writes")


    def write_merged_cells(self) -> None:
        ranges = self.ws.merged_cells.ranges
        if ranges:
            el = Element("mergeCells", count=str(len(ranges)))
            for r in ranges:
                SubElement(el, "mergeCell", ref=r.coord)
            self.xf.send(el)


class _MemoryWriter(ExcelWriter):
    def write_worksheet(self, ws) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        out = io.BytesIO()
        writer = _SheetWriter(ws, out)
        writer.write()
        ws._rels = writer._rels
        xml = out.getvalue()
        placeholder = f"<{_PLACEHOLDER}/>".encode()
        if placeholder not in xml:
            raise RuntimeError("openpyxl wrote the sheet in a way this writer does not know")
        self._archive.writestr(ws.path[1:], xml.replace(placeholder, writer.rows_xml, 1))
        self.manifest.append(ws)


def save(wb: Workbook, path: str | Path) -> None:
    wb.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
    # the fastest deflate: a workbook is mostly short XML, level 1 compresses it nearly as well as 6
    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=1) as archive:
        _MemoryWriter(wb, archive).save()
