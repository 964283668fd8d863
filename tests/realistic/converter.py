"""Markdown as PDF converters (marker, MinerU, pdf2md, doc2x-style) emit it from an office-printed report.

A converter sees the printed page, not the document: labels wrapped to their column width, merged
cells as text centred somewhere in their span, the table cut by a page break with the footer between
its halves. Each flavour carries the defects seen in such output:

- ``marker``: a placeholder header row (``| 数据1 | 数据2 | … |``) on every table piece, ``<br>`` where a
  label wrapped, merged cells left empty, the page footer (``— 4 —``) between two pieces of table B;
- ``mineru``: the tables as HTML ``<table>`` blocks (rowspan/colspan kept) inside the markdown, ``#``
  headings, table B split in two blocks at the page break, the second without its header;
- ``detached``: only the numbers recognised as a table — the labels as loose lines above their block of
  pipe rows, the B labels that start with 一、二、三、四 as ``###`` headings (they look like part headings),
  table C's 15 values in one row under a 6-cell header;
- ``doc2x``: the vertical group labels cut into fragments, one per printed line, each an extra leading
  cell of the row beside it (``| （三）不 | 1.属于国家秘密 | 0 |``), a label that wraps split over two pipe
  rows (its first line alone in a row of empty cells, the numbers beside the rest), the header repeated
  as a bogus row in the middle of table B after the page break, ``第 3 页`` between rows.
"""
from __future__ import annotations

from html import escape

from tests.realistic.document import Cell, Document, Para, Table, layout, span_attrs

CHAR_TWIPS = 210     # one CJK character at 10.5 pt
CELL_MARGIN = 216    # left + right cell margins of the template


def wrap(text: str, twips: int) -> list[str]:
    """The lines a cell of this width prints: Chinese wraps anywhere, a digit or Latin letter is half
    as wide, explicit breaks are kept."""
    room = max(CHAR_TWIPS, twips - CELL_MARGIN)
    out: list[str] = []
    for piece in text.split("\n"):
        line, used = "", 0
        for ch in piece:
            w = CHAR_TWIPS // 2 if ch.isascii() else CHAR_TWIPS
            if line and used + w > room:
                out.append(line)
                line, used = "", 0
            line, used = line + ch, used + w
        out.append(line)
    return out


def _span_width(table: Table, col: int, colspan: int) -> int:
    return sum(table.widths[col:col + colspan]) if table.widths else 2000


def _pipe(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _pipe_table(rows: list[list[str]], placeholder: bool) -> list[str]:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    if placeholder:
        head = [f"数据{i + 1}" for i in range(width)]
    else:
        head, rows = rows[0], rows[1:]
    return [_pipe(head), "|" + "---|" * width] + [_pipe(r) for r in rows]


def _grid_rows(table: Table, br: bool) -> list[list[str]]:
    """Rows on the grid, a merged cell's text in its first position, wrapped lines joined by ``<br>``."""
    grid, placed = layout(table)
    starts = {(r, c): cell for r, c, cell in placed}
    out = []
    for r, row in enumerate(grid):
        line = []
        for c, _ in enumerate(row):
            cell = starts.get((r, c))
            if cell is None:
                line.append("")
                continue
            lines = wrap(cell.text, _span_width(table, c, cell.colspan))
            line.append(("<br>" if br else "").join(lines))
        out.append(line)
    return out


def _page_cut(table: Table) -> int:
    """Where the page break falls in table B (about two thirds down, as in most printed reports)."""
    return table.header_rows + (len(table.rows) - table.header_rows) * 2 // 3


def _heading(block: Para, marks: str) -> str:
    return f"{marks} {block.text}" if block.role in ("heading", "title") else block.text


def marker(doc: Document) -> str:
    out: list[str] = []
    page = 2
    for block in doc.blocks:
        if isinstance(block, Para):
            out += [_heading(block, "#" if block.role == "title" else "##"), ""]
            continue
        rows = _grid_rows(block, br=True)
        if block.id == "applications":
            cut = _page_cut(block)
            out += _pipe_table(rows[:cut], True) + ["", f"— {page} —", ""] + _pipe_table(rows[cut:], True) + [""]
            page += 1
        else:
            out += _pipe_table(rows, True) + [""]
    return "\n".join(out) + "\n"


def _html_table(rows: list[list[Cell]]) -> str:
    cells = []
    for row in rows:
        tds = []
        for cell in row:
            tds.append(f"<td{span_attrs(cell)}>{escape(cell.text.replace(chr(10), ''))}</td>")
        cells.append("<tr>" + "".join(tds) + "</tr>")
    return "<html><body><table>" + "".join(cells) + "</table></body></html>"


def mineru(doc: Document) -> str:
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            out += [_heading(block, "#"), ""]
            continue
        if block.id == "applications":
            cut = _page_cut(block)
            rest = [[Cell(c.text, min(c.rowspan, cut - r), c.colspan, c.role, c.key) for c in row]
                    for r, row in enumerate(block.rows[:cut])]
            tail = _continued(block, cut)
            out += [_html_table(rest), "", _html_table(tail), ""]
        else:
            out += [_html_table(block.rows), ""]
    return "\n".join(out) + "\n"


def _continued(table: Table, cut: int) -> list[list[Cell]]:
    """The rows after a page break, with the group cells that span the break restarted on them."""
    grid, placed = layout(table)
    carried: dict[int, list[Cell]] = {}
    for r, c, cell in placed:
        if r < cut < r + cell.rowspan:
            carried.setdefault(cut, []).append(Cell(cell.text, r + cell.rowspan - cut, cell.colspan, cell.role))
    rows = [list(row) for row in table.rows[cut:]]
    rows[0] = carried.get(cut, []) + rows[0]
    return rows


def detached(doc: Document) -> str:
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            out += [_heading(block, "##"), ""]
            continue
        labels, values = _split_labels(block)
        if block.id == "review_litigation":
            out += labels + ["", _pipe(["行政复议", "", "", "", "", "行政诉讼"]), "|---|---|---|---|---|---|",
                             _pipe(values[0]), ""]
            continue
        out += labels + [""] + _pipe_table(values, True) + [""]
    return "\n".join(out) + "\n"


def _split_labels(table: Table) -> tuple[list[str], list[list[str]]]:
    labels: list[str] = []
    values: list[list[str]] = []
    for row in table.rows:
        texts = [c.text.replace("\n", "") for c in row if c.role != "value"]
        nums = [c.text for c in row if c.role == "value"]
        for t in texts:
            labels.append(f"### {t}" if t[:2] in ("一、", "二、", "三、", "四、") else t)
        if nums:
            values.append(nums)
    return labels, values


def doc2x(doc: Document) -> str:
    out: list[str] = []
    page = 3
    for block in doc.blocks:
        if isinstance(block, Para):
            out += [_heading(block, "##"), ""]
            continue
        if block.id == "review_litigation":
            out += [_pipe(["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "总计"]),
                    "|---|---|---|---|---|---|", _pipe([c.text for c in block.rows[-1]]), ""]
            continue
        rows = _fragment_rows(block)
        if block.id != "applications":
            out += _pipe_table(rows, False) + [""]
            continue
        cut = _page_cut(block)
        bogus = ["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        body = _pipe_table(rows[:cut], False)
        out += body + [f"第 {page} 页", _pipe(bogus)] + [_pipe(r) for r in rows[cut:]] + [""]
        page += 1
    return "\n".join(out) + "\n"


def _fragment_rows(table: Table) -> list[list[str]]:
    """Each printed row as the converter sees it: a vertically merged label printed one wrapped line
    per row it spans, as an extra leading cell; the rest of the row as printed."""
    grid, placed = layout(table)
    fragments: dict[tuple[int, int], str] = {}
    for r, c, cell in placed:
        if cell.rowspan > 1 and cell.role == "label":
            lines = wrap(cell.text, _span_width(table, c, cell.colspan))
            top = max(0, (cell.rowspan - len(lines)) // 2)  # centred vertically, as printed
            for i in range(cell.rowspan):
                j = i - top
                fragments[(r + i, c)] = lines[j] if 0 <= j < len(lines) and i < cell.rowspan else ""
    starts = {(r, c): cell for r, c, cell in placed}
    out = []
    for r, row in enumerate(grid):
        line = []
        for c in range(len(row)):
            cell = starts.get((r, c))
            if (r, c) in fragments:
                line.append(fragments[(r, c)])
            elif cell is not None:
                line.append(cell.text)
        out.extend([x.replace("\n", "<br>") for x in row] for row in _split_wrapped(table, r, line, starts))
    return out


def _split_wrapped(table: Table, r: int, line: list[str], starts: dict) -> list[list[str]]:
    """A row whose label wraps: the label's first line as a row of its own (the numbers sit level with
    the middle of the cell, beside the rest of the label)."""
    label_at = max((c for (rr, c), cell in starts.items() if rr == r and cell.role == "label"), default=None)
    if label_at is None:
        return [line]
    cell = starts[(r, label_at)]
    lines = wrap(cell.text, _span_width(table, label_at, cell.colspan))
    index = next(i for i, x in enumerate(line) if x == cell.text)
    if len(lines) < 2 or not any(c.role == "value" for (rr, _), c in starts.items() if rr == r):
        line[index] = "<br>".join(lines) if cell.role == "label" else line[index]
        return [line]
    first = [x if i < index else "" for i, x in enumerate(line)]
    first[index] = lines[0]
    rest = ["" if i < index else x for i, x in enumerate(line)]
    rest[index] = "<br>".join(lines[1:])
    return [first, rest]


FLAVOURS = {"marker": marker, "mineru": mineru, "detached": detached, "doc2x": doc2x}
