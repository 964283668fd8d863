"""Office documents as agencies make them, and their PDF prints and scans.

``docx`` writes the report the way the agencies' Word template lays it out (ruled borders on every cell,
the form's merged cells, the template's column widths, 宋体 in the tables); ``style`` picks the habits:

- ``word``: the template as issued (A4, 宋体 12 pt body, 黑体 headings, the template's widths);
- ``narrow``: label columns squeezed so labels wrap one or two characters per line (``（三`` / ``）不`` /
  ``予公`` / ``开``), the header rows of B and C marked to repeat on the next page;
- ``wps``: an official-document (公文) style as WPS templates have it — 仿宋_GB2312 三号 body with a
  two-character indent, 方正小标宋 title, ``— 1 —`` page numbers in the footer, table A as four small
  tables (one per clause), thick outer and thin inner rules.

``print_pdfs`` prints many .docx files with one LibreOffice run (a private profile, so concurrent runs
do not collide); ``scan`` rasterises a PDF as a copier would (pdftoppm gray, img2pdf), optionally
slightly rotated with speckle noise."""
from __future__ import annotations

import random
import subprocess
from pathlib import Path

from tests.realistic.document import A_CLAUSES, Document, Para, Table, layout

STYLES = ("word", "narrow", "wps")
TOOLS = {"pdf": ("soffice",), "scan": ("soffice", "pdftoppm", "img2pdf")}


# --- writing the .docx -----------------------------------------------------------------------------
NARROW_WIDTHS = {"active": (1000, 2435, 2435, 2435), "applications": (430, 650, 900) + (900,) * 7,
                 "review_litigation": (553,) * 15}


def _rule(table, outer: int) -> None:
    """Every cell ruled: ``outer`` (eighths of a point) round the table, 0.5 pt inside."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(outer if side in ("top", "left", "bottom", "right") else 4))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _font(run, east_asia: str, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = "Times New Roman"
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        from docx.oxml import OxmlElement

        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), east_asia)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _page_number_footer(section) -> None:
    """``— N —`` centred in the footer, a PAGE field as WPS/Word write it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("— ")
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        run = p.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._element.append(fld)
        elif text == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._element.append(instr)
        else:
            run.text = text
    p.add_run(" —")


def _split_active(table: Table) -> list[Table]:
    """Table A as one small table per clause (a common WPS template)."""
    out, rows = [], []
    for row in table.rows:
        if row[0].text in {c for c, _, _ in A_CLAUSES} and rows:
            out.append(Table("active", rows, widths=table.widths))
            rows = []
        rows.append(row)
    out.append(Table("active", rows, widths=table.widths))
    return out


def docx(doc: Document, style: str = "word") -> bytes:
    import io

    from docx import Document as Docx
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, Twips

    out = Docx()
    section = out.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.left_margin = section.right_margin = Twips(1800 if style != "wps" else 1588)
    section.top_margin, section.bottom_margin = Twips(1440 if style != "wps" else 2098), Twips(1440 if style != "wps" else 1985)
    if style == "wps":
        _page_number_footer(section)
    body_font, body_size = ("仿宋_GB2312", 16) if style == "wps" else ("宋体", 12)
    for block in doc.blocks:
        if isinstance(block, Para):
            if block.role == "chrome":
                continue  # page chrome is the web site's, not the document's
            p = out.add_paragraph()
            if block.role == "title":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _font(p.add_run(block.text), "方正小标宋简体" if style == "wps" else "宋体", 22 if style == "wps" else 18, True)
            elif block.role == "heading":
                p.paragraph_format.first_line_indent = Pt(body_size * 2) if style == "wps" else None
                _font(p.add_run(block.text), "黑体", body_size)
            else:
                p.paragraph_format.first_line_indent = Pt(body_size * 2)
                if style == "wps":
                    p.paragraph_format.line_spacing = Pt(28)
                _font(p.add_run(block.text), body_font, body_size)
            continue
        pieces = _split_active(block) if style == "wps" and block.id == "active" else [block]
        for piece in pieces:
            _docx_table(out, piece, style, WD_CELL_VERTICAL_ALIGNMENT.CENTER, WD_ALIGN_PARAGRAPH.CENTER)
            if style == "wps":
                out.add_paragraph()
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def _docx_table(out, table: Table, style: str, v_center, h_center) -> None:
    from docx.shared import Twips

    grid, placed = layout(table)
    width = len(grid[0])
    widths = NARROW_WIDTHS.get(table.id, table.widths) if style == "narrow" else table.widths
    widths = widths if len(widths) == width else (8300 // width,) * width
    t = out.add_table(rows=len(grid), cols=width)
    t.autofit = False
    cells = t._cells  # python-docx recomputes the grid on every t.cell(): take it once, before merging
    for r, c, cell in placed:
        target = cells[r * width + c]
        target.width = Twips(sum(widths[c:c + cell.colspan]))
        target.vertical_alignment = v_center
        lines = cell.text.split("\n")
        p = target.paragraphs[0]
        if cell.role != "label":
            p.alignment = h_center
        for i, line in enumerate(lines):
            run = p.add_run(line)
            _font(run, "仿宋_GB2312" if style == "wps" else "宋体", 10.5)
            if i < len(lines) - 1:
                run.add_break()
    for r, c, cell in placed:
        if cell.rowspan > 1 or cell.colspan > 1:
            cells[r * width + c].merge(cells[(r + cell.rowspan - 1) * width + c + cell.colspan - 1])
    _rule(t, 12 if style == "wps" else 4)
    for col, w in zip(t._tbl.tblGrid.gridCol_lst, widths):
        col.w = Twips(w)  # LibreOffice lays the table out from the grid, not from the cell widths
    if style == "narrow":
        for row in t.rows[:table.header_rows]:
            _repeat_header(row)


# --- printing and scanning ----------------------------------------------------------------------------
def print_pdfs(docs: list[Path], outdir: Path, profile: Path, timeout: int = 600) -> dict[Path, Path]:
    """Each .docx printed to PDF by LibreOffice, all in one run. Returns docx → pdf for those printed."""
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = ["soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", str(outdir)] + [str(d) for d in docs]
    subprocess.run(cmd, check=False, capture_output=True, timeout=timeout)
    return {d: outdir / (d.stem + ".pdf") for d in docs if (outdir / (d.stem + ".pdf")).exists()}


def scan(pdf: Path, out: Path, noisy: bool = False, dpi: int = 150) -> Path:
    """The PDF as a copier scans it: gray pages at ``dpi``; ``noisy`` adds a small skew and speckles."""
    pages_dir = out.parent / (out.stem + "_pages")
    pages_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(pages_dir / "p")], check=True,
                   capture_output=True)
    pages = sorted(pages_dir.glob("p*.png"))
    if noisy:
        from PIL import Image

        rng = random.Random(pdf.name)
        for png in pages:
            img = Image.open(png).convert("L")
            img = img.rotate(rng.uniform(-1.2, 1.2), expand=True, fillcolor=255)
            px = img.load()
            w, h = img.size
            for _ in range(w * h // 400):
                px[rng.randrange(w), rng.randrange(h)] = rng.choice((0, 90, 160))
            img.save(png)
    subprocess.run(["img2pdf", "-o", str(out)] + [str(p) for p in pages], check=True, capture_output=True)
    return out
