"""A decoded document → the report model: parts, meta, layout, and the three tables, each read from the
stretch of text its part heading (or, failing that, its first marker) opens."""
from __future__ import annotations

from core.extraction.meta import detect_layout, find_meta
from core.extraction.normalize import fold
from core.extraction.sections import find_sections
from core.extraction.stream import Tok, tokenize
from core.extraction.tables import build_table
from core.model import ParseNote, Report, SourceDocument, Span, TableData
from core.template import SECTIONS, TABLES, TableSpec


def extract_report(doc: SourceDocument) -> Report:
    text = doc.text
    folded = fold(text)
    headings = find_sections(folded, text)
    sections = headings.sections
    head_end = min((s.heading_span[0] for s in sections.values()), default=len(text))
    meta = find_meta(text, folded, head_end)
    layout = detect_layout(folded, len(sections))
    report = Report(source=doc, layout=layout, sections=sections, **vars(meta))
    for h in headings.duplicates:
        report.notes.append(ParseNote("S05", f"重复或多余的部分标题“{h.text}”", spans=((h.start, h.end),),
                                      subject=f"heading:{h.number}:{h.start}"))
    for h in headings.inexact:
        standard = SECTIONS[h.number - 1].heading
        report.notes.append(ParseNote("S05", f"部分标题“{text[h.start:h.end].strip()}”与标准“{standard}”不完全一致",
                                      spans=((h.start, h.end),), subject=f"heading-wording:{h.number}"))
    for h in headings.extra:
        report.notes.append(ParseNote("S05", f"报告多出一个部分“{h.text}”，其后各部分的编号与标准格式不一致",
                                      spans=((h.start, h.end),), subject=f"extra-part:{h.numeral}"))
    if layout in ("2019", "pre-2019"):
        report.tables = {t: None for t in TABLES}
        return report
    bounds = sorted(h.start for h in headings.extra)
    for spec, region in _regions(folded, sections, bounds).items():
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
    first = min(found)
    return max(folded.rfind("\n", 0, first) + 1, first - 300, start)


def _regions(folded: str, sections: dict, bounds: list[int]) -> dict[TableSpec, Span | None]:
    """Where each table is looked for: its part's body, up to the next heading (or an extra part); when
    the heading is missing, from the table's first marker."""
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
    heading_starts = sorted([s.heading_span[0] for s in sections.values()] + bounds)
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
