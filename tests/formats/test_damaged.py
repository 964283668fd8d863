"""Damaged Word and HTML files: a specific Chinese reason naming what is wrong, never a library's
class name, in the engine and in ``check`` (the window shows the same reason: tests/ui)."""
from __future__ import annotations

import gzip
import io
import os
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from core.api import analyze_file
from core.errors import ReportError
from tests.engine.render_text import random_tables
from tests.formats.render_docs import render_docx, render_html

ROOT = Path(__file__).resolve().parents[2]
LIBRARY_WORDS = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+|Error|Exception|lxml|docx\.|zipfile|Traceback")


def _docx() -> bytes:
    return render_docx(random_tables(random.Random(3)))


def _other_package(prefix: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(prefix + "workbook.xml", "<workbook/>")
    return out.getvalue()


def _unreadable_body() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    return out.getvalue()


def _bad_crc() -> bytes:
    data = bytearray(_docx())
    at = data.find(b"word/document.xml") + 40  # inside the stored/compressed member's data
    data[at] ^= 0xFF
    return bytes(data)


CASES = [
    ("random.docx", lambda: os.urandom(6000), "Word 文件已损坏：内容不是 .docx 格式"),
    ("truncated.docx", lambda: _docx()[:3000], "Word 文件已损坏：压缩包不完整"),
    ("sheet.docx", lambda: _other_package("xl/"), "不是 Word 文档，而是Excel 工作簿"),
    ("no-body.docx", lambda: _other_package("custom/"), "缺少正文部分"),
    ("half-body.docx", _unreadable_body, "Word 文件已损坏：正文内容无法解析"),
    ("crc.docx", _bad_crc, "Word 文件已损坏"),
    ("random.doc", lambda: os.urandom(6000), "内容不是 .doc 格式"),
    ("locked.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600,
     "密码保护"),
    ("random.html", lambda: os.urandom(6000), "网页文件已损坏：不是文本文件"),
    ("cut.html.gz.html", lambda: gzip.compress(render_html(random_tables(random.Random(4))))[:500],
     "压缩内容不完整"),
    ("empty.html", lambda: b"<!DOCTYPE html><!-- nothing -->", "网页中没有可读的文字"),
]


@pytest.mark.parametrize("name,make,reason", CASES, ids=[c[0] for c in CASES])
def test_a_damaged_file_says_what_is_wrong(tmp_path: Path, name: str, make, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(ReportError) as info:
        analyze_file(path)
    assert reason in info.value.reason
    assert not LIBRARY_WORDS.search(info.value.reason), info.value.reason


def test_a_gzip_saved_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "saved.html"
    path.write_bytes(gzip.compress(render_html(random_tables(random.Random(5)))))
    assert analyze_file(path).source.format == "html"


def test_check_names_the_file_and_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "损坏.docx"
    bad.write_bytes(_docx()[:3000])
    page = tmp_path / "empty.html"
    page.write_bytes(b"<html><body><script>x()</script></body></html>")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(bad), str(page)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines == [f"无法读取 {bad}：Word 文件已损坏：压缩包不完整或无法解压（可能下载中断）",
                     f"无法读取 {page}：网页中没有可读的文字（文件可能已损坏，或只有脚本和样式）"]
