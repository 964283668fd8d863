"""The engine's entry points: a file or a text in, a ``Report`` out. The CLI, the GUI and the batch
exporter call only these (plus ``core.checks.run_checks``)."""
from __future__ import annotations

import os

from core.extraction.ocr_repair import page_notes, resolve
from core.extraction.report import extract_report
from core.model import Report, SourceDocument
from core.reading.progress import PageProgress


def analyze_file(path: str | os.PathLike[str], progress: PageProgress | None = None) -> Report:
    """Read and extract one report. Raises ``core.errors.ReportError`` when the file cannot be read;
    ``progress`` follows the OCR of a scan page by page and may cancel it (``ReadCancelled``)."""
    from core.collect.evidence import evidence_for
    from core.reading import (
        read_document,  # local: format readers import heavier libraries lazily
    )

    report = analyze_document(read_document(path, progress))
    report.evidence = evidence_for(path)
    return report


def analyze_text(text: str, path: str = "<memory>", encoding: str = "utf-8", fmt: str = "text") -> Report:
    return analyze_document(SourceDocument(path=path, text=text, encoding=encoding, format=fmt))


def analyze_document(doc: SourceDocument) -> Report:
    report = extract_report(doc)
    if doc.pages:  # a PDF: say which pages were recognised or could not be read
        report.notes += page_notes(report)
    if any(p.ocr for p in doc.pages):  # a scan: digits the recogniser doubted, against the totals
        resolve(report)
    return report
