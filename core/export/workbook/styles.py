"""How the workbook looks, and the fast way of writing it with openpyxl.

Every look is an openpyxl ``NamedStyle`` registered once per workbook (they show in Excel's style gallery)
and handed to each cell as a copy of its style array. Setting font, fill and border cell by cell makes
openpyxl hash style objects on every assignment, which was most of the export time; so cells are
created directly, only where they hold a value or must show a border, and merges skip openpyxl's
per-cell border bookkeeping. Column widths are measured for CJK text, where one character takes two
Latin widths, and row heights are set from the text (neither Excel nor LibreOffice grows a row for
wrapped text written by openpyxl)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import (
    Alignment,
    Border,
    Font,
    NamedStyle,
    PatternFill,
    Protection,
    Side,
)
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.numbers import (
    BUILTIN_FORMATS_MAX_SIZE,
    BUILTIN_FORMATS_REVERSE,
    is_date_format,
)
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from core.export import style

FONT_NAME = "宋体"
BODY_SIZE = 9    # 小五号: the smallest a working paper prints (≥ 9 pt on A4 landscape, tested by rendering)
TEXT_SIZE = 10   # 原文 and key-value blocks read as running text
PRINT_WIDTH = 138  # column width units that fit A4 landscape between 0.4" margins at 100 % (≈ 141)
UNIT_FONT = "Arial"
UNIT_POINTS = 5.55
LINK_COLOUR = "FF0563C1"
RED_TEXT = "FFC00000"
GREY_TEXT = "FF707070"
THIN = Side(style="thin", color="FF808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MAX_ROW_POINTS = 409  # Excel's limit on a row's height
MAX_CELL_TEXT = 32767  # Excel's limit on a cell's text
ROW_HEIGHT = 13.5  # a row of one line of 9-point text (openpyxl's default, 15, wastes a sixth of a page)
ROW_HEIGHTS = "_row_heights"  # attribute of a worksheet: {row: points}, written by core.export.workbook.writer
COLUMN_WIDTHS = "_column_widths"  # attribute of a worksheet: {column: width}, likewise


@dataclass(frozen=True)
class Look:
    size: float = BODY_SIZE
    bold: bool = False
    italic: bool = False
    colour: str | None = None
    underline: bool = False
    fill: str | None = None      # a colour role of core.export.style, or a hex colour
    border: bool = True
    horizontal: str | None = None
    vertical: str = "center"
    wrap: bool = True
    number_format: str = "General"
    indent: int = 0


LOOKS: dict[str, Look] = {
    "title": Look(size=14, bold=True, border=False, wrap=False),
    "heading": Look(size=11, bold=True, border=False, wrap=False),
    "note": Look(border=False),
    "body": Look(),
    "text": Look(size=TEXT_SIZE),
    "label": Look(bold=True, fill="HEADING"),
    "label_text": Look(size=TEXT_SIZE, bold=True, fill="HEADING"),
    "header": Look(bold=True, fill="HEADING", horizontal="center"),
    "centre": Look(horizontal="center"),
    "number": Look(horizontal="right", wrap=False, number_format="0"),
    "date": Look(size=TEXT_SIZE, horizontal="left", number_format="yyyy-mm-dd"),
    "time": Look(horizontal="left", number_format="yyyy-mm-dd hh:mm"),
    "percent": Look(horizontal="right", wrap=False, number_format="0%"),
    "link": Look(colour=LINK_COLOUR, underline=True),
    "source": Look(size=TEXT_SIZE, border=False, vertical="top", horizontal="left", indent=1),
    "group": Look(vertical="top"),  # a label merged down several rows: at their top, on the first page
    "line_no": Look(colour=GREY_TEXT, border=False, vertical="top", horizontal="right", wrap=False),
    "banner": Look(size=12, bold=True, colour=RED_TEXT, fill="ERROR", horizontal="center"),
}


NO_BORDER, NO_FILL, NO_PROTECTION = Border(), PatternFill(), Protection()  # NamedStyle's defaults, shared


@lru_cache(maxsize=None)
def _parts(look: Look) -> tuple[Font, Border, Alignment, PatternFill]:
    """The style objects of a look, made once per process and shared by every workbook (never changed:
    ``Book`` indexes them by identity)."""
    return (_font(look.size, look.bold, look.italic, look.colour, look.underline), BOX if look.border else NO_BORDER,
            _alignment(look.horizontal, look.vertical, look.wrap, look.indent),
            fill(look.fill) if look.fill else NO_FILL)


@lru_cache(maxsize=None)  # looks that differ in their fill or number format share their font and alignment
def _font(size: float, bold: bool, italic: bool, colour: str | None, underline: bool) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=colour,
                underline="single" if underline else None)


@lru_cache(maxsize=None)
def _alignment(horizontal: str | None, vertical: str, wrap: bool, indent: int) -> Alignment:
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap, indent=indent)


def _named_style(name: str, look: Look) -> NamedStyle:
    font, border, alignment, paint = _parts(look)
    return NamedStyle(name=name, font=font, fill=paint, border=border, alignment=alignment,
                      protection=NO_PROTECTION, number_format=look.number_format)


@lru_cache(maxsize=None)
def fill(colour_role_or_hex: str) -> PatternFill:
    """A solid fill (shared: callers must not change it)."""
    colour = getattr(style, colour_role_or_hex, colour_role_or_hex)
    return PatternFill("solid", start_color=style.argb(colour), end_color=style.argb(colour))


_WIDE = re.compile("[\u00d7\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


@lru_cache(maxsize=8192)  # labels, rule titles and citations repeat in every workbook
def line_count(text: str, width: float, size: float = BODY_SIZE) -> int:
    """Lines ``text`` wraps to in a column ``width`` units wide, as LibreOffice lays it out (measured from
    its PDFs). A unit is the width of '0' in the Normal font (Arial 10: ≈ 5.55 pt), less the padding; a
    CJK character takes its point size, a Latin one 0.6 of it; a line loses about one CJK character where
    the break rules (no 、，。 at a line's start, numbers kept whole) send a word to the next line."""
    capacity = max(2.0, (UNIT_POINTS * width - 6) / (0.5 * size) - 2.5)
    if len(text) * 2 <= capacity and "\n" not in text:
        return 1
    lines = 0
    for part in text.split("\n"):
        wide = len(_WIDE.findall(part))
        lines += max(1, -int(-((len(part) - wide) * 1.2 + wide * 2) // capacity))
    return lines


def line_height(size: float) -> float:
    """Line pitch of our CJK font as LibreOffice and Excel lay it out."""
    return size * 1.2


class Book:
    """A workbook and its named styles."""

    def __init__(self) -> None:
        self.wb = Workbook()
        # column widths are counted in digits of the Normal style's font: Arial (Liberation Sans where Arial
        # is missing, the same metrics) gives one unit ≈ 5.25 pt in Excel and LibreOffice alike
        self.wb._named_styles["Normal"].font = Font(name=UNIT_FONT, size=10)
        self.arrays: dict[str | tuple, StyleArray] = {}  # by look name (unvaried) or (name, variant, format)
        self._indices: dict[int, int] = {}  # id of a shared style object (``_parts``) → its index in this workbook
        self._first = True

    def style(self, name: str, number_format: str | None = None, **variant) -> StyleArray:
        """The style array of ``LOOKS[name]``, optionally varied (``fill=``, ``bold=``, ``italic=`` …: a named
        style of its own; ``number_format``: the same named style with another format). Cells that look the
        same share one array, so nothing may change an array in place."""
        key = (name, tuple(sorted(variant.items())), number_format) if variant or number_format else name
        found = self.arrays.get(key)
        if found is not None:
            return found
        if number_format is not None:
            found = StyleArray(self.style(name, **variant))
            found.numFmtId = self._format_id(number_format)
        else:
            look = replace(LOOKS[name], **variant)
            label = "底稿·" + name + "".join(f"·{k}={v}" for k, v in sorted(variant.items()))
            found = self._add_named_style(_named_style(label, look))
        self.arrays[key] = found
        return found

    def _add_named_style(self, ns: NamedStyle) -> StyleArray:
        """``wb.add_named_style(ns)``: what openpyxl's ``NamedStyle.bind`` does (3.1), but each font, fill,
        border … looked up by identity before openpyxl's value lookup, which hashes the object field by field
        (recursively) every time; the looks share a few dozen objects, each hashed once per workbook."""
        wb = self.wb
        wb._named_styles.append(ns)
        array = ns._style
        array.fontId = self._index(wb._fonts, ns.font)
        array.borderId = self._index(wb._borders, ns.border)
        array.fillId = self._index(wb._fills, ns.fill)
        array.protectionId = self._index(wb._protections, ns.protection)
        array.alignmentId = self._index(wb._alignments, ns.alignment)
        array.numFmtId = self._format_id(ns.number_format)
        ns._wb = wb  # bound: a later change to one of its parts re-indexes it the openpyxl way
        return array

    def _index(self, table: IndexedList, part) -> int:
        found = self._indices.get(id(part))  # the named styles keep their parts alive: no id is reused meanwhile
        if found is None:
            found = self._indices[id(part)] = table.add(part)
        return found

    def _format_id(self, number_format: str) -> int:
        if number_format in BUILTIN_FORMATS_REVERSE:
            return BUILTIN_FORMATS_REVERSE[number_format]
        return self.wb._number_formats.add(number_format) + BUILTIN_FORMATS_MAX_SIZE

    def sheet(self, title: str, widths: dict[int, float], row_height: float | None = None) -> "Sheet":
        if self._first:
            ws = self.wb.active
            ws.title = title
            self._first = False
        else:
            ws = self.wb.create_sheet(title)
        return Sheet(self, ws, widths, row_height or ROW_HEIGHT)




class Sheet:
    """One worksheet being written: cells, merges, and row heights from the text put in."""

    def __init__(self, book: Book, ws: Worksheet, widths: dict[int, float], row_height: float = ROW_HEIGHT) -> None:
        self.book, self.ws = book, ws
        self.widths = dict(widths)
        self.row_height = row_height
        ws.sheet_format.defaultRowHeight = row_height
        ws.sheet_format.customHeight = True
        # a plain mapping for the writer, as the row heights: openpyxl's column dimension objects cost more to
        # make than the columns they describe
        setattr(ws, COLUMN_WIDTHS, self.widths)
        self._height: dict[int, float] = {}

    @property
    def title(self) -> str:
        return self.ws.title

    def put(self, row: int, col: int, value=None, look: str = "body", across: int = 1, formula: bool = False,
            fit: bool = True, number_format: str | None = None, **variant) -> Cell:
        """Write one cell; ``across`` > 1 merges it with the cells to its right (borders drawn on all);
        ``fit``: the row grows to show all of the text."""
        array = self.book.arrays.get(look) if not variant and number_format is None else None
        if array is None:  # most cells take a look unvaried: found without packing the variant
            array = self.book.style(look, number_format, **variant)
        cell = _cell(self.ws, row, col, array)
        self.ws._cells[(row, col)] = cell
        kind = type(value)
        if kind is str:
            value = ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL_TEXT]
            if value:
                cell._value, cell.data_type = value, "f" if formula else "s"  # text may start with '='
        elif kind in (int, float, Decimal):
            cell._value = value
        elif value is not None:
            if not is_date_format(LOOKS[look].number_format) or not isinstance(value, (date, datetime)):
                raise TypeError(f"{kind.__name__} in {cell.coordinate}: a date needs a date look")
            cell._value, cell.data_type = value, "d"
        if across > 1:
            the_look = LOOKS[look]
            boxed = the_look.border or the_look.fill or "fill" in variant
            # covered cells are only there to draw the merged box's borders and fill (Excel needs them)
            self.merge(row, col, row, col + across - 1, look if boxed else None, **variant)
        if fit and kind is str and value and not formula:
            the_look = LOOKS[look]
            size = variant.get("size", the_look.size)
            width = self.widths.get(col, 9) if across == 1 else sum(self.widths.get(c, 9) for c in range(col, col + across))
            lines = line_count(value, width, size) if the_look.wrap else 1
            self.grow(row, lines * line_height(size))
        return cell

    def link(self, row: int, col: int, text: str, target: str, look: str = "link", **variant) -> Cell:
        """A link as a ``HYPERLINK`` formula: LibreOffice neither wraps nor clips a cell that carries a
        hyperlink of its own, and a formula's text wraps like any other. ``target``: '#Sheet!A1' inside the
        workbook, or a file name beside it."""
        def quoted(x: str) -> str:
            return x.replace('"', '""')

        cell = self.put(row, col, f'=HYPERLINK("{quoted(target)}","{quoted(text)}")', look, formula=True, **variant)
        size = variant.get("size", LOOKS[look].size)
        self.grow(row, line_count(text, self.widths.get(col, 9), size) * line_height(size))
        return cell

    def grow(self, row: int, points: float) -> None:
        if points > self._height.get(row, 0):
            self._height[row] = points

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int, look: str | None = None,
              **variant) -> None:
        """Merge a range; with ``look``, the covered cells get it too, so the merged box keeps its borders."""
        if look is not None:
            array = self.book.style(look, **variant)
            for r in range(first_row, last_row + 1):
                for c in range(first_col, last_col + 1):
                    if (r, c) not in self.ws._cells:
                        self.ws._cells[(r, c)] = _cell(self.ws, r, c, array)
        self.ws.merged_cells.ranges.add(_cell_range(first_row, first_col, last_row, last_col))

    def box(self, row: int, first_col: int, last_col: int, look: str = "body", **variant) -> None:
        """Empty bordered cells, so a table's grid shows where there is nothing to write."""
        array = self.book.style(look, **variant)
        for c in range(first_col, last_col + 1):
            if (row, c) not in self.ws._cells:
                self.ws._cells[(row, c)] = _cell(self.ws, row, c, array)

    def finish(self, minimum: float = 0) -> None:
        """Row heights from the text written (a few points of padding; Excel's limit respected), set on
        every row that holds something: left alone, LibreOffice sizes a row for its tallest font's full line
        height, a sixth more than the text needs. They reach the writer as a plain mapping
        (``ROW_HEIGHTS``): openpyxl's row dimension objects cost more to make than the rows they describe."""
        heights = {}
        for row in {r for r, _ in self.ws._cells} | set(self._height):
            points = self._height.get(row, 0)
            heights[row] = round(min(MAX_ROW_POINTS, max(minimum, self.row_height, points + 3)), 1)
        setattr(self.ws, ROW_HEIGHTS, heights)


_new = Cell.__new__


def _cell(ws: Worksheet, row: int, col: int, array: StyleArray) -> Cell:
    """``Cell(ws, row, col)`` given ``array`` as its style (shared, not copied as the constructor would copy
    it): the attributes openpyxl 3.1's ``Cell.__init__`` and ``StyleableObject.__init__`` set, set directly
    (a workbook makes a few thousand cells; the two constructors took twice as long)."""
    cell = _new(Cell)
    cell.parent, cell._style, cell.row, cell.column = ws, array, row, col
    cell._value = cell._hyperlink = cell._comment = None
    cell.data_type = "n"
    return cell


@lru_cache(maxsize=4096)  # the forms' merges come back in every workbook; openpyxl validates each bound
def _cell_range(first_row: int, first_col: int, last_row: int, last_col: int) -> CellRange:
    """A merged range, shared by the workbooks that merge it (never changed: nothing here moves rows)."""
    return CellRange(min_col=first_col, min_row=first_row, max_col=last_col, max_row=last_row)


def local_zone() -> str:
    """The machine's time zone as a working paper writes it, e.g. 'UTC+08:00（北京时间）'."""
    offset = datetime.now().astimezone().utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "+" if minutes >= 0 else "-"
    zone = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return zone + ("（北京时间）" if minutes == 480 else "")


def local_time(iso: str | None) -> datetime | None:
    """An ISO time from the sidecar as a naive local datetime for Excel (which has no time zones)."""
    if not iso:
        return None
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return (t.astimezone() if t.tzinfo else t).replace(tzinfo=None, microsecond=0)


def page_setup(ws: Worksheet, title_rows: str | None = None) -> None:
    """Print set-up an auditor files: A4 landscape at 100 % (the column widths are chosen to fit between
    the margins, so text prints at the size it was written; a fit-to-page would shrink it), margins kept,
    header rows repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.scale = 100
    ws.print_options.horizontalCentered = True
    m = ws.page_margins
    m.left = m.right = 0.4
    m.top = m.bottom = 0.75
    m.header = m.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
