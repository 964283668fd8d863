"""The engine's entry points: a file or a text in, a ``Report`` out. The CLI, the GUI and the batch
exporter call only these (plus ``core.checks.run_checks``)."""
from __future__ import annotations

import os

from core.extraction.meta import detect_layout, find_meta
from core.extraction.normalize import fold
from core.extraction.sections import find_sections
from core.extraction.tables import build_table
from core.extraction.tokens import Tok, tokenize
from core.model import ParseNote, Report, SourceDocument, Span, TableData
from core.template import TABLES, TableSpec


def analyze_file(path: str | os.PathLike[str]) -> Report:
    """Read and extract one report. Raises ``core.errors.ReportError`` when the file cannot be read."""
    from core.reading import (
        read_document,  # local: format readers import heavier libraries lazily
    )

    return analyze_document(read_document(path))


def analyze_text(text: str, path: str = "<memory>", encoding: str = "utf-8", fmt: str = "text") -> Report:
    return analyze_document(SourceDocument(path=path, text=text, encoding=encoding, format=fmt))


def analyze_document(doc: SourceDocument) -> Report:
    text = doc.text
    folded = fold(text)
    sections, extra_headings = find_sections(folded, text)
    head_end = min((s.heading_span[0] for s in sections.values()), default=len(text))
    meta = find_meta(text, folded, head_end)
    layout = detect_layout(folded, len(sections))
    report = Report(source=doc, layout=layout, sections=sections, **vars(meta))
    for h in extra_headings:
        report.notes.append(ParseNote("S05", f"重复或多余的部分标题“{h.text}”", spans=((h.start, h.end),),
                                      subject=f"heading:{h.number}:{h.start}"))
    if layout in ("2019", "pre-2019"):
        report.tables = {t: None for t in TABLES}
        return report
    for spec, region in _regions(folded, sections).items():
        report.tables[spec.id] = _extract(spec, folded, region, report.notes)
    return report


# The longest stretch of text searched for one table. The official table B is a few thousand
# characters even when padded; without a bound, a huge file with no headings makes every label run
# a candidate and extraction grows without limit.
MAX_TABLE_REGION = 60_000


def _first_marker(folded: str, spec: TableSpec, start: int) -> int | None:
    found = [i for m in spec.markers if (i := folded.find(m, start)) >= 0]
    if not found:
        return None
    return folded.rfind("\n", 0, min(found)) + 1


def _regions(folded: str, sections: dict) -> dict[TableSpec, Span | None]:
    """Where each table is looked for: after its part heading, up to the next heading; when a heading
    is missing, from the table's first marker."""
    starts: dict[str, int | None] = {}
    cursor = sections[1].heading_span[1] if 1 in sections else 0
    for spec in TABLES.values():
        sec = sections.get(spec.section)
        if sec is not None:
            starts[spec.id] = sec.heading_span[1]
        else:
            starts[spec.id] = _first_marker(folded, spec, cursor)
        if starts[spec.id] is not None:
            cursor = starts[spec.id]
    heading_starts = sorted(s.heading_span[0] for s in sections.values())
    regions: dict[TableSpec, Span | None] = {}
    for spec in TABLES.values():
        start = starts[spec.id]
        if start is None:
            regions[spec] = None
            continue
        ends = [h for h in heading_starts if h >= start]
        ends += [s for s in starts.values() if s is not None and s > start]
        end = min(ends, default=len(folded))
        regions[spec] = (start, min(end, start + MAX_TABLE_REGION))
    return regions


def _extract(spec: TableSpec, folded: str, region: Span | None, notes: list[ParseNote]) -> TableData | None:
    if region is None:
        return None
    tokens = tokenize(folded, *region)
    has_values = any(t.kind is not Tok.LABEL for t in tokens)
    has_markers = any(m in folded[region[0]:region[1]] for m in spec.markers)
    if not has_values and not has_markers:
        return None
    return build_table(spec, region, tokens, notes)
