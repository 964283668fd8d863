"""Stage 1 — reading files. Takes a path; gives a ``SourceDocument`` (decoded text, encoding, format).
Plain text in any encoding (``text``), HTML (``html``), Word (``docx``), PDF (``pdf``); tables in
structured documents become grid rows (``grid``). Every published form of a report (text, HTML, Word, PDF) becomes a
``SourceDocument`` whose ``text`` is what the auditor sees and what every span points into.
Chosen by content first (a '.txt' that is really a saved page is read as HTML), then by suffix."""
from __future__ import annotations

import os
import re

from core.errors import ReportError
from core.model import SourceDocument
from core.reading.docx import OLE_MAGIC
from core.reading.progress import PageProgress
from core.reading.text import CONTROL_BYTES, decode, read_bytes

_HTML_MARKERS = (b"<html", b"<body", b"<table", b"<!doctype html", b"<div", b"<p>", b"<p ")
# any of them in any case (IGNORECASE on bytes: ASCII letters only, as bytes.lower), in one search that the
# regex engine runs from each '<' (their common first character) instead of lowering the text first
_HTML_MARKER = re.compile(b"|".join(map(re.escape, _HTML_MARKERS)), re.IGNORECASE)


def sniff(path: str, data: bytes) -> str:
    head = data[:4096]
    suffix = os.path.splitext(path)[1].lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if suffix != ".xlsx" else "unsupported"
    if data.startswith(OLE_MAGIC):
        return "doc"
    # every marker opens with '<': one scan for it spares searching a plain text for them; the markers are
    # looked for again with NUL bytes dropped (UTF-16) only when there are any
    if suffix in (".htm", ".html", ".xhtml", ".shtml") or b"<" in head and (
            _HTML_MARKER.search(head) or b"\x00" in head and _HTML_MARKER.search(head.replace(b"\x00", b""))):
        return "html"
    if suffix in _BINARY_FORMATS and _binary(data):
        return _BINARY_FORMATS[suffix]  # a damaged one: its own reader says what is wrong with it
    return "text"


_BINARY_FORMATS = {".pdf": "pdf", ".docx": "docx", ".doc": "doc"}


def _binary(data: bytes) -> bool:
    sample = data[:4096]
    return len(sample) - len(sample.translate(None, CONTROL_BYTES)) > len(sample) // 100


def read_document(path: str | os.PathLike[str], progress: PageProgress | None = None) -> SourceDocument:
    """``progress`` follows (and may cancel) the recognition of a scanned PDF's pages."""
    shown = str(path)
    data = read_bytes(path)
    kind = sniff(shown, data)
    if kind == "html":
        from core.reading.html import read_html

        return read_html(shown, data)
    if kind == "docx":
        from core.reading.docx import read_docx

        return read_docx(shown, data)
    if kind == "doc":
        from core.reading.docx import read_doc

        return read_doc(shown, data)
    if kind == "pdf":
        from core.reading.pdf import read_pdf

        return read_pdf(shown, data, progress)
    if kind == "unsupported":
        raise ReportError(shown, "不支持的文件类型（请使用文本、网页、Word .docx 或 PDF 文件）")
    text, encoding = decode(data, shown)
    return SourceDocument(path=shown, text=text, encoding=encoding, format="text")
