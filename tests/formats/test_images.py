"""A table published as a picture is not a missing table: the part heading is there and the table is
an image we cannot read, so the finding is "not assessable" (warning), never "表格缺失" (error)."""
from __future__ import annotations

import io
from pathlib import Path

from core.api import analyze_file
from core.checks import run_checks
from core.model import IMAGE_MARK, Severity
from tests.engine.test_samples import sample_path

HEADINGS_ONLY = sample_path("001").read_text(encoding="utf-8")  # parts 二–四 with their headings only


def s02(report) -> dict[str, Severity]:
    return {f.subject: f.severity for f in run_checks(report) if f.rule == "S02"}


def test_html_picture_where_a_table_should_be(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" + ('<p><img src="table.png" alt=""></p>' if line.startswith("三、") else "")
                   for line in HEADINGS_ONLY.split("\n"))
    page = tmp_path / "report.html"
    page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    report = analyze_file(page)
    assert IMAGE_MARK in report.source.text
    assert s02(report) == {"table:active": Severity.ERROR, "table:applications": Severity.WARNING,
                           "table:review_litigation": Severity.ERROR}


def test_docx_picture_where_a_table_should_be(tmp_path: Path) -> None:
    from docx import Document
    from PIL import Image

    png = io.BytesIO()
    Image.new("L", (40, 20), 255).save(png, format="PNG")
    doc = Document()
    for line in HEADINGS_ONLY.split("\n"):
        doc.add_paragraph(line)
        if line.startswith("二、"):
            png.seek(0)
            doc.add_picture(png)
    path = tmp_path / "report.docx"
    doc.save(path)
    report = analyze_file(path)
    assert s02(report)["table:active"] is Severity.WARNING
    assert s02(report)["table:applications"] is Severity.ERROR
