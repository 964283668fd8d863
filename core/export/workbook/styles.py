"""Workbook look: fonts, borders, fills (from the shared colours of ``core.export.style``) and column
widths measured for CJK text, where one character takes about two Latin widths."""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.export import style

FONT_NAME = "宋体"
BODY = Font(name=FONT_NAME, size=10)
BOLD = Font(name=FONT_NAME, size=10, bold=True)
TITLE = Font(name=FONT_NAME, size=14, bold=True)
LINK = Font(name=FONT_NAME, size=10, color="FF0563C1", underline="single")
THIN = Side(style="thin", color="FF808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")


def fill(colour_role_or_hex: str) -> PatternFill:
    colour = getattr(style, colour_role_or_hex, colour_role_or_hex)
    return PatternFill("solid", start_color=style.argb(colour), end_color=style.argb(colour))


HEADER_FILL = fill("HEADING")


def text_width(text: str) -> float:
    """Display width in Excel character units: East Asian wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def set_widths(ws: Worksheet, widths: dict[int, float]) -> None:
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width


def fit_width(values: list[str], minimum: float = 6, maximum: float = 60) -> float:
    longest = max((text_width(line) for v in values for line in str(v).splitlines()), default=0)
    return max(minimum, min(maximum, longest + 2))


def fit_row_heights(ws: Worksheet, first_row: int = 2, line_height: float = 13.5, max_lines: int = 12) -> None:
    """Excel and LibreOffice do not grow rows for wrapped text written by openpyxl: size them here
    from each cell's text and its column's width."""
    widths = {col: (dim.width or 9) for col, dim in ws.column_dimensions.items()}
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if cell.value is None or isinstance(cell.value, (int, float)) or str(cell.value).startswith("="):
                continue
            width = max(widths.get(cell.column_letter, 9) - 1, 1)
            lines = max(lines, sum(max(1, -(-int(text_width(part)) // int(width))) for part in str(cell.value).split("\n")))
        ws.row_dimensions[row[0].row].height = min(lines, max_lines) * line_height + 3


def write_header(ws: Worksheet, names: Sequence[str], row: int = 1) -> None:
    for c, name in enumerate(names, start=1):
        cell = ws.cell(row, c, name)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BOX, CENTER


def landscape(ws: Worksheet, title_rows: str | None = None) -> None:
    """Print set-up an auditor files: landscape A4, fit to one page wide, header rows repeated."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    if title_rows:
        ws.print_title_rows = title_rows
