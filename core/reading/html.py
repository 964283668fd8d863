"""Saved web pages and HTML fragments. A real parser (lxml) walks the page in document order: block
elements break lines, inline runs (Word-pasted <span>/<font> splitting one label) join, tables become
grid rows, and page chrome that is never report text (scripts, styles, navigation, forms) is dropped."""
from __future__ import annotations

import re
import zlib

from core.errors import ReportError
from core.model import IMAGE_MARK, SourceDocument
from core.reading.grid import GridCell, clean, table_lines
from core.reading.text import decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936"}
DROP = {"script", "style", "noscript", "iframe", "template", "svg", "canvas", "nav", "form", "button", "select",
        "input", "textarea", "object", "embed", "map", "audio", "video"}
BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
         "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "address", "figure", "figcaption",
         "hr", "title", "body", "html", "caption"}


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """Honour the page's declared charset (BOM first); otherwise detect like a text file."""
    from core.reading.text import _BOMS  # the same BOM table the text reader trusts

    if not any(data.startswith(bom) for bom, _ in _BOMS):
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            name = "gb18030" if declared in _GB else declared
            try:
                return data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common; fall back to detection
    return decode(data, path)


class _Builder:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []

    def text(self, s: str | None) -> None:
        if s:
            self.current.append(s)

    def br(self) -> None:
        line = clean("".join(self.current))
        if line:
            self.lines.append(line)
        self.current = []

    def table(self, rows: list[list[GridCell]]) -> None:
        self.br()
        self.lines.extend(table_lines(rows))


class _CellText:
    """Collects a cell's text on one line: line breaks inside a cell become spaces."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def text(self, s: str | None) -> None:
        if s:
            self.parts.append(s)

    def br(self) -> None:
        self.parts.append(" ")


def _walk(node, out, in_cell: bool) -> None:
    """Document order: block elements and <br> break lines, inline runs join, tables become rows
    (a table inside a cell is read as the cell's text)."""
    tag = node.tag.lower() if isinstance(node.tag, str) else ""
    if not tag or tag in DROP:
        return
    if tag == "table" and not in_cell:
        out.table(_table_rows(node))
        return
    if tag == "img":
        out.text(f" {IMAGE_MARK} ")
        return
    if tag == "br" or tag in BLOCK:
        out.br()
    out.text(node.text)
    for child in node:
        _walk(child, out, in_cell)
        out.text(child.tail)
    if tag in BLOCK:
        out.br()


def _cell_text(el) -> str:
    cell = _CellText()
    _walk(el, cell, True)
    return "".join(cell.parts)


def _table_rows(table) -> list[list[GridCell]]:
    rows = []
    for tr in table.iter("tr"):
        if tr.getparent() is not None and _nearest_table(tr) is not table:
            continue  # a row of a nested table
        cells = []
        for td in tr:
            if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                continue
            cells.append(GridCell(_cell_text(td), _span(td.get("rowspan")), _span(td.get("colspan"))))
        rows.append(cells)
    return rows


def _nearest_table(el):
    p = el.getparent()
    while p is not None and (not isinstance(p.tag, str) or p.tag.lower() != "table"):
        p = p.getparent()
    return p


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), 100))
    except (TypeError, ValueError):
        return 1


def html_to_text(markup: str) -> str:
    import lxml.html

    markup = _XML_DECL.sub("", markup)
    if not markup.strip():
        return ""
    root = lxml.html.document_fromstring(markup)
    out = _Builder()
    body = root.find("body")
    _walk(body if body is not None else root, out, False)
    out.br()
    head = root.find("head")
    title = clean(head.findtext("title") or "") if head is not None else ""
    if title and not any("年度报告" in line for line in out.lines[:40]):
        out.lines.insert(0, title)  # a fragment whose only title is the page's <title>
    return "\n".join(out.lines) + "\n"


GZIP_LIMIT = 64 * 1024 * 1024


def _gunzip(path: str, data: bytes) -> bytes:
    """A page saved as the server sent it (gzip-compressed) is still the page."""
    unpack = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = unpack.decompress(data, GZIP_LIMIT)
    except zlib.error:
        out = b""
    if not unpack.eof:  # cut short (or larger than any report): half a page would read as missing tables
        raise ReportError(path, "网页文件已损坏：文件是压缩格式（gzip），但压缩内容不完整，无法解压")
    if not out.strip():
        raise ReportError(path, "网页文件已损坏：解压后没有内容")
    return out


def read_html(path: str, data: bytes) -> SourceDocument:
    if data.startswith(b"\x1f\x8b"):
        data = _gunzip(path, data)
    try:
        markup, encoding = decode_html(data, path)
    except ReportError as exc:
        raise ReportError(path, f"网页文件已损坏：{exc.reason}") from None
    try:
        text = html_to_text(markup)
    except Exception:  # lxml's parser errors are not ValueErrors; any of them means the same here
        text = ""
    if not text.strip():
        raise ReportError(path, "网页中没有可读的文字（文件可能已损坏，或只有脚本和样式）")
    return SourceDocument(path=path, text=text, encoding=encoding, format="html")
