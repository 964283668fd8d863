"""Render a consistent set of tables into the documents agencies publish: an HTML page with the
official rowspan/colspan layout (UTF-8 or GBK), a Word .docx with merged cells, and a PDF (reportlab,
CJK CID font). Round-trip tests read them back and expect every value."""
from __future__ import annotations

import io
from html import escape

from core.reading.grid import GridCell
from core.template import APPLICATIONS, C_OUTCOMES
from tests.engine.render_text import HEADINGS, Tables, _fmt

B_GROUPS = (("（三）不予公开", "不予公开_"), ("（四）无法提供", "无法提供_"), ("（五）不予处理", "不予处理_"),
            ("（六）其他处理", "其他处理_"))


def official_rows(t: Tables) -> dict[str, list[list[GridCell]]]:
    """The three tables exactly as the 2021 form merges its cells."""
    a: list[list[GridCell]] = []
    for clause, header, rows in (("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
                                 ("第二十条第（五）项", ["本年处理决定数量"], ["行政许可"]),
                                 ("第二十条第（六）项", ["本年处理决定数量"], ["行政处罚", "行政强制"]),
                                 ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["行政事业性收费"])):
        a.append([GridCell(clause, colspan=4)])
        wide = 4 - len(header)
        a.append([GridCell("信息内容")] + [GridCell(h, colspan=wide if len(header) == 1 else 1) for h in header])
        for r in rows:
            values = [_fmt(v) for v in t.row("active", r)]
            a.append([GridCell(r)] + [GridCell(v, colspan=4 - len(values) if len(values) == 1 else 1) for v in values])
    b: list[list[GridCell]] = [
        [GridCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3),
         GridCell("申请人情况", colspan=7)],
        [GridCell("自然人", rowspan=2), GridCell("法人或其他组织", colspan=5), GridCell("总计", rowspan=2)],
        [GridCell(x) for x in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")],
    ]

    def values(key: str) -> list[GridCell]:
        return [GridCell(_fmt(v)) for v in t.row("applications", key)]

    results_rows = 22
    for r in APPLICATIONS.rows:
        if r.key in ("本年新收", "上年结转", "结转下年度"):
            b.append([GridCell(r.label, colspan=3)] + values(r.key))
        elif r.key == "予以公开":
            b.append([GridCell("三、本年度办理结果", rowspan=results_rows), GridCell(r.label, colspan=2)] + values(r.key))
        elif r.key in ("部分公开", "总计"):
            b.append([GridCell(r.label, colspan=2)] + values(r.key))
        else:
            group, prefix = next((g, p) for g, p in B_GROUPS if r.key.startswith(p))
            size = sum(1 for x in APPLICATIONS.rows if x.key.startswith(prefix))
            lead = [GridCell(group, rowspan=size)] if r.key.endswith("_1") else []
            b.append(lead + [GridCell(r.label)] + values(r.key))
    c = [
        [GridCell("行政复议", colspan=5), GridCell("行政诉讼", colspan=10)],
        [GridCell(o, rowspan=2) for o in C_OUTCOMES] + [GridCell("未经复议直接起诉", colspan=5),
                                                       GridCell("复议后起诉", colspan=5)],
        [GridCell(o) for o in C_OUTCOMES * 2],
        [GridCell(_fmt(v)) for v in t.row("review_litigation", "")],
    ]
    return {"active": a, "applications": b, "review_litigation": c}


def paragraphs(agency: str, year: int) -> list[tuple[str, str | None]]:
    """(paragraph text, table id to place after it)."""
    return [
        (f"{agency}{year}年政府信息公开工作年度报告", None),
        (f"本报告中所列数据统计期限自{year}年1月1日起至{year}年12月31日止。", None),
        (HEADINGS[0], None),
        (f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。", None),
        (HEADINGS[1], "active"),
        (HEADINGS[2], "applications"),
        (HEADINGS[3], "review_litigation"),
        (HEADINGS[4], None),
        ("存在问题：公开内容不够丰富。改进情况：加强培训，完善制度。", None),
        (HEADINGS[5], None),
        ("本机关未收取信息处理费。", None),
    ]


def _html_table(rows: list[list[GridCell]], nbsp: bool) -> str:
    out = ['<table border="1" cellspacing="0">']
    for row in rows:
        cells = []
        for c in row:
            attrs = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            text = escape(c.text)
            if nbsp and len(text) > 4:  # Word-pasted markup: labels split across spans and padded
                text = f'<span style="font-family:宋体">{text[:2]}</span><font>{text[2:]}</font>&nbsp;&nbsp;'
            cells.append(f"<td{attrs}><p>{text}</p></td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def render_html(t: Tables, agency: str = "某某县某某镇人民政府", year: int = 2024, charset: str = "utf-8",
                chrome: bool = True, word_markup: bool = False, split_b: bool = False) -> bytes:
    tables = official_rows(t)
    body = []
    if chrome:
        body.append('<div class="nav"><a href="/">首页</a> &gt; <a>政务公开</a> &gt; 年报</div>'
                    '<nav><ul><li>机构概况</li><li>政策文件</li></ul></nav>'
                    '<script>var share = "分享到微信";</script><iframe src="x"></iframe>')
    for text, table in paragraphs(agency, year):
        body.append(f"<p>{escape(text)}</p>")
        if table == "applications" and split_b:
            rows = tables[table]
            body.append(_html_table(rows[:12], word_markup))
            body.append("<p>&nbsp;</p>")
            body.append(_html_table(rows[12:], word_markup))
        elif table:
            body.append(_html_table(tables[table], word_markup))
    if chrome:
        body.append('<div class="footer">扫一扫在手机打开当前页 | 打印 | 关闭窗口</div>'
                    '<footer>主办单位：某某县人民政府办公室</footer>')
    page = (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{escape(agency)}{year}年政府信息公开工作年度报告_某某县人民政府</title></head>"
            f"<body>{''.join(body)}</body></html>")
    return page.encode(charset)


def render_docx(t: Tables, agency: str = "某某县某某镇人民政府", year: int = 2024, extra_column: bool = False) -> bytes:
    from docx import Document

    doc = Document()
    tables = official_rows(t)
    for text, table in paragraphs(agency, year):
        doc.add_paragraph(text)
        if table:
            _docx_table(doc, tables[table], extra_column)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _placed(rows: list[list[GridCell]]) -> tuple[list[tuple[int, int, GridCell]], int]:
    from core.reading.grid import expand

    grid = expand(rows)
    width = max(len(r) for r in grid)
    return [(r, c, cell) for r, row in enumerate(grid) for c, cell in enumerate(row) if cell is not None], width


def _docx_table(doc, rows: list[list[GridCell]], extra_column: bool) -> None:
    placed, width = _placed(rows)
    table = doc.add_table(rows=len(rows), cols=width + (1 if extra_column else 0))
    table.style = "Table Grid"
    for r, c, cell in placed:
        target = table.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        target.text = cell.text


def render_pdf(t: Tables, agency: str = "某某县某某镇人民政府", year: int = 2024, page_break_in_b: bool = False) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Table,
        TableStyle,
    )

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=7, leading=9, wordWrap="CJK")
    story = []
    tables = official_rows(t)
    for text, table in paragraphs(agency, year):
        story.append(Paragraph(escape(text), style))
        if not table:
            continue
        rows = tables[table]
        chunks = [rows[:14], rows[14:]] if page_break_in_b and table == "applications" else [rows]
        for n, chunk in enumerate(chunks):
            if n:
                story.append(PageBreak())
            placed, width = _placed(chunk)
            data = [[""] * width for _ in chunk]
            spans = []
            for r, c, cell in placed:
                data[r][c] = Paragraph(escape(cell.text), style) if len(cell.text) > 6 else cell.text
                if cell.rowspan > 1 or cell.colspan > 1:
                    spans.append(("SPAN", (c, r), (c + cell.colspan - 1, min(r + cell.rowspan, len(chunk)) - 1)))
            widths = {"applications": [48, 52, 130] + [42] * 7, "active": [130, 120, 120, 120],
                      "review_litigation": [35] * 15}[table]
            tbl = Table(data, colWidths=widths, repeatRows=0)
            tbl.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 8),
                                     ("GRID", (0, 0), (-1, -1), 0.5, colors.black)] + spans))
            story.append(tbl)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=25, rightMargin=25, topMargin=30, bottomMargin=30).build(story)
    return buf.getvalue()
