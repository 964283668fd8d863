"""What a crawler keeps of a report's web page.

A CMS page holds the Word document pasted as HTML, usually on one source line (no whitespace between
tags). ``page`` is that HTML; ``inner_text`` is what a browser's ``innerText`` gives (a line per block
and per table row, a tab between cells); ``text_content`` is what ``textContent`` or a tag-stripping
crawler gives: every text node glued to the next, so part headings land mid-paragraph
(``…成效明显。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数…``) and each table row is its label
and its digits with no separator (``规章000行政规范性文件5211``). ``mixed_separators`` is the one-line
text of a page whose cells are padded unevenly: some cell boundaries glued, others a space, a tab or a
no-break space, within one table."""
from __future__ import annotations

import random
from html import escape

from tests.realistic.document import Document, Para, Table, span_attrs


def _cell_html(text: str) -> str:
    return "<br/>".join(escape(x) for x in text.split("\n"))


def page(doc: Document, title: str) -> str:
    """The article page as a CMS serves it: Word-pasted markup, one source line, site chrome around it."""
    body: list[str] = ['<div class="crumb"><a href="/">首页</a>&gt;<a>政务公开</a>&gt;<a>政府信息公开年报</a></div>',
                       '<div id="zoom" class="article-content">']
    for block in doc.blocks:
        if isinstance(block, Para):
            style = ' style="text-align:center"' if block.role == "title" else ' style="text-indent:2em"'
            if block.role == "heading":
                body.append(f'<p{style}><strong><span style="font-family:黑体">{escape(block.text)}</span></strong></p>')
            else:
                body.append(f"<p{style}>{escape(block.text)}</p>")
            continue
        body.append('<table border="1" cellspacing="0" cellpadding="0" align="center"><tbody>')
        for row in block.rows:
            cells = []
            for cell in row:
                align = ' align="center"' if cell.role != "label" else ""
                cells.append(f'<td{span_attrs(cell)} valign="center"><p{align}><span style="font-family:宋体;font-size:14px">'
                             f"{_cell_html(cell.text)}</span></p></td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        body.append("</tbody></table>")
    body.append('</div><div class="share">【打印本页】【关闭窗口】</div>')
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f"<body>{''.join(body)}</body></html>")


def inner_text(doc: Document) -> str:
    """``element.innerText``: paragraphs on their own lines, rows on lines, cells tab-separated, a line
    break inside a cell kept as a line break (so 商业 / 企业 sit on two lines of one row)."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            out.append(block.text)
        else:
            out.extend("\t".join(cell.text for cell in row) for row in block.rows)
    return "\n".join(out) + "\n"


def text_content(doc: Document) -> str:
    """``element.textContent`` of a one-line page: all text nodes glued, ``<br>`` gives nothing."""
    return "".join(_flat(block, lambda: "") for block in doc.blocks)


def mixed_separators(doc: Document, rng: random.Random, record: list[str] | None = None) -> str:
    """One line; inside each table half the cell boundaries glued, half a space, tab or no-break space.
    ``record`` receives the separator after each table cell, in order (see ``glued``)."""
    seps = ("", "", "", " ", "\t", "\u00a0", "  ")

    def pick() -> str:
        sep = rng.choice(seps)
        if record is not None:
            record.append(sep)
        return sep
    return "".join(_flat(block, pick) for block in doc.blocks)


def _flat(block: Para | Table, sep) -> str:
    if isinstance(block, Para):
        return block.text
    parts: list[str] = []
    for row in block.rows:
        for cell in row:
            parts.append(cell.text.replace("\n", ""))
            parts.append(sep())
    return "".join(parts[:-1])


def without_newlines(text: str) -> str:
    """A saved text with every line break deleted (what many bulk collections keep)."""
    return text.replace("\r", "").replace("\n", "")
