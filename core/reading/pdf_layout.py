"""Page geometry → the text the engine reads, with the place of every piece of it on its page.

Both ways of reading a PDF page end here: the text layer (``pdf``) and the recogniser (``ocr``) each
give a ``PageLayout`` — ruled tables as cells with their boxes, and the printed lines outside them.
This module then
- lays every table out on a grid of its ruling lines (a merged cell prints once, where it starts; a
  label wrapped over many lines inside one cell is one cell text),
- joins a table that runs on over a page break into one: a repeated header row is dropped, a row Word
  split across the break is put back together, a merged label cell carries on over the break,
- rejoins the lines of a paragraph that the page width wrapped (a wrapped line is not a new line of the
  report), across page breaks too, and drops page numbers,
and writes tables as ``| a | b |`` rows (as ``grid`` does for HTML and Word) and paragraphs as lines,
recording for each table cell and each printed line the page box it came from."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from core.model import PageBox, TextPiece, Uncertain
from core.reading.grid import row_line

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points

_PAGE_NUMBER = re.compile(r"^[\s\-—–－·一_～]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[\s\-—–－·一_～]*$")
_NUMERIC = re.compile(r"^[\s\d,.，．+\-%/]*\d[\s\d,.，．+\-%/]*$")
# a row label that starts a new row of the form: 一、 （三） 4. 3、
_NUMBERED = re.compile(r"^\s*(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[.．、])")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_LEADING_WORD = re.compile(r"[A-Za-z0-9.,:/_%-]+")
TOL = 2.0  # points: ruling lines this close are the same line


@dataclass
class Line:
    """One printed line (or all of a cell's text, from OCR). ``text`` holds no line break, tab or
    pipe; ``doubts`` are (offset in ``text``, confidence, alternatives) for characters OCR was unsure of;
    ``runs`` are (start, end, box) of the parts a wide gap separates (the cells of a table drawn
    without rulings), so each gets its own box."""

    text: str
    box: Box
    size: float  # font size (points): the height of a character
    doubts: list[tuple[int, float, tuple[tuple[str, float], ...]]] = field(default_factory=list)
    runs: list[tuple[int, int, Box]] = field(default_factory=list)


@dataclass
class CellPart:
    page: int
    box: Box
    lines: list[Line]


@dataclass
class Cell:
    """A ruled cell; after a join across pages its text may come from two pages (two parts)."""

    r0: int
    r1: int  # rows [r0, r1)
    x0: float
    x1: float
    parts: list[CellPart]

    @property
    def text(self) -> str:
        return "".join(ln.text for p in self.parts for ln in p.lines)

    @property
    def numeric(self) -> bool:
        return bool(_NUMERIC.match(self.text))


@dataclass
class Table:
    """A ruled table as found on one page (``page`` is where it starts once parts are joined)."""

    page: int
    box: Box
    cells: list[Cell]
    nrows: int
    last_page: int = 0

    def __post_init__(self) -> None:
        self.last_page = self.last_page or self.page


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    blocks: list[Table | Line]  # top to bottom
    ocr: bool = False


def cluster(values: list[float], tol: float = TOL) -> list[float]:
    """Sorted representatives of values that lie within ``tol`` of each other."""
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    i = bisect_left(edges, v - TOL)
    return min(i, len(edges) - 1)


def table_from_cells(page: int, boxes: list[Box], texts: list[list[Line]]) -> Table:
    """A table from its cells' boxes (as pdfplumber finds them from the ruling lines) and the lines
    printed inside each cell."""
    ys = cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    cells = [Cell(_index(ys, b[1]), max(_index(ys, b[3]), _index(ys, b[1]) + 1), b[0], b[2],
                  [CellPart(page, b, lines)]) for b, lines in zip(boxes, texts)]
    x0 = min(b[0] for b in boxes)
    top = min(b[1] for b in boxes)
    return Table(page, (x0, top, max(b[2] for b in boxes), max(b[3] for b in boxes)), cells, len(ys) - 1)


class CellIndex:
    """Which cell of which table a point falls in: a grid lookup per table, so assigning every
    character of a page costs a couple of bisections."""

    def __init__(self, tables_boxes: list[list[Box]]) -> None:
        self._tables = []
        for n, boxes in enumerate(tables_boxes):
            xs = cluster([b[0] for b in boxes] + [b[2] for b in boxes])
            ys = cluster([b[1] for b in boxes] + [b[3] for b in boxes])
            slots: dict[tuple[int, int], int] = {}
            for i, (x0, top, x1, bottom) in enumerate(boxes):
                for c in range(_index(xs, x0), _index(xs, x1)):
                    for r in range(_index(ys, top), _index(ys, bottom)):
                        slots[(r, c)] = i
            self._tables.append((n, xs, ys, slots))

    def find(self, x: float, y: float) -> tuple[int, int] | None:
        for n, xs, ys, slots in self._tables:
            if xs[0] <= x <= xs[-1] and ys[0] <= y <= ys[-1]:
                c, r = bisect_right(xs, x) - 1, bisect_right(ys, y) - 1
                cell = slots.get((r, c))
                if cell is not None:
                    return n, cell
        return None


# --- joining tables across pages ---------------------------------------------------------------
def _shape(c: Cell) -> tuple[int, int, int, int]:
    return (c.r0, c.r1, round(c.x0), round(c.x1))


def _alike(a: str, b: str) -> bool:
    """The same header text, allowing for what OCR does to it (a space, a character misread)."""
    a, b = re.sub(r"\s", "", a), re.sub(r"\s", "", b)
    return a == b or (len(a) >= 2 and SequenceMatcher(None, a, b).ratio() >= 0.75)


def _header_rows(t: Table, q: Table) -> int:
    """How many leading rows of ``q`` repeat the header of ``t`` (Word's 重复标题行): the same cells
    in the same places with the same words, none of them a number."""
    best = 0
    for k in range(1, min(t.nrows, q.nrows)):
        head_t = sorted((c for c in t.cells if c.r0 < k), key=_shape)
        head_q = sorted((c for c in q.cells if c.r0 < k), key=_shape)
        if any(c.r1 > k for c in head_t + head_q):
            continue
        if [_shape(c) for c in head_t] != [_shape(c) for c in head_q]:
            break
        if all(_alike(a.text, b.text) for a, b in zip(head_t, head_q)) and any(c.text for c in head_t) \
                and not any(c.numeric for c in head_t):
            best = k
        else:
            break
    return best


def _snap(edges: list[float], x: float) -> float:
    near = min(edges, key=lambda e: abs(e - x))
    return near if abs(near - x) <= 2 * TOL else x


def _same_x(a: Cell, b: Cell) -> bool:
    return abs(a.x0 - b.x0) <= TOL and abs(a.x1 - b.x1) <= TOL


def _continues(t: Table, q: Table) -> bool:
    """Does ``q`` (first on its page) carry on ``t`` (last on the previous page)? Same outer edges
    and nothing printed between them but page numbers."""
    return abs(t.box[0] - q.box[0]) <= 3 and abs(t.box[2] - q.box[2]) <= 3


def join(t: Table, q: Table) -> Table:
    """``q`` appended below ``t``, in place of ``t``."""
    edges = cluster([c.x0 for c in t.cells] + [c.x1 for c in t.cells])
    for c in q.cells:  # the same ruling line may land a point or two off on the next page
        c.x0, c.x1 = _snap(edges, c.x0), _snap(edges, c.x1)
    drop = _header_rows(t, q)
    rows = [c for c in q.cells if c.r0 >= drop]
    for c in rows:
        c.r0 -= drop
        c.r1 -= drop
    q_rows = q.nrows - drop
    last = t.nrows - 1
    bottom = [c for c in t.cells if c.r1 == t.nrows]
    first = [c for c in rows if c.r0 == 0]
    pairs = [(a, b) for b in first for a in bottom if _same_x(a, b)]
    own_row = [a for a in bottom if a.r0 == last]
    split = (
        len(pairs) == len(first) and first
        and not any(a.numeric and b.numeric for a, b in pairs)
        and (not any(c.numeric for c in first) or not any(c.numeric for c in own_row))
        and not any(_NUMBERED.match(b.text) for b in first if b.text and not b.numeric)
    )
    offset = t.nrows - 1 if split else t.nrows
    merged: set[int] = set()
    for a, b in pairs:
        if split or (not b.text and a.text and not a.numeric):
            a.parts += [p for p in b.parts if any(ln.text for ln in p.lines)]
            a.r1 = offset + b.r1
            merged.add(id(b))
    for c in rows:
        if id(c) not in merged:
            c.r0 += offset
            c.r1 += offset
            t.cells.append(c)
    t.nrows = offset + q_rows
    t.last_page = q.page
    return t


# --- writing text ------------------------------------------------------------------------------
@dataclass
class _Out:
    lines: list[str] = field(default_factory=list)
    pos: int = 0
    pieces: list[TextPiece] = field(default_factory=list)
    uncertain: list[Uncertain] = field(default_factory=list)

    def add(self, line: str) -> int:
        start = self.pos
        self.lines.append(line)
        self.pos += len(line) + 1
        return start

    def piece(self, start: int, line: Line, page: int, box: Box) -> None:
        if len(line.runs) > 1:
            self.pieces += [TextPiece(start + a, start + b, PageBox(page, *run)) for a, b, run in line.runs]
        else:
            self.pieces.append(TextPiece(start, start + len(line.text), PageBox(page, *box)))
        for off, conf, alts in line.doubts:
            self.uncertain.append(Uncertain(start + off, conf, alts))


def _table_rows(t: Table, out: _Out) -> None:
    xs = cluster([c.x0 for c in t.cells] + [c.x1 for c in t.cells])
    ncols = len(xs) - 1
    at: dict[tuple[int, int], Cell] = {}
    for c in t.cells:
        for r in range(c.r0, c.r1):
            for col in range(_index(xs, c.x0), max(_index(xs, c.x1), _index(xs, c.x0) + 1)):
                at.setdefault((r, col), c)
    for r in range(t.nrows):
        row: list[Cell | None] = []
        for col in range(ncols):
            c = at.get((r, col))
            if c is None:
                row.append(None)  # no cell here (a missing ruling line): an empty field keeps the columns
            elif c.r0 == r and _index(xs, c.x0) == col:
                row.append(c)
        texts = [c.text if c else "" for c in row]
        if not any(texts):
            continue
        line, starts = row_line(texts)
        base = out.add(line)
        for c, s in zip(row, starts):
            if c is None:
                continue
            pos = base + s
            for part in c.parts:
                for ln in part.lines:
                    if ln.text:
                        out.piece(pos, ln, part.page, part.box)
                        pos += len(ln.text)
            if not c.text:  # a blank cell still has its place on the page
                out.pieces.append(TextPiece(pos, pos, PageBox(c.parts[0].page, *c.parts[0].box)))


def _joiner(a: str, b: str) -> str:
    return " " if _ASCII_WORD.match(a[-1:]) and _ASCII_WORD.match(b[:1]) else ""


def _paragraph(lines: list[tuple[int, Line]], out: _Out) -> None:
    text = ""
    placed: list[tuple[int, int, Line]] = []
    for page, ln in lines:
        if text:
            text += _joiner(text, ln.text)
        placed.append((len(text), page, ln))
        text += ln.text
    base = out.add(text)
    for off, page, ln in placed:
        out.piece(base + off, ln, page, ln.box)


def _wraps(prev: Line, cur: Line, margins: tuple[float, float], new_page: bool) -> bool:
    """``cur`` carries on the paragraph of ``prev``: ``prev`` ran to the right margin and ``cur``
    starts at the left one, right below (or at the top of the next page)."""
    left, right = margins
    size = max(prev.size, 1.0)
    if "   " in prev.text or "   " in cur.text:
        return False  # a row of a table without rulings: its cells, not a wrapped sentence
    word = _LEADING_WORD.match(cur.text)
    room = 2.5 * size + (0.6 * size * len(word.group()) if word else 0)  # a number or URL wraps whole
    centred = abs((cur.box[0] + cur.box[2]) / 2 - (left + right) / 2) < size  # a wrapped title
    if prev.box[2] < right - room or (cur.box[0] > left + 0.6 * size and not centred):
        return False
    if abs(prev.size - cur.size) > 0.25 * size:
        return False
    if not new_page and cur.box[1] - prev.box[3] > 1.3 * size:
        return False
    return not (prev.text.endswith(("。", "：", ":", "；")) and _NUMBERED.match(cur.text))


def compose(pages: list[PageLayout]) -> tuple[str, list[TextPiece], list[Uncertain]]:
    """The document's text, its pieces (in text order) and OCR's doubts, from its pages."""
    flow: list[tuple[int, Table | Line]] = []
    margins: dict[int, tuple[float, float]] = {}
    for page in pages:
        lines = [b for b in page.blocks if isinstance(b, Line)]
        if lines:
            margins[page.number] = (min(ln.box[0] for ln in lines), max(ln.box[2] for ln in lines))
        for b in page.blocks:
            if isinstance(b, Line) and _PAGE_NUMBER.match(b.text):
                continue
            flow.append((page.number, b))
    out = _Out()
    para: list[tuple[int, Line]] = []
    previous: Table | Line | None = None
    for page, block in flow:
        if isinstance(block, Table):
            if para:
                _paragraph(para, out)
                para = []
            if isinstance(previous, Table) and page > previous.last_page and _continues(previous, block):
                previous = join(previous, block)
                continue
            if isinstance(previous, Table):
                _table_rows(previous, out)
            previous = block
            continue
        if isinstance(previous, Table):
            _table_rows(previous, out)
        if para and not _wraps(para[-1][1], block, margins.get(page, (0, 0)), page != para[-1][0]):
            _paragraph(para, out)
            para = []
        para.append((page, block))
        previous = block
    if isinstance(previous, Table):
        _table_rows(previous, out)
    if para:
        _paragraph(para, out)
    text = "\n".join(out.lines) + "\n"
    return text, out.pieces, out.uncertain
