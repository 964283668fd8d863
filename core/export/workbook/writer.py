"""Saving a workbook quickly: openpyxl's own package writer, with the worksheets written here.

Per cell, openpyxl looks the cell's style up by hashing its style array and builds the cell's XML through
lxml, a context manager per element; per sheet, it serialises a dozen settings objects (views, format,
columns, print set-up, header and footer …) element by element, and writes a temporary file and deletes
it again (slow on a busy disk, slower under a virus scanner). Here each worksheet is written as text into
memory, byte for byte what openpyxl 3.1's ``WorksheetWriter`` writes (tests/workbook/test_writer.py
compares the two on every sheet of a batch): the cells in one pass, each shared style array looked up
once; the settings that repeat on every sheet (views, sheet format, print options, margins, page set-up)
serialised by openpyxl once per process and remembered by their state; the others (columns, merges,
conditional formats, header and footer) written from the few values the workbook sets. Only what the
workbook uses is written (text, numbers, dates, formulas; no hyperlink objects, charts, images, tables,
protection, page breaks); anything else is refused. The style sheet and the workbook part are written the
same way (each font, fill, border, xf … serialised by openpyxl once per process), byte for byte what
``write_stylesheet`` and ``WorkbookWriter`` write; openpyxl still writes the comments, the document
properties and the content types. Relies on openpyxl 3.1's internals (pinned below 4 in requirements);
the tests compare every part with openpyxl's own and reopen every workbook with openpyxl and LibreOffice."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from lxml.etree import tostring
from openpyxl import Workbook
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.descriptors.serialisable import Serialisable
from openpyxl.formatting.rule import Rule
from openpyxl.packaging.extended import ExtendedProperties
from openpyxl.packaging.relationship import RelationshipList
from openpyxl.styles.cell_style import CellStyle
from openpyxl.styles.colors import ColorList
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, NumberFormat
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import quote_sheetname
from openpyxl.utils.datetime import CALENDAR_MAC_1904, to_excel
from openpyxl.utils.escape import escape
from openpyxl.workbook._writer import WorkbookWriter, get_active_sheet
from openpyxl.workbook.properties import WorkbookProperties
from openpyxl.worksheet.header_footer import HeaderFooter
from openpyxl.writer.excel import ExcelWriter
from openpyxl.writer.theme import theme_xml
from openpyxl.xml.constants import (
    ARC_APP,
    ARC_CORE,
    ARC_ROOT_RELS,
    ARC_STYLE,
    ARC_THEME,
    ARC_WORKBOOK,
    ARC_WORKBOOK_RELS,
    SHEET_MAIN_NS,
)

from core.export.workbook.styles import COLUMN_WIDTHS, ROW_HEIGHTS

_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))  # '&' first
_ATTR_ESCAPES = _ESCAPES + (('"', "&quot;"), ("\n", "&#10;"), ("\t", "&#9;"))
_CUSTOM = ' customWidth="1"'  # openpyxl: a column's width is custom when it is not 0
_BOOK_HEAD = f'<workbook xmlns="{SHEET_MAIN_NS}">'.encode()
_RELS_HEAD = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
_STYLE_HEAD = f'<styleSheet xmlns="{SHEET_MAIN_NS}">'.encode()
_HEAD = f'<worksheet xmlns="{SHEET_MAIN_NS}">'.encode()
_LEGACY = (b'<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
           b' r:id="anysvml"/>')
_DATES = (dt.datetime, dt.date)
_LETTERS = [""] + [get_column_letter(i) for i in range(1, 100)]


def _text(value: str, escapes: tuple[tuple[str, str], ...] = _ESCAPES) -> str:
    """Text escaped as lxml escapes it: an element's text, or with ``_ATTR_ESCAPES`` an attribute's value."""
    for ch, entity in escapes:
        if ch in value:  # most cells need none of these: test before copying
            value = value.replace(ch, entity)
    return value


class _SheetXml:
    """One worksheet's XML, as openpyxl's ``WorksheetWriter`` writes it for the sheets this workbook makes."""

    def __init__(self, ws, dxf_ids: dict[tuple, int] | None = None) -> None:
        self.ws = ws
        self.dxf_ids = {} if dxf_ids is None else dxf_ids  # a look's state → its index: one map per workbook
        ws._hyperlinks, ws._comments = [], []  # what WorksheetWriter resets: the cells' comments go here
        self.rels = RelationshipList()
        self.dimension = "A1:A1"

    def write(self) -> bytes:
        ws = self.ws
        if (ws._charts or ws._images or ws._tables or ws._pivots or ws.protection.sheet or ws.scenarios.scenario
                or ws.row_breaks.brk or ws.col_breaks.brk or ws.legacy_drawing is not None):
            raise RuntimeError(f"{ws.title}: a sheet setting this writer does not write")
        # before the tail: it collects the comments. A lone surrogate (a file name of bytes that are not
        # UTF-8) is written as \udcXX, as the command line writes it
        rows = self._rows().encode("utf-8", "backslashreplace")
        head = (_HEAD + _memo_xml(ws.sheet_properties, always=True) + f'<dimension ref="{self.dimension}"/>'.encode()
                + _memo_xml(ws.views, always=True) + _memo_xml(ws.sheet_format, always=True) + self._cols())
        return head + b"<sheetData>" + rows + b"</sheetData>" + self._tail() + b"</worksheet>"

    def _cols(self) -> bytes:
        widths = getattr(self.ws, COLUMN_WIDTHS, None)
        if not widths:
            return b""
        cols = "".join(f'<col width="{width:.16g}"{_CUSTOM if width else ""} min="{col}" max="{col}"/>'
                       for col, width in sorted(widths.items()))
        return f"<cols>{cols}</cols>".encode()

    def _tail(self) -> bytes:
        ws = self.ws
        out: list[bytes] = []
        flt = ws.auto_filter
        if flt.ref is not None:
            plain = not flt.filterColumn and flt.sortState is None
            out.append(f'<autoFilter ref="{_attr(flt.ref)}"/>'.encode() if plain else tostring(flt.to_tree()))
        ranges = ws.merged_cells.ranges
        if ranges:
            merges = "".join(f'<mergeCell ref="{r.coord}"/>' for r in ranges)
            out.append(f'<mergeCells count="{len(ranges)}">{merges}</mergeCells>'.encode())
        if ws.conditional_formatting:
            out.append(self._formatting())
        if ws.data_validations:
            out.append(tostring(ws.data_validations.to_tree()))
        out += (_memo_xml(ws.print_options), _memo_xml(ws.page_margins), _memo_xml(ws.page_setup), _header_footer(ws))
        if ws._comments:
            out.append(_LEGACY)
        return b"".join(out)

    def _formatting(self) -> bytes:
        """What ``WorksheetWriter.write_formatting`` writes: each rule's look is given its index among the
        workbook's differential styles; a rule of the one kind the workbook makes (a cell equal to a value)
        written here, any other by openpyxl."""
        out: list[bytes] = []
        for cf in self.ws.conditional_formatting:
            for rule in cf.rules:
                if rule.dxf:
                    self._register(rule)
            if cf.pivot is not None or not all(map(_plain_rule, cf.rules)):
                out.append(tostring(cf.to_tree()))
                continue
            rules = "".join(
                f'<cfRule type="cellIs" priority="{r.priority}" operator="{r.operator}"'
                + (f' dxfId="{r.dxfId}"' if r.dxfId is not None else "") + ">"
                + "".join(f"<formula>{_text(f)}</formula>" for f in r.formula) + "</cfRule>" for r in cf.rules)
            out.append(f'<conditionalFormatting sqref="{_attr(str(cf.sqref))}">{rules}</conditionalFormatting>'
                       .encode("ascii", "xmlcharrefreplace"))
        return b"".join(out)

    def _register(self, rule: Rule) -> None:
        """``if rule.dxf != DifferentialStyle(): rule.dxfId = wb._differential_styles.add(rule.dxf)``, with
        openpyxl's field-by-field comparisons made once per state of a look: whether it is empty, once per
        process; its index, once per workbook (a look equal in state to one registered before is equal to
        it, so openpyxl's ``add`` would give the index that one got)."""
        key = _state(rule.dxf)
        if _remembered(_EMPTY_DXF, key, lambda: not (rule.dxf != DifferentialStyle())):
            return
        found = self.dxf_ids.get(key)
        if found is None:
            found = self.dxf_ids[key] = self.ws.parent._differential_styles.add(rule.dxf)
        rule.dxfId = found

    def _rows(self) -> str:
        ws = self.ws
        styles, ids = ws.parent._cell_styles, {}
        epoch = ws.parent.epoch
        heights = getattr(ws, ROW_HEIGHTS, {})
        rows: dict[int, list] = {r: [] for r in heights}
        cells = ws._cells
        keys = sorted(cells)
        if keys:
            cols = [c for _, c in keys]
            self.dimension = (f"{get_column_letter(min(cols))}{keys[0][0]}:"
                              f"{get_column_letter(max(cols))}{keys[-1][0]}")
        for key in keys:
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
                    raise RuntimeError(f"{cell.coordinate}: a hyperlink object (the workbook links by formulas)")
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
                elif cell.data_type == "s" and value == value.strip():  # most text: no space to keep
                    out.append(f'<c {attrs} t="inlineStr"><is><t>{_text(value)}</t></is></c>')
                else:
                    out.append(_cell(attrs, cell.data_type, value, epoch, cell))
            out.append("</row>")
        return "".join(out)


def _cell(attrs: str, kind: str, value, epoch, cell) -> str:
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


_RULE_DEFAULTS = tuple((a, None) for a in Rule.__attrs__ + Rule.__elements__
                       if a not in ("type", "priority", "operator", "dxfId", "formula"))


def _plain_rule(rule: Rule) -> bool:
    """A 'cell is' rule with nothing set but its operator, formulas and look (what ``CellIsRule`` makes)."""
    return (type(rule) is Rule and rule.type == "cellIs" and rule.operator is not None
            and all(getattr(rule, a) is v for a, v in _RULE_DEFAULTS))


def _header_footer(ws) -> bytes:
    """``<headerFooter>`` as openpyxl writes it: all six items (the unused ones empty) once any has text."""
    hf = ws.HeaderFooter
    if hf.differentOddEven is not None or hf.differentFirst is not None or hf.scaleWithDoc is not None \
            or hf.alignWithMargins is not None:
        return tostring(hf.to_tree())
    items = (hf.oddHeader, hf.oddFooter, hf.evenHeader, hf.evenFooter, hf.firstHeader, hf.firstFooter)
    if not any(items):  # openpyxl's test: some part of some item has text
        return b""
    body = "".join(f"<{tag}>{_text(_packed(item))}</{tag}>" for tag, item in zip(HeaderFooter.__elements__, items))
    return f"<headerFooter>{body}</headerFooter>".encode("ascii", "xmlcharrefreplace")


# openpyxl 3.1's HeaderFooterItem.__str__, with its pattern compiled once rather than on every call
_HF_CODES = {"&[Tab]": "&A", "&[Pages]": "&N", "&[Date]": "&D", "&[Path]": "&Z", "&[Page]": "&P",
             "&[Time]": "&T", "&[File]": "&F", "&[Picture]": "&G"}
_HF_CODE = re.compile("|".join(f"({re.escape(k)})" for k in _HF_CODES))


def _packed(item) -> str:
    """A header or footer item in Excel's mini-format: '&L', '&C', '&R' before each part that has text, its
    font, size and colour codes, then the text (openpyxl's escapes for control characters)."""
    txt = []
    for key, part in zip("LCR", (item.left, item.center, item.right)):
        if part.text is not None:
            fmt = (f'&"{part.font}"' if part.font else "") + (f"&{part.size} " if part.size else "") \
                + (f"&K{part.color}" if part.color else "")
            txt.append(f"&{key}{fmt}{part.text}")
    return escape(_HF_CODE.sub(lambda m: _HF_CODES[m.group(0)], "".join(txt)))


# --- parts that are the same on most sheets: serialised once per process -----------------------------
_MEMO: dict[tuple, bytes] = {}
_EMPTY_DXF: dict[tuple, bool] = {}  # a conditional format's look by its state: is it openpyxl's empty one
_MEMO_MAX = 4096


def _state(obj) -> tuple:
    """What an openpyxl element serialises from: its public attributes, nested elements and lists in turn.
    Private ones (``_parent``: the sheet a page set-up belongs to) are not written."""
    out = [type(obj)]
    for key, value in obj.__dict__.items():
        if key[0] == "_":
            continue
        if isinstance(value, Serialisable):
            value = _state(value)
        elif isinstance(value, list):
            value = tuple(_state(v) if isinstance(v, Serialisable) else v for v in value)
        out.append((key, type(value), value))
    return tuple(out)


def _memo_xml(obj, always: bool = False) -> bytes:
    """``tostring(obj.to_tree())``, remembered by the element's state: views, sheet format, print options,
    margins and page set-up repeat on every sheet of every workbook. Unless ``always`` (openpyxl writes the
    sheet's properties, views and format unconditionally), nothing for an element that is false, as
    openpyxl skips those."""
    def make() -> bytes:
        tree = obj.to_tree() if always or obj else None
        return tostring(tree) if tree is not None else b""
    return _remembered(_MEMO, (always, _state(obj)), make)


def _remembered(memo: dict, key: tuple, make):
    """``memo[key]``, made by ``make()`` the first time; up to ``_MEMO_MAX`` entries are kept (past that,
    made every time: still right, only slower)."""
    found = memo.get(key)
    if found is None:
        found = make()
        if len(memo) < _MEMO_MAX:
            memo[key] = found
    return found


def _attr(value: str) -> str:
    """An attribute value escaped as lxml escapes it."""
    return _text(value, _ATTR_ESCAPES)


class _MemoryWriter(ExcelWriter):
    def __init__(self, workbook: Workbook, archive: ZipFile) -> None:
        super().__init__(workbook, archive)
        self.dxf_ids: dict[tuple, int] = {}  # the conditional formats' looks registered in this workbook

    def write_data(self) -> None:
        """``ExcelWriter.write_data`` for what a workbook of ours holds (worksheets, comments, styles): the
        same parts in the same order, the style sheet written by ``_stylesheet``."""
        wb, archive = self.workbook, self._archive
        if (wb.loaded_theme or len(wb.custom_doc_props) or wb.chartsheets or wb._external_links
                or wb.vba_archive):
            raise RuntimeError("a workbook part this writer does not write")
        archive.writestr(ARC_APP, _app_xml())
        archive.writestr(ARC_CORE, tostring(wb.properties.to_tree(), encoding="utf-8"))
        archive.writestr(ARC_THEME, theme_xml)
        self._write_worksheets()
        archive.writestr(ARC_STYLE, _stylesheet(wb))
        book, rels = _workbook_xml(wb)
        archive.writestr(ARC_ROOT_RELS, _root_rels())
        archive.writestr(ARC_WORKBOOK, book)
        archive.writestr(ARC_WORKBOOK_RELS, rels)
        self.manifest._write(archive, wb)

    def write_worksheet(self, ws) -> None:
        writer = _SheetXml(ws, self.dxf_ids)
        self._archive.writestr(ws.path[1:], writer.write())
        ws._rels = writer.rels
        self.manifest.append(ws)


@lru_cache(maxsize=1)
def _app_xml() -> bytes:
    """docProps/app.xml: openpyxl writes the same default properties into every workbook."""
    return tostring(ExtendedProperties().to_tree(), encoding="utf-8")


# --- the workbook part -------------------------------------------------------------------------------
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SHEET = f'<sheet xmlns:r="{_REL}" name="{{}}" sheetId="{{}}" state="visible" r:id="rId{{}}"/>'
_SHEET_REL = f'<Relationship Type="{_REL}/worksheet" Target="{{}}" Id="rId{{}}"/>'


def _workbook_xml(wb: Workbook) -> tuple[bytes, bytes]:
    """xl/workbook.xml and its relationships, byte for byte what openpyxl's ``WorkbookWriter`` writes
    (tests/workbook/test_writer.py): the sheets, and the names openpyxl gives each sheet's filter, print
    titles and print area, written here; the properties, protection, views and calculation settings
    serialised by openpyxl once per process, by their state. A workbook with anything more (defined
    names of its own, hidden sheets, pivots, external links, a code name, 1904 dates) is left to openpyxl."""
    sheets = wb._sheets
    if (wb.code_name is not None or wb.excel_base_date == CALENDAR_MAC_1904 or wb._external_links or wb._pivots
            or len(wb.defined_names) or wb.chartsheets or wb.vba_archive
            or any(ws.sheet_state != "visible" or ws.defined_names for ws in sheets)):
        writer = WorkbookWriter(wb)
        return writer.write(), writer.write_rels()
    if wb.views:
        wb.views[0].activeTab = get_active_sheet(wb)  # what WorkbookWriter.write_views does
    out = [_BOOK_HEAD, _workbook_pr()]
    if wb.security is not None:
        out.append(_utf8(_state(wb.security), lambda: wb.security.to_tree("workbookProtection")))
    out.append(_container("bookViews", [_utf8(_state(v), v.to_tree) for v in wb.views], counted=False))
    out.append(_container("sheets", [_SHEET.format(_attr(ws.title), i, i).encode() for i, ws in enumerate(sheets, 1)],
                          counted=False))
    names = []
    for i, ws in enumerate(sheets):
        quoted = quote_sheetname(ws.title)
        if ws.auto_filter:
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                         f"{_text(f'{quoted}!{ws.auto_filter}')}</definedName>")
        for kind, value in (("Print_Titles", ws.print_titles), ("Print_Area", ws.print_area)):
            if value:
                names.append(f'<definedName name="_xlnm.{kind}" localSheetId="{i}">{_text(value)}</definedName>')
    out.append(f"<definedNames>{''.join(names)}</definedNames>".encode() if names else b"<definedNames/>")
    if wb.calculation is not None:
        out.append(_utf8(_state(wb.calculation), lambda: wb.calculation.to_tree("calcPr")))
    out.append(b"</workbook>")
    rels = [_SHEET_REL.format(_attr(ws.path), i) for i, ws in enumerate(sheets, 1)]
    n = len(sheets)
    rels.append(f'<Relationship Type="{_REL}/styles" Target="styles.xml" Id="rId{n + 1}"/>'
                f'<Relationship Type="{_REL}/theme" Target="theme/theme1.xml" Id="rId{n + 2}"/>')
    return b"".join(out), (_RELS_HEAD + "".join(rels) + "</Relationships>").encode()


@lru_cache(maxsize=1)
def _workbook_pr() -> bytes:
    """``<workbookPr/>``: openpyxl writes fresh default properties when there is no code name nor 1904 dates."""
    return tostring(WorkbookProperties().to_tree("workbookPr"), encoding="utf-8")


@lru_cache(maxsize=1)
def _root_rels() -> bytes:
    """_rels/.rels: the same three relationships for every workbook without custom properties or macros."""
    return WorkbookWriter(Workbook()).write_root_rels()


# --- the style sheet ---------------------------------------------------------------------------------
def _stylesheet(wb) -> bytes:
    """xl/styles.xml, byte for byte what openpyxl's ``write_stylesheet`` gives (tests/workbook/test_writer.py):
    the same elements in the same order, each font, fill, border, format, xf and named style serialised
    by openpyxl once per process and remembered by its state. Fonts, fills and borders are the few dozen
    objects every workbook shares (``styles._parts``); a workbook differs in which it uses and in its xfs."""
    out = [_STYLE_HEAD]
    formats = [_utf8(("numFmt", i, code), lambda i=i, code=code: NumberFormat(i, code).to_tree("numFmt"))
               for i, code in enumerate(wb._number_formats, BUILTIN_FORMATS_MAX_SIZE)]
    out.append(_container("numFmts", formats, empty=True))
    for tag, objects in (("fonts", wb._fonts), ("fills", wb._fills), ("borders", wb._borders)):
        out.append(_container(tag, [_utf8(_state(o), o.to_tree) for o in objects]))
    out.append(_container("cellStyleXfs", [_named_xf(ns) for ns in wb._named_styles], empty=True))
    out.append(_container("cellXfs", [_cell_xf(wb, a) for a in wb._cell_styles], empty=True))
    out.append(_container("cellStyles", [_utf8(("cellStyle", ns.name, ns.builtinId, ns.hidden, ns._style.xfId),
                                               lambda ns=ns: ns.as_name().to_tree("cellStyle"))
                                         for ns in wb._named_styles], empty=True))
    out.append(_container("dxfs", [_utf8(_state(d), d.to_tree) for d in wb._differential_styles.styles]))
    if wb._table_styles is not None:
        out.append(_utf8(_state(wb._table_styles), wb._table_styles.to_tree))
    out.append(_utf8(("colors", tuple(wb._colors)), lambda: ColorList(indexedColors=wb._colors).to_tree()))
    out.append(b"</styleSheet>")
    return b"".join(out)


def _container(tag: str, items: list[bytes], empty: bool = False, counted: bool = True) -> bytes:
    """A list, ``counted`` or not: openpyxl leaves out an empty one, but for those it always writes
    (``empty``)."""
    count = f' count="{len(items)}"' if counted else ""
    if not items:
        return f"<{tag}{count}/>".encode() if empty else b""
    return f"<{tag}{count}>".encode() + b"".join(items) + f"</{tag}>".encode()


def _named_xf(ns) -> bytes:
    """A named style's xf, as ``NamedStyle.as_xf`` makes it."""
    key = ("named xf", tuple(ns._style), _state(ns.alignment), _state(ns.protection))
    return _utf8(key, lambda: ns.as_xf().to_tree("xf"))


def _cell_xf(wb, array) -> bytes:
    """A cell style's xf, as ``write_stylesheet`` makes it: its alignment and protection included when
    they are not the defaults (index 0)."""
    alignment = wb._alignments[array.alignmentId] if array.alignmentId else None
    protection = wb._protections[array.protectionId] if array.protectionId else None
    key = ("cell xf", tuple(array), alignment and _state(alignment), protection and _state(protection))

    def make():
        xf = CellStyle.from_array(array)
        if alignment is not None:
            xf.alignment = alignment
        if protection is not None:
            xf.protection = protection
        return xf.to_tree("xf")
    return _utf8(key, make)


def _utf8(key: tuple, make) -> bytes:
    """``tostring(make())`` in UTF-8 (as openpyxl writes the style sheet), remembered by ``key``."""
    return _remembered(_MEMO, ("utf-8",) + key, lambda: tostring(make(), encoding="utf-8"))


def save(wb: Workbook, path: str | Path) -> None:
    wb.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
    # the fastest deflate: a workbook is mostly short XML, level 1 compresses it nearly as well as 6
    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=1) as archive:
        _MemoryWriter(wb, archive).save()
