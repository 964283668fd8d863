"""Word documents. Paragraphs and tables in body order; merged cells (gridSpan, vMerge) print once.
An old binary .doc is converted with LibreOffice when it is installed, else the user is told how."""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

from core.errors import ReportError
from core.model import IMAGE_MARK, SourceDocument
from core.reading.grid import GridCell, clean, table_lines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter():
        if node.tag == _W + "t" and node.text:
            parts.append(node.text)
        elif node.tag in (_W + "tab",):
            parts.append(" ")
        elif node.tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif node.tag in (_W + "drawing", _W + "pict"):
            parts.append(f" {IMAGE_MARK} ")
    return "".join(parts)


def _table_rows(tbl) -> list[list[GridCell]]:
    """Rows of grid cells from the XML: gridSpan widens a cell, a vMerge continuation is blank and
    widens the cell above instead."""
    rows: list[list[GridCell]] = []
    open_cells: dict[int, GridCell] = {}
    for tr in tbl.iterchildren(_W + "tr"):
        row: list[GridCell] = []
        col = 0
        for tc in tr.iterchildren(_W + "tc"):
            props = tc.find(_W + "tcPr")
            span = 1
            merge = None
            if props is not None:
                gs = props.find(_W + "gridSpan")
                if gs is not None:
                    span = int(gs.get(_W + "val", "1") or 1)
                vm = props.find(_W + "vMerge")
                if vm is not None:
                    merge = vm.get(_W + "val", "continue")
            text = "\n".join(_paragraph_text(p) for p in tc.iterchildren(_W + "p"))
            if merge == "continue" and col in open_cells:
                open_cells[col].rowspan += 1
            else:
                cell = GridCell(text, 1, span)
                row.append(cell)
                if merge == "restart":
                    open_cells[col] = cell
                else:
                    open_cells.pop(col, None)
            col += span
        rows.append(row)
    return rows


_OTHER_PACKAGES = (("xl/", "Excel 工作簿"), ("ppt/", "PowerPoint 演示文稿"), ("visio/", "Visio 绘图"))


def _check_package(path: str, data: bytes) -> None:
    """Say what is wrong with a file that should be a .docx (a ZIP package with word/document.xml),
    in words an auditor can act on, before the Word library sees it."""
    if not data.startswith(b"PK"):
        raise ReportError(path, "Word 文件已损坏：内容不是 .docx 格式（文件开头不对，可能下载不完整或扩展名有误）")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = set(package.namelist())
        broken = package.testzip() if "word/document.xml" in names else None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
        raise ReportError(path, "Word 文件已损坏：压缩包不完整或无法解压（可能下载中断）") from None
    if "word/document.xml" not in names:
        other = next((kind for prefix, kind in _OTHER_PACKAGES if any(n.startswith(prefix) for n in names)), None)
        if other:
            raise ReportError(path, f"不是 Word 文档，而是{other}，请打开报告的 Word、PDF 或网页版本")
        raise ReportError(path, "Word 文件已损坏：缺少正文部分（word/document.xml）")
    if broken is not None:
        raise ReportError(path, f"Word 文件已损坏：压缩包中的“{broken}”校验失败（可能下载不完整）")


def read_docx(path: str, data: bytes) -> SourceDocument:
    _check_package(path, data)
    try:
        from docx import Document

        document = Document(io.BytesIO(data))
    except Exception:  # python-docx raises several unrelated types for a damaged package
        raise ReportError(path, "Word 文件已损坏：正文内容无法解析") from None
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            for line in _paragraph_text(child).split("\n"):
                if clean(line):
                    lines.append(clean(line))
        elif child.tag == _W + "tbl":
            lines.extend(table_lines(_table_rows(child)))
    text = "\n".join(lines) + "\n"
    if not text.strip():
        raise ReportError(path, "Word 文件中没有文字")
    return SourceDocument(path=path, text=text, encoding="utf-8", format="docx")


OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the compound file every .doc (and an encrypted .docx) is
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream a password-protected .docx is stored in


def read_doc(path: str, data: bytes) -> SourceDocument:
    if not data.startswith(OLE_MAGIC):
        raise ReportError(path, "Word 文件已损坏：内容不是 .doc 格式（文件开头不对，可能下载不完整或扩展名有误）")
    if ENCRYPTED in data[:1 << 20]:
        raise ReportError(path, "Word 文件设有密码保护，无法读取：请在 Word/WPS 中取消密码并另存为 .docx 后再打开")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise ReportError(path, "旧版 Word .doc 文件无法直接读取，请在 Word/WPS 中另存为 .docx 后再打开")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.doc"
        src.write_bytes(data)
        try:
            subprocess.run([office, "--headless", "--convert-to", "docx", "--outdir", tmp, str(src)],
                           capture_output=True, timeout=120, check=True)
            converted = (Path(tmp) / "report.docx").read_bytes()
        except (OSError, subprocess.SubprocessError):
            raise ReportError(path, "旧版 Word .doc 文件转换失败，请在 Word/WPS 中另存为 .docx 后再打开") from None
    doc = read_docx(path, converted)
    doc.format = "doc"
    return doc
