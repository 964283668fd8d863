"""The registry of published forms: each turns answer keys into files a user would open.

Text forms are made in memory; office and scan forms need LibreOffice (and pdftoppm, img2pdf) and
are made in one batch per directory (``make``), since starting LibreOffice is the slow part."""
from __future__ import annotations

import random
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from tests.realistic import converter, crawler, glued, office, oldformat
from tests.realistic.document import Document, build
from tests.realistic.keys import WARNING, AnswerKey


@dataclass(frozen=True)
class Form:
    name: str
    group: str                     # control | crawler | converter | office | scan
    what: str
    suffix: str
    text: Callable[[AnswerKey], str] | None = None   # text forms
    style: str = ""                # office style (office and scan forms)
    noisy: bool = False            # scan forms
    glued: Callable[[AnswerKey], list[str] | None] | None = None  # separators after each table cell

    @property
    def tools(self) -> tuple[str, ...]:
        if self.group == "office" and self.suffix == ".pdf":
            return office.TOOLS["pdf"]
        return office.TOOLS["scan"] if self.group == "scan" else ()


def document(key: AnswerKey) -> Document:
    return build(key) if key.layout == "2021" else oldformat.build(key)


def _title(key: AnswerKey) -> str:
    return next((t for r, t in key.head if r == "title"), f"{key.agency or ''}{key.year or ''}年政府信息公开工作年度报告")


def _sample_without_newlines(key: AnswerKey) -> str:
    """A sample exactly as scraped, every line break deleted; a report with no scraped file (random,
    mutated, variant) is its browser text with the line breaks deleted."""
    if key.source_text is not None:
        return crawler.without_newlines(key.source_text)
    return crawler.without_newlines(crawler.inner_text(document(key)))


def _rng(key: AnswerKey) -> random.Random:
    return random.Random(key.name)


def _mixed_separators(key: AnswerKey) -> list[str]:
    record: list[str] = []
    crawler.mixed_separators(document(key), _rng(key), record)
    return record


def knowable(form: Form, key: AnswerKey) -> AnswerKey:
    """The key as a correct reader can know it from this form: where glued digits fit more than one
    reading satisfying every total, those cells are ``ambiguous``; a change in a glued row may be
    reported as not assessable (a warning) instead of as an error."""
    if form.glued is None or key.layout != "2021":
        return key
    run_of = glued.runs(document(key), form.glued(key))
    unknown, _ = glued.ambiguous(key.values, run_of)
    sizes = Counter(run_of.values())
    needs = tuple(replace(n, severities=n.severities | {WARNING}, why=n.why + " (glued: not assessable is right too)")
                  if n.cells and any(sizes[run_of.get(c, -1)] > 1 for c in n.cells) else n for n in key.needs)
    return replace(key, ambiguous=unknown, needs=needs)


FORMS: dict[str, Form] = {f.name: f for f in (
    Form("html_page", "control", "the report's web page (Word-pasted HTML, one source line)", ".html",
         lambda k: crawler.page(document(k), _title(k))),
    Form("inner_text", "control", "browser innerText: a line per paragraph and row, tabs between cells", ".txt",
         lambda k: crawler.inner_text(document(k))),
    Form("oneline_sample", "crawler", "the scraped text with every newline deleted", ".txt", _sample_without_newlines),
    Form("text_content", "crawler", "textContent of the page: all text nodes glued, no separator at all", ".txt",
         lambda k: crawler.text_content(document(k)), glued=lambda k: None),
    Form("oneline_mixed", "crawler", "one line, cell boundaries half glued, half space/tab/nbsp", ".txt",
         lambda k: crawler.mixed_separators(document(k), _rng(k)), glued=_mixed_separators),
    Form("md_marker", "converter", "placeholder header rows, <br> in cells, page footer inside table B", ".md",
         lambda k: converter.marker(document(k))),
    Form("md_mineru", "converter", "HTML <table> blocks inside markdown, table B split at the page break", ".md",
         lambda k: converter.mineru(document(k))),
    Form("md_detached", "converter", "labels as loose lines (### for 一、…四、) above blocks of value rows; "
         "C's 15 values under a 6-cell header", ".md", lambda k: converter.detached(document(k))),
    Form("md_doc2x", "converter", "group-label fragments as leading cells, bogus header row mid table B, "
         "第 N 页 between rows", ".md", lambda k: converter.doc2x(document(k))),
    Form("docx", "office", "the Word file (template layout, merged cells)", ".docx"),
    Form("office_pdf", "office", "Word template printed by LibreOffice (B over two pages, no repeated header)",
         ".pdf", style="word"),
    Form("office_narrow", "office", "narrow label columns (1–3 characters a line), header rows repeated",
         ".pdf", style="narrow"),
    Form("wps_pdf", "office", "公文 style: 仿宋 三号, table A as four tables, — N — page numbers", ".pdf",
         style="wps"),
    Form("scan", "scan", "the office PDF rasterised (pdftoppm -r 150 -gray) and wrapped by img2pdf", ".pdf",
         style="word"),
    Form("scan_noisy", "scan", "the scan slightly rotated with speckle noise", ".pdf", style="word", noisy=True),
)}


def file_name(key: AnswerKey, form: Form) -> str:
    safe = "".join(c if c.isalnum() or c in "-_+" else "_" for c in key.name)
    return f"{safe}.{form.name}{form.suffix}"


def make(forms: list[Form], keys: list[AnswerKey], workdir: Path) -> dict[tuple[str, str], Path]:
    """Every (form, key) as a file under ``workdir``; office forms printed in one LibreOffice run (a
    document printed by an earlier call in the same directory is reused). Forms whose tools are
    missing are left out (``missing_tools`` says why)."""
    workdir.mkdir(parents=True, exist_ok=True)
    out: dict[tuple[str, str], Path] = {}
    to_print: dict[Path, list[tuple[Form, AnswerKey]]] = {}
    for form in forms:
        if missing_tools(form):
            continue
        for key in keys:
            path = workdir / file_name(key, form)
            if form.text is not None:
                path.write_text(form.text(key), encoding="utf-8")
                out[(form.name, key.name)] = path
                continue
            style = form.style or "word"
            docx_path = workdir / "docx" / f"{path.stem.rsplit('.', 1)[0]}.{style}.docx"
            if not docx_path.exists():
                docx_path.parent.mkdir(exist_ok=True)
                docx_path.write_bytes(office.docx(document(key), style))
            if form.name == "docx":
                out[(form.name, key.name)] = docx_path
            else:
                to_print.setdefault(docx_path, []).append((form, key))
    pdf_dir = workdir / "pdf"
    printed = {d: pdf_dir / (d.stem + ".pdf") for d in to_print if (pdf_dir / (d.stem + ".pdf")).exists()}
    unprinted = sorted(d for d in to_print if d not in printed)
    if unprinted:
        printed.update(office.print_pdfs(unprinted, pdf_dir, workdir / "lo_profile"))
    if to_print:
        for docx_path, users in to_print.items():
            pdf = printed.get(docx_path)
            for form, key in users:
                if pdf is None:
                    continue
                if form.group == "scan":
                    target = workdir / file_name(key, form)
                    out[(form.name, key.name)] = office.scan(pdf, target, noisy=form.noisy)
                else:
                    out[(form.name, key.name)] = pdf
    return out


def missing_tools(form: Form) -> list[str]:
    return [t for t in form.tools if shutil.which(t) is None]
