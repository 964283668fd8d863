"""A report laid out as agencies author it: paragraphs and the three tables of the official form as a
grid of merged cells (the agencies' Word template: table A as one 4-column table with a row per clause,
table B with its 3 header rows, the vertical 三、本年度办理结果 / （三）不予公开 … group cells and the
two-level 申请人情况 header, table C with its 2-level header). Every published form — Word, PDF,
web page, converter markdown, crawler text — is made from this one layout, as real ones are."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from core.template import APPLICATIONS, CellKey
from tests.realistic.keys import AnswerKey, FormOptions, Number


@dataclass
class Cell:
    text: str                      # "\n" is a line break inside the cell (商业\n企业)
    rowspan: int = 1
    colspan: int = 1
    role: str = "label"            # label | header | value
    key: CellKey | None = None


@dataclass
class Table:
    id: str                        # active | applications | review_litigation | extra | old
    rows: list[list[Cell]]
    header_rows: int = 0           # rows a word processor may repeat on the next page
    widths: tuple[int, ...] = ()   # grid column widths in twips, as in the template


@dataclass
class Para:
    text: str
    role: str = "body"             # title | heading | body | chrome
    part: int | None = None        # the standard part a heading opens


@dataclass
class Document:
    blocks: list[Para | Table] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def span_attrs(cell: Cell) -> str:
    """The cell's rowspan/colspan as HTML attributes."""
    return (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + \
           (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")


def fmt(v: Number) -> str:
    return format(v, "f") if isinstance(v, Decimal) else str(v)


def _value(key: AnswerKey, cell: CellKey, colspan: int = 1) -> Cell:
    return Cell(fmt(key.values[cell]), colspan=colspan, role="value", key=cell)


# --- table A ---------------------------------------------------------------------------------------
A_CLAUSES = (
    ("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"), ("规章", "行政规范性文件")),
    ("第二十条第（五）项", ("本年处理决定数量",), ("行政许可",)),
    ("第二十条第（六）项", ("本年处理决定数量",), ("行政处罚", "行政强制")),
    ("第二十条第（八）项", ("本年收费金额（单位：万元）",), ("行政事业性收费",)),
)


def table_a(key: AnswerKey, opts: FormOptions) -> Table:
    rows: list[list[Cell]] = []
    for clause, columns, names in A_CLAUSES:
        rows.append([Cell(clause, colspan=4, role="header")])
        wide = 3 if len(columns) == 1 else 1
        rows.append([Cell("信息内容", role="header")] + [Cell(c, colspan=wide, role="header") for c in columns])
        for name in names:
            if name in opts.omit_rows:
                continue
            cells = [CellKey("active", name, i) for i in range(len(columns))]
            rows.append([Cell(opts.label(name, name))] + [_value(key, c, wide) for c in cells])
    return Table("active", rows, widths=(2435,) * 4)


# --- table B ---------------------------------------------------------------------------------------
B_GROUPS = (("（三）不予公开", "不予公开_"), ("（四）无法提供", "无法提供_"), ("（五）不予处理", "不予处理_"),
            ("（六）其他处理", "其他处理_"))
B_SUBHEADERS = ("商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他")


def b_header(opts: FormOptions) -> list[list[Cell]]:
    return [
        [Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3, role="header"),
         Cell("申请人情况", colspan=7, role="header")],
        [Cell("自然人", rowspan=2, role="header"), Cell("法人或其他组织", colspan=5, role="header"),
         Cell(opts.total_word, rowspan=2, role="header")],
        [Cell(x, role="header") for x in B_SUBHEADERS],
    ]


def b_rows(key: AnswerKey, opts: FormOptions) -> list[tuple[str, list[Cell]]]:
    """(row key, cells) of the data rows; the group cells sit on the first row they span."""
    def values(row: str) -> list[Cell]:
        return [_value(key, CellKey("applications", row, c)) for c in range(7)]

    printed = [r for r in APPLICATIONS.rows if r.key not in opts.omit_rows]
    if opts.other_single:
        printed = [r for r in printed if not r.key.startswith("其他处理_") or r.key == "其他处理_1"]
    results = sum(1 for r in printed if r.key not in ("本年新收", "上年结转", "结转下年度"))
    out: list[tuple[str, list[Cell]]] = []
    for r in printed:
        label = opts.label(r.key, r.label)
        if r.key in ("本年新收", "上年结转", "结转下年度"):
            out.append((r.key, [Cell(label, colspan=3)] + values(r.key)))
        elif r.key == "其他处理_1" and opts.other_single:
            single = [Cell(fmt(sum(key.values[CellKey("applications", f"其他处理_{i}", c)] for i in (1, 2, 3))),
                           role="value") for c in range(7)]
            out.append(("其他处理", [Cell(opts.label("其他处理", "（六）其他处理"), colspan=2)] + single))
        elif r.key in ("予以公开", "部分公开", "总计"):
            if r.key == "总计":
                label = label.replace("总计", opts.total_word)
            lead = [Cell("三、本年度办理结果", rowspan=results)] if r.key == "予以公开" else []
            out.append((r.key, lead + [Cell(label, colspan=2)] + values(r.key)))
        else:
            group, prefix = next((g, p) for g, p in B_GROUPS if r.key.startswith(p))
            size = sum(1 for x in printed if x.key.startswith(prefix))
            first = next(x.key for x in printed if x.key.startswith(prefix))
            lead = [Cell(group, rowspan=size)] if r.key == first else []
            out.append((r.key, lead + [Cell(label)] + values(r.key)))
    return out


def table_b(key: AnswerKey, opts: FormOptions) -> Table:
    rows = b_header(opts) + [cells for _, cells in b_rows(key, opts)]
    return Table("applications", rows, header_rows=3, widths=(754, 921, 3271) + (685,) * 7)


# --- table C ---------------------------------------------------------------------------------------
C_OUTCOMES_PRINTED = ("结果维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计")


def table_c(key: AnswerKey, opts: FormOptions) -> Table:
    outcomes = [o.replace("总计", opts.total_word) for o in C_OUTCOMES_PRINTED]
    rows = [
        [Cell("行政复议", colspan=5, role="header"), Cell("行政诉讼", colspan=10, role="header")],
        [Cell(o, rowspan=2, role="header") for o in outcomes]
        + [Cell("未经复议直接起诉", colspan=5, role="header"), Cell("复议后起诉", colspan=5, role="header")],
        [Cell(o.replace("结果维持", "结果\n维持"), role="header") for o in outcomes * 2],
        [_value(key, CellKey("review_litigation", "", i)) for i in range(15)],
    ]
    return Table("review_litigation", rows, header_rows=3, widths=(649,) * 15)


# --- the extra part some agencies add after part 二 -------------------------------------------------------
EXTRA_HEADING = "三、政府信息公开咨询处理情况"


def extra_part() -> list[Para | Table]:
    """A part of its own with a small table of numbers and a 合计 column: a trap for a label reader."""
    rows = [[Cell(x, role="header") for x in ("咨询方式", "现场咨询", "电话咨询", "网上咨询", "合计")],
            [Cell("件数")] + [Cell(x, role="value") for x in ("12", "30", "5", "47")]]
    return [Para(EXTRA_HEADING, "heading"),
            Para("本年度共接受公众政府信息公开咨询47人次，均及时予以答复。"),
            Table("extra", rows, widths=(1948,) * 5)]


_NUMERALS = "一二三四五六七八"


def renumber(heading: str, number: int) -> str:
    """The heading with its leading numeral replaced (the parts after an extra one move down)."""
    if heading[:1] in _NUMERALS and heading[1:2] in "、.．":
        return _NUMERALS[number - 1] + heading[1:]
    return heading


def build(key: AnswerKey) -> Document:
    """The report as its author laid it out (tables only where the report prints them)."""
    opts = key.form
    headings = dict(opts.headings)
    doc = Document([Para(text, role) for role, text in key.head])
    makers = {2: table_a, 3: table_b, 4: table_c}
    tables = {2: "active", 3: "applications", 4: "review_litigation"}
    shift = 0
    for n, part in sorted(key.parts.items()):
        heading = headings.get(n, part.heading)
        doc.blocks.append(Para(renumber(heading, n + shift) if shift else heading, "heading", part=n))
        doc.blocks.extend(Para(p) for p in part.paragraphs)
        if n in makers and tables[n] in key.tables:
            doc.blocks.append(makers[n](key, opts))
        if n == 2 and opts.extra_part:
            doc.blocks.extend(extra_part())
            shift = 1
    doc.blocks.extend(Para(text, role) for role, text in key.tail)
    return doc


def layout(table: Table) -> tuple[list[list[Cell | None]], list[tuple[int, int, Cell]]]:
    """The table on its grid: ``grid[r][c]`` is the cell that starts there (None where a span from
    above or the left covers it), and every cell with its start position."""
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, Cell]] = []
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    width = max(c for _, c in taken) + 1
    grid: list[list[Cell | None]] = [[None] * width for _ in table.rows]
    for r, c, cell in placed:
        grid[r][c] = cell
    return grid, placed


def owner(table: Table) -> list[list[Cell]]:
    """Every grid position with the cell that covers it (a merged cell repeated over its span)."""
    grid, placed = layout(table)
    out: list[list[Cell]] = [[Cell("")] * len(grid[0]) for _ in grid]
    for r, c, cell in placed:
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                out[r + dr][c + dc] = cell
    return out
