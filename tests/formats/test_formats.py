"""HTML pages, Word documents and PDFs give the same values, findings and provenance as text."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from core.api import analyze_file
from core.checks import run_checks
from core.errors import ReportError
from core.model import Severity
from tests.engine.render_text import random_tables
from tests.formats.render_docs import render_docx, render_html, render_pdf

ROOT = Path(__file__).resolve().parents[2]

RENDER = {
    "html": (".html", lambda t: render_html(t)),
    "html-gbk-word": (".htm", lambda t: render_html(t, charset="gbk", word_markup=True)),
    "html-as-txt": (".txt", lambda t: render_html(t, chrome=False)),
    "docx": (".docx", lambda t: render_docx(t)),
    "pdf": (".pdf", lambda t: render_pdf(t)),
}
FORMAT = {"html": "html", "html-gbk-word": "html", "html-as-txt": "html", "docx": "docx", "pdf": "pdf"}


def assert_exact(path: Path, tables, fmt: str) -> None:
    report = analyze_file(path)
    assert report.source.format == fmt
    assert report.agency == "某某县某某镇人民政府" and report.year == 2024
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]
    for key, value in tables.values.items():
        cell = report.cell(key)
        assert cell.value == value, key.id
        assert report.source.text[cell.span[0]:cell.span[1]] == cell.raw, key.id
    errors = [f for f in run_checks(report) if f.severity is Severity.ERROR]
    assert not errors, [f.message for f in errors]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("kind", sorted(RENDER))
def test_round_trip(tmp_path: Path, kind: str, seed: int) -> None:
    tables = random_tables(random.Random(seed), big=seed == 3)
    suffix, render = RENDER[kind]
    path = tmp_path / f"report{suffix}"
    path.write_bytes(render(tables))
    assert_exact(path, tables, FORMAT[kind])


def test_gbk_page_reports_its_encoding(tmp_path: Path) -> None:
    path = tmp_path / "gbk.html"
    path.write_bytes(render_html(random_tables(random.Random(5)), charset="gbk"))
    assert analyze_file(path).source.encoding == "gb18030"


def test_html_table_b_split_in_two(tmp_path: Path) -> None:
    tables = random_tables(random.Random(7))
    path = tmp_path / "split.html"
    path.write_bytes(render_html(tables, split_b=True, word_markup=True))
    assert_exact(path, tables, "html")


def test_html_fragment_without_html_or_body(tmp_path: Path) -> None:
    tables = random_tables(random.Random(8))
    page = render_html(tables, chrome=False).decode("utf-8")
    fragment = page[page.index("<body>") + 6:page.index("</body>")]
    path = tmp_path / "fragment.html"
    path.write_text(fragment, encoding="utf-8")
    assert_exact(path, tables, "html")


def test_page_chrome_is_not_report_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(render_html(random_tables(random.Random(9))))
    text = analyze_file(path).source.text
    assert "分享到微信" not in text and "机构概况" not in text  # script and <nav> dropped


def test_docx_with_an_extra_empty_column(tmp_path: Path) -> None:
    tables = random_tables(random.Random(10))
    path = tmp_path / "extra.docx"
    path.write_bytes(render_docx(tables, extra_column=True))
    assert_exact(path, tables, "docx")


def test_pdf_table_breaking_across_pages(tmp_path: Path) -> None:
    tables = random_tables(random.Random(11))
    path = tmp_path / "break.pdf"
    path.write_bytes(render_pdf(tables, page_break_in_b=True))
    assert_exact(path, tables, "pdf")


def test_pdf_without_any_text_is_refused(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 400, 600, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(ReportError, match="没有可读的文字"):
        analyze_file(path)


@pytest.mark.parametrize("name,data,reason", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".docx"),
    ("broken.docx", b"PK\x03\x04" + b"junk" * 100, "Word"),
    ("broken.pdf", b"%PDF-1.4\n" + b"junk" * 100, "PDF"),
])
def test_damaged_documents_are_clear_errors(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportError) as info:
        analyze_file(path)
    assert reason in info.value.reason


def test_check_json_names_the_format(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    path.write_bytes(render_html(random_tables(random.Random(12))))
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(path), "--json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert json.loads(done.stdout)[0]["format"] == "html"
