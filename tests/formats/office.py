"""Office-printed fixtures: the sample reports laid out as agencies' Word templates and printed to PDF
by LibreOffice, the way most published PDFs are made (and, from those, scans).

A sample's narrative is kept paragraph for paragraph; its three tables are rebuilt from the sample's
answer key as real Word tables with the official form's merged cells, ruled borders and the column
widths agencies use — in the narrow variant the label columns are so narrow that a label wraps one or
two characters per line, as in many published files. Table B runs over a page break; with
``repeat_header`` its three header rows repeat on the next page.

The PDFs are built once per test session (LibreOffice takes seconds) in a private profile, and
cached under pytest's cache folder keyed by the inputs, never committed."""
from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from core.reading.grid import GridCell
from tests.engine.render_text import Tables
from tests.formats.render_docs import official_rows

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
_HEADING = {n: re.compile(rf"^\s*{c}\s*[、.．]\s*{w}") for n, c, w in
            zip(range(1, 7), "一二三四五六", ("总体", "主动公开", "收到和处理", "政府信息公开行政复议", "存在", "其他需要"))}


@dataclass(frozen=True)
class Variant:
    """How one agency's template looks: column widths in cm (label columns first) and table fonts."""

    name: str
    a_widths: tuple[float, ...]
    b_widths: tuple[float, ...]
    c_width: float
    table_pt: float
    repeat_header: bool
    keep_rows: bool  # rows never break across a page (else Word's default: a row may split)
    borders: bool = True
    body_pt: float = 16  # 公文 body text is 三号 (16 pt) on a 28 pt line


VARIANTS = {
    # widths as in the State Council's own template
    "official": Variant("official", (4.6, 3.7, 3.7, 3.6), (1.0, 1.6, 4.4) + (1.23,) * 7, 1.04, 10.5, True, True),
    # narrow label columns: 三、本年度办理结果 one character per line, （二）部分公开 two or three
    "narrow": Variant("narrow", (1.6, 4.7, 4.7, 4.6), (0.75, 0.95, 1.5) + (1.77,) * 7, 1.04, 9, False, False),
    # no ruling lines at all (a table style without borders): read from the text lines alone
    # a smaller print (小四 body text): fewer pages to scan
    "compact": Variant("compact", (4.6, 3.7, 3.7, 3.6), (1.0, 1.6, 4.4) + (1.23,) * 7, 1.04, 9, True, False,
                       body_pt=12),
    "borderless": Variant("borderless", (4.6, 3.7, 3.7, 3.6), (1.0, 1.6, 4.4) + (1.23,) * 7, 1.04, 10.5, False, True,
                          borders=False),
}


def sample_text(prefix: str) -> str:
    return next(SAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def answer_key(prefix: str) -> Tables | None:
    """The sample's cells as read by hand (tests/engine/test_samples.py), None when it has no tables."""
    from tests.engine.test_samples import EXPECTED, expected_cells

    cells = expected_cells(EXPECTED[prefix])
    return Tables(cells) if cells else None


def narrative(text: str, has_tables: bool) -> list[tuple[str, str | None]]:
    """(paragraph, table to place after it): the sample's lines outside its tables. Parts 二–四 hold
    nothing but their heading and table in the samples, so their other lines are the table's cells."""
    out: list[tuple[str, str | None]] = []
    part = 0
    for line in text.splitlines():
        line = line.strip().replace("\u2002", "")
        if not line:
            continue
        number = next((n for n, p in _HEADING.items() if p.match(line) and n > part), None)
        if number is not None and (number == part + 1 or number >= 5):
            part = number
            table = {2: "active", 3: "applications", 4: "review_litigation"}.get(part) if has_tables else None
            out.append((line, table))
            continue
        if has_tables and 2 <= part <= 4:
            continue
        out.append((line, None))
    return out


# --- python-docx helpers -------------------------------------------------------------------------
def _set_font(run, name: str, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    fonts.set(qn("w:eastAsia"), name)


def _paragraph(doc, text: str, font: str, size: float, bold: bool = False, center: bool = False,
               indent: bool = True, leading: float = 28) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing = Pt(leading)
    fmt.space_after = Pt(0)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif indent:
        fmt.first_line_indent = Pt(2 * size)
    _set_font(p.add_run(text), font, size, bold)


def _page_footer(section) -> None:
    """"— 3 —" centred at the foot of every page, as 公文 number their pages."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("— ")
    run = p.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            el = OxmlElement("w:instrText")
            el.text = "PAGE"
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._element.append(el)
    p.add_run(" —")


def _fixed_layout(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)


def _flag(row, tag: str) -> None:
    """A row property: w:tblHeader (repeat on every page), w:cantSplit (never break inside the row)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _word_table(doc, rows: list[list[GridCell]], widths: list[float], size: float, header_rows: int,
                keep_rows: bool, borders: bool = True) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from core.reading.grid import expand

    grid = expand(rows)
    width = len(widths)
    table = doc.add_table(rows=len(grid), cols=width)
    if borders:
        table.style = "Table Grid"
    table.autofit = False
    _fixed_layout(table)
    for c, column in enumerate(table.columns):
        column.width = Cm(widths[c])  # the grid LibreOffice lays out by
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.width = Cm(widths[c])
        if r < header_rows:
            _flag(row, "w:tblHeader")
        if keep_rows:
            _flag(row, "w:cantSplit")
    for r, line in enumerate(grid):
        for c, cell in enumerate(line):
            if cell is None:
                continue
            target = table.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = target.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            _set_font(p.add_run(cell.text), "宋体", size)


def build_docx(prefix: str, variant: Variant) -> bytes:
    from docx import Document
    from docx.shared import Cm

    tables = answer_key(prefix)
    rows = official_rows(tables) if tables else {}
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    _page_footer(section)
    paragraphs = narrative(sample_text(prefix), tables is not None)
    for n, (text, table) in enumerate(paragraphs):
        if n == 0 and "年度报告" in text and len(text) < 60:
            _paragraph(doc, text, "方正小标宋简体", variant.body_pt + 6, center=True, leading=variant.body_pt * 1.75)
        elif any(p.match(text) for p in _HEADING.values()) and len(text) < 40:
            _paragraph(doc, text, "黑体", variant.body_pt, leading=variant.body_pt * 1.75)
        else:
            _paragraph(doc, text, "仿宋_GB2312", variant.body_pt, leading=variant.body_pt * 1.75)
        if table == "active":
            _word_table(doc, rows[table], list(variant.a_widths), variant.table_pt, 0, variant.keep_rows, variant.borders)
        elif table == "applications":
            _word_table(doc, rows[table], list(variant.b_widths), variant.table_pt,
                        3 if variant.repeat_header else 0, variant.keep_rows, variant.borders)
        elif table == "review_litigation":
            _word_table(doc, rows[table], [variant.c_width] * 15, variant.table_pt, 0, variant.keep_rows, variant.borders)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def print_pdf(docx: Path, out_dir: Path, profile: Path) -> Path:
    """Word → PDF with LibreOffice, in a private profile so concurrent runs do not collide."""
    subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), str(docx)], capture_output=True, timeout=180, check=True)
    return out_dir / (docx.stem + ".pdf")


def build_key(*parts: str) -> str:
    """Cache key over the builder's own source and the samples, so a change to either rebuilds."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update((Path(__file__).parent / "render_docs.py").read_bytes())
    for f in sorted(SAMPLES.glob("*.txt")):
        h.update(f.read_bytes())
    for p in parts:
        h.update(p.encode())
    return h.hexdigest()[:16]


def office_pdfs(cache_dir: Path, prefixes: list[str], variants: list[str]) -> dict[tuple[str, str], Path]:
    """Print every (sample, variant) once into ``cache_dir`` (one LibreOffice run for all)."""
    folder = cache_dir / build_key("pdf")
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {(p, v): folder / f"{p}_{v}.pdf" for p in prefixes for v in variants}
    todo = [(p, v) for (p, v), path in wanted.items() if not path.exists()]
    if todo:
        work = folder / "docx"
        work.mkdir(exist_ok=True)
        docs = []
        for p, v in todo:
            path = work / f"{p}_{v}.docx"
            path.write_bytes(build_docx(p, VARIANTS[v]))
            docs.append(str(path))
        subprocess.run([soffice(), f"-env:UserInstallation={(folder / 'lo_profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder)] + docs,
                       capture_output=True, timeout=600, check=True)
    return wanted


def scan(pdf: Path, out: Path, pages: tuple[int, int] | None = None, tilt: float = 0.0) -> Path:
    """A scan of a printed PDF as agencies make them: every page rasterised at 150 dpi in gray
    (``pdftoppm``) and the images wrapped in a PDF with no text layer (``img2pdf``). With ``tilt``
    (degrees) each page is fed in at a slant and kept as a JPEG, as a copier's scan usually is."""
    work = out.with_suffix("")
    work.mkdir(parents=True, exist_ok=True)
    first_last = ["-f", str(pages[0]), "-l", str(pages[1])] if pages else []
    subprocess.run(["pdftoppm", "-r", "150", "-gray", *first_last, str(pdf), str(work / "page")],
                   capture_output=True, timeout=300, check=True)
    images = sorted(work.glob("page*.pgm"))
    if tilt:
        from PIL import Image

        for path in images:
            Image.open(path).rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor=255).save(
                path.with_suffix(".jpg"), quality=75)
        images = [p.with_suffix(".jpg") for p in images]
    subprocess.run(["img2pdf", "--imgsize", "150dpi", *map(str, images), "-o", str(out)],
                   capture_output=True, timeout=300, check=True)
    shutil.rmtree(work)
    return out


def scanned_pdfs(cache_dir: Path, prefixes: list[str], variant: str = "compact") -> dict[str, Path]:
    """Scans of the samples printed in ``variant``, built once and kept in ``cache_dir``."""
    printed = office_pdfs(cache_dir, prefixes, [variant])
    out = {}
    for p in prefixes:
        path = printed[(p, variant)].with_name(f"{p}_{variant}_scan.pdf")
        out[p] = path if path.exists() else scan(printed[(p, variant)], path)
    return out


def missing_tools(*names: str) -> list[str]:
    return [n for n in names if shutil.which(n) is None and not (n == "soffice" and soffice())]
