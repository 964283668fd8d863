"""Office-printed PDFs: the samples laid out as agencies' Word templates (ruled tables, merged cells,
label columns so narrow a label wraps a character or two per line, table B over a page break with or
without its header repeated, rows split by the break, or no ruling lines at all) and printed by
LibreOffice read back exactly:
every cell, every part, no error a text copy of the same report does not have, and every value's
page box encloses the value as printed."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from core.api import analyze_file
from core.checks import run_checks
from core.errors import ReportError
from core.model import CellKind, Severity
from tests.conftest import PREFIXES, SAMPLES
from tests.formats.office import VARIANTS, answer_key

ROOT = Path(__file__).resolve().parents[2]
PRINTED = list(VARIANTS)


def printed_in(page, box) -> str:
    """The characters whose centre lies in the box (a glyph's own box may overhang a tight cell)."""
    return "".join(c["text"] for c in page.chars if box.x0 <= (c["x0"] + c["x1"]) / 2 <= box.x1
                   and box.top <= (c["top"] + c["bottom"]) / 2 <= box.bottom and c["text"].strip())


def errors(report) -> list[str]:
    return sorted(f.rule for f in run_checks(report) if f.severity is Severity.ERROR)


@pytest.mark.parametrize("variant", PRINTED)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_office_pdf_reads_like_its_text(office_pdfs, prefix: str, variant: str) -> None:
    path = office_pdfs[(prefix, variant)]
    report = analyze_file(path)
    assert report.source.format == "pdf"
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]
    text_copy = analyze_file(next(SAMPLES.glob(f"{prefix}_*.txt")))
    assert (report.agency, report.year) == (text_copy.agency, text_copy.year)
    assert errors(report) == errors(text_copy)  # 001 has no tables (S02 ×3), the others no error
    key = answer_key(prefix)
    assert all((report.tables[t] is None) == (key is None) for t in report.tables)
    if key is None:
        return
    text = report.source.text
    with pdfplumber.open(path) as pdf:
        for cell, value in key.values.items():
            got = report.cell(cell)
            assert got.kind is CellKind.NUMBER and got.value == value, (cell.id, got)
            assert text[got.span[0]:got.span[1]] == got.raw
            boxes = report.source.boxes(got.span)
            assert len(boxes) == 1, cell.id
            box = boxes[0]
            assert printed_in(pdf.pages[box.page - 1], box) == got.raw, cell.id


def test_a_repeated_header_is_read_once(office_pdfs) -> None:
    report = analyze_file(office_pdfs[("002", "official")])
    b = report.tables["applications"]
    pages = {box.page for cv in b.cells.values() for box in report.source.boxes(cv.span)}
    assert len(pages) >= 2, "table B should run over a page break in this print"
    assert report.source.text.count("申请人情况") == 1


def test_wrapped_paragraphs_are_joined(office_pdfs) -> None:
    text = analyze_file(office_pdfs[("002", "official")]).source.text
    assert "信息共计12176条" in text          # a number wrapped whole to the next line
    assert "保障人民群众知情权" in text        # a line broken before 权。
    assert "\n二、主动公开政府信息情况\n" in text  # headings stay lines of their own


def test_json_gives_page_boxes(office_pdfs, tmp_path: Path) -> None:
    pdf = office_pdfs[("002", "narrow")]
    txt = next(SAMPLES.glob("002_*.txt"))
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(pdf), str(txt), "--json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    from_pdf, from_text = json.loads(done.stdout)
    assert set(from_pdf["boxes"]) == set(from_pdf["spans"]) and len(from_pdf["boxes"]) == 200
    box = from_pdf["boxes"]["applications.部分公开[0]"][0]
    assert box["page"] >= 1 and len(box["bbox"]) == 4 and box["bbox"][0] < box["bbox"][2]
    assert from_text["boxes"] == {}


def test_text_pdf_never_loads_the_ocr(office_pdfs) -> None:
    code = ("import sys; from core.api import analyze_file; analyze_file(sys.argv[1]);"
            "print([m for m in ('core.reading.ocr', 'onnxruntime', 'cv2', 'pypdfium2') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code, str(office_pdfs[("000", "narrow")])], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[]", done.stderr


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_damaged_pdf_is_named_plainly(office_pdfs, tmp_path: Path, damage: str) -> None:
    data = office_pdfs[("002", "official")].read_bytes()
    path = tmp_path / "broken.pdf"
    path.write_bytes(data[: len(data) // 3] if damage == "truncated" else b"%PDF-1.7\n" + b"\x00garbage" * 200)
    try:
        report = analyze_file(path)
    except ReportError as exc:
        assert exc.reason.startswith("PDF 文件已损坏") or "没有可读的文字" in exc.reason, exc.reason
        assert not any(name in exc.reason for name in ("pdfminer", "Pdfminer", "PSSyntaxError", "Exception", "Error"))
        return
    # a cut file whose first pages survive: read what is there, the rest is named in a finding
    assert report.source.page_problems or len(report.source.pages) < 5


def test_a_page_that_cannot_be_read_is_skipped_and_named(office_pdfs, monkeypatch) -> None:
    import core.reading.pdf as pdf_reader

    original = pdf_reader.text_page

    def broken_second_page(page, number):
        if number == 2:
            raise ValueError("bad content stream")
        return original(page, number)

    monkeypatch.setattr(pdf_reader, "text_page", broken_second_page)
    report = analyze_file(office_pdfs[("002", "official")])
    assert report.source.page_problems == [(2, "内容已损坏")]
    assert [p.number for p in report.source.pages] == [1, 3, 4, 5]
    o04 = [f for f in run_checks(report) if f.rule == "O04"]
    assert len(o04) == 1 and "第 2 页无法读取" in o04[0].message and o04[0].severity is Severity.WARNING
    assert 5 in report.sections  # the pages after it are still read


def test_a_table_given_as_a_picture_in_a_text_pdf_is_not_assessable(tmp_path: Path) -> None:
    """Part 三's table pasted as an image into a PDF with a text layer: marked, so S02 says the table
    cannot be read (a warning), not that it is missing."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    png = tmp_path / "table.png"
    Image.new("L", (600, 400), 200).save(png)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "picture.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 12)
    lines = ["某某县人民政府2024年政府信息公开工作年度报告", "一、总体情况", "本年度工作稳步推进，各项制度不断完善。",
             "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
    for n, text in enumerate(lines):
        c.drawString(60, 780 - 22 * n, text)
    c.drawImage(str(png), 60, 420, 400, 250)
    for n, text in enumerate(["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。",
                              "六、其他需要报告的事项", "本机关未收取信息处理费。"]):
        c.drawString(60, 390 - 22 * n, text)
    c.save()
    report = analyze_file(path)
    assert "[图片]" in report.source.text
    s02 = {f.message: f.severity for f in run_checks(report) if f.rule == "S02"}
    assert any(sev is Severity.WARNING for sev in s02.values()), s02
